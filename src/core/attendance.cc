#include "core/attendance.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <unordered_map>
#include <utility>

#include "core/directory.h"
#include "core/subteam.h"
#include "core/text.h"

namespace plenary {
namespace {

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  std::string key = FoldName(name);
  return std::any_of(names.begin(), names.end(),
                     [&](const std::string& n) { return FoldName(n) == key; });
}

void AddOnce(std::vector<std::string>& names, const std::string& name) {
  if (!Contains(names, name)) names.push_back(name);
}

// What the notes' three lists say about each roster person, and the names
// that match nobody.
struct NamedAt {
  std::vector<const Person*> present;  // attendees, and members on the staff line
  std::vector<const Person*> apologised;
  std::vector<std::string> staff;  // the staff line: canonical or as written
  std::vector<std::string> unknown_present, unknown_apologies, unknown;
};

NamedAt ResolveNames(const Meeting& meeting, const Directory* directory) {
  NamedAt at;
  auto find = [&](const std::string& name) {
    return directory ? directory->FindPerson(name) : nullptr;
  };
  for (const std::string& name : meeting.attendees) {
    if (const Person* p = find(name))
      at.present.push_back(p);
    else
      AddOnce(at.unknown_present, name);
  }
  for (const std::string& name : meeting.staff) {
    const Person* p = find(name);
    if (p) at.present.push_back(p);
    if (!p || p->role == Role::kStaff) AddOnce(at.staff, p ? p->name : name);
  }
  for (const std::string& name : meeting.apologies) {
    if (const Person* p = find(name))
      at.apologised.push_back(p);
    else if (!Contains(at.unknown_present, name))
      AddOnce(at.unknown_apologies, name);
  }
  if (directory && directory->has_roster()) {
    for (const auto* list : {&meeting.attendees, &meeting.staff, &meeting.apologies})
      for (const std::string& name : *list)
        if (!find(name)) AddOnce(at.unknown, name);
  }
  return at;
}

bool IsExpected(const Person& person, const Date& date, const SubTeam* subteam) {
  if (person.role != Role::kMember && person.role != Role::kLiaison) return false;
  if (!IsMemberOn(person, date)) return false;
  return !subteam || Contains(subteam->members, person.name);
}

// The roster's members and liaisons in the order a meeting lists them: the
// sub-team's order for a sub-team's meeting, else the roster's.
std::vector<const Person*> MembersInOrder(const Roster& roster, const SubTeam* subteam) {
  std::vector<const Person*> order;
  if (subteam) {
    for (const std::string& name : subteam->members)
      for (const Person& p : roster.people)
        if (p.name == name) order.push_back(&p);
  }
  for (const Person& p : roster.people)
    if (std::find(order.begin(), order.end(), &p) == order.end()) order.push_back(&p);
  return order;
}

void PlaceRosterPeople(const Roster& roster, const SubTeam* subteam, const NamedAt& at,
                       MeetingAttendance& out) {
  std::vector<PersonPresence> guests;
  for (const Person* p : MembersInOrder(roster, subteam)) {
    bool present = std::find(at.present.begin(), at.present.end(), p) != at.present.end();
    if (p->role == Role::kStaff) {
      if (present) AddOnce(out.staff, p->name);
      continue;
    }
    if (p->role == Role::kObserver) {
      if (present) out.observers.push_back(p->name);
      continue;
    }
    bool apologised =
        std::find(at.apologised.begin(), at.apologised.end(), p) != at.apologised.end();
    Presence presence = present      ? Presence::kPresent
                        : apologised ? Presence::kApology
                                     : Presence::kAbsent;
    if (IsExpected(*p, out.date, subteam)) {
      out.people.push_back({p->name, presence, Standing::kExpected});
    } else if (presence != Presence::kAbsent) {
      guests.push_back({p->name, presence, Standing::kGuest});
    }
  }
  out.people.insert(out.people.end(), guests.begin(), guests.end());
}

MeetingAttendance AttendanceWith(const Meeting& meeting, const Roster* roster,
                                 const Directory* directory) {
  MeetingAttendance out{meeting.key, meeting.date, {}, {}, {}, {}, {}};
  const SubTeam* subteam = SubTeamOf(meeting, roster);
  if (subteam) out.subteam = subteam->name;
  NamedAt at = ResolveNames(meeting, directory);
  out.staff = at.staff;
  if (roster) PlaceRosterPeople(*roster, subteam, at, out);
  for (const std::string& name : at.unknown_present)
    out.people.push_back({name, Presence::kPresent, Standing::kNotOnRoster});
  for (const std::string& name : at.unknown_apologies)
    out.people.push_back({name, Presence::kApology, Standing::kNotOnRoster});
  out.not_on_roster = std::move(at.unknown);
  return out;
}

bool Overlaps(const Person& person, const Date& from, const Date& to) {
  return (!person.member_from || *person.member_from <= to) &&
         (!person.member_to || from <= *person.member_to);
}

// The rows of ParticipationOver, filled one meeting at a time.
class Tally {
 public:
  Tally(const Roster* roster, const SubTeam* subteam, const Date& from, const Date& to)
      : roster_(roster) {
    if (!roster) return;
    for (const Person* p : MembersInOrder(*roster, subteam)) {
      if (p->role != Role::kMember && p->role != Role::kLiaison) continue;
      if (subteam && !Contains(subteam->members, p->name)) continue;
      if (Overlaps(*p, from, to)) Row(p->name, p->role);
    }
  }

