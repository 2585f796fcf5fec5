#include "server/access.h"

#include "server/auth.h"

namespace plenary {

GroupAccess AccessOf(const RouteCall& call, const std::string& group) {
  GroupAccess access{group, false};
  if (call.resources.site) {
    auto is_public = call.resources.site->GroupIsPublic(group);
    access.is_public = is_public.ok() && *is_public;
  }
  return access;
}

bool May(const RouteCall& call, Operation operation, const std::string& group) {
  return IsAllowed(ActorOf(call.viewer), operation, AccessOf(call, group));
}

bool MayRead(const RouteCall& call, const std::string& group) {
  return May(call, Operation::kReadGroup, group);
}

bool SeesAddresses(const RouteCall& call, const std::string& group) {
  Actor actor = ActorOf(call.viewer);
  return IsAdmin(actor) || RoleIn(actor, group).has_value();
}

}  // namespace plenary
