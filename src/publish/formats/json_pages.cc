// The JSON pages: the shapes `--json` prints (publish/json.h), so a tool
// reading the published files reads what it reads from the CLI.
#include "core/date.h"
#include "publish/attendance_log.h"
#include "publish/formats/data_formats.h"
#include "publish/json.h"

namespace plenary {
namespace {

using json = nlohmann::ordered_json;

std::string Dump(const json& value) { return value.dump(2) + "\n"; }

json MonthJson(const GroupRegisters& r, Date first) {
  json months = json::array();
  Result<Period> month = ParseMonth(FormatIsoDate(first).substr(0, 7));
  if (!month) return months;
  GroupLog log{r.group, r.roster ? &*r.roster : nullptr, r.meetings};
  for (const Block& block : BlocksOf(log, month->from, month->to))
    months.push_back(
        ParticipationJson(block, *month, ParticipationIn(block, month->from, month->to)));
  return months;
}

// The group's meetings of each month summed by affiliation, as
// `plenary attendance --by-affiliation --month M --json` prints them.
json AffiliationMonthsJson(const GroupRegisters& r) {
  json months = json::array();
  GroupLog log{r.group, &*r.roster, r.meetings};
  for (const Date& first : publish_detail::MeetingMonths(r)) {
    Result<Period> month = ParseMonth(FormatIsoDate(first).substr(0, 7));
    if (!month) continue;
    Block whole = BlocksOf(log, month->from, month->to).front();
    months.push_back(AffiliationsJson(
        whole, *month,
        ParticipationByAffiliation(ParticipationIn(whole, month->from, month->to), *r.roster)));
  }
  return months;
}

}  // namespace

std::string MeetingsJson(const GroupRegisters& r) {
  json out = json::array();
  for (const Meeting& m : r.meetings) out.push_back(MeetingJson(m));
  return Dump(out);
}

std::string ActionItemsJson(const GroupRegisters& r) {
  json out = json::array();
  for (const RegisteredAction& a : r.actions) out.push_back(RegisteredActionJson(a));
  return Dump(out);
}

std::string DecisionsJson(const GroupRegisters& r) {
  json out = json::array();
  for (const RegisteredDecision& d : r.decisions) out.push_back(RegisteredDecisionJson(d));
  return Dump(out);
}

std::string AttendanceLogJson(const GroupRegisters& r) {
  const Roster* roster = r.roster ? &*r.roster : nullptr;
  json meetings = json::array(), months = json::array();
  for (const Meeting& m : r.meetings) meetings.push_back(AttendanceJson(AttendanceOf(m, roster)));
  for (const Date& first : publish_detail::MeetingMonths(r))
    for (json& block : MonthJson(r, first)) months.push_back(std::move(block));
  json out{{"meetings", meetings}, {"participation_by_month", months}};
  if (r.roster && HasAffiliations(*r.roster))
    out["participation_by_affiliation_by_month"] = AffiliationMonthsJson(r);
  return Dump(out);
}

std::string MonthParticipationJson(const GroupRegisters& r, Date month) {
  return Dump(MonthJson(r, month));
}

}  // namespace plenary
