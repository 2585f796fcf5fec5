// How `plenary attendance` shows attendance and participation: the grid of
// meetings by members, the participation table of a period, and their JSON
// (documented in doc/cli.md). Internal to the CLI.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

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

// "2017-06-01 to 2017-06-30", "from 2017-06-01", "to 2017-06-30".
std::string PeriodLabel(const Period& period);

// One group of the register: its roster (or null) and its meetings, oldest
// first.
struct GroupLog {
  std::string name;
  const Roster* roster = nullptr;
  std::vector<Meeting> meetings;
};

// What one block of the report covers: the whole group (no subteam), or one
// of its sub-teams; and the meetings it counts.
struct Block {
  const GroupLog* group = nullptr;
  std::optional<std::string> subteam;
  std::vector<const Meeting*> meetings;
};

// "P" present, "A" apologies, "-" absent; a blank cell where the person was
// not expected (outside their membership, or not of the sub-team); then each
// person's present/held and rate; then staff and observers apart.
void PrintGrid(std::ostream& out, const Block& block, const std::vector<Participation>& rows);

// Held, present, apologies, absent and rate per person; then staff and
// observers apart.
void PrintParticipation(std::ostream& out, const Block& block, const Period& period,
                        const std::vector<Participation>& rows);

// {group, kind, number, date, subteam, present[], apologies[], absent[],
//  staff[], observers[], guests[], not_on_roster[]}
nlohmann::ordered_json AttendanceJson(const MeetingAttendance& attendance);

// {group, subteam, from, to, meetings[{kind, number, date}],
//  people[{name, role, on_roster, held, present, apologies, absent, rate}]}
nlohmann::ordered_json ParticipationJson(const Block& block, const Period& period,
                                         const std::vector<Participation>& rows);

// The month YYYY-MM as a period; InvalidInput naming `option` otherwise.
Result<Period> ParseMonth(std::string_view option, const std::string& value);

// The group-wide block, then a block for each sub-team with a meeting from
// `from` to `to` (for the log: with any meeting).
std::vector<Block> BlocksOf(const GroupLog& group, Date from, Date to);

}  // namespace plenary
