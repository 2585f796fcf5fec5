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

// Presence, Standing, PersonPresence and MeetingAttendance are model values
// (plenary/model.h): the store keeps them (schema migration 10).
std::string_view PresenceName(Presence presence);

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

// AttendanceOf each of `meetings` (one group's), in their order; the roster's
// names are indexed once for all of them.
std::vector<MeetingAttendance> AttendanceOfEach(const std::vector<Meeting>& meetings,
                                                const Roster* roster);

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

// ParticipationOver from the meetings' attendance as AttendanceOf gave it
// (stored by the register, migration 10): the same rows, without reading
// the meetings' names again. `log` is one group's, oldest first.
std::vector<Participation> ParticipationFrom(const std::vector<MeetingAttendance>& log,
                                             const Roster* roster, Date from, Date to,
                                             std::optional<std::string> subteam);

// Whether `meeting` is among those ParticipationOver counts for `subteam`.
bool CountsFor(const Meeting& meeting, const Roster* roster,
               const std::optional<std::string>& subteam);
// The same for a meeting's attendance (its `subteam`, as AttendanceOf found it).
bool CountsFor(const MeetingAttendance& attendance, const std::optional<std::string>& subteam);

}  // namespace plenary