  void Add(const MeetingAttendance& a) {
    for (const PersonPresence& p : a.people) {
      if (p.standing == Standing::kGuest) continue;
      bool expected = p.standing == Standing::kExpected;
      Participation& row = expected ? Row(p.name, Role::kMember) : Unlisted(p.name);
      row.held += expected;
      row.present += p.presence == Presence::kPresent;
      row.apologies += p.presence == Presence::kApology;
      row.absent += p.presence == Presence::kAbsent;
    }
    for (const auto* list : {&a.staff, &a.observers})
      for (const std::string& name : *list) {
        const Person* person = OnRoster(name);
        (person ? Row(person->name, person->role) : Unlisted(name)).present += 1;
      }
  }

  // Members and liaisons as placed, then staff and observers in roster
  // order, then the names not on the roster as they came.
  std::vector<Participation> Rows() && {
    auto rank = [&](const Participation& r) -> std::size_t {
      if (!r.role) return std::numeric_limits<std::size_t>::max();
      if (r.role == Role::kMember || r.role == Role::kLiaison) return 0;
      return static_cast<std::size_t>(OnRoster(r.name) - roster_->people.data()) + 1;
    };
    std::stable_sort(
        rows_.begin(), rows_.end(),
        [&](const Participation& a, const Participation& b) { return rank(a) < rank(b); });
    for (Participation& row : rows_)
      if (row.held > 0) row.rate = static_cast<double>(row.present) / row.held;
    return std::move(rows_);
  }

 private:
  const Person* OnRoster(const std::string& name) const {
    if (!roster_) return nullptr;
    std::string key = FoldName(name);
    for (const Person& p : roster_->people)
      if (FoldName(p.name) == key) return &p;
    return nullptr;
  }

  Participation& Row(const std::string& name, std::optional<Role> role) {
    auto [it, added] = index_.emplace(FoldName(name), rows_.size());
    if (added) rows_.push_back({name, role});
    return rows_[it->second];
  }

  Participation& Unlisted(const std::string& name) { return Row(name, std::nullopt); }

  const Roster* roster_;
  std::vector<Participation> rows_;
  std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace

std::string_view PresenceName(Presence presence) {
  switch (presence) {
    case Presence::kPresent:
      return "present";
    case Presence::kApology:
      return "apology";
    case Presence::kAbsent:
      return "absent";
  }
  return "?";
}

bool IsMemberOn(const Person& person, const Date& date) {
  return (!person.member_from || *person.member_from <= date) &&
         (!person.member_to || date <= *person.member_to);
}

MeetingAttendance AttendanceOf(const Meeting& meeting, const Roster* roster) {
  Directory directory(roster, meeting.key.group);
  return AttendanceWith(meeting, roster, &directory);
}

bool CountsFor(const Meeting& meeting, const Roster* roster,
               const std::optional<std::string>& subteam) {
  const SubTeam* of = SubTeamOf(meeting, roster);
  if (!subteam) return of == nullptr;
  return of != nullptr && SubTeamWords(of->name) == SubTeamWords(*subteam);
}

std::vector<MeetingAttendance> AttendanceOfEach(const std::vector<Meeting>& meetings,
                                                const Roster* roster) {
  std::vector<MeetingAttendance> log;
  if (meetings.empty()) return log;
  Directory directory(roster, meetings.front().key.group);
  log.reserve(meetings.size());
  for (const Meeting& m : meetings) log.push_back(AttendanceWith(m, roster, &directory));
  return log;
}

bool CountsFor(const MeetingAttendance& attendance, const std::optional<std::string>& subteam) {
  if (!subteam) return !attendance.subteam;
  return attendance.subteam && SubTeamWords(*attendance.subteam) == SubTeamWords(*subteam);
}

std::vector<Participation> ParticipationFrom(const std::vector<MeetingAttendance>& log,
                                             const Roster* roster, Date from, Date to,
                                             std::optional<std::string> subteam) {
  const SubTeam* team = roster && subteam ? FindSubTeam(*roster, *subteam) : nullptr;
  if (subteam && !team) return {};
  Tally tally(roster, team, from, to);
  for (const MeetingAttendance& a : log)
    if (from <= a.date && a.date <= to && CountsFor(a, subteam)) tally.Add(a);
  return std::move(tally).Rows();
}

std::vector<Participation> ParticipationOver(const std::vector<Meeting>& meetings,
                                             const Roster* roster, Date from, Date to,
                                             std::optional<std::string> subteam) {
  std::vector<Meeting> counted;
  for (const Meeting& m : meetings)
    if (from <= m.date && m.date <= to && CountsFor(m, roster, subteam)) counted.push_back(m);
  return ParticipationFrom(AttendanceOfEach(counted, roster), roster, from, to, std::move(subteam));
}

}  // namespace plenary
