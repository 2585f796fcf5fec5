#include "store/postgres/pg_workplan.h"

#include "core/date.h"
#include "store/postgres/pg_import.h"
#include "store/postgres/pg_queries.h"
#include "store/register_rows.h"
#include "store/workplan_rows.h"

namespace plenary::pg {
namespace {

template <typename Row, typename Make>
std::vector<Row> Rows(pqxx::transaction_base& tx, const char* sql, Id group_id, Make make) {
  std::vector<Row> rows;
  for (const pqxx::row& row : tx.exec_params(sql, group_id)) rows.push_back(make(row));
  return rows;
}

void WriteTask(pqxx::transaction_base& tx, Id group_id, Id subtopic_id, std::size_t position,
               const WorkPlanTask& task) {
  Id task_id = tx.exec_params1(
                     "INSERT INTO workplan_tasks (subtopic_id, group_id, position, label, title, "
                     "leader, start, target, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
                     "RETURNING id",
                     subtopic_id, group_id, position, task.label, task.title, task.leader,
                     FormatIsoDate(task.start), FormatIsoDate(task.target),
                     std::string(TaskStatusName(task.status)))[0]
                   .as<Id>();
  for (std::size_t i = 0; i < task.people.size(); ++i)
    tx.exec_params0(
        "INSERT INTO workplan_task_people (task_id, position, name) VALUES ($1, $2, $3)", task_id,
        i, task.people[i]);
  for (std::size_t i = 0; i < task.items.size(); ++i)
    tx.exec_params0(
        "INSERT INTO workplan_task_items (task_id, position, item_id) VALUES ($1, $2, $3)", task_id,
        i, task.items[i]);
}

void WriteMilestones(pqxx::transaction_base& tx, Id group_id, std::optional<Id> subteam_id,
                     const std::vector<Milestone>& milestones) {
  for (std::size_t i = 0; i < milestones.size(); ++i)
    tx.exec_params0(
        "INSERT INTO workplan_milestones (group_id, subteam_id, position, name, date) "
        "VALUES ($1, $2, $3, $4, $5)",
        group_id, subteam_id, i, milestones[i].name, FormatIsoDate(milestones[i].date));
}

void WritePlan(pqxx::transaction_base& tx, Id group_id, const WorkPlan& plan) {
  tx.exec_params0("DELETE FROM workplan_milestones WHERE group_id = $1", group_id);
  tx.exec_params0("DELETE FROM workplan_subteams WHERE group_id = $1", group_id);
  WriteMilestones(tx, group_id, std::nullopt, plan.milestones);
  for (std::size_t s = 0; s < plan.subteams.size(); ++s) {
    const SubTeamPlan& subteam = plan.subteams[s];
    Id subteam_id = tx.exec_params1(
                          "INSERT INTO workplan_subteams (group_id, position, name) "
                          "VALUES ($1, $2, $3) RETURNING id",
                          group_id, s, subteam.subteam)[0]
                        .as<Id>();
    WriteMilestones(tx, group_id, subteam_id, subteam.milestones);
    for (std::size_t t = 0; t < subteam.subtopics.size(); ++t) {
      Id subtopic_id = tx.exec_params1(
                             "INSERT INTO workplan_subtopics (subteam_id, position, title) "
                             "VALUES ($1, $2, $3) RETURNING id",
                             subteam_id, t, subteam.subtopics[t].title)[0]
                           .as<Id>();
      for (std::size_t k = 0; k < subteam.subtopics[t].tasks.size(); ++k)
        WriteTask(tx, group_id, subtopic_id, k, subteam.subtopics[t].tasks[k]);
    }
  }
}

}  // namespace

std::optional<WorkPlan> LoadWorkPlan(pqxx::transaction_base& tx, Id group_id,
                                     const std::string& group) {
  WorkPlanRows rows;
  rows.subteams = Rows<WorkPlanRows::SubTeamRow>(
      tx, "SELECT id, name FROM workplan_subteams WHERE group_id = $1 ORDER BY position", group_id,
      [](const pqxx::row& r) {
        return WorkPlanRows::SubTeamRow{r[0].as<Id>(), r[1].c_str()};
      });
  rows.milestones = Rows<WorkPlanRows::MilestoneRow>(
      tx,
      "SELECT subteam_id, name, date FROM workplan_milestones WHERE group_id = $1 "
      "ORDER BY subteam_id IS NOT NULL, subteam_id, position",
      group_id, [](const pqxx::row& r) {
        std::optional<Id> subteam;
        if (!r[0].is_null()) subteam = r[0].as<Id>();
        return WorkPlanRows::MilestoneRow{subteam, {r[1].c_str(), DateAt(r[2])}};
      });
  rows.subtopics = Rows<WorkPlanRows::SubtopicRow>(
      tx,
      "SELECT t.id, t.subteam_id, t.title FROM workplan_subtopics t JOIN workplan_subteams s ON "
      "s.id = t.subteam_id WHERE s.group_id = $1 ORDER BY s.position, t.position",
      group_id, [](const pqxx::row& r) {
        return WorkPlanRows::SubtopicRow{r[0].as<Id>(), r[1].as<Id>(), r[2].c_str()};
      });
  rows.tasks = Rows<WorkPlanRows::TaskRow>(
      tx,
      "SELECT t.id, t.subtopic_id, t.label, t.title, t.leader, t.start, t.target, t.status "
      "FROM workplan_tasks t JOIN workplan_subtopics p ON p.id = t.subtopic_id "
      "JOIN workplan_subteams s ON s.id = p.subteam_id WHERE t.group_id = $1 "
      "ORDER BY s.position, p.position, t.position",
      group_id, [](const pqxx::row& r) {
        WorkPlanTask task;
        task.label = r[2].c_str();
        task.title = r[3].c_str();
        task.leader = r[4].c_str();
        task.start = DateAt(r[5]);
        task.target = DateAt(r[6]);
        std::optional<TaskStatus> status = ParseTaskStatus(r[7].c_str());
        if (!status) throw CorruptRow(std::string("corrupt database: task status ") + r[7].c_str());
        task.status = *status;
        return WorkPlanRows::TaskRow{r[0].as<Id>(), r[1].as<Id>(), std::move(task)};
      });
  rows.people = Rows<WorkPlanRows::NameRow>(
      tx,
      "SELECT p.task_id, p.name FROM workplan_task_people p JOIN workplan_tasks t ON t.id = "
      "p.task_id WHERE t.group_id = $1 ORDER BY p.task_id, p.position",
      group_id, [](const pqxx::row& r) {
        return WorkPlanRows::NameRow{r[0].as<Id>(), r[1].c_str()};
      });
  rows.items = Rows<WorkPlanRows::ItemRow>(
      tx,
      "SELECT i.task_id, i.item_id FROM workplan_task_items i JOIN workplan_tasks t ON t.id = "
      "i.task_id WHERE t.group_id = $1 ORDER BY i.task_id, i.position",
      group_id, [](const pqxx::row& r) {
        return WorkPlanRows::ItemRow{r[0].as<Id>(), r[1].as<Id>()};
      });
  return AssembleWorkPlan(group, rows);
}

Result<ImportOutcome> SaveWorkPlan(pqxx::transaction_base& tx, const WorkPlan& plan) {
  std::optional<GroupRow> group = FindGroup(tx, plan.group);
  std::optional<Roster> roster;
  if (group && group->has_roster) roster = LoadRoster(tx, group->id);
  auto is_item = [&](std::int64_t id) {
    return !tx.exec_params("SELECT 1 FROM register_items WHERE id = $1 AND group_id = $2", id,
                           group->id)
                .empty();
  };
  return ReplaceWorkPlan(
      plan, roster ? &*roster : nullptr, is_item,
      [&](const std::string& name) { return LoadWorkPlan(tx, group->id, name); },
      [&](const WorkPlan& named) { WritePlan(tx, group->id, named); });
}

}  // namespace plenary::pg
