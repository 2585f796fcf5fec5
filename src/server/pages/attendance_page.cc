#include "server/pages/attendance_page.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/date.h"
#include "publish/formats/renderers.h"
#include "server/pages/parts.h"

namespace plenary::pages {
namespace {

using html::HtmlWriter;

std::string MonthOf(const Date& d) {
  return fmt::format("{:04}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()));
}

Date LastDayOf(const Date& d) {
  return std::chrono::year_month_day_last(d.year(), std::chrono::month_day_last(d.month()));
}

std::string Percent(int part, int whole) {
  return whole == 0 ? "—" : fmt::format("{:.0f}%", 100.0 * part / whole);
}

const PersonPresence* Find(const MeetingAttendance& m, const std::string& name) {
  for (const PersonPresence& p : m.people)
    if (p.name == name) return &p;
  return nullptr;
}

void GridCell(HtmlWriter& w, const PersonPresence* p) {
  if (!p || p->standing != Standing::kExpected) {
    if (p && p->presence == Presence::kPresent) {
      w.Open("td", {{"class", "cell cell-P"}}).Element("abbr", "P", {{"title", "present (guest)"}});
      w.Close("td");
    } else {
      w.Element("td", "", {{"class", "cell"}});
    }
    return;
  }
  const bool present = p->presence == Presence::kPresent;
  const bool apology = p->presence == Presence::kApology;
  w.Open("td", {{"class", present ? "cell cell-P" : apology ? "cell cell-A" : "cell cell-absent"}});
  w.Element("abbr",
            present   ? "P"
            : apology ? "A"
                      : "–",
            {{"title", present   ? "present"
                       : apology ? "apologies"
                                 : "absent"}});
  w.Close("td");
}

void Grid(HtmlWriter& w, const AttendancePage& p) {
  w.Element("h2", "Grid");
  w.Element("p", "P present, A apologies, – absent; blank where the person was not expected.",
            {{"class", "muted"}});
  w.Open("div", {{"class", "table-wrap"}}).Open("table", {{"class", "grid"}});
  w.Element("caption", "Attendance by meeting", {{"class", "vh"}});
  w.Open("thead").Open("tr").Element("th", "Person", {{"scope", "col"}});
  for (const MeetingAttendance& m : p.meetings) {
    w.Open("th", {{"scope", "col"}, {"class", "num"}});
    w.Link(MeetingPath(m.key), "#" + std::to_string(m.key.number),
           {{"title", MeetingLabel(m.key) + ", " + FormatIsoDate(m.date)}});
    w.Close("th");
  }
  w.Element("th", "Rate", {{"scope", "col"}, {"class", "num"}});
  w.Close("tr").Close("thead").Open("tbody");
  for (const Participation& person : p.people) {
    if (person.held == 0) continue;
    w.Open("tr").Element("th", person.name, {{"scope", "row"}});
    for (const MeetingAttendance& m : p.meetings) GridCell(w, Find(m, person.name));
    w.Element("td", Percent(person.present, person.held), {{"class", "num"}});
    w.Close("tr");
  }
  w.Close("tbody").Close("table").Close("div");
}

void Rates(HtmlWriter& w, const AttendancePage& p) {
  w.Element("h2", "Participation");
  w.Open("div", {{"class", "table-wrap"}}).Open("table");
  w.Element("caption", "Participation per person", {{"class", "vh"}});
  w.Open("thead").Open("tr");
  for (std::string_view h : {"Person", "Role", "Held", "Present", "Apologies", "Absent", "Rate"})
    w.Element("th", h, {{"scope", "col"}});
  w.Close("tr").Close("thead").Open("tbody");
  for (const Participation& r : p.people) {
    w.Open("tr").Element("th", r.name, {{"scope", "row"}});
    w.Element("td", r.role ? std::string(RoleName(*r.role)) : "not on roster");
    for (int n : {r.held, r.present, r.apologies, r.absent})
      w.Element("td", std::to_string(n), {{"class", "num"}});
    w.Element("td", Percent(r.present, r.held), {{"class", "num"}});
    w.Close("tr");
  }
  w.Close("tbody").Close("table").Close("div");
}

// The published attendance page's chart, so both say it the same way.
void MonthChart(HtmlWriter& w, const std::vector<MonthRate>& months) {
  BarChart chart;
  chart.title = "Attendance rate by month";
  chart.description =
      "The share of expected members present each month; the table below "
      "gives the figures.";
  for (const MonthRate& m : months) {
    chart.labels.push_back(m.month);
    chart.values.push_back(m.held == 0 ? 0.0 : static_cast<double>(m.present) / m.held);
  }
  WriteSvgChart(w, chart);
}

void Months(HtmlWriter& w, const AttendancePage& p) {
  w.Element("h2", "By month");
  MonthChart(w, p.months);
  w.Open("div", {{"class", "table-wrap"}}).Open("table");
  w.Element("caption", "Attendance rate by month", {{"class", "vh"}});
  w.Open("thead").Open("tr");
  for (std::string_view h : {"Month", "Present", "Expected", "Rate"})
    w.Element("th", h, {{"scope", "col"}});
  w.Close("tr").Close("thead").Open("tbody");
  for (const MonthRate& m : p.months) {
    w.Open("tr").Element("th", m.month, {{"scope", "row"}});
    w.Element("td", std::to_string(m.present), {{"class", "num"}});
    w.Element("td", std::to_string(m.held), {{"class", "num"}});
    w.Element("td", Percent(m.present, m.held), {{"class", "num"}});
    w.Close("tr");
  }
  w.Close("tbody").Close("table").Close("div");
}

}  // namespace

AttendancePage BuildAttendancePage(const std::string& group, std::vector<Meeting> meetings,
                                   const Roster* roster) {
  AttendancePage page;
  page.group = group;
  std::erase_if(meetings, [&](const Meeting& m) { return !CountsFor(m, roster, std::nullopt); });
  std::stable_sort(meetings.begin(), meetings.end(),
                   [](const Meeting& a, const Meeting& b) { return a.date < b.date; });
  if (meetings.empty()) return page;
  for (const Meeting& m : meetings) page.meetings.push_back(AttendanceOf(m, roster));
  page.people = ParticipationOver(meetings, roster, meetings.front().date, meetings.back().date,
                                  std::nullopt);
  for (const Meeting& m : meetings) {
    const std::string month = MonthOf(m.date);
    if (!page.months.empty() && page.months.back().month == month) continue;
    MonthRate rate{month};
    const Date first = m.date.year() / m.date.month() / 1;
    for (const Participation& r :
         ParticipationOver(meetings, roster, first, LastDayOf(m.date), std::nullopt)) {
      rate.present += r.held > 0 ? r.present : 0;
      rate.held += r.held;
    }
    page.months.push_back(std::move(rate));
  }
  return page;
}

html::TrustedHtml RenderAttendance(const AttendancePage& p) {
  HtmlWriter w;
  w.Element("h1", "Attendance");
  if (p.meetings.empty()) {
    w.Element("p", "No meetings imported yet.", {{"class", "muted"}});
    return std::move(w).Done();
  }
  Grid(w, p);
  Months(w, p);
  Rates(w, p);
  return std::move(w).Done();
}

}  // namespace plenary::pages
