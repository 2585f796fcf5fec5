// The fixture of the CLI integration tests: a fresh temporary directory with
// its own --db per test, the real binary (PLENARY_BINARY) run with
// posix_spawn, and its exit status, standard output and standard error.
// With PLENARY_TEST_BACKEND=postgresql (set by CTest for the "postgres."
// copies of these tests) --db is a fresh schema on the test's PostgreSQL
// server instead of an SQLite file.
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "pg_test_server.h"

extern char** environ;

namespace plenary::cli_testing {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kExamples = fs::path(PLENARY_SOURCE_DIR) / "examples/ssr2";
const std::string kNotes = (kExamples / "ssr2-plenary-15.txt").string();
const std::string kRoster = (kExamples / "ssr2-roster.txt").string();

const std::string kSsr2ReportLine =
    "SSR2 Plenary #15, 2017-06-13 06:00 UTC: 13 action items, 1 decision, 6 attendees, 5 staff, "
    "1 apology";

// A second meeting, whose table gives owners as initials: "JG" resolves
// through the roster to James Gannon; "jg", not in capitals, stays as written.
constexpr std::string_view kPlenary16 =
    "SSR2 Plenary Meeting #16 - Tuesday 20 June @ 14:00 UTC\n"
    "\n"
    "Attendees: Emily Taylor, JG\n"
    "Staff: Jennifer Bryce\n"
    "\n"
    "\tAction Items Plenary #16\n"
    "\n"
    "\tAction\n\tOwner\n\tDue Date\n"
    "\n"
    "\tDraft the outreach plan.\n\tJG\n\t30 June\n"
    "\n"
    "\tCirculate the terms of reference.\n\tjg\n\tTBD\n";

inline std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline void WriteBytes(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  ASSERT_TRUE(out.good()) << path;
}

inline std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

struct RunResult {
  int status = -1;  // the exit status, or -1 when the process did not exit
  std::string out;
  std::string err;
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "plenary-cli-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    db_ = (dir_ / "register.db").string();
    const char* backend = std::getenv("PLENARY_TEST_BACKEND");
    if (backend && std::string_view(backend) == "postgresql") {
      PLENARY_REQUIRE_PG_SERVER();
      schema_ = std::make_unique<pg_testing::ScratchSchema>();
      ASSERT_TRUE(schema_->ok());
      db_ = schema_->url();
    }
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // Whether the register has been created: the SQLite file, or the
  // PostgreSQL schema's tables.
  bool RegisterExists() const {
    if (!schema_) return fs::exists(db_);
    pqxx::connection connection(db_);
    pqxx::read_transaction tx(connection);
    return tx.exec1("SELECT to_regclass('schema_migrations') IS NOT NULL")[0].as<bool>();
  }

  // What must not change when nothing is written: the SQLite file's bytes, or
  // the whole export of the PostgreSQL register.
  std::string RegisterState() const {
    if (!schema_) return ReadBytes(db_);
    RunResult r = Plenary({"export"});
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
  }

  // Runs `plenary --db DB ARGS...` with no PLENARY_DB or PLENARY_CONFIG in its
  // environment.
  RunResult Plenary(const std::vector<std::string>& args) const {
    std::vector<std::string> argv = {PLENARY_BINARY, "--db", db_};
    argv.insert(argv.end(), args.begin(), args.end());
    return Spawn(argv);
  }

  // `env`: NAME=VALUE entries added to the environment.
  RunResult Spawn(const std::vector<std::string>& args,
                  const std::vector<std::string>& env = {}) const {
    const fs::path out = dir_ / "stdout.txt", err = dir_ / "stderr.txt";
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (char** e = environ; *e; ++e)
      if (std::string_view(*e).substr(0, 11) != "PLENARY_DB=" &&
          std::string_view(*e).substr(0, 15) != "PLENARY_CONFIG=")
        envp.push_back(*e);
    for (const std::string& e : env) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    RunResult result;
    if (spawned != 0) {
      ADD_FAILURE() << "cannot run " << argv[0] << ": error " << spawned;
      return result;
    }
    int wait_status = 0;
    if (waitpid(pid, &wait_status, 0) == pid && WIFEXITED(wait_status))
      result.status = WEXITSTATUS(wait_status);
    result.out = ReadBytes(out);
    result.err = ReadBytes(err);
    return result;
  }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  std::string WriteFile(const std::string& name, std::string_view bytes) const {
    WriteBytes(dir_ / name, bytes);
    return Path(name);
  }

  void ImportSsr2() {
    RunResult r = Plenary({"import", kNotes, "--roster", kRoster});
    ASSERT_EQ(r.status, 0) << r.err;
  }

  json Json(const std::vector<std::string>& args) const {
    RunResult r = Plenary(args);
    EXPECT_EQ(r.status, 0) << r.err;
    json parsed = json::parse(r.out, nullptr, /*allow_exceptions=*/false);
    EXPECT_TRUE(parsed.is_array()) << r.out;
    return parsed.is_array() ? parsed : json::array();
  }

  std::vector<std::string> ActionTexts(const std::vector<std::string>& args) const {
    std::vector<std::string> query = {"actions", "--json"};
    query.insert(query.end(), args.begin(), args.end());
    std::vector<std::string> texts;
    for (const json& item : Json(query)) texts.push_back(item.value("text", ""));
    return texts;
  }

  // The register's content without ids, for comparing registers built apart.
  std::multiset<std::string> RegisterContents() const {
    std::multiset<std::string> out;
    for (json item : Json({"actions", "--json"})) {
      item.erase("id");
      item.erase("merged_into");
      out.insert(item.dump());
    }
    return out;
  }

  fs::path dir_;
  std::string db_;
  std::unique_ptr<pg_testing::ScratchSchema> schema_;
};

}  // namespace plenary::cli_testing
