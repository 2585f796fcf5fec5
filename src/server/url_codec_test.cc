#include "server/url_codec.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

TEST(PercentDecodeTest, DecodesEscapesAndPlusOnlyInForms) {
  EXPECT_EQ(*PercentDecode("a%20b+c"), "a b+c");
  EXPECT_EQ(*PercentDecode("a%20b+c", true), "a b c");
  EXPECT_EQ(*PercentDecode("%C3%a9"), "\xC3\xA9");
}

TEST(PercentDecodeTest, RefusesMalformedEscapesNulAndInvalidUtf8) {
  EXPECT_FALSE(PercentDecode("%").ok());
  EXPECT_FALSE(PercentDecode("%4").ok());
  EXPECT_FALSE(PercentDecode("%zz").ok());
  EXPECT_FALSE(PercentDecode("a%00b").ok());
  EXPECT_FALSE(PercentDecode("%C3").ok());
  EXPECT_FALSE(PercentDecode("%FF%FE").ok());
}

TEST(ParseFormTest, KeepsOrderAndEmptyValues) {
  auto form = ParseForm("a=1&&b=two+words&c&a=2");
  ASSERT_TRUE(form.ok());
  QueryParams expected = {{"a", "1"}, {"b", "two words"}, {"c", ""}, {"a", "2"}};
  EXPECT_EQ(*form, expected);
  EXPECT_EQ(*FindParam(*form, "a"), "1");
  EXPECT_EQ(FindParam(*form, "z"), nullptr);
}

TEST(ParseFormTest, EnforcesItsLimits) {
  std::string many;
  for (int i = 0; i < 300; ++i) many += "x=1&";
  EXPECT_FALSE(ParseForm(many).ok());
  EXPECT_FALSE(ParseForm(std::string(300, 'n') + "=1").ok());
  EXPECT_FALSE(ParseForm("a=%ZZ").ok());
}

TEST(PercentEncodeTest, RoundTrips) {
  const std::string text = "Plenary & SSR1 review/15 \xC3\xA9";
  EXPECT_EQ(PercentEncode("a b/c"), "a%20b%2Fc");
  EXPECT_EQ(*PercentDecode(PercentEncode(text)), text);
}

}  // namespace
}  // namespace plenary
