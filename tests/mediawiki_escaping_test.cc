// Hostile text on the real wiki: the wikitext pages of a group whose every
// name and item is hostile (tests/hostile_registers.h) are published to the
// CTest fixture's MediaWiki, and the wiki's own parser (action=parse) shows
// them as text: no script, no template, no link but to the set's pages, no
// heading or list the notes did not make, no signature expanded on save.
#include <gtest/gtest.h>

#include "hostile_registers.h"
#include "mediawiki_fixture.h"
#include "publish/formats/renderers.h"
#include "publish/mediawiki/publisher.h"

namespace plenary::mediawiki_testing {
namespace {

using mediawiki::PageOutcome;

class MediaWikiEscaping : public MediaWikiTest {
 protected:
  json Parse(const std::string& title) {
    auto api = mediawiki::Api::Open(wiki_["MEDIAWIKI_API"], {});
    EXPECT_TRUE(api.ok());
    if (!api.ok()) return json::object();
    auto parsed = api->Query({{"action", "parse"},
                              {"page", title},
                              {"prop", "text|templates|links|externallinks|sections"}});
    EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
    return parsed.ok() ? (*parsed)["parse"] : json::object();
  }
};

TEST_F(MediaWikiEscaping, HostileNotesAreShownAsTextOnTheWiki) {
  GroupRegisters registers = testing::HostileRegisters();
  DocumentSet set = BuildDocuments(registers);
  std::vector<mediawiki::WikiPage> pages;
  for (const Document& doc : set.documents)
    pages.push_back({doc.wiki_name, RenderWikitext(set, doc)});
  mediawiki::WikiTarget target{wiki_["MEDIAWIKI_API"], wiki_["MEDIAWIKI_USER"], password_};
  auto first = mediawiki::PublishToMediaWiki(target, pages, {});
  ASSERT_TRUE(first.ok()) << first.error().message;
  for (const mediawiki::PageReport& page : first->pages)
    EXPECT_EQ(page.outcome, PageOutcome::kCreated) << page.title << ": " << page.detail;

  const std::string prefix = set.Find(kActionsPage)->wiki_name.substr(0, 7);
  ASSERT_EQ(prefix, "X-----/");
  for (const mediawiki::WikiPage& page : pages) {
    json parsed = Parse(page.title);
    std::string html = parsed.value("text", "");
    ASSERT_FALSE(html.empty()) << page.title;
    EXPECT_EQ(html.find("<script"), std::string::npos) << page.title;
    EXPECT_EQ(html.find("<i>b</i>"), std::string::npos) << page.title;
    EXPECT_TRUE(parsed.value("templates", json::array()).empty()) << page.title;
    for (const json& link : parsed.value("links", json::array())) {
      std::string to = link.value("title", "");
      EXPECT_TRUE(to == "X-----" || to.rfind(prefix, 0) == 0) << page.title << " -> " << to;
    }
    for (const json& external : parsed.value("externallinks", json::array()))
      EXPECT_EQ(external.get<std::string>().find("javascript:"), std::string::npos) << page.title;
    for (const json& section : parsed.value("sections", json::array())) {
      std::string line = section.value("line", "");
      EXPECT_TRUE(line != "Heading" && line != "Heading =") << page.title;
    }
    PageOnWiki stored = Read(page.title);
    EXPECT_EQ(stored.content, mediawiki::NormaliseWikitext(page.wikitext)) << page.title;
  }
  std::string register_html = Parse(set.Find(kActionsPage)->wiki_name).value("text", "");
  EXPECT_NE(register_html.find("&lt;script&gt;alert("), std::string::npos) << register_html;
  EXPECT_NE(register_html.find("{{Delete}}"), std::string::npos);
  EXPECT_NE(register_html.find("~~~~"), std::string::npos);

  // Saved as sent: publishing again finds nothing to change.
  auto second = mediawiki::PublishToMediaWiki(target, pages, {});
  ASSERT_TRUE(second.ok()) << second.error().message;
  for (const mediawiki::PageReport& page : second->pages)
    EXPECT_EQ(page.outcome, PageOutcome::kUnchanged) << page.title;
}

}  // namespace
}  // namespace plenary::mediawiki_testing
