// The roster file: a group and its people, one person a line.
//
//   # comment
//   group: SSR2
//   name: Second Security, Stability, and Resiliency Review Team
//   active: 2017-03-01 to 2021-01-31
//   Alain Aina | member | AA
//   Kerry-Ann Barrett | member | KAB, Kerry Ann Barrett
//
// The format is documented in doc/roster-format.md.
#pragma once

#include <string_view>

#include "importers/source_text.h"
#include "plenary/model.h"
#include "plenary/result.h"

namespace plenary {

// Reads a roster from `source`. Every problem is an InvalidInput error located
// at its line and column; a roster with no "group:" line, a person listed
// twice, or an alias that names two people is refused.
Result<Roster> ReadRoster(const SourceText& source);

}  // namespace plenary
