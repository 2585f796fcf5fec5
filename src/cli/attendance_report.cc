#include "cli/attendance_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "cli/text_table.h"
#include "core/date.h"
#include "core/meeting_label.h"

namespace plenary {
namespace {

constexpr std::string_view kNone = "\xE2\x80\x93";  // "–": no rate, not counted

std::string RoleText(const Participation& row) {
  return row.role ? std::string(RoleName(*row.role)) : "not on the roster";
}

std::string BlockTitle(const Block& block) {
  std::string title = block.group->name;
  if (block.subteam) title += " sub-team " + *block.subteam;
  return PrintableText(title);
}

// Staff and observers, counted apart from the members.
void PrintApart(std::ostream& out, const std::vector<Participation>& rows) {
  TextTable table({"Staff and observers", "Role", "Present"});
  for (const Participation& row : rows)
    if (IsCountedApart(row)) table.AddRow({row.name, RoleText(row), std::to_string(row.present)});
  if (table.empty()) return;
  out << '\n';
  table.Print(out);
}

}  // namespace

void PrintGrid(std::ostream& out, const Block& block, const std::vector<Participation>& rows) {
  std::vector<MeetingAttendance> log;
  std::vector<std::string> header{"Member"};
  for (const Meeting* m : block.meetings) {
    log.push_back(AttendanceAt(*block.group, *m));
    header.push_back(IsDatedMeetingNumber(m->key.number) ? MeetingNumberText(m->key.number)
                                                         : fmt::format("#{}", m->key.number));
  }
  header.insert(header.end(), {"Present", "Rate"});
  TextTable table(header);
  for (const Participation& row : rows) {
    if (IsCountedApart(row)) continue;
    std::vector<std::string> cells{row.role ? row.name : row.name + " (not on the roster)"};
    for (const MeetingAttendance& a : log)
      cells.push_back(std::string(1, PresenceCode(a, row.name)));
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
    if (IsCountedApart(row)) continue;
    bool member = IsRatedMember(row);
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

void PrintAffiliations(std::ostream& out, const Block& block, const Period& period,
                       const std::vector<AffiliationParticipation>& sums) {
  TextTable table({"Affiliation", "Members", "Reps", "Indiv", "Held", "Present", "Apologies",
                   "Absent", "Rate"});
  for (const AffiliationParticipation& a : sums) {
    std::string members;
    for (const std::string& m : a.members) members += (members.empty() ? "" : ", ") + m;
    table.AddRow({a.affiliation.empty() ? "(none)" : a.affiliation, members,
                  std::to_string(a.representatives), std::to_string(a.individuals),
                  std::to_string(a.held), std::to_string(a.present), std::to_string(a.apologies),
                  std::to_string(a.absent), RateText(a.rate)});
  }
  std::size_t n = block.meetings.size();
  out << fmt::format("{} participation by affiliation, {}: {} meeting{}\n", BlockTitle(block),
                     period.label, n, n == 1 ? "" : "s");
  if (table.empty()) {
    out << "no members\n";
  } else {
    table.Print(out);
  }
}

}  // namespace plenary
