// `plenary workplan`: each sub-team's work plan as a table, with every
// task's items (linked by hand or by label) and the overdue tasks marked.
#include <fmt/format.h>

#include <map>

#include "cli/commands.h"
#include "cli/text_table.h"
#include "core/date.h"
#include "core/subteam.h"
#include "core/text.h"
#include "core/workplan.h"
#include "publish/workplan_json.h"

namespace plenary {
namespace {

std::string MilestoneList(const std::vector<Milestone>& milestones) {
  std::string list;
  for (const Milestone& m : milestones)
    list += fmt::format("{}{} {}", list.empty() ? "" : "; ", FormatIsoDate(m.date), m.name);
  return list;
}

void PrintPlan(const CliContext& ctx, const WorkPlan& plan, const Roster* roster,
               const std::vector<RegisteredAction>& items, const WorkPlanCommand& command,
               Date today) {
  TaskLinks links = LinkItemsToTasks(plan, items);
  std::map<std::int64_t, ActionStatus> status;
  for (const RegisteredAction& item : items) status[item.id] = item.item.status;
  if (!plan.milestones.empty())
    ctx.out << PrintableText(
                   fmt::format("{} milestones: {}", plan.group, MilestoneList(plan.milestones)))
            << '\n';
  const SubTeamPlan* only = command.subteam ? FindSubTeamPlan(plan, *command.subteam) : nullptr;
  for (const SubTeamPlan& subteam : plan.subteams) {
    if (only && only != &subteam) continue;
    const SubTeam* team = roster ? FindSubTeam(*roster, subteam.subteam) : nullptr;
    ctx.out << PrintableText(
                   fmt::format("{} · {}{}", plan.group, subteam.subteam,
                               team && team->leader ? " (lead: " + *team->leader + ")" : ""))
            << '\n';
    if (!subteam.milestones.empty())
      ctx.out << PrintableText("milestones: " + MilestoneList(subteam.milestones)) << '\n';
    TextTable table({"Task", "Subtopic", "Title", "Leader", "Start", "Target", "Status", "Items"});
    for (const Subtopic& subtopic : subteam.subtopics) {
      for (const WorkPlanTask& task : subtopic.tasks) {
        std::size_t open = 0, completed = 0;
        for (std::int64_t id : links.items[task.label])
          ++(status[id] == ActionStatus::kOpen ? open : completed);
        std::string state(TaskStatusName(task.status));
        if (IsOverdue(task, today)) state += " (OVERDUE)";
        table.AddRow({task.label, subtopic.title, task.title, task.leader,
                      FormatIsoDate(task.start), FormatIsoDate(task.target), state,
                      fmt::format("{} open, {} completed", open, completed)});
      }
    }
    table.Print(ctx.out);
  }
  for (const std::string& notice : links.notices)
    ctx.out << PrintableText("notice: " + notice) << '\n';
}

}  // namespace

int RunWorkPlan(const CliContext& ctx, const WorkPlanCommand& command) {
  Date today = ctx.today;
  if (command.as_of) {
    auto parsed = ParseIsoDate(*command.as_of);
    if (!parsed)
      return Fail(ctx, Error::InvalidInput("--as-of " + PrintableText(*command.as_of) +
                                           ": expected a date YYYY-MM-DD"));
    today = *parsed;
  }
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  auto rosters = (*store)->Rosters();
  if (!rosters.ok()) return Fail(ctx, rosters.error());
  auto json = nlohmann::ordered_json::array();
  bool any = false;
  for (const Roster& roster : *rosters) {
    if (command.group && !EqualsNoCase(*command.group, roster.group.short_name)) continue;
    auto plan = (*store)->FindWorkPlan(roster.group.short_name);
    if (!plan.ok()) return Fail(ctx, plan.error());
    if (!*plan) continue;
    if (command.subteam && !FindSubTeamPlan(**plan, *command.subteam))
      return Fail(ctx, Error::NotFound(fmt::format("{}'s work plan has no sub-team '{}'",
                                                   roster.group.short_name, *command.subteam)));
    ActionQuery query;
    query.group = roster.group.short_name;
    auto items = (*store)->Actions(query);
    if (!items.ok()) return Fail(ctx, items.error());
    any = true;
    if (command.json)
      json.push_back(WorkPlanViewJson(**plan, &roster, *items, today));
    else
      PrintPlan(ctx, **plan, &roster, *items, command, today);
  }
  if (command.json) {
    ctx.out << json.dump(2) << '\n';
  } else if (!any) {
    ctx.out << "no work plan loaded (plenary import --workplan FILE)\n";
  }
  return kExitOk;
}

}  // namespace plenary
