// `plenary export` and `plenary copy-db`: an installation moves SQLite ->
// PostgreSQL -> SQLite without loss, verified by comparing full exports.
#include <stdlib.h>

#include "cli_fixture.h"

namespace plenary::cli_testing {
namespace {

class PostgresCliCopyDbTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    PLENARY_REQUIRE_PG_SERVER();
  }

  // A register with every kind of row: a roster with aliases, two meetings,
  // a manual change, a merge and a notice-free replay; a user with grants, an
  // API token, a public group, and the audit log of all that.
  void FillSqlite() {
    setenv("PLENARY_PASSWORD_COST", "test", 1);
    RunResult user =
        Plenary({"user", "add", "pat", "--grant", "SSR2=secretariat", "--grant", "RDS=member",
                 "--password-file", WriteFile("pw.txt", "a long secret\n")});
    unsetenv("PLENARY_PASSWORD_COST");
    ASSERT_EQ(user.status, 0) << user.err;
    ASSERT_EQ(Plenary({"token", "create", "pat", "--name", "backup"}).status, 0);
    ASSERT_EQ(Plenary({"group", "public", "SSR2", "--on"}).status, 0);
    ImportSsr2();
    RunResult r = Plenary({"import", WriteFile("p16.txt", kPlenary16)});
    ASSERT_EQ(r.status, 0) << r.err;
    r = Plenary({"actions", "done", "1", "--note", "Posted", "--who", "Jennifer Bryce"});
    ASSERT_EQ(r.status, 0) << r.err;
    r = Plenary({"actions", "merge", "2", "3", "--who", "Jennifer Bryce", "--note", "same"});
    ASSERT_EQ(r.status, 0) << r.err;
    r = Plenary({"import", "--workplan", (kExamples / "ssr2-workplan.toml").string()});
    ASSERT_EQ(r.status, 0) << r.err;
  }

  RunResult ExportOf(const std::string& db) const {
    return Spawn({PLENARY_BINARY, "--db", db, "export"});
  }
};

TEST_F(PostgresCliCopyDbTest, SqliteToPostgresToSqliteKeepsEverything) {
  FillSqlite();
  RunResult original = Plenary({"export"});
  ASSERT_EQ(original.status, 0) << original.err;
  json parsed = json::parse(original.out);
  EXPECT_EQ(parsed["format"], "plenary-export");
  EXPECT_EQ(parsed["tables"]["register_events"].size(), 2u);
  EXPECT_GT(parsed["tables"]["register_history"].size(), 13u);
  EXPECT_EQ(parsed["tables"]["users"].size(), 1u);
  EXPECT_EQ(parsed["tables"]["user_grants"].size(), 2u);
  EXPECT_EQ(parsed["tables"]["api_tokens"].size(), 1u);
  EXPECT_EQ(parsed["tables"]["public_groups"].size(), 1u);
  EXPECT_GE(parsed["tables"]["audit_log"].size(), 4u);
  EXPECT_EQ(parsed["tables"]["workplan_subteams"].size(), 4u);
  EXPECT_EQ(parsed["tables"]["workplan_tasks"].size(), 11u);
  EXPECT_EQ(parsed["tables"]["workplan_milestones"].size(), 4u);

  pg_testing::ScratchSchema schema;
  RunResult r = Plenary({"copy-db", "--from", db_, "--to", schema.url()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("copied 1 groups, 2 meetings"), std::string::npos) << r.out;
  EXPECT_EQ(ExportOf(schema.url()).out, original.out);

  const std::string back = Path("back.db");
  r = Plenary({"copy-db", "--from", schema.url(), "--to", back});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(ExportOf(back).out, original.out);

  // The copies answer like the original.
  for (const std::string& db : {schema.url(), back}) {
    RunResult show = Spawn({PLENARY_BINARY, "--db", db, "actions", "show", "1", "--json"});
    EXPECT_EQ(show.status, 0) << show.err;
    EXPECT_EQ(show.out, Plenary({"actions", "show", "1", "--json"}).out);
    RunResult plan =
        Spawn({PLENARY_BINARY, "--db", db, "workplan", "--json", "--as-of", "2018-01-01"});
    EXPECT_EQ(plan.status, 0) << plan.err;
    EXPECT_EQ(plan.out, Plenary({"workplan", "--json", "--as-of", "2018-01-01"}).out);
  }
}

TEST_F(PostgresCliCopyDbTest, RefusesATargetThatIsNotEmpty) {
  FillSqlite();
  pg_testing::ScratchSchema schema;
  ASSERT_EQ(Plenary({"copy-db", "--from", db_, "--to", schema.url()}).status, 0);
  const std::string before = ExportOf(schema.url()).out;
  RunResult r = Plenary({"copy-db", "--from", db_, "--to", schema.url()});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("the target store is not empty"), std::string::npos) << r.err;
  EXPECT_EQ(ExportOf(schema.url()).out, before);
}

TEST_F(PostgresCliCopyDbTest, PrintsUrlsWithoutTheirPassword) {
  FillSqlite();
  pg_testing::ScratchSchema schema;
  std::string url = schema.url();
  url.insert(url.find('@'), ":hunter2");  // trust authentication ignores it
  RunResult r = Plenary({"copy-db", "--from", db_, "--to", url});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.find("hunter2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(":***@"), std::string::npos) << r.out;
  r = Plenary({"copy-db", "--from", db_, "--to", url});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err.find("hunter2"), std::string::npos) << r.err;
}

TEST_F(PostgresCliCopyDbTest, AFailedConnectionNamesTheServerButNotThePassword) {
  for (std::string url : {"postgresql://pat:hunter2@127.0.0.1:1/plenary",
                          "postgres://127.0.0.1:1/plenary?user=pat&password=hunter2"}) {
    RunResult r = Spawn({PLENARY_BINARY, "--db", url, "actions"});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err.find("hunter2"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("127.0.0.1:1"), std::string::npos) << r.err;
    r = Plenary({"copy-db", "--from", url, "--to", Path("to.db")});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ((r.out + r.err).find("hunter2"), std::string::npos) << r.out << r.err;
  }
}

TEST_F(PostgresCliCopyDbTest, MissingSourceIsNotCreated) {
  RunResult r = Plenary({"copy-db", "--from", Path("absent.db"), "--to", Path("to.db")});
  EXPECT_EQ(r.status, 1);
  EXPECT_FALSE(fs::exists(Path("absent.db")));
  EXPECT_FALSE(fs::exists(Path("to.db")));
}

}  // namespace
}  // namespace plenary::cli_testing
