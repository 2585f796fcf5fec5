// The register across meetings, through the real binary: carried items found
// again by their wording, history, manual changes, duplicates, merge/unmerge,
// and import order.
#include "cli_fixture.h"

namespace plenary::cli_testing {
namespace {

// Plenary #16 reviews #15's items in shortened words and adds new ones.
constexpr std::string_view kReview16 =
    "SSR2 Plenary Meeting #16 - Tuesday 20 June @ 06:00 UTC\n"
    "\n"
    "Attendees: Emily Taylor, James Gannon, Alain Aina\n"
    "Staff: Jennifer Bryce\n"
    "\n"
    "\tAction Items Plenary #16\n"
    "\n"
    "\tAction\n\tOwner\n\tDue Date\n"
    "\n"
    "\tCirculate the SSR1 briefing schedule to the list.\n\tJG\n\t27 June\n"
    "\n"
    "\tPrepare work plan drafts for every sub-topic.\n\tET\n\t7 July\n"
    "\n"
    "SUMMARY NOTES:\n"
    "\n"
    "Review open action items list\n"
    "\xC2\xB7 Schedule remaining SSR1 briefings: Due 30 June\n"
    "\xC2\xB7 Provide SSR2-RT with response to the Terms of Reference. Board response still "
    "pending.\n"
    "\xC2\xB7 Draft work plans for each subtopic. Done.\n"
    "\n"
    "END OF MEETING\n";

class CliRegisterTest : public CliTest {
 protected:
  void ImportBoth() {
    ImportSsr2();
    RunResult r = Plenary({"import", WriteFile("ssr2-plenary-16.txt", kReview16)});
    ASSERT_EQ(r.status, 0) << r.err;
  }
  json Item(const std::string& text_prefix) const {
    for (const json& item : Json({"actions", "--json"}))
      if (item.value("text", "").rfind(text_prefix, 0) == 0) return item;
    ADD_FAILURE() << "no item " << text_prefix;
    return json::object();
  }
  json Show(std::int64_t id) const {
    RunResult r = Plenary({"actions", "show", std::to_string(id), "--json"});
    EXPECT_EQ(r.status, 0) << r.err;
    return json::parse(r.out, nullptr, false);
  }
};

TEST_F(CliRegisterTest, CarriedItemsAreTheSameItemsUpdated) {
  ImportBoth();
  EXPECT_EQ(Json({"actions", "--json"}).size(), 15u);  // 13 from #15 + 2 new rows in #16
  json schedule = Item("Schedule remainder of SSR1 briefings");
  EXPECT_EQ(schedule["due"], "2017-06-30");
  EXPECT_EQ(schedule["meeting"]["number"], 15);
  json shown = Show(schedule["id"].get<std::int64_t>());
  ASSERT_EQ(shown["history"].size(), 2u);
  EXPECT_EQ(shown["history"][1]["change"], "due 2017-06-23 -> 2017-06-30");
  EXPECT_EQ(shown["history"][1]["words"], "Schedule remaining SSR1 briefings");
  EXPECT_EQ(shown["history"][1]["meeting"]["number"], 16);

  EXPECT_EQ(Item("Provide SSR2-RT")["status_note"], "Board response still pending.");
  EXPECT_EQ(Item("Draft work plans for each subtopic")["status"], "complete");
}

TEST_F(CliRegisterTest, ManualChangesAreRecordedWithWho) {
  ImportBoth();
  std::string id = std::to_string(Item("Post attendance participation rates")["id"].get<int>());
  RunResult done = Plenary({"actions", "done", id, "--note", "Posted on the wiki", "--who", "jb"});
  ASSERT_EQ(done.status, 0) << done.err;
  json item = Show(std::stoll(id));
  EXPECT_EQ(item["status"], "complete");
  EXPECT_EQ(item["status_note"], "Posted on the wiki");
  EXPECT_EQ(item["history"].back()["who"], "jb");
  EXPECT_EQ(item["history"].back()["change"], "completed");

  RunResult set = Plenary({"actions", "set", id, "--status", "open", "--due", "2017-07-07",
                           "--owner", "JG", "--owner", "Staff", "--who", "jb"});
  ASSERT_EQ(set.status, 0) << set.err;
  item = Show(std::stoll(id));
  EXPECT_EQ(item["status"], "open");
  EXPECT_EQ(item["due"], "2017-07-07");
  EXPECT_EQ(item["owners"], json({"James Gannon", "Staff"}));

  // A later import replays the register: the manual changes stay.
  ASSERT_EQ(Plenary({"import", WriteFile("again.txt", std::string(kReview16) + "\n")}).status, 0);
  EXPECT_EQ(Show(std::stoll(id))["due"], "2017-07-07");

  EXPECT_EQ(Plenary({"actions", "set", id, "--status", "finished"}).status, 2);
  EXPECT_EQ(Plenary({"actions", "set", id}).status, 2);
  EXPECT_EQ(Plenary({"actions", "done", "9999"}).status, 1);
}

TEST_F(CliRegisterTest, DuplicatesMergeAndUnmergeEndWhereTheyBegan) {
  ImportBoth();
  json pairs = Json({"actions", "duplicates", "--json"});
  std::int64_t keep = Item("Draft work plans")["id"],
               other = Item("Prepare work plan drafts")["id"];
  ASSERT_FALSE(pairs.empty());
  // The completed item is not listed: only open items are candidates.
  for (const json& p : pairs) EXPECT_NE(p["a"], keep);

  std::string before_bytes = Plenary({"actions", "--json"}).out;
  RunResult merge = Plenary({"actions", "merge", std::to_string(keep), std::to_string(other)});
  ASSERT_EQ(merge.status, 0) << merge.err;
  EXPECT_EQ(Json({"actions", "--json"}).size(), 14u);
  json merged = Show(other);
  EXPECT_EQ(merged["merged_into"], keep);
  json kept = Show(keep);
  EXPECT_EQ(kept["history"].back()["change"],
            "merged: Prepare work plan drafts for every sub-topic.");

  RunResult unmerge = Plenary({"actions", "unmerge", std::to_string(other)});
  ASSERT_EQ(unmerge.status, 0) << unmerge.err;
  EXPECT_EQ(Plenary({"actions", "--json"}).out, before_bytes);  // ids included
  EXPECT_EQ(Plenary({"actions", "unmerge", std::to_string(other)}).status, 1);
  EXPECT_EQ(Plenary({"actions", "merge", std::to_string(keep), std::to_string(keep)}).status, 1);
}

TEST_F(CliRegisterTest, AmbiguousMentionIsANoticeAndANewItem) {
  constexpr std::string_view kTwoPlans =
      "SSR2 Plenary Meeting #16 - Tuesday 20 June 2017 @ 06:00 UTC\n\n"
      "\tAction Items\n\n\tAction\n\tOwner\n\tDue Date\n\n"
      "\tShare thoughts on the ICANN Security subtopic work plans.\n\tTeam\n\t30 June\n\n"
      "\tShare thoughts on the SSR1 subtopic work plans.\n\tTeam\n\t30 June\n";
  constexpr std::string_view kVague =
      "SSR2 Plenary Meeting #17 - Tuesday 27 June 2017 @ 06:00 UTC\n\n"
      "SUMMARY NOTES:\n\nReview open action items list\n"
      "\xC2\xB7 Share thoughts on subtopic work plans: Due 7 July\n";
  ASSERT_EQ(Plenary({"import", WriteFile("16.txt", kTwoPlans), WriteFile("17.txt", kVague)}).status,
            0);
  json items = Json({"actions", "--json"});
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0]["due"], "2017-06-30");  // neither candidate was changed
  EXPECT_EQ(items[1]["due"], "2017-06-30");
  json notices = Json({"actions", "notices", "--json"});
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0]["meeting"]["number"], 17);
  EXPECT_EQ(notices[0]["line"], 6);
  EXPECT_NE(notices[0]["message"].get<std::string>().find("could be"), std::string::npos);
}

TEST_F(CliRegisterTest, ImportOrderDoesNotChangeTheRegister) {
  ImportBoth();
  std::multiset<std::string> in_order = RegisterContents();
  db_ = Path("shuffled.db");
  ASSERT_EQ(Plenary({"import", WriteFile("16.txt", kReview16), "--roster", kRoster}).status, 0);
  ASSERT_EQ(Plenary({"import", kNotes}).status, 0);
  EXPECT_EQ(RegisterContents(), in_order);
}

}  // namespace
}  // namespace plenary::cli_testing
