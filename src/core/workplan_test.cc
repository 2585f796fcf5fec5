#include "core/workplan.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

Date D(int y, unsigned m, unsigned d) { return Date{std::chrono::year{y} / m / d}; }

WorkPlan Plan() {
  WorkPlanTask dns1{"DNS-1",       "KSK rollover",  "Eric Osterweil",        {},
                    D(2017, 7, 1), D(2017, 12, 15), TaskStatus::kInProgress, {}};
  WorkPlanTask dns2{"DNS-2",       "Root servers", "Geoff Huston",       {},
                    D(2017, 9, 1), D(2018, 6, 30), TaskStatus::kPlanned, {3}};
  return {"SSR2", {}, {{"DNS SSR", {{"Root zone", {dns1, dns2}}}, {}}}};
}

RegisteredAction Item(std::int64_t id, std::string text,
                      ActionStatus status = ActionStatus::kOpen) {
  RegisteredAction item;
  item.id = id;
  item.item.text = std::move(text);
  item.item.status = status;
  return item;
}

TEST(WorkplanCore, TaskLabels) {
  for (std::string_view good : {"DNS-2", "SSR1-10", "FC-3", "a-1", "ABCDEFGHIJKL-9999"})
    EXPECT_TRUE(IsTaskLabel(good)) << good;
  for (std::string_view bad : {"DNS 2", "DNS2", "-2", "1A-2", "DNS-", "DNS-12345", "DNS--2",
                               "ABCDEFGHIJKLM-1", "DNS-2a", "DÑS-2", ""})
    EXPECT_FALSE(IsTaskLabel(bad)) << bad;
}

TEST(WorkplanCore, LabelsAsNotesWriteThem) {
  EXPECT_EQ(TaskLabelsWritten("[task: DNS-2] Draft the findings"),
            (std::vector<std::string>{"DNS-2"}));
  EXPECT_EQ(TaskLabelsWritten("Draft the findings [Task:dns 2] and [TASK FC-1]."),
            (std::vector<std::string>{"dns 2", "FC-1"}));
  EXPECT_TRUE(TaskLabelsWritten("[tasks: DNS-2] [taskforce] [task:] [task: DNS-3").empty());
}

TEST(WorkplanCore, ItemsLinkByHandByLabelAndByAGuessWithANotice) {
  WorkPlan plan = Plan();
  std::vector<RegisteredAction> items = {
      Item(1, "[task: DNS-1] Circulate the KSK paper"),
      Item(2, "Check root server loads [task: dns 2]", ActionStatus::kComplete),
      Item(3, "Linked by hand"),
      Item(4, "[task: DNS-9] Nobody's task"),
      Item(5, "[task: DNS-1] merged away"),
  };
  items[4].merged_into = 1;
  TaskLinks links = LinkItemsToTasks(plan, items);
  EXPECT_EQ(links.items["DNS-1"], (std::vector<std::int64_t>{1}));
  EXPECT_EQ(links.items["DNS-2"], (std::vector<std::int64_t>{3, 2}));
  EXPECT_EQ(links.notices, (std::vector<std::string>{
                               "item #2: '[task: dns 2]' taken as task DNS-2",
                               "item #4 names task 'DNS-9', which the work plan does not have"}));
}

TEST(WorkplanCore, OverdueIsPastTheTargetAndNeitherDoneNorDropped) {
  WorkPlanTask task = Plan().subteams[0].subtopics[0].tasks[0];  // target 2017-12-15
  EXPECT_FALSE(IsOverdue(task, D(2017, 12, 15)));
  EXPECT_TRUE(IsOverdue(task, D(2017, 12, 16)));
  task.status = TaskStatus::kDone;
  EXPECT_FALSE(IsOverdue(task, D(2018, 1, 1)));
  task.status = TaskStatus::kDropped;
  EXPECT_FALSE(IsOverdue(task, D(2018, 1, 1)));
  task.status = TaskStatus::kOnHold;
  EXPECT_TRUE(IsOverdue(task, D(2018, 1, 1)));
}

TEST(WorkplanCore, FindsTasksAndPlansIgnoringCase) {
  WorkPlan plan = Plan();
  FoundTask found = FindTask(plan, "dns-2");
  ASSERT_NE(found.task, nullptr);
  EXPECT_EQ(found.task->label, "DNS-2");
  EXPECT_EQ(found.subteam->subteam, "DNS SSR");
  EXPECT_EQ(FindTask(plan, "DNS-3").task, nullptr);
  EXPECT_NE(FindSubTeamPlan(plan, "dns ssr"), nullptr);
  EXPECT_EQ(TasksOf(plan.subteams[0]).size(), 2u);
  EXPECT_EQ(MatchTaskLabel(plan, "DNS_1").task, FindTask(plan, "DNS-1").task);
  EXPECT_TRUE(MatchTaskLabel(plan, "DNS_1").guessed);
  EXPECT_FALSE(MatchTaskLabel(plan, "dns-1").guessed);
}

}  // namespace
}  // namespace plenary
