#include "core/affiliation.h"

#include "core/text.h"

namespace plenary {
namespace {

const Person* Find(const Roster& roster, const std::string& name) {
  for (const Person& p : roster.people)
    if (p.name == name) return &p;
  return nullptr;
}

bool IsAppointee(const Person& p) { return p.role == Role::kMember || p.role == Role::kLiaison; }

}  // namespace

std::vector<std::string> RosterAffiliations(const Roster& roster) {
  std::vector<std::string> out;
  for (const Person& p : roster.people) {
    if (!IsAppointee(p) || p.affiliation.empty()) continue;
    bool known = false;
    for (const std::string& a : out) known = known || FoldName(a) == FoldName(p.affiliation);
    if (!known) out.push_back(p.affiliation);
  }
  return out;
}

bool HasAffiliations(const Roster& roster) { return !RosterAffiliations(roster).empty(); }

std::vector<AffiliationParticipation> ParticipationByAffiliation(
    const std::vector<Participation>& rows, const Roster& roster) {
  std::vector<AffiliationParticipation> out;
  std::optional<AffiliationParticipation> none;
  for (const Participation& row : rows) {
    const Person* person = Find(roster, row.name);
    if (!person || !IsAppointee(*person)) continue;
    AffiliationParticipation* sum = nullptr;
    if (person->affiliation.empty()) {
      if (!none) none.emplace();
      sum = &*none;
    } else {
      for (AffiliationParticipation& a : out)
        if (FoldName(a.affiliation) == FoldName(person->affiliation)) sum = &a;
      if (!sum) sum = &out.emplace_back(AffiliationParticipation{person->affiliation});
    }
    sum->members.push_back(row.name);
    if (person->capacity == Capacity::kRepresentative) ++sum->representatives;
    if (person->capacity == Capacity::kIndividual) ++sum->individuals;
    sum->held += row.held;
    sum->present += row.present;
    sum->apologies += row.apologies;
    sum->absent += row.absent;
  }
  if (none) out.push_back(std::move(*none));
  for (AffiliationParticipation& a : out)
    if (a.held > 0) a.rate = static_cast<double>(a.present) / a.held;
  return out;
}

}  // namespace plenary
