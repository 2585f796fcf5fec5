// The back ends the shared store suites run on, and fresh, empty stores of
// each: a file in a temporary directory for SQLite, a scratch schema on the
// test server for PostgreSQL (tests/pg_test_server.h).
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "pg_test_server.h"

namespace plenary::store_testing {

enum class Backend { kSqlite, kPostgres };

inline void PrintTo(Backend backend, std::ostream* os) {
  *os << (backend == Backend::kSqlite ? "sqlite" : "postgresql");
}

inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "sqlite" : "postgresql";
}

// A fixture base: SetUp skips (or, under CI, fails) a PostgreSQL test when
// there is no server; FreshUrl names another empty store of the back end.
class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kPostgres) {
      PLENARY_REQUIRE_PG_SERVER();
    } else {
      std::string pattern =
          (std::filesystem::path(::testing::TempDir()) / "plenary_XXXXXX").string();
      ASSERT_NE(mkdtemp(pattern.data()), nullptr);
      dir_ = pattern;
    }
    url_ = FreshUrl();
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  std::string FreshUrl() {
    if (GetParam() == Backend::kPostgres) {
      schemas_.push_back(std::make_unique<pg_testing::ScratchSchema>());
      EXPECT_TRUE(schemas_.back()->ok());
      return schemas_.back()->url();
    }
    return "sqlite:" + (dir_ / ("register" + std::to_string(++files_) + ".db")).string();
  }

  std::vector<std::unique_ptr<pg_testing::ScratchSchema>> schemas_;
  int files_ = 0;
  std::filesystem::path dir_;
  std::string url_;  // the test's store
};

}  // namespace plenary::store_testing
