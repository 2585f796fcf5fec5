// Publishing to a real MediaWiki (Debian's, started by the CTest fixture):
// pages are created, read back through the API, left alone when unchanged or
// someone else's, revised alone when changed; a wrong password edits nothing.
#include <gtest/gtest.h>

#include "mediawiki_fixture.h"
#include "publish/mediawiki/publisher.h"

namespace plenary::mediawiki_testing {
namespace {

using mediawiki::PageOutcome;
using mediawiki::WikiPage;

class MediaWikiPublish : public MediaWikiTest {
 protected:
  mediawiki::WikiTarget Target() const {
    return {wiki_.at("MEDIAWIKI_API"), wiki_.at("MEDIAWIKI_USER"), password_};
  }

  std::vector<WikiPage> Pages() const {
    return {{Title("Actions"), "== Open action items ==\n* Draft the outreach plan. ''(JG)''\n"},
            {Title("Meetings/15"), "'''SSR2 Plenary #15''' \r\n\r\nAttendees: Émilie, Ånne  \n\n"},
            {Title("Decisions"), "{| class=\"wikitable\"\n! Decision\n|-\n| Adopt the plan\n|}"}};
  }

  mediawiki::PublishReport Publish(const std::vector<WikiPage>& pages) {
    auto report = mediawiki::PublishToMediaWiki(Target(), pages, {});
    EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message);
    return report.ok() ? *report : mediawiki::PublishReport{};
  }

  static std::vector<PageOutcome> Outcomes(const mediawiki::PublishReport& report) {
    std::vector<PageOutcome> out;
    for (const auto& page : report.pages) out.push_back(page.outcome);
    return out;
  }
};

TEST_F(MediaWikiPublish, CreatesThePagesAsTheBotAndTheyReadBackAsWritten) {
  std::vector<WikiPage> pages = Pages();
  mediawiki::PublishReport report = Publish(pages);
  EXPECT_EQ(report.account, wiki_["MEDIAWIKI_ACCOUNT"]);
  ASSERT_EQ(Outcomes(report), std::vector<PageOutcome>(3, PageOutcome::kCreated));
  for (size_t i = 0; i < pages.size(); ++i) {
    PageOnWiki page = Read(pages[i].title);
    ASSERT_TRUE(page.exists) << pages[i].title;
    EXPECT_EQ(page.content, mediawiki::NormaliseWikitext(pages[i].wikitext));
    EXPECT_EQ(page.creator, wiki_["MEDIAWIKI_ACCOUNT"]);
    EXPECT_EQ(page.revision, report.pages[i].revision);
  }
  EXPECT_EQ(Read(pages[1].title).content,
            "'''SSR2 Plenary #15''' \n\nAttendees: \xC3\x89milie, \xC3\x85nne");
}

TEST_F(MediaWikiPublish, PublishingAgainUnchangedMakesNoRevision) {
  std::vector<WikiPage> pages = Pages();
  mediawiki::PublishReport first = Publish(pages);
  mediawiki::PublishReport second = Publish(pages);
  ASSERT_EQ(Outcomes(second), std::vector<PageOutcome>(3, PageOutcome::kUnchanged));
  for (size_t i = 0; i < pages.size(); ++i) {
    EXPECT_EQ(second.pages[i].revision, first.pages[i].revision);
    EXPECT_EQ(Read(pages[i].title).revision, first.pages[i].revision);
  }
}

TEST_F(MediaWikiPublish, AChangedPageAloneGetsANewRevision) {
  std::vector<WikiPage> pages = Pages();
  mediawiki::PublishReport first = Publish(pages);
  pages[0].wikitext += "* Circulate the terms of reference. ''(ICANN Org)''\n";
  mediawiki::PublishReport second = Publish(pages);
  ASSERT_EQ(Outcomes(second),
            (std::vector<PageOutcome>{PageOutcome::kUpdated, PageOutcome::kUnchanged,
                                      PageOutcome::kUnchanged}));
  PageOnWiki changed = Read(pages[0].title);
  EXPECT_GT(changed.revision, first.pages[0].revision);
  EXPECT_EQ(changed.revision, second.pages[0].revision);
  EXPECT_NE(changed.content.find("Circulate the terms of reference."), std::string::npos);
  EXPECT_EQ(Read(pages[1].title).revision, first.pages[1].revision);
  EXPECT_EQ(Read(pages[2].title).revision, first.pages[2].revision);
}

TEST_F(MediaWikiPublish, APageSomeoneElseCreatedIsLeftAloneAndReported) {
  std::vector<WikiPage> pages = Pages();
  EditAsAdmin(pages[2].title, "Our own decisions page, kept by hand.");
  PageOnWiki before = Read(pages[2].title);
  ASSERT_EQ(before.creator, wiki_["MEDIAWIKI_ADMIN"]);

  mediawiki::PublishReport report = Publish(pages);
  ASSERT_EQ(Outcomes(report),
            (std::vector<PageOutcome>{PageOutcome::kCreated, PageOutcome::kCreated,
                                      PageOutcome::kNotOurs}));
  EXPECT_EQ(report.pages[2].detail, "created by Admin, not PlenaryBot");
  PageOnWiki after = Read(pages[2].title);
  EXPECT_EQ(after.revision, before.revision);
  EXPECT_EQ(after.content, "Our own decisions page, kept by hand.");
}

TEST_F(MediaWikiPublish, AHumanEditToOurPageIsReplacedOnTheNextPublish) {
  std::vector<WikiPage> pages = Pages();
  Publish(pages);
  EditAsAdmin(pages[0].title, "Scribbled over.");
  mediawiki::PublishReport report = Publish(pages);
  EXPECT_EQ(report.pages[0].outcome, PageOutcome::kUpdated);
  EXPECT_EQ(Read(pages[0].title).content, mediawiki::NormaliseWikitext(pages[0].wikitext));
}

TEST_F(MediaWikiPublish, AWrongPasswordIsAClearErrorAndEditsNothing) {
  mediawiki::WikiTarget target = Target();
  target.password = "0123456789abcdef0123456789abcdef";
  std::vector<WikiPage> pages = Pages();
  auto report = mediawiki::PublishToMediaWiki(target, pages, {});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(report.error().message,
            "the wiki refused the login of PlenaryBot@plenary: Incorrect username or password "
            "entered. Please try again.");
  EXPECT_EQ(report.error().message.find(target.password), std::string::npos);
  for (const WikiPage& page : pages) EXPECT_FALSE(Read(page.title).exists) << page.title;
}

TEST_F(MediaWikiPublish, TitlesTheWikiFoldsTogetherAreRefusedBeforeAnyEdit) {
  std::vector<WikiPage> pages = {{Title("Same page"), "one"}, {Title("Same_page"), "two"}};
  auto report = mediawiki::PublishToMediaWiki(Target(), pages, {});
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("are the same page"), std::string::npos)
      << report.error().message;
  EXPECT_FALSE(Read(pages[0].title).exists);
}

TEST_F(MediaWikiPublish, AnInvalidTitleIsRefusedAndTheOthersPublished) {
  std::vector<WikiPage> pages = {{Title("Fine"), "fine"}, {Title("Bad [title]"), "bad"}};
  mediawiki::PublishReport report = Publish(pages);
  ASSERT_EQ(Outcomes(report),
            (std::vector<PageOutcome>{PageOutcome::kCreated, PageOutcome::kRefused}));
  EXPECT_EQ(report.pages[1].detail,
            "invalid title: The requested page title contains invalid characters: \"[\".");
}

}  // namespace
}  // namespace plenary::mediawiki_testing
