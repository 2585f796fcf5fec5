// Who may do what with a group, asked of the authorizer (app/authorizer.h)
// for the request's viewer: admins everything; a group's secretariat reads and
// edits it; its members read it (and mark their own items done); the public
// reads public groups only. Without site tables every group is private.
#pragma once

#include <string>

#include "app/authorizer.h"
#include "server/router.h"

namespace plenary {

// The group as the authorizer sees it (whether it is public).
GroupAccess AccessOf(const RouteCall& call, const std::string& group);

bool May(const RouteCall& call, Operation operation, const std::string& group);
bool MayRead(const RouteCall& call, const std::string& group);
// Whether the viewer may see the group's e-mail addresses: admins and the
// group's own people (a public group's visitors see who is on it, not where
// to write to them).
bool SeesAddresses(const RouteCall& call, const std::string& group);

}  // namespace plenary
