// SiteStore's contract (include/plenary/site.h), held against every back
// end: each TEST_P runs once on SQLite and once on PostgreSQL, on a fresh
// store opened by URL only. The last tests check one back end's details.
#include <gtest/gtest.h>

#include "plenary/site.h"
#include "plenary/store.h"
#include "store/site_rows.h"
#include "store/snapshot_tables.h"
#include "store/sqlite/sqlite_search.h"
#include "store/store_test_backends.h"

namespace plenary {
namespace {

using store_testing::Backend;
using store_testing::BackendName;
using store_testing::BackendTest;

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

const std::string kHash64(64, 'a');
const std::string kOtherHash64(64, 'b');

Meeting Plenary(std::string group, int number) {
  Meeting m;
  m.key = {std::move(group), "Plenary", number};
  m.date = D(2017, 6, 13);
  m.agenda = {{"Outreach webinar", {"Discussed the webinar schedule with Žarko Kečić"}, 10}};
  m.decisions = {{"The team adopted the terms of reference", 20}};
  m.actions = {{"Staff to circulate the draft workplan",
                {{"Staff", OwnerKind::kOrganisation}},
                D(2017, 6, 30),
                ActionStatus::kOpen,
                ActionSource::kTable,
                std::nullopt,
                30}};
  return m;
}

class SiteStoreTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto store = OpenStore(url_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(*store);
    auto site = OpenSiteStore(url_);
    ASSERT_TRUE(site.ok()) << site.error().message;
    site_ = std::move(*site);
  }
  void TearDown() override {
    site_.reset();
    store_.reset();
    BackendTest::TearDown();
  }

  User Add(const std::string& login, bool admin = false) {
    auto user = site_->CreateUser({login, login + " name", "", "hash-of-" + login, admin});
    EXPECT_TRUE(user.ok()) << user.error().message;
    return user.ok() ? *user : User{};
  }

  void Import(const Meeting& meeting, const std::string& sha) {
    auto report = store_->Import({std::nullopt, {{meeting, {"n.txt", sha}}}});
    ASSERT_TRUE(report.ok()) << report.error().message;
  }

  // Seven items with "zebrafish", the three odd ones with it twice.
  void ImportSevenZebrafishItems() {
    Meeting m = Plenary("SSR2", 16);
    m.actions.clear();
    for (int i = 0; i < 7; ++i)
      m.actions.push_back({"Draft zebrafish note " + std::to_string(i) + (i % 2 ? " zebrafish" : ""),
                           {{"Staff", OwnerKind::kOrganisation}},
                           std::nullopt,
                           ActionStatus::kOpen,
                           ActionSource::kTable,
                           std::nullopt,
                           40 + i});
    Import(m, "z");
  }

  std::vector<SearchHit> Find(const std::string& text, std::vector<std::string> groups = {"SSR2"}) {
    auto hits = site_->Search({text, std::move(groups), 50});
    EXPECT_TRUE(hits.ok()) << hits.error().message;
    return hits.ok() ? *hits : std::vector<SearchHit>{};
  }

  std::unique_ptr<Store> store_;
  std::unique_ptr<SiteStore> site_;
};

TEST_P(SiteStoreTest, UsersAreFoundByLoginWithoutRegardToCase) {
  User alice = Add("Alice");
  EXPECT_GT(alice.id, 0);
  auto found = site_->FindLogin("alice");
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->first.login, "Alice");
  EXPECT_EQ((*found)->second, "hash-of-Alice");
  auto missing = site_->FindLogin("bob");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
  EXPECT_EQ(site_->FindUser(alice.id + 100).error().kind, ErrorKind::kNotFound);
}

TEST_P(SiteStoreTest, ATakenLoginIsAConflictInAnyCase) {
  Add("alice");
  auto again = site_->CreateUser({"ALICE", "", "", "", false});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
}

TEST_P(SiteStoreTest, HostileUserFieldsAreRefused) {
  for (NewUser bad :
       {NewUser{"", "", "", "", false}, NewUser{std::string(65, 'x'), "", "", "", false},
        NewUser{"a\nb", "", "", "", false}, NewUser{"bob", "\xff", "", "", false}}) {
    auto user = site_->CreateUser(bad);
    ASSERT_FALSE(user.ok()) << bad.login;
    EXPECT_EQ(user.error().kind, ErrorKind::kInvalidInput);
  }
}

