// `plenary serve` survives a reader's bug: with the test-only fault hook on
// (PLENARY_TEST_READER_FAULTS=1), uploads that make the reader crash, spin,
// allocate without end or make a forbidden system call each fail alone with
// a 500 naming what happened, while other clients' reads and dry runs all
// succeed.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli_fixture.h"
#include "http_test_client.h"
#include "serve_accounts.h"

namespace plenary {
namespace {

using namespace std::chrono_literals;
using cli_testing::CliTest;
using http_testing::Reply;
using http_testing::Request;
using http_testing::ServerProcess;
using nlohmann::json;

std::string Plenary16() { return std::string(cli_testing::kPlenary16); }

class ServeIsolationTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ImportSsr2();
    {
      auto site = OpenSiteStore(db_);
      ASSERT_TRUE(site.ok()) << site.error().message;
      admin_ = http_testing::Bearer(http_testing::AddAccount(**site, "admin", "", true, {}));
    }
    setenv("PLENARY_TEST_READER_FAULTS", "1", 1);
    server_ = std::make_unique<ServerProcess>(
        dir_, db_,
        std::vector<std::string>{"--parse-cpu-seconds", "2", "--parse-memory-mb", "256"});
    unsetenv("PLENARY_TEST_READER_FAULTS");
    ASSERT_NE(server_->port(), 0) << server_->Stderr();
  }
  Reply DryRun(const std::string& notes, const std::string& query = "") {
    return Request(server_->port(), "POST",
                   "/api/v1/groups/SSR2/imports?dry_run=true&name=upload.txt" + query, notes,
                   {"Content-Type: text/plain", admin_}, 30s);
  }

  std::string admin_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(ServeIsolationTest, ReaderFaultsFailTheirRequestAloneUnderConcurrentTraffic) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "the sanitizer runtime takes signals, memory and system calls itself; "
                  "the release build runs this test";
#endif
  std::atomic<bool> stop{false};
  std::atomic<int> served{0};
  std::mutex mutex;
  std::vector<std::string> failures;
  auto normal_client = [&](int n) {
    while (!stop) {
      Reply r = n % 2 ? Request(server_->port(), "GET", "/api/v1/groups/SSR2/actions", "", {admin_})
                      : DryRun(Plenary16());
      const bool good =
          r.status == 200 && (n % 2 || json::parse(r.body, nullptr, false)["meetings"].size() == 1);
      if (good) {
        ++served;
      } else {
        std::lock_guard lock(mutex);
        failures.push_back(std::to_string(r.status) + " " + r.body);
      }
    }
  };
  std::vector<std::thread> clients;
  for (int n = 0; n < 4; ++n) clients.emplace_back(normal_client, n);

  // What each fault's 500 says. A loop is stopped by its CPU limit (2 s), or
  // by the deadline (6 s, three times the CPU limit) when the machine is so
  // busy that the child's CPU time lags the clock. (With 1 s and 3 s, a normal
  // dry run on a starved machine once passed the deadline: the limits are
  // the server's, for every upload.)
  const std::vector<std::pair<std::string, std::vector<std::string>>> faults = {
      {"crash", {"the reader crashed (SIGSEGV) reading upload.txt"}},
      {"loop",
       {"the reader used more than 2 s of CPU time reading upload.txt",
        "the reader took more than 6 s reading upload.txt"}},
      {"allocate", {"the reader needed more than 256 MiB of memory reading upload.txt"}},
      {"open", {"the reader made a forbidden system call reading upload.txt"}},
  };
  for (const auto& [fault, details] : faults) {
    Reply r = DryRun("plenary-test-fault: " + fault + "\n" + Plenary16());
    EXPECT_EQ(r.status, 500) << fault << ": " << r.body;
    EXPECT_EQ(r.Header("content-type"), "application/problem+json") << fault;
    const std::string said = json::parse(r.body, nullptr, false).value("detail", "");
    EXPECT_TRUE(std::any_of(details.begin(), details.end(),
                            [&](const std::string& d) { return said.rfind(d, 0) == 0; }))
        << fault << ": " << said;
  }
  stop = true;
  for (std::thread& t : clients) t.join();
  EXPECT_TRUE(failures.empty()) << failures.size() << " failed, first: " << failures.front();
  EXPECT_GT(served.load(), 8);

  // Still serving, and the log says what happened to whose upload.
  EXPECT_EQ(DryRun(Plenary16()).status, 200);
  EXPECT_EQ(server_->Terminate(), 0);
  const std::string log = server_->Stderr();
  EXPECT_NE(log.find("plenary serve: import into SSR2 by admin: the reader crashed (SIGSEGV) "
                     "reading upload.txt"),
            std::string::npos)
      << log;
}

// Bad notes stay what they were: 400 with the located message, from the child.
TEST_F(ServeIsolationTest, BadNotesAreStillALocatedRefusal) {
  Reply r = DryRun("no header here\n");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(json::parse(r.body)["detail"].get<std::string>().rfind("upload.txt:1:", 0), 0u)
      << r.body;
}

// The API takes the format and the group as query or body fields.
TEST_F(ServeIsolationTest, ImportTakesFormatAndGroup) {
  Reply asked = DryRun(Plenary16(), "&format=icann-notes&group=SSR2");
  ASSERT_EQ(asked.status, 200) << asked.body;
  json plan = json::parse(asked.body);
  const json chosen = {{"input", "upload.txt"}, {"format", "icann-notes"}, {"why", "chosen, not detected"}};
  EXPECT_EQ(plan["formats"], json::array({chosen})) << asked.body;
  Reply detected = DryRun(Plenary16(), "&format=detect");
  ASSERT_EQ(detected.status, 200) << detected.body;
  EXPECT_EQ(json::parse(detected.body)["formats"][0]["why"].get<std::string>().rfind("detected: ", 0),
            0u) << detected.body;
  Reply unknown = DryRun(Plenary16(), "&format=nonesuch");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body.find("no format nonesuch; one of detect, "), std::string::npos)
      << unknown.body;
  EXPECT_NE(unknown.body.find("icann-notes"), std::string::npos) << unknown.body;
  json body = {{"notes", {{{"name", "p16.txt"}, {"text", Plenary16()}}}},
               {"format", "icann-notes"},
               {"group", "SSR2"}};
  Reply in_body = Request(server_->port(), "POST", "/api/v1/groups/SSR2/imports?dry_run=true",
                          body.dump(), {"Content-Type: application/json", admin_});
  ASSERT_EQ(in_body.status, 200) << in_body.body;
  EXPECT_EQ(json::parse(in_body.body)["formats"][0]["format"], "icann-notes");
  body["format"] = 7;
  EXPECT_EQ(Request(server_->port(), "POST", "/api/v1/groups/SSR2/imports?dry_run=true",
                    body.dump(), {"Content-Type: application/json", admin_})
                .status,
            400);
}

}  // namespace
}  // namespace plenary
