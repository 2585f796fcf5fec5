#include "app/editing.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <utility>

#include "app/credentials.h"
#include "core/date.h"
#include "core/directory.h"
#include "core/email_address.h"
#include "core/text.h"
#include "core/workplan.h"
#include "publish/json.h"
#include "publish/site_json.h"
#include "publish/workplan_json.h"

namespace plenary {
namespace {

using json = nlohmann::ordered_json;

// The item as the audit log keeps it: its state, not its whole history.
std::string ItemJson(const RegisteredAction& action) {
  json item = RegisteredActionJson(action);
  item.erase("history");
  return item.dump();
}

Error NoItem(std::int64_t id) { return Error::NotFound(fmt::format("no action item #{}", id)); }

// The groups a batch writes, each under the spelling it first appears with.
std::vector<std::string> GroupsOf(const ImportBatch& batch) {
  std::vector<std::string> groups;
  auto add = [&](const std::string& g) {
    for (const std::string& known : groups)
      if (EqualsNoCase(known, g)) return;
    groups.push_back(g);
  };
  if (batch.roster) add(batch.roster->group.short_name);
  for (const MeetingImport& m : batch.meetings) add(m.meeting.key.group);
  return groups;
}

// `task` with `edit` applied, names resolved against `roster`.
Result<WorkPlanTask> ApplyTaskEdit(WorkPlanTask task, const TaskEdit& edit, const Roster* roster,
                                   const std::string& group) {
  Directory directory(roster, group);
  auto person = [&](const std::string& written, std::string_view as) -> Result<std::string> {
    const Person* p = directory.FindPerson(Trim(written));
    if (!p)
      return Error::InvalidInput(
          fmt::format("unknown person '{}' as {}: not on {}'s roster", Trim(written), as, group));
    return p->name;
  };
  if (edit.title) {
    if (CollapseSpaces(*edit.title).empty()) return Error::InvalidInput("a task needs a title");
    task.title = CollapseSpaces(*edit.title);
  }
  if (edit.leader) {
    auto leader = person(*edit.leader, "leader");
    if (!leader.ok()) return leader.error();
    task.leader = *leader;
  }
  if (edit.people) {
    task.people.clear();
    for (const std::string& written : *edit.people) {
      if (Trim(written).empty()) continue;
      auto name = person(written, "one of the people");
      if (!name.ok()) return name.error();
      if (std::find(task.people.begin(), task.people.end(), *name) == task.people.end())
        task.people.push_back(*name);
    }
  }
  if (edit.start) task.start = *edit.start;
  if (edit.target) task.target = *edit.target;
  if (task.target < task.start)
    return Error::InvalidInput(fmt::format("task {} ends ({}) before it starts ({})", task.label,
                                           FormatIsoDate(task.target), FormatIsoDate(task.start)));
  if (edit.status) task.status = *edit.status;
  if (edit.items) task.items = *edit.items;
  return task;
}

}  // namespace

std::int64_t Editing::SystemUnixTime() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Editing::Editing(Store& store, SiteStore& site, UnixClock now)
    : store_(store), site_(site), now_(std::move(now)) {}

Result<GroupAccess> Editing::AccessTo(const std::string& group) {
  if (group.empty()) return GroupAccess{};
  auto is_public = site_.GroupIsPublic(group);
  if (!is_public.ok()) return is_public.error();
  return GroupAccess{group, *is_public};
}

Status Editing::Require(const Actor& actor, Operation operation, const std::string& group) {
  auto access = AccessTo(group);
  if (!access.ok()) return access.error();
  if (IsAllowed(actor, operation, *access)) return Status::Ok();
  if (!group.empty() && !IsAllowed(actor, Operation::kReadGroup, *access))
    return Error::NotFound(fmt::format("no group {}", group));
  return Error::PermissionDenied(
      group.empty()
          ? fmt::format("{} may not {}", actor.who, OperationName(operation))
          : fmt::format("{} may not {} in {}", actor.who, OperationName(operation), group));
}

AuditEntry Editing::Entry(const Actor& actor, std::string action, std::string group,
                         std::string target, std::string before, std::string after) {
  AuditEntry entry;
  entry.at_unix = now_();
  entry.who = actor.who;
  entry.action = std::move(action);
  entry.group = std::move(group);
  entry.target = std::move(target);
  entry.before = std::move(before);
  entry.after = std::move(after);
  return entry;
}

Status Editing::Audit(const Actor& actor, std::string action, std::string group, std::string target,
                      std::string before, std::string after) {
  return site_.AppendAudit(Entry(actor, std::move(action), std::move(group), std::move(target),
                                 std::move(before), std::move(after)));
}

Result<ImportReport> Editing::Import(const Actor& actor, const ImportBatch& batch) {
  std::map<std::string, std::string> roster_before;  // group -> RosterJson
  if (batch.roster) {
    const std::string& group = batch.roster->group.short_name;
    if (Status s = Require(actor, Operation::kEditRoster, group); !s) return s.error();
    auto stored = store_.FindRoster(group);
    if (!stored.ok()) return stored.error();
    if (*stored) roster_before[group] = RosterJson(**stored).dump();
  }
  for (const MeetingImport& m : batch.meetings)
    if (Status s = Require(actor, Operation::kImport, m.meeting.key.group); !s) return s.error();
  std::map<std::string, std::string> plan_before;  // group -> WorkPlanJson
  for (const WorkPlan& plan : batch.workplans) {
    if (Status s = Require(actor, Operation::kEditWorkPlan, plan.group); !s) return s.error();
    auto stored = store_.FindWorkPlan(plan.group);
    if (!stored.ok()) return stored.error();
    if (*stored) plan_before[plan.group] = WorkPlanJson(**stored).dump();
  }
  // The audit entries are made from the store's report inside its transaction.
  auto audit = [&](const ImportReport& done) {
    std::vector<AuditEntry> entries;
    for (const std::string& group : GroupsOf(batch)) {
      json after = {{"roster", nullptr}, {"meetings", json::array()}};
      std::string before;
      if (batch.roster && EqualsNoCase(batch.roster->group.short_name, group) && done.roster) {
        after["roster"] = {{"outcome", ImportOutcomeName(*done.roster)},
                           {"roster", RosterJson(*batch.roster)}};
        before = roster_before[batch.roster->group.short_name];
      }
      bool changed = !after["roster"].is_null() && *done.roster != ImportOutcome::kUnchanged;
      for (const MeetingImportReport& r : done.meetings) {
        if (!EqualsNoCase(r.key.group, group)) continue;
        changed = changed || r.outcome != ImportOutcome::kUnchanged;
        const MeetingImport* source = nullptr;
        for (const MeetingImport& m : batch.meetings)
          if (m.meeting.key == r.key) source = &m;
        after["meetings"].push_back({{"kind", r.key.kind},
                                     {"number", r.key.number},
                                     {"source", source ? source->source.name : ""},
                                     {"sha256", source ? source->source.sha256 : ""},
                                     {"outcome", ImportOutcomeName(r.outcome)}});
      }
      // A re-import that changed nothing wrote nothing, so it leaves no trace either.
      if (changed) entries.push_back(Entry(actor, "import", group, "group/" + group, before, after.dump()));
    }
    for (std::size_t i = 0; i < done.workplans.size() && i < batch.workplans.size(); ++i) {
      const WorkPlan& plan = batch.workplans[i];
      if (done.workplans[i].outcome == ImportOutcome::kUnchanged) continue;
      json after = {{"outcome", ImportOutcomeName(done.workplans[i].outcome)},
                    {"workplan", WorkPlanJson(plan)}};
      entries.push_back(Entry(actor, "workplan.import", plan.group, "workplan/" + plan.group,
                              plan_before[plan.group], after.dump()));
    }
    return entries;
  };
  auto report = store_.Import(batch, audit);
  if (!report.ok()) return report;
  return report;
}

Result<WorkPlanTask> Editing::EditTask(const Actor& actor, const std::string& group,
                                       const std::string& label, const TaskEdit& edit) {
  auto access = AccessTo(group);
  if (!access.ok()) return access.error();
  Error no_task = Error::NotFound(fmt::format("no task {} in {}'s work plan", label, group));
  if (!IsAllowed(actor, Operation::kReadGroup, *access)) return no_task;
  auto plan = store_.FindWorkPlan(group);
  if (!plan.ok()) return plan.error();
  FoundTask found = *plan ? FindTask(**plan, label) : FoundTask{};
  if (!found.task) return no_task;
  auto roster = store_.FindRoster(group);
  if (!roster.ok()) return roster.error();
  const Roster* names = *roster ? &**roster : nullptr;
  if (!MayEditTask(actor, *access, names, found.subteam->subteam))
    return Error::PermissionDenied(
        fmt::format("{} may not change task {}: the secretariat and the lead of {} may", actor.who,
                    found.task->label, found.subteam->subteam));
  auto changed = ApplyTaskEdit(*found.task, edit, names, (*plan)->group);
  if (!changed.ok()) return changed;
  WorkPlanTask before = *found.task;
  return store_.EditTask((*plan)->group, before.label, *changed, [&](const WorkPlanTask& after) {
    return std::vector<AuditEntry>{Entry(actor, "task.edit", (*plan)->group,
                                         fmt::format("task/{}/{}", (*plan)->group, before.label),
                                         TaskJson(before).dump(), TaskJson(after).dump())};
  });
}

Result<RegisteredAction> Editing::VisibleAction(const Actor& actor, std::int64_t id) {
  auto item = store_.Action(id);
  if (!item.ok()) return item;
  auto access = AccessTo(item->meeting.group);
  if (!access.ok()) return access.error();
  if (!IsAllowed(actor, Operation::kReadGroup, *access)) return NoItem(id);
  return item;
}

Result<RegisteredAction> Editing::EditAction(const Actor& actor, std::int64_t id, ActionEdit edit) {
  auto before = VisibleAction(actor, id);
  if (!before.ok()) return before;
  const std::string& group = before->meeting.group;
  auto access = AccessTo(group);
  if (!access.ok()) return access.error();
  auto roster = store_.FindRoster(group);
  if (!roster.ok()) return roster.error();
  if (!MayEditAction(actor, *access, *before, edit, *roster ? &**roster : nullptr))
    return Error::PermissionDenied(fmt::format(
        "{} may not change #{}: members may only mark their own items done", actor.who, id));
  if (edit.who.empty()) edit.who = actor.user ? actor.user->login : actor.who;
  return store_.EditAction(id, edit, [&](const RegisteredAction& after) {
    return std::vector<AuditEntry>{Entry(actor, "action.edit", group, fmt::format("action/{}", id),
                                         ItemJson(*before), ItemJson(after))};
  });
}

Status Editing::MergeActions(const Actor& actor, std::int64_t into, std::int64_t from,
                             ActionEdit by) {
  auto kept = VisibleAction(actor, into);
  if (!kept.ok()) return kept.error();
  auto folded = VisibleAction(actor, from);
  if (!folded.ok()) return folded.error();
  if (Status s = Require(actor, Operation::kMergeActions, kept->meeting.group); !s) return s;
  if (Status s = Require(actor, Operation::kMergeActions, folded->meeting.group); !s) return s;
  if (by.who.empty()) by.who = actor.user ? actor.user->login : actor.who;
  return store_.MergeActions(into, from, by, [&](const RegisteredAction& after) {
    return std::vector<AuditEntry>{Entry(actor, "action.merge", kept->meeting.group,
                                         fmt::format("action/{}", from), ItemJson(*folded),
                                         ItemJson(after))};
  });
}

Status Editing::UnmergeAction(const Actor& actor, std::int64_t from) {
  auto before = VisibleAction(actor, from);
  if (!before.ok()) return before.error();
  if (Status s = Require(actor, Operation::kMergeActions, before->meeting.group); !s) return s;
  return store_.UnmergeAction(from, [&](const RegisteredAction& after) {
    return std::vector<AuditEntry>{Entry(actor, "action.unmerge", before->meeting.group,
                                         fmt::format("action/{}", from), ItemJson(*before),
                                         ItemJson(after))};
  });
}

Status Editing::SetGroupPublic(const Actor& actor, const std::string& group, bool is_public) {
  if (Status s = Require(actor, Operation::kSetGroupPublic, group); !s) return s;
  auto was = site_.GroupIsPublic(group);
  if (!was.ok()) return was.error();
  return site_.SetGroupPublic(group, is_public,
                              {Entry(actor, "group.public", group, "group/" + group,
                                     json{{"public", *was}}.dump(), json{{"public", is_public}}.dump())});
}

Result<bool> Editing::RecordReminder(const Actor& actor, const SentReminder& sent) {
  if (Status s = Require(actor, Operation::kEditAction, sent.group); !s) return s.error();
  auto recorded = site_.RecordReminder(sent);
  if (!recorded.ok() || !*recorded) return recorded;
  json after{{"recipient", sent.recipient},
             {"address", sent.address},
             {"day", sent.day},
             {"message_id", sent.message_id},
             {"items", sent.items}};
  if (Status s = Audit(actor, "reminder.send", sent.group,
                       fmt::format("reminder/{}/{}/{}", sent.group, sent.day, sent.recipient), "",
                       after.dump());
      !s)
    return s.error();
  return true;
}

Status Editing::RecordReminderFailure(const Actor& actor, const SentReminder& attempted,
                                      const std::string& error) {
  if (Status s = Require(actor, Operation::kEditAction, attempted.group); !s) return s;
  json after{{"recipient", attempted.recipient},
             {"address", attempted.address},
             {"day", attempted.day},
             {"error", error}};
  return Audit(
      actor, "reminder.fail", attempted.group,
      fmt::format("reminder/{}/{}/{}", attempted.group, attempted.day, attempted.recipient), "",
      after.dump());
}

Result<Person> Editing::SetOwnReminderSettings(const Actor& actor, const std::string& group,
                                               std::optional<std::string> email, bool reminders) {
  if (Status s = Require(actor, Operation::kReadGroup, group); !s) return s.error();
  if (!actor.user || actor.user->person.empty())
    return Error::PermissionDenied("your account is linked to nobody on a roster");
  if (email && !IsEmailAddress(*email))
    return Error::InvalidInput(
        fmt::format("'{}' is not an e-mail address (expected NAME@DOMAIN.TLD)", *email));
  auto roster = store_.FindRoster(group);
  if (!roster.ok()) return roster.error();
  Person* person = nullptr;
  if (*roster) {
    for (Person& p : (*roster)->people)
      if (FoldName(p.name) == FoldName(actor.user->person)) person = &p;
  }
  if (!person)
    return Error::PermissionDenied(
        fmt::format("{} is not on the roster of {}", actor.user->person, group));
  json before{{"email", person->email ? json(*person->email) : json(nullptr)},
              {"reminders", person->reminders}};
  person->email = std::move(email);
  person->reminders = reminders;
  json after{{"email", person->email ? json(*person->email) : json(nullptr)},
             {"reminders", person->reminders}};
  Person changed = *person;
  if (before == after) return changed;
  auto imported = store_.Import({**roster, {}});
  if (!imported.ok()) return imported.error();
  if (Status s = Audit(actor, "roster.contact", (*roster)->group.short_name,
                       fmt::format("person/{}/{}", (*roster)->group.short_name, changed.name),
                       before.dump(), after.dump());
      !s)
    return s.error();
  return changed;
}

Result<User> Editing::UserByLogin(const std::string& login) {
  auto found = site_.FindLogin(login);
  if (!found.ok()) return found.error();
  if (!*found) return Error::NotFound(fmt::format("no user '{}'", login));
  return std::move((*found)->first);
}

Result<User> Editing::AddUser(const Actor& actor, const NewUser& user,
                              const std::vector<GroupGrant>& grants) {
  if (Status s = Require(actor, Operation::kManageUsers, ""); !s) return s.error();
  for (const GroupGrant& g : grants)
    if (g.group.empty()) return Error::InvalidInput("grant: empty group name");
  auto created = site_.CreateUser(user);
  if (!created.ok()) return created;
  for (const GroupGrant& g : grants)
    if (Status s = site_.SetGrant(created->id, g.group, g.role); !s) return s.error();
  auto stored = site_.FindUser(created->id);
  if (!stored.ok()) return stored;
  if (Status s =
          Audit(actor, "user.add", "", "user/" + stored->login, "", UserJson(*stored).dump());
      !s)
    return s.error();
  return stored;
}

Status Editing::SetGrant(const Actor& actor, const std::string& login, const std::string& group,
                         std::optional<GroupRole> role) {
  if (Status s = Require(actor, Operation::kManageUsers, ""); !s) return s;
  auto before = UserByLogin(login);
  if (!before.ok()) return before.error();
  return site_.SetGrant(before->id, group, role, [&](const User& after) {
    return std::vector<AuditEntry>{Entry(actor, "user.grant", group, "user/" + after.login,
                                         UserJson(*before).dump(), UserJson(after).dump())};
  });
}

Status Editing::SetPasswordHash(const Actor& actor, const std::string& login,
                                const std::string& hash) {
  if (Status s = Require(actor, Operation::kManageUsers, ""); !s) return s;
  auto user = UserByLogin(login);
  if (!user.ok()) return user.error();
  return site_.SetPasswordHash(user->id, hash,
                               {Entry(actor, "user.passwd", "", "user/" + user->login, "", "")});
}

Result<CreatedApiToken> Editing::CreateApiToken(const Actor& actor, const std::string& login,
                                                const std::string& name) {
  if (Status s = Require(actor, Operation::kManageUsers, ""); !s) return s.error();
  if (Trim(name).empty()) return Error::InvalidInput("token name: empty");
  auto user = UserByLogin(login);
  if (!user.ok()) return user.error();
  CreatedApiToken created;
  created.secret = NewApiToken();
  auto token = site_.CreateApiToken(
      user->id, name, TokenDigest(created.secret), now_(), [&](const ApiToken& made) {
        json after = {{"id", made.id}, {"user", user->login}, {"name", made.name}};
        return std::vector<AuditEntry>{
            Entry(actor, "token.create", "", fmt::format("token/{}", made.id), "", after.dump())};
      });
  if (!token.ok()) return token.error();
  created.token = *token;
  return created;
}

Status Editing::RevokeApiToken(const Actor& actor, std::int64_t token_id) {
  if (Status s = Require(actor, Operation::kManageUsers, ""); !s) return s;
  return site_.RevokeApiToken(
      token_id, {Entry(actor, "token.revoke", "", fmt::format("token/{}", token_id), "", "")});
}

}  // namespace plenary
