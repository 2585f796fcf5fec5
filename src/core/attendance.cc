#include "core/attendance.h"

#include <algorithm>

#include "core/text.h"

namespace plenary {
namespace {

bool Lists(const std::vector<std::string>& names, const std::string& name) {
  std::string key = FoldName(name);
  return std::any_of(names.begin(), names.end(),
                     [&](const std::string& n) { return FoldName(n) == key; });
}

}  // namespace

std::string_view PresenceName(Presence presence) {
  switch (presence) {
    case Presence::kPresent: return "present";
    case Presence::kApology: return "apology";
    case Presence::kAbsent: return "absent";
  }
  return "?";
}

MeetingAttendance AttendanceOf(const Meeting& meeting, const Roster* roster) {
  MeetingAttendance out{meeting.key, meeting.date, {}, meeting.staff, {}};
  std::vector<std::string> placed;
  auto place = [&](const std::string& name, Presence presence) {
    out.members.push_back({name, presence});
    placed.push_back(name);
  };
  if (roster) {
    for (const Person& p : roster->people) {
      if (p.role == Role::kStaff) continue;
      bool present = Lists(meeting.attendees, p.name);
      if (p.role == Role::kObserver) {
        if (present) out.observers.push_back(p.name);
        placed.push_back(p.name);
        continue;
      }
      place(p.name, present                           ? Presence::kPresent
                    : Lists(meeting.apologies, p.name) ? Presence::kApology
                                                       : Presence::kAbsent);
    }
    for (const Person& p : roster->people)
      if (p.role == Role::kStaff) placed.push_back(p.name);
  }
  for (const std::string& name : meeting.attendees)
    if (!Lists(placed, name) && !Lists(meeting.staff, name)) place(name, Presence::kPresent);
  for (const std::string& name : meeting.apologies)
    if (!Lists(placed, name)) place(name, Presence::kApology);
  return out;
}

}  // namespace plenary
