#include "store/sqlite/sqlite_store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_lists.h"
#include "store/store_test_data.h"

namespace plenary {
namespace {

using namespace store_testing;  // NOLINT: the shared test data

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::path(::testing::TempDir()) / "plenary_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    path_ = (dir_ / "register.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<SqliteStore> Open() {
    Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_);
    if (!store.ok()) {
      ADD_FAILURE() << store.error().message;
      return nullptr;
    }
    return std::move(store).value();
  }

  // The main database file, once every connection is closed (WAL checkpointed).
  std::string FileBytes() const {
    std::ifstream in(path_, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    EXPECT_FALSE(bytes.empty());
    return bytes;
  }

  std::int64_t QueryInt(const std::string& sql) const {
    SQLite::Database db(path_, SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt64();
  }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(SqliteStoreTest, ReimportingTheSameNotesWritesNothing) {
  ImportBatch batch{Ssr2Roster(), {Imported(FullMeeting(), "a1")}};
  ASSERT_TRUE(Open()->Import(batch).ok());
  std::string before = FileBytes();

  batch.meetings[0].meeting.key.group = "ssr2";
  ImportReport report = Ok(Open()->Import(batch));
  EXPECT_EQ(report.roster, ImportOutcome::kUnchanged);
  ASSERT_EQ(report.meetings.size(), 1u);
  EXPECT_EQ(report.meetings[0].outcome, ImportOutcome::kUnchanged);
  EXPECT_EQ(FileBytes(), before);
}

TEST_F(SqliteStoreTest, FailedBatchChangesNothing) {
  ASSERT_TRUE(Open()->Import({Ssr2Roster(), {Imported(FullMeeting(), "a1")}}).ok());
  std::string before = FileBytes();

  Roster changed = Ssr2Roster();
  changed.people.pop_back();
  Meeting fine = SmallMeeting("RDS", 1, D(2017, 6, 2));
  Meeting broken = SmallMeeting("SSR2", 13, D(2017, 6, 30));
  broken.actions.push_back(Item("Broken", {}));
  broken.actions[0].status = static_cast<ActionStatus>(42);  // fails the CHECK on status
  auto store = Open();
  Result<ImportReport> result =
      store->Import({changed, {Imported(fine, "b"), Imported(broken, "c")}});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::kStorage);
  EXPECT_NE(result.error().message.find(path_ + ": CHECK constraint failed"), std::string::npos)
      << result.error().message;
  EXPECT_EQ(Ok(store->Meetings()), std::vector<Meeting>{FullMeeting()});
  EXPECT_EQ(Ok(store->FindRoster("SSR2")), std::optional<Roster>(Ssr2Roster()));
  EXPECT_EQ(Ok(store->FindRoster("RDS")), std::nullopt);
  store.reset();
  EXPECT_EQ(FileBytes(), before);
}

TEST_F(SqliteStoreTest, RecordsMigrations) {
  Open().reset();
  EXPECT_EQ(QueryInt("SELECT count(*) FROM schema_migrations"),
            static_cast<std::int64_t>(SqliteMigrations().size()));
  EXPECT_EQ(QueryInt("SELECT max(version) FROM schema_migrations"), CurrentSqliteSchemaVersion());
  EXPECT_EQ(QueryInt("SELECT count(*) FROM schema_migrations WHERE description = '' OR "
                     "applied_at NOT GLOB '[0-9][0-9][0-9][0-9]-*T*Z'"),
            0);
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
}

TEST_F(SqliteStoreTest, OpeningAnUpToDateDatabaseWritesNothing) {
  ASSERT_TRUE(Open()->Import({Ssr2Roster(), {Imported(FullMeeting(), "a1")}}).ok());
  std::string before = FileBytes();
  {
    auto store = Open();
    EXPECT_EQ(Ok(store->Meetings()).size(), 1u);
    EXPECT_EQ(Ok(store->Actions({})).size(), 4u);
    EXPECT_EQ(Ok(store->Rosters()).size(), 1u);
    EXPECT_EQ(Ok(store->Decisions()).size(), 2u);
  }
  EXPECT_EQ(FileBytes(), before);
}

TEST_F(SqliteStoreTest, RefusesADatabaseFromANewerPlenary) {
  Open().reset();
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    db.exec(
        "INSERT INTO schema_migrations VALUES (999, 'from the future', '2030-01-01T00:00:00Z')");
  }
  std::string before = FileBytes();
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::kStorage);
  EXPECT_NE(store.error().message.find("schema version 999, newer than this plenary"),
            std::string::npos)
      << store.error().message;
  EXPECT_EQ(FileBytes(), before);
}

