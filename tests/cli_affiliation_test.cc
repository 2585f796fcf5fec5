// `plenary attendance --by-affiliation`: participation summed by the SO/AC
// (or other organisation) that appointed each member, from the roster's
// `affiliation:` fields, over a month or any period, as text and JSON.
#include <fmt/format.h>

#include "cli_fixture.h"

namespace plenary::cli_testing {
namespace {

constexpr std::string_view kRoster =
    "group: AFF\n"
    "active: 2026-01-01 to\n"
    "Ann Lee | member | AL | affiliation: GNSO | capacity: representative\n"
    "Bo Chan | member | BC | affiliation: gnso\n"
    "Cy Dee | member | CD | affiliation: ALAC | capacity: individual\n"
    "Di Eve | member | DE\n"
    "Fay Gee | staff | FG | affiliation: GNSO\n";

std::string Meeting(int number, std::string_view date, std::string_view attendees,
                    std::string_view apologies) {
  return fmt::format(
      "AFF Plenary Meeting #{} - {} @ 14:00 UTC\n\nAttendees: {}\nStaff: Fay Gee\nApologies: "
      "{}\n",
      number, date, attendees, apologies);
}

class CliAffiliationTest : public CliTest {};

TEST_F(CliAffiliationTest, ParticipationByAffiliationOverAMonthAndAnyPeriod) {
  RunResult r = Plenary(
      {"import", "--roster", WriteFile("roster.txt", kRoster),
       WriteFile("m1.txt", Meeting(1, "Tuesday 3 November 2026", "Ann Lee, Cy Dee", "Bo Chan")),
       WriteFile("m2.txt", Meeting(2, "Tuesday 10 November 2026", "Ann Lee, Bo Chan, Di Eve", "")),
       WriteFile("m3.txt", Meeting(3, "Tuesday 1 December 2026", "Bo Chan", "Cy Dee"))});
  ASSERT_EQ(r.status, 0) << r.err;

  r = Plenary({"attendance", "--by-affiliation", "--month", "2026-11"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("AFF participation by affiliation, November 2026: 2 meetings"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("GNSO"), std::string::npos);
  EXPECT_EQ(r.out.find("Fay Gee"), std::string::npos) << "staff are nobody's appointees";
  // Ann serves as a representative, Bo's capacity is not given; Cy is an individual.
  EXPECT_NE(r.out.find("Affiliation  Members           Reps  Indiv  Held"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("GNSO         Ann Lee, Bo Chan  1     0      4"), std::string::npos)
      << r.out;

  json month =
      json::parse(Plenary({"attendance", "--by-affiliation", "--month", "2026-11", "--json"}).out);
  ASSERT_EQ(month.size(), 1u) << month.dump(2);
  const json& rows = month[0]["affiliations"];
  ASSERT_EQ(rows.size(), 3u) << rows.dump(2);
  EXPECT_EQ(rows[0]["affiliation"], "GNSO");
  EXPECT_EQ(rows[0]["members"], (json{"Ann Lee", "Bo Chan"}));
  EXPECT_EQ(rows[0]["representatives"], 1);
  EXPECT_EQ(rows[0]["individuals"], 0);
  EXPECT_EQ(rows[1]["individuals"], 1);
  EXPECT_EQ(rows[0]["held"], 4);
  EXPECT_EQ(rows[0]["present"], 3);
  EXPECT_EQ(rows[0]["apologies"], 1);
  EXPECT_DOUBLE_EQ(rows[0]["rate"].get<double>(), 0.75);
  EXPECT_EQ(rows[1]["affiliation"], "ALAC");
  EXPECT_EQ(rows[1]["present"], 1);
  EXPECT_EQ(rows[1]["absent"], 1);
  EXPECT_EQ(rows[2]["affiliation"], nullptr);
  EXPECT_EQ(rows[2]["members"], json{"Di Eve"});

  json all = json::parse(Plenary({"attendance", "--by-affiliation", "--json"}).out);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0]["meetings"], 3);
  EXPECT_EQ(all[0]["affiliations"][0]["held"], 6);
  EXPECT_EQ(all[0]["affiliations"][0]["present"], 4);
  json december = json::parse(
      Plenary({"attendance", "--by-affiliation", "--from", "2026-12-01", "--json"}).out);
  EXPECT_EQ(december[0]["from"], "2026-12-01");
  EXPECT_EQ(december[0]["affiliations"][1]["apologies"], 1);
}

// What GNSO's appointees carry back: the period's decisions, the items opened
// and completed, the open items they own, their attendance; as text and JSON.
TEST_F(CliAffiliationTest, ReportBackForAnAffiliationAndPeriod) {
  std::string m1 = Meeting(1, "Tuesday 3 November 2026", "Ann Lee, Cy Dee", "Bo Chan") +
                   "\nDecisions: The team adopted the work plan.\n"
                   "\n\tAction Items Plenary #1\n\n\tAction\n\tOwner\n\tDue Date\n\n"
                   "\tDraft the GNSO briefing.\n\tAL\n\t20 November\n\n"
                   "\tCirculate the ALAC notes.\n\tCD\n\t20 November\n";
  std::string m2 = Meeting(2, "Tuesday 1 December 2026", "Bo Chan", "Cy Dee") +
                   "\nDecisions: The team approved the timeline.\n";
  RunResult r = Plenary({"import", "--roster", WriteFile("roster.txt", kRoster),
                         WriteFile("m1.txt", m1), WriteFile("m2.txt", m2)});
  ASSERT_EQ(r.status, 0) << r.err;

  json november = json::parse(Plenary({"report-back", "--group", "AFF", "--affiliation", "gnso",
                                       "--month", "2026-11", "--json"})
                                  .out);
  ASSERT_TRUE(november.is_object()) << november.dump(2);
  EXPECT_EQ(november["affiliation"], "GNSO");
  EXPECT_EQ(november["appointees"], (json{"Ann Lee", "Bo Chan"}));
  ASSERT_EQ(november["decisions"].size(), 1u);
  EXPECT_EQ(november["decisions"][0]["text"], "The team adopted the work plan.");
  EXPECT_EQ(november["opened"].size(), 2u);
  ASSERT_EQ(november["owned"].size(), 1u);
  EXPECT_EQ(november["owned"][0]["text"], "Draft the GNSO briefing.");
  EXPECT_EQ(november["completed"].size(), 0u);
  ASSERT_EQ(november["attendance"].size(), 2u);
  EXPECT_EQ(november["attendance"][1]["name"], "Bo Chan");
  EXPECT_EQ(november["attendance"][1]["apologies"], 1);

  // Completed by hand today: in a period that runs to today, no longer owned.
  std::int64_t id = november["owned"][0]["id"];
  ASSERT_EQ(Plenary({"actions", "done", std::to_string(id), "--note", "sent"}).status, 0);
  r = Plenary({"report-back", "--group", "AFF", "--affiliation", "GNSO", "--from", "2026-11-01"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("GNSO report back from AFF, from 2026-11-01\nAppointees: Ann Lee, Bo Chan"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Decisions (2):"), std::string::npos) << r.out;
  EXPECT_NE(
      r.out.find("Items completed (1):\n  - #" + std::to_string(id) + " Draft the GNSO briefing."),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Open items its appointees own (0):"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  Bo Chan: present at 1 of 2, 1 apologies, 0 absent (50%)"),
            std::string::npos)
      << r.out;

  r = Plenary({"report-back", "--group", "AFF", "--affiliation", "GAC"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("no member of AFF is appointed by 'GAC'"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace plenary::cli_testing