TEST_P(SiteStoreTest, GrantsAreSetChangedAndRemoved) {
  User bob = Add("bob");
  ASSERT_TRUE(site_->SetGrant(bob.id, "SSR2", GroupRole::kMember).ok());
  ASSERT_TRUE(site_->SetGrant(bob.id, "RDS", GroupRole::kSecretariat).ok());
  ASSERT_TRUE(site_->SetGrant(bob.id, "ssr2", GroupRole::kSecretariat).ok());
  auto user = site_->FindUser(bob.id);
  ASSERT_TRUE(user.ok());
  ASSERT_EQ(user->grants.size(), 2u);
  EXPECT_EQ(user->grants[0].group, "RDS");
  EXPECT_EQ(user->grants[1].role, GroupRole::kSecretariat);
  ASSERT_TRUE(site_->SetGrant(bob.id, "SSR2", std::nullopt).ok());
  EXPECT_EQ(site_->FindUser(bob.id)->grants.size(), 1u);
  EXPECT_EQ(site_->SetGrant(bob.id + 9, "SSR2", GroupRole::kMember).error().kind,
            ErrorKind::kNotFound);
}

TEST_P(SiteStoreTest, UsersAreListedWithTheirGrantsAndPasswordsChange) {
  User b = Add("bob");
  Add("alice", true);
  ASSERT_TRUE(site_->SetGrant(b.id, "SSR2", GroupRole::kMember).ok());
  auto users = site_->Users();
  ASSERT_TRUE(users.ok());
  ASSERT_EQ(users->size(), 2u);
  EXPECT_EQ(users->at(0).login, "alice");
  EXPECT_TRUE(users->at(0).admin);
  EXPECT_EQ(users->at(1).grants.size(), 1u);
  ASSERT_TRUE(site_->SetPasswordHash(b.id, "new-hash").ok());
  EXPECT_EQ((*site_->FindLogin("bob"))->second, "new-hash");
  EXPECT_EQ(site_->SetPasswordHash(b.id + 9, "x").error().kind, ErrorKind::kNotFound);
}

TEST_P(SiteStoreTest, SessionsExpireAndAreDeleted) {
  User alice = Add("alice");
  ASSERT_TRUE(site_->CreateSession(kHash64, alice.id, "csrf-1", 5000000000).ok());
  auto session = site_->FindSession(kHash64, 4000000000);
  ASSERT_TRUE(session.ok());
  ASSERT_TRUE(session->has_value());
  EXPECT_EQ((*session)->user.login, "alice");
  EXPECT_EQ((*session)->csrf_token, "csrf-1");
  EXPECT_FALSE(site_->FindSession(kHash64, 5000000000)->has_value());
  EXPECT_FALSE(site_->FindSession(kOtherHash64, 0)->has_value());
  ASSERT_TRUE(site_->DeleteSession(kHash64).ok());
  EXPECT_FALSE(site_->FindSession(kHash64, 0)->has_value());
}

TEST_P(SiteStoreTest, ApiTokensFindTheirUserUntilRevoked) {
  User alice = Add("alice");
  auto token = site_->CreateApiToken(alice.id, "backup script", kHash64, 1700000000);
  ASSERT_TRUE(token.ok()) << token.error().message;
  EXPECT_EQ(token->name, "backup script");
  auto user = site_->FindApiToken(kHash64);
  ASSERT_TRUE(user.ok());
  ASSERT_TRUE(user->has_value());
  EXPECT_EQ((*user)->login, "alice");
  EXPECT_FALSE(site_->FindApiToken(kOtherHash64)->has_value());
  ASSERT_TRUE(site_->RevokeApiToken(token->id).ok());
  EXPECT_FALSE(site_->FindApiToken(kHash64)->has_value());
  EXPECT_EQ(site_->RevokeApiToken(token->id + 9).error().kind, ErrorKind::kNotFound);
}

