// Every change to a register or to the site goes through here, for the CLI and
// the web app alike: the Authorizer is asked first, then the write is made,
// then an AuditEntry records who, when, what, and the thing before and after
// (as JSON in publish/json's shapes). A refused change writes nothing: neither
// the register nor the audit log.
//
// Refusals: a group the actor may not read is NotFound, worded as for a thing
// that does not exist (private groups are invisible); a group the actor reads
// but may not change is PermissionDenied.
//
// The write and its audit entry are one transaction: the store writes the
// entries Editing makes for it (AuditOf, store.h) before it commits, so a
// change is never stored without its entry, whatever kills the process. The
// one exception is AddUser (the account, then each grant, then its entry):
// a command-line administration step, not a web write.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/authorizer.h"
#include "plenary/site.h"
#include "plenary/store.h"

namespace plenary {

struct CreatedApiToken {
  ApiToken token;
  std::string secret;  // shown once; only its digest is stored
};

// A change to one task of a work plan, as a person makes it in the web app
// or the API: each field given replaces the task's; names as people type
// them (a name, alias or initials of the roster).
struct TaskEdit {
  std::optional<std::string> title;
  std::optional<std::string> leader;
  std::optional<std::vector<std::string>> people;
  std::optional<Date> start;
  std::optional<Date> target;
  std::optional<TaskStatus> status;
  std::optional<std::vector<std::int64_t>> items;  // linked by hand
};

class Editing {
 public:
  using UnixClock = std::function<std::int64_t()>;

  // Both stores must outlive this object. `now` stamps audit entries.
  Editing(Store& store, SiteStore& site, UnixClock now = SystemUnixTime);

  // kImport on every meeting's group, kEditRoster on the roster's,
  // kEditWorkPlan on each work plan's. One audit entry "import" per group
  // whose roster or meetings changed, after: {roster, meetings[{kind, number,
  // source, sha256, outcome}]}; before: the roster when it changed. One
  // "workplan.import" per work plan that changed, target "workplan/GROUP",
  // before: the stored plan (WorkPlanJson), after: {outcome, workplan}.
  Result<ImportReport> Import(const Actor& actor, const ImportBatch& batch);

  // MayEditTask for the task's sub-team: the secretariat, or the sub-team's
  // lead. NotFound for a group the actor may not read or a task its plan
  // lacks; InvalidInput for a name not on the roster ("unknown person 'X' as
  // leader: not on SSR2's roster"), an end before the start, or an item not
  // in the group's register. Audit "task.edit", target "task/GROUP/LABEL",
  // before and after TaskJson (publish/workplan_json.h).
  Result<WorkPlanTask> EditTask(const Actor& actor, const std::string& group,
                                const std::string& label, const TaskEdit& edit);

  // MayEditAction. edit.who is set to the actor's login when empty. Audit
  // "action.edit", target "action/ID", before and after the item.
  Result<RegisteredAction> EditAction(const Actor& actor, std::int64_t id, ActionEdit edit);
  // kMergeActions. Audit "action.merge", target "action/FROM".
  Status MergeActions(const Actor& actor, std::int64_t into, std::int64_t from, ActionEdit by);
  // kMergeActions. Audit "action.unmerge", target "action/FROM".
  Status UnmergeAction(const Actor& actor, std::int64_t from);

  // kSetGroupPublic. Audit "group.public", target "group/NAME".
  Status SetGroupPublic(const Actor& actor, const std::string& group, bool is_public);

  // kEditAction on the reminder's group (sending reminders is the
  // secretariat's). Records a reminder sent (SiteStore::RecordReminder) and,
  // when it was not already recorded, audits "reminder.send", target
  // "reminder/GROUP/DAY/RECIPIENT", after: {recipient, address, day,
  // message_id, items}. False when one for the same day was already there.
  Result<bool> RecordReminder(const Actor& actor, const SentReminder& sent);
  // kEditAction. Audits "reminder.fail" (nothing else is written: the next
  // run tries again), after: {recipient, address, day, error}.
  Status RecordReminderFailure(const Actor& actor, const SentReminder& attempted,
                               const std::string& error);

  // A signed-in user's own reminder settings in `group`: the address of the
  // roster person their account is linked to (User::person; nullopt clears
  // it) and whether they want reminders. kReadGroup, and the actor must be
  // that person (PermissionDenied for the command line, an account linked to
  // nobody, or a person not on the group's roster); InvalidInput for an
  // address IsEmailAddress refuses. The roster is saved with only that
  // person changed. Audit "roster.contact", target "person/GROUP/NAME",
  // before and after: {email, reminders}. A later roster import replaces it
  // like every other field (the roster page's text shows the current one).
  Result<Person> SetOwnReminderSettings(const Actor& actor, const std::string& group,
                                        std::optional<std::string> email, bool reminders);

  // kManageUsers, for all of these. Audit "user.add", "user.grant",
  // "user.passwd" (no hash in the log), "token.create" (no secret),
  // "token.revoke"; target "user/LOGIN" or "token/ID".
  Result<User> AddUser(const Actor& actor, const NewUser& user,
                       const std::vector<GroupGrant>& grants);
  Status SetGrant(const Actor& actor, const std::string& login, const std::string& group,
                  std::optional<GroupRole> role);
  Status SetPasswordHash(const Actor& actor, const std::string& login, const std::string& hash);
  Result<CreatedApiToken> CreateApiToken(const Actor& actor, const std::string& login,
                                         const std::string& name);
  Status RevokeApiToken(const Actor& actor, std::int64_t token_id);

  static std::int64_t SystemUnixTime();

 private:
  Result<GroupAccess> AccessTo(const std::string& group);
  Status Require(const Actor& actor, Operation operation, const std::string& group);
  Result<RegisteredAction> VisibleAction(const Actor& actor, std::int64_t id);
  Result<User> UserByLogin(const std::string& login);
  // An audit entry by `actor`, now. Entries are written by the store in the
  // change's own transaction (AuditOf in store.h); Audit appends one alone.
  AuditEntry Entry(const Actor& actor, std::string action, std::string group, std::string target,
                   std::string before, std::string after);
  Status Audit(const Actor& actor, std::string action, std::string group, std::string target,
               std::string before, std::string after);

  Store& store_;
  SiteStore& site_;
  UnixClock now_;
};

}  // namespace plenary
