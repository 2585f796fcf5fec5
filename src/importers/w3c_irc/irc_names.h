// Names as W3C IRC logs write them: nicks ("krisk__", "Steven_"), Zakim's
// names with underscores for spaces ("David_MacDonald"), first names typed in
// present+ that later come in full. A list of names that keeps one entry per
// person by these conventions, and the matching of a nick or first name to
// one entry of such a list.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plenary {

// How a name is shown: "David_MacDonald" -> "David MacDonald", "Steven_" ->
// "Steven", spaces collapsed. Empty when nothing is left.
std::string DisplayName(std::string_view written);

// Whether `name` is a telephone bridge's placeholder rather than a person:
// "+1.910.278.aaaa", "??P12", "[IPcaller]", "[Microsoft]".
bool IsPhonePlaceholder(std::string_view name);

// Whether `nick` is a bot's (RRSAgent, Zakim, trackbot, github-bot, ...):
// never present, never a scribe's target.
bool IsBot(std::string_view nick);

// How a name was matched to an entry, for the notice that says so.
enum class NameMatch { kSame, kFirstName, kNickPrefix };

struct Matched {
  std::size_t index = 0;
  NameMatch how = NameMatch::kSame;
};

// The entry of `names` that `written` stands for: the same name folded, or
// with trailing digits or underscores dropped ("krisk2"); when `written` is
// one word, the one entry whose first name it is ("David" -> "David
// MacDonald"); when it is a nick, the one entry whose first name starts with
// the nick's first three letters ("cyns" -> "Cynthia"). None when no rule
// gives exactly one entry.
std::optional<Matched> MatchName(const std::vector<std::string>& names, std::string_view written,
                                 bool nick_prefix);

// An ordered list of people's names, one entry per person.
class NameList {
 public:
  // Adds `written` (shown by DisplayName). A first name and the same name in
  // full are one entry, the full one kept. Returns a description of the merge
  // when one was made ("Bruce" is "Bruce Bailey"), empty otherwise.
  std::string Add(std::string_view written);
  void Remove(std::string_view written);
  void Clear() { names_.clear(); }
  bool Contains(std::string_view written) const;
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
};

}  // namespace plenary
