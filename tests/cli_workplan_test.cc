// `plenary import --workplan` and `plenary workplan` on the real binary: the
// SSR2 example work plan imported, detected, shown with its items (linked by
// a label in the notes, with a notice for a guess) and overdue tasks; a bad
// file refused at its line with the register unchanged.
#include "cli_fixture.h"

namespace plenary::cli_testing {
namespace {

const std::string kWorkplan = (kExamples / "ssr2-workplan.toml").string();

class WorkplanCliTest : public CliTest {};

std::size_t Count(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST_F(WorkplanCliTest, ImportsTheExampleWithItsRosterAndShowsItsSubTeams) {
  RunResult r = Plenary({"import", "--roster", kRoster, "--workplan", kWorkplan});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "roster SSR2: created (22 people)\n"
            "work plan SSR2: 4 sub-teams, 11 tasks, 4 milestones [created]\n");
  EXPECT_EQ(r.err, kWorkplan + ": read as workplan (chosen, not detected)\n");
  r = Plenary({"workplan", "--subteam", "DNS SSR", "--as-of", "2018-01-01"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "SSR2 milestones: 2018-10-31 Draft report; 2018-12-14 Public comment\n"
            "SSR2 · DNS SSR (lead: Eric Osterweil)\n"
            "Task   Subtopic                   Title                                      "
            "Leader          Start       Target      Status                 Items\n"
            "-----  -------------------------  -----------------------------------------  "
            "--------------  ----------  ----------  ---------------------  "
            "-------------------\n"
            "DNS-1  Root zone management       Review the root KSK rollover plans         "
            "Eric Osterweil  2017-07-01  2017-12-15  in progress (OVERDUE)  0 open, 0 completed\n"
            "DNS-2  Root zone management       Root server system's resilience to attack  "
            "Geoff Huston    2017-09-01  2018-06-30  planned                0 open, 0 completed\n"
            "DNS-3  Name collisions and abuse  DNS abuse measurement and reporting        "
            "Noorul Ameen    2017-10-01  2018-07-31  planned                0 open, 0 completed\n");
  r = Plenary({"import", "--workplan", kWorkplan});
  EXPECT_EQ(r.out, "work plan SSR2: 4 sub-teams, 11 tasks, 4 milestones [unchanged]\n");
}

TEST_F(WorkplanCliTest, AWorkPlanFileIsDetectedAmongNotes) {
  ImportSsr2();
  RunResult r = Plenary({"import", kWorkplan, "--dry-run"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, kWorkplan +
                       ": read as workplan (detected: a TOML work plan: 'group =' and "
                       "[[subteam]] tables)\n");
  EXPECT_EQ(r.out,
            "would record work plan SSR2: 4 sub-teams, 11 tasks, 4 milestones\n"
            "dry run: nothing written\n");
  RunResult formats = Plenary({"formats"});
  EXPECT_NE(formats.out.find("workplan"), std::string::npos) << formats.out;
}

TEST_F(WorkplanCliTest, AnUnknownLeaderIsRefusedAtItsLineAndNothingIsWritten) {
  ImportSsr2();
  std::string text = ReadBytes(kWorkplan);
  const std::string leader = "leader = \"Geoff Huston\"";
  ASSERT_NE(text.find(leader), std::string::npos);
  text.replace(text.find(leader), leader.size(), "leader = \"Geoff Hustle\"");
  const std::string bad = WriteFile("bad-plan.toml", text);
  const std::string before = RegisterState();
  RunResult r = Plenary({"import", kNotes, "--workplan", bad});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "plenary: error: " + bad +
                       ":110:10: unknown person 'Geoff Hustle' as leader: not on SSR2's roster\n"
                       "  leader = \"Geoff Hustle\"\n"
                       "           ^\n");
  EXPECT_EQ(RegisterState(), before);
}

TEST_F(WorkplanCliTest, ItemsJoinTheirTaskByLabelAndAGuessIsANotice) {
  ASSERT_EQ(Plenary({"import", "--roster", kRoster, "--workplan", kWorkplan}).status, 0);
  std::string notes = ReadBytes(kNotes);
  const std::string text = "Post attendance participation rates to wiki on a monthly basis.";
  ASSERT_NE(notes.find(text), std::string::npos);
  notes.replace(notes.find(text), text.size(), "[task: ssr1 1] " + text);
  const std::string labelled = WriteFile("p15.txt", notes);
  RunResult r = Plenary({"import", labelled});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find(labelled + ":"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(": notice: '[task: ssr1 1]' taken as task SSR1-1\n"), std::string::npos)
      << r.err;
  json plan = Json({"workplan", "--json", "--as-of", "2018-01-01"});
  ASSERT_EQ(plan.size(), 1u);
  const json& ssr1 = plan[0]["subteams"][0]["subtopics"][0]["tasks"][0];
  EXPECT_EQ(ssr1["label"], "SSR1-1");
  ASSERT_EQ(ssr1["open_items"].size(), 1u);
  EXPECT_EQ(plan[0]["notices"][0], "item #" + std::to_string(ssr1["open_items"][0].get<int>()) +
                                       ": '[task: ssr1 1]' taken as task SSR1-1");
  EXPECT_EQ(plan[0]["subteams"][2]["subtopics"][0]["tasks"][0]["overdue"], true);
  EXPECT_EQ(plan[0]["subteams"][0]["lead"], "Denise Michel");
}

TEST_F(WorkplanCliTest, ThePublishedSetHasTheWorkPlanPageWithItsTimeline) {
  ASSERT_EQ(Plenary({"import", kNotes, "--roster", kRoster, "--workplan", kWorkplan}).status, 0);
  RunResult r = Plenary({"publish", "--to", Path("out"), "--format", "all", "--today",
                         "2018-01-10"});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string html = ReadBytes(Path("out/ssr2/workplan.html"));
  EXPECT_NE(html.find("<h1>SSR2 work plan</h1>"), std::string::npos);
  EXPECT_EQ(Count(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gantt\""), 4u);
  EXPECT_NE(html.find("<title id=\"timeline-dns-ssr-title\">SSR2 work plan of DNS SSR</title>"),
            std::string::npos);
  EXPECT_NE(html.find(">today 2018-01-10</text>"), std::string::npos);
  EXPECT_NE(html.find("in progress — overdue"), std::string::npos);
  // Every page's links bar names it; the other formats carry the table.
  EXPECT_NE(ReadBytes(Path("out/ssr2/index.html")).find("href=\"workplan.html\""),
            std::string::npos);
  const std::string markdown = ReadBytes(Path("out/ssr2/workplan.md"));
  EXPECT_NE(markdown.find("| <a id=\"task-dns-1\"></a>DNS-1 | Root zone management | Review the "
                          "root KSK rollover plans | Eric Osterweil | Geoff Huston, Kaveh Ranjbar "
                          "| 2017-07-01 | 2017-12-15 | in progress — overdue | none | none |"),
            std::string::npos);
  EXPECT_NE(ReadBytes(Path("out/ssr2/workplan.wiki")).find("|+ Tasks of DNS SSR"),
            std::string::npos);
}

}  // namespace
}  // namespace plenary::cli_testing
