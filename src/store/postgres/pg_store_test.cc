// What only the PostgreSQL back end has to show: its migrations, what it
// refuses, and that a password never reaches a message. The rest of the
// contract, concurrent writers included, is in store/store_contract_test.cc.
#include "store/postgres/pg_store.h"

#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "core/attendance.h"
#include "pg_test_server.h"
#include "plenary/site.h"
#include "store/postgres/pg_database.h"
#include "store/postgres/pg_migrations.h"
#include "store/register_rows.h"
#include "store/store_test_data.h"

namespace plenary {
namespace {

using namespace store_testing;  // NOLINT: the shared test data

class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    PLENARY_REQUIRE_PG_SERVER();
    ASSERT_TRUE(schema_.ok());
  }

  std::unique_ptr<Store> Open() {
    Result<std::unique_ptr<Store>> store = OpenStore(schema_.url());
    if (!store.ok()) {
      ADD_FAILURE() << store.error().message;
      return nullptr;
    }
    return std::move(store).value();
  }

  void Exec(const std::string& sql) {
    pqxx::connection connection(schema_.url());
    pqxx::work tx(connection);
    tx.exec(sql);
    tx.commit();
  }

  // Takes migration 19 off: items without their match words.
  void BackToVersion18() {
    Exec(
        "ALTER TABLE register_items DROP COLUMN words; "
        "DELETE FROM schema_migrations WHERE version = 19");
  }

  // Takes migrations 19 and 18 off: no kept count of open items.
  void BackToVersion17() {
    BackToVersion18();
    Exec(
        "ALTER TABLE groups DROP COLUMN open_items; DELETE FROM schema_migrations WHERE version = "
        "18");
  }

  // Takes migrations 19 to 17 off: no roster person's kept names and counts.
  void BackToVersion16() {
    BackToVersion17();
    Exec("DROP TABLE person_owner_names; DELETE FROM schema_migrations WHERE version = 17");
  }

  // Takes migrations 19 to 16 off: the full-text index with GIN's pending list.
  void BackToVersion15() {
    BackToVersion16();
    Exec(
        "ALTER INDEX search_docs_words RESET (fastupdate); "
        "DELETE FROM schema_migrations WHERE version = 16");
  }

  // Takes migrations 19 to 15 off: each group's kept owner counts.
  void BackToVersion14() {
    BackToVersion15();
    Exec(
        "ALTER TABLE groups DROP COLUMN owner_counts; "
        "DELETE FROM schema_migrations WHERE version = 15");
  }

  // Takes migrations 19 to 12 off, as a database of an earlier plenary would be.
  void BackToVersion11() {
    BackToVersion14();
    Exec(
        "COMMENT ON TABLE register_item_owners IS NULL; "
        "DELETE FROM schema_migrations WHERE version = 14; "
        "COMMENT ON TABLE register_items IS NULL; "
        "DELETE FROM schema_migrations WHERE version = 13; "
        "COMMENT ON TABLE search_docs IS NULL; "
        "DELETE FROM schema_migrations WHERE version = 12");
  }

  // Takes migrations 12 and 11 off.
  void BackToVersion10() {
    BackToVersion11();
    Exec(
        "ALTER TABLE groups DROP COLUMN owner_names; "
        "DELETE FROM schema_migrations WHERE version = 11");
  }

  // Takes migrations 11 and 10 off.
  void BackToVersion9() {
    BackToVersion10();
    Exec(
        "DROP TABLE attendance_entries, attendance_meetings; "
        "DELETE FROM schema_migrations WHERE version = 10");
  }

  // Takes migrations 10, 9 and 8 off.
  void BackToVersion7() {
    BackToVersion9();
    Exec(
        "DROP TABLE workplan_task_items, workplan_task_people, workplan_tasks, "
        "workplan_subtopics, workplan_milestones, workplan_subteams; "
        "DELETE FROM schema_migrations WHERE version = 9");
    Exec(
        "DROP TABLE register_match_texts; ALTER TABLE register_items DROP COLUMN awaits_next; "
        "ALTER TABLE groups DROP COLUMN register_token; DELETE FROM schema_migrations WHERE "
        "version = 8");
  }

