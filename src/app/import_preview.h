// What the import preview says about each action item of planned notes:
// whether it would update an item already in the register, and which.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/register.h"
#include "plenary/model.h"

namespace plenary {

struct PlannedMatch {
  std::int64_t item_id = 0;
  std::string text;  // the item's current text
  double score = 0;
};

// For each action of `meeting`, in order: the not-merged item of `items` (the
// register of the meeting's group) it most likely updates, scored with the
// register's own MatchScore against the item's current text and accepted
// with the register's thresholds (a review of open items at the review
// threshold, other rows at the new-row threshold). An estimate: the import
// itself compares with every wording an item has had and replays the
// meetings in date order, so it may decide a mention differently.
std::vector<std::optional<PlannedMatch>> PreviewMatches(const Meeting& meeting,
                                                        const std::vector<RegisteredAction>& items,
                                                        const MatchRules& rules = {});

}  // namespace plenary
