// The sub-teams' work plans as the publication model (publish/document.h):
// the "workplan" page of the published set, and the pieces the web app's
// sub-team page shows (its timeline and its table of tasks with their items).
#pragma once

#include <string>
#include <vector>

#include "core/workplan.h"
#include "publish/document.h"
#include "publish/registers.h"

namespace plenary {

// `subteam`'s tasks on a Gantt chart with its own and the group's
// milestones, on `today`. `id` names the chart in its page.
Timeline SubTeamTimeline(const WorkPlan& plan, const SubTeamPlan& subteam, Date today,
                         std::string id);

// One row per task: label, subtopic, title, leader, people, start, target,
// status ("in progress — overdue" when late), open items and completed
// items (links to the register), from `links` (LinkItemsToTasks).
Table SubTeamTaskTable(const SubTeamPlan& subteam, const TaskLinks& links,
                       const std::vector<RegisteredAction>& items, Date today);

// The sub-team's part of a page: its lead, milestones, timeline and table.
std::vector<Content> SubTeamPlanContent(const GroupRegisters& registers, const SubTeamPlan& subteam,
                                        const TaskLinks& links);

// The "workplan" page: every sub-team's part, and the notices on labels.
// `registers.workplan` must be set.
Document WorkPlanDocument(const GroupRegisters& registers);

// "dns-ssr": the sub-team's name as a path segment (its words joined by
// "-"; core/subteam.h's SubTeamWords).
std::string SubTeamSlug(const std::string& subteam);

}  // namespace plenary
