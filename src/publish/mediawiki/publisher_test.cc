#include "publish/mediawiki/publisher.h"

#include <gtest/gtest.h>

#include "publish/mediawiki/http_session.h"

namespace plenary::mediawiki {
namespace {

TEST(WikiText, IsComparedAsMediaWikiStoresIt) {
  EXPECT_EQ(NormaliseWikitext("a\r\nb\rc  \n\t\n"), "a\nb\nc");
  EXPECT_EQ(NormaliseWikitext("  indented stays"), "  indented stays");
  EXPECT_EQ(NormaliseWikitext("line  \nnext"), "line  \nnext");
  // "e" + combining acute becomes the composed "é", as MediaWiki stores it.
  EXPECT_EQ(NormaliseWikitext("Re\xCC\x81union"), "R\xC3\xA9union");
  EXPECT_EQ(NormaliseWikitext("bad \xFF byte "), "bad \xFF byte");
}

TEST(WikiAddress, IsTheApiPhpUnderTheGivenFolder) {
  EXPECT_EQ(*ApiUrl("https://wiki.example.org/w/api.php"), "https://wiki.example.org/w/api.php");
  EXPECT_EQ(*ApiUrl("https://wiki.example.org/w/"), "https://wiki.example.org/w/api.php");
  EXPECT_EQ(*ApiUrl("http://127.0.0.1:8080"), "http://127.0.0.1:8080/api.php");
  auto ftp = ApiUrl("ftp://wiki.example.org/");
  ASSERT_FALSE(ftp.ok());
  EXPECT_EQ(ftp.error().message,
            "the wiki's address must start with http:// or https://: ftp://wiki.example.org/");
}

TEST(WikiPlan, CreatesMissingLeavesEqualChecksTheRest) {
  WikiPage page{"Actions", "== Open ==\n* one\n"};
  RemotePage missing{"Actions", false, "", 0, "", "", ""};
  EXPECT_EQ(PlanPage(missing, page), PageStep::kCreate);
  RemotePage same{"Actions", true, "", 7, "2026-01-01T00:00:00Z", "wikitext", "== Open ==\n* one"};
  EXPECT_EQ(PlanPage(same, page), PageStep::kLeave);
  RemotePage other = same;
  other.content = "== Open ==\n* two";
  EXPECT_EQ(PlanPage(other, page), PageStep::kUpdateIfOurs);
  RemotePage css = same;
  css.content_model = "css";
  EXPECT_EQ(PlanPage(css, page), PageStep::kUpdateIfOurs);
  RemotePage invalid{"", false, "contains [", 0, "", "", ""};
  EXPECT_EQ(PlanPage(invalid, page), PageStep::kRefuse);
}

TEST(WikiPublish, DuplicateTitlesAreRefusedBeforeAnyRequest) {
  auto report =
      PublishToMediaWiki({"http://127.0.0.1:9/api.php", "u", "p"}, {{"A", "1"}, {"A", "2"}}, {});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().message, "two pages to publish are titled A");
}

TEST(WikiHttp, AnUnreachableWikiIsAnIoErrorWithoutTheFields) {
  HttpOptions options;
  options.connect_timeout = std::chrono::milliseconds(2000);
  auto session = HttpSession::Open(options);
  ASSERT_TRUE(session.ok());
  // Port 9 (discard) on 127.0.0.1: nothing listens in the test environment.
  auto response = session->Post("http://127.0.0.1:9/api.php", {{"lgpassword", "s3cret"}});
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, ErrorKind::kIO);
  EXPECT_EQ(response.error().message.rfind("http://127.0.0.1:9/api.php: ", 0), 0u)
      << response.error().message;
  EXPECT_EQ(response.error().message.find("s3cret"), std::string::npos);
}

TEST(WikiHttp, FormFieldsArePercentEncoded) {
  EXPECT_EQ(EncodeForm({{"title", "A b/c&d"}, {"text", "x=1\n\xC3\xA9"}}),
            "title=A%20b%2Fc%26d&text=x%3D1%0A%C3%A9");
}

}  // namespace
}  // namespace plenary::mediawiki
