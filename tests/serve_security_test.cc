// Every mutating API route by every role, on the real server: allowed or
// refused, and a refused request leaves every row of every table (audit log
// included) as it was. Hostile input is stored and returned as sent.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "http_test_client.h"
#include "serve_accounts.h"

namespace plenary {
namespace {

using cli_testing::CliTest;
using http_testing::Bearer;
using http_testing::Reply;
using http_testing::Request;
using http_testing::ServerProcess;
using nlohmann::json;

// Every row of every table, as text: what "the database is unchanged" means.
std::string DumpDatabase(const std::string& path) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return out;
  std::vector<std::string> tables;
  sqlite3_stmt* list = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", -1,
                     &list, nullptr);
  while (sqlite3_step(list) == SQLITE_ROW)
    tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(list, 0)));
  sqlite3_finalize(list);
  for (const std::string& table : tables) {
    sqlite3_stmt* rows = nullptr;
    if (sqlite3_prepare_v2(db, ("SELECT * FROM \"" + table + "\"").c_str(), -1, &rows, nullptr) !=
        SQLITE_OK)
      continue;
    out += "== " + table + "\n";
    while (sqlite3_step(rows) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(rows); ++i) {
        const void* bytes = sqlite3_column_blob(rows, i);
        out.append(static_cast<const char*>(bytes ? bytes : ""),
                   static_cast<std::size_t>(sqlite3_column_bytes(rows, i)));
        out += '\x1f';
      }
      out += '\n';
    }
    sqlite3_finalize(rows);
  }
  sqlite3_close(db);
  return out;
}

std::string Plenary17() {
  std::string notes(cli_testing::kPlenary16);
  notes.replace(notes.find("#16"), 3, "#17");
  notes.replace(notes.find("#16"), 3, "#17");
  notes.replace(notes.find("20 June"), 7, "27 June");
  return notes;
}

struct Route {
  const char* name;
  const char* method;
  const char* target;
  json body;
};

// Items: #1 (ICANN Org), #3 and #10 to merge, #13 with #12 merged into it,
// #14 "Draft the outreach plan" owned by James Gannon (Plenary #16).
const std::vector<Route>& Routes() {
  static const std::vector<Route> routes = {
      {"edit", "PATCH", "/api/v1/groups/SSR2/actions/1", {{"due", "2018-01-01"}}},
      {"mark own done",
       "PATCH",
       "/api/v1/groups/SSR2/actions/14",
       {{"status", "complete"}, {"note", "Done"}}},
      {"merge", "POST", "/api/v1/groups/SSR2/actions/3/merge", {{"from", 10}}},
      {"unmerge", "POST", "/api/v1/groups/SSR2/actions/12/unmerge", json::object()},
      {"import",
       "POST",
       "/api/v1/groups/SSR2/imports",
       {{"notes", {{{"name", "p17.txt"}, {"text", Plenary17()}}}}}},
      {"import dry run",
       "POST",
       "/api/v1/groups/SSR2/imports?dry_run=true",
       {{"notes", {{{"name", "p17.txt"}, {"text", Plenary17()}}}}}},
      {"publish", "PATCH", "/api/v1/groups/SSR2", {{"public", true}}},
  };
  return routes;
}

struct Role {
  const char* name;
  bool group_public;
  std::vector<int> expected;  // status per route, in Routes() order
};

class SecurityMatrix : public CliTest, public ::testing::WithParamInterface<Role> {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    setenv("PLENARY_PASSWORD_COST", "test", 1);
    ImportSsr2();
    cli_testing::WriteBytes(dir_ / "p16.txt", cli_testing::kPlenary16);
    ASSERT_EQ(Plenary({"import", (dir_ / "p16.txt").string()}).status, 0);
    ASSERT_EQ(Plenary({"actions", "merge", "13", "12"}).status, 0);
    auto site = OpenSiteStore(db_);
    ASSERT_TRUE(site.ok());
    using http_testing::AddAccount;
    tokens_["admin"] = AddAccount(**site, "admin", "", true, {});
    tokens_["secretariat"] =
        AddAccount(**site, "sec", "", false, {{"SSR2", GroupRole::kSecretariat}});
    tokens_["other secretariat"] =
        AddAccount(**site, "other", "", false, {{"RDS", GroupRole::kSecretariat}});
    tokens_["member"] =
        AddAccount(**site, "emily", "Emily Taylor", false, {{"SSR2", GroupRole::kMember}});
    tokens_["owner"] =
        AddAccount(**site, "james", "James Gannon", false, {{"SSR2", GroupRole::kMember}});
    if (GetParam().group_public) {
      ASSERT_TRUE((*site)->SetGroupPublic("SSR2", true).ok());
    }
    server_ = std::make_unique<ServerProcess>(dir_, db_);
    ASSERT_NE(server_->port(), 0) << server_->Stderr();
  }
  void TearDown() override {
    server_.reset();
    unsetenv("PLENARY_PASSWORD_COST");
    CliTest::TearDown();
  }
  Reply Send(const Route& route, const std::string& role) {
    std::vector<std::string> headers = {"Content-Type: application/json"};
    if (tokens_.count(role)) headers.push_back(Bearer(tokens_[role]));
    return Request(server_->port(), route.method, route.target, route.body.dump(), headers);
  }

  std::map<std::string, std::string> tokens_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_P(SecurityMatrix, EveryMutatingRouteIsAllowedOrRefusedWithNothingChanged) {
  const Role& role = GetParam();
  ASSERT_EQ(role.expected.size(), Routes().size());
  for (std::size_t i = 0; i < Routes().size(); ++i) {
    const Route& route = Routes()[i];
    const std::string before = DumpDatabase(db_);
    Reply reply = Send(route, role.name);
    EXPECT_EQ(reply.status, role.expected[i])
        << role.name << " " << route.name << ": " << reply.body;
    const std::string after = DumpDatabase(db_);
    const bool writes = reply.status < 300 && std::string(route.name) != "import dry run";
    if (writes) {
      EXPECT_NE(before, after) << role.name << " " << route.name;
    } else {
      EXPECT_EQ(before, after) << role.name << " " << route.name << " changed the database";
    }
  }
}

