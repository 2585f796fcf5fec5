// The MediaWiki API client against a real wiki: edit conflicts, a lagged
// wiki, an address that is not an api.php.
#include <gtest/gtest.h>

#include "mediawiki_fixture.h"
#include "publish/mediawiki/api.h"

namespace plenary::mediawiki_testing {
namespace {

using mediawiki::Api;
using mediawiki::EditRequest;
using mediawiki::EditResult;

class MediaWikiApi : public MediaWikiTest {
 protected:
  Api LoggedIn(mediawiki::ApiOptions options = {}) {
    auto api = Api::Open(wiki_["MEDIAWIKI_API"], options);
    EXPECT_TRUE(api.ok());
    auto account = api->Login(wiki_["MEDIAWIKI_USER"], password_);
    EXPECT_TRUE(account.ok()) << (account.ok() ? "" : account.error().message);
    return std::move(*api);
  }
};

TEST_F(MediaWikiApi, AnEditMadeAfterReadingIsAConflictNotOverwritten) {
  Api api = LoggedIn();
  const std::string title = Title("Conflict");
  auto created = api.Edit({title, "first", "test", true, "", ""}, wiki_["MEDIAWIKI_ACCOUNT"]);
  ASSERT_TRUE(created.ok());
  ASSERT_EQ(created->result, EditResult::kCreated);

  std::string now;
  auto read = api.ReadPages({title}, &now);
  ASSERT_TRUE(read.ok());
  const mediawiki::RemotePage& before = read->at(title);
  EXPECT_EQ(before.content, "first");
  EditAsAdmin(title, "a person's edit");

  auto edit = api.Edit({title, "second", "test", false, before.timestamp, now, before.revision},
                       wiki_["MEDIAWIKI_ACCOUNT"]);
  ASSERT_TRUE(edit.ok()) << edit.error().message;
  EXPECT_EQ(edit->result, EditResult::kConflict);
  EXPECT_EQ(edit->message.substr(0, 13), "editconflict:");
  EXPECT_EQ(Read(title).content, "a person's edit");
}

TEST_F(MediaWikiApi, CreatingAPageThatExistsIsAConflict) {
  Api api = LoggedIn();
  const std::string title = Title("Exists");
  EditAsAdmin(title, "already here");
  auto edit = api.Edit({title, "ours", "test", true, "", ""}, wiki_["MEDIAWIKI_ACCOUNT"]);
  ASSERT_TRUE(edit.ok());
  EXPECT_EQ(edit->result, EditResult::kConflict);
  EXPECT_EQ(Read(title).content, "already here");
}

TEST_F(MediaWikiApi, ALaggedWikiIsRetriedThenAnError) {
  mediawiki::ApiOptions options;
  // A wiki on one database reports a lag of -1 s: any lower maxlag is "lagged".
  options.maxlag_seconds = -2;
  options.max_retries = 1;
  options.max_retry_wait = std::chrono::seconds(0);
  auto api = Api::Open(wiki_["MEDIAWIKI_API"], options);
  ASSERT_TRUE(api.ok());
  auto answer = api->Query({{"action", "query"}, {"meta", "siteinfo"}});
  ASSERT_FALSE(answer.ok());
  EXPECT_NE(answer.error().message.find("the wiki is busy"), std::string::npos)
      << answer.error().message;
  EXPECT_NE(answer.error().message.find("gave up after 2 attempts"), std::string::npos);
}

TEST_F(MediaWikiApi, AnAddressThatIsNotTheApiIsAClearError) {
  std::string index = wiki_["MEDIAWIKI_API"];
  index.replace(index.size() - 7, 7, "index.php");
  auto api = Api::Open(index, {});
  ASSERT_TRUE(api.ok());
  auto answer = api->Query({{"action", "query"}});
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().kind, ErrorKind::kIO);
  EXPECT_NE(answer.error().message.find("is this the wiki's api.php?"), std::string::npos)
      << answer.error().message;
}

}  // namespace
}  // namespace plenary::mediawiki_testing