TEST_F(SqliteStoreTest, RefusesADatabaseThatIsNotPlenarys) {
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE recipes (name TEXT)");
  }
  std::string before = FileBytes();
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::kStorage);
  EXPECT_NE(store.error().message.find("not a plenary database"), std::string::npos);
  EXPECT_EQ(FileBytes(), before);
}

TEST_F(SqliteStoreTest, RefusesAFileThatIsNotADatabase) {
  std::ofstream(path_) << "Minutes of the meeting held on 23 June\n";
  std::string before = FileBytes();
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::kStorage);
  EXPECT_EQ(store.error().message.rfind(path_ + ": ", 0), 0u) << store.error().message;
  EXPECT_EQ(FileBytes(), before);
}

TEST_F(SqliteStoreTest, OpenStoreTakesASqliteUrlOrABarePath) {
  Result<std::unique_ptr<Store>> by_url = OpenStore("sqlite:" + path_);
  ASSERT_TRUE(by_url.ok()) << by_url.error().message;
  ASSERT_TRUE(
      (*by_url)->Import({{}, {Imported(SmallMeeting("SSR2", 1, D(2017, 6, 1)), "1")}}).ok());
  by_url->reset();
  Result<std::unique_ptr<Store>> by_path = OpenStore(path_);
  ASSERT_TRUE(by_path.ok()) << by_path.error().message;
  EXPECT_EQ(Ok((*by_path)->Meetings()).size(), 1u);

  Result<std::unique_ptr<Store>> empty = OpenStore("sqlite:");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().kind, ErrorKind::kInvalidInput);
}

TEST_F(SqliteStoreTest, MigratesARegisterFromBeforeSubTeams) {
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT "
        "NOT NULL, applied_at TEXT NOT NULL) STRICT");
    for (const SqliteMigration& migration : SqliteMigrations()) {
      if (migration.version > 2) break;
      db.exec(std::string(migration.sql));
      db.exec("INSERT INTO schema_migrations VALUES (" + std::to_string(migration.version) +
              ", 'old', '2017-01-01T00:00:00Z')");
    }
    db.exec("INSERT INTO groups (id, short_name, roster_saved_at) VALUES (1, 'SSR2', 'now')");
    db.exec("INSERT INTO people (group_id, position, name, role) VALUES (1, 0, 'A B', 'member')");
  }
  auto store = Open();
  EXPECT_EQ(Ok(store->FindRoster("SSR2")),
            std::optional<Roster>(Roster{{"SSR2", "", {}, {}}, {{"A B", Role::kMember, {}}}}));
  EXPECT_TRUE(store->Import({RosterWithSubTeams(), {}}).ok());
  EXPECT_EQ(Ok(store->FindRoster("SSR2")), std::optional<Roster>(RosterWithSubTeams()));
  EXPECT_EQ(QueryInt("SELECT max(version) FROM schema_migrations"), CurrentSqliteSchemaVersion());
}

TEST(SqliteOpenStoreTest, RefusesOtherSchemesWithoutEchoingCredentials) {
  Result<std::unique_ptr<Store>> store = OpenStore("mysql://u:secret@h/db");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(store.error().message.find("'mysql' is not supported"), std::string::npos)
      << store.error().message;
  EXPECT_EQ(store.error().message.find("secret"), std::string::npos);
  EXPECT_EQ(store.error().message.find("u:"), std::string::npos);
}

TEST(SqliteOpenStoreTest, ReportsAnUnopenableFileAsStorage) {
  Result<std::unique_ptr<Store>> store = OpenStore("/nonexistent-dir/plenary/register.db");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::kStorage);
}

// The connection's kept statements are bounded, and a statement lent out
// (an import holds several while it writes a meeting) is kept when the
// cache makes room: it still reads after kStatements other texts.
TEST(StatementCacheTest, AStatementLentOutIsKeptWhenTheCacheMakesRoom) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  db.exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (7)");
  sqlite::StatementCache cache;
  sqlite::LentStatement held = cache.Lend(db, "SELECT x FROM t");
  for (std::size_t i = 0; i <= sqlite::StatementCache::kStatements; ++i) {
    sqlite::LentStatement other = cache.Lend(db, "SELECT x + " + std::to_string(i) + " FROM t");
    ASSERT_TRUE(other->executeStep());
    EXPECT_EQ(other->getColumn(0).getInt64(), 7 + static_cast<std::int64_t>(i));
  }
  ASSERT_TRUE(held->executeStep());
  EXPECT_EQ(held->getColumn(0).getInt64(), 7);
}

}  // namespace
}  // namespace plenary
