// The order and paging of search hits over a source of documents: the newest
// kSearchWindow matches ranked, then the older ones newest first, each page's
// cursor leading to the next without a hit given twice or left out.
#include "store/search_pages.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace plenary {
namespace {

// Documents 1..n match; document d scores (d % 7): lower is better.
class FakeSource final : public SearchSource {
 public:
  explicit FakeSource(std::int64_t n) : n_(n) {}
  std::vector<std::pair<std::int64_t, double>> Window(std::int64_t top,
                                                      std::size_t count) override {
    ++windows;
    std::vector<std::pair<std::int64_t, double>> w;
    for (std::int64_t d = top > 0 ? std::min(top, n_) : n_; d >= 1 && w.size() < count; --d)
      w.emplace_back(d, static_cast<double>(d % 7));
    return w;
  }
  std::vector<std::int64_t> Older(std::int64_t before, std::size_t count) override {
    std::vector<std::int64_t> ids;
    for (std::int64_t d = std::min(before - 1, n_); d >= 1 && ids.size() < count; --d)
      ids.push_back(d);
    return ids;
  }
  std::map<std::int64_t, SearchHit> Hits(const std::vector<std::int64_t>& ids) override {
    std::map<std::int64_t, SearchHit> hits;
    for (std::int64_t id : ids) hits[id] = {SearchKind::kAction, "G", "", "", id, "", {}};
    return hits;
  }
  std::int64_t n_;
  int windows = 0;
};

std::vector<std::int64_t> EveryPage(FakeSource& source, std::size_t limit) {
  std::vector<std::int64_t> ids;
  SearchCursor cursor;
  for (int page = 0; page < 10000; ++page) {
    SearchResults r = SearchPageOf(source, cursor, limit);
    EXPECT_LE(r.hits.size(), limit);
    for (const SearchHit& h : r.hits) ids.push_back(h.action_id);
    if (r.next.empty()) break;
    auto next = ParseSearchCursor(r.next);
    EXPECT_TRUE(next.ok()) << r.next;
    if (!next.ok()) break;
    cursor = *next;
  }
  return ids;
}

TEST(SearchPages, TheNewestMatchesAreRankedThenOlderOnesFollowNewestFirst) {
  const std::int64_t n = static_cast<std::int64_t>(kSearchWindow) + 250;
  FakeSource source(n);
  for (std::size_t limit : {1u, 20u, 333u, 1000u, 500u}) {
    std::vector<std::int64_t> ids = EveryPage(source, limit);
    ASSERT_EQ(ids.size(), static_cast<std::size_t>(n)) << limit;
    EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()).size(), ids.size()) << limit;
    // The window: documents n - 999 .. n, by score then newest first.
    for (std::size_t i = 1; i < kSearchWindow; ++i) {
      auto a = ids[i - 1], b = ids[i];
      EXPECT_TRUE(a % 7 < b % 7 || (a % 7 == b % 7 && a > b)) << limit << " at " << i;
      EXPECT_GT(a, n - static_cast<std::int64_t>(kSearchWindow));
    }
    // Then every older one, newest first.
    for (std::size_t i = kSearchWindow; i < ids.size(); ++i)
      EXPECT_EQ(ids[i], n - static_cast<std::int64_t>(i)) << limit;
  }
}

TEST(SearchPages, FewerMatchesThanTheWindowAreAllRankedOnOnePassAndNoOlderPage) {
  FakeSource source(30);
  SearchResults first = SearchPageOf(source, {}, 50);
  EXPECT_EQ(first.hits.size(), 30u);
  EXPECT_TRUE(first.next.empty());
  EXPECT_EQ(first.hits[0].action_id, 28) << "score 0, the newest of them";
  EXPECT_TRUE(SearchPageOf(source, {}, 0).hits.empty());
}

TEST(SearchPages, AWindowCursorKeepsItsWindowWhenNewerDocumentsArrive) {
  FakeSource source(100);
  SearchResults first = SearchPageOf(source, {}, 10);
  source.n_ = 150;  // 50 newer matches
  auto cursor = ParseSearchCursor(first.next);
  ASSERT_TRUE(cursor.ok());
  SearchResults second = SearchPageOf(source, *cursor, 10);
  for (const SearchHit& h : second.hits) EXPECT_LE(h.action_id, 100);
}

TEST(SearchPages, CursorsAreCheckedWhole) {
  EXPECT_TRUE(ParseSearchCursor("").ok());
  EXPECT_EQ(ParseSearchCursor("w12.3")->window_top, 12);
  EXPECT_EQ(ParseSearchCursor("w12.3")->skip, 3u);
  EXPECT_EQ(ParseSearchCursor("o9")->older_than, 9);
  EXPECT_EQ(SearchCursorText({12, 3, 0}), "w12.3");
  EXPECT_EQ(SearchCursorText({0, 0, 9}), "o9");
  for (const char* bad : {"w", "w.", "w1.0", "w0.1", "w-1.2", "w1.1000", "o0", "o", "o1x", "x1",
                          " o1", "w1.2.3", "w99999999999999999999.1"})
    EXPECT_EQ(ParseSearchCursor(bad).error().kind, ErrorKind::kInvalidInput) << bad;
}

}  // namespace
}  // namespace plenary
