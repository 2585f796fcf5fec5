// Participation by appointing organisation: the SO or AC (or the Board, or
// any affiliation) that appointed each member, summed over its appointees.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/attendance.h"
#include "plenary/model.h"

namespace plenary {

struct AffiliationParticipation {
  std::string affiliation;           // as the roster writes it; "" for members with none
  std::vector<std::string> members;  // its rated members and liaisons, in `rows`' order
  int representatives = 0;           // members serving as its representatives (roster's capacity:)
  int individuals = 0;               // members serving in an individual capacity
  int held = 0;                      // summed over the members: meetings each was expected at
  int present = 0;
  int apologies = 0;
  int absent = 0;
  std::optional<double> rate;  // present / held; none when held is 0
  friend bool operator==(const AffiliationParticipation&,
                         const AffiliationParticipation&) = default;
};

// `rows` (ParticipationOver's, of one group) summed by each member's
// affiliation in `roster`: only members and liaisons on the roster count
// (staff, observers and names not on the roster are not appointees).
// Affiliations in order of their first member in `rows`, those with none
// last; folded names compared, the first spelling kept.
std::vector<AffiliationParticipation> ParticipationByAffiliation(
    const std::vector<Participation>& rows, const Roster& roster);

// The affiliations of the roster's members and liaisons, each as first
// written (compared folded), in roster order. The pages show participation
// by affiliation only when there is one (HasAffiliations).
std::vector<std::string> RosterAffiliations(const Roster& roster);
bool HasAffiliations(const Roster& roster);

}  // namespace plenary
