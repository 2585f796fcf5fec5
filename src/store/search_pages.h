// The order and paging of search hits, the same on both back ends: the
// newest kSearchWindow matches (in the groups searched) ranked best first,
// then every older match, newest first. Ranking a common word's every match
// (hundreds of thousands over a large installation) is what made search slow;
// the window bounds it, and a cursor pages through the ranked window and on
// into the older matches (SiteStore::SearchPage, the API's `next`).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plenary/result.h"
#include "plenary/site.h"

namespace plenary {

inline constexpr std::size_t kSearchWindow = 1000;

// Where a page of hits starts. Within the ranked window: the window is the
// newest matches up to document `window_top` (so that documents added since
// the first page leave it as it was), `skip` of them already given. After it:
// the matches older than document `older_than`.
struct SearchCursor {
  std::int64_t window_top = 0;  // 0: the newest match
  std::size_t skip = 0;
  std::int64_t older_than = 0;  // > 0: past the window
};

// "" is the first page; InvalidInput for anything a page did not give.
Result<SearchCursor> ParseSearchCursor(std::string_view text);
std::string SearchCursorText(const SearchCursor& cursor);

// What a back end reads for a page, for the query's words and groups.
class SearchSource {
 public:
  virtual ~SearchSource() = default;
  // The newest `count` matches at or below document `top` (0: no bound),
  // each with its score (lower is better), newest first.
  virtual std::vector<std::pair<std::int64_t, double>> Window(std::int64_t top,
                                                              std::size_t count) = 0;
  // The newest `count` matches older than document `before`, newest first.
  virtual std::vector<std::int64_t> Older(std::int64_t before, std::size_t count) = 0;
  // The hits of these documents (never none), by document, one that no
  // longer matches left out; SearchPageOf puts them in the page's order.
  virtual std::map<std::int64_t, SearchHit> Hits(const std::vector<std::int64_t>& ids) = 0;
};

// A page of `limit` hits from `cursor`, with the next page's cursor.
SearchResults SearchPageOf(SearchSource& source, const SearchCursor& cursor, std::size_t limit);

}  // namespace plenary
