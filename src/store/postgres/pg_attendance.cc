#include "store/postgres/pg_attendance.h"

#include "store/attendance_rows.h"
#include "store/postgres/pg_import.h"
#include "store/postgres/pg_lists.h"
#include "store/postgres/pg_queries.h"

namespace plenary::pg {
namespace {

constexpr SqlDialect kDialect = SqlDialect::kPostgres;

const char* Nullable(const std::optional<std::string>& value) {
  return value ? value->c_str() : nullptr;
}

// The group's stale meetings' attendance, each table in one COPY (a roster
// change recomputes every meeting of the group). Whether it had any.
bool StoreAttendance(pqxx::transaction_base& tx, Id group_id) {
  std::vector<Id> ids;
  std::vector<Meeting> meetings =
      LoadMeetingsOf(tx, ExecAll(tx, StaleAttendanceMeetingsSql(kDialect, group_id)), ids,
                     MeetingParts::kAttendance);
  if (meetings.empty()) return false;
  std::optional<Roster> roster = RosterOf(tx, group_id);
  std::vector<MeetingAttendance> log = AttendanceOfEach(meetings, roster ? &*roster : nullptr);
  {
    pqxx::stream_to rows(tx, "attendance_meetings",
                         std::vector<std::string>{"meeting_id", "subteam"});
    for (std::size_t i = 0; i < log.size(); ++i)
      rows << std::make_tuple(ids[i], Nullable(log[i].subteam));
    rows.complete();
  }
  pqxx::stream_to rows(
      tx, "attendance_entries",
      std::vector<std::string>{"meeting_id", "position", "list", "name", "presence", "standing"});
  for (std::size_t i = 0; i < log.size(); ++i)
    for (const AttendanceEntryRow& e : AttendanceEntryRowsOf(log[i]))
      rows << std::make_tuple(ids[i], e.position, e.list, e.name, Nullable(e.presence),
                              Nullable(e.standing));
  rows.complete();
  return true;
}

}  // namespace

void ForgetMeetingAttendance(pqxx::transaction_base& tx, Id meeting_id) {
  tx.exec_params0("DELETE FROM attendance_meetings WHERE meeting_id = $1", meeting_id);
}

void ForgetGroupAttendance(pqxx::transaction_base& tx, Id group_id) {
  tx.exec_params0(
      "DELETE FROM attendance_meetings WHERE meeting_id IN "
      "(SELECT id FROM meetings WHERE group_id = $1)",
      group_id);
}

bool RefreshStaleAttendance(pqxx::transaction_base& tx) {
  std::vector<Id> groups;
  for (const pqxx::row& row : tx.exec(StaleAttendanceGroupsSql().sql))
    groups.push_back(row[0].as<Id>());
  for (Id group : groups) StoreAttendance(tx, group);
  return !groups.empty();
}

bool RefreshStaleAttendance(pqxx::transaction_base& tx, const std::set<Id>& groups) {
  bool stored = false;
  for (Id group : groups) stored = StoreAttendance(tx, group) || stored;
  return stored;
}

ListPage<MeetingAttendance> LoadAttendancePage(pqxx::transaction_base& tx,
                                               const MeetingListQuery& query,
                                               const PageRequest& page,
                                               std::optional<std::int64_t> after) {
  std::optional<GroupRow> group = FindGroup(tx, query.group);
  if (!group) return {};
  pqxx::result count = ExecAll(tx, MeetingCountSql(kDialect, group->id, query));
  const std::size_t total = count.empty() ? 0 : count[0][0].as<std::size_t>();
  AttendanceAssembler log;
  for (const pqxx::row& row :
       ExecAll(tx, AttendancePageSql(kDialect, group->id, query, page, after, page.limit + 1))) {
    log.AddMeeting(row[0].as<Id>(), MeetingKey{row[1].c_str(), row[2].c_str(), row[3].as<int>()},
                   DateAt(row[4]), TextOrNull(row[5]));
    if (row[6].is_null()) continue;
    log.AddEntry({row[6].as<std::int64_t>(), row[7].c_str(), row[8].c_str(), TextOrNull(row[9]),
                  TextOrNull(row[10])});
  }
  return std::move(log).Page(page.limit, total);
}

}  // namespace plenary::pg
