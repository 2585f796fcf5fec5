// Integration tests of `plenary attendance`: the attendance log, participation
// over a month or a period, sub-teams, membership dates, and bad usage; run
// against the real binary (see cli_fixture.h) and doc/cli.md.
#include <string>
#include <vector>

#include "cli_fixture.h"

namespace plenary {
namespace {

using cli_testing::CliTest;
using cli_testing::FirstLine;
using cli_testing::json;
using cli_testing::kNotes;
using cli_testing::kRoster;
using cli_testing::ReadBytes;
using cli_testing::RunResult;

// The example roster, with Eric Osterweil joining in August, Cathy Handley
// leaving mid-June, and two sub-teams.
std::string RosterWithDatesAndSubTeams() {
  std::string roster = ReadBytes(kRoster);
  auto dated = [&](const std::string& line, const std::string& dates) {
    std::size_t at = roster.find(line + "\n");
    EXPECT_NE(at, std::string::npos) << line;
    if (at != std::string::npos) roster.insert(at + line.size(), " | " + dates);
  };
  dated("Eric Osterweil | member | EO", "2017-08-01 to");
  dated("Cathy Handley | member | CH", "to 2017-06-15");
  return roster +
         "subteam: SSR1 review | lead: Denise Michel | members: DM, ET, JG\n"
         "subteam: ICANN Security | members: GH, ZK\n";
}

constexpr std::string_view kPlenary16 =
    "SSR2 Plenary Meeting #16 - Tuesday 20 June @ 14:00 UTC\n\n"
    "Attendees: Emily Taylor, JG, Denise Michel, Walk In\n"
    "Staff: Jennifer Bryce\n"
    "Apologies: Alain Aina\n";

constexpr std::string_view kReview3 =
    "SSR2 SSR1 Review Subteam Meeting #3 - Thursday 22 June @ 14:00 UTC\n\n"
    "Attendees: Emily Taylor, Geoff Huston\n"
    "Apologies: DM\n";

class CliAttendanceTest : public CliTest {
 protected:
  // SSR2 #15 (13 June), #16 (20 June) and the SSR1 review sub-team's #3.
  void ImportJune() {
    RunResult r =
        Plenary({"import", "--roster", WriteFile("roster.txt", RosterWithDatesAndSubTeams()),
                 kNotes, WriteFile("p16.txt", kPlenary16), WriteFile("review3.txt", kReview3)});
    ASSERT_EQ(r.status, 0) << r.err;
  }

  // The line of `out` that starts with `name`, split into words.
  static std::vector<std::string> RowOf(const std::string& out, const std::string& name) {
    std::size_t at = out.find("\n" + name + " ");
    if (at == std::string::npos) return {};
    std::istringstream line(out.substr(at + 1, out.find('\n', at + 1) - at - 1));
    std::vector<std::string> words;
    for (std::string w; line >> w;) words.push_back(w);
    return words;
  }

