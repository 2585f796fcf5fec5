#include "publish/attendance_log.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/date.h"
#include "core/text.h"

namespace plenary {
namespace {

const Date kEarliest = Date{std::chrono::year{1900} / 1 / 1};
const Date kLatest = Date{std::chrono::year{2999} / 12 / 31};

using json = nlohmann::ordered_json;

json MeetingRef(const Meeting& m) {
  return {{"kind", m.key.kind}, {"number", m.key.number}, {"date", FormatIsoDate(m.date)}};
}

json CountOrNull(const Participation& row, int count) {
  return IsRatedMember(row) ? json(count) : json(nullptr);
}

}  // namespace

Period AllMeetings() { return Period{kEarliest, kLatest, "all meetings"}; }

std::string PeriodLabel(const Period& period) {
  if (period.given_from && period.given_to)
    return FormatIsoDate(*period.given_from) + " to " + FormatIsoDate(*period.given_to);
  if (period.given_from) return "from " + FormatIsoDate(*period.given_from);
  if (period.given_to) return "to " + FormatIsoDate(*period.given_to);
  return "all meetings";
}

Result<Period> ParseMonth(const std::string& value, std::string_view option) {
  std::optional<Date> first;
  if (value.size() == 7 && value[4] == '-') first = ParseIsoDate(value + "-01");
  if (!first)
    return Error::InvalidInput(
        fmt::format("{} {}: expected a month YYYY-MM", option, PrintableText(value)));
  Date last{first->year() / first->month() / std::chrono::last};
  int month = static_cast<int>(unsigned{first->month()});
  std::string label = fmt::format("{} {}", MonthName(month), static_cast<int>(first->year()));
  return Period{*first, last, label, *first, last};
}

std::vector<GroupLog> GroupsOf(const std::vector<Meeting>& meetings,
                               const std::vector<Roster>& rosters) {
  std::vector<GroupLog> groups;
  auto group_named = [&](const std::string& name) -> GroupLog& {
    for (GroupLog& g : groups)
      if (EqualsNoCase(g.name, name)) return g;
    return groups.emplace_back(GroupLog{name, nullptr, {}});
  };
  for (const Roster& r : rosters) group_named(r.group.short_name).roster = &r;
  for (const Meeting& m : meetings) group_named(m.key.group).meetings.push_back(m);
  std::sort(groups.begin(), groups.end(),
            [](const GroupLog& a, const GroupLog& b) { return a.name < b.name; });
  return groups;
}

Result<std::vector<GroupLog>> SelectGroup(std::vector<GroupLog> groups,
                                          const std::optional<std::string>& wanted) {
  if (!wanted) return groups;
  std::vector<std::string> names;
  for (GroupLog& g : groups) {
    if (EqualsNoCase(g.name, *wanted)) return std::vector<GroupLog>{std::move(g)};
    names.push_back(g.name);
  }
  std::string known;
  for (const std::string& name : names) known += (known.empty() ? " (groups: " : ", ") + name;
  if (!known.empty()) known += ")";
  return Error::InvalidInput(fmt::format("--group {}: no such group in the register{}",
                                         PrintableText(*wanted), PrintableText(known)));
}

std::vector<Block> BlocksOf(const GroupLog& group, Date from, Date to) {
  std::vector<Block> blocks{{&group, std::nullopt, {}}};
  if (group.roster)
    for (const SubTeam& s : group.roster->subteams) blocks.push_back({&group, s.name, {}});
  for (Block& block : blocks) {
    for (const Meeting& m : group.meetings)
      if (from <= m.date && m.date <= to && CountsFor(m, group.roster, block.subteam))
        block.meetings.push_back(&m);
  }
  std::erase_if(blocks, [](const Block& b) { return b.subteam && b.meetings.empty(); });
  return blocks;
}

std::vector<Participation> ParticipationIn(const Block& block, Date from, Date to) {
  const GroupLog& g = *block.group;
  if (!g.attendance.empty() && g.attendance.size() == g.meetings.size())
    return ParticipationFrom(g.attendance, g.roster, from, to, block.subteam);
  return ParticipationOver(g.meetings, g.roster, from, to, block.subteam);
}

std::vector<Meeting> MeetingsOf(const std::vector<MeetingAttendance>& log) {
  std::vector<Meeting> meetings(log.size());
  for (std::size_t i = 0; i < log.size(); ++i) {
    meetings[i].key = log[i].key;
    meetings[i].date = log[i].date;
    meetings[i].subteam = log[i].subteam;
  }
  return meetings;
}

MeetingAttendance AttendanceAt(const GroupLog& group, const Meeting& meeting) {
  const Meeting* first = group.meetings.data();
  if (group.attendance.size() == group.meetings.size() && first <= &meeting &&
      &meeting < first + group.meetings.size())
    return group.attendance[static_cast<std::size_t>(&meeting - first)];
  return AttendanceOf(meeting, group.roster);
}

std::string RateText(const std::optional<double>& rate) {
  return rate ? fmt::format("{:.0f}%", *rate * 100) : std::string("\xE2\x80\x93");
}

bool IsRatedMember(const Participation& row) {
  return row.role == Role::kMember || row.role == Role::kLiaison;
}

bool IsCountedApart(const Participation& row) { return row.role && !IsRatedMember(row); }

char PresenceCode(const MeetingAttendance& a, const std::string& name) {
  auto it = std::find_if(a.people.begin(), a.people.end(),
                         [&](const PersonPresence& p) { return p.name == name; });
  if (it == a.people.end() || it->standing == Standing::kGuest) return ' ';
  return it->presence == Presence::kPresent ? 'P' : it->presence == Presence::kApology ? 'A' : '-';
}

json AttendanceJson(const MeetingAttendance& a) {
  json present = json::array(), apologies = json::array(), absent = json::array(),
       guests = json::array();
  for (const PersonPresence& p : a.people) {
    (p.presence == Presence::kPresent   ? present
     : p.presence == Presence::kApology ? apologies
                                        : absent)
        .push_back(p.name);
    if (p.standing == Standing::kGuest) guests.push_back(p.name);
  }
  return {{"group", a.key.group},
          {"kind", a.key.kind},
          {"number", a.key.number},
          {"date", FormatIsoDate(a.date)},
          {"subteam", a.subteam ? json(*a.subteam) : json(nullptr)},
          {"present", present},
          {"apologies", apologies},
          {"absent", absent},
          {"staff", a.staff},
          {"observers", a.observers},
          {"guests", guests},
          {"not_on_roster", a.not_on_roster}};
}

json ParticipationJson(const Block& block, const Period& period,
                       const std::vector<Participation>& rows) {
  json meetings = json::array(), people = json::array();
  for (const Meeting* m : block.meetings) meetings.push_back(MeetingRef(*m));
  for (const Participation& row : rows) {
    people.push_back({{"name", row.name},
                      {"role", row.role ? json(RoleName(*row.role)) : json(nullptr)},
                      {"on_roster", row.role.has_value()},
                      {"held", CountOrNull(row, row.held)},
                      {"present", row.present},
                      {"apologies", row.apologies},
                      {"absent", CountOrNull(row, row.absent)},
                      {"rate", row.rate ? json(*row.rate) : json(nullptr)}});
  }
  auto date_or_null = [](const std::optional<Date>& d) {
    return d ? json(FormatIsoDate(*d)) : json(nullptr);
  };
  return {{"group", block.group->name},
          {"subteam", block.subteam ? json(*block.subteam) : json(nullptr)},
          {"from", date_or_null(period.given_from)},
          {"to", date_or_null(period.given_to)},
          {"meetings", meetings},
          {"people", people}};
}

json AffiliationsJson(const Block& block, const Period& period,
                      const std::vector<AffiliationParticipation>& sums) {
  json rows = json::array();
  for (const AffiliationParticipation& a : sums)
    rows.push_back({{"affiliation", a.affiliation.empty() ? json(nullptr) : json(a.affiliation)},
                    {"members", a.members},
                    {"representatives", a.representatives},
                    {"individuals", a.individuals},
                    {"held", a.held},
                    {"present", a.present},
                    {"apologies", a.apologies},
                    {"absent", a.absent},
                    {"rate", a.rate ? json(*a.rate) : json(nullptr)}});
  return {{"group", block.group->name},
          {"from", period.given_from ? json(FormatIsoDate(*period.given_from)) : json(nullptr)},
          {"to", period.given_to ? json(FormatIsoDate(*period.given_to)) : json(nullptr)},
          {"meetings", block.meetings.size()},
          {"affiliations", std::move(rows)}};
}

}  // namespace plenary
