#include "cli/attendance_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "cli/text_table.h"
#include "core/date.h"

namespace plenary {
namespace {

using json = nlohmann::ordered_json;

constexpr std::string_view kNone = "\xE2\x80\x93";  // "–": no rate, not counted

bool IsMember(const Participation& row) {
  return row.role == Role::kMember || row.role == Role::kLiaison;
}

bool IsApart(const Participation& row) { return row.role && !IsMember(row); }

std::string RateText(const std::optional<double>& rate) {
  return rate ? fmt::format("{:.0f}%", *rate * 100) : std::string(kNone);
}

std::string RoleText(const Participation& row) {
  return row.role ? std::string(RoleName(*row.role)) : "not on the roster";
}

std::string BlockTitle(const Block& block) {
  std::string title = block.group->name;
  if (block.subteam) title += " sub-team " + *block.subteam;
  return PrintableText(title);
}

char Code(Presence p) {
  return p == Presence::kPresent ? 'P' : p == Presence::kApology ? 'A' : '-';
}

std::string Cell(const MeetingAttendance& a, const std::string& name) {
  auto it = std::find_if(a.people.begin(), a.people.end(),
                         [&](const PersonPresence& p) { return p.name == name; });
  if (it == a.people.end() || it->standing == Standing::kGuest) return " ";
  return std::string(1, Code(it->presence));
}

// Staff and observers, counted apart from the members.
void PrintApart(std::ostream& out, const std::vector<Participation>& rows) {
  TextTable table({"Staff and observers", "Role", "Present"});
  for (const Participation& row : rows)
    if (IsApart(row)) table.AddRow({row.name, RoleText(row), std::to_string(row.present)});
  if (table.empty()) return;
  out << '\n';
  table.Print(out);
}

json MeetingRef(const Meeting& m) {
  return {{"kind", m.key.kind}, {"number", m.key.number}, {"date", FormatIsoDate(m.date)}};
}

json CountOrNull(const Participation& row, int count) {
  return IsMember(row) ? json(count) : json(nullptr);
}

}  // namespace

std::string PeriodLabel(const Period& period) {
  if (period.given_from && period.given_to)
    return FormatIsoDate(*period.given_from) + " to " + FormatIsoDate(*period.given_to);
  if (period.given_from) return "from " + FormatIsoDate(*period.given_from);
  if (period.given_to) return "to " + FormatIsoDate(*period.given_to);
  return "all meetings";
}

void PrintGrid(std::ostream& out, const Block& block, const std::vector<Participation>& rows) {
  std::vector<MeetingAttendance> log;
  std::vector<std::string> header{"Member"};
  for (const Meeting* m : block.meetings) {
    log.push_back(AttendanceOf(*m, block.group->roster));
    header.push_back(fmt::format("#{}", m->key.number));
  }
  header.insert(header.end(), {"Present", "Rate"});
  TextTable table(header);
  for (const Participation& row : rows) {
    if (IsApart(row)) continue;
    std::vector<std::string> cells{row.role ? row.name : row.name + " (not on the roster)"};
    for (const MeetingAttendance& a : log) cells.push_back(Cell(a, row.name));
    cells.push_back(row.role ? fmt::format("{}/{}", row.present, row.held)
                             : std::to_string(row.present));
    cells.push_back(RateText(row.rate));
    table.AddRow(std::move(cells));
  }
  out << BlockTitle(block)
      << " attendance (P present, A apologies, - absent; blank: not a member then)\n";
  table.Print(out);
  PrintApart(out, rows);
}

void PrintParticipation(std::ostream& out, const Block& block, const Period& period,
                        const std::vector<Participation>& rows) {
  TextTable table({"Member", "Role", "Held", "Present", "Apologies", "Absent", "Rate"});
  for (const Participation& row : rows) {
    if (IsApart(row)) continue;
    bool member = IsMember(row);
    table.AddRow({row.name, RoleText(row), member ? std::to_string(row.held) : std::string(kNone),
                  std::to_string(row.present), std::to_string(row.apologies),
                  member ? std::to_string(row.absent) : std::string(kNone), RateText(row.rate)});
  }
  std::size_t n = block.meetings.size();
  out << fmt::format("{} participation, {}: {} meeting{}\n", BlockTitle(block), period.label, n,
                     n == 1 ? "" : "s");
  if (table.empty()) {
    out << "no members\n";
  } else {
    table.Print(out);
  }
  PrintApart(out, rows);
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

Result<Period> ParseMonth(std::string_view option, const std::string& value) {
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

}  // namespace plenary
