#include "publish/registers.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/date.h"
#include "core/text.h"
#include "core/workplan.h"
#include "publish/affiliation_pages.h"
#include "publish/workplan_pages.h"

namespace plenary {

Text Plain(std::string text) { return Text{Span{std::move(text), std::nullopt, false}}; }

Text Linked(std::string text, Link link) {
  return Text{Span{std::move(text), std::move(link), false}};
}

const Document* DocumentSet::Find(const std::string& id) const {
  for (const Document& d : documents)
    if (d.id == id) return &d;
  return nullptr;
}

std::string Slug(std::string_view text) {
  std::string out;
  bool dash = false;
  for (char c : text) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
      alnum = true;
    }
    if (alnum) {
      if (dash && !out.empty()) out += '-';
      out += c;
      dash = false;
    } else {
      dash = true;
    }
  }
  return out.empty() ? "group" : out;
}

std::string MeetingPageId(const MeetingKey& key) {
  // Slug: a dated number with an hour is written "2014-04-08T16".
  return fmt::format("{}-{}", Slug(key.kind), Slug(MeetingNumberText(key.number)));
}

std::string MonthPageId(const Date& first_of_month) {
  return "attendance-" + FormatIsoDate(first_of_month).substr(0, 7);
}

std::string ItemAnchor(std::int64_t id) { return fmt::format("item-{}", id); }

namespace {

// Whether the action belongs to `group` (a meeting's group is compared
// without regard to ASCII case, as the store does).
bool OfGroup(const RegisteredAction& a, const std::string& group) {
  return EqualsNoCase(a.meeting.group, group);
}

Result<GroupRegisters> LoadGroup(Store& store, const std::string& name,
                                 const std::vector<Meeting>& all_meetings,
                                 const std::vector<RegisteredAction>& all_actions,
                                 const std::vector<RegisteredDecision>& all_decisions, Date today) {
  GroupRegisters r;
  r.group = name;
  r.today = today;
  auto roster = store.FindRoster(name);
  if (!roster) return roster.error();
  r.roster = std::move(*roster);
  for (const Meeting& m : all_meetings)
    if (EqualsNoCase(m.key.group, name)) r.meetings.push_back(m);
  for (const RegisteredAction& a : all_actions)  // read with their histories
    if (OfGroup(a, name) && a.merged_into == 0) r.actions.push_back(a);
  for (const RegisteredDecision& d : all_decisions)
    if (EqualsNoCase(d.meeting.group, name)) r.decisions.push_back(d);
  auto workplan = store.FindWorkPlan(name);
  if (!workplan) return workplan.error();
  r.workplan = std::move(*workplan);
  return r;
}

}  // namespace

namespace {

// Every row of a paged list, a page of kAllPage at a time.
constexpr std::size_t kAllPage = 1000;

template <typename T, typename ReadPage>
Result<std::vector<T>> AllPages(ReadPage read_page) {
  std::vector<T> all;
  PageRequest page;
  page.limit = kAllPage;
  for (;;) {
    Result<ListPage<T>> got = read_page(page);
    if (!got) return got.error();
    for (T& row : got->items) all.push_back(std::move(row));
    if (got->next.empty()) return all;
    page.cursor = std::move(got->next);
  }
}

// The group's name as the register spells it (a roster's, else its
// meetings'), or NotFound.
Result<std::string> RegisterName(Store& store, const std::string& group) {
  auto summaries = store.GroupSummaries();
  if (!summaries) return summaries.error();
  for (const GroupSummary& s : *summaries)
    if (EqualsNoCase(s.group.short_name, group)) return s.group.short_name;
  return Error::NotFound(
      fmt::format("--group {}: no such group in the register", PrintableText(group)));
}

// One group's registers, read from its own rows.
Result<GroupRegisters> LoadOneGroup(Store& store, const std::string& group, Date today) {
  auto name = RegisterName(store, group);
  if (!name) return name.error();
  auto meetings = AllPages<Meeting>([&](const PageRequest& page) {
    return store.MeetingPage({*name, {}, {}, MeetingParts::kEverything}, page);
  });
  if (!meetings) return meetings.error();
  ActionQuery of_group;
  of_group.group = *name;
  of_group.with_history = true;
  auto actions = store.Actions(of_group);
  if (!actions) return actions.error();
  auto decisions = AllPages<RegisteredDecision>(
      [&](const PageRequest& page) { return store.DecisionPage(*name, page); });
  if (!decisions) return decisions.error();
  return LoadGroup(store, *name, *meetings, *actions, *decisions, today);
}

}  // namespace

Result<std::vector<GroupRegisters>> LoadRegisters(Store& store,
                                                  const std::optional<std::string>& group,
                                                  Date today) {
  if (group) {
    auto one = LoadOneGroup(store, *group, today);
    if (!one) return one.error();
    std::vector<GroupRegisters> out;
    out.push_back(std::move(*one));
    return out;
  }
  auto meetings = store.Meetings();
  if (!meetings) return meetings.error();
  auto rosters = store.Rosters();
  if (!rosters) return rosters.error();
  ActionQuery every;
  every.with_history = true;
  auto actions = store.Actions(every);
  if (!actions) return actions.error();
  auto decisions = store.Decisions();
  if (!decisions) return decisions.error();

  std::vector<std::string> names;
  auto add = [&](const std::string& n) {
    for (const std::string& known : names)
      if (EqualsNoCase(known, n)) return;
    names.push_back(n);
  };
  for (const Roster& r : *rosters) add(r.group.short_name);
  for (const Meeting& m : *meetings) add(m.key.group);
  std::sort(names.begin(), names.end());
  std::vector<GroupRegisters> out;
  for (const std::string& name : names) {
    auto r = LoadGroup(store, name, *meetings, *actions, *decisions, today);
    if (!r) return r.error();
    out.push_back(std::move(*r));
  }
  return out;
}

