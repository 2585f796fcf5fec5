// The site commands through the real binary: accounts, tokens, public groups,
// the audit log of every write the CLI makes, and search.
#include <stdlib.h>

#include "app/credentials.h"
#include "cli_fixture.h"
#include "plenary/site.h"

namespace plenary::cli_testing {
namespace {

class CliSiteTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    setenv("PLENARY_PASSWORD_COST", "test", 1);  // the spawned binary inherits it
    password_file_ = WriteFile("pw.txt", "correct horse battery\n");
  }
  void TearDown() override {
    unsetenv("PLENARY_PASSWORD_COST");
    CliTest::TearDown();
  }

  json JsonAny(const std::vector<std::string>& args) const {
    RunResult r = Plenary(args);
    EXPECT_EQ(r.status, 0) << r.err;
    return json::parse(r.out, nullptr, false);
  }

  std::string password_file_;
};

TEST_F(CliSiteTest, UserAddStoresAnArgon2idHashAndGrants) {
  RunResult r =
      Plenary({"user", "add", "pat", "--name", "Pat Doe", "--person", "James Gannon", "--grant",
               "SSR2=member", "--grant", "RDS=secretariat", "--password-file", password_file_});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "user pat added (#1)\n");
  json users = JsonAny({"user", "list", "--json"});
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0]["person"], "James Gannon");
  EXPECT_EQ(
      users[0]["grants"],
      json::parse(R"([{"group":"RDS","role":"secretariat"},{"group":"SSR2","role":"member"}])"));
  EXPECT_EQ(users[0].dump().find("argon2"), std::string::npos) << "no hash in listings";

  auto site = OpenSiteStore(db_);
  ASSERT_TRUE(site.ok());
  auto login = (*site)->FindLogin("PAT");
  ASSERT_TRUE(login.ok() && login->has_value());
  EXPECT_EQ((*login)->second.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(VerifyPassword((*login)->second, "correct horse battery"));
}

TEST_F(CliSiteTest, UserAddRefusesBadInput) {
  EXPECT_EQ(
      Plenary({"user", "add", "pat", "--grant", "SSR2=boss", "--password-file", password_file_})
          .status,
      2);
  RunResult no_password = Plenary({"user", "add", "pat"});  // standard input is empty
  EXPECT_EQ(no_password.status, 1);
  EXPECT_NE(no_password.err.find("no password"), std::string::npos) << no_password.err;
  std::string short_file = WriteFile("short.txt", "abc\n");
  EXPECT_EQ(Plenary({"user", "add", "pat", "--password-file", short_file}).status, 1);
  ASSERT_EQ(Plenary({"user", "add", "pat", "--password-file", password_file_}).status, 0);
  RunResult again = Plenary({"user", "add", "PAT", "--password-file", password_file_});
  EXPECT_EQ(again.status, 1);
  EXPECT_NE(again.err.find("taken"), std::string::npos) << again.err;
}

TEST_F(CliSiteTest, TokensArePrintedOnceAndNeverLogged) {
  ASSERT_EQ(Plenary({"user", "add", "bot", "--password-file", password_file_}).status, 0);
  RunResult created = Plenary({"token", "create", "bot", "--name", "nightly export"});
  ASSERT_EQ(created.status, 0) << created.err;
  std::string token = FirstLine(created.out);
  EXPECT_EQ(token.rfind("plenary_", 0), 0u);
  EXPECT_NE(created.err.find("token #1"), std::string::npos) << created.err;
  auto site = OpenSiteStore(db_);
  ASSERT_TRUE(site.ok());
  EXPECT_TRUE((*site)->FindApiToken(TokenDigest(token))->has_value());
  ASSERT_EQ(Plenary({"token", "revoke", "1"}).status, 0);
  EXPECT_FALSE((*site)->FindApiToken(TokenDigest(token))->has_value());
  EXPECT_EQ(Plenary({"token", "revoke", "9"}).status, 1);

  RunResult audit = Plenary({"audit", "--json"});
  ASSERT_EQ(audit.status, 0);
  EXPECT_EQ(audit.out.find(token), std::string::npos);
  EXPECT_EQ(audit.out.find(token.substr(8)), std::string::npos);
  json entries = json::parse(audit.out);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0]["action"], "token.revoke");
  EXPECT_EQ(entries[1]["action"], "token.create");
  EXPECT_EQ(entries[1]["after"]["name"], "nightly export");
  EXPECT_EQ(entries[2]["action"], "user.add");
  EXPECT_EQ(entries[2]["who"].get<std::string>().rfind("cli:", 0), 0u);
}

TEST_F(CliSiteTest, EveryRegisterWriteOfTheCliIsAudited) {
  ImportSsr2();
  ASSERT_EQ(Plenary({"actions", "done", "4", "--note", "Posted"}).status, 0);
  ASSERT_EQ(Plenary({"actions", "merge", "1", "2"}).status, 0);
  ASSERT_EQ(Plenary({"actions", "unmerge", "2"}).status, 0);
  ASSERT_EQ(Plenary({"group", "public", "SSR2", "--on"}).status, 0);
  json entries = JsonAny({"audit", "--json"});
  std::vector<std::string> actions;
  for (const json& e : entries) actions.push_back(e["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"group.public", "action.unmerge", "action.merge",
                                               "action.edit", "import"}));
  const json& edit = entries[3];
  EXPECT_EQ(edit["target"], "action/4");
  EXPECT_EQ(edit["group"], "SSR2");
  EXPECT_EQ(edit["before"]["status"], "open");
  EXPECT_EQ(edit["after"]["status"], "complete");
  EXPECT_EQ(entries[4]["after"]["meetings"][0]["number"], 15);
  EXPECT_EQ(JsonAny({"audit", "--json", "--group", "RDS"}).size(), 0u);

  RunResult text = Plenary({"audit"});
  ASSERT_EQ(text.status, 0);
  EXPECT_NE(text.out.find("action.edit"), std::string::npos) << text.out;
  EXPECT_EQ(Plenary({"group", "public", "SSR2"}).status, 2);
}

TEST_F(CliSiteTest, SearchFindsTheNotesAndTreatsSyntaxAsWords) {
  ImportSsr2();
  json hits = JsonAny({"search", "--json", "attendance"});
  ASSERT_TRUE(hits.is_array());
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0]["group"], "SSR2");
  EXPECT_EQ(hits[0]["meeting"], "Plenary #15");
  for (std::string hostile : {"\"", "*", "NEAR(", "-", ":", "attendance\" OR \"x"}) {
    RunResult r = Plenary({"search", hostile});
    EXPECT_EQ(r.status, 0) << hostile << ": " << r.err;
  }
  EXPECT_TRUE(JsonAny({"search", "--json", "attendance", "--group", "RDS"}).empty());
  RunResult text = Plenary({"search", "attendance"});
  EXPECT_NE(text.out.find("SSR2 Plenary #15, 2017-06-13"), std::string::npos) << text.out;
}

}  // namespace
}  // namespace plenary::cli_testing
