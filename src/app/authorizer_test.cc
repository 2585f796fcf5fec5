#include "app/authorizer.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace plenary {
namespace {

User WithGrant(const std::string& group, GroupRole role) {
  User u;
  u.id = 7;
  u.login = "pat";
  u.person = "James Gannon";
  u.grants = {{group, role}};
  return u;
}

struct NamedActor {
  std::string name;
  Actor actor;
};

std::vector<NamedActor> Actors() {
  User admin;
  admin.login = "root";
  admin.admin = true;
  User nobody;
  nobody.login = "nobody";
  return {
      {"anonymous", Actor::Anonymous()},
      {"signed in, no grant", Actor::SignedIn(nobody)},
      {"member", Actor::SignedIn(WithGrant("ssr2", GroupRole::kMember))},
      {"secretariat", Actor::SignedIn(WithGrant("SSR2", GroupRole::kSecretariat))},
      {"secretariat elsewhere", Actor::SignedIn(WithGrant("RDS", GroupRole::kSecretariat))},
      {"admin", Actor::SignedIn(admin)},
      {"command line", Actor::CommandLine("root")},
  };
}

// For each operation, one pair per actor above: allowed on the public group,
// allowed on the private group (T or F).
const std::map<Operation, std::vector<std::string>> kExpected = {
    {Operation::kReadGroup, {"TF", "TF", "TT", "TT", "TF", "TT", "TT"}},
    {Operation::kEditAction, {"FF", "FF", "FF", "TT", "FF", "TT", "TT"}},
    {Operation::kMarkOwnActionDone, {"FF", "FF", "TT", "TT", "FF", "TT", "TT"}},
    {Operation::kImport, {"FF", "FF", "FF", "TT", "FF", "TT", "TT"}},
    {Operation::kEditRoster, {"FF", "FF", "FF", "TT", "FF", "TT", "TT"}},
    {Operation::kMergeActions, {"FF", "FF", "FF", "TT", "FF", "TT", "TT"}},
    {Operation::kSetGroupPublic, {"FF", "FF", "FF", "FF", "FF", "TT", "TT"}},
    {Operation::kManageUsers, {"FF", "FF", "FF", "FF", "FF", "TT", "TT"}},
    {Operation::kViewAudit, {"FF", "FF", "FF", "TT", "FF", "TT", "TT"}},
    {Operation::kEditWorkPlan, {"FF", "FF", "FF", "TT", "FF", "TT", "TT"}},
};

TEST(Authorizer, EveryOperationForEveryRoleOnPublicAndPrivateGroups) {
  std::vector<NamedActor> actors = Actors();
  for (Operation op : kAllOperations) {
    ASSERT_TRUE(kExpected.count(op)) << OperationName(op);
    const std::vector<std::string>& row = kExpected.at(op);
    ASSERT_EQ(row.size(), actors.size());
    for (std::size_t i = 0; i < actors.size(); ++i) {
      for (bool is_public : {true, false}) {
        bool expected = row[i][is_public ? 0 : 1] == 'T';
        EXPECT_EQ(IsAllowed(actors[i].actor, op, {"SSR2", is_public}), expected)
            << OperationName(op) << ", " << actors[i].name << ", "
            << (is_public ? "public" : "private");
      }
    }
  }
}

TEST(Authorizer, SiteWideOperationsNeedAnAdmin) {
  for (const NamedActor& a : Actors()) {
    bool admin = a.name == "admin" || a.name == "command line";
    for (Operation op : {Operation::kManageUsers, Operation::kViewAudit, Operation::kReadGroup})
      EXPECT_EQ(IsAllowed(a.actor, op, {"", true}), admin) << a.name << " " << OperationName(op);
  }
}

RegisteredAction Owned(std::vector<Owner> owners) {
  RegisteredAction a;
  a.id = 4;
  a.meeting = {"SSR2", "Plenary", 15};
  a.item.owners = std::move(owners);
  return a;
}

Roster Ssr2() {
  Roster r;
  r.group.short_name = "SSR2";
  r.people = {{"James Gannon", Role::kMember, {"JG", "James"}},
              {"Emily Taylor", Role::kMember, {"ET"}}};
  return r;
}

TEST(Authorizer, OwnItemsAreFoundThroughTheRoster) {
  Roster roster = Ssr2();
  Actor pat = Actor::SignedIn(WithGrant("SSR2", GroupRole::kMember));
  EXPECT_TRUE(OwnsAction(pat, Owned({{"James Gannon", OwnerKind::kPerson}}), &roster));
  EXPECT_TRUE(OwnsAction(
      pat, Owned({{"Emily Taylor", OwnerKind::kPerson}, {"JG", OwnerKind::kUnresolved}}), &roster));
  EXPECT_FALSE(OwnsAction(pat, Owned({{"Emily Taylor", OwnerKind::kPerson}}), &roster));
  EXPECT_FALSE(OwnsAction(pat, Owned({{"Staff", OwnerKind::kOrganisation}}), &roster));
  EXPECT_TRUE(OwnsAction(pat, Owned({{"james  GANNON", OwnerKind::kUnresolved}}), nullptr));
  User alias = WithGrant("SSR2", GroupRole::kMember);
  alias.person = "JG";
  EXPECT_TRUE(
      OwnsAction(Actor::SignedIn(alias), Owned({{"James Gannon", OwnerKind::kPerson}}), &roster));
  User nobody = WithGrant("SSR2", GroupRole::kMember);
  nobody.person = "";
  EXPECT_FALSE(OwnsAction(Actor::SignedIn(nobody), Owned({{"", OwnerKind::kUnresolved}}), &roster));
}

TEST(Authorizer, MembersMayOnlyMarkTheirOwnItemsDone) {
  Roster roster = Ssr2();
  Actor pat = Actor::SignedIn(WithGrant("SSR2", GroupRole::kMember));
  RegisteredAction mine = Owned({{"James Gannon", OwnerKind::kPerson}});
  RegisteredAction theirs = Owned({{"Emily Taylor", OwnerKind::kPerson}});
  ActionEdit done;
  done.status = ActionStatus::kComplete;
  done.note = "posted";
  ActionEdit due = done;
  due.due = std::optional<Date>{};
  ActionEdit reopen;
  reopen.status = ActionStatus::kOpen;
  GroupAccess ssr2{"SSR2", false};
  EXPECT_TRUE(MayEditAction(pat, ssr2, mine, done, &roster));
  EXPECT_FALSE(MayEditAction(pat, ssr2, theirs, done, &roster));
  EXPECT_FALSE(MayEditAction(pat, ssr2, mine, due, &roster));
  EXPECT_FALSE(MayEditAction(pat, ssr2, mine, reopen, &roster));
  Actor outsider = Actor::SignedIn(WithGrant("RDS", GroupRole::kMember));
  EXPECT_FALSE(MayEditAction(outsider, {"SSR2", true}, mine, done, &roster));
  Actor secretariat = Actor::SignedIn(WithGrant("SSR2", GroupRole::kSecretariat));
  EXPECT_TRUE(MayEditAction(secretariat, ssr2, theirs, reopen, &roster));
}

TEST(Authorizer, RolesParseAndPrint) {
  EXPECT_EQ(ParseGroupRole("Secretariat"), GroupRole::kSecretariat);
  EXPECT_EQ(ParseGroupRole("member"), GroupRole::kMember);
  EXPECT_EQ(ParseGroupRole("admin"), std::nullopt);
  EXPECT_EQ(GroupRoleName(GroupRole::kSecretariat), "secretariat");
  EXPECT_EQ(Actor::CommandLine("ops").who, "cli:ops");
}

}  // namespace
}  // namespace plenary

