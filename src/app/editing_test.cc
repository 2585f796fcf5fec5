// The audited write path over a real SQLite register: permitted changes are
// made and logged; refused ones change nothing, not even the log.
#include "app/editing.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/credentials.h"
#include "app/editing_fixture.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

Roster Ssr2Roster() {
  Roster r;
  r.group.short_name = "SSR2";
  r.people = {{"James Gannon", Role::kMember, {"JG"}}, {"Emily Taylor", Role::kMember, {"ET"}}};
  return r;
}

MeetingImport Plenary(std::string group, int number) {
  Meeting m;
  m.key = {std::move(group), "Plenary", number};
  m.date = D(2017, 6, 13);
  m.actions = {{"JG to draft the outreach plan",
                {{"James Gannon", OwnerKind::kPerson}},
                D(2017, 6, 30),
                ActionStatus::kOpen,
                ActionSource::kTable,
                std::nullopt,
                10},
               {"ET to book the rooms",
                {{"Emily Taylor", OwnerKind::kPerson}},
                std::nullopt,
                ActionStatus::kOpen,
                ActionSource::kTable,
                std::nullopt,
                11}};
  return {m, {"n.txt", std::to_string(number)}};
}

User Granted(std::string login, std::string group, GroupRole role) {
  User u;
  u.login = std::move(login);
  u.person = "James Gannon";
  u.grants = {{std::move(group), role}};
  return u;
}

class EditingTest : public EditingFixture {
 protected:
  void SetUp() override {
    EditingFixture::SetUp();
    ImportBatch batch{Ssr2Roster(), {Plenary("SSR2", 15)}};
    ASSERT_TRUE(editing_->Import(cli_, batch).ok());
    auto items = store_->Actions({});
    mine_ = items->at(0).id;
    theirs_ = items->at(1).id;
  }

  std::size_t AuditCount() { return site_->Audit({std::nullopt, std::nullopt, 1000})->size(); }

  ActionEdit Done(std::string note = "drafted") {
    ActionEdit edit;
    edit.status = ActionStatus::kComplete;
    edit.note = std::move(note);
    edit.effective = D(2017, 6, 20);
    return edit;
  }

  Actor member_ = Actor::SignedIn(Granted("pat", "SSR2", GroupRole::kMember));
  Actor secretariat_ = Actor::SignedIn(Granted("sam", "SSR2", GroupRole::kSecretariat));
  Actor outsider_ = Actor::SignedIn(Granted("oz", "RDS", GroupRole::kSecretariat));
  std::int64_t mine_ = 0, theirs_ = 0;
};

TEST_F(EditingTest, AnImportIsAuditedPerGroup) {
  auto entries = *site_->Audit({});
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].who, "cli:ops");
  EXPECT_EQ(entries[0].action, "import");
  EXPECT_EQ(entries[0].group, "SSR2");
  EXPECT_EQ(entries[0].at_unix, 1700000000);
  json after = json::parse(entries[0].after);
  EXPECT_EQ(after["roster"]["outcome"], "created");
  EXPECT_EQ(after["meetings"][0]["number"], 15);
  EXPECT_EQ(after["meetings"][0]["outcome"], "created");
}

TEST_F(EditingTest, AMemberMarksTheirOwnItemDoneAndTheChangeIsAudited) {
  auto done = editing_->EditAction(member_, mine_, Done());
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->item.status, ActionStatus::kComplete);
  EXPECT_EQ(done->history.back().who, "pat");
  auto entry = site_->Audit({}).value().at(0);
  EXPECT_EQ(entry.who, "pat");
  EXPECT_EQ(entry.action, "action.edit");
  EXPECT_EQ(entry.target, "action/" + std::to_string(mine_));
  EXPECT_EQ(json::parse(entry.before)["status"], "open");
  EXPECT_EQ(json::parse(entry.after)["status"], "complete");
  EXPECT_FALSE(json::parse(entry.after).contains("history"));
}

TEST_F(EditingTest, RefusedEditsChangeNothing) {
  std::size_t audited = AuditCount();
  auto theirs = editing_->EditAction(member_, theirs_, Done());
  ASSERT_FALSE(theirs.ok());
  EXPECT_EQ(theirs.error().kind, ErrorKind::kPermissionDenied);
  ActionEdit move_due;
  move_due.due = std::optional<Date>{D(2018, 1, 1)};
  EXPECT_EQ(editing_->EditAction(member_, mine_, move_due).error().kind,
            ErrorKind::kPermissionDenied);
  auto hidden = editing_->EditAction(outsider_, mine_, Done());
  ASSERT_FALSE(hidden.ok());
  EXPECT_EQ(hidden.error().kind, ErrorKind::kNotFound) << "a private group is invisible";
  EXPECT_EQ(hidden.error().message, "no action item #" + std::to_string(mine_))
      << "worded as for an item that does not exist";
  EXPECT_EQ(editing_->EditAction(Actor::Anonymous(), mine_, Done()).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(store_->Action(theirs_)->item.status, ActionStatus::kOpen);
  EXPECT_EQ(store_->Action(mine_)->item.status, ActionStatus::kOpen);
  EXPECT_EQ(store_->Action(mine_)->history.size(), 1u);
  EXPECT_EQ(AuditCount(), audited);
}

TEST_F(EditingTest, ARefusedImportWritesNothing) {
  std::size_t audited = AuditCount();
  auto refused = editing_->Import(outsider_, {std::nullopt, {Plenary("SSR2", 16)}});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kNotFound);
  auto member = editing_->Import(member_, {std::nullopt, {Plenary("SSR2", 16)}});
  EXPECT_EQ(member.error().kind, ErrorKind::kPermissionDenied);
  auto roster = editing_->Import(outsider_, {Ssr2Roster(), {Plenary("RDS", 1)}});
  EXPECT_FALSE(roster.ok()) << "the roster's group is checked too";
  EXPECT_EQ(store_->Meetings()->size(), 1u);
  EXPECT_EQ(AuditCount(), audited);
  ASSERT_TRUE(editing_->Import(outsider_, {std::nullopt, {Plenary("RDS", 1)}}).ok());
  EXPECT_EQ(site_->Audit({}).value().at(0).group, "RDS");
}

