// `plenary attendance`: the attendance log (meetings by members), or each
// person's participation over a month or a period; one block for each group,
// then one for each of its sub-teams.
#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "cli/attendance_report.h"
#include "cli/commands.h"
#include "cli/text_table.h"
#include "core/attendance.h"
#include "core/date.h"
#include "core/subteam.h"
#include "core/text.h"
#include "plenary/store.h"

namespace plenary {
namespace {

using json = nlohmann::ordered_json;

const Date kEarliest = Date{std::chrono::year{1900} / 1 / 1};
const Date kLatest = Date{std::chrono::year{2999} / 12 / 31};

Result<Date> ParseDateOption(std::string_view option, const std::string& value) {
  if (auto date = ParseIsoDate(value)) return *date;
  return Error::InvalidInput(
      fmt::format("{} {}: expected a date YYYY-MM-DD", option, PrintableText(value)));
}

// The period the command asks about; none for the attendance log. Errors are
// bad usage.
Result<std::optional<Period>> ParsePeriod(const AttendanceCommand& command) {
  if (command.month) {
    Result<Period> month = ParseMonth(*command.month);
    if (!month) return month.error();
    return std::optional<Period>(*month);
  }
  if (!command.from && !command.to) return std::optional<Period>();
  Period period{kEarliest, kLatest, ""};
  if (command.from) {
    Result<Date> from = ParseDateOption("--from", *command.from);
    if (!from) return from.error();
    period.from = *from;
    period.given_from = *from;
  }
  if (command.to) {
    Result<Date> to = ParseDateOption("--to", *command.to);
    if (!to) return to.error();
    period.to = *to;
    period.given_to = *to;
  }
  if (period.to < period.from)
    return Error::InvalidInput(
        fmt::format("--from {} is after --to {}", *command.from, *command.to));
  period.label = PeriodLabel(period);
  return std::optional<Period>(period);
}

int PrintLog(const CliContext& ctx, const std::vector<GroupLog>& groups, bool as_json) {
  if (as_json) {
    json array = json::array();
    for (const GroupLog& g : groups)
      for (const Meeting& m : g.meetings)
        array.push_back(AttendanceJson(AttendanceOf(m, g.roster)));
    ctx.out << array.dump(2) << '\n';
    return kExitOk;
  }
  bool any = false;
  for (const GroupLog& g : groups) {
    for (const Block& block : BlocksOf(g, kEarliest, kLatest)) {
      if (block.meetings.empty()) continue;
      if (any) ctx.out << '\n';
      PrintGrid(ctx.out, block, ParticipationIn(block, kEarliest, kLatest));
      any = true;
    }
  }
  if (!any) ctx.out << "no meetings recorded\n";
  return kExitOk;
}

// The group-wide participation of each group with a roster, summed by
// appointing organisation.
int PrintByAffiliation(const CliContext& ctx, const std::vector<GroupLog>& groups,
                       const Period& period, bool as_json) {
  json array = json::array();
  bool any = false;
  for (const GroupLog& g : groups) {
    if (!g.roster) continue;
    for (const Block& block : BlocksOf(g, period.from, period.to)) {
      if (block.subteam) continue;
      auto sums =
          ParticipationByAffiliation(ParticipationIn(block, period.from, period.to), *g.roster);
      if (as_json) {
        array.push_back(AffiliationsJson(block, period, sums));
        continue;
      }
      if (any) ctx.out << '\n';
      PrintAffiliations(ctx.out, block, period, sums);
      any = true;
    }
  }
  if (as_json) ctx.out << array.dump(2) << '\n';
  if (!as_json && !any) ctx.out << "no group with a roster\n";
  return kExitOk;
}

int PrintPeriod(const CliContext& ctx, const std::vector<GroupLog>& groups, const Period& period,
                bool as_json) {
  json array = json::array();
  bool any = false;
  for (const GroupLog& g : groups) {
    for (const Block& block : BlocksOf(g, period.from, period.to)) {
      std::vector<Participation> rows = ParticipationIn(block, period.from, period.to);
      if (as_json) {
        array.push_back(ParticipationJson(block, period, rows));
        continue;
      }
      if (any) ctx.out << '\n';
      PrintParticipation(ctx.out, block, period, rows);
      any = true;
    }
  }
  if (as_json) ctx.out << array.dump(2) << '\n';
  if (!as_json && groups.empty()) ctx.out << "no meetings recorded\n";
  return kExitOk;
}

}  // namespace

int RunAttendance(const CliContext& ctx, const AttendanceCommand& command) {
  Result<std::optional<Period>> period = ParsePeriod(command);
  if (!period) {
    ctx.err << "plenary: error: " << period.error().message << '\n';
    return kExitUsage;
  }
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  auto meetings = (*store)->Meetings();
  if (!meetings.ok()) return Fail(ctx, meetings.error());
  auto rosters = (*store)->Rosters();
  if (!rosters.ok()) return Fail(ctx, rosters.error());
  Result<std::vector<GroupLog>> groups = SelectGroup(GroupsOf(*meetings, *rosters), command.group);
  if (!groups) {
    ctx.err << "plenary: error: " << groups.error().message << '\n';
    return kExitUsage;
  }
  if (command.by_affiliation)
    return PrintByAffiliation(ctx, *groups, *period ? **period : AllMeetings(), command.json);
  if (*period) return PrintPeriod(ctx, *groups, **period, command.json);
  return PrintLog(ctx, *groups, command.json);
}

}  // namespace plenary
