#include "core/matching.h"

#include <algorithm>
#include <map>

#include "core/text.h"

namespace plenary {

std::string_view WithoutRaisedOnDate(std::string_view text) {
  std::size_t i = text.find_first_not_of(" \t");
  if (i == std::string_view::npos || text.size() - i < 10) return text;
  std::string_view date = text.substr(i, 10);
  for (std::size_t k = 0; k < 10; ++k) {
    bool dash = k == 4 || k == 7;
    if (dash ? date[k] != '-' : (date[k] < '0' || date[k] > '9')) return text;
  }
  std::size_t j = i + 10;
  std::size_t separator = text.find_first_not_of(" \t", j);
  if (separator == std::string_view::npos) return text;
  if (text[separator] == ':' || text[separator] == '-') {
    j = separator + 1;
  } else if (text.compare(separator, 3, "\xE2\x80\x93") == 0 ||
             text.compare(separator, 3, "\xE2\x80\x94") == 0) {
    j = separator + 3;
  } else {
    return text;
  }
  std::size_t rest = text.find_first_not_of(" \t", j);
  return rest == std::string_view::npos ? text : text.substr(rest);
}
namespace {

std::vector<std::string> Passages(std::string_view text) {
  std::vector<std::string> words = ContentWordSequence(text);
  std::vector<std::string> passages;
  for (std::size_t i = 0; i + QuotationIndex::kQuoteWords <= words.size(); ++i) {
    std::string passage;
    for (std::size_t j = i; j < i + QuotationIndex::kQuoteWords; ++j) {
      passage += words[j];
      passage += ' ';
    }
    passages.push_back(std::move(passage));
  }
  return passages;
}

}  // namespace

void QuotationIndex::Add(std::size_t id, std::string_view text) {
  for (std::string& passage : Passages(text)) {
    auto& ids = passages_[std::move(passage)];
    if (ids.empty() || ids.back() != id) ids.push_back(id);
  }
}

std::vector<std::size_t> QuotationIndex::QuotedBy(std::string_view text) const {
  std::map<std::size_t, std::size_t> shared;  // id -> passages in common
  for (const std::string& passage : Passages(text)) {
    auto it = passages_.find(passage);
    if (it == passages_.end()) continue;
    for (std::size_t id : it->second) ++shared[id];
  }
  std::vector<std::pair<std::size_t, std::size_t>> ranked(shared.begin(), shared.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::size_t> ids;
  for (const auto& [id, count] : ranked) ids.push_back(id);
  return ids;
}

}  // namespace plenary
