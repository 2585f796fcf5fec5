// Reading a group: home, action items (filtered), one item, meetings, one
// meeting, decisions, attendance, roster.
#include <algorithm>

#include "core/date.h"
#include "core/meeting_label.h"
#include "core/text.h"
#include "server/access.h"
#include "server/api_common.h"
#include "server/auth.h"
#include "server/page_routes.h"
#include "server/page_support.h"
#include "server/pages/action_pages.h"
#include "server/pages/meeting_pages.h"
#include "server/pages/published_page.h"
#include "server/pages/roster_page.h"

namespace plenary {
namespace {

constexpr std::size_t kHomeDecisions = 5;
constexpr std::size_t kMaxFilterBytes = 500;

pages::Frame FrameOf(const RouteCall& call, const std::string& group, std::string title,
                     pages::Section section) {
  pages::Frame f;
  f.title = std::move(title);
  f.viewer = PageViewer(call, group);
  f.group = group;
  f.section = section;
  f.notice = NoticeOf(call);
  return f;
}

Result<std::vector<Meeting>> GroupMeetings(Store& store, const std::string& group) {
  auto meetings = store.Meetings();
  if (!meetings.ok()) return meetings.error();
  std::erase_if(*meetings, [&](const Meeting& m) { return !EqualsNoCase(m.key.group, group); });
  std::stable_sort(meetings->begin(), meetings->end(),
                   [](const Meeting& a, const Meeting& b) { return a.date > b.date; });
  return meetings;
}

Result<std::vector<RegisteredDecision>> GroupDecisions(Store& store, const std::string& group) {
  auto decisions = store.Decisions();
  if (!decisions.ok()) return decisions.error();
  std::erase_if(*decisions,
                [&](const RegisteredDecision& d) { return !EqualsNoCase(d.meeting.group, group); });
  std::stable_sort(decisions->begin(), decisions->end(),
                   [](const auto& a, const auto& b) { return a.meeting_date > b.meeting_date; });
  return decisions;
}

Result<std::vector<RegisteredAction>> GroupActions(Store& store, const std::string& group,
                                                   bool open_only) {
  ActionQuery q;
  q.group = group;
  q.open_only = open_only;
  return store.Actions(q);
}

HttpResponse Home(RouteCall& call) {
  auto group = PageGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorPage(call, group.error());
  pages::GroupHomePage page{*group, "", Today(), std::nullopt, {}, {}};
  auto roster = call.store().FindRoster(*group);
  if (!roster.ok()) return ErrorPage(call, roster.error());
  if (*roster) page.full_name = (*roster)->group.full_name;
  auto meetings = GroupMeetings(call.store(), *group);
  if (!meetings.ok()) return ErrorPage(call, meetings.error());
  if (!meetings->empty()) page.latest = meetings->front();
  auto open = GroupActions(call.store(), *group, true);
  if (!open.ok()) return ErrorPage(call, open.error());
  page.open = std::move(*open);
  auto decisions = GroupDecisions(call.store(), *group);
  if (!decisions.ok()) return ErrorPage(call, decisions.error());
  if (decisions->size() > kHomeDecisions) decisions->resize(kHomeDecisions);
  page.decisions = std::move(*decisions);
  return HtmlPage(200, FrameOf(call, *group, *group, pages::Section::kHome),
                  pages::RenderGroupHome(page));
}

pages::ActionFilter FilterOf(const HttpRequest& request) {
  auto get = [&](std::string_view name) {
    const std::string* v = FindParam(request.query, name);
    return v ? html::Shorten(*v, kMaxFilterBytes) : std::string();
  };
  pages::ActionFilter filter{get("owner"), get("status"), !get("overdue").empty(), get("meeting"),
                             get("q")};
  const std::string page = get("page");
  if (!page.empty() && page.size() <= 6 &&
      std::all_of(page.begin(), page.end(), [](char c) { return c >= '0' && c <= '9'; }))
    filter.page = std::max(1, std::stoi(page));
  return filter;
}

HttpResponse ActionList(RouteCall& call) {
  auto group = PageGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorPage(call, group.error());
  pages::ActionListPage page;
  page.group = *group;
  page.today = Today();
  page.filter = FilterOf(call.request);
  ActionQuery q;
  q.group = *group;
  if (!page.filter.owner.empty()) q.owner = page.filter.owner;
  auto items = call.store().Actions(q);
  if (!items.ok()) return ErrorPage(call, items.error());
  auto all = GroupActions(call.store(), *group, false);
  if (!all.ok()) return ErrorPage(call, all.error());
  for (const RegisteredAction& a : *all)
    for (const Owner& o : a.item.owners)
      if (std::find(page.owners.begin(), page.owners.end(), o.name) == page.owners.end())
        page.owners.push_back(o.name);
  std::sort(page.owners.begin(), page.owners.end());
  auto meetings = GroupMeetings(call.store(), *group);
  if (!meetings.ok()) return ErrorPage(call, meetings.error());
  for (auto it = meetings->rbegin(); it != meetings->rend(); ++it) page.meetings.push_back(it->key);
  page.items = pages::FilterActions(std::move(*items), page.filter, page.today);
  return HtmlPage(200, FrameOf(call, *group, "Action items", pages::Section::kActions),
                  pages::RenderActionList(page));
}

Result<RegisteredAction> ItemOf(RouteCall& call, const std::string& group) {
  auto id = IdParam(call, "id");
  if (!id.ok()) return Error::NotFound("no such item");
  auto item = call.store().Action(*id);
  if (!item.ok()) return item.error();
  if (!EqualsNoCase(item->meeting.group, group)) return Error::NotFound("no such item");
  return item;
}

HttpResponse ActionItemPage(RouteCall& call) {
  auto group = PageGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorPage(call, group.error());
  auto item = ItemOf(call, *group);
  if (!item.ok()) return ErrorPage(call, item.error());
  pages::ActionItemPage page{
      *group, Today(), std::move(*item), {}, May(call, Operation::kEditAction, *group), false};
  if (!page.may_edit && call.viewer.user) {
    auto roster = call.store().FindRoster(*group);
    if (!roster.ok()) return ErrorPage(call, roster.error());
    const Actor actor = ActorOf(call.viewer);
    page.may_complete = RoleIn(actor, *group).has_value() &&
                        OwnsAction(actor, page.item, *roster ? &**roster : nullptr);
  }
  if (page.may_edit) {
    auto open = GroupActions(call.store(), *group, true);
    if (!open.ok()) return ErrorPage(call, open.error());
    for (RegisteredAction& a : *open)
      if (a.id != page.item.id && !a.merged_into) page.merge_candidates.push_back(std::move(a));
  }
  const std::string title = "Item #" + std::to_string(page.item.id);
  return HtmlPage(200, FrameOf(call, *group, title, pages::Section::kActions),
                  pages::RenderActionItem(page, PageViewer(call, *group)));
}

HttpResponse MeetingList(RouteCall& call) {
  auto group = PageGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorPage(call, group.error());
  auto meetings = GroupMeetings(call.store(), *group);
  if (!meetings.ok()) return ErrorPage(call, meetings.error());
  return HtmlPage(200, FrameOf(call, *group, "Meetings", pages::Section::kMeetings),
                  pages::RenderMeetingList({*group, std::move(*meetings)}));
}

HttpResponse MeetingRecord(RouteCall& call) {
  auto group = PageGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorPage(call, group.error());
  std::optional<int> number = ParseMeetingNumberText(call.Param("number"));
  if (!number) return ErrorPage(call, Error::NotFound("no such meeting"));
  auto meetings = GroupMeetings(call.store(), *group);
  if (!meetings.ok()) return ErrorPage(call, meetings.error());
  auto it = std::find_if(meetings->begin(), meetings->end(), [&](const Meeting& m) {
    return EqualsNoCase(m.key.kind, call.Param("kind")) && m.key.number == *number;
  });
  if (it == meetings->end()) return ErrorPage(call, Error::NotFound("no such meeting"));
  auto roster = call.store().FindRoster(*group);
  if (!roster.ok()) return ErrorPage(call, roster.error());
  pages::MeetingPage page{*it, Today(), AttendanceOf(*it, *roster ? &**roster : nullptr), {}};
  auto items = GroupActions(call.store(), *group, false);
  if (!items.ok()) return ErrorPage(call, items.error());
  for (RegisteredAction& a : *items)
    if (a.meeting == it->key && !a.merged_into) page.actions.push_back(std::move(a));
  const std::string title = MeetingLabel(it->key);
  return HtmlPage(200, FrameOf(call, *group, title, pages::Section::kMeetings),
                  pages::RenderMeeting(page));
}

HttpResponse DecisionList(RouteCall& call) {
  auto group = PageGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorPage(call, group.error());
  auto decisions = GroupDecisions(call.store(), *group);
  if (!decisions.ok()) return ErrorPage(call, decisions.error());
  return HtmlPage(200, FrameOf(call, *group, "Decisions", pages::Section::kDecisions),
                  pages::RenderDecisionList({*group, std::move(*decisions)}));
}

// The published attendance log, monthly rates and chart: the same document
// and renderer as `plenary publish`.
HttpResponse Attendance(RouteCall& call) {
  auto group = PageGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorPage(call, group.error());
  auto registers = LoadRegisters(call.store(), *group, Today());
  if (!registers.ok()) return ErrorPage(call, registers.error());
  if (registers->empty()) return ErrorPage(call, Error::NotFound("no such group"));
  const GroupRegisters& r = registers->front();
  return HtmlPage(200, FrameOf(call, *group, "Attendance", pages::Section::kAttendance),
                  pages::RenderPublishedDocument(r, publish_detail::AttendanceDocument(r)));
}

HttpResponse RosterPage(RouteCall& call) {
  auto group = PageGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorPage(call, group.error());
  auto roster = call.store().FindRoster(*group);
  if (!roster.ok()) return ErrorPage(call, roster.error());
  pages::RosterPage page{*group, std::move(*roster), May(call, Operation::kEditRoster, *group),
                         std::nullopt, ""};
  return HtmlPage(200, FrameOf(call, *group, "Roster", pages::Section::kRoster),
                  pages::RenderRoster(page, PageViewer(call, *group)));
}

}  // namespace

void AddGroupPageRoutes(Router& router) {
  router.Add("GET", "/g/{group}", Home);
  router.Add("GET", "/g/{group}/actions", ActionList);
  router.Add("GET", "/g/{group}/actions/{id}", ActionItemPage);
  router.Add("GET", "/g/{group}/meetings", MeetingList);
  router.Add("GET", "/g/{group}/meetings/{kind}/{number}", MeetingRecord);
  router.Add("GET", "/g/{group}/decisions", DecisionList);
  router.Add("GET", "/g/{group}/attendance", Attendance);
  router.Add("GET", "/g/{group}/roster", RosterPage);
}

}  // namespace plenary
