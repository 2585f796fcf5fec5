// Who may do what with a group (issue #5): admins everything; a group's
// secretariat reads and edits it; its members read it (and mark their own
// items done); the public reads public groups only.
#pragma once

#include <string>

#include "server/router.h"

namespace plenary {

bool MayRead(const RouteCall& call, const std::string& group);
bool MayEdit(const RouteCall& call, const std::string& group);

}  // namespace plenary