TEST_P(SecurityMatrix, AuditEntriesNameWhoChanged) {
  const Role& role = GetParam();
  int allowed = 0;
  for (std::size_t i = 0; i < Routes().size(); ++i)
    if (role.expected[i] < 300 && std::string(Routes()[i].name) != "import dry run") {
      Send(Routes()[i], role.name);
      ++allowed;
    }
  auto site = OpenSiteStore(db_);
  ASSERT_TRUE(site.ok());
  auto entries = (*site)->Audit(AuditQuery{});
  ASSERT_TRUE(entries.ok());
  int web = 0;
  for (const AuditEntry& e : *entries)
    if (e.who.rfind("cli:", 0) != 0) ++web;
  EXPECT_EQ(web, allowed) << role.name;
}

//                     edit merge/unmerge/import/dry/publish
INSTANTIATE_TEST_SUITE_P(
    Roles, SecurityMatrix,
    ::testing::Values(Role{"admin", false, {200, 200, 200, 200, 201, 200, 200}},
                      Role{"secretariat", false, {200, 200, 200, 200, 201, 200, 403}},
                      Role{"other secretariat", false, {404, 404, 404, 404, 404, 404, 404}},
                      Role{"other secretariat", true, {403, 403, 403, 403, 403, 403, 403}},
                      Role{"member", false, {403, 403, 403, 403, 403, 403, 403}},
                      Role{"owner", false, {403, 200, 403, 403, 403, 403, 403}},
                      Role{"anonymous", true, {403, 403, 403, 403, 403, 403, 403}},
                      Role{"anonymous", false, {404, 404, 404, 404, 404, 404, 404}}),
    [](const ::testing::TestParamInfo<Role>& role) {
      std::string name = std::string(role.param.name) + (role.param.group_public ? "_public" : "");
      for (char& c : name)
        if (c == ' ') c = '_';
      return name;
    });

// Hostile text in every field of an edit and an import is kept and returned
// byte for byte (JSON-escaped), invalid UTF-8 is refused, and the server lives on.
class HostileInput : public CliTest {};

TEST_F(HostileInput, IsStoredAndReturnedSafely) {
  setenv("PLENARY_PASSWORD_COST", "test", 1);
  ImportSsr2();
  auto site = OpenSiteStore(db_);
  ASSERT_TRUE(site.ok());
  const std::string admin = Bearer(http_testing::AddAccount(**site, "admin", "", true, {}));
  ServerProcess server(dir_, db_);
  ASSERT_NE(server.port(), 0);
  const std::vector<std::string> evil = {"<script>alert(1)</script>", "\"'; DROP TABLE actions; --",
                                         "' OR 1=1 --", std::string(1 << 20, 'x') + "<b>",
                                         "\xe2\x80\xae right-to-left"};
  for (const std::string& text : evil) {
    Reply r = Request(server.port(), "PATCH", "/api/v1/groups/SSR2/actions/1",
                      json{{"note", text}, {"owners", {text}}}.dump(),
                      {"Content-Type: application/json", admin});
    ASSERT_EQ(r.status, 200) << r.body.substr(0, 200);
    json item = json::parse(r.body);
    EXPECT_EQ(item["history"].back()["words"], text);
    EXPECT_EQ(r.Header("content-type"), "application/json");
  }
  Reply bad_utf8 = Request(server.port(), "PATCH", "/api/v1/groups/SSR2/actions/1",
                           "{\"note\": \"\xff\xfe\"}", {"Content-Type: application/json", admin});
  EXPECT_EQ(bad_utf8.status, 400);
  for (std::string q :
       {"%3Cscript%3E", "%27%20OR%201%3D1", "%22", "NEAR(a%20b)", "%FF", "*", "a%00b"}) {
    Reply s = Request(server.port(), "GET", "/api/v1/search?q=" + q, "", {admin});
    EXPECT_TRUE(s.status == 200 || s.status == 400) << q << ": " << s.status << s.body;
    Reply a = Request(server.port(), "GET", "/api/v1/groups/SSR2/actions?owner=" + q, "", {admin});
    EXPECT_TRUE(a.status == 200 || a.status == 400) << q << ": " << a.status;
  }
  Reply login = Request(server.port(), "POST", "/api/v1/session",
                        json{{"login", "' OR 1=1 --"}, {"password", "<script>"}}.dump(),
                        {"Content-Type: application/json"});
  EXPECT_EQ(login.status, 401);
  EXPECT_EQ(Request(server.port(), "GET", "/healthz").status, 200);
  unsetenv("PLENARY_PASSWORD_COST");
}

}  // namespace
}  // namespace plenary