// What a worker keeps between requests (a token's user, a group's
// publicity) follows a change made through another connection: a token
// revoked or a group made private by the command line counts at once.
TEST_P(SiteStoreTest, ATokenRevokedOrAGroupMadePrivateElsewhereCountsAtOnce) {
  User alice = Add("alice");
  auto token = site_->CreateApiToken(alice.id, "script", kHash64, 1700000000);
  ASSERT_TRUE(token.ok()) << token.error().message;
  ASSERT_TRUE(site_->SetGroupPublic("SSR2", true).ok());
  ASSERT_TRUE(site_->FindApiToken(kHash64)->has_value());
  ASSERT_TRUE(*site_->GroupIsPublic("SSR2"));
  auto other = OpenSiteStore(url_);
  ASSERT_TRUE(other.ok()) << other.error().message;
  ASSERT_TRUE((*other)->RevokeApiToken(token->id).ok());
  ASSERT_TRUE((*other)->SetGroupPublic("SSR2", false).ok());
  EXPECT_FALSE(site_->FindApiToken(kHash64)->has_value());
  EXPECT_FALSE(*site_->GroupIsPublic("SSR2"));
}

// Logins and group names compare without regard to ASCII case and nothing
// else, on both back ends (SQLite's NOCASE): "Élise" is "ÉLISE", not
// "élise", whatever PostgreSQL's collation would fold. A grant given as one
// spelling is taken back as another, a group made public under one is
// private again under another, and its audit entries and search hits are
// found by either.
TEST_P(SiteStoreTest, NamesOutsideAsciiFoldOnlyTheirAsciiLetters) {
  User elise = Add("Élise");
  auto found = site_->FindLogin("ÉLISE");
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->first.id, elise.id);
  EXPECT_FALSE(site_->FindLogin("élise")->has_value());
  EXPECT_EQ(site_->CreateUser({"ÉLISE", "", "", "", false}).error().kind, ErrorKind::kConflict);

  ASSERT_TRUE(site_->SetGrant(elise.id, "ÉQUIPE", GroupRole::kMember).ok());
  ASSERT_TRUE(site_->SetGrant(elise.id, "Équipe", GroupRole::kSecretariat).ok());
  ASSERT_EQ(site_->FindUser(elise.id)->grants.size(), 1u);
  EXPECT_EQ(site_->FindUser(elise.id)->grants[0].role, GroupRole::kSecretariat);
  ASSERT_TRUE(site_->SetGrant(elise.id, "équipe", GroupRole::kMember).ok());
  EXPECT_EQ(site_->FindUser(elise.id)->grants.size(), 2u) << "another group";
  ASSERT_TRUE(site_->SetGrant(elise.id, "éQUIPE", std::nullopt).ok());
  ASSERT_TRUE(site_->SetGrant(elise.id, "ÉQUIPE", std::nullopt).ok());
  EXPECT_TRUE(site_->FindUser(elise.id)->grants.empty()) << "both taken back";

  ASSERT_TRUE(site_->SetGroupPublic("ÉQUIPE", true).ok());
  EXPECT_TRUE(*site_->GroupIsPublic("Équipe"));
  EXPECT_FALSE(*site_->GroupIsPublic("équipe"));
  ASSERT_TRUE(site_->SetGroupPublic("Équipe", false).ok());
  EXPECT_FALSE(*site_->GroupIsPublic("ÉQUIPE"));

  ASSERT_TRUE(
      site_->AppendAudit({0, 1700000000, "elise", "action.edit", "ÉQUIPE", "action/1", "{}", "{}"})
          .ok());
  EXPECT_EQ(site_->Audit({"Équipe", std::nullopt, 100})->size(), 1u);
  EXPECT_TRUE(site_->Audit({"équipe", std::nullopt, 100})->empty());
  EXPECT_EQ(site_->AuditPage("Équipe", PageRequest{})->total, 1u);

  const SentReminder sent{"ÉQUIPE", "Élise", "elise@example.org", "2026-12-04", 1700000000,
                          "m@x",    "1,2"};
  ASSERT_TRUE(*site_->RecordReminder(sent));
  SentReminder again = sent;
  again.group = "Équipe";
  EXPECT_FALSE(*site_->RecordReminder(again)) << "the same group";
  again.group = "équipe";
  EXPECT_TRUE(*site_->RecordReminder(again)) << "another group";
  EXPECT_EQ(site_->RemindersSent("Équipe", "2026-12-04")->size(), 1u);

  Import(Plenary("ÉQUIPE", 1), "e");
  EXPECT_EQ(Find("workplan", {"Équipe"}).size(), 1u);
  EXPECT_TRUE(Find("workplan", {"équipe"}).empty());
}