namespace plenary {
namespace {

// A sub-team's lead edits its tasks, not another sub-team's; a lead without a
// grant in the group, or a member who leads nothing, edits none.
TEST(Authorizer, WorkPlanTasksAreTheSecretariatsAndTheSubTeamLeads) {
  Roster roster;
  roster.group.short_name = "SSR2";
  roster.people = {{"James Gannon", Role::kMember, {"JG"}},
                   {"Geoff Huston", Role::kMember, {"GH"}}};
  roster.subteams = {{"DNS SSR", "James Gannon", {"James Gannon", "Geoff Huston"}},
                     {"ICANN SSR", "Geoff Huston", {"Geoff Huston"}}};
  GroupAccess ssr2{"SSR2", false};
  Actor lead = Actor::SignedIn(WithGrant("SSR2", GroupRole::kMember));  // James Gannon
  EXPECT_TRUE(MayEditTask(lead, ssr2, &roster, "DNS SSR"));
  EXPECT_TRUE(MayEditTask(lead, ssr2, &roster, "dns ssr sub-team"));
  EXPECT_FALSE(MayEditTask(lead, ssr2, &roster, "ICANN SSR"));
  EXPECT_FALSE(MayEditTask(lead, ssr2, nullptr, "DNS SSR"));
  Actor elsewhere = Actor::SignedIn(WithGrant("RDS", GroupRole::kMember));
  EXPECT_FALSE(MayEditTask(elsewhere, ssr2, &roster, "DNS SSR"));
  User geoff = WithGrant("SSR2", GroupRole::kMember);
  geoff.person = "GH";
  EXPECT_TRUE(MayEditTask(Actor::SignedIn(geoff), ssr2, &roster, "ICANN SSR"));
  EXPECT_FALSE(MayEditTask(Actor::SignedIn(geoff), ssr2, &roster, "DNS SSR"));
  Actor secretariat = Actor::SignedIn(WithGrant("SSR2", GroupRole::kSecretariat));
  EXPECT_TRUE(MayEditTask(secretariat, ssr2, &roster, "ICANN SSR"));
  EXPECT_TRUE(MayEditTask(Actor::CommandLine("ops"), ssr2, nullptr, "DNS SSR"));
}

}  // namespace
}  // namespace plenary
