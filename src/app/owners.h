// Owners as a person types them ("Ann, ICANN Org"), resolved through the
// group's roster: canonical names, aliases, initials and organisations.
#pragma once

#include <string>
#include <vector>

#include "plenary/model.h"
#include "plenary/result.h"
#include "plenary/store.h"

namespace plenary {

// Each non-blank name resolved with `group`'s roster (if it has one); a name
// that matches nobody is kept as written (OwnerKind::kUnresolved).
Result<std::vector<Owner>> ResolveOwnerNames(Store& store, const std::string& group,
                                             const std::vector<std::string>& names);

}  // namespace plenary
