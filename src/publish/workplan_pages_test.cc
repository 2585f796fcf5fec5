// The work plan's timeline and page: the Gantt chart says in text what it
// shows (overdue, milestones, today), escapes what it is given, and the page
// links each task's items to the register.
#include "publish/workplan_pages.h"

#include <gtest/gtest.h>

#include "publish/formats/html_writer.h"
#include "publish/formats/renderers.h"

namespace plenary {
namespace {

Date D(int y, unsigned m, unsigned d) { return Date{std::chrono::year{y} / m / d}; }

std::size_t Count(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

WorkPlan Plan() {
  WorkPlanTask dns1{"DNS-1",
                    "KSK <rollover> & \"keys\"",
                    "Eric Osterweil",
                    {"Geoff Huston"},
                    D(2017, 7, 1),
                    D(2017, 12, 15),
                    TaskStatus::kInProgress,
                    {7}};
  WorkPlanTask dns2{"DNS-2",       "Root servers", "Geoff Huston",       {},
                    D(2017, 9, 1), D(2018, 6, 30), TaskStatus::kPlanned, {}};
  WorkPlanTask dns3{"DNS-3",       "Abuse",         "Geoff Huston",    {},
                    D(2017, 9, 1), D(2017, 10, 30), TaskStatus::kDone, {}};
  return {"SSR2",
          {{"Draft report", D(2018, 10, 31)}},
          {{"DNS SSR",
            {{"Root zone", {dns1, dns2}}, {"Abuse", {dns3}}},
            {{"Findings", D(2018, 6, 1)}}}}};
}

std::string Svg(const Timeline& t) {
  html::HtmlWriter w;
  WriteGanttChart(w, t);
  return w.str();
}

TEST(WorkplanGantt, SaysInTextWhatItDrawsAndMarksOverdueInWords) {
  WorkPlan plan = Plan();
  Timeline t = SubTeamTimeline(plan, plan.subteams[0], D(2018, 1, 10), "timeline-dns-ssr");
  EXPECT_EQ(t.description,
            "3 tasks of DNS SSR, from 2017-07-01 to 2018-06-30. Overdue: DNS-1 on 2018-01-10. "
            "Milestone: Findings on 2018-06-01. Milestone: Draft report on 2018-10-31.");
  std::string svg = Svg(t);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("aria-labelledby=\"timeline-dns-ssr-title timeline-dns-ssr-desc\""),
            std::string::npos);
  EXPECT_NE(svg.find("<title id=\"timeline-dns-ssr-title\">SSR2 work plan of DNS SSR</title>"),
            std::string::npos);
  EXPECT_EQ(Count(svg, "<rect class=\"bar"), 3u);
  EXPECT_EQ(Count(svg, "<rect class=\"bar overdue\""), 1u);
  EXPECT_EQ(Count(svg, ">overdue</text>"), 1u);
  EXPECT_EQ(Count(svg, "<polygon class=\"milestone\""), 2u);
  EXPECT_NE(svg.find(">today 2018-01-10</text>"), std::string::npos);
  EXPECT_NE(svg.find("KSK &lt;rollover&gt; &amp; &quot;keys&quot;"), std::string::npos);
  EXPECT_EQ(svg.find("<rollover>"), std::string::npos);
}

TEST(WorkplanGantt, TodayOutsideThePlanDrawsNoLineButIsSaid) {
  WorkPlan plan = Plan();
  Timeline t = SubTeamTimeline(plan, plan.subteams[0], D(2026, 12, 3), "t");
  std::string svg = Svg(t);
  EXPECT_EQ(svg.find("class=\"today\""), std::string::npos);
  EXPECT_NE(t.description.find("Overdue: DNS-1, DNS-2 on 2026-12-03."), std::string::npos);
  Timeline inside = SubTeamTimeline(plan, plan.subteams[0], D(2017, 8, 1), "t");
  EXPECT_NE(Svg(inside).find("class=\"today\""), std::string::npos);
  EXPECT_NE(inside.description.find("No task is overdue on 2017-08-01."), std::string::npos);
}

TEST(WorkplanGantt, LaterTargetsMakeLongerBars) {
  WorkPlan plan = Plan();
  auto width_of_first = [&](const WorkPlan& p) {
    std::string svg = Svg(SubTeamTimeline(p, p.subteams[0], D(2018, 1, 1), "t"));
    std::size_t at = svg.find("width=\"", svg.find("<rect class=\"bar"));
    return std::stoi(svg.substr(at + 7));
  };
  WorkPlan later = plan;
  later.subteams[0].subtopics[0].tasks[0].target = D(2018, 3, 30);
  EXPECT_GT(width_of_first(later), width_of_first(plan));
}

TEST(WorkplanPage, TheTableLinksEachTasksOpenAndCompletedItems) {
  GroupRegisters r;
  r.group = "SSR2";
  r.today = D(2018, 1, 10);
  r.workplan = Plan();
  RegisteredAction open, done;
  open.id = 7;
  open.item.text = "Linked by hand";
  done.id = 9;
  done.item.text = "[task: DNS-2] Count the root servers";
  done.item.status = ActionStatus::kComplete;
  r.actions = {open, done};
  Document doc = WorkPlanDocument(r);
  EXPECT_EQ(doc.id, "workplan");
  EXPECT_EQ(doc.title, "SSR2 work plan");
  const Table* table = nullptr;
  for (const Content& c : doc.content)
    if (const auto* t = std::get_if<Table>(&c)) table = t;
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->rows.size(), 3u);
  EXPECT_EQ(table->rows[0][7].text[0].text, "in progress — overdue");
  EXPECT_EQ(table->rows[0][8].text[0].text, "#7");
  EXPECT_EQ(table->rows[0][8].text[0].link->anchor, "item-7");
  EXPECT_EQ(table->rows[1][9].text[0].text, "#9");
  EXPECT_EQ(table->rows[2][7].text[0].text, "done");
  EXPECT_EQ(SubTeamSlug("DNS SSR"), "dns-ssr");
  EXPECT_EQ(SubTeamSlug("SSR1 Recommendations Sub-team"), "ssr1-recommendations");
}

}  // namespace
}  // namespace plenary
