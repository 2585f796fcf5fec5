#include "publish/workplan_json.h"

#include <map>

#include "core/date.h"
#include "core/subteam.h"

namespace plenary {

using nlohmann::ordered_json;

ordered_json TaskJson(const WorkPlanTask& task) {
  return {{"label", task.label},
          {"title", task.title},
          {"leader", task.leader},
          {"people", task.people},
          {"start", FormatIsoDate(task.start)},
          {"target", FormatIsoDate(task.target)},
          {"status", TaskStatusName(task.status)},
          {"items", task.items}};
}

ordered_json MilestoneJson(const Milestone& milestone) {
  return {{"name", milestone.name}, {"date", FormatIsoDate(milestone.date)}};
}

namespace {

ordered_json MilestonesJson(const std::vector<Milestone>& milestones) {
  ordered_json list = ordered_json::array();
  for (const Milestone& m : milestones) list.push_back(MilestoneJson(m));
  return list;
}

// The plan's JSON with `task_json` making each task's.
template <typename TaskOf, typename SubTeamOf>
ordered_json PlanJson(const WorkPlan& plan, TaskOf task_json, SubTeamOf subteam_json) {
  ordered_json subteams = ordered_json::array();
  for (const SubTeamPlan& subteam : plan.subteams) {
    ordered_json subtopics = ordered_json::array();
    for (const Subtopic& subtopic : subteam.subtopics) {
      ordered_json tasks = ordered_json::array();
      for (const WorkPlanTask& task : subtopic.tasks) tasks.push_back(task_json(task));
      subtopics.push_back({{"title", subtopic.title}, {"tasks", std::move(tasks)}});
    }
    ordered_json s = {{"subteam", subteam.subteam}};
    subteam_json(subteam, s);
    s["milestones"] = MilestonesJson(subteam.milestones);
    s["subtopics"] = std::move(subtopics);
    subteams.push_back(std::move(s));
  }
  return {{"group", plan.group},
          {"milestones", MilestonesJson(plan.milestones)},
          {"subteams", std::move(subteams)}};
}

}  // namespace

ordered_json WorkPlanJson(const WorkPlan& plan) {
  return PlanJson(plan, TaskJson, [](const SubTeamPlan&, ordered_json&) {});
}

ordered_json WorkPlanViewJson(const WorkPlan& plan, const Roster* roster,
                              const std::vector<RegisteredAction>& items, Date today) {
  TaskLinks links = LinkItemsToTasks(plan, items);
  std::map<std::int64_t, ActionStatus> status;
  for (const RegisteredAction& item : items) status[item.id] = item.item.status;
  auto task_json = [&](const WorkPlanTask& task) {
    ordered_json json = TaskJson(task);
    ordered_json open = ordered_json::array(), completed = ordered_json::array();
    for (std::int64_t id : links.items[task.label])
      (status[id] == ActionStatus::kOpen ? open : completed).push_back(id);
    json["overdue"] = IsOverdue(task, today);
    json["open_items"] = std::move(open);
    json["completed_items"] = std::move(completed);
    return json;
  };
  auto subteam_json = [&](const SubTeamPlan& subteam, ordered_json& json) {
    const SubTeam* team = roster ? FindSubTeam(*roster, subteam.subteam) : nullptr;
    json["lead"] = team && team->leader ? ordered_json(*team->leader) : ordered_json(nullptr);
  };
  ordered_json json = PlanJson(plan, task_json, subteam_json);
  json["today"] = FormatIsoDate(today);
  json["notices"] = links.notices;
  return json;
}

}  // namespace plenary
