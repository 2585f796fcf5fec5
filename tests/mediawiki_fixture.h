// The real MediaWiki of the publishing tests, started by the CTest fixture
// tests/mediawiki/wiki.sh, which names its wiki.env in PLENARY_MEDIAWIKI_ENV.
// Outside ctest the tests skip, except under CI=true, where a missing wiki is
// a failure. Each test works under its own title prefix, so tests may run at
// once against the one wiki.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "publish/mediawiki/api.h"

namespace plenary::mediawiki_testing {

using nlohmann::json;

inline std::map<std::string, std::string> ReadEnvFile(const std::string& path) {
  std::map<std::string, std::string> values;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    size_t eq = line.find('=');
    if (eq != std::string::npos) values[line.substr(0, eq)] = line.substr(eq + 1);
  }
  return values;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A page as read back through the API: its latest revision, its content and
// the user of its first revision.
struct PageOnWiki {
  bool exists = false;
  std::int64_t revision = 0;
  std::string content;
  std::string creator;
};

inline bool InCi() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

// The wiki of wiki.env: reading pages back and editing as a person would.
struct TestWiki {
  std::map<std::string, std::string> env;
  std::string password;  // the bot password of env["MEDIAWIKI_USER"]

  // The wiki the fixture started; nullopt outside ctest.
  static std::optional<TestWiki> FromEnvironment() {
    const char* env_file = std::getenv("PLENARY_MEDIAWIKI_ENV");
    if (!env_file || !*env_file) return std::nullopt;
    TestWiki wiki{ReadEnvFile(env_file), {}};
    if (wiki.env.empty()) return std::nullopt;
    wiki.password = ReadFile(wiki.env["MEDIAWIKI_PASSWORD_FILE"]);
    return wiki;
  }

  // Reads a page back through the API, anonymously.
  PageOnWiki Read(const std::string& title) {
    PageOnWiki page;
    auto api = mediawiki::Api::Open(env["MEDIAWIKI_API"], {});
    EXPECT_TRUE(api.ok());
    if (!api.ok()) return page;
    auto latest = api->Query({{"action", "query"},
                              {"prop", "revisions"},
                              {"titles", title},
                              {"rvprop", "ids|content"},
                              {"rvslots", "main"}});
    EXPECT_TRUE(latest.ok()) << (latest.ok() ? "" : latest.error().message);
    if (!latest.ok()) return page;
    const json& p = (*latest)["query"]["pages"][0];
    if (p.value("missing", false)) return page;
    page.exists = true;
    page.revision = p["revisions"][0].value("revid", std::int64_t{0});
    page.content = p["revisions"][0]["slots"]["main"].value("content", "");
    auto first = api->Query({{"action", "query"},
                             {"prop", "revisions"},
                             {"titles", title},
                             {"rvprop", "user"},
                             {"rvdir", "newer"},
                             {"rvlimit", "1"}});
    EXPECT_TRUE(first.ok());
    if (first.ok()) page.creator = (*first)["query"]["pages"][0]["revisions"][0].value("user", "");
    return page;
  }

  // Creates or edits a page as the wiki's administrator with the maintenance
  // script edit.php: a person's edit, made without plenary's code.
  void EditAsAdmin(const std::string& title, const std::string& text) {
    std::string command = "MW_CONFIG_FILE='" + env["MEDIAWIKI_CONFIG"] + "' php '" +
                          env["MEDIAWIKI_HOME"] + "/maintenance/edit.php' --user '" +
                          env["MEDIAWIKI_ADMIN"] + "' --summary 'by hand' '" + title +
                          "' >/dev/null";
    FILE* pipe = popen(command.c_str(), "w");
    ASSERT_NE(pipe, nullptr);
    std::fwrite(text.data(), 1, text.size(), pipe);
    ASSERT_EQ(pclose(pipe), 0) << command;
  }
};

#define PLENARY_REQUIRE_MEDIAWIKI(wiki)                                                     \
  do {                                                                                      \
    auto loaded = TestWiki::FromEnvironment();                                              \
    if (!loaded && InCi())                                                                  \
      FAIL() << "no MediaWiki: run the tests through ctest, whose fixture starts "          \
                "one (tests/mediawiki/wiki.sh)";                                            \
    if (!loaded) GTEST_SKIP() << "no MediaWiki (PLENARY_MEDIAWIKI_ENV): run through ctest"; \
    wiki = std::move(*loaded);                                                              \
  } while (false)

class MediaWikiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    PLENARY_REQUIRE_MEDIAWIKI(wiki);
    wiki_ = wiki.env;
    password_ = wiki.password;
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    prefix_ = std::string("Plenary test/") + info->name() + "/" +
              std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + "/";
  }

  std::string Title(const std::string& name) const { return prefix_ + name; }
  PageOnWiki Read(const std::string& title) { return wiki.Read(title); }
  void EditAsAdmin(const std::string& title, const std::string& text) {
    wiki.EditAsAdmin(title, text);
  }

  TestWiki wiki;
  std::map<std::string, std::string> wiki_;
  std::string password_;
  std::string prefix_;
};

}  // namespace plenary::mediawiki_testing
