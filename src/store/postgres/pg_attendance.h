// The PostgreSQL store's stored attendance (schema migration 10; the rows of
// store/attendance_rows.h), as sqlite/sqlite_attendance.h. Runs inside the
// caller's transaction; pqxx exceptions and CorruptRow propagate.
#pragma once

#include <optional>
#include <set>
#include <pqxx/pqxx>

#include "plenary/store.h"
#include "store/postgres/pg_values.h"

namespace plenary::pg {

void ForgetMeetingAttendance(pqxx::transaction_base& tx, Id meeting_id);
void ForgetGroupAttendance(pqxx::transaction_base& tx, Id group_id);

// Computes and stores the attendance of the groups that have none
// (StaleAttendanceGroupsSql: after a migration or a restore). Whether it
// stored any.
bool RefreshStaleAttendance(pqxx::transaction_base& tx);
// The same for the meetings of `groups` alone (an import's written groups).
bool RefreshStaleAttendance(pqxx::transaction_base& tx, const std::set<Id>& groups);

ListPage<MeetingAttendance> LoadAttendancePage(pqxx::transaction_base& tx,
                                               const MeetingListQuery& query,
                                               const PageRequest& page,
                                               std::optional<std::int64_t> after);

}  // namespace plenary::pg
