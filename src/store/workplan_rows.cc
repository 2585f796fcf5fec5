#include "store/workplan_rows.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "core/date.h"
#include "core/subteam.h"
#include "core/text.h"
#include "core/workplan.h"
#include "store/batch_checks.h"
#include "store/register_rows.h"

namespace plenary {
namespace {

Status CheckMilestones(const std::vector<Milestone>& milestones) {
  for (const Milestone& m : milestones) {
    if (CollapseSpaces(m.name).empty()) return Error::InvalidInput("a milestone has no name");
    if (Status s = CheckDate(m.date, "milestone " + m.name); !s) return s;
  }
  return Status::Ok();
}

Status CheckTask(const WorkPlanTask& task, std::set<std::string>& labels) {
  if (!IsTaskLabel(task.label))
    return Error::InvalidInput(fmt::format("malformed task label '{}'", task.label));
  if (!labels.insert(AsciiLower(task.label)).second)
    return Error::InvalidInput(fmt::format("task label '{}' is given twice", task.label));
  std::string what = "task " + task.label;
  if (CollapseSpaces(task.title).empty()) return Error::InvalidInput(what + " has no title");
  if (task.leader.empty()) return Error::InvalidInput(what + " has no leader");
  if (Status s = CheckDate(task.start, what + " start"); !s) return s;
  if (Status s = CheckDate(task.target, what + " target"); !s) return s;
  if (task.target < task.start)
    return Error::InvalidInput(fmt::format("{} ends ({}) before it starts ({})", what,
                                           FormatIsoDate(task.target), FormatIsoDate(task.start)));
  for (std::int64_t item : task.items)
    if (item <= 0) return Error::InvalidInput(fmt::format("{} links item #{}", what, item));
  return Status::Ok();
}

template <typename Map, typename Key>
auto& At(Map& map, const Key& key) {
  auto found = map.find(key);
  if (found == map.end()) throw CorruptRow(fmt::format("corrupt database: work plan row {}", key));
  return found->second;
}

}  // namespace

Status CheckWorkPlan(const WorkPlan& plan) {
  if (plan.group.empty()) return Error::InvalidInput("a work plan has no group");
  if (Status s = CheckMilestones(plan.milestones); !s) return s;
  std::set<std::string> subteams, labels;
  for (const SubTeamPlan& subteam : plan.subteams) {
    if (subteam.subteam.empty()) return Error::InvalidInput("a sub-team plan has no sub-team");
    if (!subteams.insert(AsciiLower(subteam.subteam)).second)
      return Error::InvalidInput(fmt::format("sub-team '{}' is given twice", subteam.subteam));
    if (Status s = CheckMilestones(subteam.milestones); !s) return s;
    for (const Subtopic& subtopic : subteam.subtopics) {
      if (CollapseSpaces(subtopic.title).empty())
        return Error::InvalidInput(fmt::format("a subtopic of {} has no title", subteam.subteam));
      for (const WorkPlanTask& task : subtopic.tasks)
        if (Status s = CheckTask(task, labels); !s) return s;
    }
  }
  return Status::Ok();
}

Status CheckWorkPlanPeople(const WorkPlan& plan, const Roster* roster) {
  if (!roster)
    return Error::InvalidInput(
        fmt::format("{} has no roster: its work plan names its people", plan.group));
  auto on_roster = [&](const std::string& name) {
    for (const Person& p : roster->people)
      if (p.name == name) return true;
    return false;
  };
  for (const SubTeamPlan& subteam : plan.subteams) {
    if (!FindSubTeam(*roster, subteam.subteam))
      return Error::InvalidInput(
          fmt::format("'{}' is not a sub-team of {}'s roster", subteam.subteam, plan.group));
    for (const WorkPlanTask* task : TasksOf(subteam)) {
      if (!on_roster(task->leader))
        return Error::InvalidInput(
            fmt::format("task {}: unknown person '{}' as leader", task->label, task->leader));
      for (const std::string& person : task->people)
        if (!on_roster(person))
          return Error::InvalidInput(
              fmt::format("task {}: unknown person '{}' among the people", task->label, person));
    }
  }
  return Status::Ok();
}

Result<WorkPlan> PlanWithTask(const std::optional<WorkPlan>& stored, const std::string& group,
                              const std::string& label, const WorkPlanTask& task) {
  WorkPlan plan = stored ? *stored : WorkPlan{group, {}, {}};
  WorkPlanTask* found = FindTaskToEdit(plan, label);
  if (!found) return Error::NotFound(fmt::format("no task {} in {}'s work plan", label, group));
  if (task.label != found->label)
    return Error::InvalidInput(fmt::format(
        "task {}: a task keeps its label (the file's label is '{}')", label, found->label));
  *found = task;
  if (Status s = CheckWorkPlan(plan); !s) return s.error();
  return plan;
}

std::string NotAnItemOf(const std::string& label, std::int64_t item, const std::string& group) {
  return fmt::format("task {} links item #{}, which is not an item of {}'s register", label, item,
                     group);
}

std::optional<WorkPlan> AssembleWorkPlan(const std::string& group, const WorkPlanRows& rows) {
  if (rows.subteams.empty() && rows.milestones.empty()) return std::nullopt;
  WorkPlan plan{group, {}, {}};
  std::map<std::int64_t, SubTeamPlan*> subteams;
  plan.subteams.reserve(rows.subteams.size());
  for (const auto& row : rows.subteams) {
    plan.subteams.push_back({row.name, {}, {}});
    subteams[row.id] = &plan.subteams.back();
  }
  for (const auto& row : rows.milestones)
    (row.subteam_id ? At(subteams, *row.subteam_id)->milestones : plan.milestones)
        .push_back(row.milestone);
  std::map<std::int64_t, std::pair<std::int64_t, std::size_t>> subtopics;  // id -> subteam, index
  for (const auto& row : rows.subtopics) {
    auto& list = At(subteams, row.subteam_id)->subtopics;
    subtopics[row.id] = {row.subteam_id, list.size()};
    list.push_back({row.title, {}});
  }
  struct Place {
    std::int64_t subteam_id = 0;
    std::size_t subtopic = 0, task = 0;
  };
  std::map<std::int64_t, Place> places;  // task id -> where it went
  for (const auto& row : rows.tasks) {
    auto [subteam_id, index] = At(subtopics, row.subtopic_id);
    auto& list = subteams[subteam_id]->subtopics[index].tasks;
    places[row.id] = {subteam_id, index, list.size()};
    list.push_back(row.task);
  }
  auto task = [&](std::int64_t id) -> WorkPlanTask& {
    const Place& p = At(places, id);
    return subteams[p.subteam_id]->subtopics[p.subtopic].tasks[p.task];
  };
  for (const auto& row : rows.people) task(row.task_id).people.push_back(row.name);
  for (const auto& row : rows.items) task(row.task_id).items.push_back(row.item);
  return plan;
}

}  // namespace plenary
