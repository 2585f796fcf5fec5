// A reviewed action item as records that list open items write it: the
// item's words, then on a line of its own the status the review gave it
// ("Ask Any23 PMC if they are ready to switch chairs\nStatus: PMC pinged.").
// Importers write a review
// mention's text this way; the register names the item by the words before
// "Status:" alone (the status changes from month to month) and keeps the
// status as the item's note.
#pragma once

#include <string>
#include <string_view>

namespace plenary {

struct ReviewedText {
  std::string_view item;    // the item's words, trimmed
  std::string_view status;  // the status text, trimmed; empty when none
};

// Splits at the first line that starts with "Status:". A text without one is
// all item.
ReviewedText SplitReviewStatus(std::string_view text);

// `item`, a newline, "Status: " and `status`; `item` alone when `status` is
// empty.
std::string JoinReviewStatus(std::string_view item, std::string_view status);

}  // namespace plenary
