// The SQLite store's stored attendance (schema migration 10; the rows of
// store/attendance_rows.h). Runs inside the caller's transaction;
// SQLite::Exception and CorruptRow propagate.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <set>

#include "plenary/store.h"
#include "store/sqlite/sqlite_lists.h"
#include "store/sqlite/sqlite_values.h"

namespace plenary::sqlite {

// Marks the attendance of meeting `meeting_id`, or of every meeting of group
// `group_id`, as stale (the meeting's names, or the group's roster, changed).
void ForgetMeetingAttendance(SQLite::Database& db, StatementCache& cache, Id meeting_id);
void ForgetGroupAttendance(SQLite::Database& db, Id group_id);

// Computes and stores the attendance of the groups that have none
// (StaleAttendanceGroupsSql: after a migration or a restore). Whether it
// stored any.
bool RefreshStaleAttendance(SQLite::Database& db);
// The same for the meetings of `groups` alone: an import's, with the groups
// it wrote (meetings, a roster), so that it costs those groups, not the
// installation (9 ms of one more meeting's 16 ms in a 50-group file).
bool RefreshStaleAttendance(SQLite::Database& db, const std::set<Id>& groups);

// A page of the group's meetings with their stored attendance (MeetingPage's
// order, cursor and total).
ListPage<MeetingAttendance> LoadAttendancePage(SQLite::Database& db, ListCache& cache,
                                               const MeetingListQuery& query,
                                               const PageRequest& page,
                                               std::optional<std::int64_t> after);

}  // namespace plenary::sqlite
