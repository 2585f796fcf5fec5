// The stored attendance (schema migration 10), written once for both back
// ends: each meeting's attendance as core/attendance's AttendanceOf gives it,
// one row per meeting in attendance_meetings (the roster's sub-team it is
// of) and one per listed name in attendance_entries. A meeting without its
// attendance_meetings row is stale: an import that writes a meeting's names
// drops its row, one that changes a group's roster drops the group's, and
// the same write computes what is missing again before it commits
// (RefreshStaleAttendance in each back end), as opening a database migrated
// from version 9 and a restore do. Readers take a page of meetings with
// their attendance in one query (AttendancePageSql).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/attendance.h"
#include "store/list_queries.h"

namespace plenary {

// One row of attendance_entries. `list`: "people", "staff", "observers" or
// "not_on_roster"; presence and standing only for "people".
struct AttendanceEntryRow {
  std::int64_t position = 0;
  std::string list;
  std::string name;
  std::optional<std::string> presence;  // PresenceName
  std::optional<std::string> standing;  // "expected", "guest", "not_on_roster"
};

// The rows of `attendance`, in its lists' order.
std::vector<AttendanceEntryRow> AttendanceEntryRowsOf(const MeetingAttendance& attendance);

// Rebuilds MeetingAttendance values from AttendancePageSql's rows, in order.
// Throws CorruptRow (store/register_rows.h) for a list, presence or standing
// this store does not write.
class AttendanceAssembler {
 public:
  // A row's meeting; a new meeting when `id` differs from the last one's.
  void AddMeeting(std::int64_t id, MeetingKey key, Date date, std::optional<std::string> subteam);
  // An entry of the last meeting.
  void AddEntry(const AttendanceEntryRow& row);

  // The first `limit` meetings, and the cursor after the last of them when
  // there were more (AttendancePageSql reads limit + 1).
  ListPage<MeetingAttendance> Page(std::size_t limit, std::size_t total) &&;

 private:
  std::vector<MeetingAttendance> log_;
  std::vector<std::int64_t> ids_;
};

// Columns: meeting id, group, kind, number, date, sub-team, then the entry's
// position, list, name, presence, standing (NULL position: no entry), for
// the meetings MeetingPageSql gives (the same order, limit and cursor).
SqlQuery AttendancePageSql(SqlDialect dialect, std::int64_t group_id, const MeetingListQuery& query,
                           const PageRequest& page, std::optional<std::int64_t> after,
                           std::size_t limit);

// The groups with meetings and no stored attendance at all: what schema
// migration 10 and a restore leave. An import stores the attendance of the
// groups it wrote in its own transaction, so no group is ever partly stale,
// and this is a few index probes a group, not a pass over every meeting (the
// pass took 9-12 ms of every open and every import of a million-item file).
// Columns: group id.
SqlQuery StaleAttendanceGroupsSql();
// Those meetings of `group_id`, with MeetingPageSql's columns, oldest first.
SqlQuery StaleAttendanceMeetingsSql(SqlDialect dialect, std::int64_t group_id);

}  // namespace plenary