TEST_P(SiteStoreTest, GroupsArePrivateUntilMadePublic) {
  EXPECT_FALSE(*site_->GroupIsPublic("SSR2"));
  ASSERT_TRUE(site_->SetGroupPublic("SSR2", true).ok());
  EXPECT_TRUE(*site_->GroupIsPublic("ssr2"));
  ASSERT_TRUE(site_->SetGroupPublic("SSR2", true).ok());
  ASSERT_TRUE(site_->SetGroupPublic("Ssr2", false).ok());
  EXPECT_FALSE(*site_->GroupIsPublic("SSR2"));
}

TEST_P(SiteStoreTest, GroupsListsEveryGroupTheRegistersKnow) {
  Import(Plenary("SSR2", 15), "a");
  Import(Plenary("RDS", 1), "b");
  EXPECT_EQ(*site_->Groups(), (std::vector<std::string>{"RDS", "SSR2"}));
}

TEST_P(SiteStoreTest, AuditIsNewestFirstAndFiltered) {
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(
        site_
            ->AppendAudit({0, 1700000000 + i, "alice", "action.edit", i == 1 ? "RDS" : "SSR2",
                           "action/" + std::to_string(i), "{}", "{\"x\":1}"})
            .ok());
  auto all = site_->Audit({});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ(all->at(0).target, "action/2");
  EXPECT_EQ(all->at(0).after, "{\"x\":1}");
  EXPECT_EQ(site_->Audit({"ssr2", std::nullopt, 100})->size(), 2u);
  EXPECT_EQ(site_->Audit({std::nullopt, "action/1", 100})->at(0).group, "RDS");
  EXPECT_EQ(site_->Audit({std::nullopt, std::nullopt, 1})->size(), 1u);
}

TEST_P(SiteStoreTest, AuditPagesAreNewestFirstByCursorOrOffset) {
  for (int i = 0; i < 7; ++i)
    ASSERT_TRUE(
        site_
            ->AppendAudit({0, 1700000000 + i, "alice", "action.edit", i == 3 ? "RDS" : "SSR2",
                           "action/" + std::to_string(i), "", "{}"})
            .ok());
  PageRequest page;
  page.limit = 4;
  auto first = site_->AuditPage("ssr2", page);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->total, 6u);
  ASSERT_EQ(first->items.size(), 4u);
  EXPECT_EQ(first->items[0].target, "action/6");
  EXPECT_EQ(first->items[3].target, "action/2");
  ASSERT_FALSE(first->next.empty());
  page.cursor = first->next;
  auto second = site_->AuditPage("SSR2", page);
  ASSERT_TRUE(second.ok()) << second.error().message;
  ASSERT_EQ(second->items.size(), 2u);
  EXPECT_EQ(second->items[0].target, "action/1");
  EXPECT_EQ(second->items[1].target, "action/0");
  EXPECT_TRUE(second->next.empty());
  PageRequest by_offset;
  by_offset.offset = 4;
  by_offset.limit = 4;
  EXPECT_EQ(site_->AuditPage("SSR2", by_offset)->items.size(), 2u);
  page.cursor = "x";
  EXPECT_EQ(site_->AuditPage("SSR2", page).error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(site_->AuditPage("nobody", {})->total, 0u);
}