  static json PersonIn(const json& block, const std::string& name) {
    for (const json& p : block["people"])
      if (p["name"] == name) return p;
    return nullptr;
  }
};

TEST_F(CliAttendanceTest, JuneRatesOfTheExample) {
  ImportSsr2();
  json blocks = Json({"attendance", "--month", "2017-06", "--json"});
  ASSERT_EQ(blocks.size(), 1u);
  const json& ssr2 = blocks[0];
  EXPECT_EQ(ssr2["group"], "SSR2");
  EXPECT_EQ(ssr2["subteam"], nullptr);
  EXPECT_EQ(ssr2["from"], "2017-06-01");
  EXPECT_EQ(ssr2["to"], "2017-06-30");
  EXPECT_EQ(ssr2["meetings"], json::parse(R"([{"kind": "Plenary", "number": 15,
                                               "date": "2017-06-13"}])"));
  EXPECT_EQ(PersonIn(ssr2, "Emily Taylor"),
            json::parse(R"({"name": "Emily Taylor", "role": "member", "on_roster": true,
                            "held": 1, "present": 1, "apologies": 0, "absent": 0, "rate": 1.0})"));
  EXPECT_EQ(PersonIn(ssr2, "Boban Krsic")["apologies"], 1);
  EXPECT_EQ(PersonIn(ssr2, "Boban Krsic")["rate"], 0.0);
  EXPECT_EQ(PersonIn(ssr2, "Denise Michel")["absent"], 1);
  EXPECT_EQ(PersonIn(ssr2, "Kaveh Ranjbar")["role"], "liaison");
  EXPECT_EQ(PersonIn(ssr2, "Kaveh Ranjbar")["rate"], 1.0);
  EXPECT_EQ(PersonIn(ssr2, "Jennifer Bryce"),
            json::parse(R"({"name": "Jennifer Bryce", "role": "staff", "on_roster": true,
                            "held": null, "present": 1, "apologies": 0, "absent": null,
                            "rate": null})"));
}

TEST_F(CliAttendanceTest, MonthCountsMembershipSubTeamsAndNamesNotOnTheRoster) {
  ImportJune();
  json blocks = Json({"attendance", "--month", "2017-06", "--json"});
  ASSERT_EQ(blocks.size(), 2u);
  const json& ssr2 = blocks[0];
  EXPECT_EQ(ssr2["meetings"].size(), 2u);  // not the sub-team's meeting
  EXPECT_EQ(PersonIn(ssr2, "Emily Taylor")["held"], 2);
  EXPECT_EQ(PersonIn(ssr2, "Emily Taylor")["rate"], 1.0);
  EXPECT_EQ(PersonIn(ssr2, "Alain Aina")["rate"], 0.5);
  EXPECT_EQ(PersonIn(ssr2, "Alain Aina")["apologies"], 1);
  EXPECT_EQ(PersonIn(ssr2, "Cathy Handley")["held"], 1);  // left on 15 June
  EXPECT_EQ(PersonIn(ssr2, "Eric Osterweil"), nullptr);   // joins in August
  EXPECT_EQ(PersonIn(ssr2, "Walk In"),
            json::parse(R"({"name": "Walk In", "role": null, "on_roster": false, "held": null,
                            "present": 1, "apologies": 0, "absent": null, "rate": null})"));
  EXPECT_EQ(PersonIn(ssr2, "Jennifer Bryce")["present"], 2);

  const json& review = blocks[1];
  EXPECT_EQ(review["subteam"], "SSR1 review");
  EXPECT_EQ(review["meetings"][0]["kind"], "SSR1 Review Subteam");
  std::vector<std::string> names;
  for (const json& p : review["people"]) names.push_back(p["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"Denise Michel", "Emily Taylor", "James Gannon"}));
  EXPECT_EQ(PersonIn(review, "Denise Michel")["apologies"], 1);
  EXPECT_EQ(PersonIn(review, "Emily Taylor")["rate"], 1.0);
}

TEST_F(CliAttendanceTest, MonthAsText) {
  ImportJune();
  RunResult r = Plenary({"attendance", "--month", "2017-06"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(FirstLine(r.out), "SSR2 participation, June 2017: 2 meetings");
  EXPECT_EQ(RowOf(r.out, "Emily Taylor"),
            (std::vector<std::string>{"Emily", "Taylor", "member", "2", "2", "0", "0", "100%"}));
  EXPECT_EQ(RowOf(r.out, "Alain Aina"),
            (std::vector<std::string>{"Alain", "Aina", "member", "2", "1", "1", "0", "50%"}));
  EXPECT_EQ(RowOf(r.out, "Walk In"), (std::vector<std::string>{"Walk", "In", "not", "on", "the",
                                                               "roster", "–", "1", "0", "–", "–"}));
  EXPECT_EQ(RowOf(r.out, "Jennifer Bryce"),
            (std::vector<std::string>{"Jennifer", "Bryce", "staff", "2"}));
  EXPECT_NE(r.out.find("\nSSR2 sub-team SSR1 review participation, June 2017: 1 meeting\n"),
            std::string::npos)
      << r.out;

  // No meeting in July: nobody has a rate, and no sub-team block.
  r = Plenary({"attendance", "--month", "2017-07"});
  EXPECT_EQ(FirstLine(r.out), "SSR2 participation, July 2017: 0 meetings");
  EXPECT_EQ(RowOf(r.out, "Emily Taylor"),
            (std::vector<std::string>{"Emily", "Taylor", "member", "0", "0", "0", "0", "–"}));
  EXPECT_EQ(r.out.find("sub-team"), std::string::npos) << r.out;
}

TEST_F(CliAttendanceTest, AnyPeriod) {
  ImportJune();
  json blocks = Json({"attendance", "--from", "2017-06-14", "--to", "2017-06-30", "--json"});
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0]["meetings"].size(), 1u);
  // A member then, but for no meeting: no rate.
  EXPECT_EQ(PersonIn(blocks[0], "Cathy Handley")["held"], 0);
  EXPECT_EQ(PersonIn(blocks[0], "Cathy Handley")["rate"], nullptr);
  EXPECT_EQ(PersonIn(blocks[0], "Alain Aina")["rate"], 0.0);

  blocks = Json({"attendance", "--from", "2017-06-16", "--to", "2017-06-30", "--json"});
  EXPECT_EQ(PersonIn(blocks[0], "Cathy Handley"), nullptr);  // she left on the 15th

  blocks = Json({"attendance", "--from", "2017-06-21", "--json"});
  EXPECT_EQ(blocks[0]["to"], nullptr);
  EXPECT_EQ(blocks[0]["meetings"].size(), 0u);
  EXPECT_EQ(blocks.size(), 2u);
  EXPECT_EQ(FirstLine(Plenary({"attendance", "--to", "2017-06-13"}).out),
            "SSR2 participation, to 2017-06-13: 1 meeting");
}

TEST_F(CliAttendanceTest, LogGridWithRatesAndBlanksOutsideMembership) {
  ImportJune();
  RunResult r = Plenary({"attendance"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(FirstLine(r.out),
            "SSR2 attendance (P present, A apologies, - absent; blank: not a member then)");
  EXPECT_EQ(RowOf(r.out, "Emily Taylor"),
            (std::vector<std::string>{"Emily", "Taylor", "P", "P", "2/2", "100%"}));
  EXPECT_EQ(RowOf(r.out, "Alain Aina"),
            (std::vector<std::string>{"Alain", "Aina", "P", "A", "1/2", "50%"}));
  EXPECT_EQ(RowOf(r.out, "Cathy Handley"),
            (std::vector<std::string>{"Cathy", "Handley", "-", "0/1", "0%"}));
  EXPECT_EQ(RowOf(r.out, "Eric Osterweil"),
            (std::vector<std::string>{"Eric", "Osterweil", "0/0", "–"}));
  EXPECT_NE(r.out.find("\nWalk In (not on the roster)  "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nSSR2 sub-team SSR1 review attendance"), std::string::npos) << r.out;

  json log = Json({"attendance", "--json"});
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[1]["not_on_roster"], json::parse(R"(["Walk In"])"));
  EXPECT_EQ(log[1]["present"], json::parse(R"(["Denise Michel", "James Gannon", "Emily Taylor",
                                                "Walk In"])"));
  EXPECT_EQ(log[2]["subteam"], "SSR1 review");
  EXPECT_EQ(log[2]["absent"], json::parse(R"(["James Gannon"])"));
  EXPECT_EQ(log[2]["guests"], json::parse(R"(["Geoff Huston"])"));
}

TEST_F(CliAttendanceTest, GroupPicksOneGroup) {
  ImportJune();
  RunResult r = Plenary({"import", "--year", "2017",
                         WriteFile("rds.txt",
                                   "RDS Plenary Meeting #1 - 8 June @ 14:00 UTC\n\n"
                                   "Attendees: Pat Doe\n")});
  ASSERT_EQ(r.status, 0) << r.err;
  json blocks = Json({"attendance", "--month", "2017-06", "--json"});
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0]["group"], "RDS");
  blocks = Json({"attendance", "--month", "2017-06", "--group", "rds", "--json"});
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(PersonIn(blocks[0], "Pat Doe")["on_roster"], false);
  r = Plenary({"attendance", "--group", "SSR2"});
  EXPECT_EQ(FirstLine(r.out),
            "SSR2 attendance (P present, A apologies, - absent; blank: not a member then)");
  EXPECT_EQ(r.out.find("RDS"), std::string::npos);
}

TEST_F(CliAttendanceTest, BadValuesAreBadUsage) {
  ImportJune();
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--month", "2017-13"}, "plenary: error: --month 2017-13: expected a month YYYY-MM\n"},
      {{"--month", "June"}, "plenary: error: --month June: expected a month YYYY-MM\n"},
      {{"--from", "2017-06-31"}, "plenary: error: --from 2017-06-31: expected a date YYYY-MM-DD\n"},
      {{"--to", "tomorrow"}, "plenary: error: --to tomorrow: expected a date YYYY-MM-DD\n"},
      {{"--from", "2017-07-01", "--to", "2017-06-01"},
       "plenary: error: --from 2017-07-01 is after --to 2017-06-01\n"},
      {{"--group", "ATRT3"},
       "plenary: error: --group ATRT3: no such group in the register (groups: SSR2)\n"},
  };
  for (const auto& [args, err] : cases) {
    std::vector<std::string> argv{"attendance"};
    argv.insert(argv.end(), args.begin(), args.end());
    RunResult r = Plenary(argv);
    EXPECT_EQ(r.status, 2) << args[0];
    EXPECT_EQ(r.err, err);
    EXPECT_EQ(r.out, "");
  }
  RunResult r = Plenary({"attendance", "--month", "2017-06", "--from", "2017-06-01"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--month excludes --from"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace plenary
