#include "store/attendance_rows.h"

#include <fmt/format.h>

#include <utility>

#include "store/register_rows.h"

namespace plenary {
namespace {

constexpr std::string_view kPeople = "people", kStaff = "staff", kObservers = "observers",
                           kNotOnRoster = "not_on_roster";

std::string_view StandingName(Standing standing) {
  switch (standing) {
    case Standing::kExpected:
      return "expected";
    case Standing::kGuest:
      return "guest";
    case Standing::kNotOnRoster:
      return "not_on_roster";
  }
  return "?";
}

template <typename Enum>
Enum Parsed(const std::optional<std::string>& text, std::initializer_list<Enum> values,
            std::string_view (*name)(Enum), std::string_view what) {
  for (Enum v : values)
    if (text && *text == name(v)) return v;
  throw CorruptRow(fmt::format("attendance_entries: unknown {} '{}'", what, text.value_or("")));
}

std::string P(SqlDialect dialect, int n) {
  return dialect == SqlDialect::kSqlite ? "?" : "$" + std::to_string(n);
}

constexpr std::string_view kNotStored =
    "NOT EXISTS (SELECT 1 FROM attendance_meetings a WHERE a.meeting_id = m.id)";

}  // namespace

std::vector<AttendanceEntryRow> AttendanceEntryRowsOf(const MeetingAttendance& attendance) {
  std::vector<AttendanceEntryRow> rows;
  auto add = [&](std::string_view list, const std::string& name,
                 std::optional<std::string> presence, std::optional<std::string> standing) {
    rows.push_back({static_cast<std::int64_t>(rows.size()), std::string(list), name,
                    std::move(presence), std::move(standing)});
  };
  for (const PersonPresence& p : attendance.people)
    add(kPeople, p.name, std::string(PresenceName(p.presence)),
        std::string(StandingName(p.standing)));
  for (const std::string& name : attendance.staff) add(kStaff, name, {}, {});
  for (const std::string& name : attendance.observers) add(kObservers, name, {}, {});
  for (const std::string& name : attendance.not_on_roster) add(kNotOnRoster, name, {}, {});
  return rows;
}

void AttendanceAssembler::AddMeeting(std::int64_t id, MeetingKey key, Date date,
                                     std::optional<std::string> subteam) {
  if (!ids_.empty() && ids_.back() == id) return;
  ids_.push_back(id);
  MeetingAttendance& a = log_.emplace_back();
  a.key = std::move(key);
  a.date = date;
  a.subteam = std::move(subteam);
}

void AttendanceAssembler::AddEntry(const AttendanceEntryRow& row) {
  if (log_.empty()) throw CorruptRow("attendance_entries: an entry without its meeting");
  MeetingAttendance& a = log_.back();
  if (row.list == kPeople) {
    a.people.push_back(
        {row.name,
         Parsed(row.presence, {Presence::kPresent, Presence::kApology, Presence::kAbsent},
                PresenceName, "presence"),
         Parsed(row.standing, {Standing::kExpected, Standing::kGuest, Standing::kNotOnRoster},
                StandingName, "standing")});
  } else if (row.list == kStaff) {
    a.staff.push_back(row.name);
  } else if (row.list == kObservers) {
    a.observers.push_back(row.name);
  } else if (row.list == kNotOnRoster) {
    a.not_on_roster.push_back(row.name);
  } else {
    throw CorruptRow(fmt::format("attendance_entries: unknown list '{}'", row.list));
  }
}

ListPage<MeetingAttendance> AttendanceAssembler::Page(std::size_t limit, std::size_t total) && {
  ListPage<MeetingAttendance> page;
  page.total = total;
  if (log_.size() > limit) {
    log_.resize(limit);
    if (limit > 0) page.next = CursorOf(ids_[limit - 1]);
  }
  page.items = std::move(log_);
  return page;
}

SqlQuery AttendancePageSql(SqlDialect dialect, std::int64_t group_id, const MeetingListQuery& query,
                           const PageRequest& page, std::optional<std::int64_t> after,
                           std::size_t limit) {
  SqlQuery meetings = MeetingPageSql(dialect, group_id, query, page, after, limit);
  meetings.sql =
      "SELECT p.id, p.short_name, p.kind, p.number, p.date, a.subteam, e.position, e.list, "
      "e.name, e.presence, e.standing FROM (" +
      meetings.sql +
      ") p JOIN attendance_meetings a ON a.meeting_id = p.id "
      "LEFT JOIN attendance_entries e ON e.meeting_id = p.id ORDER BY p.date" +
      (page.newest_first ? " DESC" : "") + ", p.kind, p.number, e.position";
  return meetings;
}

SqlQuery StaleAttendanceGroupsSql() {
  return {"SELECT g.id FROM groups g WHERE "
          "EXISTS (SELECT 1 FROM meetings m WHERE m.group_id = g.id) AND "
          "NOT EXISTS (SELECT 1 FROM meetings m JOIN attendance_meetings a "
          "ON a.meeting_id = m.id WHERE m.group_id = g.id) ORDER BY g.id",
          {}};
}

SqlQuery StaleAttendanceMeetingsSql(SqlDialect dialect, std::int64_t group_id) {
  return {
      "SELECT m.id, g.short_name, m.kind, m.number, m.date, m.start_utc, m.record_url, "
      "m.subteam FROM meetings m JOIN groups g ON g.id = m.group_id WHERE m.group_id = " +
          P(dialect, 1) + " AND " + std::string(kNotStored) + " ORDER BY m.date, m.kind, m.number",
      {group_id}};
}

}  // namespace plenary
