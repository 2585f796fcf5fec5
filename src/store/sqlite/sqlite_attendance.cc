#include "store/sqlite/sqlite_attendance.h"

#include "store/attendance_rows.h"
#include "store/sqlite/sqlite_queries.h"

namespace plenary::sqlite {
namespace {

constexpr SqlDialect kDialect = SqlDialect::kSqlite;

// Whether the group had any meeting without attendance.
bool StoreAttendance(SQLite::Database& db, Id group_id) {
  SqlQuery stale = StaleAttendanceMeetingsSql(kDialect, group_id);
  SQLite::Statement rows(db, stale.sql);
  BindAll(rows, stale);
  std::vector<Id> ids;
  std::vector<Meeting> meetings = LoadMeetingsOf(db, rows, ids, MeetingParts::kAttendance);
  if (meetings.empty()) return false;
  std::optional<Roster> roster = RosterOf(db, group_id);
  std::vector<MeetingAttendance> log = AttendanceOfEach(meetings, roster ? &*roster : nullptr);
  SQLite::Statement meeting(db,
                            "INSERT INTO attendance_meetings (meeting_id, subteam) VALUES (?, ?)");
  SQLite::Statement entry(db,
                          "INSERT INTO attendance_entries (meeting_id, position, list, name, "
                          "presence, standing) VALUES (?, ?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < log.size(); ++i) {
    Run(meeting, ids[i], log[i].subteam);
    for (const AttendanceEntryRow& e : AttendanceEntryRowsOf(log[i]))
      Run(entry, ids[i], e.position, e.list, e.name, e.presence, e.standing);
  }
  return true;
}

}  // namespace

void ForgetMeetingAttendance(SQLite::Database& db, StatementCache& cache, Id meeting_id) {
  Run(db, cache, "DELETE FROM attendance_meetings WHERE meeting_id = ?", meeting_id);
}

void ForgetGroupAttendance(SQLite::Database& db, Id group_id) {
  Run(db,
      "DELETE FROM attendance_meetings WHERE meeting_id IN "
      "(SELECT id FROM meetings WHERE group_id = ?)",
      group_id);
}

bool RefreshStaleAttendance(SQLite::Database& db) {
  SQLite::Statement stale(db, StaleAttendanceGroupsSql().sql);
  std::vector<Id> groups;
  while (stale.executeStep()) groups.push_back(stale.getColumn(0).getInt64());
  for (Id group : groups) StoreAttendance(db, group);
  return !groups.empty();
}

bool RefreshStaleAttendance(SQLite::Database& db, const std::set<Id>& groups) {
  bool stored = false;
  for (Id group : groups) stored = StoreAttendance(db, group) || stored;
  return stored;
}

ListPage<MeetingAttendance> LoadAttendancePage(SQLite::Database& db, ListCache& cache,
                                               const MeetingListQuery& query,
                                               const PageRequest& page,
                                               std::optional<std::int64_t> after) {
  std::optional<GroupRow> group = FindGroup(db, cache, query.group);
  if (!group) return {};
  cache.Check(db);
  const std::size_t total = CountOf(db, cache, MeetingCountSql(kDialect, group->id, query));
  SqlQuery sql = AttendancePageSql(kDialect, group->id, query, page, after, page.limit + 1);
  LentStatement lent = cache.statements.Lend(db, sql.sql);
  SQLite::Statement& rows = *lent;
  BindAll(rows, sql);
  AttendanceAssembler log;
  while (rows.executeStep()) {
    log.AddMeeting(rows.getColumn(0).getInt64(),
                   MeetingKey{rows.getColumn(1).getString(), rows.getColumn(2).getString(),
                              rows.getColumn(3).getInt()},
                   DateAt(rows.getColumn(4)), TextOrNull(rows.getColumn(5)));
    if (rows.getColumn(6).isNull()) continue;
    log.AddEntry({rows.getColumn(6).getInt64(), rows.getColumn(7).getString(),
                  rows.getColumn(8).getString(), TextOrNull(rows.getColumn(9)),
                  TextOrNull(rows.getColumn(10))});
  }
  return std::move(log).Page(page.limit, total);
}

}  // namespace plenary::sqlite