  std::string QueryText(const std::string& sql) {
    pqxx::connection connection(schema_.url());
    pqxx::read_transaction tx(connection);
    return tx.exec1(sql)[0].c_str();
  }

  std::int64_t QueryInt(const std::string& sql) {
    pqxx::connection connection(schema_.url());
    pqxx::read_transaction tx(connection);
    return tx.exec1(sql)[0].as<std::int64_t>();
  }

  pg_testing::ScratchSchema schema_;
};

TEST_F(PostgresStoreTest, RecordsMigrationsOnceAndReopensWithoutChange) {
  Open().reset();
  Open().reset();
  EXPECT_EQ(QueryInt("SELECT count(*) FROM schema_migrations"),
            static_cast<std::int64_t>(PostgresMigrations().size()));
  EXPECT_EQ(QueryInt("SELECT max(version) FROM schema_migrations"), CurrentPostgresSchemaVersion());
}

TEST_F(PostgresStoreTest, RefusesADatabaseFromANewerPlenary) {
  Open().reset();
  Exec("INSERT INTO schema_migrations (version, description) VALUES (999, 'from the future')");
  Result<std::unique_ptr<Store>> store = OpenStore(schema_.url());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::kStorage);
  EXPECT_NE(store.error().message.find("schema version 999, newer than this plenary"),
            std::string::npos)
      << store.error().message;
}

TEST_F(PostgresStoreTest, RefusesADatabaseThatIsNotPlenarys) {
  Exec("CREATE TABLE recipes (name text)");
  Result<std::unique_ptr<Store>> store = OpenStore(schema_.url());
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find("not a plenary database"), std::string::npos);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"), 1);
}

TEST_F(PostgresStoreTest, MessagesNeverCarryThePassword) {
  // The server trusts every local connection, so the password is accepted and
  // ignored; the database does not exist, so the server reports an error.
  std::string server = *pg_testing::ServerUrl();
  std::string url = "postgresql://plenary:hunter2@" + server.substr(server.find('@') + 1);
  url = url.substr(0, url.rfind('/')) + "/no_such_db?password=hunter3";
  Result<std::unique_ptr<Store>> store = OpenStore(url);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::kStorage);
  EXPECT_EQ(store.error().message.find("hunter"), std::string::npos) << store.error().message;
  EXPECT_NE(store.error().message.find("plenary:***@"), std::string::npos) << store.error().message;
  EXPECT_NE(store.error().message.find("no_such_db"), std::string::npos);
}

TEST_F(PostgresStoreTest, MigrationFourIndexesWhatAnOlderDatabaseHolds) {
  Meeting meeting = SmallMeeting("SSR2", 3, D(2017, 6, 13));
  meeting.decisions = {{"The team adopted the terms of reference", 20}};
  ASSERT_TRUE(Open()->Import({Ssr2Roster(), {Imported(meeting, "a")}}).ok());
  // Back to version 3, as a database of an earlier plenary would be.
  BackToVersion7();
  Exec(
      "DROP INDEX register_items_by_group_status, register_items_by_group_due, "
      "register_items_by_origin, register_item_owners_by_name, meetings_by_group_date, "
      "meetings_by_group_date_id; DELETE FROM schema_migrations WHERE version = 7");
  Exec(
      "DROP TABLE reminders_sent, organisation_addresses; ALTER TABLE people DROP COLUMN email, "
      "DROP COLUMN reminders, DROP COLUMN affiliation, DROP COLUMN capacity; DELETE FROM "
      "schema_migrations WHERE version = 6");
  Exec(
      "DROP TABLE attendance_remarks; ALTER TABLE action_mentions DROP COLUMN written_status, "
      "DROP COLUMN due_phrase; ALTER TABLE register_items DROP COLUMN written_status, DROP COLUMN "
      "due_phrase; ALTER TABLE decisions DROP COLUMN body; DELETE FROM schema_migrations WHERE "
      "version = 5");
  Exec(
      "DROP TABLE search_docs, audit_log, public_groups, api_tokens, sessions, user_grants, "
      "users; DROP FUNCTION plenary_fold; DELETE FROM schema_migrations WHERE version = 4");
  ASSERT_EQ(QueryInt("SELECT max(version) FROM schema_migrations"), 3);

  auto site = OpenSiteStore(schema_.url());
  ASSERT_TRUE(site.ok()) << site.error().message;
  EXPECT_EQ(QueryInt("SELECT max(version) FROM schema_migrations"), CurrentPostgresSchemaVersion());
  auto hits = (*site)->Search({"adopted terms", {"SSR2"}, 10});
  ASSERT_TRUE(hits.ok()) << hits.error().message;
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ(hits->at(0).kind, SearchKind::kDecision);
}

