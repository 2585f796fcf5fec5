// Reading a group: home, action items (filtered), one item, meetings, one
// meeting, decisions, attendance (by person or by affiliation), an
// affiliation's report back, roster.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <utility>

#include "app/report_back.h"
#include "core/affiliation.h"
#include "core/date.h"
#include "core/meeting_label.h"
#include "core/text.h"
#include "publish/attendance_log.h"
#include "server/access.h"
#include "server/api_common.h"
#include "server/auth.h"
#include "server/page_routes.h"
#include "server/page_support.h"
#include "server/pages/action_pages.h"
#include "server/pages/attendance_view.h"
#include "server/pages/meeting_pages.h"
#include "server/pages/published_page.h"
#include "server/pages/roster_page.h"

namespace plenary {
namespace {

constexpr std::size_t kHomeDecisions = 5;
constexpr std::size_t kMaxFilterBytes = 500;
// More meetings than a group holds, for lists that offer every one.
constexpr std::size_t kEveryMeeting = 1'000'000;

Result<std::vector<RegisteredAction>> GroupActions(Store& store, const std::string& group,
                                                   bool open_only) {
  ActionQuery q;
  q.group = group;
  q.open_only = open_only;
  return store.Actions(q);
}

// The first `limit` items of `query`, and how many there are.
Result<ListPage<RegisteredAction>> FirstItems(Store& store, ActionListQuery query,
                                              std::size_t limit) {
  PageRequest first;
  first.limit = limit;
  return store.ActionPage(query, first);
}

HttpResponse Home(RouteCall& call) {
  auto group = PageGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorPage(call, group.error());
  pages::GroupHomePage page{*group, "", Today(), std::nullopt, {}, {}};
  auto roster = call.store().FindRoster(*group);
  if (!roster.ok()) return ErrorPage(call, roster.error());
  if (*roster) page.full_name = (*roster)->group.full_name;
  PageRequest latest;
  latest.limit = 1;
  latest.newest_first = true;
  auto meetings = call.store().MeetingPage({*group, {}, {}, MeetingParts::kKeyOnly}, latest);
  if (!meetings.ok()) return ErrorPage(call, meetings.error());
  if (!meetings->items.empty()) page.latest = std::move(meetings->items.front());
  ActionListQuery open{*group, ActionStatus::kOpen, {}, {}, {}, false};
  ActionListQuery overdue{*group, {}, {}, page.today, {}, false};
  ActionListQuery soonest = open;
  soonest.soonest_due_first = true;
  auto first_open = FirstItems(call.store(), open, pages::kHomeRows);
  if (!first_open.ok()) return ErrorPage(call, first_open.error());
  auto first_overdue = FirstItems(call.store(), overdue, pages::kHomeRows);
  if (!first_overdue.ok()) return ErrorPage(call, first_overdue.error());
  auto first_due = FirstItems(call.store(), soonest, pages::kHomeSoonest);
  if (!first_due.ok()) return ErrorPage(call, first_due.error());
  page.lists =
      pages::HomeLists{std::move(first_due->items), std::move(first_overdue->items),
                       first_overdue->total, std::move(first_open->items), first_open->total};
  PageRequest latest_decisions;
  latest_decisions.limit = kHomeDecisions;
  latest_decisions.newest_first = true;
  auto decisions = call.store().DecisionPage(*group, latest_decisions);
  if (!decisions.ok()) return ErrorPage(call, decisions.error());
  page.decisions = std::move(decisions->items);
  return HtmlPage(200, GroupFrame(call, *group, *group, pages::Section::kHome),
                  pages::RenderGroupHome(page));
}

// ?page=N of a list shown kListPerPage rows a page; 1 when absent or not a number.
int PageNumberOf(const HttpRequest& request) {
  const std::string* page = FindParam(request.query, "page");
  if (!page || page->empty() || page->size() > 6 ||
      !std::all_of(page->begin(), page->end(), [](char c) { return c >= '0' && c <= '9'; }))
    return 1;
  return std::max(1, std::stoi(*page));
}

// Page `page` of a list shown newest first.
PageRequest NewestPage(int page) {
  PageRequest request;
  request.limit = pages::kListPerPage;
  request.offset = static_cast<std::size_t>(page - 1) * pages::kListPerPage;
  request.newest_first = true;
  return request;
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

// The list's filters as the store reads them; nullopt when a status or a
// meeting is not one that any item can have (the list is then empty).
std::optional<ActionListQuery> StoreFilterOf(const pages::ActionFilter& f, const std::string& group,
                                             Date today) {
  ActionListQuery q{group, {}, {}, {}, {}, false};
  if (!f.text.empty()) q.words = f.text;
  if (!f.owner.empty()) q.owner = f.owner;
  if (!f.status.empty()) {
    q.status = ParseActionStatus(f.status);
    if (!q.status) return std::nullopt;
  }
  if (f.overdue) q.overdue_as_of = today;
  if (!f.meeting.empty()) {
    std::size_t slash = f.meeting.rfind('/');
    if (slash == std::string::npos || slash == 0) return std::nullopt;
    std::optional<int> number =
        ParseMeetingNumberText(std::string_view(f.meeting).substr(slash + 1));
    if (!number) return std::nullopt;
    q.meeting = MeetingKey{group, f.meeting.substr(0, slash), *number};
  }
  return q;
}

HttpResponse ActionList(RouteCall& call) {
  auto group = PageGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorPage(call, group.error());
  pages::ActionListPage page;
  page.group = *group;
  page.today = Today();
  page.filter = FilterOf(call.request);
  if (std::optional<ActionListQuery> q = StoreFilterOf(page.filter, *group, page.today)) {
    PageRequest request;
    request.limit = pages::kActionsPerPage;
    request.offset =
        static_cast<std::size_t>(std::max(page.filter.page, 1) - 1) * pages::kActionsPerPage;
    auto items = call.store().ActionPage(*q, request);
    if (!items.ok()) return ErrorPage(call, items.error());
    page.items = std::move(items->items);
    page.total = items->total;
  } else {
    page.total = 0;
  }
  auto owners = call.store().OwnerNames(*group);
  if (!owners.ok()) return ErrorPage(call, owners.error());
  page.owners = std::move(*owners);
  auto meetings = call.store().MeetingKeys(*group);
  if (!meetings.ok()) return ErrorPage(call, meetings.error());
  page.meetings = std::move(*meetings);
  return HtmlPage(200, GroupFrame(call, *group, "Action items", pages::Section::kActions),
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
  return HtmlPage(200, GroupFrame(call, *group, title, pages::Section::kActions),
                  pages::RenderActionItem(page, PageViewer(call, *group)));
}

HttpResponse MeetingList(RouteCall& call) {
  auto group = PageGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorPage(call, group.error());
  const pages::ListPosition at{PageNumberOf(call.request), 0};
  auto meetings =
      call.store().MeetingPage({*group, {}, {}, MeetingParts::kEverything}, NewestPage(at.page));
  if (!meetings.ok()) return ErrorPage(call, meetings.error());
  return HtmlPage(
      200, GroupFrame(call, *group, "Meetings", pages::Section::kMeetings),
      pages::RenderMeetingList({*group, std::move(meetings->items), {at.page, meetings->total}}));
}

HttpResponse MeetingRecord(RouteCall& call) {
  auto group = PageGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorPage(call, group.error());
  std::optional<int> number = ParseMeetingNumberText(call.Param("number"));
  if (!number) return ErrorPage(call, Error::NotFound("no such meeting"));
  auto meeting = FindMeeting(call.store(), *group, call.Param("kind"), *number);
  if (!meeting.ok()) return ErrorPage(call, meeting.error());
  if (!*meeting) return ErrorPage(call, Error::NotFound("no such meeting"));
  const Meeting& it = **meeting;
  auto roster = call.store().FindRoster(*group);
  if (!roster.ok()) return ErrorPage(call, roster.error());
  pages::MeetingPage page{it, Today(), AttendanceOf(it, *roster ? &**roster : nullptr), {}};
  PageRequest every;
  every.limit = kEveryMeeting;
  auto items = call.store().ActionPage({*group, {}, {}, {}, it.key, false}, every);
  if (!items.ok()) return ErrorPage(call, items.error());
  page.actions = std::move(items->items);
  const std::string title = MeetingLabel(it.key);
  return HtmlPage(200, GroupFrame(call, *group, title, pages::Section::kMeetings),
                  pages::RenderMeeting(page));
}

HttpResponse DecisionList(RouteCall& call) {
  auto group = PageGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorPage(call, group.error());
  const pages::ListPosition at{PageNumberOf(call.request), 0};
  auto decisions = call.store().DecisionPage(*group, NewestPage(at.page));
  if (!decisions.ok()) return ErrorPage(call, decisions.error());
  return HtmlPage(200, GroupFrame(call, *group, "Decisions", pages::Section::kDecisions),
                  pages::RenderDecisionList(
                      {*group, std::move(decisions->items), {at.page, decisions->total}}));
}

// ?from=YYYY-MM-DD&to=YYYY-MM-DD, each optional: the last twelve months by
// default (to today, from a year before).
Result<std::pair<Date, Date>> AttendancePeriod(const HttpRequest& request, Date today) {
  std::pair<Date, Date> period{Date{std::chrono::sys_days{today} - std::chrono::days{365}}, today};
  const std::pair<const char*, Date*> params[] = {{"from", &period.first}, {"to", &period.second}};
  for (const auto& [name, date] : params) {
    const std::string* text = FindParam(request.query, name);
    if (!text || text->empty()) continue;
    std::optional<Date> parsed = ParseIsoDate(*text);
    if (!parsed || !parsed->ok())
      return Error::InvalidInput(std::string(name) + ": expected a date, YYYY-MM-DD");
    *date = *parsed;
  }
  if (period.second < period.first) return Error::InvalidInput("from is after to");
  return period;
}

// ?by=affiliation: the view by appointing organisation; absent or "person":
// person by person.
Result<bool> ByAffiliation(const HttpRequest& request) {
  const std::string* by = FindParam(request.query, "by");
  if (!by || by->empty() || *by == "person") return false;
  if (*by == "affiliation") return true;
  return Error::InvalidInput("by: expected person or affiliation");
}

// The published attendance log, monthly rates and chart of a period's
// meetings (the same document and renderer as `plenary publish`), or their
// participation summed by affiliation.
HttpResponse Attendance(RouteCall& call) {
  auto group = PageGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorPage(call, group.error());
  const Date today = Today();
  auto period = AttendancePeriod(call.request, today);
  if (!period.ok()) return ErrorPage(call, period.error());
  auto by_affiliation = ByAffiliation(call.request);
  if (!by_affiliation.ok()) return ErrorPage(call, by_affiliation.error());
  auto roster = call.store().FindRoster(*group);
  if (!roster.ok()) return ErrorPage(call, roster.error());
  PageRequest every;
  every.limit = kEveryMeeting;
  auto stored = call.store().AttendancePage({*group, period->first, period->second}, every);
  if (!stored.ok()) return ErrorPage(call, stored.error());
  GroupRegisters r{*group, std::move(*roster), MeetingsOf(stored->items), {}, {}, today};
  r.attendance = std::move(stored->items);
  const pages::PagePeriod shown{period->first, period->second};
  if (!*by_affiliation)
    return HtmlPage(200, GroupFrame(call, *group, "Attendance", pages::Section::kAttendance),
                    pages::RenderAttendance(r, publish_detail::AttendanceDocument(r), shown));
  const GroupLog log{r.group, r.roster ? &*r.roster : nullptr, r.meetings, r.attendance};
  const Block whole = BlocksOf(log, shown.from, shown.to).front();
  pages::AffiliationAttendancePage page{
      *group, shown, whole.meetings.size(), r.roster && HasAffiliations(*r.roster), {}};
  if (r.roster)
    page.sums = ParticipationByAffiliation(ParticipationIn(whole, shown.from, shown.to), *r.roster);
  return HtmlPage(
      200, GroupFrame(call, *group, "Attendance by affiliation", pages::Section::kAttendance),
      pages::RenderAffiliationAttendance(page));
}

// What an affiliation's appointees carry back for a period (the last twelve
// months unless asked); without an affiliation, the view by affiliation
// that links to each.
HttpResponse ReportBackPage(RouteCall& call) {
  auto group = PageGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorPage(call, group.error());
  const Date today = Today();
  auto period = AttendancePeriod(call.request, today);
  if (!period.ok()) return ErrorPage(call, period.error());
  const pages::PagePeriod shown{period->first, period->second};
  const std::string* affiliation = FindParam(call.request.query, "affiliation");
  if (!affiliation || affiliation->empty())
    return Redirect(pages::AffiliationViewPath(*group, shown));
  if (Status appointed = CheckAppointed(call.store(), *group, *affiliation); !appointed.ok())
    return ErrorPage(call, appointed.error());
  auto registers = LoadRegisters(call.store(), *group, today);
  if (!registers.ok()) return ErrorPage(call, registers.error());
  auto report = BuildReportBack(registers->at(0), *affiliation, shown.from, shown.to);
  if (!report.ok()) return ErrorPage(call, report.error());
  pages::ReportBackPage page{&registers->at(0), std::move(*report), shown,
                             SeesAddresses(call, *group)};
  return HtmlPage(200,
                  GroupFrame(call, *group, "Report back: " + page.report.affiliation,
                             pages::Section::kAttendance),
                  pages::RenderReportBack(page));
}

HttpResponse RosterPage(RouteCall& call) {
  auto group = PageGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorPage(call, group.error());
  auto roster = call.store().FindRoster(*group);
  if (!roster.ok()) return ErrorPage(call, roster.error());
  pages::RosterPage page{*group, std::move(*roster), May(call, Operation::kEditRoster, *group),
                         std::nullopt, ""};
  return HtmlPage(200, GroupFrame(call, *group, "Roster", pages::Section::kRoster),
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
  router.Add("GET", "/g/{group}/report-back", ReportBackPage);
  router.Add("GET", "/g/{group}/roster", RosterPage);
}

}  // namespace plenary
