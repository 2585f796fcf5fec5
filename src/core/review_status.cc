#include "core/review_status.h"

#include "core/text.h"

namespace plenary {

ReviewedText SplitReviewStatus(std::string_view text) {
  constexpr std::string_view kMarker = "Status:";
  std::size_t at = text.substr(0, kMarker.size()) == kMarker ? 0 : text.find("\nStatus:");
  if (at == std::string_view::npos) return {Trim(text), {}};
  if (at > 0 || text[0] == '\n') ++at;
  return {Trim(text.substr(0, at)), Trim(text.substr(at + kMarker.size()))};
}

std::string JoinReviewStatus(std::string_view item, std::string_view status) {
  std::string text(Trim(item));
  status = Trim(status);
  if (status.empty()) return text;
  text += "\nStatus: ";
  text += status;
  return text;
}

}  // namespace plenary
