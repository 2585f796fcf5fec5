#include "core/text.h"

#include <gtest/gtest.h>

#include "core/matching.h"

namespace plenary {
namespace {

TEST(Text, TrimHandlesNoBreakSpace) {
  EXPECT_EQ(Trim("\xC2\xA0 a b\t\xC2\xA0"), "a b");
  EXPECT_EQ(Trim("\xC2\xA0"), "");
  EXPECT_EQ(CollapseSpaces("  a \t b  "), "a b");
}

// CollapseSpaces is one pass; it must say what joining SplitWords' words says,
// no-break spaces and stray lead bytes included. And a bounded split is the
// whole split's first words.
TEST(Text, CollapseSpacesJoinsTheWordsSplitWordsFinds) {
  for (std::string_view s :
       {"", " ", "a", "\xC2\xA0" "a\xC2\xA0\xC2\xA0" "b\xC2", "\xC2\xC2\xA0" "x", "a\n\t b\r c ",
        "\xC2", "one  two\xC2\xA0" "three four five six"}) {
    std::string joined;
    for (std::string_view w : SplitWords(s)) joined += (joined.empty() ? "" : " ") + std::string(w);
    EXPECT_EQ(CollapseSpaces(s), joined) << s;
    for (std::size_t n = 0; n <= 7; ++n) {
      auto all = SplitWords(s);
      all.resize(std::min(n, all.size()));
      EXPECT_EQ(SplitWords(s, n), all) << s << " " << n;
    }
  }
}

TEST(Text, SplitTrimmed) {
  EXPECT_EQ(SplitTrimmed(" a | b||c ", '|'), (std::vector<std::string_view>{"a", "b", "", "c"}));
  EXPECT_EQ(SplitTrimmed("", ','), std::vector<std::string_view>{""});
}

TEST(Text, FoldNameIgnoresCaseDiacriticsAndSpacing) {
  EXPECT_EQ(FoldName("Žarko  Kečić"), FoldName("zarko kecic"));
  EXPECT_EQ(FoldName("Boban Kršić"), "boban krsic");
  EXPECT_NE(FoldName("Jon"), FoldName("John"));
}

TEST(Text, AsciiFastPathFoldsLikeUtf8proc) {
  std::string all;
  for (int c = 1; c < 128; ++c) all += static_cast<char>(c);
  EXPECT_EQ(FoldWithUtf8proc(all), AsciiLower(all));
}

TEST(Text, FindInvalidUtf8) {
  EXPECT_EQ(FindInvalidUtf8("plain Žarko"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("ab\x80"), 2u);
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
}

TEST(Text, ContentWordsDropStopWordsAndPlurals) {
  EXPECT_EQ(ContentWords("Draft the work plans for each of the sub-topics"),
            (std::vector<std::string>{"draft", "work", "plan", "each", "sub", "topic"}));
  EXPECT_EQ(ContentWords("Status"), std::vector<std::string>{"status"});
  EXPECT_EQ(ContentWordSequence("plan the plan"), (std::vector<std::string>{"plan", "plan"}));
}

TEST(QuotationIndex, FindsTheItemAQuotationComesFrom) {
  QuotationIndex index;
  index.Add(0, "Staff to capture and share all discussions to-date around outreach.");
  index.Add(1,
            "ICANN DNS Engineering team to reframe the following question: Regarding L-root "
            "operations and hosting: What is the planning process vs. passive response?");
  EXPECT_EQ(index.QuotedBy("ICANN will rephrase the following: “Regarding L-root operations and "
                           "hosting: What is the planning process vs. passive response?”"),
            std::vector<std::size_t>{1});
  // Shares topic words, quotes nothing.
  EXPECT_TRUE(index
                  .QuotedBy("Staff start a thread on the list to capture discussions around "
                            "outreach. Team to share thoughts on list re outreach")
                  .empty());
}

}  // namespace
}  // namespace plenary
