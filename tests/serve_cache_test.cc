// `plenary serve` with its response cache on (the default), run for real,
// while the CLI writes the same database from another process: every write
// (an import, an item marked done, a group made public or private, a grant)
// shows on the next read, on SQLite and (as "postgres.ServeCacheTest.*") on
// PostgreSQL.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "http_test_client.h"
#include "serve_accounts.h"

namespace plenary {
namespace {

using cli_testing::CliTest;
using cli_testing::ReadBytes;
using cli_testing::WriteBytes;
using http_testing::Reply;
using http_testing::ServerProcess;
using nlohmann::json;

const std::filesystem::path kExample = std::filesystem::path(PLENARY_SOURCE_DIR) / "examples/ssr2";

class ServeCacheTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    auto r = Plenary({"import", "--roster", (kExample / "ssr2-roster.txt").string(),
                      (kExample / "ssr2-plenary-15.txt").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    {
      auto site = OpenSiteStore(db_);
      ASSERT_TRUE(site.ok()) << site.error().message;
      admin_ = http_testing::Bearer(http_testing::AddAccount(**site, "admin", "", true, {}));
    }
    server_ = std::make_unique<ServerProcess>(dir_, db_);
    ASSERT_NE(server_->port(), 0) << server_->Stderr();
  }
  Reply Get(const std::string& target, const std::string& who) {
    return http_testing::GetAs(server_->port(), target, who);
  }
  int OpenItems() {
    Reply r = Get("/api/v1/groups/SSR2/actions?status=open", admin_);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body)["total"].get<int>();
  }

  std::string admin_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(ServeCacheTest, TheCliWritingBesideTheServerShowsOnTheNextRead) {
  // Each read twice, so that the second is the kept answer.
  const int open = OpenItems();
  ASSERT_EQ(OpenItems(), open);
  ASSERT_GT(open, 0);
  const std::int64_t first =
      json::parse(Get("/api/v1/groups/SSR2/actions?status=open", admin_).body)["items"][0]["id"];
  auto done = Plenary({"actions", "done", std::to_string(first)});
  ASSERT_EQ(done.status, 0) << done.err;
  EXPECT_EQ(OpenItems(), open - 1);
  EXPECT_EQ(OpenItems(), open - 1);

  EXPECT_EQ(Get("/g/SSR2", "").status, 404);
  EXPECT_EQ(Get("/g/SSR2", "").status, 404);
  auto made_public = Plenary({"group", "public", "SSR2", "--on"});
  ASSERT_EQ(made_public.status, 0) << made_public.err;
  EXPECT_EQ(Get("/g/SSR2", "").status, 200);
  EXPECT_EQ(Get("/g/SSR2", "").status, 200);
  auto made_private = Plenary({"group", "public", "SSR2", "--off"});
  ASSERT_EQ(made_private.status, 0) << made_private.err;
  EXPECT_EQ(Get("/g/SSR2", "").status, 404);
  EXPECT_EQ(Get("/api/v1/groups/SSR2/people", "").status, 404);

  const std::string people = Get("/api/v1/groups/SSR2/people", admin_).body;
  ASSERT_EQ(Get("/api/v1/groups/SSR2/people", admin_).body, people);
  std::string roster = ReadBytes((kExample / "ssr2-roster.txt").string());
  const std::string after = "Steve Conte | staff | SC\n";
  roster.insert(roster.find(after) + after.size(), "Zoe Cachetest | member | ZC\n");
  const auto roster_file = dir_ / "roster.txt";
  WriteBytes(roster_file, roster);
  auto imported = Plenary({"import", "--roster", roster_file.string()});
  ASSERT_EQ(imported.status, 0) << imported.err;
  EXPECT_NE(Get("/api/v1/groups/SSR2/people", admin_).body.find("Zoe Cachetest"),
            std::string::npos);
}

}  // namespace
}  // namespace plenary
