// The web app's records as JSON: users, audit entries and search hits, in the
// shapes the CLI's --json prints and the audit log keeps (doc/cli.md).
#pragma once

#include <nlohmann/json.hpp>

#include "plenary/site.h"

namespace plenary {

// {id, login, name, person, admin, grants[{group, role}]}; never a password hash.
nlohmann::ordered_json UserJson(const User& user);
// {id, at (ISO 8601 UTC), who, action, group, target, before, after}; before
// and after are parsed back into JSON (null when empty).
nlohmann::ordered_json AuditEntryJson(const AuditEntry& entry);
// {kind (note|action|decision|meeting), group, meeting, date, action_id
//  (null unless an action), snippet, highlights[[begin, end]]}
nlohmann::ordered_json SearchHitJson(const SearchHit& hit);

}  // namespace plenary
