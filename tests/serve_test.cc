// `plenary serve` run for real on a free port: the JSON API over the SSR2
// sample, imports over HTTP, and a clean exit on SIGTERM.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
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

class ServeTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ImportSsr2();
    {
      auto site = OpenSiteStore(db_);
      ASSERT_TRUE(site.ok()) << site.error().message;
      admin_ = http_testing::Bearer(http_testing::AddAccount(**site, "admin", "", true, {}));
    }
    server_ = std::make_unique<ServerProcess>(dir_, db_);
    ASSERT_NE(server_->port(), 0) << server_->Stderr();
  }
  // As the admin, by API token.
  Reply Get(const std::string& target, std::vector<std::string> headers = {}) {
    headers.push_back(admin_);
    return Request(server_->port(), "GET", target, "", headers);
  }
  json GetJson(const std::string& target) {
    Reply r = Get(target);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    EXPECT_EQ(r.Header("content-type"), "application/json");
    return json::parse(r.body, nullptr, false);
  }
  Reply Send(const std::string& method, const std::string& target, const json& body) {
    return Request(server_->port(), method, target, body.dump(),
                   {"Content-Type: application/json", admin_});
  }

  std::string admin_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(ServeTest, AnswersHealthzAndListsTheGroup) {
  EXPECT_EQ(GetJson("/healthz"), json({{"status", "ok"}}));
  json groups = GetJson("/api/v1/groups");
  ASSERT_EQ(groups["items"].size(), 1u);
  EXPECT_EQ(groups["items"][0]["group"], "SSR2");
  json group = GetJson("/api/v1/groups/ssr2");
  EXPECT_EQ(group["group"], "SSR2");
  EXPECT_EQ(group["meetings"], 1);
  EXPECT_EQ(group["open_actions"], 12);
  EXPECT_EQ(Get("/api/v1/groups/NOPE").status, 404);
}

