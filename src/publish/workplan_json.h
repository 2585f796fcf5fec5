// Work plans as JSON: the shapes `plenary workplan --json`, the API
// (doc/openapi.yaml: WorkPlan, Task) and the audit log use.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/workplan.h"
#include "plenary/model.h"

namespace plenary {

// {label, title, leader, people[], start, target, status, items[]} (items:
// linked by hand).
nlohmann::ordered_json TaskJson(const WorkPlanTask& task);

// {name, date}
nlohmann::ordered_json MilestoneJson(const Milestone& milestone);

// {group, milestones[], subteams[{subteam, milestones[], subtopics[{title,
// tasks[]}]}]}: the plan as stored.
nlohmann::ordered_json WorkPlanJson(const WorkPlan& plan);

// WorkPlanJson with each task's state on `today` added: {overdue,
// open_items[], completed_items[]} (ids of the items linked by hand or by
// label; completed: done or cancelled), each sub-team's {lead}, and the
// plan's {today, notices[]} (LinkItemsToTasks).
nlohmann::ordered_json WorkPlanViewJson(const WorkPlan& plan, const Roster* roster,
                                        const std::vector<RegisteredAction>& items, Date today);

}  // namespace plenary
