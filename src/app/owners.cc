#include "app/owners.h"

#include "core/directory.h"
#include "core/text.h"

namespace plenary {

Result<std::vector<Owner>> ResolveOwnerNames(Store& store, const std::string& group,
                                             const std::vector<std::string>& names) {
  auto roster = store.FindRoster(group);
  if (!roster.ok()) return roster.error();
  Directory directory(*roster ? &**roster : nullptr, group);
  std::vector<Owner> owners;
  for (const std::string& name : names)
    if (!Trim(name).empty()) owners.push_back(directory.ResolveOwner(Trim(name)));
  return owners;
}

}  // namespace plenary