TEST_P(SiteStoreTest, RemindersAreRecordedOncePerGroupRecipientAndDay) {
  SentReminder sent{"SSR2",       "Denise Michel", "dm@example.org",
                    "2026-11-28", 1700000000,      "a.b@example.org",
                    "4,7"};
  EXPECT_TRUE(*site_->RecordReminder(sent));
  SentReminder again = sent;
  again.group = "ssr2";
  again.message_id = "c.d@example.org";
  EXPECT_FALSE(*site_->RecordReminder(again)) << "same group (any case), recipient and day";
  SentReminder staff = sent;
  staff.recipient = "Staff";
  EXPECT_TRUE(*site_->RecordReminder(staff));
  SentReminder next_day = sent;
  next_day.day = "2026-11-29";
  EXPECT_TRUE(*site_->RecordReminder(next_day));

  auto day = site_->RemindersSent("ssr2", "2026-11-28");
  ASSERT_TRUE(day.ok()) << day.error().message;
  ASSERT_EQ(day->size(), 2u);
  EXPECT_EQ(day->at(0).recipient, "Denise Michel");
  EXPECT_EQ(day->at(0).message_id, "a.b@example.org");
  EXPECT_EQ(day->at(0).items, "4,7");
  EXPECT_EQ(day->at(0).day, "2026-11-28");
  EXPECT_EQ(day->at(0).sent_unix, 1700000000);
  EXPECT_EQ(day->at(1).recipient, "Staff");
  EXPECT_TRUE(site_->RemindersSent("RDS", "2026-11-28")->empty());

  // The log moves with the installation.
  auto snapshot = store_->Export();
  ASSERT_TRUE(snapshot.ok());
  std::string copy_url = FreshUrl();
  auto copy = OpenStore(copy_url);
  ASSERT_TRUE(copy.ok());
  ASSERT_TRUE((*copy)->Restore(*snapshot).ok());
  auto site = OpenSiteStore(copy_url);
  ASSERT_TRUE(site.ok());
  EXPECT_EQ((*site)->RemindersSent("SSR2", "2026-11-29")->size(), 1u);
  EXPECT_FALSE(*(*site)->RecordReminder(next_day));
}

TEST_P(SiteStoreTest, SearchFindsNotesHeadingsDecisionsAndItemsWithSnippets) {
  Import(Plenary("SSR2", 15), "a");
  auto notes = Find("webinar schedule");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].kind, SearchKind::kNote);
  EXPECT_EQ(notes[0].group, "SSR2");
  EXPECT_EQ(notes[0].meeting, "Plenary #15");
  EXPECT_EQ(notes[0].date, "2017-06-13");
  EXPECT_EQ(notes[0].snippet, "Discussed the webinar schedule with Žarko Kečić");
  ASSERT_EQ(notes[0].highlights.size(), 2u);
  EXPECT_EQ(notes[0].snippet.substr(notes[0].highlights[0].first,
                                    notes[0].highlights[0].second - notes[0].highlights[0].first),
            "webinar");
  EXPECT_EQ(Find("outreach").at(0).kind, SearchKind::kMeeting);
  EXPECT_EQ(Find("adopted").at(0).kind, SearchKind::kDecision);
  auto items = Find("WORKPLAN");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].kind, SearchKind::kAction);
  EXPECT_GT(items[0].action_id, 0);
  EXPECT_EQ(Find("zarko kecic").size(), 1u) << "diacritics are ignored";
}

TEST_P(SiteStoreTest, SearchOnlyLooksInTheGroupsItIsGiven) {
  Import(Plenary("SSR2", 15), "a");
  Import(Plenary("RDS", 1), "b");
  EXPECT_EQ(Find("workplan", {"SSR2", "RDS"}).size(), 2u);
  auto rds = Find("workplan", {"rds"});
  ASSERT_EQ(rds.size(), 1u);
  EXPECT_EQ(rds[0].group, "RDS");
  EXPECT_TRUE(Find("workplan", {}).empty()) << "no visible group, no hits";
  EXPECT_TRUE(Find("workplan", {"SSR2\") OR (1=1"}).empty());
}

