// A roster written back in the roster file format (doc/roster-format.md), so
// that a person can edit it as text: reading the output with ReadRoster gives
// the same Roster.
#pragma once

#include <string>

#include "plenary/model.h"

namespace plenary {

std::string RosterText(const Roster& roster);

}  // namespace plenary
