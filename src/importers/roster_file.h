// The roster file: a group, its people (one a line, with optional membership
// dates) and its sub-teams.
//
//   # comment
//   group: SSR2
//   name: Second Security, Stability, and Resiliency Review Team
//   active: 2017-03-01 to 2021-01-31
//   Alain Aina | member | AA
//   Kerry-Ann Barrett | member | KAB, Kerry Ann Barrett
//   Eric Osterweil | member | EO | 2017-08-01 to
//   subteam: SSR1 review | lead: Denise Michel | members: DM, ET, JG
//
// The format is documented in doc/roster-format.md.
#pragma once

#include <string_view>

#include "importers/source_text.h"
#include "plenary/model.h"
#include "plenary/result.h"

namespace plenary {

// Reads a roster from `source`. Every problem is an InvalidInput error located
// at its line and column; refused, among others: a roster with no "group:"
// line, a person listed twice, an alias that names two people, membership
// dates that end before they start or fall outside the group's active period,
// a sub-team listed twice, a sub-team member who matches nobody on the roster
// (or is staff or an observer), a lead who is not one of the sub-team's
// members. Sub-team leads and members are stored by canonical name.
Result<Roster> ReadRoster(const SourceText& source);

}  // namespace plenary