TEST_F(PostgresStoreTest, MigrationFiveKeepsAVersion4DatabasesRows) {
  std::string sql =
      "CREATE TABLE schema_migrations (version integer PRIMARY KEY, description text NOT NULL, "
      "applied_at timestamptz NOT NULL DEFAULT now());";
  for (int version = 1; version <= 4; ++version) {
    sql += std::string(PostgresMigrations().at(static_cast<std::size_t>(version - 1)).sql);
    sql += "; INSERT INTO schema_migrations (version, description) VALUES (" +
           std::to_string(version) + ", 'v');";
  }
  Exec(sql + store_testing::kVersion4Rows);
  ASSERT_EQ(QueryInt("SELECT max(version) FROM schema_migrations"), 4);

  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(QueryInt("SELECT max(version) FROM schema_migrations"), CurrentPostgresSchemaVersion());
  ExpectVersion4RowsMigrated(*store);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM meeting_participants WHERE role = 'guest'"), 1);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM attendance_remarks"), 1);
}

TEST_F(PostgresStoreTest, MigrationSixGivesAVersion5RosterAddressesAndTheRemindersLog) {
  std::string sql =
      "CREATE TABLE schema_migrations (version integer PRIMARY KEY, description text NOT NULL, "
      "applied_at timestamptz NOT NULL DEFAULT now());";
  for (int version = 1; version <= 5; ++version) {
    sql += std::string(PostgresMigrations().at(static_cast<std::size_t>(version - 1)).sql);
    sql += "; INSERT INTO schema_migrations (version, description) VALUES (" +
           std::to_string(version) + ", 'v');";
  }
  Exec(sql +
       "INSERT INTO groups (id, short_name, full_name, roster_saved_at) VALUES (1, 'SSR2', "
       "'Second SSR', now());"
       "INSERT INTO people (id, group_id, position, name, role) VALUES (1, 1, 0, 'Denise "
       "Michel', 'member');");
  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(QueryInt("SELECT max(version) FROM schema_migrations"),
            PostgresMigrations().back().version);
  auto roster = store->FindRoster("SSR2");
  ASSERT_TRUE(roster.ok() && roster->has_value()) << (roster.ok() ? "" : roster.error().message);
  EXPECT_EQ((*roster)->people.at(0), (Person{"Denise Michel", Role::kMember, {}}));
  Roster changed = **roster;
  changed.people[0].email = "dm@example.org";
  changed.people[0].reminders = false;
  changed.organisations = {{"Staff", "staff@example.org"}};
  ASSERT_TRUE(store->Import({changed, {}}).ok());
  EXPECT_EQ(*store->FindRoster("SSR2"), std::optional<Roster>(changed));
  auto site = OpenSiteStore(schema_.url());
  ASSERT_TRUE(site.ok()) << site.error().message;
  EXPECT_TRUE(*(*site)->RecordReminder(
      {"SSR2", "Denise Michel", "dm@example.org", "2026-11-28", 1, "m@example.org", "1"}));
  EXPECT_EQ(QueryInt("SELECT count(*) FROM reminders_sent"), 1);
}

