#include "server/pages/workplan_view.h"

#include <fmt/format.h>

#include "core/date.h"
#include "core/subteam.h"
#include "publish/workplan_pages.h"
#include "server/pages/parts.h"
#include "server/pages/published_page.h"

namespace plenary::pages {

using html::HtmlWriter;

std::string WorkPlanPath(const std::string& group) { return GroupPath(group, "workplan"); }

std::string SubTeamPlanPath(const std::string& group, const std::string& subteam) {
  return GroupPath(group, "subteams/" + html::UrlSegment(SubTeamSlug(subteam)));
}

std::string TaskPath(const std::string& group, const std::string& label) {
  return GroupPath(group, "tasks/" + html::UrlSegment(label));
}

namespace {

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

void ItemList(HtmlWriter& w, const GroupRegisters& r, const std::vector<std::int64_t>& ids,
              std::string_view none) {
  if (ids.empty()) {
    w.Element("p", none);
    return;
  }
  w.Open("ul");
  for (std::int64_t id : ids) {
    std::string text = fmt::format("#{}", id);
    for (const RegisteredAction& a : r.actions)
      if (a.id == id) text += " " + html::Shorten(a.item.text, 120);
    w.Open("li").Link(ActionPath(r.group, id), text).Close("li");
  }
  w.Close("ul");
}

void LabelledInput(HtmlWriter& w, std::string_view id, std::string_view label,
                   std::string_view type, std::string_view value, std::string_view hint = "") {
  w.Open("p").Element("label", label, {{"for", id}});
  if (!hint.empty()) w.Text(" ").Element("small", hint, {{"id", std::string(id) + "-hint"}});
  w.Void("br");
  const std::string hint_id = std::string(id) + "-hint";
  w.Void("input", {{"type", type},
                   {"id", id},
                   {"name", id},
                   {"value", value},
                   {hint.empty() ? "" : "aria-describedby", hint_id}});
  w.Close("p");
}

void TaskForm(HtmlWriter& w, const TaskPage& page) {
  const WorkPlanTask& t = *page.task;
  w.Element("h2", "Change this task", {{"id", "edit"}});
  Viewer viewer;
  viewer.csrf_token = page.csrf_token;
  OpenPostForm(w, viewer, TaskPath(page.registers->group, t.label), "task-form");
  LabelledInput(w, "title", "Title", "text", t.title);
  LabelledInput(w, "leader", "Subtask leader", "text", t.leader, "a name, alias or initials");
  LabelledInput(w, "people", "People engaged", "text", Joined(t.people), "separated by commas");
  LabelledInput(w, "start", "Start", "date", FormatIsoDate(t.start));
  LabelledInput(w, "target", "Target", "date", FormatIsoDate(t.target));
  w.Open("p").Element("label", "Status", {{"for", "status"}}).Void("br");
  w.Open("select", {{"id", "status"}, {"name", "status"}});
  for (TaskStatus s : {TaskStatus::kPlanned, TaskStatus::kInProgress, TaskStatus::kDone,
                       TaskStatus::kOnHold, TaskStatus::kDropped}) {
    std::string_view name = TaskStatusName(s);
    w.Element("option", name, {{"value", name}, {s == t.status ? "selected" : "", "selected"}});
  }
  w.Close("select").Close("p");
  std::string items;
  for (std::int64_t id : t.items) items += (items.empty() ? "" : ", ") + std::to_string(id);
  LabelledInput(w, "items", "Items linked by hand", "text", items,
                "item numbers separated by commas; items whose words carry [task: " + t.label +
                    "] are linked without being listed");
  w.Open("p").Element("button", "Save task", {{"type", "submit"}}).Close("p");
  w.Close("form");
}

}  // namespace

html::TrustedHtml RenderWorkPlanOverview(const GroupRegisters& r) {
  HtmlWriter w;
  w.Element("h1", r.group + " work plan");
  if (!r.workplan) {
    w.Element("p",
              "This group has no work plan yet. The secretariat imports one with "
              "plenary import --workplan FILE (doc/workplan-format.md).");
    return std::move(w).Done();
  }
  if (!r.workplan->milestones.empty()) {
    w.Element("h2", "Milestones").Open("ul");
    for (const Milestone& m : r.workplan->milestones)
      w.Element("li", FormatIsoDate(m.date) + " " + m.name);
    w.Close("ul");
  }
  w.Element("h2", "Sub-teams");
  w.Open("table").Element("caption", "Sub-teams' work plans");
  w.Open("thead").Open("tr");
  for (std::string_view h : {"Sub-team", "Lead", "Tasks", "Overdue"})
    w.Element("th", h, {{"scope", "col"}});
  w.Close("tr").Close("thead").Open("tbody");
  for (const SubTeamPlan& s : r.workplan->subteams) {
    const SubTeam* team = r.roster ? FindSubTeam(*r.roster, s.subteam) : nullptr;
    std::vector<std::string> late;
    for (const WorkPlanTask* t : TasksOf(s))
      if (IsOverdue(*t, r.today)) late.push_back(t->label);
    w.Open("tr")
        .Open("th", {{"scope", "row"}})
        .Link(SubTeamPlanPath(r.group, s.subteam), s.subteam);
    w.Close("th").Element("td", team && team->leader ? *team->leader : "");
    w.Element("td", std::to_string(TasksOf(s).size()));
    w.Element("td", late.empty() ? "none" : Joined(late)).Close("tr");
  }
  w.Close("tbody").Close("table");
  return std::move(w).Done();
}

html::TrustedHtml RenderSubTeamPlan(const SubTeamPlanPage& page) {
  const GroupRegisters& r = *page.registers;
  HtmlWriter w;
  w.Element("h1", page.subteam->subteam + " — work plan");
  w.Open("p").Link(WorkPlanPath(r.group), "All sub-teams' work plans").Close("p");
  TaskLinks links = LinkItemsToTasks(*r.workplan, r.actions);
  WritePublishedContent(w, r, SubTeamPlanContent(r, *page.subteam, links));
  w.Element("h2", page.editable ? "Change a task" : "Tasks");
  w.Open("ul", {{"class", "tasks"}});
  for (const WorkPlanTask* t : TasksOf(*page.subteam))
    w.Open("li")
        .Link(TaskPath(r.group, t->label),
              (page.editable ? "Change " : "") + t->label + " " + t->title)
        .Close("li");
  w.Close("ul");
  std::vector<std::string> notices;
  for (const std::string& n : links.notices) notices.push_back(n);
  if (!notices.empty()) {
    w.Element("h2", "Notices").Open("ul");
    for (const std::string& n : notices) w.Element("li", n);
    w.Close("ul");
  }
  return std::move(w).Done();
}

html::TrustedHtml RenderTaskPage(const TaskPage& page) {
  const GroupRegisters& r = *page.registers;
  const WorkPlanTask& t = *page.task;
  HtmlWriter w;
  w.Element("h1", "Task " + t.label + ": " + t.title);
  w.Open("p")
      .Link(SubTeamPlanPath(r.group, page.subteam->subteam), page.subteam->subteam + " — work plan")
      .Close("p");
  const bool overdue = IsOverdue(t, r.today);
  w.Open("dl", {{"class", "task"}});
  auto fact = [&](std::string_view term, const std::string& value) {
    w.Element("dt", term).Element("dd", value);
  };
  fact("Subtopic", page.subtopic);
  fact("Subtask leader", t.leader);
  fact("People engaged", t.people.empty() ? "none" : Joined(t.people));
  fact("Start", FormatIsoDate(t.start));
  fact("Target", FormatIsoDate(t.target));
  fact("Status", std::string(TaskStatusName(t.status)) + (overdue ? " — overdue" : ""));
  w.Close("dl");
  TaskLinks links = LinkItemsToTasks(*r.workplan, r.actions);
  std::vector<std::int64_t> open, completed;
  for (std::int64_t id : links.items[t.label])
    for (const RegisteredAction& a : r.actions)
      if (a.id == id) (a.item.status == ActionStatus::kOpen ? open : completed).push_back(id);
  w.Element("h2", "Open items");
  ItemList(w, r, open, "No open item belongs to this task.");
  w.Element("h2", "Completed items");
  ItemList(w, r, completed, "No completed item belongs to this task.");
  if (page.editable) TaskForm(w, page);
  return std::move(w).Done();
}

void WriteMyTasks(HtmlWriter& w, const std::vector<MyTask>& tasks) {
  w.Element("h2", "My tasks", {{"id", "tasks"}});
  if (tasks.empty()) {
    w.Element("p", "No task of a work plan names you.");
    return;
  }
  w.Open("table", {{"class", "items"}}).Element("caption", "Tasks you lead or are engaged in");
  w.Open("thead").Open("tr");
  for (std::string_view h : {"Task", "Group", "Sub-team", "Role", "Target", "Status", "Open items"})
    w.Element("th", h, {{"scope", "col"}});
  w.Close("tr").Close("thead").Open("tbody");
  for (const MyTask& m : tasks) {
    w.Open("tr").Open("th", {{"scope", "row"}});
    w.Link(TaskPath(m.group, m.task.label), m.task.label + " " + m.task.title).Close("th");
    w.Element("td", m.group).Element("td", m.subteam);
    w.Element("td", m.leads ? "leader" : "engaged");
    w.Element("td", FormatIsoDate(m.task.target));
    w.Element("td", std::string(TaskStatusName(m.task.status)) + (m.overdue ? " — overdue" : ""));
    w.Element("td", std::to_string(m.open_items)).Close("tr");
  }
  w.Close("tbody").Close("table");
}

}  // namespace plenary::pages
