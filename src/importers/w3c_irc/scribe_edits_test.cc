#include "importers/w3c_irc/scribe_edits.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

namespace plenary {
namespace {

std::vector<IrcLine> Lines(std::initializer_list<std::string_view> texts) {
  std::vector<IrcLine> lines;
  int n = 0;
  for (std::string_view text : texts) lines.push_back({++n, -1, "scribe", std::string(text)});
  return lines;
}

std::vector<std::string> Texts(const std::vector<IrcLine>& lines) {
  std::vector<std::string> texts;
  for (const IrcLine& line : lines) texts.push_back(line.text);
  return texts;
}

using Texts_ = std::vector<std::string>;

TEST(ScribeEdits, ParsesTheManualsForms) {
  auto e = ParseScribeEdit("s/Mary/Marie/");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->old_text, "Mary");
  EXPECT_EQ(e->new_text, "Marie");
  EXPECT_EQ(e->scope, 0);
  EXPECT_EQ(ParseScribeEdit("s/Mary/Marie")->new_text, "Marie");
  EXPECT_EQ(ParseScribeEdit("s|Mary|Marie|")->new_text, "Marie");
  EXPECT_EQ(ParseScribeEdit("s/Mary/Marie/g")->scope, 'g');
  EXPECT_EQ(ParseScribeEdit("s/Mary/Marie/G")->scope, 'G');
  EXPECT_EQ(ParseScribeEdit("s/some//")->new_text, "");
  // The last slash belongs to the command; new may hold slashes.
  EXPECT_EQ(ParseScribeEdit("s/@@/http://example.org/path/")->new_text, "http://example.org/path");
  auto i = ParseScribeEdit("i/Time to vote/Topic: Vote on Feature Y");
  ASSERT_TRUE(i);
  EXPECT_EQ(i->kind, ScribeEdit::kInsert);
  EXPECT_EQ(i->new_text, "Topic: Vote on Feature Y");
  EXPECT_FALSE(ParseScribeEdit("s//new/"));
  EXPECT_FALSE(ParseScribeEdit("s;a;b;"));  // only / and | delimit
  EXPECT_FALSE(ParseScribeEdit("so/what/"));
  EXPECT_FALSE(ParseScribeEdit("sure"));
}

TEST(ScribeEdits, SubstituteChangesTheMostRecentEarlierLineOnly) {
  auto lines = Lines({"Mary said yes", "Mary said no", "s/Mary/Marie/", "Mary again"});
  EditReport report = ApplyScribeEdits(lines);
  EXPECT_EQ(report.applied, 1);
  EXPECT_EQ(Texts(lines), (Texts_{"Mary said yes", "Marie said no", "Mary again"}));
}

TEST(ScribeEdits, GlobalBackwardAndEverywhere) {
  auto lines = Lines({"a x x", "b x", "s/x/y/g", "c x", "s/c/d/G", "c"});
  EditReport report = ApplyScribeEdits(lines);
  EXPECT_EQ(report.applied, 2);
  EXPECT_EQ(Texts(lines), (Texts_{"a y y", "b y", "d x", "d"}));
}

TEST(ScribeEdits, EditsApplyInOrderToWhatEarlierEditsLeft) {
  auto lines = Lines({"we'll cloe it latter", "s/cloe/close/", "s/latter/later/", "s/close it/close them/"});
  ApplyScribeEdits(lines);
  EXPECT_EQ(Texts(lines), (Texts_{"we'll close them later"}));
}

TEST(ScribeEdits, FailedEditStaysAsTextWithANotice) {
  auto lines = Lines({"nothing here", "s/absent/present/"});
  EditReport report = ApplyScribeEdits(lines);
  EXPECT_EQ(report.applied, 0);
  ASSERT_EQ(report.failed.size(), 1u);
  EXPECT_EQ(report.failed[0].first, 2);
  EXPECT_EQ(Texts(lines), (Texts_{"nothing here", "s/absent/present/"}));
}

TEST(ScribeEdits, EditsNeverTargetEditsOrEvents) {
  auto lines = Lines({"s/a/b/", "s/a/c/"});
  EditReport report = ApplyScribeEdits(lines);
  EXPECT_EQ(report.applied, 0);
  auto events = Lines({"joe has joined #x", "s/joe/bob/"});
  events[0].kind = IrcLineKind::kEvent;
  EXPECT_EQ(ApplyScribeEdits(events).applied, 0);
}

TEST(ScribeEdits, InsertGoesBeforeTheLineThatHoldsTheText) {
  auto lines = Lines({"Finished with LC71", "Frank: This is about syntax", "... Do we care?",
                      "i/Frank: This is about/Topic: Issue LC82/", "i/This is about/Topic: second/"});
  EditReport report = ApplyScribeEdits(lines);
  EXPECT_EQ(report.applied, 2);
  EXPECT_EQ(Texts(lines), (Texts_{"Finished with LC71", "Topic: Issue LC82", "Topic: second",
                                  "Frank: This is about syntax", "... Do we care?"}));
  EXPECT_EQ(lines[1].line, 4);  // an inserted line is located at its edit
}

TEST(ScribeEdits, TargetsFarBackAreFoundThroughTheIndex) {
  std::vector<IrcLine> lines;
  lines.push_back({1, -1, "s", "the unique tpyo here"});
  for (int n = 2; n < 2000; ++n) lines.push_back({n, -1, "s", fmt::format("filler line {}", n)});
  lines.push_back({2000, -1, "s", "s/tpyo/typo/"});
  lines.push_back({2001, -1, "s", "s/line 5/line five/"});       // most recent: "filler line 599"
  lines.push_back({2002, -1, "s", "s/filler line 7/seventh/"});  // most recent: "filler line 799"
  EditReport report = ApplyScribeEdits(lines);
  EXPECT_EQ(report.applied, 3);
  EXPECT_EQ(lines[0].text, "the unique typo here");
  EXPECT_EQ(lines[598].text, "filler line five99");
  EXPECT_EQ(lines[798].text, "seventh99");
  EXPECT_EQ(lines[597].text, "filler line 598");
}

// A 100,000-line log with 10,000 edits: most fix a line just before, some
// a line tens of thousands of lines back, some every earlier line, some
// find nothing. scribe.perl scans back for each (quadratic); this must stay
// near-linear. The time is measured by bench/minutes_vs_peers.sh; here the
// counts say that every edit found exactly what it should.
TEST(ScribeEdits, HundredThousandLinesWithManyEdits) {
  std::vector<IrcLine> lines;
  int far_targets = 0;
  int n = 0;
  auto add = [&](std::string text) { lines.push_back({++n, -1, "scribe", std::move(text)}); };
  for (int block = 0; block < 10000; ++block) {
    add(fmt::format("Speaker{}: we discussed item {} and agreed", block % 17, block));
    for (int k = 0; k < 8; ++k) add(fmt::format("... note {} of block {} with some more words", k, block));
    if (block % 10 == 3 && block >= 5000) {
      // Fix the first line of a block 5,000 blocks (45,000 lines) back.
      int target = block - 5000;
      add(fmt::format("s/item {} and/item {}, and/", target, target));
      ++far_targets;
    } else if (block % 100 == 7) {
      add(fmt::format("s/absent{}/x/", block));  // finds nothing
    } else if (block % 1000 == 9) {
      add(fmt::format("s/of block {}/of blk {}/g", block, block));  // all 8 notes
    } else {
      add(fmt::format("s/note 7 of block {}/note seven of block {}/", block, block));
    }
  }
  ASSERT_EQ(lines.size(), 100000u);
  EditReport report = ApplyScribeEdits(lines);
  EXPECT_EQ(report.failed.size(), 100u);
  EXPECT_EQ(report.applied, 10000 - 100);
  EXPECT_EQ(lines.size(), 100000u - 9900u);
  int far_fixed = 0, sevens = 0, blk = 0;
  for (const IrcLine& line : lines) {
    if (line.text.find(", and agreed") != std::string::npos) ++far_fixed;
    if (line.text.starts_with("... note seven of block")) ++sevens;
    if (line.text.find("of blk ") != std::string::npos) ++blk;
  }
  EXPECT_EQ(far_targets, 500);
  EXPECT_EQ(far_fixed, far_targets);
  EXPECT_EQ(sevens, 10000 - 500 - 100 - 10);
  EXPECT_EQ(blk, 8 * 10);
}

}  // namespace
}  // namespace plenary