// As sqlite/migrations_test.cc's Version7RegisterIsReplayedWithItsIdsAndThenExtended.
TEST_F(PostgresStoreTest, MigrationEightReplaysAVersion7RegisterWithItsIds) {
  Meeting first = SmallMeeting("SSR2", 1, D(2017, 6, 1));
  first.actions = {Item("Draft the terms of reference for the review team", {}),
                   Item("Circulate the survey of the community to members", {})};
  Meeting second = SmallMeeting("SSR2", 2, D(2017, 6, 8));
  second.actions = {Item("Draft the terms of reference for the review", {})};
  second.actions[0].source = ActionSource::kReview;
  std::vector<RegisteredAction> before;
  {
    auto store = Open();
    ASSERT_TRUE(store->Import({Ssr2Roster(), {Imported(first, "1"), Imported(second, "2")}}).ok());
    before = *store->Actions({});
  }
  BackToVersion7();
  auto store = Open();
  auto after = store->Actions({});
  ASSERT_TRUE(after.ok()) << after.error().message;
  EXPECT_EQ(Ids(*after), Ids(before));
  EXPECT_EQ(Texts(*after), Texts(before));
  EXPECT_EQ(QueryInt("SELECT max(version) FROM schema_migrations"),
            PostgresMigrations().back().version);
  EXPECT_GT(QueryInt("SELECT count(*) FROM register_match_texts"), 0);
  Meeting third = SmallMeeting("SSR2", 3, D(2017, 6, 15));
  third.actions = {Item("Draft the terms of reference for the review team", {})};
  third.actions[0].source = ActionSource::kReview;
  third.actions[0].status = ActionStatus::kComplete;
  ASSERT_TRUE(store->Import({std::nullopt, {Imported(third, "3")}}).ok());
  EXPECT_EQ(store->Action(before[0].id)->item.status, ActionStatus::kComplete);
}

// Schema 16: the full-text index has no pending list, so a search never
// reads through one; a version 15 database's index is changed on opening.
TEST_F(PostgresStoreTest, Version15SearchIndexLosesItsPendingList) {
  auto fastupdate = [&] {
    return QueryText(
        "SELECT coalesce(array_to_string(reloptions, ','), '') FROM pg_class "
        "WHERE relname = 'search_docs_words' AND relnamespace = current_schema()::regnamespace");
  };
  ASSERT_NE(Open(), nullptr);
  EXPECT_EQ(fastupdate(), "fastupdate=off");
  BackToVersion15();
  EXPECT_EQ(fastupdate(), "");
  ASSERT_NE(Open(), nullptr);
  EXPECT_EQ(fastupdate(), "fastupdate=off");
  EXPECT_EQ(QueryInt("SELECT max(version) FROM schema_migrations"), CurrentPostgresSchemaVersion());
}

// A store's connection plans without parallel workers (pg_database.cc says
// why), whatever the server's default.
TEST_F(PostgresStoreTest, ConnectionsPlanWithoutParallelWorkersOrJit) {
  EXPECT_NE(QueryText("SHOW max_parallel_workers_per_gather"), "0") << "the server's default";
  EXPECT_EQ(QueryText("SHOW jit"), "on") << "the server's default";
  auto db = pg::Database::Open(schema_.url());
  ASSERT_TRUE(db.ok()) << db.error().message;
  auto setting = (*db)->Read<std::string>([](pqxx::transaction_base& tx) {
    return Result<std::string>(
        tx.exec1("SHOW max_parallel_workers_per_gather")[0].as<std::string>() + " " +
        tx.exec1("SHOW jit")[0].as<std::string>());
  });
  ASSERT_TRUE(setting.ok()) << setting.error().message;
  EXPECT_EQ(*setting, "0 off");
}

