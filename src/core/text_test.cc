#include "core/text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

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

TEST(Text, AsciiFastPathsReadAsTheUnicodePaths) {
  // FoldName and ContentWords take a shortcut for ASCII text; a non-ASCII
  // character far from the words sends the same text down utf8proc's path.
  const std::vector<std::string> texts = {
      "  Geoff   Huston\t",  "JG to draft the SSR2 plans, by 12 May (2026).",
      "ACTION ITEMS:\r\n none", "a\x01b\x7F c  ", "", "Review of actions: 3 of 3 plans done",
      "Plans plans PLANS; status-analysis & process_s 42nd 7s"};
  for (const std::string& text : texts) {
    const std::string marked = text + " \xC3\xA9";  // " é": one more word, "e"
    EXPECT_EQ(FoldName(text) + (FoldName(text).empty() ? "e" : " e"), FoldName(marked)) << text;
    std::vector<std::string> words = ContentWords(marked);
    ASSERT_FALSE(words.empty());
    if (words.back() == "e") words.pop_back();
    EXPECT_EQ(ContentWords(text), words) << text;
    std::vector<std::string> sequence = ContentWordSequence(marked);
    if (!sequence.empty() && sequence.back() == "e") sequence.pop_back();
    EXPECT_EQ(ContentWordSequence(text), sequence) << text;
  }
}

TEST(Text, ContentWordsUpToAFewAreTheFirstDistinctOnes) {
  const std::string text = "Plan the plan, then review plans and the review of actions";
  const std::vector<std::string> all = ContentWords(text);
  ASSERT_EQ(all, (std::vector<std::string>{"plan", "review", "action"}));
  for (std::size_t n = 0; n <= all.size() + 1; ++n)
    EXPECT_EQ(ContentWords(text, n),
              std::vector<std::string>(all.begin(), all.begin() + std::min(n, all.size())));
  // Past the linear look's reach, duplicates are still dropped.
  std::string many;
  for (int i = 0; i < 100; ++i) many += "word" + std::to_string(i % 50) + " ";
  EXPECT_EQ(ContentWords(many).size(), 50u);
  EXPECT_EQ(ContentWordSequence(many).size(), 100u);
}

TEST(Text, CaseInsensitiveComparisons) {
  EXPECT_TRUE(StartsWithNoCase("Present+ Kaz", "present+"));
  EXPECT_TRUE(StartsWithNoCase("x", ""));
  EXPECT_FALSE(StartsWithNoCase("pres", "present"));
  EXPECT_FALSE(StartsWithNoCase("Presenz", "present"));
  EXPECT_TRUE(EqualsNoCase("RRSAgent", "rrsagent"));
  EXPECT_FALSE(EqualsNoCase("RRSAgent", "rrsagen"));
  EXPECT_FALSE(EqualsNoCase("Zakim", "Zakin"));
  // Only ASCII letters fold: '@' and '`' sit next to 'A' and 'a'.
  EXPECT_FALSE(EqualsNoCase("@", "`"));
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
