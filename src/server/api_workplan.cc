// The sub-teams' work plans: the plan with each task's items and state, and
// a task's change by the secretariat or its sub-team's lead.
#include <fmt/format.h>

#include "core/date.h"
#include "core/workplan.h"
#include "publish/registers.h"
#include "publish/workplan_json.h"
#include "server/api.h"
#include "server/api_common.h"
#include "server/auth.h"
#include "server/responses.h"

namespace plenary {
namespace {

using json = nlohmann::ordered_json;

// ?as_of=YYYY-MM-DD (default today): the day that decides "overdue".
HttpResponse ShowWorkPlan(RouteCall& call) {
  auto group = VisibleGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorResponse(group.error());
  auto as_of = DateParam(call.request, "as_of");
  if (!as_of.ok()) return ErrorResponse(as_of.error());
  auto plan = call.store().FindWorkPlan(*group);
  if (!plan.ok()) return ErrorResponse(plan.error());
  if (!*plan) return Problem(404, fmt::format("{} has no work plan", *group));
  auto roster = call.store().FindRoster(*group);
  if (!roster.ok()) return ErrorResponse(roster.error());
  auto items = WorkPlanItems(call.store(), *group, **plan);
  if (!items.ok()) return ErrorResponse(items.error());
  return CacheableJson(call.request,
                       JsonResponse(200, WorkPlanViewJson(**plan, *roster ? &**roster : nullptr,
                                                          *items, as_of->value_or(Today()))));
}

Result<std::vector<std::string>> NamesOf(const nlohmann::json& value, std::string_view key) {
  std::vector<std::string> names;
  if (!value.is_array()) return Error::InvalidInput(fmt::format("{}: expected an array", key));
  for (const nlohmann::json& name : value) {
    if (!name.is_string()) return Error::InvalidInput(fmt::format("{}: expected names", key));
    names.push_back(name.get<std::string>());
  }
  return names;
}

Result<Date> DateOf(const nlohmann::json& value, std::string_view key) {
  auto date = value.is_string() ? ParseIsoDate(value.get<std::string>()) : std::nullopt;
  if (!date) return Error::InvalidInput(fmt::format("{}: expected YYYY-MM-DD", key));
  return *date;
}

Status ReadField(TaskEdit& edit, const std::string& key, const nlohmann::json& value) {
  if (key == "title" || key == "leader") {
    if (!value.is_string()) return Error::InvalidInput(key + ": expected text");
    (key == "title" ? edit.title : edit.leader) = value.get<std::string>();
  } else if (key == "people") {
    auto names = NamesOf(value, key);
    if (!names.ok()) return names.error();
    edit.people = std::move(*names);
  } else if (key == "start" || key == "target") {
    auto date = DateOf(value, key);
    if (!date.ok()) return date.error();
    (key == "start" ? edit.start : edit.target) = *date;
  } else if (key == "status") {
    edit.status = value.is_string() ? ParseTaskStatus(value.get<std::string>()) : std::nullopt;
    if (!edit.status)
      return Error::InvalidInput("status: expected planned, in progress, done, on hold or dropped");
  } else if (key == "items") {
    std::vector<std::int64_t> ids;
    if (!value.is_array()) return Error::InvalidInput("items: expected an array of item ids");
    for (const nlohmann::json& id : value) {
      if (!id.is_number_integer() || id.get<std::int64_t>() <= 0)
        return Error::InvalidInput("items: expected an array of item ids");
      ids.push_back(id.get<std::int64_t>());
    }
    edit.items = std::move(ids);
  } else {
    return Error::InvalidInput(fmt::format("unknown field: {}", key));
  }
  return Status::Ok();
}

// {title?, leader?, people?, start?, target?, status?, items?}
HttpResponse EditTaskRoute(RouteCall& call) {
  auto group = VisibleGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorResponse(group.error());
  auto body = JsonBody(call.request);
  if (!body.ok()) return ErrorResponse(body.error());
  if (body->empty())
    return Problem(400,
                   "nothing to change: give title, leader, people, start, target, status or "
                   "items");
  TaskEdit edit;
  for (const auto& [key, value] : body->items())
    if (Status s = ReadField(edit, key, value); !s) return ErrorResponse(s.error());
  auto task = EditingOf(call).EditTask(ActorOf(call.viewer), *group, call.Param("label"), edit);
  if (!task.ok()) return ErrorResponse(task.error());
  return JsonResponse(200, TaskJson(*task));
}

}  // namespace

void AddWorkPlanRoutes(Router& router) {
  router.Add("GET", "/api/v1/groups/{group}/workplan", ShowWorkPlan);
  router.Add("PATCH", "/api/v1/groups/{group}/tasks/{label}", EditTaskRoute);
}

}  // namespace plenary