TEST_F(EditingTest, MergesAreForTheSecretariatAndAudited) {
  EXPECT_EQ(editing_->MergeActions(member_, mine_, theirs_, {}).error().kind,
            ErrorKind::kPermissionDenied);
  EXPECT_EQ(store_->Action(theirs_)->merged_into, 0);
  ASSERT_TRUE(editing_->MergeActions(secretariat_, mine_, theirs_, Done("same thing")).ok());
  auto merge = site_->Audit({}).value().at(0);
  EXPECT_EQ(merge.action, "action.merge");
  EXPECT_EQ(json::parse(merge.after)["merged_into"], mine_);
  EXPECT_EQ(editing_->UnmergeAction(member_, theirs_).error().kind, ErrorKind::kPermissionDenied);
  ASSERT_TRUE(editing_->UnmergeAction(secretariat_, theirs_).ok());
  EXPECT_EQ(site_->Audit({}).value().at(0).action, "action.unmerge");
  EXPECT_EQ(store_->Action(theirs_)->merged_into, 0);
}

TEST_F(EditingTest, OnlyAdminsPublishGroups) {
  EXPECT_EQ(editing_->SetGroupPublic(secretariat_, "SSR2", true).error().kind,
            ErrorKind::kPermissionDenied);
  EXPECT_FALSE(*site_->GroupIsPublic("SSR2"));
  ASSERT_TRUE(editing_->SetGroupPublic(cli_, "SSR2", true).ok());
  EXPECT_TRUE(*site_->GroupIsPublic("SSR2"));
  auto entry = site_->Audit({}).value().at(0);
  EXPECT_EQ(entry.before, R"({"public":false})");
  EXPECT_EQ(entry.after, R"({"public":true})");
  // Now public: an outsider sees the item, and is refused rather than told it is missing.
  EXPECT_EQ(editing_->EditAction(outsider_, mine_, Done()).error().kind,
            ErrorKind::kPermissionDenied);
}

TEST_F(EditingTest, UsersAndTokensAreManagedByAdminsWithoutSecretsInTheLog) {
  NewUser pat{"pat", "Pat", "James Gannon", "$argon2id$fake", false};
  EXPECT_EQ(editing_->AddUser(secretariat_, pat, {}).error().kind, ErrorKind::kPermissionDenied);
  EXPECT_TRUE(site_->Users()->empty());
  auto added = editing_->AddUser(cli_, pat, {{"SSR2", GroupRole::kMember}});
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_EQ(added->grants.size(), 1u);
  ASSERT_TRUE(editing_->SetGrant(cli_, "PAT", "RDS", GroupRole::kSecretariat).ok());
  EXPECT_EQ(site_->FindUser(added->id)->grants.size(), 2u);
  ASSERT_TRUE(editing_->SetPasswordHash(cli_, "pat", "$argon2id$other").ok());
  auto token = editing_->CreateApiToken(cli_, "pat", "backups");
  ASSERT_TRUE(token.ok()) << token.error().message;
  EXPECT_EQ((*site_->FindApiToken(TokenDigest(token->secret)))->login, "pat");
  ASSERT_TRUE(editing_->RevokeApiToken(cli_, token->token.id).ok());
  EXPECT_FALSE(site_->FindApiToken(TokenDigest(token->secret))->has_value());
  EXPECT_EQ(editing_->SetGrant(cli_, "nobody", "RDS", GroupRole::kMember).error().kind,
            ErrorKind::kNotFound);
  std::vector<std::string> actions;
  std::vector<AuditEntry> entries = site_->Audit({}).value();
  for (const AuditEntry& e : entries) {
    actions.push_back(e.action);
    EXPECT_EQ(e.before.find("argon2id"), std::string::npos);
    EXPECT_EQ(e.after.find("argon2id"), std::string::npos);
    EXPECT_EQ(e.after.find(token->secret), std::string::npos);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"token.revoke", "token.create", "user.passwd",
                                               "user.grant", "user.add", "import"}));
}

}  // namespace
}  // namespace plenary
