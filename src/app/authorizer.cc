#include "app/authorizer.h"

#include <utility>

#include "core/directory.h"
#include "core/subteam.h"
#include "core/text.h"

namespace plenary {

std::string_view OperationName(Operation operation) {
  switch (operation) {
    case Operation::kReadGroup:
      return "read the group";
    case Operation::kEditAction:
      return "edit action items";
    case Operation::kMarkOwnActionDone:
      return "mark own action items done";
    case Operation::kImport:
      return "import notes";
    case Operation::kEditRoster:
      return "edit the roster";
    case Operation::kMergeActions:
      return "merge action items";
    case Operation::kSetGroupPublic:
      return "make a group public or private";
    case Operation::kManageUsers:
      return "manage users";
    case Operation::kViewAudit:
      return "view the audit log";
    case Operation::kEditWorkPlan:
      return "edit the work plan";
  }
  return "?";
}

std::string_view GroupRoleName(GroupRole role) {
  return role == GroupRole::kSecretariat ? "secretariat" : "member";
}

std::optional<GroupRole> ParseGroupRole(std::string_view text) {
  if (EqualsNoCase(text, "member")) return GroupRole::kMember;
  if (EqualsNoCase(text, "secretariat")) return GroupRole::kSecretariat;
  return std::nullopt;
}

Actor Actor::Anonymous() { return {"anonymous", std::nullopt, false}; }

Actor Actor::SignedIn(User user) {
  std::string who = user.login;
  return {std::move(who), std::move(user), false};
}

Actor Actor::CommandLine(std::string os_user) { return {"cli:" + os_user, std::nullopt, true}; }

bool IsAdmin(const Actor& actor) { return actor.trusted || (actor.user && actor.user->admin); }

std::optional<GroupRole> RoleIn(const Actor& actor, std::string_view group) {
  if (!actor.user || group.empty()) return std::nullopt;
  for (const GroupGrant& grant : actor.user->grants)
    if (EqualsNoCase(grant.group, group)) return grant.role;
  return std::nullopt;
}

bool IsAllowed(const Actor& actor, Operation operation, const GroupAccess& group) {
  if (IsAdmin(actor)) return true;
  std::optional<GroupRole> role = RoleIn(actor, group.name);
  bool secretariat = role == GroupRole::kSecretariat;
  switch (operation) {
    case Operation::kReadGroup:
      return role.has_value() || (group.is_public && !group.name.empty());
    case Operation::kMarkOwnActionDone:
      return role.has_value();
    case Operation::kEditAction:
    case Operation::kImport:
    case Operation::kEditRoster:
    case Operation::kMergeActions:
    case Operation::kViewAudit:
    case Operation::kEditWorkPlan:
      return secretariat;
    case Operation::kSetGroupPublic:
    case Operation::kManageUsers:
      return false;
  }
  return false;
}

bool OwnsAction(const Actor& actor, const RegisteredAction& action, const Roster* roster) {
  if (!actor.user || Trim(actor.user->person).empty()) return false;
  const std::string& person = actor.user->person;
  if (FindInvalidUtf8(person) != std::string::npos) return false;
  Directory directory(roster, action.meeting.group);
  const Person* me = directory.FindPerson(person);
  for (const Owner& owner : action.item.owners) {
    if (owner.kind == OwnerKind::kOrganisation) continue;
    if (directory.Names(owner, person)) return true;
    if (me && directory.FindPerson(owner.name) == me) return true;
  }
  return false;
}

bool IsMarkDone(const ActionEdit& edit) {
  return edit.status == ActionStatus::kComplete && !edit.due && !edit.owners;
}

bool MayEditAction(const Actor& actor, const GroupAccess& group, const RegisteredAction& action,
                   const ActionEdit& edit, const Roster* roster) {
  if (IsAllowed(actor, Operation::kEditAction, group)) return true;
  return IsMarkDone(edit) && IsAllowed(actor, Operation::kMarkOwnActionDone, group) &&
         OwnsAction(actor, action, roster);
}

bool LeadsSubTeam(const Actor& actor, const Roster* roster, std::string_view subteam) {
  if (!roster || !actor.user || Trim(actor.user->person).empty()) return false;
  if (FindInvalidUtf8(actor.user->person) != std::string::npos) return false;
  const SubTeam* team = FindSubTeam(*roster, subteam);
  if (!team || !team->leader) return false;
  const Person* me = Directory(roster, roster->group.short_name).FindPerson(actor.user->person);
  return me && me->name == *team->leader;
}

bool MayEditTask(const Actor& actor, const GroupAccess& group, const Roster* roster,
                 std::string_view subteam) {
  if (IsAllowed(actor, Operation::kEditWorkPlan, group)) return true;
  return RoleIn(actor, group.name).has_value() && LeadsSubTeam(actor, roster, subteam);
}

}  // namespace plenary
