// The configuration file (doc/configuration.md) as the real binary reads it:
// its settings take effect, the command line wins over it, and a bad file
// stops every command before anything is written.
#include <sys/stat.h>

#include "cli_fixture.h"
#include "http_test_client.h"

namespace plenary::cli_testing {
namespace {

class CliConfigTest : public CliTest {
 protected:
  // A configuration whose register is `db` in the test's directory.
  std::string WriteConfig(const std::string& db, const std::string& more = "") const {
    return WriteFile("plenary.toml", "[database]\nurl = \"" + Path(db) +
                                         "\"\n\n[serve]\nlisten = \"127.0.0.1:8123\"\n" + more);
  }
  RunResult Run(std::vector<std::string> args, const std::vector<std::string>& env = {}) const {
    args.insert(args.begin(), PLENARY_BINARY);
    return Spawn(args, env);
  }
};

TEST_F(CliConfigTest, TheFilesDatabaseUrlTakesEffect) {
  std::string config = WriteConfig("from-config.db");
  RunResult r = Run({"--config", config, "import", kNotes, "--roster", kRoster});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::exists(Path("from-config.db")));
  // Through $PLENARY_CONFIG too.
  r = Run({"meetings"}, {"PLENARY_CONFIG=" + config});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("SSR2 Plenary #15"), std::string::npos) << r.out;
}

TEST_F(CliConfigTest, DbOnTheCommandLineAndInTheEnvironmentWinOverTheFile) {
  std::string config = WriteConfig("from-config.db");
  RunResult r =
      Run({"--config", config, "--db", Path("flag.db"), "import", kNotes, "--roster", kRoster});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::exists(Path("flag.db")));
  EXPECT_FALSE(fs::exists(Path("from-config.db")));
  r = Run({"--config", config, "config", "check"}, {"PLENARY_DB=" + Path("env.db")});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("url = '" + Path("env.db") + "'  # $PLENARY_DB\n"), std::string::npos)
      << r.out;
}

TEST_F(CliConfigTest, CheckPrintsTheSettingsInForceWithPasswordsRedacted) {
  std::string config = WriteConfig("register.db", "secure_cookies = true\n");
  RunResult r = Run({"--config", config, "--db", "postgresql://plenary:hunter2@db.example/plenary",
                     "config", "check"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.find("hunter2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("# " + config +
                       "\n[database]\nurl = "
                       "'postgresql://plenary:***@db.example/plenary'  # --db\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("listen = '127.0.0.1:8123'  # " + config + ":5:10\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("secure_cookies = true  # " + config + ":6:18\n"), std::string::npos);
  EXPECT_NE(r.out.find("# host = none  (default)\n"), std::string::npos) << r.out;
}

TEST_F(CliConfigTest, CheckRefusesASecretFileOthersCanRead) {
  std::string password = WriteFile("wiki-password", "s3cret\n");
  ASSERT_EQ(chmod(password.c_str(), 0644), 0);
  std::string config =
      WriteConfig("register.db", "\n[mediawiki]\npassword_file = \"" + password + "\"\n");
  RunResult r = Run({"--config", config, "config", "check"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("mediawiki.password_file (" + config + ":8:17): "), std::string::npos)
      << r.err;
  EXPECT_EQ(r.out.find("s3cret"), std::string::npos);
  EXPECT_EQ(r.err.find("s3cret"), std::string::npos);
  ASSERT_EQ(chmod(password.c_str(), 0600), 0);
  r = Run({"--config", config, "config", "check"});
  EXPECT_EQ(r.status, 0) << r.err;
}

TEST_F(CliConfigTest, ABadFileStopsEveryCommandAndWritesNothing) {
  std::string config = WriteFile(
      "plenary.toml", "[database]\nurl = \"" + Path("x.db") + "\"\n[smtp]\npassword = \"x\"\n");
  RunResult r = Run({"--config", config, "import", kNotes, "--roster", kRoster});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(FirstLine(r.err), "plenary: error: " + config +
                                  ":4:1: smtp.password: secrets are never written in this file: "
                                  "keep it in a private file (mode 600) and give its path as "
                                  "password_file");
  EXPECT_FALSE(fs::exists(Path("x.db")));
  r = Run({"--config", Path("missing.toml"), "meetings"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "plenary: error: " + Path("missing.toml") + ": no such configuration file\n");
}

TEST_F(CliConfigTest, TheWikiSettingsTakeEffectAndFlagsOverrideThem) {
  ImportSsr2();
  std::string password = WriteFile("wiki-password", "s3cret\n");
  ASSERT_EQ(chmod(password.c_str(), 0600), 0);
  // Nothing listens on port 9 (discard) of 127.0.0.1 here: the attempt fails
  // and its message names the wiki that was asked.
  std::string config =
      WriteFile("plenary.toml",
                "[mediawiki]\napi = \"http://127.0.0.1:9/w/api.php\"\nuser = \"Bot@plenary\"\n"
                "password_file = \"" +
                    password + "\"\n");
  RunResult r = Plenary({"--config", config, "publish", "--mediawiki"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("127.0.0.1:9/w/api.php"), std::string::npos) << r.err;
  r = Plenary({"--config", config, "publish", "--mediawiki", "http://127.0.0.1:7/w/api.php"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("127.0.0.1:7/w/api.php"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("127.0.0.1:9"), std::string::npos) << r.err;
  // Without a file, --mediawiki needs its URL.
  r = Plenary({"publish", "--mediawiki", "--user", "Bot@plenary", "--password-file", password});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("publish --mediawiki needs the wiki's api.php URL"), std::string::npos)
      << r.err;
}

// The [serve] table through $PLENARY_CONFIG: its workers and threads take
// effect, and --listen (which ServerProcess gives) wins over its address, one
// this machine cannot bind.
TEST_F(CliConfigTest, ServeTakesItsSettingsFromTheFileAndFlagsWin) {
  if (schema_) GTEST_SKIP() << "the start line names the SQLite register";
  std::string config = WriteFile(
      "plenary.toml",
      "[serve]\nlisten = \"192.0.2.1:8080\"\nworkers = 3\nthreads = 2\nlog_format = \"json\"\n");
  setenv("PLENARY_CONFIG", config.c_str(), 1);
  http_testing::ServerProcess server(dir_, db_);
  unsetenv("PLENARY_CONFIG");
  ASSERT_NE(server.port(), 0) << server.Stderr();
  EXPECT_EQ(FirstLine(server.Stdout()),
            "plenary: listening on http://127.0.0.1:" + std::to_string(server.port()) +
                " (register " + db_ + ", 2 network threads, 3 database workers)");
  EXPECT_EQ(http_testing::Request(server.port(), "GET", "/healthz").status, 200);
  EXPECT_EQ(server.Terminate(), 0);
  // The access log in JSON, as the file asked.
  EXPECT_NE(server.Stderr().find(",\"method\":\"GET\",\"path\":\"/healthz\",\"status\":200,"),
            std::string::npos)
      << server.Stderr();
}

}  // namespace
}  // namespace plenary::cli_testing
