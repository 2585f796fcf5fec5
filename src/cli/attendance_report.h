// How `plenary attendance` shows attendance and participation: the grid of
// meetings by members, the participation table of a period, and their JSON
// (documented in doc/cli.md). Internal to the CLI.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/affiliation.h"
#include "core/attendance.h"
#include "plenary/model.h"
#include "publish/attendance_log.h"

namespace plenary {

// "P" present, "A" apologies, "-" absent; a blank cell where the person was
// not expected (outside their membership, or not of the sub-team); then each
// person's present/held and rate; then staff and observers apart.
void PrintGrid(std::ostream& out, const Block& block, const std::vector<Participation>& rows);

// Held, present, apologies, absent and rate per person; then staff and
// observers apart.
void PrintParticipation(std::ostream& out, const Block& block, const Period& period,
                        const std::vector<Participation>& rows);

// Held, present, apologies, absent and rate per appointing organisation, with
// its members.
void PrintAffiliations(std::ostream& out, const Block& block, const Period& period,
                       const std::vector<AffiliationParticipation>& sums);

}  // namespace plenary
