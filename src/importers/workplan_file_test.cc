#include "importers/workplan_file.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "importers/roster_file.h"

namespace plenary {
namespace {

std::string ReadExample(const std::string& name) {
  std::ifstream in("examples/ssr2/" + name, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

Roster ExampleRoster() {
  auto source = SourceText::Load("ssr2-roster.txt", ReadExample("ssr2-roster.txt"));
  EXPECT_TRUE(source.ok());
  auto roster = ReadRoster(*source);
  EXPECT_TRUE(roster.ok()) << roster.error().message;
  return *roster;
}

Result<WorkPlan> Read(std::string_view text) {
  auto source = SourceText::Load("plan.toml", text);
  if (!source.ok()) return source.error();
  return ReadWorkPlan(*source, {ExampleRoster()});
}

// The whole message of the error reading `text`.
std::string ErrorOf(std::string_view text) {
  auto plan = Read(text);
  EXPECT_FALSE(plan.ok());
  return plan.ok() ? "" : plan.error().message;
}

constexpr std::string_view kHead =
    "group = \"SSR2\"\n[[subteam]]\nname = \"DNS SSR\"\n[[subteam.subtopic]]\ntitle = \"Root\"\n"
    "[[subteam.subtopic.task]]\nlabel = \"DNS-1\"\ntitle = \"KSK\"\n";

std::string Task(std::string_view rest) { return std::string(kHead) + std::string(rest); }

Date D(int y, unsigned m, unsigned d) { return Date{std::chrono::year{y} / m / d}; }

TEST(WorkplanFile, ReadsTheSsr2Example) {
  auto plan = Read(ReadExample("ssr2-workplan.toml"));
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_EQ(plan->group, "SSR2");
  EXPECT_EQ(plan->milestones, (std::vector<Milestone>{{"Draft report", D(2018, 10, 31)},
                                                      {"Public comment", D(2018, 12, 14)}}));
  ASSERT_EQ(plan->subteams.size(), 4u);
  EXPECT_EQ(plan->subteams[0].subteam, "SSR1 recommendations");
  EXPECT_EQ(plan->subteams[1].subteam, "ICANN SSR");
  EXPECT_EQ(plan->subteams[1].milestones,
            (std::vector<Milestone>{{"Findings to the plenary", D(2018, 6, 29)}}));
  EXPECT_EQ(plan->subteams[2].subteam, "DNS SSR");
  EXPECT_EQ(plan->subteams[3].subteam, "Future challenges");
  const WorkPlanTask& ssr1_2 = plan->subteams[0].subtopics[0].tasks[1];
  // Aliases and initials resolve to the roster's names.
  EXPECT_EQ(ssr1_2, (WorkPlanTask{"SSR1-2",
                                  "Assess each recommendation's implementation and effect",
                                  "Emily Taylor",
                                  {"James Gannon", "Kerry-Ann Barrett"},
                                  D(2017, 8, 1),
                                  D(2018, 3, 30),
                                  TaskStatus::kInProgress,
                                  {}}));
  const WorkPlanTask& dns2 = plan->subteams[2].subtopics[0].tasks[1];
  EXPECT_EQ(dns2.people, (std::vector<std::string>{"Zarko Kecic", "Kaveh Ranjbar"}));
  EXPECT_EQ(dns2.status, TaskStatus::kPlanned);
}

TEST(WorkplanFile, IsDetectedAndReadThroughTheTableOfFormats) {
  auto source = SourceText::Load("ssr2-workplan.toml", ReadExample("ssr2-workplan.toml"));
  ASSERT_TRUE(source.ok());
  auto detected = DetectFormat(*source);
  ASSERT_TRUE(detected.ok()) << detected.error().message;
  EXPECT_EQ(detected->format->name, "workplan");
  ReadOptions options;
  options.rosters = {ExampleRoster()};
  auto read = ReadMinutes(*source, options);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->why, "detected: a TOML work plan: 'group =' and [[subteam]] tables");
  EXPECT_TRUE(read->minutes.meetings.empty());
  ASSERT_TRUE(read->minutes.workplan.has_value());
  EXPECT_EQ(read->minutes.workplan->subteams.size(), 4u);
  auto notes = SourceText::Load("n.txt", ReadExample("ssr2-plenary-15.txt"));
  ASSERT_TRUE(notes.ok());
  EXPECT_EQ(DetectWorkPlan(*notes).confidence, 0);
}

TEST(WorkplanFile, AnUnknownPersonAsLeaderIsRefusedAtTheName) {
  EXPECT_EQ(ErrorOf(Task("leader = \"Jane Nobody\"\nstart = 2017-01-01\ntarget = 2017-02-01\n")),
            "plan.toml:9:10: unknown person 'Jane Nobody' as leader: not on SSR2's roster\n"
            "  leader = \"Jane Nobody\"\n"
            "           ^");
  EXPECT_EQ(ErrorOf(Task("leader = \"EO\"\npeople = [\"GH\", \"Zed\"]\nstart = 2017-01-01\n"
                         "target = 2017-02-01\n")),
            "plan.toml:10:17: unknown person 'Zed' as one of the people: not on SSR2's roster\n"
            "  people = [\"GH\", \"Zed\"]\n"
            "                  ^");
}

TEST(WorkplanFile, ATaskEndingBeforeItStartsIsRefusedAtItsTarget) {
  EXPECT_EQ(ErrorOf(Task("leader = \"EO\"\nstart = 2018-03-01\ntarget = 2018-02-01\n")),
            "plan.toml:11:10: task DNS-1 ends (2018-02-01) before it starts (2018-03-01)\n"
            "  target = 2018-02-01\n"
            "           ^");
}

TEST(WorkplanFile, AMalformedTaskLabelIsRefused) {
  std::string text(kHead);
  text.replace(text.find("\"DNS-1\""), 7, "\"DNS 1\"");
  EXPECT_EQ(ErrorOf(text + "leader = \"EO\"\nstart = 2017-01-01\ntarget = 2017-02-01\n"),
            "plan.toml:7:9: malformed task label 'DNS 1': expected letters and digits, '-' and a "
            "number, such as 'DNS-2'\n"
            "  label = \"DNS 1\"\n"
            "          ^");
}

TEST(WorkplanFile, Errors) {
  auto first_line = [](std::string_view text) {
    std::string message = ErrorOf(text);
    return message.substr(0, message.find('\n'));
  };
  std::string ok_task = "leader = \"EO\"\nstart = 2017-01-01\ntarget = 2017-02-01\n";
  // TOML syntax: toml++'s own words, at the place.
  EXPECT_EQ(first_line("group = \"SSR2\"\n[[subteam]\n"),
            "plan.toml:2:11: Error while parsing table header: expected ']', saw '\\n'");
  EXPECT_EQ(first_line("group = \"RDS\"\n[[subteam]]\nname = \"x\"\n"),
            "plan.toml:1:9: no roster for group 'RDS': import the group's roster first");
  EXPECT_EQ(first_line("group = \"SSR2\"\n"),
            "plan.toml:1:1: no sub-team: expected at least one [[subteam]] table");
  EXPECT_EQ(first_line("group = \"SSR2\"\nowner = \"x\"\n[[subteam]]\nname = \"DNS SSR\"\n"),
            "plan.toml:2:1: unknown key 'owner' in the file: expected group, milestone, subteam");
  EXPECT_EQ(first_line("group = \"SSR2\"\n[[subteam]]\nname = \"Outreach\"\n"),
            "plan.toml:3:8: 'Outreach' is not a sub-team of SSR2's roster (it has: SSR1 "
            "recommendations, ICANN SSR, DNS SSR, Future challenges)");
  EXPECT_EQ(first_line("group = \"SSR2\"\n[[subteam]]\nname = \"DNS SSR\"\n[[subteam]]\n"
                       "name = \"dns ssr sub-team\"\n"),
            "plan.toml:5:8: sub-team 'DNS SSR' is given twice");
  EXPECT_EQ(first_line(Task(ok_task + "stauts = \"done\"\n")),
            "plan.toml:12:1: unknown key 'stauts' in a task: expected label, title, leader, "
            "people, start, target, status, items");
  EXPECT_EQ(first_line(Task(ok_task + "status = \"finished\"\n")),
            "plan.toml:12:10: expected a status: \"planned\", \"in progress\", \"done\", \"on "
            "hold\" or \"dropped\"");
  EXPECT_EQ(first_line(Task("leader = \"EO\"\nstart = \"2017-01-01\"\ntarget = 2017-02-01\n")),
            "plan.toml:10:9: expected start as a date YYYY-MM-DD (unquoted)");
  EXPECT_EQ(first_line(Task(ok_task + "items = [12, \"x\"]\n")),
            "plan.toml:12:14: expected an action item number such as 12");
  EXPECT_EQ(first_line(Task(ok_task) + "[[subteam.subtopic.task]]\nlabel = \"dns-1\"\n"),
            "plan.toml:13:9: task label 'dns-1' is given twice (first at line 7)");
  EXPECT_EQ(first_line(std::string(kHead) + "start = 2017-01-01\ntarget = 2017-02-01\n"),
            "plan.toml:6:1: task DNS-1 has no leader: expected leader = \"NAME\"");
  EXPECT_EQ(first_line("group = \"SSR2\"\n[[milestone]]\nname = \"Draft\"\n[[subteam]]\n"
                       "name = \"DNS SSR\"\n"),
            "plan.toml:2:1: the milestone has no date: expected date = YYYY-MM-DD");
}

// toml++ 3.3.0 asks "is this a space?" of a character where it expects one, and
// for most of U+00A1-U+0499 (and two other blocks) that question reached a
// __builtin_unreachable(); a table header whose key starts with a character no
// key starts with broke an assumption (src/core/toml.h). Found by fuzzing.
TEST(WorkplanFile, InputBreakingTheTomlParsersAssumptionsIsASyntaxError) {
  auto first_line = [](std::string_view text) {
    std::string message = ErrorOf(text);
    return message.substr(0, message.find('\n'));
  };
  EXPECT_EQ(first_line("group = \"SSR2\"\n\u00b7 JG to circulate the survey\n"),
            "plan.toml:2:1: Error while parsing root table: expected keys, tables, whitespace "
            "or comments, saw '\u00b7'");
  EXPECT_EQ(first_line("group = \"SSR2\" \u00e9\n"),
            "plan.toml:1:16: Error while parsing key-value pair: expected a comment or "
            "whitespace, saw '\u00e9'");
  EXPECT_EQ(first_line("group = \"SSR2\"\n\u3042 = 1\n"),
            "plan.toml:2:1: Error while parsing root table: expected keys, tables, whitespace "
            "or comments, saw '\u3042'");
  EXPECT_EQ(first_line("group = \"SSR2\"\n[:[subteam]]\n"),
            "plan.toml:2:2: Error while parsing key: expected bare key starting character or "
            "string delimiter, saw ':'");
  // After a line-ending backslash in a multi-line string the parser skips spaces
  // and stops at the first character that is not one: valid TOML.
  auto plan = Read(
      "group = \"SSR2\"\n[[subteam]]\nname = \"DNS SSR\"\n[[subteam.subtopic]]\n"
      "title = \"Root\"\n[[subteam.subtopic.task]]\nlabel = \"DNS-1\"\n"
      "title = \"\"\"KSK \\\n  \u00e9t\u00e9 \\\n  \u3042\"\"\"\n"
      "leader = \"EO\"\nstart = 2017-01-01\ntarget = 2017-02-01\n");
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_EQ(plan->subteams[0].subtopics[0].tasks[0].title, "KSK \u00e9t\u00e9 \u3042");
}

}  // namespace
}  // namespace plenary
