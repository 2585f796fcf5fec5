// The action item register: listing with filters, one item with its history,
// changes by hand and merges.
#include <fmt/format.h>

#include <charconv>

#include "app/owners.h"
#include "core/date.h"
#include "core/meeting_label.h"
#include "core/text.h"
#include "publish/json.h"
#include "server/api.h"
#include "server/api_common.h"
#include "server/auth.h"
#include "server/responses.h"

namespace plenary {
namespace {

using json = nlohmann::ordered_json;

Result<std::optional<ActionStatus>> StatusParam(const HttpRequest& request) {
  const std::string* status = FindParam(request.query, "status");
  if (!status || *status == "all") return std::optional<ActionStatus>{};
  if (*status == "open") return std::optional<ActionStatus>{ActionStatus::kOpen};
  if (*status == "done" || *status == "complete")
    return std::optional<ActionStatus>{ActionStatus::kComplete};
  if (*status == "cancelled") return std::optional<ActionStatus>{ActionStatus::kCancelled};
  return Error::InvalidInput("status: expected open, done, cancelled or all");
}

Result<std::optional<MeetingKey>> MeetingParam(const HttpRequest& request,
                                               const std::string& group) {
  const std::string* text = FindParam(request.query, "meeting");
  if (!text) return std::optional<MeetingKey>{};
  std::size_t slash = text->rfind('/');
  if (slash != std::string::npos && slash > 0) {
    std::optional<int> number = ParseMeetingNumberText(std::string_view(*text).substr(slash + 1));
    if (number && *number > 0)
      return std::optional<MeetingKey>{MeetingKey{group, text->substr(0, slash), *number}};
  }
  return Error::InvalidInput(
      "meeting: expected KIND/NUMBER or KIND/DATE, e.g. Plenary/15 or Teleconference/2025-09-23");
}

// What ?owner, ?status, ?overdue, ?as_of, ?meeting and ?q ask for.
Result<ActionListQuery> FilterOf(const HttpRequest& request, const std::string& group) {
  ActionListQuery filter{group, {}, {}, {}, {}, false};
  if (const std::string* owner = FindParam(request.query, "owner")) filter.owner = *owner;
  auto status = StatusParam(request);
  if (!status.ok()) return status.error();
  filter.status = *status;
  const std::string* overdue = FindParam(request.query, "overdue");
  if (overdue && *overdue != "true" && *overdue != "false")
    return Error::InvalidInput("overdue: expected true or false");
  auto as_of = DateParam(request, "as_of");
  if (!as_of.ok()) return as_of.error();
  if (overdue && *overdue == "true") filter.overdue_as_of = as_of->value_or(Today());
  auto meeting = MeetingParam(request, group);
  if (!meeting.ok()) return meeting.error();
  filter.meeting = *meeting;
  if (const std::string* q = FindParam(request.query, "q")) filter.words = *q;
  return filter;
}

HttpResponse ListActions(RouteCall& call) {
  auto list = ListRequestOf(call.request);
  if (!list.ok()) return ErrorResponse(list.error());
  auto group = VisibleGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorResponse(group.error());
  auto filter = FilterOf(call.request, *group);
  if (!filter.ok()) return ErrorResponse(filter.error());
  auto page = call.store().ActionPage(*filter, list->store);
  if (!page.ok()) return ErrorResponse(page.error());
  json items = json::array();
  for (const RegisteredAction& a : page->items) items.push_back(RegisteredActionJson(a));
  return CacheableJson(call.request,
                       ListJson(call.request, *list, page->total, page->next, std::move(items)));
}

// The item `id` when it belongs to the (visible) group of the path.
Result<RegisteredAction> ItemOf(RouteCall& call, std::string_view param = "id") {
  auto group = VisibleGroup(call, call.Param("group"));
  if (!group.ok()) return group.error();
  auto id = IdParam(call, param);
  if (!id.ok()) return id.error();
  auto item = call.store().Action(*id);
  if (!item.ok()) return item.error();
  if (!EqualsNoCase(item->meeting.group, *group))
    return Error::NotFound(fmt::format("no action item #{} in {}", *id, *group));
  return item;
}

HttpResponse ShowAction(RouteCall& call) {
  auto item = ItemOf(call);
  if (!item.ok()) return ErrorResponse(item.error());
  return CacheableJson(call.request, JsonResponse(200, RegisteredActionJson(*item)));
}

Result<std::vector<Owner>> OwnersOf(RouteCall& call, const std::string& group, const json& names) {
  std::vector<std::string> texts;
  for (const json& name : names) {
    if (!name.is_string()) return Error::InvalidInput("owners: expected an array of names");
    texts.push_back(name.get<std::string>());
  }
  return ResolveOwnerNames(call.store(), group, texts);
}

// {status?, due? (YYYY-MM-DD or null), owners? [names], note?}
Result<ActionEdit> EditOf(RouteCall& call, const std::string& group, const json& body) {
  ActionEdit edit;
  for (const auto& [key, value] : body.items()) {
    if (key == "status") {
      edit.status = value.is_string() ? ParseActionStatus(value.get<std::string>()) : std::nullopt;
      if (!edit.status) return Error::InvalidInput("status: expected open, complete or cancelled");
    } else if (key == "due") {
      auto date = value.is_string() ? ParseIsoDate(value.get<std::string>()) : std::nullopt;
      if (!value.is_null() && !date) return Error::InvalidInput("due: expected YYYY-MM-DD or null");
      edit.due = date;
    } else if (key == "owners") {
      if (!value.is_array()) return Error::InvalidInput("owners: expected an array of names");
      auto owners = OwnersOf(call, group, value);
      if (!owners.ok()) return owners.error();
      edit.owners = std::move(*owners);
    } else if (key == "note") {
      if (!value.is_string()) return Error::InvalidInput("note: expected text");
      edit.note = value.get<std::string>();
    } else {
      return Error::InvalidInput(fmt::format("unknown field: {}", key));
    }
  }
  if (!edit.status && !edit.due && !edit.owners && edit.note.empty())
    return Error::InvalidInput("nothing to change: give status, due, owners or note");
  edit.who = ChangedBy(call);
  edit.effective = Today();
  return edit;
}

HttpResponse EditActionRoute(RouteCall& call) {
  auto item = ItemOf(call);
  if (!item.ok()) return ErrorResponse(item.error());
  auto body = JsonBody(call.request);
  if (!body.ok()) return ErrorResponse(body.error());
  auto edit = EditOf(call, item->meeting.group, *body);
  if (!edit.ok()) return ErrorResponse(edit.error());
  Editing editing = EditingOf(call);
  auto changed = editing.EditAction(ActorOf(call.viewer), item->id, *edit);
  if (!changed.ok()) return ErrorResponse(changed.error());
  auto now = call.store().Action(item->id);
  if (!now.ok()) return ErrorResponse(now.error());
  return JsonResponse(200, RegisteredActionJson(*now));
}

// {from: ID, note?}: folds item `from` into the item of the path.
HttpResponse MergeActionRoute(RouteCall& call) {
  auto item = ItemOf(call);
  if (!item.ok()) return ErrorResponse(item.error());
  auto body = JsonBody(call.request);
  if (!body.ok()) return ErrorResponse(body.error());
  const json& from = (*body)["from"];
  const json& note = (*body)["note"];
  if (!from.is_number_integer() || from.get<std::int64_t>() <= 0)
    return Problem(400, "from: expected the id of the item to fold in");
  if (!note.is_null() && !note.is_string()) return Problem(400, "note: expected text");
  auto other = call.store().Action(from.get<std::int64_t>());
  if (!other.ok() || !EqualsNoCase(other->meeting.group, item->meeting.group))
    return Problem(404, fmt::format("no action item #{} in {}", from.get<std::int64_t>(),
                                    item->meeting.group));
  ActionEdit by;
  by.who = ChangedBy(call);
  by.note = note.is_string() ? note.get<std::string>() : "";
  by.effective = Today();
  Editing editing = EditingOf(call);
  if (Status merged =
          editing.MergeActions(ActorOf(call.viewer), item->id, from.get<std::int64_t>(), by);
      !merged.ok())
    return ErrorResponse(merged.error());
  auto now = call.store().Action(item->id);
  if (!now.ok()) return ErrorResponse(now.error());
  return JsonResponse(200, RegisteredActionJson(*now));
}

// Undoes the merge of the item of the path into another.
HttpResponse UnmergeActionRoute(RouteCall& call) {
  auto item = ItemOf(call);
  if (!item.ok()) return ErrorResponse(item.error());
  Editing editing = EditingOf(call);
  if (Status s = editing.UnmergeAction(ActorOf(call.viewer), item->id); !s.ok())
    return ErrorResponse(s.error());
  auto now = call.store().Action(item->id);
  if (!now.ok()) return ErrorResponse(now.error());
  return JsonResponse(200, RegisteredActionJson(*now));
}

}  // namespace

void AddActionRoutes(Router& router) {
  router.Add("GET", "/api/v1/groups/{group}/actions", ListActions);
  router.Add("GET", "/api/v1/groups/{group}/actions/{id}", ShowAction);
  router.Add("PATCH", "/api/v1/groups/{group}/actions/{id}", EditActionRoute);
  router.Add("POST", "/api/v1/groups/{group}/actions/{id}/merge", MergeActionRoute);
  router.Add("POST", "/api/v1/groups/{group}/actions/{id}/unmerge", UnmergeActionRoute);
}

}  // namespace plenary
