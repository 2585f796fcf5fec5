#include "app/import_preview.h"

#include "core/review_status.h"
#include "core/text.h"

namespace plenary {

std::vector<std::optional<PlannedMatch>> PreviewMatches(const Meeting& meeting,
                                                        const std::vector<RegisteredAction>& items,
                                                        const MatchRules& rules) {
  std::vector<std::vector<std::string>> item_words;
  item_words.reserve(items.size());
  for (const RegisteredAction& a : items) item_words.push_back(SortedWords(a.item.text));

  std::vector<std::optional<PlannedMatch>> matches;
  for (const ActionItem& mention : meeting.actions) {
    const double threshold =
        mention.source == ActionSource::kReview ? rules.review_threshold : rules.new_row_threshold;
    // A review's status is not part of the item's words (core/review_status.h).
    const std::vector<std::string> words = SortedWords(SplitReviewStatus(mention.text).item);
    std::optional<PlannedMatch> best;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (items[i].merged_into || !EqualsNoCase(items[i].meeting.group, meeting.key.group))
        continue;
      double score = MatchScore(words, item_words[i]);
      if (score < threshold && mention.source == ActionSource::kReview && !words.empty() &&
          words == item_words[i])
        score = 1.0;
      if (score >= threshold && (!best || score > best->score))
        best = PlannedMatch{items[i].id, items[i].item.text, score};
    }
    matches.push_back(std::move(best));
  }
  return matches;
}

}  // namespace plenary
