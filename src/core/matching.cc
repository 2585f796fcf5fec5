#include "core/matching.h"

#include <algorithm>
#include <map>

#include "core/text.h"

namespace plenary {
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
