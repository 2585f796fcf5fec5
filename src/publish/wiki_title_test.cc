#include <gtest/gtest.h>

#include "publish/registers.h"

namespace plenary::publish_detail {
namespace {

TEST(WikiTitle, OrdinaryTitlesAreKept) {
  EXPECT_EQ(WikiTitle("SSR2/Plenary 15"), "SSR2/Plenary 15");
  EXPECT_EQ(WikiTitle("RDS-WHOIS2/Attendance/2017-06"), "RDS-WHOIS2/Attendance/2017-06");
  EXPECT_EQ(WikiTitle("Q&A ~ 50% done: Émilie"), "Q&A ~ 50% done: Émilie");
}

TEST(WikiTitle, WhatMediaWikiRefusesIsReplaced) {
  EXPECT_EQ(WikiTitle("X|]]{{/a#b<c>\td\x7f"), "X-----/a-b-c--d-");
  EXPECT_EQ(WikiTitle("sig ~~~~ and ~~ kept"), "sig ---- and ~~ kept");
  EXPECT_EQ(WikiTitle("a &amp; b &#60; c &#x3c; d & e;"), "a -amp; b --60; c --x3c; d & e;");
  EXPECT_EQ(WikiTitle("100%25 %zz"), "100-25 %zz");
  EXPECT_EQ(WikiTitle(":Main"), "-Main");
  EXPECT_EQ(WikiTitle("../x/./y/.../z/.."), "-/x/-/y/.../z/-");
  EXPECT_EQ(WikiTitle(".."), "-");
  EXPECT_EQ(WikiTitle(" a __TOC__  b_c "), "a TOC b c");
}

TEST(WikiTitle, ALongTitleIsCutInTheMiddleKeepingItsEnd) {
  std::string kind;
  for (int i = 0; i < 150; ++i) kind += "é";  // 300 bytes
  std::string title = WikiTitle("GROUP/" + kind + " meeting about everything there is 12");
  EXPECT_LE(title.size(), 255u);
  EXPECT_EQ(title.substr(0, 8), "GROUP/\xC3\xA9");
  EXPECT_EQ(title.substr(title.size() - 11), "there is 12");
  EXPECT_NE(title.find("\xE2\x80\xA6"), std::string::npos);
  // Whole characters only: every byte sequence still decodes.
  for (std::size_t i = 0; i < title.size();) {
    auto lead = static_cast<unsigned char>(title[i]);
    std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    ASSERT_NE(lead & 0xC0, 0x80u) << i;
    i += n;
  }
}

}  // namespace
}  // namespace plenary::publish_detail
