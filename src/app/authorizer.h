// Who may do what: a pure decision from the actor, the operation and the
// group, with no I/O. The web app and the CLI ask it before every read of a
// group and every write (src/app/editing.h).
//
// Roles (doc/security.md):
//  - admin: everything, everywhere. The command line is trusted like an admin.
//  - secretariat of a group: reads and edits it (imports, items, merges,
//    roster, work plan), reads its audit log.
//  - member of a group: reads it; marks items they own done, with a note;
//    edits the tasks of the sub-team they lead (the roster's "lead:").
//  - anyone, signed in or not: reads public groups.
// Private groups are invisible to everyone else.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "plenary/model.h"
#include "plenary/site.h"
#include "plenary/store.h"

namespace plenary {

enum class Operation {
  kReadGroup,          // its meetings, registers, search hits, feeds
  kEditAction,         // status, due date, owners, notes of any item
  kMarkOwnActionDone,  // complete an item the actor owns, with a note
  kImport,             // import notes of the group
  kEditRoster,         // import the group's roster
  kMergeActions,       // merge and unmerge items
  kSetGroupPublic,     // make the group public or private
  kManageUsers,        // add users, grant roles, set passwords, API tokens
  kViewAudit,          // the group's audit log (site-wide: empty group name)
  kEditWorkPlan,       // import the work plan, edit any task (a sub-team's lead: MayEditTask)
};

// Every operation, for tables and tests.
inline constexpr Operation kAllOperations[] = {
    Operation::kReadGroup,      Operation::kEditAction,  Operation::kMarkOwnActionDone,
    Operation::kImport,         Operation::kEditRoster,  Operation::kMergeActions,
    Operation::kSetGroupPublic, Operation::kManageUsers, Operation::kViewAudit,
    Operation::kEditWorkPlan};

std::string_view OperationName(Operation operation);

// "member" or "secretariat", as the CLI and the JSON write them.
std::string_view GroupRoleName(GroupRole role);
std::optional<GroupRole> ParseGroupRole(std::string_view text);

// Who is acting: nobody (a visitor), a signed-in user, or the command line.
struct Actor {
  std::string who;           // for the audit log: login, "cli:<os user>", "anonymous"
  std::optional<User> user;  // the signed-in user
  bool trusted = false;      // the command line

  static Actor Anonymous();
  static Actor SignedIn(User user);
  static Actor CommandLine(std::string os_user);
};

// The group an operation is on. An empty name means the whole site (user
// management, the site-wide audit log).
struct GroupAccess {
  std::string name;
  bool is_public = false;
};

bool IsAdmin(const Actor& actor);

// The actor's role in `group` (case-insensitive), if granted one.
std::optional<GroupRole> RoleIn(const Actor& actor, std::string_view group);

bool IsAllowed(const Actor& actor, Operation operation, const GroupAccess& group);

// Whether the actor's roster name (User::person) is among `action`'s owners,
// through the group's roster (`roster` may be null): its canonical name,
// aliases or initials.
bool OwnsAction(const Actor& actor, const RegisteredAction& action, const Roster* roster);

// Whether the edit only completes the item, with or without a note.
bool IsMarkDone(const ActionEdit& edit);

// Whether the actor may make `edit` to `action`: kEditAction, or a mark-done
// by an owner who holds kMarkOwnActionDone.
bool MayEditAction(const Actor& actor, const GroupAccess& group, const RegisteredAction& action,
                   const ActionEdit& edit, const Roster* roster);

// Whether the actor's roster name (User::person) is the lead of `roster`'s
// sub-team `subteam` (null roster: no).
bool LeadsSubTeam(const Actor& actor, const Roster* roster, std::string_view subteam);

// Whether the actor may edit a task of `subteam`'s work plan: kEditWorkPlan
// (the secretariat), or a member of the group who leads the sub-team.
bool MayEditTask(const Actor& actor, const GroupAccess& group, const Roster* roster,
                 std::string_view subteam);

}  // namespace plenary
