// The work plan pages (doc/web.md): the group's sub-teams, a sub-team's
// timeline and tasks, a task with its form. A task's form writes through the
// audited editing service, which lets the secretariat and the sub-team's
// lead change it; a refused form changes nothing.
#include <charconv>

#include "app/editing.h"
#include "core/date.h"
#include "core/text.h"
#include "core/workplan.h"
#include "publish/workplan_pages.h"
#include "server/access.h"
#include "server/api_common.h"
#include "server/auth.h"
#include "server/page_routes.h"
#include "server/page_support.h"
#include "server/pages/workplan_view.h"

namespace plenary {
namespace {

// The group's roster, work plan and the items it may link, as the viewer
// may read them (not the whole register: LoadWorkPlanRegisters).
Result<GroupRegisters> RegistersOf(RouteCall& call) {
  auto group = PageGroup(call, call.Param("group"));
  if (!group.ok()) return group.error();
  return LoadWorkPlanRegisters(call.store(), *group, Today());
}

bool MayChange(const RouteCall& call, const GroupRegisters& r, const std::string& subteam) {
  return MayEditTask(ActorOf(call.viewer), AccessOf(call, r.group), r.roster ? &*r.roster : nullptr,
                     subteam);
}

HttpResponse Overview(RouteCall& call) {
  auto r = RegistersOf(call);
  if (!r.ok()) return ErrorPage(call, r.error());
  return HtmlPage(200,
                  GroupFrame(call, r->group, r->group + " work plan", pages::Section::kWorkPlan),
                  pages::RenderWorkPlanOverview(*r));
}

HttpResponse SubTeamPage(RouteCall& call) {
  auto r = RegistersOf(call);
  if (!r.ok()) return ErrorPage(call, r.error());
  const SubTeamPlan* subteam = nullptr;
  if (r->workplan)
    for (const SubTeamPlan& s : r->workplan->subteams)
      if (SubTeamSlug(s.subteam) == call.Param("subteam")) subteam = &s;
  if (!subteam) return ErrorPage(call, Error::NotFound("no such sub-team's work plan"));
  pages::SubTeamPlanPage page{&*r, subteam, MayChange(call, *r, subteam->subteam)};
  return HtmlPage(
      200, GroupFrame(call, r->group, subteam->subteam + " work plan", pages::Section::kWorkPlan),
      pages::RenderSubTeamPlan(page));
}

Result<pages::TaskPage> TaskPageOf(RouteCall& call, const GroupRegisters& r) {
  FoundTask found = r.workplan ? FindTask(*r.workplan, call.Param("label")) : FoundTask{};
  if (!found.task) return Error::NotFound("no such task");
  pages::TaskPage page{&r,
                       found.subteam,
                       "",
                       found.task,
                       MayChange(call, r, found.subteam->subteam),
                       PageViewer(call).csrf_token};
  for (const Subtopic& subtopic : found.subteam->subtopics)
    for (const WorkPlanTask& task : subtopic.tasks)
      if (&task == found.task) page.subtopic = subtopic.title;
  return page;
}

HttpResponse TaskPage(RouteCall& call) {
  auto r = RegistersOf(call);
  if (!r.ok()) return ErrorPage(call, r.error());
  auto page = TaskPageOf(call, *r);
  if (!page.ok()) return ErrorPage(call, page.error());
  return HtmlPage(
      200, GroupFrame(call, r->group, "Task " + page->task->label, pages::Section::kWorkPlan),
      pages::RenderTaskPage(*page));
}

Result<std::vector<std::int64_t>> ItemIds(const std::string& field) {
  std::vector<std::int64_t> ids;
  for (std::string_view text : SplitTrimmed(field, ',')) {
    if (!text.empty() && text[0] == '#') text.remove_prefix(1);
    if (text.empty()) continue;
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id <= 0)
      return Error::InvalidInput("items: give action item numbers separated by commas");
    ids.push_back(id);
  }
  return ids;
}

// Every field of the task's form, as the form sends them all.
Result<TaskEdit> TaskEditOf(const QueryParams& form) {
  TaskEdit edit;
  edit.title = Field(form, "title");
  edit.leader = Field(form, "leader");
  std::vector<std::string> people;
  const std::string field = Field(form, "people");
  for (std::string_view name : SplitTrimmed(field, ','))
    if (!name.empty()) people.emplace_back(name);
  edit.people = std::move(people);
  for (auto [name, date] : {std::pair{"start", &edit.start}, std::pair{"target", &edit.target}}) {
    auto parsed = ParseIsoDate(Field(form, name));
    if (!parsed) return Error::InvalidInput(std::string(name) + ": expected a date YYYY-MM-DD");
    *date = parsed;
  }
  edit.status = ParseTaskStatus(Field(form, "status"));
  if (!edit.status)
    return Error::InvalidInput("status: expected planned, in progress, done, on hold or dropped");
  auto items = ItemIds(Field(form, "items"));
  if (!items.ok()) return items.error();
  edit.items = std::move(*items);
  return edit;
}

HttpResponse SaveTask(RouteCall& call) {
  auto form = CheckedForm(call);
  if (!form.ok()) return ErrorPage(call, form.error());
  auto group = PageGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorPage(call, group.error());
  auto edit = TaskEditOf(*form);
  if (!edit.ok()) return ErrorPage(call, edit.error());
  auto task = EditingOf(call).EditTask(ActorOf(call.viewer), *group, call.Param("label"), *edit);
  if (!task.ok()) return ErrorPage(call, task.error());
  auto plan = call.store().FindWorkPlan(*group);
  if (!plan.ok()) return ErrorPage(call, plan.error());
  FoundTask found = *plan ? FindTask(**plan, task->label) : FoundTask{};
  std::string back = found.subteam ? pages::SubTeamPlanPath(*group, found.subteam->subteam)
                                   : pages::WorkPlanPath(*group);
  return Redirect(back, "Task " + task->label + " is saved.");
}

}  // namespace

void AddWorkPlanPageRoutes(Router& router) {
  router.Add("GET", "/g/{group}/workplan", Overview);
  router.Add("GET", "/g/{group}/subteams/{subteam}", SubTeamPage);
  router.Add("GET", "/g/{group}/tasks/{label}", TaskPage);
  router.Add("POST", "/g/{group}/tasks/{label}", SaveTask);
}

}  // namespace plenary
