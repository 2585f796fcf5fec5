// The attendance log of the register, group by group: which meetings each
// block (the whole group, or one of its sub-teams) counts, the periods
// participation is counted over, and the grid's cells. Shared by
// `plenary attendance` (src/cli/attendance_report) and the published
// attendance pages (src/publish/registers).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/affiliation.h"
#include "core/attendance.h"
#include "plenary/model.h"
#include "plenary/result.h"

namespace plenary {

// A period asked for: from..to, inclusive. given_* are the ends the person
// gave (none: open), label how the report names it ("June 2017").
struct Period {
  Date from;
  Date to;
  std::string label;
  std::optional<Date> given_from;
  std::optional<Date> given_to;
};

// The widest period: every meeting.
Period AllMeetings();

// "2017-06-01 to 2017-06-30", "from 2017-06-01", "to 2017-06-30".
std::string PeriodLabel(const Period& period);

// The calendar month "YYYY-MM", labelled "June 2017". InvalidInput naming
// `option` otherwise.
Result<Period> ParseMonth(const std::string& value, std::string_view option = "--month");

// One group of the register: its roster (or null) and its meetings, oldest
// first; and, when read from the store (Store::AttendancePage), their
// attendance, one for each meeting in the same order (empty: computed from
// the meetings' names when asked).
struct GroupLog {
  std::string name;
  const Roster* roster = nullptr;
  std::vector<Meeting> meetings;
  std::vector<MeetingAttendance> attendance;
};

// The meetings of a stored attendance log, each with its key, date and
// sub-team only: what BlocksOf and the grid read of a meeting.
std::vector<Meeting> MeetingsOf(const std::vector<MeetingAttendance>& log);

// The attendance of `meeting`, one of `group`'s meetings: the stored one when
// the log has it, else AttendanceOf.
MeetingAttendance AttendanceAt(const GroupLog& group, const Meeting& meeting);

// The groups of the register: those with a roster, and those known only
// from meetings' headers, by short name. Points into `rosters`.
std::vector<GroupLog> GroupsOf(const std::vector<Meeting>& meetings,
                               const std::vector<Roster>& rosters);

// The one group named `wanted` (case-insensitive), or all when none.
// InvalidInput, listing the groups, when there is no such group.
Result<std::vector<GroupLog>> SelectGroup(std::vector<GroupLog> groups,
                                          const std::optional<std::string>& wanted);

// What one block of the report covers: the whole group (no subteam), or one
// of its sub-teams; and the meetings it counts.
struct Block {
  const GroupLog* group = nullptr;
  std::optional<std::string> subteam;
  std::vector<const Meeting*> meetings;
};

// The group-wide block, then a block for each sub-team with a meeting from
// `from` to `to`.
std::vector<Block> BlocksOf(const GroupLog& group, Date from, Date to);

std::vector<Participation> ParticipationIn(const Block& block, Date from, Date to);

// "75%"; "–" for no rate (nobody expected).
std::string RateText(const std::optional<double>& rate);

// Members and liaisons are rated; staff and observers are counted apart.
bool IsRatedMember(const Participation& row);
bool IsCountedApart(const Participation& row);

// The grid's cell for `name` at a meeting: 'P' present, 'A' apologies, '-'
// absent; ' ' where the person was not expected (outside their membership,
// or not of the sub-team).
char PresenceCode(const MeetingAttendance& attendance, const std::string& name);

// {group, kind, number, date, subteam, present[], apologies[], absent[],
//  staff[], observers[], guests[], not_on_roster[]}
nlohmann::ordered_json AttendanceJson(const MeetingAttendance& attendance);

// {group, subteam, from, to, meetings[{kind, number, date}],
//  people[{name, role, on_roster, held, present, apologies, absent, rate}]}
nlohmann::ordered_json ParticipationJson(const Block& block, const Period& period,
                                         const std::vector<Participation>& rows);

// {group, from, to, meetings (how many the block counts),
//  affiliations[{affiliation (null: none), members[], representatives,
//                individuals, held, present, apologies, absent, rate}]}
nlohmann::ordered_json AffiliationsJson(const Block& block, const Period& period,
                                        const std::vector<AffiliationParticipation>& sums);

}  // namespace plenary
