// The register end to end over a series of six plenaries (SSR2 #15–#20, in
// tests/data/ssr2-series): every action item's final state and history length,
// the near-duplicate pair, the ambiguous mention, overdue and owner queries,
// import order, and attendance per meeting. The expectations below are
// tests/data/ssr2-series/EXPECTED.md (sections 3–6 and 8) as plain data; when
// one changes, change the other.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "cli_fixture.h"

namespace plenary::cli_testing {
namespace {

const fs::path kSeries = fs::path(PLENARY_SOURCE_DIR) / "tests/data/ssr2-series";
const std::string kSeriesRoster = (kSeries / "roster.txt").string();

std::string Notes(int number) {
  return (kSeries / ("ssr2-plenary-" + std::to_string(number) + ".txt")).string();
}

// One item of EXPECTED.md section 3 (final state after #20, see also the
// summary in section 4).
struct ExpectedItem {
  std::string label;   // EXPECTED.md's: A1..A32, and X (the ambiguous mention)
  std::string prefix;  // a prefix of the item's text that no other item's text has
  std::string status;
  std::string due;  // "" for none
  std::vector<std::string> owners;
  std::string note;     // the latest status note; "" for none
  std::size_t history;  // entries of `actions show --json`: created + one per later mention
};

// In the order the register creates them.
// clang-format off
const std::vector<ExpectedItem> kItems = {
    {"A1", "Post attendance participation rates", "open", "2017-07-31", {"ICANN Org"},
     "June rates posted", 4},
    {"A2", "Provide SSR2-RT with response", "complete", "2017-06-30", {"ICANN Board"},
     "Board response received 30 June and circulated to the list.", 4},
    {"A3", "Staff to capture and share", "complete", "2017-06-16", {"ICANN Org"}, "", 2},
    {"A4", "ICANN DNS Engineering team to reframe", "cancelled", "2017-07-14", {"ICANN Org"},
     "Covered by the DNS SSR sub-team.", 4},
    {"A5", "Send written responses to RT questions", "complete", "2017-06-30", {"ICANN Org"}, "", 4},
    {"A6", "Observers: Keep interactions", "complete", "", {}, "", 2},  // created complete
    {"A7", "Share thoughts and continue discussion", "complete", "2017-07-07", {}, "", 4},
    {"A8", "Consolidate duplicative items", "open", "2017-07-28", {"Jennifer Bryce"}, "", 5},
    {"A9", "Draft work plans for each subtopic", "open", "2017-07-28", {},
     "DNS SSR and Future Challenges plans still outstanding", 5},
    {"A10", "Staff start a thread", "complete", "2017-06-30", {"Staff"}, "", 3},
    {"A11", "Schedule remainder of SSR1 briefings", "complete", "2017-07-14", {},
     "Two briefings still to be scheduled", 5},
    {"A12", "ICANN OCTO team tracking", "open", "2017-07-31", {"ICANN OCTO"},
     "Links circulated on 5 July; ITHI timeline still pending.", 4},
    {"A13", "Staff to put attendance log together", "complete", "2017-06-30", {"Staff"},
     "Log for March\xE2\x80\x93June now available on the wiki.", 3},
    {"A14", "Circulate draft agenda for the SSR2 face-to-face", "complete", "2017-06-22",
     {"ICANN Org"}, "", 2},
    {"A15", "Draft SSR1 recommendation assessment template", "complete", "2017-06-30",
     {"Denise Michel"}, "", 2},
    {"A16", "Compile list of ICANN internal security documents", "complete", "2017-07-07",
     {"James Gannon", "Emily Taylor"}, "", 3},
    {"A17", "Provide information on ICANN", "complete", "2017-07-14", {"ICANN Org"},
     "Awaiting input from ICANN Finance", 3},
    {"A18", "Publish monthly attendance rates", "open", "2017-07-07", {"ICANN Org"}, "", 1},
    {"A19", "Circulate slides from the ISO 27001", "complete", "2017-06-30", {"ICANN Org"}, "", 2},
    {"A20", "Prepare list of questions for ICANN Org", "complete", "2017-07-21",
     {"Kerry-Ann Barrett"}, "", 3},
    {"A21", "Send summary of the Johannesburg session", "complete", "2017-07-07", {"Emily Taylor"},
     "", 2},
    {"A22", "Review the Board", "open", "2017-07-25", {"Team"}, "", 3},
    {"A23", "Update the SSR2 wiki with sub-team", "cancelled", "2017-07-07", {"ICANN Org"},
     "Sub-team pages are now maintained by the sub-team leads.", 2},
    {"A24", "Invite ICANN IT to brief", "complete", "2017-07-25", {"James Gannon"},
     "Briefing scheduled for 1 August.", 3},
    {"A25", "Staff to send a Doodle poll", "complete", "", {"Staff"}, "", 2},
    {"A26", "Circulate scope and work plan of the DNS SSR", "open", "2017-07-25",
     {"Eric Osterweil", "Geoff Huston"}, "", 2},
    {"A27", "Prepare a briefing request to ICANN Org on the status of the KSK", "open", "2017-07-25",
     {"Geoff Huston"}, "", 1},
    {"A28", "Send welcome pack", "complete", "2017-07-14", {"ICANN Org"}, "", 2},
    {"X", "Monthly attendance rates on the wiki", "open", "2017-07-31", {}, "", 1},
    {"A29", "Circulate draft findings on SSR1 recommendations", "open", "2017-07-28",
     {"Denise Michel", "Kerry-Ann Barrett"}, "", 1},
    {"A30", "Prepare a gap assessment proposal", "open", "2017-08-04", {"ICANN Org"}, "", 1},
    {"A31", "Set up fortnightly sub-team calls", "open", "2017-07-21", {"ICANN Org"}, "", 1},
    {"A32", "JG to draft an agenda", "open", "2017-07-28", {"James Gannon"}, "", 1},
};
// clang-format on

// EXPECTED.md section 5: the likely duplicates after #20, by label.
const std::set<std::set<std::string>> kDuplicatePairs = {{"A1", "A18"}, {"A1", "X"}, {"A18", "X"}};
// Section 4: open and due before 2017-07-19.
const std::set<std::string> kOverdueOn20170719 = {"A18"};
// Section 3: James Gannon (JG) among the owners.
const std::set<std::string> kJamesGannon = {"A16", "A24", "A32"};

// EXPECTED.md section 8: one meeting of the attendance log. Members only in
// `present` (a name not on the roster is in `not_on_roster`, and `present` too);
// `absent` in roster order.
struct ExpectedMeeting {
  int number;
  std::string date;
  std::vector<std::string> present, apologies, absent, staff, not_on_roster;
};

const std::vector<ExpectedMeeting> kMeetings = {
    {15,
     "2017-06-13",
     {"Emily Taylor", "James Gannon", "Zarko Kecic", "Kaveh Ranjbar", "Alain Aina",
      "Ram Krishna Pariyar"},
     {"Boban Krsic"},
     {"Noorul Ameen", "Kerry-Ann Barrett", "Denise Michel", "Mohamad Amin Hasbini", "Geoff Huston",
      "Eric Osterweil", "Norm Ritchie", "Cathy Handley", "Matogoro Jabhera", "Naveed Bin Rais"},
     {"Jennifer Bryce", "Karen Mulberry", "Yvette Guigneaux", "Laena Rahim", "Steve Conte"},
     {}},
    {16,
     "2017-06-20",
     {"Emily Taylor", "James Gannon", "Denise Michel", "Kerry-Ann Barrett", "Boban Krsic",
      "Geoff Huston", "Eric Osterweil", "Alain Aina", "Kaveh Ranjbar"},
     {"Zarko Kecic", "Ram Krishna Pariyar", "Noorul Ameen"},
     {"Mohamad Amin Hasbini", "Norm Ritchie", "Cathy Handley", "Matogoro Jabhera",
      "Naveed Bin Rais"},
     {"Jennifer Bryce", "Karen Mulberry", "Yvette Guigneaux", "Steve Conte"},
     {}},
    {17,
     "2017-06-27",
     {"Emily Taylor", "James Gannon", "Denise Michel", "Zarko Kecic", "Boban Krsic",
      "Kerry-Ann Barrett", "Eric Osterweil", "Noorul Ameen", "Mohamad Amin Hasbini",
      "Cathy Handley", "Kaveh Ranjbar"},
     {"Geoff Huston", "Alain Aina"},
     {"Ram Krishna Pariyar", "Norm Ritchie", "Matogoro Jabhera", "Naveed Bin Rais"},
     {"Jennifer Bryce", "Karen Mulberry", "Laena Rahim", "Steve Conte"},
     {"Helena Marsh"}},
    {18,
     "2017-07-04",
     {"Emily Taylor", "Denise Michel", "Zarko Kecic", "Boban Krsic", "Kerry-Ann Barrett",
      "Geoff Huston", "Ram Krishna Pariyar", "Naveed Bin Rais", "Matogoro Jabhera",
      "Kaveh Ranjbar"},
     {"Eric Osterweil", "Norm Ritchie"},
     {"Alain Aina", "Noorul Ameen", "James Gannon", "Mohamad Amin Hasbini", "Cathy Handley",
      "Laurin Weissinger"},
     {"Jennifer Bryce", "Yvette Guigneaux", "Laena Rahim"},
     {}},
    {19,
     "2017-07-11",
     {"Emily Taylor", "Denise Michel", "Zarko Kecic", "Boban Krsic", "Geoff Huston",
      "Eric Osterweil", "Alain Aina", "Noorul Ameen", "Cathy Handley", "Laurin Weissinger",
      "Kaveh Ranjbar"},
     {"James Gannon", "Kerry-Ann Barrett", "Mohamad Amin Hasbini"},
     {"Ram Krishna Pariyar", "Norm Ritchie", "Matogoro Jabhera", "Naveed Bin Rais"},
     {"Jennifer Bryce", "Karen Mulberry", "Yvette Guigneaux", "Laena Rahim", "Steve Conte"},
     {}},
    {20,
     "2017-07-18",
     {"James Gannon", "Denise Michel", "Zarko Kecic", "Boban Krsic", "Kerry-Ann Barrett",
      "Geoff Huston", "Eric Osterweil", "Mohamad Amin Hasbini", "Norm Ritchie", "Naveed Bin Rais",
      "Laurin Weissinger", "Kaveh Ranjbar"},
     {"Emily Taylor", "Alain Aina", "Cathy Handley"},
     {"Noorul Ameen", "Ram Krishna Pariyar", "Matogoro Jabhera"},
     {"Jennifer Bryce", "Karen Mulberry", "Steve Conte"},
     {}},
};

// Section 8's table over the six meetings: held, present, apologies, absent.
struct ExpectedParticipation {
  std::string name;
  int held, present, apologies, absent;
};

const std::vector<ExpectedParticipation> kParticipation = {
    {"Alain Aina", 6, 3, 2, 1},          {"Noorul Ameen", 6, 2, 1, 3},
    {"Kerry-Ann Barrett", 6, 4, 1, 1},   {"Denise Michel", 6, 5, 0, 1},
    {"James Gannon", 6, 4, 1, 1},        {"Mohamad Amin Hasbini", 6, 2, 1, 3},
    {"Geoff Huston", 6, 4, 1, 1},        {"Zarko Kecic", 6, 5, 1, 0},
    {"Boban Krsic", 6, 5, 1, 0},         {"Emily Taylor", 6, 5, 1, 0},
    {"Ram Krishna Pariyar", 6, 2, 1, 3}, {"Eric Osterweil", 6, 4, 1, 1},
    {"Norm Ritchie", 6, 1, 1, 4},        {"Cathy Handley", 6, 2, 1, 3},
    {"Matogoro Jabhera", 6, 1, 0, 5},    {"Naveed Bin Rais", 6, 2, 0, 4},
    {"Laurin Weissinger", 3, 2, 0, 1},   {"Kaveh Ranjbar", 6, 6, 0, 0},
};

std::vector<std::string> Strings(const json& array) {
  std::vector<std::string> out;
  for (const json& s : array) out.push_back(s.get<std::string>());
  return out;
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

class RegisterSeriesTest : public CliTest {
 protected:
  // As a secretariat would: the roster with the first notes, then one import
  // a meeting, in the order given. Returns the standard error of each.
  std::vector<std::string> ImportOneByOne(const std::vector<int>& order) {
    std::vector<std::string> errors;
    for (std::size_t i = 0; i < order.size(); ++i) {
      std::vector<std::string> args = {"import", Notes(order[i])};
      if (i == 0) args.insert(args.end(), {"--roster", kSeriesRoster});
      RunResult r = Plenary(args);
      EXPECT_EQ(r.status, 0) << "#" << order[i] << ": " << r.err;
      // The first line says which format was read; the rest are the warnings.
      const std::string said = Notes(order[i]) + ": read as icann-notes (detected: ";
      EXPECT_EQ(r.err.rfind(said, 0), 0u) << r.err;
      const std::size_t end = r.err.find('\n');
      errors.push_back(end == std::string::npos ? "" : r.err.substr(end + 1));
    }
    return errors;
  }

  // Label -> id, each item found by its prefix (exactly one item has it).
  std::map<std::string, std::int64_t> IdsByLabel(const json& items) const {
    std::map<std::string, std::int64_t> ids;
    for (const ExpectedItem& e : kItems) {
      std::vector<std::int64_t> found;
      for (const json& item : items)
        if (item.value("text", "").rfind(e.prefix, 0) == 0) found.push_back(item["id"]);
      if (found.size() == 1)
        ids[e.label] = found[0];
      else
        ADD_FAILURE() << e.label << ": " << found.size() << " items start with '" << e.prefix
                      << "'";
    }
    return ids;
  }

  static std::string LabelOf(std::int64_t id, const std::map<std::string, std::int64_t>& ids) {
    for (const auto& [label, label_id] : ids)
      if (label_id == id) return label;
    return "#" + std::to_string(id);
  }

  static std::set<std::string> Labels(const json& items,
                                      const std::map<std::string, std::int64_t>& ids) {
    std::set<std::string> labels;
    for (const json& item : items) labels.insert(LabelOf(item["id"], ids));
    return labels;
  }

};

TEST_F(RegisterSeriesTest, EveryItemEndsAsExpectedDescribes) {
  std::vector<std::string> errors = ImportOneByOne({15, 16, 17, 18, 19, 20});
  ASSERT_EQ(errors.size(), 6u);
  // Section 1: one warning, the guest presenter at #17.
  for (std::size_t i = 0; i < errors.size(); ++i) {
    if (i == 2)
      EXPECT_NE(errors[i].find("'Helena Marsh' matches nobody"), std::string::npos) << errors[i];
    else
      EXPECT_EQ(errors[i], "") << "#" << 15 + i;
  }

  json items = Json({"actions", "--json"});
  EXPECT_EQ(items.size(), kItems.size());
  std::map<std::string, std::int64_t> ids = IdsByLabel(items);
  ASSERT_EQ(ids.size(), kItems.size());
  for (const ExpectedItem& e : kItems) {
    SCOPED_TRACE(e.label + " " + e.prefix);
    RunResult r = Plenary({"actions", "show", std::to_string(ids[e.label]), "--json"});
    ASSERT_EQ(r.status, 0) << r.err;
    json item = json::parse(r.out, nullptr, false);
    ASSERT_TRUE(item.is_object()) << r.out;
    EXPECT_EQ(item["status"], e.status);
    EXPECT_EQ(item["due"], e.due.empty() ? json(nullptr) : json(e.due));
    EXPECT_EQ(Strings(item["owners"]), e.owners);
    EXPECT_EQ(item["status_note"], e.note.empty() ? json(nullptr) : json(e.note));
    EXPECT_EQ(item["history"].size(), e.history) << item["history"].dump(1);
  }
  // Items are created in EXPECTED.md's order.
  for (std::size_t i = 1; i < kItems.size(); ++i)
    EXPECT_LT(ids[kItems[i - 1].label], ids[kItems[i].label]) << kItems[i].label;

  // Section 5: the near-duplicate pair, and the ambiguous mention's item with each of it.
  std::set<std::set<std::string>> pairs;
  for (const json& p : Json({"actions", "duplicates", "--json"}))
    pairs.insert({LabelOf(p["a"], ids), LabelOf(p["b"], ids)});
  EXPECT_EQ(pairs, kDuplicatePairs);

  // Section 6: #19 line 62 is reported, and recorded as X.
  json notices = Json({"actions", "notices", "--json"});
  ASSERT_EQ(notices.size(), 1u) << notices.dump(1);
  EXPECT_EQ(notices[0]["meeting"]["number"], 19);
  EXPECT_EQ(notices[0]["line"], 62);
  std::string message = notices[0].value("message", "");
  EXPECT_NE(message.find("Post attendance participation rates"), std::string::npos) << message;
  EXPECT_NE(message.find("Publish monthly attendance rates"), std::string::npos) << message;

  EXPECT_EQ(Labels(Json({"actions", "--overdue", "--as-of", "2017-07-19", "--json"}), ids),
            kOverdueOn20170719);
  std::set<std::string> by_initials = Labels(Json({"actions", "--owner", "JG", "--json"}), ids);
  EXPECT_EQ(by_initials, kJamesGannon);
  EXPECT_EQ(Labels(Json({"actions", "--owner", "james gannon", "--json"}), ids), by_initials);
}

TEST_F(RegisterSeriesTest, ImportOrderDoesNotChangeTheRegister) {
  ImportOneByOne({15, 16, 17, 18, 19, 20});
  const std::multiset<std::string> in_order = RegisterContents();
  const std::size_t count = Json({"actions", "--json"}).size();
  const std::string notices = Plenary({"actions", "notices", "--json"}).out;
  ASSERT_EQ(count, kItems.size());

  auto check = [&](const std::string& what) {
    SCOPED_TRACE(what);
    EXPECT_EQ(Json({"actions", "--json"}).size(), count);
    EXPECT_EQ(RegisterContents(), in_order);
    EXPECT_EQ(Plenary({"actions", "notices", "--json"}).out, notices);
  };
  db_ = Path("shuffled.db");
  ImportOneByOne({20, 15, 18, 16, 19, 17});
  check("20, 15, 18, 16, 19, 17");

  db_ = Path("reversed.db");
  ImportOneByOne({20, 19, 18, 17, 16, 15});
  check("20, 19, 18, 17, 16, 15");

  db_ = Path("at-once.db");
  RunResult r = Plenary({"import", "--roster", kSeriesRoster, Notes(18), Notes(20), Notes(15),
                         Notes(17), Notes(19), Notes(16)});
  ASSERT_EQ(r.status, 0) << r.err;
  check("one import: 18, 20, 15, 17, 19, 16");
}

TEST_F(RegisterSeriesTest, AttendancePerMeeting) {
  ImportOneByOne({15, 16, 17, 18, 19, 20});
  json log = Json({"attendance", "--json"});
  ASSERT_EQ(log.size(), kMeetings.size());
  for (std::size_t i = 0; i < kMeetings.size(); ++i) {
    const ExpectedMeeting& e = kMeetings[i];
    const json& m = log[i];
    SCOPED_TRACE("#" + std::to_string(e.number));
    EXPECT_EQ(m["number"], e.number);
    EXPECT_EQ(m["date"], e.date);
    EXPECT_EQ(m["subteam"], nullptr);
    std::vector<std::string> present = e.present;
    present.insert(present.end(), e.not_on_roster.begin(), e.not_on_roster.end());
    EXPECT_EQ(Sorted(Strings(m["present"])), Sorted(present));
    EXPECT_EQ(Sorted(Strings(m["apologies"])), Sorted(e.apologies));
    EXPECT_EQ(Strings(m["absent"]), e.absent);
    EXPECT_EQ(Sorted(Strings(m["staff"])), Sorted(e.staff));
    EXPECT_EQ(Strings(m["not_on_roster"]), e.not_on_roster);
    EXPECT_EQ(m["guests"], json::array());
    EXPECT_EQ(m["observers"], json::array());
  }

  // Over the six meetings: Laurin Weissinger expected at three.
  json blocks = Json({"attendance", "--from", "2017-06-13", "--to", "2017-07-18", "--json"});
  ASSERT_EQ(blocks.size(), 1u) << blocks.dump(1);  // no sub-team met
  std::vector<json> members;
  for (const json& p : blocks[0]["people"])
    if (p["role"] == "member" || p["role"] == "liaison") members.push_back(p);
  ASSERT_EQ(members.size(), kParticipation.size());
  for (std::size_t i = 0; i < members.size(); ++i) {
    const ExpectedParticipation& e = kParticipation[i];
    SCOPED_TRACE(e.name);
    EXPECT_EQ(members[i]["name"], e.name);
    EXPECT_EQ(members[i]["held"], e.held);
    EXPECT_EQ(members[i]["present"], e.present);
    EXPECT_EQ(members[i]["apologies"], e.apologies);
    EXPECT_EQ(members[i]["absent"], e.absent);
  }
}

}  // namespace
}  // namespace plenary::cli_testing
