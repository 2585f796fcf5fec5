#include "app/report_back.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"

namespace plenary {
namespace {

bool Within(const Date& d, const Date& from, const Date& to) { return !(d < from) && !(to < d); }

bool CompletedWithin(const RegisteredAction& a, const Date& from, const Date& to) {
  if (a.item.status != ActionStatus::kComplete) return false;
  return std::any_of(a.history.begin(), a.history.end(), [&](const ActionChange& c) {
    return c.change.rfind("completed", 0) == 0 && Within(c.date, from, to);
  });
}

bool OwnedBy(const RegisteredAction& a, const std::vector<std::string>& people) {
  return std::any_of(a.item.owners.begin(), a.item.owners.end(), [&](const Owner& o) {
    return o.kind == OwnerKind::kPerson &&
           std::find(people.begin(), people.end(), o.name) != people.end();
  });
}

}  // namespace

Result<ReportBack> BuildReportBack(const GroupRegisters& r, const std::string& affiliation,
                                   Date from, Date to) {
  ReportBack report{r.group, "", from, to, {}, std::nullopt, {}, {}, {}, {}, {}};
  if (r.roster) {
    for (const Person& p : r.roster->people) {
      if (p.role != Role::kMember && p.role != Role::kLiaison) continue;
      if (p.affiliation.empty() || FoldName(p.affiliation) != FoldName(affiliation)) continue;
      if (report.affiliation.empty()) report.affiliation = p.affiliation;
      report.appointees.push_back(p.name);
    }
    for (const OrganisationAddress& o : r.roster->organisations)
      if (FoldName(o.name) == FoldName(affiliation)) report.contact = o.email;
  }
  if (report.appointees.empty())
    return Error::NotFound(fmt::format(
        "no member of {} is appointed by '{}' (the roster's affiliation:)", r.group, affiliation));
  for (const RegisteredDecision& d : r.decisions)
    if (Within(d.meeting_date, from, to)) report.decisions.push_back(d);
  for (const RegisteredAction& a : r.actions) {
    if (a.merged_into) continue;
    if (Within(a.meeting_date, from, to)) report.opened.push_back(a);
    if (CompletedWithin(a, from, to)) report.completed.push_back(a);
    if (a.item.status == ActionStatus::kOpen && OwnedBy(a, report.appointees))
      report.owned.push_back(a);
  }
  for (Participation& p :
       ParticipationOver(r.meetings, r.roster ? &*r.roster : nullptr, from, to, std::nullopt))
    if (std::find(report.appointees.begin(), report.appointees.end(), p.name) !=
        report.appointees.end())
      report.attendance.push_back(std::move(p));
  return report;
}

Status CheckAppointed(Store& store, const std::string& group, const std::string& affiliation) {
  auto roster = store.FindRoster(group);
  if (!roster) return roster.error();
  if (!*roster) return Status::Ok();  // no roster: BuildReportBack says so, with the group's name
  GroupRegisters appointing;
  appointing.group = (*roster)->group.short_name;
  appointing.roster = std::move(*roster);
  auto found = BuildReportBack(appointing, affiliation, Date{}, Date{});
  if (!found) return found.error();
  return Status::Ok();
}

Result<ReportBack> ReadReportBack(Store& store, const std::string& group,
                                  const std::string& affiliation, Date from, Date to,
                                  Date today) {
  if (Status appointed = CheckAppointed(store, group, affiliation); !appointed)
    return appointed.error();
  auto registers = LoadRegisters(store, group, today);
  if (!registers) return registers.error();
  return BuildReportBack(registers->at(0), affiliation, from, to);
}

}  // namespace plenary