TEST_F(ServeTest, ListsActionsWithFiltersAndPages) {
  json all = GetJson("/api/v1/groups/SSR2/actions");
  EXPECT_EQ(all["total"], 13);
  json org = GetJson("/api/v1/groups/SSR2/actions?owner=icann+org");
  ASSERT_GT(org["total"].get<int>(), 0);
  for (const json& item : org["items"])
    EXPECT_NE(item["owners"].dump().find("ICANN Org"), std::string::npos);
  EXPECT_EQ(GetJson("/api/v1/groups/SSR2/actions?status=done")["total"], 1);
  EXPECT_EQ(GetJson("/api/v1/groups/SSR2/actions?meeting=Plenary/15")["total"], 13);
  EXPECT_EQ(GetJson("/api/v1/groups/SSR2/actions?meeting=Plenary/16")["total"], 0);
  json q = GetJson("/api/v1/groups/SSR2/actions?q=DNS+ENGINEERING");
  ASSERT_EQ(q["total"], 1);
  EXPECT_EQ(q["items"][0]["id"], 4);
  // Words are filtered in the store, so they page by cursor like any filter.
  json review = GetJson("/api/v1/groups/SSR2/actions?q=team&per_page=1");
  ASSERT_GE(review["total"].get<int>(), 2) << review.dump();
  auto next_of = [](const json& page) {
    return page["next"].is_string() ? page["next"].get<std::string>() : std::string();
  };
  std::vector<json> pages{review["items"][0]};
  for (std::string next = next_of(review); !next.empty() && pages.size() < 20;) {
    EXPECT_NE(next.find("q=team"), std::string::npos) << next;
    json more = GetJson(next);
    pages.push_back(more["items"][0]);
    next = next_of(more);
  }
  EXPECT_EQ(json(pages), GetJson("/api/v1/groups/SSR2/actions?q=team")["items"]);
  for (const json& item : pages) {
    std::string words = item["text"].get<std::string>();
    if (item["status_note"].is_string()) words += " " + item["status_note"].get<std::string>();
    std::transform(words.begin(), words.end(), words.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    EXPECT_NE(words.find("team"), std::string::npos) << item.dump();
  }

  Reply page = Get("/api/v1/groups/SSR2/actions?per_page=5&status=open");
  json first = json::parse(page.body);
  EXPECT_EQ(first["items"].size(), 5u);
  // The next page by its cursor, the last item of this one: the same items
  // as page 2.
  const std::string next = first["next"].get<std::string>();
  EXPECT_EQ(page.Header("link"), "<" + next + ">; rel=\"next\"");
  EXPECT_EQ(next.rfind("/api/v1/groups/SSR2/actions?per_page=5&status=open&cursor=", 0), 0u)
      << next;
  json second = GetJson(next);
  EXPECT_EQ(second["items"],
            GetJson("/api/v1/groups/SSR2/actions?per_page=5&status=open&page=2")["items"]);
  EXPECT_EQ(second["total"], first["total"]);
  EXPECT_EQ(Get("/api/v1/groups/SSR2/actions?cursor=x").status, 400);
  EXPECT_EQ(Get("/api/v1/groups/SSR2/actions?cursor=5&page=2").status, 400);
  json third = GetJson("/api/v1/groups/SSR2/actions?per_page=5&status=open&page=3");
  EXPECT_EQ(third["items"].size(), 2u);
  EXPECT_EQ(Get("/api/v1/groups/SSR2/actions?per_page=0").status, 400);
  EXPECT_EQ(Get("/api/v1/groups/SSR2/actions?status=maybe").status, 400);
  EXPECT_EQ(Get("/api/v1/groups/SSR2/actions?overdue=true&as_of=2017-13-01").status, 400);
}

TEST_F(ServeTest, AnswersNotModifiedForAMatchingETag) {
  Reply first = Get("/api/v1/groups/SSR2/actions");
  std::string etag = first.Header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(first.Header("cache-control"), "private, no-cache");
  Reply again = Get("/api/v1/groups/SSR2/actions", {"If-None-Match: " + etag});
  EXPECT_EQ(again.status, 304);
  EXPECT_EQ(again.body, "");
  EXPECT_EQ(again.Header("cache-control"), "private, no-cache");
  ASSERT_EQ(Send("PATCH", "/api/v1/groups/SSR2/actions/4", {{"status", "complete"}}).status, 200);
  EXPECT_EQ(Get("/api/v1/groups/SSR2/actions", {"If-None-Match: " + etag}).status, 200);
}

TEST_F(ServeTest, ShowsMeetingsDecisionsPeopleAndAttendance) {
  json meetings = GetJson("/api/v1/groups/SSR2/meetings");
  ASSERT_EQ(meetings["total"], 1);
  EXPECT_EQ(meetings["items"][0]["number"], 15);
  json meeting = GetJson("/api/v1/groups/SSR2/meetings/plenary/15");
  EXPECT_EQ(meeting["date"], "2017-06-13");
  EXPECT_EQ(Get("/api/v1/groups/SSR2/meetings/Plenary/99").status, 404);
  EXPECT_EQ(Get("/api/v1/groups/SSR2/meetings/Plenary/x").status, 400);
  EXPECT_EQ(GetJson("/api/v1/groups/SSR2/decisions")["total"], 1);
  EXPECT_EQ(GetJson("/api/v1/groups/SSR2/people")["group"], "SSR2");
  json log = GetJson("/api/v1/groups/SSR2/attendance");
  EXPECT_EQ(log["items"][0]["apologies"], json::array({"Boban Krsic"}));
  json month = GetJson("/api/v1/groups/SSR2/attendance?month=2017-06");
  EXPECT_EQ(month["items"][0]["from"], "2017-06-01");
  EXPECT_EQ(Get("/api/v1/groups/SSR2/attendance?month=June").status, 400);
}

TEST_F(ServeTest, EditsAndMergesItemsWithHistory) {
  Reply done = Send("PATCH", "/api/v1/groups/SSR2/actions/4",
                    {{"status", "complete"}, {"note", "Posted"}, {"due", "2017-07-01"}});
  ASSERT_EQ(done.status, 200) << done.body;
  json item = json::parse(done.body);
  EXPECT_EQ(item["status"], "complete");
  EXPECT_EQ(item["due"], "2017-07-01");
  json shown = GetJson("/api/v1/groups/SSR2/actions/4");
  EXPECT_EQ(shown["history"].back()["words"], "Posted");
  EXPECT_EQ(Send("PATCH", "/api/v1/groups/SSR2/actions/4", {{"status", "finished"}}).status, 400);
  EXPECT_EQ(Send("PATCH", "/api/v1/groups/SSR2/actions/4", {{"colour", "red"}}).status, 400);
  EXPECT_EQ(Send("PATCH", "/api/v1/groups/SSR2/actions/999", {{"note", "x"}}).status, 404);
  EXPECT_EQ(Request(server_->port(), "PATCH", "/api/v1/groups/SSR2/actions/4", "{",
                    {"Content-Type: application/json", admin_})
                .status,
            400);

  Reply merged = Send("POST", "/api/v1/groups/SSR2/actions/1/merge", {{"from", 2}});
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(GetJson("/api/v1/groups/SSR2/actions/2")["merged_into"], 1);
  EXPECT_EQ(Send("POST", "/api/v1/groups/SSR2/actions/1/merge", {{"from", 2}}).status, 409);
}

TEST_F(ServeTest, ImportDryRunShowsWhatWouldBeRecordedAndWritesNothing) {
  json body = {{"notes", {{{"name", "p16.txt"}, {"text", cli_testing::kPlenary16}}}}};
  Reply dry = Send("POST", "/api/v1/groups/SSR2/imports?dry_run=true", body);
  ASSERT_EQ(dry.status, 200) << dry.body;
  json plan = json::parse(dry.body);
  EXPECT_EQ(plan["dry_run"], true);
  ASSERT_EQ(plan["meetings"].size(), 1u);
  EXPECT_EQ(plan["meetings"][0]["number"], 16);
  EXPECT_EQ(plan["meetings"][0]["actions"][0]["owners"], json::array({"James Gannon"}));
  EXPECT_EQ(GetJson("/api/v1/groups/SSR2/meetings")["total"], 1);

  Reply real = Send("POST", "/api/v1/groups/SSR2/imports", body);
  ASSERT_EQ(real.status, 201) << real.body;
  EXPECT_EQ(json::parse(real.body)["recorded"]["meetings"][0]["outcome"], "created");
  EXPECT_EQ(GetJson("/api/v1/groups/SSR2/meetings")["total"], 2);
}

TEST_F(ServeTest, ImportReportsBadNotesWithTheirLineAndWritesNothing) {
  json body = {{"notes", {{{"name", "bad.txt"}, {"text", "no header here\n"}}}}};
  Reply r = Send("POST", "/api/v1/groups/SSR2/imports", body);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(json::parse(r.body)["detail"].get<std::string>().find("bad.txt:1:"), std::string::npos)
      << r.body;
  json other = {{"notes", {{{"name", "p16.txt"}, {"text", cli_testing::kPlenary16}}}}};
  EXPECT_EQ(Send("POST", "/api/v1/groups/OTHER/imports", other).status, 400);
  EXPECT_EQ(GetJson("/api/v1/groups/SSR2/meetings")["total"], 1);
}

TEST_F(ServeTest, LogsEachRequestWithoutItsQuery) {
  Get("/api/v1/groups/SSR2/actions?token=secret123");
  EXPECT_EQ(server_->Terminate(), 0);
  std::string log = server_->Stderr();
  EXPECT_NE(log.find(" GET /api/v1/groups/SSR2/actions 200 "), std::string::npos) << log;
  EXPECT_EQ(log.find("secret123"), std::string::npos);
}

TEST_F(ServeTest, SigtermAnswersTheRequestInFlightAndExitsZero) {
  const std::string body =
      json{{"notes", {{{"name", "p16.txt"}, {"text", cli_testing::kPlenary16}}}}}.dump();
  int fd = http_testing::Connect(server_->port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(http_testing::SendAll(
      fd, "POST /api/v1/groups/SSR2/imports?dry_run=true HTTP/1.1\r\nHost: x\r\n" + admin_ +
              "\r\nContent-Type: application/json\r\nContent-Length: " +
              std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, 10)));
  int idle = http_testing::Connect(server_->port());
  ASSERT_GE(idle, 0);
  std::this_thread::sleep_for(200ms);
  server_->Signal(SIGTERM);
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(http_testing::ReadAll(idle, 2s), "");  // an idle connection is closed
  close(idle);
  EXPECT_LT(http_testing::Connect(server_->port()), 0) << "still accepting";
  ASSERT_TRUE(http_testing::SendAll(fd, body.substr(10)));
  Reply reply = http_testing::ParseReply(http_testing::ReadAll(fd, 10s));
  close(fd);
  EXPECT_EQ(reply.status, 200) << server_->Stderr();
  EXPECT_EQ(reply.Header("connection"), "close");
  EXPECT_EQ(server_->Wait(), 0) << server_->Stderr();
  EXPECT_NE(server_->Stdout().find("plenary: stopped"), std::string::npos);
}

}  // namespace
}  // namespace plenary
