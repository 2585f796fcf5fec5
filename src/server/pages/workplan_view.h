// The web app's work plan pages, as pure functions (values in, TrustedHtml
// out): the group's sub-teams with their plans, a sub-team's page (the
// timeline, the table of tasks with their items, links to edit the tasks the
// viewer may change) and a task's page with its form.
#pragma once

#include <string>
#include <vector>

#include "core/workplan.h"
#include "publish/formats/html_writer.h"
#include "publish/registers.h"
#include "server/pages/layout.h"

namespace plenary::pages {

std::string WorkPlanPath(const std::string& group);  // /g/G/workplan
std::string SubTeamPlanPath(const std::string& group,
                            const std::string& subteam);                   // /g/G/subteams/dns-ssr
std::string TaskPath(const std::string& group, const std::string& label);  // /g/G/tasks/DNS-2

// The group's plan: each sub-team with its lead, tasks and overdue tasks.
// `registers.workplan` may be empty (then how to import one).
html::TrustedHtml RenderWorkPlanOverview(const GroupRegisters& registers);

// One sub-team's plan. `editable`: the labels of the tasks the viewer may
// change (each gets an "Edit" link).
struct SubTeamPlanPage {
  const GroupRegisters* registers = nullptr;  // with its workplan
  const SubTeamPlan* subteam = nullptr;
  bool editable = false;  // the viewer may change this sub-team's tasks
};
html::TrustedHtml RenderSubTeamPlan(const SubTeamPlanPage& page);

// A task: its facts, its open and completed items and, when the viewer may
// change it, the form (POST to TaskPath, CSRF field).
struct TaskPage {
  const GroupRegisters* registers = nullptr;
  const SubTeamPlan* subteam = nullptr;
  std::string subtopic;
  const WorkPlanTask* task = nullptr;
  bool editable = false;
  std::string csrf_token;
};
html::TrustedHtml RenderTaskPage(const TaskPage& page);

// "My items": the viewer's tasks (as leader or engaged), shown next to
// their action items.
struct MyTask {
  std::string group;
  std::string subteam;
  WorkPlanTask task;
  bool leads = false;
  bool overdue = false;
  std::size_t open_items = 0;
};
void WriteMyTasks(html::HtmlWriter& w, const std::vector<MyTask>& tasks);

}  // namespace plenary::pages
