#include "core/workplan.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/text.h"

namespace plenary {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// The label with case, spaces, '-' and '_' ignored: what a guess compares.
std::string LooseLabel(std::string_view text) {
  std::string loose;
  for (char c : text)
    if (c != ' ' && c != '-' && c != '_' && c != '\t')
      loose += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return loose;
}

}  // namespace

bool IsTaskLabel(std::string_view text) {
  std::size_t dash = text.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash > 12) return false;
  std::string_view prefix = text.substr(0, dash), number = text.substr(dash + 1);
  if (!IsAsciiLetter(prefix[0]) || number.empty() || number.size() > 4) return false;
  return std::all_of(prefix.begin(), prefix.end(),
                     [](char c) { return IsAsciiLetter(c) || IsAsciiDigit(c); }) &&
         std::all_of(number.begin(), number.end(), IsAsciiDigit);
}

FoundTask FindTask(const WorkPlan& plan, std::string_view label) {
  for (const SubTeamPlan& subteam : plan.subteams)
    for (const Subtopic& subtopic : subteam.subtopics)
      for (const WorkPlanTask& task : subtopic.tasks)
        if (EqualsNoCase(task.label, label)) return {&subteam, &task};
  return {};
}

WorkPlanTask* FindTaskToEdit(WorkPlan& plan, std::string_view label) {
  return const_cast<WorkPlanTask*>(FindTask(plan, label).task);
}

const SubTeamPlan* FindSubTeamPlan(const WorkPlan& plan, std::string_view subteam) {
  for (const SubTeamPlan& s : plan.subteams)
    if (EqualsNoCase(s.subteam, subteam)) return &s;
  return nullptr;
}

std::vector<const WorkPlanTask*> TasksOf(const SubTeamPlan& plan) {
  std::vector<const WorkPlanTask*> tasks;
  for (const Subtopic& subtopic : plan.subtopics)
    for (const WorkPlanTask& task : subtopic.tasks) tasks.push_back(&task);
  return tasks;
}

std::string WorkPlanSummary(const WorkPlan& plan) {
  std::size_t tasks = 0, milestones = plan.milestones.size();
  for (const SubTeamPlan& s : plan.subteams) {
    tasks += TasksOf(s).size();
    milestones += s.milestones.size();
  }
  auto count = [](std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
  };
  return fmt::format("work plan {}: {}, {}, {}", plan.group,
                     count(plan.subteams.size(), "sub-team", "sub-teams"),
                     count(tasks, "task", "tasks"), count(milestones, "milestone", "milestones"));
}

bool IsOverdue(const WorkPlanTask& task, Date today) {
  return task.target < today && task.status != TaskStatus::kDone &&
         task.status != TaskStatus::kDropped;
}

std::vector<std::string> TaskLabelsWritten(std::string_view text) {
  std::vector<std::string> labels;
  std::size_t at = 0;
  while ((at = text.find('[', at)) != std::string_view::npos) {
    std::string_view rest = text.substr(at + 1);
    ++at;
    if (rest.size() < 4 || AsciiLower(rest.substr(0, 4)) != "task") continue;
    std::size_t close = rest.find(']');
    if (close == std::string_view::npos) break;
    std::string_view inside = rest.substr(4, close - 4);
    if (!inside.empty() && inside[0] == ':')
      inside.remove_prefix(1);
    else if (inside.empty() || (inside[0] != ' ' && inside[0] != '\t'))
      continue;
    inside = Trim(inside);
    if (!inside.empty()) labels.emplace_back(inside);
  }
  return labels;
}

LabelMatch MatchTaskLabel(const WorkPlan& plan, std::string_view written) {
  if (const WorkPlanTask* exact = FindTask(plan, written).task) return {exact, false};
  std::string loose = LooseLabel(written);
  for (const SubTeamPlan& subteam : plan.subteams)
    for (const Subtopic& subtopic : subteam.subtopics)
      for (const WorkPlanTask& task : subtopic.tasks)
        if (!loose.empty() && LooseLabel(task.label) == loose) return {&task, true};
  return {};
}

TaskLinks LinkItemsToTasks(const WorkPlan& plan, const std::vector<RegisteredAction>& items) {
  TaskLinks links;
  std::map<std::string, std::set<std::int64_t>> seen;
  auto link = [&](const std::string& label, std::int64_t id) {
    if (seen[label].insert(id).second) links.items[label].push_back(id);
  };
  std::set<std::int64_t> known;
  for (const RegisteredAction& item : items)
    if (item.merged_into == 0) known.insert(item.id);
  for (const SubTeamPlan& subteam : plan.subteams)
    for (const WorkPlanTask* task : TasksOf(subteam)) {
      links.items[task->label];
      for (std::int64_t id : task->items)
        if (known.count(id)) link(task->label, id);
    }
  for (const RegisteredAction& item : items) {
    if (item.merged_into != 0) continue;
    for (const std::string& written : TaskLabelsWritten(item.item.text)) {
      LabelMatch match = MatchTaskLabel(plan, written);
      if (!match.task) {
        links.notices.push_back(fmt::format(
            "item #{} names task '{}', which the work plan does not have", item.id, written));
        continue;
      }
      if (match.guessed)
        links.notices.push_back(fmt::format("item #{}: '[task: {}]' taken as task {}", item.id,
                                            written, match.task->label));
      link(match.task->label, item.id);
    }
  }
  return links;
}

}  // namespace plenary