// Schema 15 keeps each group's counts of items by owner beside its register;
// a version 14 database gets them on opening, the counts a register update
// writes, and My items counts with them and, for a restored group, without.
TEST_F(PostgresStoreTest, Version14GroupsGetTheirOwnerCountsOnOpening) {
  ImportABoardItemMergedAndReassigned(*Open());
  ImportItemsOfSeveralOwners(*Open());
  if (HasFatalFailure()) return;
  auto written = ParseOwnerCounts(QueryText("SELECT owner_counts FROM groups"));
  ASSERT_TRUE(written);
  BackToVersion14();
  auto store = Open();
  EXPECT_EQ(QueryInt("SELECT max(version) FROM schema_migrations"), CurrentPostgresSchemaVersion());
  auto migrated = ParseOwnerCounts(QueryText("SELECT owner_counts FROM groups"));
  ASSERT_TRUE(migrated);
  EXPECT_EQ(*migrated, *written);
  EXPECT_TRUE(std::any_of(migrated->rows.begin(), migrated->rows.end(),
                          [](const OwnerCounts::Row& r) { return r.names.size() == 3; }));
  for (const char* person : {"James Gannon", "jg", "Žarko Kečić", "Staff", "Denise Michel"})
    ExpectMyItemsCountedAsListed(*store, person, "SSR2");
  Exec("UPDATE groups SET owner_counts = NULL");  // as a restore leaves it
  auto restored = Open();                         // nothing kept from the reads above
  for (const char* person : {"James Gannon", "jg", "Žarko Kečić"})
    ExpectMyItemsCountedAsListed(*restored, person, "SSR2");
}

// Schema 18 keeps each group's count of open items; a version 17 database
// gets it on opening, the count a register update writes, and the group list
// reads it (or counts, where it is NULL, as after a restore).
TEST_F(PostgresStoreTest, Version17GroupsGetTheirOpenItemsCountOnOpening) {
  ImportABoardItemMergedAndReassigned(*Open());
  ImportItemsOfSeveralOwners(*Open());
  if (HasFatalFailure()) return;
  const std::int64_t written = QueryInt("SELECT open_items FROM groups");
  ActionQuery open;
  open.open_only = true;
  EXPECT_EQ(static_cast<std::size_t>(written), Open()->Actions(open)->size());
  BackToVersion17();
  auto store = Open();
  EXPECT_EQ(QueryInt("SELECT max(version) FROM schema_migrations"), CurrentPostgresSchemaVersion());
  EXPECT_EQ(QueryInt("SELECT open_items FROM groups"), written);
  EXPECT_EQ(static_cast<std::int64_t>(store->GroupSummaries()->at(0).open_actions), written);
  Exec("UPDATE groups SET open_items = NULL");  // as a restore leaves it
  EXPECT_EQ(static_cast<std::int64_t>(Open()->GroupSummaries()->at(0).open_actions), written);
}

// Schema 19 keeps each item's match words; a version 18 database gets them
// on opening, as the register's writes give them.
TEST_F(PostgresStoreTest, Version18ItemsGetTheirMatchWordsOnOpening) {
  ImportABoardItemMergedAndReassigned(*Open());
  ImportItemsOfSeveralOwners(*Open());
  if (HasFatalFailure()) return;
  const std::string kWords =
      "SELECT string_agg(id || ':' || words::text, ' ' ORDER BY id) FROM register_items";
  const std::string written = QueryText(kWords);
  ASSERT_GT(QueryInt("SELECT count(*) FROM register_items WHERE length(words) > 0"), 1);
  BackToVersion18();
  Open().reset();
  EXPECT_EQ(QueryInt("SELECT max(version) FROM schema_migrations"), CurrentPostgresSchemaVersion());
  EXPECT_EQ(QueryText(kWords), written);
}

