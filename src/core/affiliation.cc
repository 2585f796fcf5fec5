#include "core/affiliation.h"

#include "core/text.h"

namespace plenary {
namespace {

const Person* Find(const Roster& roster, const std::string& name) {
  for (const Person& p : roster.people)
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace

std::vector<AffiliationParticipation> ParticipationByAffiliation(
    const std::vector<Participation>& rows, const Roster& roster) {
  std::vector<AffiliationParticipation> out;
  std::optional<AffiliationParticipation> none;
  for (const Participation& row : rows) {
    const Person* person = Find(roster, row.name);
    if (!person || (person->role != Role::kMember && person->role != Role::kLiaison)) continue;
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
