// Who was at a meeting, who sent apologies, and who was absent; and, over a
// period, each person's participation.
//
// A member (or liaison, who counts as a member) is expected at a meeting when
// their membership covers its date and, for a sub-team's meeting, when they
// are one of the sub-team's members. Only expected people can be absent, and
// only meetings where someone is expected count towards their rate. Staff and
// observers are counted apart: never absent, never rated.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plenary/model.h"

namespace plenary {

enum class Presence { kPresent, kApology, kAbsent };
std::string_view PresenceName(Presence presence);

// Why a person is listed at a meeting.
enum class Standing {
  kExpected,     // a member or liaison the meeting expects (see above)
  kGuest,        // on the roster, present or apologising, but not expected
                 // (outside their membership, or not of the meeting's sub-team)
  kNotOnRoster,  // named by the notes, matches nobody on the roster (or there
                 // is no roster)
};

struct PersonPresence {
  std::string name;
  Presence presence = Presence::kAbsent;
  Standing standing = Standing::kExpected;
  friend bool operator==(const PersonPresence&, const PersonPresence&) = default;
};

struct MeetingAttendance {
  MeetingKey key;
  Date date;
  std::optional<std::string> subteam;  // the roster's sub-team it is of
  // Expected people in roster order (sub-team order for a sub-team's
  // meeting), then guests in roster order, then names not on the roster in
  // the order the notes give them (present first, then apologies).
  std::vector<PersonPresence> people;
  // Staff listed at the meeting (the notes' staff line, and roster staff
  // named among the attendees), canonical names where the roster has them.
  std::vector<std::string> staff;
  std::vector<std::string> observers;  // roster observers who attended
  // Every name the notes give (attendees, staff, apologies) that matches
  // nobody on the roster; empty without a roster.
  std::vector<std::string> not_on_roster;
};

// Whether `person`'s membership covers `date` (inclusive; an open end is
// unbounded).
bool IsMemberOn(const Person& person, const Date& date);

// The attendance of `meeting` (whose names the importer has already resolved
// to canonical spellings where it could; they are compared folded). Without
// a roster nobody can be absent: the people the notes name are listed, as
// not on the roster. A person listed both as present and with apologies
// counts as present (they joined after all); a member listed on the staff
// line counts as present.
MeetingAttendance AttendanceOf(const Meeting& meeting, const Roster* roster);

// One person's participation over a period.
struct Participation {
  std::string name;
  std::optional<Role> role;  // nullopt: not on the roster
  // Meetings held while the person was expected (see above), and how they
  // went: present + apologies + absent == held. For staff, observers and
  // people not on the roster, held and absent are 0 and present and apologies
  // count every meeting the notes list them at.
  int held = 0;
  int present = 0;
  int apologies = 0;
  int absent = 0;
  std::optional<double> rate;  // present / held; none when held is 0
  friend bool operator==(const Participation&, const Participation&) = default;
};

// Participation at the meetings of `meetings` held from `from` to `to`
// (inclusive): with `subteam`, the meetings of that sub-team of `roster`
// (named as FindSubTeam finds it); without, the meetings of the whole group
// (not those of any sub-team). `meetings` are one group's, `roster` its
// roster or null.
//
// Rows: the members and liaisons whose membership overlaps the period (for
// a sub-team, its members, in its order), in roster order; then the roster
// staff and observers listed at one of the meetings; then the names not on
// the roster, in order of first appearance.
std::vector<Participation> ParticipationOver(const std::vector<Meeting>& meetings,
                                             const Roster* roster, Date from, Date to,
                                             std::optional<std::string> subteam);

// Whether `meeting` is among those ParticipationOver counts for `subteam`.
bool CountsFor(const Meeting& meeting, const Roster* roster,
               const std::optional<std::string>& subteam);

}  // namespace plenary
