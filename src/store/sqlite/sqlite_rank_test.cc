// plenary_bm25 is FTS5's bm25 while every word of the query is in fewer than
// kRankCountBound documents, and counts a more common word as in that many.
#include "store/sqlite/sqlite_rank.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace plenary::sqlite {
namespace {

class BoundedRankTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RegisterBoundedRank(db_);
    db_.exec("CREATE VIRTUAL TABLE t USING fts5(body)");
  }
  void Add(const std::string& body, int times) {
    SQLite::Statement insert(db_, "INSERT INTO t (body) VALUES (?)");
    for (int i = 0; i < times; ++i) {
      insert.reset();
      insert.bind(1, body);
      insert.exec();
    }
  }
  // Each matching row's (bm25, plenary_bm25).
  std::vector<std::pair<double, double>> Scores(const std::string& match) {
    SQLite::Statement st(db_, "SELECT bm25(t), plenary_bm25(t) FROM t WHERE t MATCH ?");
    st.bind(1, match);
    std::vector<std::pair<double, double>> scores;
    while (st.executeStep()) scores.emplace_back(st.getColumn(0).getDouble(), st.getColumn(1).getDouble());
    return scores;
  }

  SQLite::Database db_{":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};
};

TEST_F(BoundedRankTest, IsBm25BelowTheBound) {
  db_.exec("BEGIN");
  Add("the zebra report on the zebra fish", 3);
  Add("a zebra", 5);
  Add("fish and more fish in the report", 40);
  Add("nothing to see", 200);
  db_.exec("COMMIT");
  for (const char* match : {"zebra", "fish", "zebra fish", "report fish"}) {
    auto scores = Scores(match);
    ASSERT_FALSE(scores.empty()) << match;
    for (const auto& [bm25, bounded] : scores) EXPECT_NEAR(bounded, bm25, 1e-12) << match;
  }
}

TEST_F(BoundedRankTest, CountsAWordAsInTheBoundsDocumentsPastIt) {
  const int common = static_cast<int>(kRankCountBound) + 2000;
  const int others = 20000;
  db_.exec("BEGIN");
  Add("common word", common);
  Add("other words here", others);
  db_.exec("COMMIT");
  const double rows = common + others;
  const double average_length = (2.0 * common + 3.0 * others) / rows;
  auto expected = [&](double hits) {
    const double idf = std::log((rows - hits + 0.5) / (hits + 0.5));
    return -idf * (1.0 * 2.2) / (1.0 + 1.2 * (0.25 + 0.75 * 2.0 / average_length));
  };
  auto scores = Scores("common");
  ASSERT_EQ(scores.size(), static_cast<std::size_t>(common));
  EXPECT_NEAR(scores.front().first, expected(common), 1e-9) << "bm25 counts every document";
  EXPECT_NEAR(scores.front().second, expected(static_cast<double>(kRankCountBound)), 1e-9);
}

// Given the row's text, plenary_bm25 counts its words with the table's
// tokenizer: the same length FTS5 stored, so the same score, for texts
// whose words a split on spaces would miscount, and with a second column
// (search_text's group) whose words are not the text's.
TEST(BoundedRankGivenTheText, ScoresAsWithTheStoredLength) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  RegisterBoundedRank(db);
  db.exec(
      "CREATE VIRTUAL TABLE t USING fts5(body, grp, "
      "tokenize = 'unicode61 remove_diacritics 2')");
  const std::vector<std::string> texts = {
      "zq",
      "zq Café résumé naïve, l'été à Zürich",
      "zq e-mail: a.b@c.d, x/y; (z) -- 2024-05-01T10:00Z",
      "zq 日本語のテキスト와 한국어 text_with_underscores",
      "zq   spaced\tout\nover  lines  ",
      "zq \x02marked\x03 words \xe2\x80\x94 and emoji \xf0\x9f\x98\x80 zq zq",
      "zq " + std::string(300, 'w') + " long",
      "zq a b c d e f g h i j k l m n o p q r s t u v w x y z"};
  SQLite::Statement insert(db, "INSERT INTO t (body, grp) VALUES (?, '17 g17 seventeen')");
  for (const std::string& text : texts) {
    insert.reset();
    insert.bind(1, text);
    insert.exec();
  }
  SQLite::Statement st(
      db, "SELECT body, plenary_bm25(t), plenary_bm25(t, body) FROM t WHERE t MATCH 'body : zq'");
  std::size_t rows = 0;
  std::vector<double> scores;
  while (st.executeStep()) {
    ++rows;
    EXPECT_DOUBLE_EQ(st.getColumn(2).getDouble(), st.getColumn(1).getDouble())
        << st.getColumn(0).getString();
    scores.push_back(st.getColumn(2).getDouble());
  }
  EXPECT_EQ(rows, texts.size());
  std::sort(scores.begin(), scores.end());
  EXPECT_LT(scores.front(), scores.back()) << "the lengths differ, and so must the scores";
}

}  // namespace
}  // namespace plenary::sqlite
