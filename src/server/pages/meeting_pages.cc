#include "server/pages/meeting_pages.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/date.h"
#include "server/pages/action_pages.h"
#include "server/pages/layout.h"
#include "server/pages/parts.h"

namespace plenary::pages {
namespace {

using html::HtmlWriter;

std::string MeetingTitle(const Meeting& m) {
  return fmt::format("{} {} — {}", m.key.group, MeetingLabel(m.key), FormatIsoDate(m.date));
}

void NameList(HtmlWriter& w, std::string_view heading, const std::vector<std::string>& names) {
  if (names.empty()) return;
  w.Element("h3", fmt::format("{} ({})", heading, names.size()));
  std::string joined;
  for (const std::string& n : names) joined += (joined.empty() ? "" : ", ") + n;
  w.Element("p", joined);
}

// Open items, soonest due first; those with no date last.
std::vector<RegisteredAction> ByDue(std::vector<RegisteredAction> items) {
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
    if (a.item.due.has_value() != b.item.due.has_value()) return a.item.due.has_value();
    return a.item.due && *a.item.due < *b.item.due;
  });
  return items;
}

void DecisionItems(HtmlWriter& w, const std::vector<RegisteredDecision>& decisions) {
  w.Open("ul", {{"class", "items"}});
  for (const RegisteredDecision& d : decisions) {
    w.Open("li").Text(d.decision.text).Text(" — ");
    w.Link(MeetingPath(d.meeting), MeetingLabel(d.meeting));
    w.Text(", " + FormatIsoDate(d.meeting_date)).Close("li");
  }
  w.Close("ul");
  if (decisions.empty()) w.Element("p", "No decisions recorded.", {{"class", "muted"}});
}

void AttendanceRemarks(HtmlWriter& w, const Meeting& m) {
  if (m.attendance_remarks.empty()) return;
  w.Element("h3", "Remarks on attendance");
  w.Open("ul");
  for (const AttendanceRemark& r : m.attendance_remarks)
    w.Open("li").Element("strong", r.name).Text(": " + r.remark).Close("li");
  w.Close("ul");
}

// A resolution's body, a paragraph per line.
void DecisionBody(HtmlWriter& w, const std::string& body) {
  w.Open("div", {{"class", "decision-body"}});
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = std::min(body.find('\n', start), body.size());
    std::string line = body.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string::npos) w.Element("p", line);
    start = end + 1;
  }
  w.Close("div");
}

void Agenda(HtmlWriter& w, const Meeting& m) {
  if (m.agenda.empty()) return;
  w.Element("h2", "Agenda and notes");
  for (const AgendaSection& s : m.agenda) {
    w.Element("h3", s.heading);
    if (s.notes.empty()) continue;
    w.Open("ul");
    for (const std::string& n : s.notes) w.Element("li", n);
    w.Close("ul");
  }
}

}  // namespace

void AttendanceLists(HtmlWriter& w, const MeetingAttendance& a) {
  std::vector<std::string> present, apologies, absent;
  for (const PersonPresence& p : a.people) {
    auto& list = p.presence == Presence::kPresent   ? present
                 : p.presence == Presence::kApology ? apologies
                                                    : absent;
    list.push_back(p.name);
  }
  NameList(w, "Present", present);
  NameList(w, "Apologies", apologies);
  NameList(w, "Absent", absent);
  NameList(w, "Staff", a.staff);
  NameList(w, "Observers", a.observers);
  NameList(w, "Not on the roster", a.not_on_roster);
}

void GuestsAndRemarks(HtmlWriter& w, const Meeting& m) {
  NameList(w, "Guests", m.guests);
  AttendanceRemarks(w, m);
}

