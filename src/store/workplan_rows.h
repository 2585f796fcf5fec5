// Work plans (model.h's WorkPlan) as both back ends store them: the checks a
// plan must pass before it is written, the rows it becomes, and the plan
// assembled back from the rows read. Tables (doc/schema.md, migration 9):
// workplan_subteams, workplan_milestones (subteam_id NULL: the whole group's),
// workplan_subtopics, workplan_tasks, workplan_task_people,
// workplan_task_items.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plenary/model.h"
#include "plenary/result.h"
#include "plenary/store.h"  // ImportOutcome

namespace plenary {

// Error::InvalidInput for a plan no store holds faithfully: no group, a
// sub-team without a name or given twice, an empty subtopic title or task
// title, a malformed or repeated task label, a task without a leader or
// ending before it starts, a date outside the years 1900..2999, an item
// number that is not positive. What the roster and the register say is
// checked by the stores (CheckWorkPlanAgainst).
Status CheckWorkPlan(const WorkPlan& plan);

// Error::InvalidInput when `plan` names a sub-team `roster` lacks, or a
// leader or person not on it, or links an item `is_item` (an item of the
// plan's group?) denies.
template <typename IsItem>
Status CheckWorkPlanAgainst(const WorkPlan& plan, const Roster* roster, IsItem is_item);

// The rows read back, each table in position order.
struct WorkPlanRows {
  struct SubTeamRow {
    std::int64_t id = 0;
    std::string name;
  };
  struct MilestoneRow {
    std::optional<std::int64_t> subteam_id;
    Milestone milestone;
  };
  struct SubtopicRow {
    std::int64_t id = 0;
    std::int64_t subteam_id = 0;
    std::string title;
  };
  struct TaskRow {
    std::int64_t id = 0;
    std::int64_t subtopic_id = 0;
    WorkPlanTask task;  // without people and items
  };
  struct NameRow {
    std::int64_t task_id = 0;
    std::string name;
  };
  struct ItemRow {
    std::int64_t task_id = 0;
    std::int64_t item = 0;
  };
  std::vector<SubTeamRow> subteams;
  std::vector<MilestoneRow> milestones;
  std::vector<SubtopicRow> subtopics;
  std::vector<TaskRow> tasks;
  std::vector<NameRow> people;
  std::vector<ItemRow> items;
};

// The group's plan from its rows; nullopt when it has no sub-team plan and
// no milestone. CorruptRow for a row whose parent is missing.
std::optional<WorkPlan> AssembleWorkPlan(const std::string& group, const WorkPlanRows& rows);

// `stored` (the group's plan) with the task labelled `label` replaced by
// `task`: NotFound when there is no such task, InvalidInput when `task`
// changes the label or breaks CheckWorkPlan.
Result<WorkPlan> PlanWithTask(const std::optional<WorkPlan>& stored, const std::string& group,
                              const std::string& label, const WorkPlanTask& task);

// Why an item may not be linked, for CheckWorkPlanAgainst's message.
std::string NotAnItemOf(const std::string& label, std::int64_t item, const std::string& group);

// Replaces a group's plan the same way on every back end: CheckWorkPlanAgainst
// `roster` (the group's, or null) and `is_item`, then `load(group)` (the
// stored plan) and, when it differs, `write(plan)` with the group spelt as
// the roster spells it. kUnchanged when equal.
template <typename IsItem, typename Load, typename Write>
Result<ImportOutcome> ReplaceWorkPlan(const WorkPlan& plan, const Roster* roster, IsItem is_item,
                                      Load load, Write write);

// --- template definitions ---
Status CheckWorkPlanPeople(const WorkPlan& plan, const Roster* roster);

template <typename IsItem>
Status CheckWorkPlanAgainst(const WorkPlan& plan, const Roster* roster, IsItem is_item) {
  if (Status s = CheckWorkPlanPeople(plan, roster); !s) return s;
  for (const SubTeamPlan& subteam : plan.subteams)
    for (const Subtopic& subtopic : subteam.subtopics)
      for (const WorkPlanTask& task : subtopic.tasks)
        for (std::int64_t item : task.items)
          if (!is_item(item)) return Error::InvalidInput(NotAnItemOf(task.label, item, plan.group));
  return Status::Ok();
}

template <typename IsItem, typename Load, typename Write>
Result<ImportOutcome> ReplaceWorkPlan(const WorkPlan& plan, const Roster* roster, IsItem is_item,
                                      Load load, Write write) {
  if (Status s = CheckWorkPlanAgainst(plan, roster, is_item); !s) return s.error();
  WorkPlan named = plan;
  named.group = roster->group.short_name;
  std::optional<WorkPlan> stored = load(named.group);
  if (stored == named) return ImportOutcome::kUnchanged;
  write(named);
  return stored ? ImportOutcome::kUpdated : ImportOutcome::kCreated;
}

}  // namespace plenary
