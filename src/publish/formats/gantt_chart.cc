// The work plan's Gantt chart as SVG: a row per task (its label and title at
// the left, a bar from start to target), milestones as diamonds on their
// dates with their names, a dashed line for today, month ticks along the
// top. Overdue is written after the bar ("overdue"), never shown by colour
// alone; role="img" with title and desc for screen readers.
#include <fmt/format.h>

#include <algorithm>

#include "core/date.h"
#include "publish/formats/html_writer.h"
#include "publish/formats/renderers.h"

namespace plenary {
namespace {

constexpr int kLabelWidth = 260;
constexpr int kPlotWidth = 620;
constexpr int kRowHeight = 26;
constexpr int kTop = 64;    // month ticks and milestone names above the rows
constexpr int kRight = 90;  // room for "overdue" after a bar at the end

std::string Num(long n) { return std::to_string(n); }

long DayNumber(const Date& date) { return std::chrono::sys_days(date).time_since_epoch().count(); }

Date FirstOfMonth(const Date& d) { return d.year() / d.month() / std::chrono::day(1); }
Date NextMonth(const Date& d) { return FirstOfMonth(d) + std::chrono::months(1); }

// The span shown: from the first of the earliest month to the first of the
// month after the latest date.
struct DateSpan {
  Date from;
  Date to;
  long X(const Date& date) const {
    long days = std::max(1L, DayNumber(to) - DayNumber(from));
    return kLabelWidth + (DayNumber(date) - DayNumber(from)) * kPlotWidth / days;
  }
  bool Holds(const Date& date) const { return !(date < from) && date < to; }
};

DateSpan SpanOf(const Timeline& t) {
  std::vector<Date> dates;
  for (const TimelineBar& b : t.bars) {
    dates.push_back(b.start);
    dates.push_back(b.target);
  }
  for (const TimelineMilestone& m : t.milestones) dates.push_back(m.date);
  if (dates.empty()) return {FirstOfMonth(t.today), NextMonth(t.today)};
  auto [lo, hi] = std::minmax_element(dates.begin(), dates.end());
  return {FirstOfMonth(*lo), NextMonth(*hi)};
}

void MonthTicks(html::HtmlWriter& w, const DateSpan& span, int bottom) {
  int months = 0;
  for (Date m = span.from; m < span.to; m = NextMonth(m)) ++months;
  const int step = months <= 12 ? 1 : months <= 24 ? 2 : months <= 48 ? 3 : 6;
  int i = 0;
  for (Date m = span.from; m < span.to; m = NextMonth(m), ++i) {
    if (i % step != 0) continue;
    const std::string x = Num(span.X(m));
    w.Void("line",
           {{"x1", x}, {"y1", Num(kTop - 6)}, {"x2", x}, {"y2", Num(bottom)}, {"stroke", "#ddd"}});
    w.Element("text", FormatIsoDate(m).substr(0, 7),
              {{"x", x}, {"y", Num(kTop - 10)}, {"font-size", "10"}});
  }
  w.Raw("\n");
}

void Row(html::HtmlWriter& w, const DateSpan& span, const TimelineBar& bar, int y) {
  const long x1 = span.X(bar.start), x2 = std::max(span.X(bar.target), x1 + 3);
  std::string name = html::Shorten(bar.label + " " + bar.title, 44);
  w.Element("text", name, {{"x", "4"}, {"y", Num(y + 17)}, {"font-size", "12"}});
  w.Void("rect", {{"class", bar.overdue ? "bar overdue" : "bar"},
                  {"x", Num(x1)},
                  {"y", Num(y + 5)},
                  {"width", Num(x2 - x1)},
                  {"height", Num(kRowHeight - 10)},
                  {"fill", bar.overdue            ? "#b3261e"
                           : bar.status == "done" ? "#5b8c5a"
                                                  : "#2f6fad"},
                  {"stroke", "#222"},
                  {"stroke-dasharray", bar.overdue ? "4 2" : "none"}});
  std::string note = bar.overdue ? "overdue" : bar.status;
  w.Element("text", note,
            {{"x", Num(x2 + 4)},
             {"y", Num(y + 17)},
             {"font-size", "11"},
             {"font-weight", bar.overdue ? "bold" : "normal"}});
  w.Raw("\n");
}

void MilestoneMark(html::HtmlWriter& w, const DateSpan& span, const TimelineMilestone& m,
                   int bottom, int index) {
  const long x = span.X(m.date);
  const int y = kTop - 30 + (index % 2) * 12;  // alternate heights so names do not collide
  w.Void("line", {{"x1", Num(x)},
                  {"y1", Num(y)},
                  {"x2", Num(x)},
                  {"y2", Num(bottom)},
                  {"stroke", "#7a4fa3"},
                  {"stroke-width", "1"}});
  w.Void(
      "polygon",
      {{"class", "milestone"},
       {"points", fmt::format("{},{} {},{} {},{} {},{}", x, y - 6, x + 6, y, x, y + 6, x - 6, y)},
       {"fill", "#7a4fa3"}});
  // A name near the right edge reads leftwards from its diamond.
  const bool leftwards = x > kLabelWidth + kPlotWidth / 2;
  w.Element("text", m.name + " " + FormatIsoDate(m.date),
            {{"x", Num(leftwards ? x - 8 : x + 8)},
             {"y", Num(y + 4)},
             {"font-size", "10"},
             {"text-anchor", leftwards ? "end" : "start"}});
  w.Raw("\n");
}

}  // namespace

void WriteGanttChart(html::HtmlWriter& w, const Timeline& t) {
  const DateSpan span = SpanOf(t);
  const int bottom = kTop + static_cast<int>(t.bars.size()) * kRowHeight + 6;
  const int width = kLabelWidth + kPlotWidth + kRight;
  const int height = bottom + 24;
  const std::string title_id = t.id + "-title", desc_id = t.id + "-desc";
  w.Open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                 {"class", "gantt"},
                 {"id", t.id},
                 {"role", "img"},
                 {"width", Num(width)},
                 {"height", Num(height)},
                 {"viewBox", fmt::format("0 0 {} {}", width, height)},
                 {"aria-labelledby", title_id + " " + desc_id}});
  w.Raw("\n").Element("title", t.title, {{"id", title_id}}).Raw("\n");
  w.Element("desc", t.description, {{"id", desc_id}}).Raw("\n");
  MonthTicks(w, span, bottom);
  for (std::size_t i = 0; i < t.bars.size(); ++i)
    Row(w, span, t.bars[i], kTop + static_cast<int>(i) * kRowHeight);
  for (std::size_t i = 0; i < t.milestones.size(); ++i)
    MilestoneMark(w, span, t.milestones[i], bottom, static_cast<int>(i));
  if (span.Holds(t.today)) {
    const std::string x = Num(span.X(t.today));
    w.Void("line", {{"class", "today"},
                    {"x1", x},
                    {"y1", Num(kTop - 4)},
                    {"x2", x},
                    {"y2", Num(bottom)},
                    {"stroke", "#000"},
                    {"stroke-width", "2"},
                    {"stroke-dasharray", "6 3"}});
    w.Element("text", "today " + FormatIsoDate(t.today),
              {{"x", x}, {"y", Num(bottom + 16)}, {"font-size", "11"}, {"text-anchor", "middle"}});
  }
  w.Close("svg").Raw("\n");
}

}  // namespace plenary