namespace {

// The home page shows the first rows of a long list and links to all of it.
// The first kHomeRows of `items` (of `total`), and a link to all of them.
void FirstRows(HtmlWriter& w, const std::vector<RegisteredAction>& items, std::size_t total,
               const GroupHomePage& p, std::string_view caption, const std::string& all_path) {
  if (items.size() <= kHomeRows && total <= items.size()) {
    ActionTable(w, items, p.today, caption);
    return;
  }
  const std::size_t shown = std::min(items.size(), kHomeRows);
  ActionTable(w,
              std::vector<RegisteredAction>(items.begin(),
                                            items.begin() + static_cast<std::ptrdiff_t>(shown)),
              p.today, caption);
  w.Open("p").Link(all_path, fmt::format("All {} {}", total, caption)).Close("p");
}

// The lists from every open item, for a caller that gave them all.
HomeLists ListsOf(const GroupHomePage& p) {
  HomeLists lists;
  for (const RegisteredAction& a : p.open)
    if (IsOverdue(a.item, p.today)) lists.overdue.push_back(a);
  lists.overdue_total = lists.overdue.size();
  lists.soonest = ByDue(p.open);
  if (lists.soonest.size() > kHomeSoonest) lists.soonest.resize(kHomeSoonest);
  lists.open = p.open;
  lists.open_total = p.open.size();
  return lists;
}

}  // namespace

html::TrustedHtml RenderGroupHome(const GroupHomePage& p) {
  HtmlWriter w;
  w.Element("h1", p.full_name.empty() ? p.group : p.full_name);
  const HomeLists lists = p.lists ? *p.lists : ListsOf(p);
  w.Open("div", {{"class", "cards"}});
  w.Open("section", {{"class", "card"}, {"aria-labelledby", "next-heading"}});
  w.Element("h2", "Next meeting's agenda", {{"id", "next-heading"}});
  if (p.latest) {
    w.Open("p", {{"class", "muted"}}).Text("Following ");
    w.Link(MeetingPath(p.latest->key), MeetingTitle(*p.latest)).Close("p");
  }
  w.Open("ol");
  w.Element("li", fmt::format("Review of open action items ({})", lists.open_total));
  for (std::size_t i = 0; i < lists.soonest.size() && i < kHomeSoonest; ++i) {
    const RegisteredAction& a = lists.soonest[i];
    w.Open("li", {{"class", "sub"}})
        .Link(ActionPath(p.group, a.id), html::Shorten(a.item.text, 100));
    if (a.item.due) w.Text(" (due " + FormatIsoDate(*a.item.due) + ")");
    w.Close("li");
  }
  w.Element("li", "AOB");
  w.Close("ol").Close("section");
  w.Open("section", {{"class", "card"}, {"aria-labelledby", "decisions-heading"}});
  w.Element("h2", "Latest decisions", {{"id", "decisions-heading"}});
  DecisionItems(w, p.decisions);
  w.Close("section").Close("div");
  ActionFilter open_filter;
  open_filter.status = "open";
  w.Element("h2", fmt::format("Overdue ({})", lists.overdue_total));
  ActionFilter overdue_filter = open_filter;
  overdue_filter.overdue = true;
  FirstRows(w, lists.overdue, lists.overdue_total, p, "Overdue items",
            ActionListPath(p.group, overdue_filter));
  w.Element("h2", fmt::format("Open items ({})", lists.open_total));
  FirstRows(w, lists.open, lists.open_total, p, "Open items", ActionListPath(p.group, open_filter));
  return std::move(w).Done();
}

// "N things, a–b shown" and links to the pages before and after, when the
// list is longer than the page.
void Pager(HtmlWriter& w, const std::string& path, const ListPosition& at, std::size_t shown,
           std::string_view things) {
  if (at.total <= shown) return;
  const std::size_t first = (static_cast<std::size_t>(std::max(at.page, 1)) - 1) * kListPerPage;
  const std::size_t last = first + shown;
  std::string count = fmt::format("{} {}", at.total, things);
  if (last > first) count += fmt::format(", {}–{} shown", first + 1, last);
  w.Element("p", count, {{"class", "muted"}, {"role", "status"}});
  w.Open("nav", {{"aria-label", "Pages"}, {"class", "pager"}});
  if (first > 0)
    w.Link(path + "?page=" + std::to_string(at.page - 1), "Previous page", {{"rel", "prev"}});
  if (last < at.total) {
    if (first > 0) w.Text(" · ");
    w.Link(path + "?page=" + std::to_string(at.page + 1), "Next page", {{"rel", "next"}});
  }
  w.Close("nav");
}

