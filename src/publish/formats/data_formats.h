// The registers as data for other tools: CSV (RFC 4180) for the registers and
// attendance, JSON in the shapes `--json` prints (publish/json.h), and
// iCalendar (RFC 5545, built with libical) feeds. Each takes the group's
// registers (publish/registers.h) and returns file contents.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plenary/result.h"
#include "publish/registers.h"

namespace plenary {

// One CSV record per row, CRLF-terminated; a field holding a comma, quote or
// line break is quoted with quotes doubled. A field starting with = + - @ or
// a tab/CR (a spreadsheet formula) is prefixed with ' so it stays text.
std::string CsvRecord(const std::vector<std::string>& fields);
// The inverse of CsvRecord over a whole file (for tests and importers):
// records of fields; InvalidInput on an unterminated quote or text after a
// closing quote.
Result<std::vector<std::vector<std::string>>> ParseCsv(std::string_view text);

// id,action,owners,due,status,days_overdue,raised_at,raised_on,closed_at,status_note
std::string ActionItemsCsv(const GroupRegisters& registers);
// id,date,meeting,decision
std::string DecisionsCsv(const GroupRegisters& registers);
// meeting,date,subteam,name,presence (present, apology, absent, staff, observer)
std::string AttendanceCsv(const GroupRegisters& registers);
// month,block,name,role,held,present,apologies,absent,rate; every month with
// a meeting, or only `month` (its first day).
std::string ParticipationCsv(const GroupRegisters& registers,
                             std::optional<Date> month = std::nullopt);

// Arrays of MeetingJson / RegisteredActionJson (with history) /
// RegisteredDecisionJson; the attendance log as AttendanceJson per meeting
// plus ParticipationJson per month (or, for one month, that month's
// ParticipationJson array).
std::string MeetingsJson(const GroupRegisters& registers);
std::string ActionItemsJson(const GroupRegisters& registers);
std::string DecisionsJson(const GroupRegisters& registers);
std::string AttendanceLogJson(const GroupRegisters& registers);
std::string MonthParticipationJson(const GroupRegisters& registers, Date month);

// The group's feed: each meeting a VEVENT (DTSTART/DTEND in UTC, an hour
// long; a whole-day event when no time is known), each open item a VTODO
// with DUE (a date) when it has one. UIDs are stable: they name the group and
// the meeting or item id. DTSTAMP is the meeting's date or the item's last
// change, so an unchanged register gives an unchanged feed. kIO when libical
// cannot be loaded (publish/formats/ical_library.h).
Result<std::string> GroupCalendar(const GroupRegisters& registers);
// The owners with an open item, and each one's feed of its open items.
std::vector<std::string> OpenItemOwners(const GroupRegisters& registers);
Result<std::string> OwnerCalendar(const GroupRegisters& registers, const std::string& owner);

}  // namespace plenary
