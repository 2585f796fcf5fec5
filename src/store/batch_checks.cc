#include "store/batch_checks.h"

#include <fmt/format.h>

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>

#include "core/date.h"
#include "core/meeting_label.h"
#include "core/text.h"
#include "store/workplan_rows.h"

namespace plenary {
namespace {

std::string MeetingName(const MeetingKey& key) { return key.group + " " + MeetingLabel(key); }

Status CheckPerson(const std::string& group, const Person& person) {
  for (const std::optional<Date>& date : {person.member_from, person.member_to}) {
    if (!date) continue;
    std::string what = fmt::format("roster {}: membership of {}", group, person.name);
    if (Status s = CheckDate(*date, what); !s) return s;
  }
  if (person.member_from && person.member_to && *person.member_to < *person.member_from)
    return Error::InvalidInput(
        fmt::format("roster {}: the membership of {} ends before it starts", group, person.name));
  return Status::Ok();
}

// Sub-teams are stored by person id: their lead and members must be people
// of the roster, by canonical name.
Status CheckSubTeams(const Roster& roster, const std::set<std::string>& people) {
  const std::string& group = roster.group.short_name;
  std::set<std::string> names;
  for (const SubTeam& subteam : roster.subteams) {
    std::string what = fmt::format("roster {}: sub-team '{}'", group, subteam.name);
    if (subteam.name.empty()) return Error::InvalidInput(what + ": no name");
    if (!names.insert(subteam.name).second) return Error::InvalidInput(what + " is listed twice");
    std::set<std::string> members;
    for (const std::string& member : subteam.members) {
      if (!people.count(member))
        return Error::InvalidInput(fmt::format("{}: {} is not on the roster", what, member));
      if (!members.insert(member).second)
        return Error::InvalidInput(fmt::format("{}: {} is listed twice", what, member));
    }
    if (subteam.leader && !people.count(*subteam.leader))
      return Error::InvalidInput(
          fmt::format("{}: its lead {} is not on the roster", what, *subteam.leader));
  }
  return Status::Ok();
}

Status CheckRoster(const Roster& roster) {
  const Group& group = roster.group;
  if (group.short_name.empty()) return Error::InvalidInput("roster: the group has no short name");
  for (const std::optional<Date>& date : {group.active_from, group.active_to}) {
    if (!date) continue;
    if (Status s = CheckDate(*date, "roster " + group.short_name + ": active period"); !s) return s;
  }
  std::set<std::string> names;
  for (const Person& person : roster.people) {
    if (!names.insert(person.name).second)
      return Error::InvalidInput(
          fmt::format("roster {}: {} is listed twice", group.short_name, person.name));
    if (Status s = CheckPerson(group.short_name, person); !s) return s;
  }
  return CheckSubTeams(roster, names);
}

Status CheckMeeting(const Meeting& meeting) {
  std::string name = MeetingName(meeting.key);
  if (meeting.key.group.empty())
    return Error::InvalidInput(
        fmt::format("meeting {}: no group named", MeetingLabel(meeting.key)));
  if (Status s = CheckDate(meeting.date, name + ": date"); !s) return s;
  if (const auto& t = meeting.start_utc;
      t && (t->hour < 0 || t->hour > 23 || t->minute < 0 || t->minute > 59))
    return Error::InvalidInput(name + ": start time is not a time of day");
  if (meeting.subteam && meeting.subteam->empty())
    return Error::InvalidInput(name + ": the sub-team has no name");
  for (std::size_t i = 0; i < meeting.actions.size(); ++i) {
    const std::optional<Date>& due = meeting.actions[i].due;
    if (!due) continue;
    std::string what = fmt::format("{}: due date of action item {}", name, i + 1);
    if (Status s = CheckDate(*due, what); !s) return s;
  }
  return Status::Ok();
}

}  // namespace

Status CheckDate(const Date& date, std::string_view what) {
  if (date.ok() && ParseIsoDate(FormatIsoDate(date))) return Status::Ok();
  return Error::InvalidInput(fmt::format("{}: not a date in the years 1900..2999", what));
}

Status CheckImportBatch(const ImportBatch& batch) {
  if (batch.roster) {
    if (Status s = CheckRoster(*batch.roster); !s) return s;
  }
  for (const MeetingImport& import : batch.meetings) {
    if (Status s = CheckMeeting(import.meeting); !s) return s;
  }
  for (const WorkPlan& plan : batch.workplans) {
    if (Status s = CheckWorkPlan(plan); !s) return s;
  }
  return Status::Ok();
}

bool WrittenBeforeTheMeeting(const Meeting& meeting) {
  return meeting.attendees.empty() && meeting.staff.empty() && meeting.apologies.empty() &&
         meeting.guests.empty() && meeting.decisions.empty();
}

std::vector<const MeetingImport*> LastOfEachKey(const std::vector<MeetingImport>& meetings) {
  using KeyTuple = std::tuple<std::string, std::string, int>;
  std::map<KeyTuple, std::size_t> last;
  for (std::size_t i = 0; i < meetings.size(); ++i) {
    const MeetingKey& key = meetings[i].meeting.key;
    last[{AsciiLower(key.group), key.kind, key.number}] = i;
  }
  std::vector<const MeetingImport*> kept;
  for (std::size_t i = 0; i < meetings.size(); ++i) {
    const MeetingKey& key = meetings[i].meeting.key;
    if (last[{AsciiLower(key.group), key.kind, key.number}] == i) kept.push_back(&meetings[i]);
  }
  return kept;
}

}  // namespace plenary
