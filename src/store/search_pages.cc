#include "store/search_pages.h"

#include <algorithm>
#include <charconv>

namespace plenary {
namespace {

template <typename T>
bool ParseWhole(std::string_view text, T& value) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

}  // namespace

Result<SearchCursor> ParseSearchCursor(std::string_view text) {
  SearchCursor c;
  if (text.empty()) return c;
  const Error bad = Error::InvalidInput("cursor: not one this search gave");
  if (text.front() == 'o') {
    if (!ParseWhole(text.substr(1), c.older_than) || c.older_than <= 0) return bad;
    return c;
  }
  std::size_t dot = text.find('.');
  if (text.front() != 'w' || dot == std::string_view::npos) return bad;
  if (!ParseWhole(text.substr(1, dot - 1), c.window_top) || c.window_top <= 0 ||
      !ParseWhole(text.substr(dot + 1), c.skip) || c.skip == 0 || c.skip >= kSearchWindow)
    return bad;
  return c;
}

std::string SearchCursorText(const SearchCursor& c) {
  if (c.older_than > 0) return "o" + std::to_string(c.older_than);
  return "w" + std::to_string(c.window_top) + "." + std::to_string(c.skip);
}

SearchResults SearchPageOf(SearchSource& source, const SearchCursor& cursor, std::size_t limit) {
  SearchResults page;
  if (limit == 0) return page;
  std::vector<std::int64_t> ids;
  std::int64_t oldest = cursor.older_than;
  if (cursor.older_than == 0) {
    auto window = source.Window(cursor.window_top, kSearchWindow);
    if (window.empty()) return page;
    const std::int64_t top = window.front().first;
    oldest = window.back().first;
    std::sort(window.begin(), window.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second < b.second : a.first > b.first;
    });
    for (std::size_t i = cursor.skip; i < window.size() && ids.size() < limit; ++i)
      ids.push_back(window[i].first);
    const std::size_t given = cursor.skip + ids.size();
    if (given < window.size()) {
      page.next = SearchCursorText({top, given, 0});
    } else if (window.size() < kSearchWindow) {
      oldest = 0;  // the window held every match
    }
  }
  if (page.next.empty() && oldest > 0) {
    const std::size_t want = limit - ids.size();
    auto older = source.Older(oldest, want + 1);
    for (std::size_t i = 0; i < older.size() && i < want; ++i) ids.push_back(older[i]);
    if (older.size() > want) page.next = SearchCursorText({0, 0, want == 0 ? oldest : ids.back()});
  }
  if (ids.empty()) return page;
  std::map<std::int64_t, SearchHit> found = source.Hits(ids);
  for (std::int64_t id : ids)
    if (auto it = found.find(id); it != found.end()) page.hits.push_back(std::move(it->second));
  return page;
}

}  // namespace plenary
