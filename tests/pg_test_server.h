// The throwaway PostgreSQL server of the test run, and a fresh, empty place
// in it per test.
//
// CTest starts the server (scripts/pg-cluster.sh, the fixture "postgres" in
// CMakeLists.txt) and gives the tests that need it PLENARY_TEST_PG_URL_FILE,
// the file holding its URL. PLENARY_TEST_PG_URL, when set, names a server
// directly (for running tests by hand). With neither, a test that needs the
// server is skipped, except under CI (CI=true), where it fails.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <pqxx/pqxx>
#include <random>
#include <string>

namespace plenary::pg_testing {

inline std::optional<std::string> ServerUrl() {
  if (const char* url = std::getenv("PLENARY_TEST_PG_URL"); url && *url) return std::string(url);
  const char* file = std::getenv("PLENARY_TEST_PG_URL_FILE");
  if (!file || !*file) return std::nullopt;
  std::ifstream in(file);
  std::string url;
  if (!std::getline(in, url) || url.empty()) return std::nullopt;
  return url;
}

inline bool InCi() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

// A schema of its own on the test server, dropped with everything in it at
// the end: creating one takes milliseconds where CREATE DATABASE takes most of
// a second. url() names the server's database with search_path set to the
// schema, so the store's tables are created in it.
class ScratchSchema {
 public:
  ScratchSchema() {
    std::optional<std::string> server = ServerUrl();
    if (!server) return;
    static std::atomic<int> counter{0};
    std::random_device random;
    name_ = "t_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
            std::to_string(random() % 1000000);
    server_ = *server;
    pqxx::connection connection(server_);
    pqxx::nontransaction(connection).exec("CREATE SCHEMA " + name_);
    url_ = server_ + (server_.find('?') == std::string::npos ? "?" : "&") +
           "options=-csearch_path%3D" + name_;
  }
  ~ScratchSchema() {
    if (name_.empty()) return;
    try {
      pqxx::connection connection(server_);
      pqxx::nontransaction(connection).exec("DROP SCHEMA " + name_ + " CASCADE");
    } catch (const std::exception&) {
      // the cluster is thrown away at the end of the run anyway
    }
  }
  ScratchSchema(const ScratchSchema&) = delete;
  ScratchSchema& operator=(const ScratchSchema&) = delete;

  bool ok() const { return !url_.empty(); }
  const std::string& url() const { return url_; }

 private:
  std::string server_, name_, url_;
};

// In a test body or SetUp: skip (or fail under CI) when there is no server.
#define PLENARY_REQUIRE_PG_SERVER()                                                   \
  do {                                                                                \
    if (!::plenary::pg_testing::ServerUrl()) {                                        \
      if (::plenary::pg_testing::InCi())                                              \
        FAIL() << "CI=true but no PostgreSQL test server (PLENARY_TEST_PG_URL_FILE)"; \
      GTEST_SKIP() << "no PostgreSQL test server; run through ctest or set "          \
                      "PLENARY_TEST_PG_URL";                                          \
    }                                                                                 \
  } while (0)

}  // namespace plenary::pg_testing
