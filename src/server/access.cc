#include "server/access.h"

#include "core/text.h"

namespace plenary {
namespace {

const GroupGrant* GrantOf(const Viewer& viewer, const std::string& group) {
  if (!viewer.user) return nullptr;
  for (const GroupGrant& g : viewer.user->grants)
    if (EqualsNoCase(g.group, group)) return &g;
  return nullptr;
}

}  // namespace

bool MayRead(const RouteCall& call, const std::string& group) {
  if (!call.resources.site) return true;
  if (call.viewer.user && call.viewer.user->admin) return true;
  if (GrantOf(call.viewer, group)) return true;
  auto is_public = call.resources.site->GroupIsPublic(group);
  return is_public.ok() && *is_public;
}

bool MayEdit(const RouteCall& call, const std::string& group) {
  if (!call.resources.site) return true;
  if (call.viewer.user && call.viewer.user->admin) return true;
  const GroupGrant* grant = GrantOf(call.viewer, group);
  return grant && grant->role == GroupRole::kSecretariat;
}

}  // namespace plenary
