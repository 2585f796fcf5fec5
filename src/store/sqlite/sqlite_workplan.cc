#include "store/sqlite/sqlite_workplan.h"

#include "core/date.h"
#include "store/sqlite/sqlite_queries.h"
#include "store/workplan_rows.h"

namespace plenary::sqlite {
namespace {

template <typename Row, typename Make>
std::vector<Row> Rows(SQLite::Database& db, const char* sql, Id group_id, Make make) {
  SQLite::Statement query(db, sql);
  Bind(query, group_id);
  std::vector<Row> rows;
  while (query.executeStep()) rows.push_back(make(query));
  return rows;
}

void WriteTask(SQLite::Database& db, Id group_id, Id subtopic_id, std::size_t position,
               const WorkPlanTask& task) {
  Run(db,
      "INSERT INTO workplan_tasks (subtopic_id, group_id, position, label, title, leader, start, "
      "target, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      subtopic_id, group_id, position, task.label, task.title, task.leader,
      FormatIsoDate(task.start), FormatIsoDate(task.target), TaskStatusName(task.status));
  Id task_id = db.getLastInsertRowid();
  for (std::size_t i = 0; i < task.people.size(); ++i)
    Run(db, "INSERT INTO workplan_task_people (task_id, position, name) VALUES (?, ?, ?)", task_id,
        i, task.people[i]);
  for (std::size_t i = 0; i < task.items.size(); ++i)
    Run(db, "INSERT INTO workplan_task_items (task_id, position, item_id) VALUES (?, ?, ?)",
        task_id, i, task.items[i]);
}

void WriteMilestones(SQLite::Database& db, Id group_id, std::optional<Id> subteam_id,
                     const std::vector<Milestone>& milestones) {
  SQLite::Statement row(db,
                        "INSERT INTO workplan_milestones (group_id, subteam_id, position, name, "
                        "date) VALUES (?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < milestones.size(); ++i) {
    Bind(row, group_id);
    if (subteam_id) {
      BindValue(row, 2, *subteam_id);
    } else {
      row.bind(2);
    }
    BindValue(row, 3, i);
    BindValue(row, 4, milestones[i].name);
    BindValue(row, 5, FormatIsoDate(milestones[i].date));
    row.exec();
    row.reset();
  }
}

void WritePlan(SQLite::Database& db, Id group_id, const WorkPlan& plan) {
  Run(db, "DELETE FROM workplan_milestones WHERE group_id = ?", group_id);
  Run(db, "DELETE FROM workplan_subteams WHERE group_id = ?", group_id);
  WriteMilestones(db, group_id, std::nullopt, plan.milestones);
  for (std::size_t s = 0; s < plan.subteams.size(); ++s) {
    const SubTeamPlan& subteam = plan.subteams[s];
    Run(db, "INSERT INTO workplan_subteams (group_id, position, name) VALUES (?, ?, ?)", group_id,
        s, subteam.subteam);
    Id subteam_id = db.getLastInsertRowid();
    WriteMilestones(db, group_id, subteam_id, subteam.milestones);
    for (std::size_t t = 0; t < subteam.subtopics.size(); ++t) {
      Run(db, "INSERT INTO workplan_subtopics (subteam_id, position, title) VALUES (?, ?, ?)",
          subteam_id, t, subteam.subtopics[t].title);
      Id subtopic_id = db.getLastInsertRowid();
      for (std::size_t k = 0; k < subteam.subtopics[t].tasks.size(); ++k)
        WriteTask(db, group_id, subtopic_id, k, subteam.subtopics[t].tasks[k]);
    }
  }
}

}  // namespace

std::optional<WorkPlan> LoadWorkPlan(SQLite::Database& db, Id group_id, const std::string& group) {
  WorkPlanRows rows;
  rows.subteams = Rows<WorkPlanRows::SubTeamRow>(
      db, "SELECT id, name FROM workplan_subteams WHERE group_id = ? ORDER BY position", group_id,
      [](SQLite::Statement& q) {
        return WorkPlanRows::SubTeamRow{q.getColumn(0).getInt64(), q.getColumn(1).getString()};
      });
  rows.milestones = Rows<WorkPlanRows::MilestoneRow>(
      db,
      "SELECT subteam_id, name, date FROM workplan_milestones WHERE group_id = ? "
      "ORDER BY subteam_id IS NOT NULL, subteam_id, position",
      group_id, [](SQLite::Statement& q) {
        std::optional<Id> subteam;
        if (!q.getColumn(0).isNull()) subteam = q.getColumn(0).getInt64();
        return WorkPlanRows::MilestoneRow{subteam,
                                          {q.getColumn(1).getString(), DateAt(q.getColumn(2))}};
      });
  rows.subtopics = Rows<WorkPlanRows::SubtopicRow>(
      db,
      "SELECT t.id, t.subteam_id, t.title FROM workplan_subtopics t JOIN workplan_subteams s ON "
      "s.id = t.subteam_id WHERE s.group_id = ? ORDER BY s.position, t.position",
      group_id, [](SQLite::Statement& q) {
        return WorkPlanRows::SubtopicRow{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                                         q.getColumn(2).getString()};
      });
  rows.tasks = Rows<WorkPlanRows::TaskRow>(
      db,
      "SELECT t.id, t.subtopic_id, t.label, t.title, t.leader, t.start, t.target, t.status "
      "FROM workplan_tasks t JOIN workplan_subtopics p ON p.id = t.subtopic_id "
      "JOIN workplan_subteams s ON s.id = p.subteam_id WHERE t.group_id = ? "
      "ORDER BY s.position, p.position, t.position",
      group_id, [](SQLite::Statement& q) {
        WorkPlanTask task;
        task.label = q.getColumn(2).getString();
        task.title = q.getColumn(3).getString();
        task.leader = q.getColumn(4).getString();
        task.start = DateAt(q.getColumn(5));
        task.target = DateAt(q.getColumn(6));
        task.status = EnumAt(q.getColumn(7), ParseTaskStatus);
        return WorkPlanRows::TaskRow{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                                     std::move(task)};
      });
  rows.people = Rows<WorkPlanRows::NameRow>(
      db,
      "SELECT p.task_id, p.name FROM workplan_task_people p JOIN workplan_tasks t ON t.id = "
      "p.task_id WHERE t.group_id = ? ORDER BY p.task_id, p.position",
      group_id, [](SQLite::Statement& q) {
        return WorkPlanRows::NameRow{q.getColumn(0).getInt64(), q.getColumn(1).getString()};
      });
  rows.items = Rows<WorkPlanRows::ItemRow>(
      db,
      "SELECT i.task_id, i.item_id FROM workplan_task_items i JOIN workplan_tasks t ON t.id = "
      "i.task_id WHERE t.group_id = ? ORDER BY i.task_id, i.position",
      group_id, [](SQLite::Statement& q) {
        return WorkPlanRows::ItemRow{q.getColumn(0).getInt64(), q.getColumn(1).getInt64()};
      });
  return AssembleWorkPlan(group, rows);
}

Result<ImportOutcome> SaveWorkPlan(SQLite::Database& db, const WorkPlan& plan) {
  std::optional<GroupRow> group = FindGroup(db, plan.group);
  std::optional<Roster> roster;
  if (group && group->has_roster) roster = LoadRoster(db, group->id);
  SQLite::Statement item(db, "SELECT 1 FROM register_items WHERE id = ? AND group_id = ?");
  auto is_item = [&](std::int64_t id) {
    Bind(item, id, group->id);
    bool found = item.executeStep();
    item.reset();
    return found;
  };
  return ReplaceWorkPlan(
      plan, roster ? &*roster : nullptr, is_item,
      [&](const std::string& name) { return LoadWorkPlan(db, group->id, name); },
      [&](const WorkPlan& named) { WritePlan(db, group->id, named); });
}

}  // namespace plenary::sqlite