TEST_P(SiteStoreTest, FtsSyntaxInSearchTextIsInert) {
  Import(Plenary("SSR2", 15), "a");
  for (std::string text : {"\"", "*", "NEAR(", "-", ":", "webinar\"", "\"webinar", "web*",
                           "NEAR(webinar schedule)", "-webinar", "body:webinar", "webinar OR",
                           "AND", "(", "^webinar", "webinar NOT schedule", ""}) {
    auto hits = site_->Search({text, {"SSR2"}, 10});
    EXPECT_TRUE(hits.ok()) << text << ": " << hits.error().message;
  }
  // Each would find something were it FTS5 syntax: a prefix query, NOT, a
  // column filter; as plain words they ask for words no text has.
  EXPECT_TRUE(Find("web*").empty());
  EXPECT_TRUE(Find("webinar NOT schedule").empty());
  EXPECT_TRUE(Find("body:webinar").empty());
  EXPECT_EQ(Find("\"webinar").size(), 2u) << "the note and the heading";
  EXPECT_EQ(Find("-webinar").size(), 2u);
}

TEST_P(SiteStoreTest, SearchFollowsEditsReimportsAndMerges) {
  Import(Plenary("SSR2", 15), "a");
  std::int64_t id = Find("workplan").at(0).action_id;
  ActionEdit edit;
  edit.note = "sent to the plenary list";
  edit.who = "alice";
  edit.effective = D(2017, 6, 20);
  ASSERT_TRUE(store_->EditAction(id, edit).ok());
  EXPECT_EQ(Find("plenary list").size(), 1u) << "the status note is searchable";

  Meeting changed = Plenary("SSR2", 15);
  changed.agenda[0].notes[0] = "Discussed the podcast";
  Import(changed, "b");
  EXPECT_TRUE(Find("webinar schedule").empty());
  EXPECT_EQ(Find("podcast").size(), 1u);

  Meeting next = Plenary("SSR2", 16);
  next.actions[0].text = "Staff to book the rooms";
  Import(next, "c");
  std::int64_t rooms = Find("rooms").at(0).action_id;
  ASSERT_TRUE(store_->MergeActions(id, rooms, edit).ok());
  EXPECT_TRUE(Find("rooms").empty()) << "a merged item is found through the one it joined";
  ASSERT_TRUE(store_->UnmergeAction(rooms).ok());
  EXPECT_EQ(Find("rooms").size(), 1u);
}

TEST_P(SiteStoreTest, SearchRanksTheNewestMatchesBestFirst) {
  ImportSevenZebrafishItems();
  const std::vector<SearchHit> all = Find("zebrafish");
  ASSERT_EQ(all.size(), 7u);
  for (std::size_t i = 0; i < all.size(); ++i) {
    const bool twice = all[i].snippet.find("zebrafish") != all[i].snippet.rfind("zebrafish");
    EXPECT_EQ(twice, i < 3) << "the three items with the word twice first: " << all[i].snippet;
  }
  EXPECT_EQ(site_->Search({"zebrafish", {"SSR2"}, 2})->size(), 2u);
}

TEST_P(SiteStoreTest, SearchPagesFollowTheirCursorsThroughEveryHit) {
  ImportSevenZebrafishItems();
  const std::vector<SearchHit> all = Find("zebrafish");
  ASSERT_EQ(all.size(), 7u);
  std::vector<SearchHit> paged;
  SearchQuery query{"zebrafish", {"SSR2"}, 3};
  for (int page = 0; page < 5; ++page) {
    auto hits = site_->SearchPage(query);
    ASSERT_TRUE(hits.ok()) << hits.error().message;
    EXPECT_LE(hits->hits.size(), 3u);
    for (SearchHit& h : hits->hits) paged.push_back(std::move(h));
    if (hits->next.empty()) break;
    query.cursor = hits->next;
  }
  ASSERT_EQ(paged.size(), all.size()) << "every hit once, in the first page's order";
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(paged[i].action_id, all[i].action_id);
  EXPECT_NE(all[0].snippet.find("zebrafish"), all[0].snippet.rfind("zebrafish"))
      << "the best first: an item with the word twice";
  for (const char* bad : {"x", "w0.1", "w5.0", "o-5", "o", "w5.", "w5.1x"}) {
    query.cursor = bad;
    auto refused = site_->SearchPage(query);
    ASSERT_FALSE(refused.ok()) << bad;
    EXPECT_EQ(refused.error().kind, ErrorKind::kInvalidInput) << bad;
  }
}

