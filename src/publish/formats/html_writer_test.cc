#include "publish/formats/html_writer.h"

#include <gtest/gtest.h>

#include "publish/formats/html.h"

namespace plenary::html {
namespace {

TEST(Html, EscapeTurnsMarkupCharactersIntoReferences) {
  EXPECT_EQ(Escape("<script>alert(\"x\" + 'y')</script> & ]]>"),
            "&lt;script&gt;alert(&quot;x&quot; + &#39;y&#39;)&lt;/script&gt; &amp; ]]&gt;");
}

TEST(Html, EscapeReplacesInvalidUtf8AndDropsControls) {
  EXPECT_EQ(Escape("a\xff"
                   "b\xc3"
                   "c\xed\xa0\x80"
                   "d\xc0\xaf"),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD"
            "c\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
            "d\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(Escape(std::string("a\0b\x01\x7f\tc\n", 8)), "ab\tc\n");
  EXPECT_EQ(Escape("Žarko Kečić — ✓ 𝄞"), "Žarko Kečić — ✓ 𝄞");
}

TEST(Html, EscapeKeepsRunsOfPlainTextBetweenWhatItChanges) {
  EXPECT_EQ(Escape("ab&cd<ef\x01gh\"ij'kl>mn\xffop é q"),
            "ab&amp;cd&lt;efgh&quot;ij&#39;kl&gt;mn\xEF\xBF\xBDop é q");
  EXPECT_EQ(Escape(std::string(1000, 'x') + "<"), std::string(1000, 'x') + "&lt;");
}

TEST(Html, AttributeValuesKeepLineBreaksAsReferences) {
  std::string out;
  AppendEscaped(out, "a\r\nb", true);
  EXPECT_EQ(out, "a&#13;&#10;b");
  EXPECT_EQ(Escape("a\r\nb"), "a\n\nb");
}

TEST(Html, ShortenCutsAtACharacterBoundary) {
  EXPECT_EQ(Shorten("short", 10), "short");
  EXPECT_EQ(Shorten("ééé", 3), "é…");  // 6 bytes; byte 3 is inside the second é
}

TEST(Html, OnlyHttpUrlsAreWebUrls) {
  EXPECT_TRUE(IsWebUrl("https://example.org/x"));
  EXPECT_TRUE(IsWebUrl("HTTP://example.org"));
  EXPECT_FALSE(IsWebUrl("javascript:alert(1)"));
  EXPECT_FALSE(IsWebUrl(" https://x"));
  EXPECT_FALSE(IsWebUrl("data:text/html,x"));
  EXPECT_FALSE(IsWebUrl("https://"));
}

TEST(Html, UrlPartsArePercentEncoded) {
  EXPECT_EQ(UrlSegment("a b/c?d#é"), "a%20b%2Fc%3Fd%23%C3%A9");
  EXPECT_EQ(QueryString({{"owner", "ICANN Org"}, {"status", ""}, {"q", "a&b=c"}}),
            "?owner=ICANN+Org&q=a%26b%3Dc");
  EXPECT_EQ(QueryString({{"status", ""}}), "");
}

TEST(Html, WriterEscapesTextAndAttributesButNotItsOwnMarkup) {
  HtmlWriter w;
  w.Open("p", {{"title", "\"><script>"}, {"", "left out"}})
      .Text("<b>")
      .Void("br")
      .Link("/x?a=1&b=2", "it's")
      .Close("p");
  EXPECT_EQ(w.str(),
            "<p title=\"&quot;&gt;&lt;script&gt;\">&lt;b&gt;<br /><a href=\"/x?a=1&amp;b=2\">"
            "it&#39;s</a></p>");
}

}  // namespace
}  // namespace plenary::html

namespace plenary {
namespace {

// Published pages embed web/style.css inside <style>: a "<" in it (a comment
// naming a tag) would end the style element or break the XML.
TEST(SharedStylesheetTest, CanBeEmbeddedInAStyleElement) {
  const std::string_view css = HtmlStylesheet();
  EXPECT_FALSE(css.empty());
  EXPECT_EQ(css.find('<'), std::string_view::npos);
  EXPECT_EQ(css.find('&'), std::string_view::npos);
}

}  // namespace
}  // namespace plenary
