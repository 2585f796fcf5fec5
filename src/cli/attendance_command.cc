// `plenary attendance`: the attendance log, meetings by members.
#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <ostream>

#include "cli/commands.h"
#include "cli/text_table.h"
#include "core/attendance.h"
#include "core/date.h"
#include "plenary/store.h"
#include "publish/json.h"

namespace plenary {
namespace {

using json = nlohmann::ordered_json;

json AttendanceJson(const MeetingAttendance& a) {
  json present = json::array(), apologies = json::array(), absent = json::array();
  for (const PersonPresence& p : a.members) {
    (p.presence == Presence::kPresent    ? present
     : p.presence == Presence::kApology ? apologies
                                         : absent)
        .push_back(p.name);
  }
  return {{"group", a.key.group}, {"kind", a.key.kind}, {"number", a.key.number},
          {"date", FormatIsoDate(a.date)}, {"present", present}, {"apologies", apologies},
          {"absent", absent}, {"staff", a.staff}, {"observers", a.observers}};
}

char Code(Presence p) {
  return p == Presence::kPresent ? 'P' : p == Presence::kApology ? 'A' : '-';
}

void PrintGroupGrid(std::ostream& out, const std::string& group,
                    const std::vector<MeetingAttendance>& log) {
  std::vector<std::string> names;
  for (const auto& a : log)
    for (const auto& p : a.members)
      if (std::find(names.begin(), names.end(), p.name) == names.end()) names.push_back(p.name);
  std::vector<std::string> header{"Member"};
  for (const auto& a : log) header.push_back(fmt::format("#{}", a.key.number));
  header.push_back("Present");
  TextTable table(header);
  for (const std::string& name : names) {
    std::vector<std::string> row{name};
    int present = 0, listed = 0;
    for (const auto& a : log) {
      auto it = std::find_if(a.members.begin(), a.members.end(),
                             [&](const PersonPresence& p) { return p.name == name; });
      row.push_back(it == a.members.end() ? " " : std::string(1, Code(it->presence)));
      if (it != a.members.end()) {
        ++listed;
        present += it->presence == Presence::kPresent;
      }
    }
    row.push_back(fmt::format("{}/{}", present, listed));
    table.AddRow(std::move(row));
  }
  out << group << " attendance (P present, A apologies, - absent)\n";
  table.Print(out);
}

}  // namespace

int RunAttendance(const CliContext& ctx, bool as_json) {
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  auto meetings = (*store)->Meetings();
  if (!meetings.ok()) return Fail(ctx, meetings.error());
  auto rosters = (*store)->Rosters();
  if (!rosters.ok()) return Fail(ctx, rosters.error());
  std::map<std::string, std::vector<MeetingAttendance>> by_group;
  for (const Meeting& m : *meetings) {
    const Roster* roster = nullptr;
    for (const Roster& r : *rosters)
      if (r.group.short_name == m.key.group) roster = &r;
    by_group[m.key.group].push_back(AttendanceOf(m, roster));
  }
  if (as_json) {
    json array = json::array();
    for (const auto& [group, log] : by_group)
      for (const auto& a : log) array.push_back(AttendanceJson(a));
    ctx.out << array.dump(2) << '\n';
    return kExitOk;
  }
  for (const auto& [group, log] : by_group) PrintGroupGrid(ctx.out, group, log);
  if (by_group.empty()) ctx.out << "no meetings recorded\n";
  return kExitOk;
}

}  // namespace plenary
