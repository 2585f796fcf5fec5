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

// Every group of the register: those with a roster and those known only from
// meetings' headers, by short name as stored, without regard to case.
Result<std::map<std::string, std::optional<Roster>>> AllGroups(Store& store) {
  std::map<std::string, std::optional<Roster>> groups;
  auto rosters = store.Rosters();
  if (!rosters.ok()) return rosters.error();
  auto meetings = store.Meetings();
  if (!meetings.ok()) return meetings.error();
  for (Roster& r : *rosters) groups[AsciiLower(r.group.short_name)] = std::move(r);
  for (const Meeting& m : *meetings) {
    auto [it, added] = groups.try_emplace(AsciiLower(m.key.group));
    if (added) it->second = Roster{Group{m.key.group, "", {}, {}}, {}, {}};
  }
  return groups;
}

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

HttpResponse ListGroups(RouteCall& call) {
  auto groups = AllGroups(call.store());
  if (!groups.ok()) return ErrorResponse(groups.error());
  json items = json::array();
  for (const auto& [key, roster] : *groups)
    if (MayRead(call, roster->group.short_name)) items.push_back(GroupJson(call, roster->group));
  return CacheableJson(call.request, JsonResponse(200, json{{"items", std::move(items)}}));
}

// The group's meetings, oldest first.
Result<std::vector<Meeting>> MeetingsOf(Store& store, const std::string& group) {
  auto meetings = store.Meetings();
  if (!meetings.ok()) return meetings.error();
  std::erase_if(*meetings, [&](const Meeting& m) { return !EqualsNoCase(m.key.group, group); });
  return std::move(*meetings);
}

HttpResponse ShowGroup(RouteCall& call) {
  auto group = VisibleGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorResponse(group.error());
  auto roster = call.store().FindRoster(*group);
  if (!roster.ok()) return ErrorResponse(roster.error());
  auto meetings = MeetingsOf(call.store(), *group);
  if (!meetings.ok()) return ErrorResponse(meetings.error());
  ActionQuery open;
  open.open_only = true;
  open.group = *group;
  auto actions = call.store().Actions(open);
  if (!actions.ok()) return ErrorResponse(actions.error());
  json body = GroupJson(call, *roster ? (*roster)->group : Group{*group, "", {}, {}});
  body["meetings"] = meetings->size();
  body["open_actions"] = actions->size();
  body["last_meeting"] =
      meetings->empty() ? json(nullptr) : json(FormatIsoDate(meetings->back().date));
  return CacheableJson(call.request, JsonResponse(200, body));
}

HttpResponse ListMeetings(RouteCall& call) {
  auto paging = PagingOf(call.request);
  if (!paging.ok()) return ErrorResponse(paging.error());
  auto group = VisibleGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorResponse(group.error());
  auto meetings = MeetingsOf(call.store(), *group);
  if (!meetings.ok()) return ErrorResponse(meetings.error());
  auto [first, last] = PageRange(*paging, meetings->size());
  json items = json::array();
  for (std::size_t i = first; i < last; ++i) items.push_back(MeetingJson((*meetings)[i]));
  return CacheableJson(call.request,
                       PagedJson(call.request, *paging, meetings->size(), std::move(items)));
}

HttpResponse ShowMeeting(RouteCall& call) {
  auto group = VisibleGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorResponse(group.error());
  std::optional<int> parsed = ParseMeetingNumberText(call.Param("number"));
  if (!parsed)
    return Problem(400, "the meeting number must be a whole number or a date (YYYY-MM-DD)");
  const int number = *parsed;
  auto meetings = MeetingsOf(call.store(), *group);
  if (!meetings.ok()) return ErrorResponse(meetings.error());
  for (const Meeting& m : *meetings)
    if (EqualsNoCase(m.key.kind, call.Param("kind")) && m.key.number == number)
      return CacheableJson(call.request, JsonResponse(200, MeetingJson(m)));
  return Problem(404, fmt::format("no meeting {} in {}",
                                  MeetingLabel({*group, call.Param("kind"), number}), *group));
}

HttpResponse ListDecisions(RouteCall& call) {
  auto paging = PagingOf(call.request);
  if (!paging.ok()) return ErrorResponse(paging.error());
  auto group = VisibleGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorResponse(group.error());
  auto decisions = call.store().Decisions();
  if (!decisions.ok()) return ErrorResponse(decisions.error());
  std::erase_if(*decisions, [&](const RegisteredDecision& d) {
    return !EqualsNoCase(d.meeting.group, *group);
  });
  auto [first, last] = PageRange(*paging, decisions->size());
  json items = json::array();
  for (std::size_t i = first; i < last; ++i)
    items.push_back(RegisteredDecisionJson((*decisions)[i]));
  return CacheableJson(call.request,
                       PagedJson(call.request, *paging, decisions->size(), std::move(items)));
}

HttpResponse ShowPeople(RouteCall& call) {
  auto group = VisibleGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorResponse(group.error());
  auto roster = call.store().FindRoster(*group);
  if (!roster.ok()) return ErrorResponse(roster.error());
  if (!*roster) return Problem(404, fmt::format("no roster for {}", *group));
  // Addresses are for the group's own people (a public group's visitors and
  // other signed-in users see who is on it, not where to write to them).
  Actor actor = ActorOf(call.viewer);
  bool with_addresses = IsAdmin(actor) || RoleIn(actor, *group).has_value();
  return CacheableJson(call.request, JsonResponse(200, RosterJson(**roster, with_addresses)));
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
  auto paging = PagingOf(call.request);
  if (!paging.ok()) return ErrorResponse(paging.error());
  AuditQuery query;
  query.group = *group;
  query.limit = static_cast<int>(std::min<std::size_t>(paging->page * paging->per_page, 100'000));
  auto entries = call.resources.site->Audit(query);
  if (!entries.ok()) return ErrorResponse(entries.error());
  auto [first, last] = PageRange(*paging, entries->size());
  json items = json::array();
  for (std::size_t i = first; i < last; ++i) items.push_back(AuditEntryJson((*entries)[i]));
  HttpResponse r = PagedJson(call.request, *paging, entries->size(), std::move(items));
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
}

}  // namespace plenary