// Schema 17 keeps each roster person's owner names and counts per group; a
// version 16 database gets them on opening, the rows a register update
// writes, and My items reads them.
TEST_F(PostgresStoreTest, Version16GroupsGetTheirRosterPeoplesKeptNamesOnOpening) {
  ImportABoardItemMergedAndReassigned(*Open());
  ImportItemsOfSeveralOwners(*Open());
  if (HasFatalFailure()) return;
  const std::string kRows =
      "SELECT string_agg(person || '|' || group_id || '|' || names || '|' || open_items || "
      "'|' || complete_items || '|' || cancelled_items, ';' ORDER BY person, group_id) "
      "FROM person_owner_names";
  const std::string written = QueryText(kRows);
  ASSERT_NE(written.find("James Gannon|"), std::string::npos) << written;
  BackToVersion16();
  EXPECT_EQ(QueryInt("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND "
                     "tablename = 'person_owner_names'"),
            0);
  auto store = Open();
  EXPECT_EQ(QueryInt("SELECT max(version) FROM schema_migrations"), CurrentPostgresSchemaVersion());
  EXPECT_EQ(QueryText(kRows), written);
  for (const char* person : {"James Gannon", "jg", "Žarko Kečić", "Staff", "Denise Michel"})
    ExpectMyItemsCountedAsListed(*store, person, "SSR2");
}

// Schema 11 keeps each group's item owners beside its register; a version
// 10 database gets them on opening, the list a register update writes.
TEST_F(PostgresStoreTest, Version10GroupsGetTheirOwnerNamesOnOpening) {
  ImportABoardItemMergedAndReassigned(*Open());
  if (HasFatalFailure()) return;
  auto written = ParseEventOwners(QueryText("SELECT owner_names FROM groups"));
  ASSERT_TRUE(written);
  BackToVersion10();
  auto store = Open();
  EXPECT_EQ(QueryInt("SELECT max(version) FROM schema_migrations"), CurrentPostgresSchemaVersion());
  auto migrated = ParseEventOwners(QueryText("SELECT owner_names FROM groups"));
  ASSERT_TRUE(migrated);
  EXPECT_EQ(*migrated, *written);
  EXPECT_FALSE(migrated->empty());
  for (const Owner& o : *migrated) EXPECT_NE(o.name, "ICANN Board");
  Exec("UPDATE groups SET owner_names = NULL");  // as a restore leaves it
  auto names = store->OwnerNames("SSR2");
  ASSERT_TRUE(names.ok());
  std::vector<std::string> expected;
  for (const Owner& o : *migrated)
    if (expected.empty() || expected.back() != o.name) expected.push_back(o.name);
  EXPECT_EQ(*names, expected);
}

// Schema 10 stores each meeting's attendance; a version 9 database gets it
// computed on opening, the same as the core computes it.
TEST_F(PostgresStoreTest, Version9MeetingsHaveTheirAttendanceStoredOnOpening) {
  Meeting second = SmallMeeting("SSR2", 16, D(2017, 6, 20));
  second.attendees = {"Denise Michel"};
  ASSERT_TRUE(Open()->Import({Ssr2Roster(), {Imported(FullMeeting(), "1")}}).ok());
  BackToVersion9();
  auto store = Open();
  EXPECT_EQ(QueryInt("SELECT max(version) FROM schema_migrations"), CurrentPostgresSchemaVersion());
  ASSERT_TRUE(store->Import({std::nullopt, {Imported(second, "2")}}).ok());
  auto stored = store->AttendancePage({"SSR2", std::nullopt, std::nullopt}, {});
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  const Roster roster = **store->FindRoster("SSR2");
  const std::vector<Meeting> meetings = *store->Meetings();
  ASSERT_EQ(stored->items.size(), 2u);
  ASSERT_EQ(meetings.size(), 2u);
  EXPECT_EQ(stored->items[0], AttendanceOf(meetings[0], &roster));
  EXPECT_EQ(stored->items[1], AttendanceOf(meetings[1], &roster));
  EXPECT_GT(QueryInt("SELECT count(*) FROM attendance_entries"), 3);
}

TEST(PostgresOpenStoreTest, AnUnreachableServerIsAStorageErrorWithoutThePassword) {
  Result<std::unique_ptr<Store>> store = OpenStore("postgres://u:s3cret@127.0.0.1:1/db");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::kStorage);
  EXPECT_EQ(store.error().message.find("s3cret"), std::string::npos) << store.error().message;
  EXPECT_EQ(store.error().message.rfind("postgres://u:***@127.0.0.1:1/db: ", 0), 0u)
      << store.error().message;
}

}  // namespace
}  // namespace plenary