html::TrustedHtml RenderMeetingList(const MeetingListPage& p) {
  HtmlWriter w;
  w.Element("h1", "Meetings");
  Pager(w, GroupPath(p.group, "meetings"), p.position, p.meetings.size(), "meetings");
  w.Open("div", {{"class", "table-wrap"}}).Open("table");
  w.Element("caption", "Meetings, newest first", {{"class", "vh"}});
  w.Open("thead").Open("tr");
  for (std::string_view h : {"Date", "Meeting", "Present", "Apologies", "Actions", "Decisions"})
    w.Element("th", h, {{"scope", "col"}});
  w.Close("tr").Close("thead").Open("tbody");
  for (const Meeting& m : p.meetings) {
    w.Open("tr").Element("td", FormatIsoDate(m.date));
    w.Open("td").Link(MeetingPath(m.key), MeetingLabel(m.key)).Close("td");
    w.Element("td", std::to_string(m.attendees.size()), {{"class", "num"}});
    w.Element("td", std::to_string(m.apologies.size()), {{"class", "num"}});
    w.Element("td", std::to_string(m.actions.size()), {{"class", "num"}});
    w.Element("td", std::to_string(m.decisions.size()), {{"class", "num"}});
    w.Close("tr");
  }
  w.Close("tbody").Close("table").Close("div");
  if (p.meetings.empty()) w.Element("p", "No meetings imported yet.", {{"class", "muted"}});
  return std::move(w).Done();
}

html::TrustedHtml RenderMeeting(const MeetingPage& p) {
  const Meeting& m = p.meeting;
  HtmlWriter w;
  w.Element("h1", MeetingTitle(m));
  w.Open("dl", {{"class", "facts"}});
  if (m.start_utc)
    w.Element("dt", "Start")
        .Element("dd", fmt::format("{:02}:{:02} UTC", m.start_utc->hour, m.start_utc->minute));
  if (m.subteam) w.Element("dt", "Sub-team").Element("dd", *m.subteam);
  if (m.record_url) {
    w.Element("dt", "Record").Open("dd");
    if (html::IsWebUrl(*m.record_url))
      w.Link(*m.record_url, *m.record_url);
    else
      w.Text(*m.record_url);
    w.Close("dd");
  }
  w.Close("dl");
  w.Element("h2", "Attendance");
  AttendanceLists(w, p.attendance);
  GuestsAndRemarks(w, m);
  w.Element("h2", "Action items");
  ActionTable(w, p.actions, p.today, "Action items raised at this meeting");
  w.Element("h2", "Decisions");
  w.Open("ul", {{"class", "items"}});
  for (const Decision& d : m.decisions) {
    if (d.body.empty()) {
      w.Element("li", d.text);
      continue;
    }
    w.Open("li").Element("strong", d.text);
    DecisionBody(w, d.body);
    w.Close("li");
  }
  w.Close("ul");
  if (m.decisions.empty()) w.Element("p", "No decisions recorded.", {{"class", "muted"}});
  Agenda(w, m);
  return std::move(w).Done();
}

html::TrustedHtml RenderDecisionList(const DecisionListPage& p) {
  HtmlWriter w;
  w.Element("h1", "Decisions");
  Pager(w, GroupPath(p.group, "decisions"), p.position, p.decisions.size(), "decisions");
  DecisionItems(w, p.decisions);
  return std::move(w).Done();
}

}  // namespace plenary::pages
