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

// The report's head: who `roster` has appointed by `affiliation` and its
// contact, or NotFound when nobody (or when there is no roster).
Result<ReportBack> Appointed(const std::string& group, const Roster* roster,
                             const std::string& affiliation, Date from, Date to) {
  ReportBack report{group, "", from, to, {}, std::nullopt, {}, {}, {}, {}, {}};
  if (roster) {
    for (const Person& p : roster->people) {
      if (p.role != Role::kMember && p.role != Role::kLiaison) continue;
      if (p.affiliation.empty() || FoldName(p.affiliation) != FoldName(affiliation)) continue;
      if (report.affiliation.empty()) report.affiliation = p.affiliation;
      report.appointees.push_back(p.name);
    }
    for (const OrganisationAddress& o : roster->organisations)
      if (FoldName(o.name) == FoldName(affiliation)) report.contact = o.email;
  }
  if (report.appointees.empty())
    return Error::NotFound(fmt::format(
        "no member of {} is appointed by '{}' (the roster's affiliation:)", group, affiliation));
  return report;
}

}  // namespace

Result<ReportBack> BuildReportBack(const GroupRegisters& r, const std::string& affiliation,
                                   Date from, Date to) {
  auto head = Appointed(r.group, r.roster ? &*r.roster : nullptr, affiliation, from, to);
  if (!head) return head.error();
  ReportBack& report = *head;
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
  return head;
}

Status CheckAppointed(Store& store, const std::string& group, const std::string& affiliation) {
  auto roster = store.FindRoster(group);
  if (!roster) return roster.error();
  if (!*roster) return Status::Ok();  // no roster: BuildReportBack says so, with the group's name
  auto head = Appointed((*roster)->group.short_name, &**roster, affiliation, Date{}, Date{});
  if (!head) return head.error();
  return Status::Ok();
}

Result<ReportBack> ReadReportBack(Store& store, const std::string& group,
                                  const std::string& affiliation, Date from, Date to, Date today) {
  if (Status appointed = CheckAppointed(store, group, affiliation); !appointed)
    return appointed.error();
  auto registers = LoadRegisters(store, group, today);
  if (!registers) return registers.error();
  return BuildReportBack(registers->at(0), affiliation, from, to);
}

}  // namespace plenary
