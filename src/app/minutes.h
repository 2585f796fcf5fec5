// Minutes straight from notes, without a register: `plenary minutes` reads a
// log (or any notes) and publishes it, as scribe.perl turns a W3C log into
// minutes in one step. The registers are those an empty store would hold
// after importing the batch: the same replay (core/register), the same ids,
// so the pages are those `plenary import` into a new register followed by
// `plenary publish` would write.
#pragma once

#include <optional>
#include <vector>

#include "core/date.h"
#include "plenary/store.h"
#include "publish/registers.h"

namespace plenary {

// The registers of `batch`'s meetings, one per group in short-name order
// (case-insensitive), each with the batch's roster when it is that group's.
// A meeting given twice counts as its last version, as an import keeps it.
std::vector<GroupRegisters> RegistersOfMeetings(const ImportBatch& batch, Date today);

}  // namespace plenary
