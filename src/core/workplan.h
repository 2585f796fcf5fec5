// Work plans' rules, with no I/O (doc/workplan-format.md): what a task label
// is, which action items belong to which task (linked by hand, or by a
// "[task: LABEL]" label in the item's words), and when a task is overdue.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plenary/model.h"

namespace plenary {

// Whether `text` is a task label: 1 to 12 ASCII letters and digits starting
// with a letter, "-", then 1 to 4 digits ("DNS-2", "SSR1-10", "FC-3").
bool IsTaskLabel(std::string_view text);

// The task labelled `label` (ASCII case ignored), with its sub-team's plan;
// nulls when the plan has none.
struct FoundTask {
  const SubTeamPlan* subteam = nullptr;
  const WorkPlanTask* task = nullptr;
};
FoundTask FindTask(const WorkPlan& plan, std::string_view label);
// The same, to change it in place; null when absent.
WorkPlanTask* FindTaskToEdit(WorkPlan& plan, std::string_view label);

// The plan of the sub-team called `subteam` (ASCII case ignored), or null.
const SubTeamPlan* FindSubTeamPlan(const WorkPlan& plan, std::string_view subteam);

// Every task of a sub-team's plan, in order (subtopic by subtopic).
std::vector<const WorkPlanTask*> TasksOf(const SubTeamPlan& plan);

// "work plan SSR2: 4 sub-teams, 11 tasks, 4 milestones", for import reports.
std::string WorkPlanSummary(const WorkPlan& plan);

// Whether the task is late on `today`: its target date has passed and it is
// neither done nor dropped.
bool IsOverdue(const WorkPlanTask& task, Date today);

// A task label as an action item writes it: "[task: DNS-2]" anywhere in its
// words ("task" in any case, the colon optional). `written` is what stands
// between the colon and "]", trimmed.
std::vector<std::string> TaskLabelsWritten(std::string_view text);

// Which items belong to which task. An item belongs to a task when the task
// lists it (by hand) or the item's words carry the task's label. A label that
// only matches once case, spaces, "-" and "_" are ignored ("[task: dns 2]")
// is a guess: the item is linked and a notice says so. A label no task has is
// only a notice. Merged items are left out.
struct TaskLinks {
  // Canonical label -> item ids, each once: those linked by hand first, then
  // those whose words carry the label, in the order of the items given.
  std::map<std::string, std::vector<std::int64_t>> items;
  // "item #12: '[task: dns 2]' taken as task DNS-2", "item #14 names task
  // 'DNS-9', which the work plan does not have".
  std::vector<std::string> notices;
};
TaskLinks LinkItemsToTasks(const WorkPlan& plan, const std::vector<RegisteredAction>& items);

// The task a written label names: exactly (ASCII case ignored), or as a
// guess once spaces, "-" and "_" are ignored too; no task when neither.
struct LabelMatch {
  const WorkPlanTask* task = nullptr;
  bool guessed = false;
};
LabelMatch MatchTaskLabel(const WorkPlan& plan, std::string_view written);

}  // namespace plenary