TEST_P(SiteStoreTest, OverlongOrInvalidSearchTextIsRefused) {
  EXPECT_EQ(site_->Search({std::string(1001, 'a'), {"SSR2"}, 10}).error().kind,
            ErrorKind::kInvalidInput);
  EXPECT_EQ(site_->Search({"\xc3", {"SSR2"}, 10}).error().kind, ErrorKind::kInvalidInput);
}

TEST_P(SiteStoreTest, CopiedStoreKeepsTheSiteTablesAndFindsTheSameThings) {
  Import(Plenary("SSR2", 15), "a");
  User bob = Add("bob");
  ASSERT_TRUE(site_->SetGrant(bob.id, "SSR2", GroupRole::kSecretariat).ok());
  ASSERT_TRUE(site_->CreateApiToken(bob.id, "script", kHash64, 1700000000).ok());
  ASSERT_TRUE(site_->SetGroupPublic("SSR2", true).ok());
  ASSERT_TRUE(site_->AppendAudit({0, 1700000000, "bob", "import", "SSR2", "t", "", "{}"}).ok());
  ASSERT_TRUE(site_->CreateSession(kOtherHash64, bob.id, "csrf", 5000000000).ok());
  auto snapshot = store_->Export();
  ASSERT_TRUE(snapshot.ok()) << snapshot.error().message;

  std::string copy_url = FreshUrl();
  auto copy = OpenStore(copy_url);
  ASSERT_TRUE(copy.ok());
  ASSERT_TRUE((*copy)->Restore(*snapshot).ok());
  EXPECT_EQ(SnapshotJson(*(*copy)->Export()), SnapshotJson(*snapshot));
  auto site = OpenSiteStore(copy_url);
  ASSERT_TRUE(site.ok());
  auto user = (*site)->FindApiToken(kHash64);
  ASSERT_TRUE(user.ok() && user->has_value());
  EXPECT_EQ((*user)->grants.at(0).role, GroupRole::kSecretariat);
  EXPECT_TRUE(*(*site)->GroupIsPublic("ssr2"));
  EXPECT_EQ((*site)->Audit({})->size(), 1u);
  EXPECT_FALSE((*site)->FindSession(kOtherHash64, 0)->has_value()) << "sessions are not copied";
  EXPECT_EQ((*site)->Search({"webinar", {"SSR2"}, 10})->size(), 2u) << "the index is rebuilt";
  EXPECT_EQ((*site)->CreateUser({"carol", "", "", "", false})->id, bob.id + 1);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, SiteStoreTest, ::testing::Values(Backend::kSqlite), BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, SiteStoreTest, ::testing::Values(Backend::kPostgres),
                         BackendName);

TEST(FtsQueryOf, QuotesEveryWordAndDropsPunctuation) {
  EXPECT_EQ(FtsQueryOf("web NEAR( a\"b - : *"), "body : (\"web\" \"NEAR(\" \"a\"\"b\")");
  EXPECT_EQ(FtsQueryOf("  "), "");
}

TEST(OpenSiteStore, OtherSchemesAreRefusedWithoutEchoingTheUrl) {
  auto site = OpenSiteStore("mysql://plenary:s3cret@db.example/plenary");
  ASSERT_FALSE(site.ok());
  EXPECT_EQ(site.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(site.error().message.find("s3cret"), std::string::npos);
  EXPECT_NE(site.error().message.find("mysql"), std::string::npos);
}

TEST(OpenSiteStore, AnUnreachablePostgresServerIsAStorageErrorWithoutThePassword) {
  auto site = OpenSiteStore("postgresql://u:s3cret@127.0.0.1:1/db?password=s3cret2");
  ASSERT_FALSE(site.ok());
  EXPECT_EQ(site.error().kind, ErrorKind::kStorage);
  EXPECT_EQ(site.error().message.find("s3cret"), std::string::npos) << site.error().message;
}

}  // namespace
}  // namespace plenary
