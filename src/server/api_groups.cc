// Groups, their meetings, decisions and people.
#include <fmt/format.h>

#include <charconv>
#include <map>

#include "core/date.h"
#include "core/meeting_label.h"
#include "core/text.h"
#include "publish/json.h"
#include "publish/site_json.h"
#include "server/api.h"
#include "server/api_common.h"
#include "server/auth.h"
#include "server/responses.h"

namespace plenary {
namespace {

using json = nlohmann::ordered_json;

json GroupJson(RouteCall& call, const Group& group) {
  bool is_public = false;
  if (call.resources.site) {
    auto p = call.resources.site->GroupIsPublic(group.short_name);
    is_public = p.ok() && *p;
  }
  json name = group.full_name.empty() ? json(nullptr) : json(group.full_name);
  auto date = [](const std::optional<Date>& d) {
    return d ? json(FormatIsoDate(*d)) : json(nullptr);
  };
  return {{"group", group.short_name},
          {"name", std::move(name)},
          {"active_from", date(group.active_from)},
          {"active_to", date(group.active_to)},
          {"public", is_public}};
}

// Every group of the register, those with a roster and those known only from
// meetings' headers, by short name without regard to case; no meeting is read.
HttpResponse ListGroups(RouteCall& call) {
  auto groups = call.store().GroupSummaries();
  if (!groups.ok()) return ErrorResponse(groups.error());
  json items = json::array();
  for (const GroupSummary& g : *groups)
    if ((g.has_roster || g.meetings > 0) && MayRead(call, g.group.short_name))
      items.push_back(GroupJson(call, g.group));
  return CacheableJson(call.request, JsonResponse(200, json{{"items", std::move(items)}}));
}

HttpResponse ShowGroup(RouteCall& call) {
  auto group = VisibleGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorResponse(group.error());
  auto groups = call.store().GroupSummaries();
  if (!groups.ok()) return ErrorResponse(groups.error());
  GroupSummary summary{Group{*group, "", {}, {}}, false, 0, std::nullopt, 0};
  for (const GroupSummary& g : *groups)
    if (EqualsNoCase(g.group.short_name, *group)) summary = g;
  json body = GroupJson(call, summary.group);
  body["meetings"] = summary.meetings;
  body["open_actions"] = summary.open_actions;
  body["last_meeting"] =
      summary.last_meeting ? json(FormatIsoDate(*summary.last_meeting)) : json(nullptr);
  return CacheableJson(call.request, JsonResponse(200, body));
}

HttpResponse ListMeetings(RouteCall& call) {
  auto list = ListRequestOf(call.request);
  if (!list.ok()) return ErrorResponse(list.error());
  auto group = VisibleGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorResponse(group.error());
  auto meetings =
      call.store().MeetingPage({*group, {}, {}, MeetingParts::kEverything}, list->store);
  if (!meetings.ok()) return ErrorResponse(meetings.error());
  json items = json::array();
  for (const Meeting& m : meetings->items) items.push_back(MeetingJson(m));
  return CacheableJson(call.request, ListJson(call.request, *list, meetings->total, meetings->next,
                                              std::move(items)));
}

HttpResponse ShowMeeting(RouteCall& call) {
  auto group = VisibleGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorResponse(group.error());
  std::optional<int> parsed = ParseMeetingNumberText(call.Param("number"));
  if (!parsed)
    return Problem(400, "the meeting number must be a whole number or a date (YYYY-MM-DD)");
  const int number = *parsed;
  auto meeting = FindMeeting(call.store(), *group, call.Param("kind"), number);
  if (!meeting.ok()) return ErrorResponse(meeting.error());
  if (*meeting) return CacheableJson(call.request, JsonResponse(200, MeetingJson(**meeting)));
  return Problem(404, fmt::format("no meeting {} in {}",
                                  MeetingLabel({*group, call.Param("kind"), number}), *group));
}

HttpResponse ListDecisions(RouteCall& call) {
  auto list = ListRequestOf(call.request);
  if (!list.ok()) return ErrorResponse(list.error());
  auto group = VisibleGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorResponse(group.error());
  auto decisions = call.store().DecisionPage(*group, list->store);
  if (!decisions.ok()) return ErrorResponse(decisions.error());
  json items = json::array();
  for (const RegisteredDecision& d : decisions->items) items.push_back(RegisteredDecisionJson(d));
  return CacheableJson(call.request, ListJson(call.request, *list, decisions->total,
                                              decisions->next, std::move(items)));
}

HttpResponse ShowPeople(RouteCall& call) {
  auto group = VisibleGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorResponse(group.error());
  auto roster = call.store().FindRoster(*group);
  if (!roster.ok()) return ErrorResponse(roster.error());
  if (!*roster) return Problem(404, fmt::format("no roster for {}", *group));
  return CacheableJson(call.request,
                       JsonResponse(200, RosterJson(**roster, SeesAddresses(call, *group))));
}

// {public: true|false}: who may read the group.
HttpResponse EditGroup(RouteCall& call) {
  auto group = VisibleGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorResponse(group.error());
  auto body = JsonBody(call.request);
  if (!body.ok()) return ErrorResponse(body.error());
  const nlohmann::json& is_public = (*body)["public"];
  if (body->size() != 1 || !is_public.is_boolean())
    return Problem(400, "expected {\"public\": true|false}");
  if (Status s =
          EditingOf(call).SetGroupPublic(ActorOf(call.viewer), *group, is_public.get<bool>());
      !s.ok())
    return ErrorResponse(s.error());
  return ShowGroup(call);
}

// The group's audit log, newest first: for its secretariat and admins.
HttpResponse ShowAudit(RouteCall& call) {
  auto group = VisibleGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorResponse(group.error());
  if (!May(call, Operation::kViewAudit, *group))
    return Forbidden("only the group's secretariat may read its audit log");
  auto list = ListRequestOf(call.request);
  if (!list.ok()) return ErrorResponse(list.error());
  auto entries = call.resources.site->AuditPage(*group, list->store);
  if (!entries.ok()) return ErrorResponse(entries.error());
  json items = json::array();
  for (const AuditEntry& e : entries->items) items.push_back(AuditEntryJson(e));
  HttpResponse r = ListJson(call.request, *list, entries->total, entries->next, std::move(items));
  r.headers.Set("Cache-Control", "no-store");
  return r;
}

}  // namespace

void AddGroupRoutes(Router& router) {
  router.Add("GET", "/api/v1/groups", ListGroups);
  router.Add("GET", "/api/v1/groups/{group}", ShowGroup);
  router.Add("PATCH", "/api/v1/groups/{group}", EditGroup);
  router.Add("GET", "/api/v1/groups/{group}/audit", ShowAudit);
  router.Add("GET", "/api/v1/groups/{group}/meetings", ListMeetings);
  router.Add("GET", "/api/v1/groups/{group}/meetings/{kind}/{number}", ShowMeeting);
  router.Add("GET", "/api/v1/groups/{group}/decisions", ListDecisions);
  router.Add("GET", "/api/v1/groups/{group}/people", ShowPeople);
}

void AddApiRoutes(Router& router) {
  router.Add("GET", "/healthz", [](RouteCall&) {
    return JsonResponse(200, nlohmann::ordered_json{{"status", "ok"}});
  });
  AddGroupRoutes(router);
  AddActionRoutes(router);
  AddAttendanceRoutes(router);
  AddImportRoutes(router);
  AddSessionRoutes(router);
  AddSearchRoutes(router);
  AddWorkPlanRoutes(router);
}

}  // namespace plenary
