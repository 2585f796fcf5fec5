// Migration 9 (work plans) from the schema before it, version 7, on both back
// ends: the stored rows stay, the version is recorded, and a work plan is
// written and read back.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <pqxx/pqxx>

#include "pg_test_server.h"
#include "plenary/store.h"
#include "store/postgres/pg_migrations.h"
#include "store/sqlite/migrations.h"

namespace plenary {
namespace {

constexpr const char* kVersion7Rows =
    "INSERT INTO groups (id, short_name, full_name, roster_saved_at) VALUES (1, 'SSR2', "
    "'Second SSR', '2026-11-01T00:00:00Z');"
    "INSERT INTO people (id, group_id, position, name, role) VALUES (1, 1, 0, 'Eric Osterweil', "
    "'member'), (2, 1, 1, 'Geoff Huston', 'member');"
    "INSERT INTO subteams (id, group_id, position, name, leader_id) VALUES (1, 1, 0, 'DNS SSR', "
    "1);"
    "INSERT INTO subteam_members VALUES (1, 0, 1), (1, 1, 2);";

Date D(int y, unsigned m, unsigned d) { return Date{std::chrono::year{y} / m / d}; }

WorkPlan DnsPlan() {
  WorkPlanTask task{"DNS-1",       "KSK rollover",  "Eric Osterweil",        {"Geoff Huston"},
                    D(2017, 7, 1), D(2017, 12, 15), TaskStatus::kInProgress, {}};
  return {"SSR2",
          {{"Draft report", D(2018, 10, 31)}},
          {{"DNS SSR", {{"Root zone", {task}}}, {{"Findings", D(2018, 6, 1)}}}}};
}

void ExpectVersion7RowsTakeAPlan(Store& store) {
  auto roster = store.FindRoster("SSR2");
  ASSERT_TRUE(roster.ok() && roster->has_value());
  EXPECT_EQ((*roster)->subteams.at(0).leader, std::optional<std::string>("Eric Osterweil"));
  EXPECT_EQ(*store.FindWorkPlan("SSR2"), std::nullopt);
  auto report = store.Import({std::nullopt, {}, {DnsPlan()}});
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(*store.FindWorkPlan("SSR2"), std::optional<WorkPlan>(DnsPlan()));
}

TEST(WorkplanMigration, SqliteVersion7DatabaseTakesWorkPlans) {
  std::string pattern = (std::filesystem::path(::testing::TempDir()) / "wp7_XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  const std::string path = pattern + "/old.db";
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT "
        "NULL, applied_at TEXT NOT NULL) STRICT");
    for (const SqliteMigration& m : SqliteMigrations()) {
      if (m.version > 7) continue;
      db.exec(std::string(m.sql));
      db.exec("INSERT INTO schema_migrations VALUES (" + std::to_string(m.version) +
              ", 'v', '2026-11-01T00:00:00Z')");
    }
    db.exec(kVersion7Rows);
  }
  {
    auto store = OpenStore(path);
    ASSERT_TRUE(store.ok()) << store.error().message;
    ExpectVersion7RowsTakeAPlan(**store);
  }
  SQLite::Database db(path);
  EXPECT_EQ(db.execAndGet("SELECT max(version) FROM schema_migrations").getInt(),
            SqliteMigrations().back().version);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM workplan_tasks").getInt(), 1);
  SQLite::Statement dangling(db, "PRAGMA foreign_key_check");
  EXPECT_FALSE(dangling.executeStep());
  std::filesystem::remove_all(pattern);
}

TEST(PostgresWorkplanMigration, Version7SchemaTakesWorkPlans) {
  PLENARY_REQUIRE_PG_SERVER();
  pg_testing::ScratchSchema schema;
  ASSERT_TRUE(schema.ok());
  std::string sql =
      "CREATE TABLE schema_migrations (version integer PRIMARY KEY, description text NOT NULL, "
      "applied_at timestamptz NOT NULL DEFAULT now());";
  for (const PostgresMigration& m : PostgresMigrations()) {
    if (m.version > 7) continue;
    sql += std::string(m.sql) + "; INSERT INTO schema_migrations (version, description) VALUES (" +
           std::to_string(m.version) + ", 'v');";
  }
  {
    pqxx::connection connection(schema.url());
    pqxx::work tx(connection);
    tx.exec(sql + kVersion7Rows);
    tx.commit();
  }
  {
    auto store = OpenStore(schema.url());
    ASSERT_TRUE(store.ok()) << store.error().message;
    ExpectVersion7RowsTakeAPlan(**store);
  }
  pqxx::connection connection(schema.url());
  pqxx::read_transaction tx(connection);
  EXPECT_EQ(tx.exec1("SELECT max(version) FROM schema_migrations")[0].as<int>(),
            PostgresMigrations().back().version);
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM workplan_milestones")[0].as<int>(), 2);
}

}  // namespace
}  // namespace plenary