Result<std::vector<RegisteredAction>> WorkPlanItems(Store& store, const std::string& group,
                                                    const WorkPlan& plan) {
  ActionListQuery query;
  query.group = group;
  query.work_plan_links.emplace();
  for (const SubTeamPlan& subteam : plan.subteams)
    for (const WorkPlanTask* task : TasksOf(subteam))
      for (std::int64_t id : task->items) query.work_plan_links->push_back(id);
  return AllPages<RegisteredAction>(
      [&](const PageRequest& page) { return store.ActionPage(query, page); });
}

Result<GroupRegisters> LoadWorkPlanRegisters(Store& store, const std::string& group, Date today) {
  auto name = RegisterName(store, group);
  if (!name) return name.error();
  GroupRegisters r;
  r.group = *name;
  r.today = today;
  auto roster = store.FindRoster(*name);
  if (!roster) return roster.error();
  r.roster = std::move(*roster);
  auto workplan = store.FindWorkPlan(*name);
  if (!workplan) return workplan.error();
  r.workplan = std::move(*workplan);
  if (r.workplan) {
    auto items = WorkPlanItems(store, *name, *r.workplan);
    if (!items) return items.error();
    r.actions = std::move(*items);
  }
  return r;
}

DocumentSet BuildDocuments(const GroupRegisters& registers) {
  DocumentSet set = publish_detail::BuildSet(registers);
  for (Document& doc : set.documents) doc.wiki_name = publish_detail::WikiTitle(doc.wiki_name);
  return set;
}

DocumentSet BuildMeetingDocuments(const GroupRegisters& registers) {
  DocumentSet set{registers.group, Slug(registers.group), {}};
  for (std::size_t i = 0; i < registers.meetings.size(); ++i) {
    set.documents.push_back(publish_detail::MeetingDocument(registers, i));
    set.documents.back().wiki_name = publish_detail::WikiTitle(set.documents.back().wiki_name);
  }
  return set;
}

namespace publish_detail {

DocumentSet BuildSet(const GroupRegisters& registers) {
  using namespace publish_detail;
  DocumentSet set{registers.group, Slug(registers.group), {}};
  set.documents.push_back(IndexDocument(registers));
  for (std::size_t i = 0; i < registers.meetings.size(); ++i)
    set.documents.push_back(MeetingDocument(registers, i));
  set.documents.push_back(ActionsDocument(registers));
  set.documents.push_back(DecisionsDocument(registers));
  set.documents.push_back(AttendanceDocument(registers));
  for (const Date& month : MeetingMonths(registers))
    set.documents.push_back(BuildMonthDocument(registers, month));
  for (Document& report : ReportBackDocuments(registers))
    set.documents.push_back(std::move(report));
  set.documents.push_back(AgendaDocument(registers));
  if (registers.workplan) set.documents.push_back(WorkPlanDocument(registers));
  return set;
}

}  // namespace publish_detail

namespace publish_detail {

std::string DueText(const ActionItem& item) {
  if (item.due) return FormatIsoDate(*item.due);
  return item.due_phrase.empty() ? "no due date" : item.due_phrase;
}

std::string StatusText(const ActionItem& item) {
  std::string text(ActionStatusName(item.status));
  if (!item.written_status.empty()) text += " (" + item.written_status + ")";
  return text;
}

std::string OwnerNames(const std::vector<Owner>& owners) {
  std::string out;
  for (const Owner& o : owners) out += (out.empty() ? "" : ", ") + o.name;
  return out;
}

int DaysOverdue(const RegisteredAction& action, Date today) {
  if (action.item.status != ActionStatus::kOpen || !action.item.due) return 0;
  auto late = std::chrono::sys_days{today} - std::chrono::sys_days{*action.item.due};
  return late.count() > 0 ? static_cast<int>(late.count()) : 0;
}

std::string DaysLateText(int days) {
  return fmt::format("{} day{} late", days, days == 1 ? "" : "s");
}

Text NavigationBar(const GroupRegisters& registers, const std::string& current) {
  std::vector<std::pair<const char*, std::string>> pages = {
      {kIndexPage, registers.group},        {kActionsPage, "Action items"},
      {kDecisionsPage, "Decisions"},        {kAttendancePage, "Attendance"},
      {kAgendaPage, "Next meeting agenda"},
  };
  if (registers.workplan) pages.emplace_back(kWorkPlanPage, "Work plan");
  Text nav;
  for (const auto& [id, label] : pages) {
    if (!nav.empty()) nav.push_back(Span{" · "});
    if (id == current)
      nav.push_back(Span{label, std::nullopt, true});
    else
      nav.push_back(Span{label, Link{id, ""}, false});
  }
  return nav;
}

std::vector<Date> MeetingMonths(const GroupRegisters& registers) {
  std::vector<Date> months;
  for (const Meeting& m : registers.meetings) {
    Date first{m.date.year() / m.date.month() / 1};
    if (std::find(months.begin(), months.end(), first) == months.end()) months.push_back(first);
  }
  std::sort(months.begin(), months.end());
  return months;
}

}  // namespace publish_detail
}  // namespace plenary
