// Who was at a meeting, who sent apologies, and who was absent.
#pragma once

#include <string>
#include <vector>

#include "plenary/model.h"

namespace plenary {

enum class Presence { kPresent, kApology, kAbsent };
std::string_view PresenceName(Presence presence);

struct PersonPresence {
  std::string name;
  Presence presence = Presence::kAbsent;
};

struct MeetingAttendance {
  MeetingKey key;
  Date date;
  // Members and liaisons of the roster, in roster order, then anyone listed as
  // present or apologising who is not on the roster (as the notes wrote them).
  std::vector<PersonPresence> members;
  std::vector<std::string> staff;      // staff listed at the meeting
  std::vector<std::string> observers;  // roster observers who attended
};

// The attendance of `meeting`. Without a roster nobody can be absent: only
// the people the notes name are listed. A person listed both as present and
// with apologies counts as present (they joined after all).
MeetingAttendance AttendanceOf(const Meeting& meeting, const Roster* roster);

}  // namespace plenary
