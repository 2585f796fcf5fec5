#include "publish/workplan_pages.h"

#include <fmt/format.h>

#include <map>

#include "core/date.h"
#include "core/subteam.h"

namespace plenary {
namespace {

Cell C(std::string text) { return Cell{Plain(std::move(text)), ""}; }

// The items' links, separated by ", ".
Cell ItemsCell(const std::vector<std::int64_t>& ids) {
  Cell cell;
  for (std::int64_t id : ids) {
    if (!cell.text.empty()) cell.text.push_back(Span{", "});
    cell.text.push_back(Span{fmt::format("#{}", id), Link{kActionsPage, ItemAnchor(id), ""}});
  }
  if (cell.text.empty()) cell.text = Plain("none");
  return cell;
}

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string Describe(const Timeline& t, const std::string& subteam) {
  std::string text = fmt::format("{} tasks of {}", t.bars.size(), subteam);
  if (!t.bars.empty()) {
    Date from = t.bars[0].start, to = t.bars[0].target;
    for (const TimelineBar& b : t.bars) {
      from = std::min(from, b.start);
      to = std::max(to, b.target);
    }
    text += fmt::format(", from {} to {}", FormatIsoDate(from), FormatIsoDate(to));
  }
  text += ".";
  std::vector<std::string> late;
  for (const TimelineBar& b : t.bars)
    if (b.overdue) late.push_back(b.label);
  text += late.empty() ? " No task is overdue" : " Overdue: " + Joined(late);
  text += fmt::format(" on {}.", FormatIsoDate(t.today));
  for (const TimelineMilestone& m : t.milestones)
    text += fmt::format(" Milestone: {} on {}.", m.name, FormatIsoDate(m.date));
  return text;
}

}  // namespace

std::string SubTeamSlug(const std::string& subteam) {
  std::string slug;
  for (const std::string& word : SubTeamWords(subteam)) slug += (slug.empty() ? "" : "-") + word;
  return slug.empty() ? "subteam" : slug;
}

Timeline SubTeamTimeline(const WorkPlan& plan, const SubTeamPlan& subteam, Date today,
                         std::string id) {
  Timeline t;
  t.id = std::move(id);
  t.title = fmt::format("{} work plan of {}", plan.group, subteam.subteam);
  t.today = today;
  for (const WorkPlanTask* task : TasksOf(subteam))
    t.bars.push_back({task->label, task->title, std::string(TaskStatusName(task->status)),
                      task->start, task->target, IsOverdue(*task, today)});
  for (const Milestone& m : plan.milestones) t.milestones.push_back({m.name, m.date});
  for (const Milestone& m : subteam.milestones) t.milestones.push_back({m.name, m.date});
  std::stable_sort(t.milestones.begin(), t.milestones.end(),
                   [](const auto& a, const auto& b) { return a.date < b.date; });
  t.description = Describe(t, subteam.subteam);
  return t;
}

Table SubTeamTaskTable(const SubTeamPlan& subteam, const TaskLinks& links,
                       const std::vector<RegisteredAction>& items, Date today) {
  std::map<std::int64_t, ActionStatus> status;
  for (const RegisteredAction& item : items) status[item.id] = item.item.status;
  Table table{fmt::format("Tasks of {}", subteam.subteam),
              {"Task", "Subtopic", "Title", "Leader", "People", "Start", "Target", "Status",
               "Open items", "Completed items"},
              {},
              true};
  for (const Subtopic& subtopic : subteam.subtopics) {
    for (const WorkPlanTask& task : subtopic.tasks) {
      std::vector<std::int64_t> open, completed;
      auto linked = links.items.find(task.label);
      if (linked != links.items.end())
        for (std::int64_t id : linked->second)
          (status[id] == ActionStatus::kOpen ? open : completed).push_back(id);
      std::string state(TaskStatusName(task.status));
      if (IsOverdue(task, today)) state += " — overdue";
      table.rows.push_back({Cell{Plain(task.label), "task-" + Slug(task.label)}, C(subtopic.title),
                            C(task.title), C(task.leader), C(Joined(task.people)),
                            C(FormatIsoDate(task.start)), C(FormatIsoDate(task.target)), C(state),
                            ItemsCell(open), ItemsCell(completed)});
    }
  }
  return table;
}

std::vector<Content> SubTeamPlanContent(const GroupRegisters& r, const SubTeamPlan& subteam,
                                        const TaskLinks& links) {
  std::vector<Content> content;
  const SubTeam* team = r.roster ? FindSubTeam(*r.roster, subteam.subteam) : nullptr;
  content.push_back(Paragraph{Plain(team && team->leader ? "Lead: " + *team->leader
                                                         : std::string("No lead on the roster."))});
  Timeline timeline =
      SubTeamTimeline(*r.workplan, subteam, r.today, "timeline-" + SubTeamSlug(subteam.subteam));
  content.push_back(std::move(timeline));
  content.push_back(SubTeamTaskTable(subteam, links, r.actions, r.today));
  return content;
}

Document WorkPlanDocument(const GroupRegisters& r) {
  Document doc;
  doc.id = kWorkPlanPage;
  doc.title = r.group + " work plan";
  doc.wiki_name = r.group + "/Work plan";
  doc.navigation = publish_detail::NavigationBar(r, kWorkPlanPage);
  TaskLinks links = LinkItemsToTasks(*r.workplan, r.actions);
  doc.content.push_back(Paragraph{Plain(fmt::format(
      "As of {}: the sub-teams' tasks, their leaders and dates, and the action items that "
      "belong to each.",
      FormatIsoDate(r.today)))});
  for (const SubTeamPlan& subteam : r.workplan->subteams) {
    doc.content.push_back(Heading{2, subteam.subteam, SubTeamSlug(subteam.subteam)});
    for (Content& c : SubTeamPlanContent(r, subteam, links)) doc.content.push_back(std::move(c));
  }
  if (!links.notices.empty()) {
    doc.content.push_back(Heading{2, "Notices", "notices"});
    List notices;
    for (const std::string& n : links.notices) notices.items.push_back(Plain(n));
    doc.content.push_back(std::move(notices));
  }
  return doc;
}

}  // namespace plenary
