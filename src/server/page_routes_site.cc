// Pages outside any one group: the list of groups the viewer may see, a
// signed-in member's own items, search across the visible groups, and the
// static assets.
#include <algorithm>

#include "core/directory.h"
#include "core/text.h"
#include "core/workplan.h"
#include "publish/assets.h"
#include "publish/registers.h"
#include "server/access.h"
#include "server/api_common.h"
#include "server/auth.h"
#include "server/page_routes.h"
#include "server/page_support.h"
#include "server/pages/action_pages.h"
#include "server/pages/reminder_settings_page.h"
#include "server/pages/site_pages.h"

namespace plenary {
namespace {

constexpr std::size_t kMaxQueryBytes = 500;

// The groups the viewer may read, by short name.
Result<std::vector<std::string>> VisibleGroups(RouteCall& call) {
  if (!call.resources.site) return Error::Internal("pages need the site tables");
  auto groups = call.resources.site->Groups();
  if (!groups.ok()) return groups.error();
  std::erase_if(*groups, [&](const std::string& g) { return !MayRead(call, g); });
  return groups;
}

pages::Frame SiteFrame(const RouteCall& call, std::string title, pages::Section section) {
  pages::Frame f;
  f.title = std::move(title);
  f.viewer = PageViewer(call);
  f.section = section;
  f.notice = NoticeOf(call);
  return f;
}

HttpResponse GroupList(RouteCall& call) {
  auto groups = VisibleGroups(call);
  if (!groups.ok()) return ErrorPage(call, groups.error());
  auto stored = call.store().GroupSummaries();
  if (!stored.ok()) return ErrorPage(call, stored.error());
  const Date today = Today();
  PageRequest count_only;
  count_only.limit = 0;
  std::vector<pages::GroupSummary> summaries;
  for (const std::string& g : *groups) {
    pages::GroupSummary s{g, "", 0, 0, 0};
    for (const GroupSummary& r : *stored) {
      if (!EqualsNoCase(r.group.short_name, g)) continue;
      s.full_name = r.group.full_name;
      s.open_items = static_cast<int>(r.open_actions);
      s.meetings = static_cast<int>(r.meetings);
    }
    auto overdue = call.store().ActionPage({g, {}, {}, today, {}, false}, count_only);
    if (!overdue.ok()) return ErrorPage(call, overdue.error());
    s.overdue_items = static_cast<int>(overdue->total);
    summaries.push_back(std::move(s));
  }
  return HtmlPage(200, SiteFrame(call, "Groups", pages::Section::kNone),
                  pages::RenderGroupList(summaries));
}

// The tasks of the groups the viewer reads whose leader or people include
// `person` (through each group's roster: a name, alias or initials).
Result<std::vector<pages::MyTask>> MyTasks(RouteCall& call, const std::string& person, Date today) {
  std::vector<pages::MyTask> mine;
  auto rosters = call.store().Rosters();
  if (!rosters.ok()) return rosters.error();
  for (const Roster& roster : *rosters) {
    const std::string& group = roster.group.short_name;
    if (!MayRead(call, group)) continue;
    const Person* me = Directory(&roster, group).FindPerson(person);
    if (!me) continue;
    auto plan = call.store().FindWorkPlan(group);
    if (!plan.ok()) return plan.error();
    if (!*plan) continue;
    auto items = WorkPlanItems(call.store(), group, **plan);
    if (!items.ok()) return items.error();
    TaskLinks links = LinkItemsToTasks(**plan, *items);
    for (const SubTeamPlan& subteam : (*plan)->subteams) {
      for (const WorkPlanTask* task : TasksOf(subteam)) {
        bool leads = task->leader == me->name;
        if (!leads &&
            std::find(task->people.begin(), task->people.end(), me->name) == task->people.end())
          continue;
        std::size_t open = 0;
        for (std::int64_t id : links.items[task->label])
          for (const RegisteredAction& a : *items)
            if (a.id == id && a.item.status == ActionStatus::kOpen) ++open;
        mine.push_back({group, subteam.subteam, *task, leads, IsOverdue(*task, today), open});
      }
    }
  }
  return mine;
}

// The viewer's items with `status` in the groups they read, read a page in
// the database (Store::OwnedActionPage); the total goes to `total`.
Result<std::vector<RegisteredAction>> MyItemsWith(RouteCall& call,
                                                 const std::vector<std::string>& groups,
                                                 ActionStatus status, bool newest_first,
                                                 std::size_t& total) {
  PageRequest first;
  first.limit = pages::MyItemsPage::kShown;
  first.newest_first = newest_first;
  auto page = call.store().OwnedActionPage({call.viewer.user->person, groups, status}, first);
  if (!page.ok()) return page.error();
  total += page->total;
  return std::move(page->items);
}

HttpResponse MyItems(RouteCall& call) {
  if (!call.viewer.user) return Redirect("/login?next=/my");
  pages::MyItemsPage page{call.viewer.user->person, Today(), {}, {}};
  if (!page.person.empty()) {
    auto groups = VisibleGroups(call);
    if (!groups.ok()) return ErrorPage(call, groups.error());
    auto open = MyItemsWith(call, *groups, ActionStatus::kOpen, false, page.open_total);
    if (!open.ok()) return ErrorPage(call, open.error());
    page.open = std::move(*open);
    // The latest closed ones: the newest of each closed status, merged.
    for (ActionStatus closed : {ActionStatus::kComplete, ActionStatus::kCancelled}) {
      auto items = MyItemsWith(call, *groups, closed, true, page.closed_total);
      if (!items.ok()) return ErrorPage(call, items.error());
      for (RegisteredAction& a : *items) page.closed.push_back(std::move(a));
    }
    std::sort(page.closed.begin(), page.closed.end(),
              [](const auto& a, const auto& b) { return a.id > b.id; });
    if (page.closed.size() > pages::MyItemsPage::kShown)
      page.closed.resize(pages::MyItemsPage::kShown);
    auto tasks = MyTasks(call, page.person, page.today);
    if (!tasks.ok()) return ErrorPage(call, tasks.error());
    page.tasks = std::move(*tasks);
  }
  return HtmlPage(200, SiteFrame(call, "My items", pages::Section::kMine),
                  pages::RenderMyItems(page));
}

// The groups whose roster lists the viewer's person, with their settings.
Result<pages::MyRemindersPage> MyRemindersOf(RouteCall& call) {
  pages::MyRemindersPage page{call.viewer.user->person, {}};
  if (page.person.empty()) return page;
  auto rosters = call.store().Rosters();
  if (!rosters.ok()) return rosters.error();
  for (const Roster& r : *rosters) {
    if (!MayRead(call, r.group.short_name)) continue;
    for (const Person& p : r.people)
      if (FoldName(p.name) == FoldName(page.person))
        page.groups.push_back({r.group.short_name, p.email, p.reminders});
  }
  return page;
}

HttpResponse MyReminders(RouteCall& call) {
  if (!call.viewer.user) return Redirect("/login?next=/my/reminders");
  auto page = MyRemindersOf(call);
  if (!page.ok()) return ErrorPage(call, page.error());
  pages::Frame frame = SiteFrame(call, "My reminders", pages::Section::kMine);
  return HtmlPage(200, frame, pages::RenderMyReminders(*page, frame.viewer));
}

HttpResponse SaveMyReminders(RouteCall& call) {
  if (!call.viewer.user) return Redirect("/login?next=/my/reminders");
  auto form = CheckedForm(call);
  if (!form.ok()) return ErrorPage(call, form.error());
  auto group = PageGroup(call, Field(*form, "group"));
  if (!group.ok()) return ErrorPage(call, group.error());
  std::string email(Trim(Field(*form, "email")));
  auto saved = EditingOf(call).SetOwnReminderSettings(
      ActorOf(call.viewer), *group, email.empty() ? std::nullopt : std::optional(email),
      Field(*form, "reminders") == "yes");
  if (!saved.ok()) return ErrorPage(call, saved.error());
  return Redirect("/my/reminders", "Your reminder settings for " + *group + " are saved.");
}

HttpResponse Search(RouteCall& call) {
  pages::SearchPage page;
  if (const std::string* q = FindParam(call.request.query, "q"))
    page.query = html::Shorten(*q, kMaxQueryBytes);
  if (!Trim(page.query).empty()) {
    auto groups = VisibleGroups(call);
    if (!groups.ok()) return ErrorPage(call, groups.error());
    SearchQuery query{page.query, std::move(*groups), 50};
    if (!query.groups.empty()) {
      auto hits = call.resources.site->Search(query);
      if (!hits.ok()) return ErrorPage(call, hits.error());
      page.hits = std::move(*hits);
    }
  }
  return HtmlPage(200, SiteFrame(call, "Search", pages::Section::kSearch),
                  pages::RenderSearch(page));
}

HttpResponse StaticAsset(RouteCall& call) {
  const Asset* asset = FindAsset(call.Param("name"));
  if (!asset) return HttpResponse::Text(404, "no such file\n");
  if (call.request.headers.Get("If-None-Match") == asset->etag) {
    HttpResponse r = HttpResponse::Text(304, "");
    r.headers.Set("ETag", asset->etag);
    return r;
  }
  HttpResponse r =
      HttpResponse::Text(200, std::string(asset->bytes), std::string(asset->content_type));
  r.headers.Set("ETag", asset->etag);
  r.headers.Set("X-Content-Type-Options", "nosniff");
  const std::string* v = FindParam(call.request.query, "v");
  r.headers.Set("Cache-Control", v && *v == asset->version ? "public, max-age=31536000, immutable"
                                                           : "public, max-age=300");
  return r;
}

}  // namespace

void AddSitePageRoutes(Router& router) {
  router.Add("GET", "/", GroupList);
  router.Add("GET", "/my", MyItems);
  router.Add("GET", "/my/reminders", MyReminders);
  router.Add("POST", "/my/reminders", SaveMyReminders);
  router.Add("GET", "/search", Search);
  router.Add("GET", "/static/{name}", StaticAsset);
}

void AddPageRoutes(Router& router) {
  AddSitePageRoutes(router);
  AddSessionPageRoutes(router);
  AddWorkPlanPageRoutes(router);
  AddGroupPageRoutes(router);
  AddActionFormRoutes(router);
  AddImportPageRoutes(router);
}

}  // namespace plenary
