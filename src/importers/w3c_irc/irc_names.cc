#include "importers/w3c_irc/irc_names.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"

namespace plenary {
namespace {

std::string FirstWord(std::string_view folded) {
  return std::string(folded.substr(0, folded.find(' ')));
}

bool IsOneWord(std::string_view name) { return name.find(' ') == std::string_view::npos; }

std::string WithoutTrailingDigits(std::string_view folded) {
  std::size_t end = folded.size();
  while (end > 0 && ((folded[end - 1] >= '0' && folded[end - 1] <= '9') || folded[end - 1] == '_'))
    --end;
  return std::string(folded.substr(0, end));
}

}  // namespace

std::string DisplayName(std::string_view written) {
  std::string name(Trim(written));
  while (!name.empty() && name.back() == '_') name.pop_back();
  std::replace(name.begin(), name.end(), '_', ' ');
  return CollapseSpaces(name);
}

bool IsPhonePlaceholder(std::string_view name) {
  name = Trim(name);
  if (name.empty()) return true;
  if (name[0] == '+' || name.starts_with("??")) return true;
  if (name.front() == '[' && name.back() == ']') return true;
  return name.find_first_not_of("0123456789.-() ") == std::string_view::npos;
}

std::optional<Matched> MatchName(const std::vector<std::string>& names, std::string_view written,
                                 bool nick_prefix) {
  std::string display = DisplayName(written);
  if (display.empty()) return std::nullopt;
  std::string key = FoldName(display);
  std::string bare = WithoutTrailingDigits(key);
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string other = FoldName(names[i]);
    if (other == key || (!bare.empty() && other == bare)) return Matched{i, NameMatch::kSame};
  }
  if (!IsOneWord(key)) return std::nullopt;
  auto unique = [&](auto&& fits) -> std::optional<std::size_t> {
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (!fits(FoldName(names[i]))) continue;
      if (found) return std::nullopt;
      found = i;
    }
    return found;
  };
  if (auto i = unique([&](const std::string& other) {
        return !IsOneWord(other) && FirstWord(other) == key;
      }))
    return Matched{*i, NameMatch::kFirstName};
  if (nick_prefix && bare.size() >= 3) {
    std::string_view stem = std::string_view(bare).substr(0, 3);
    if (auto i = unique([&](const std::string& other) { return other.starts_with(stem); }))
      return Matched{*i, NameMatch::kNickPrefix};
  }
  return std::nullopt;
}

// W3C's IRC bots and the meeting tools' (irc_names.h), known by the nick as
// DisplayName would write it, compared without a copy: a bot's
// name has no space or underscore, so the nick is one only when, spaces and
// underscores taken off both ends, the rest is that name (every line asks,
// several times).
bool IsBot(std::string_view nick) {
  static constexpr std::string_view kBots[] = {
      "rrsagent", "zakim",   "trackbot", "github-bot", "gb",       "agendabot",
      "ghurlbot", "w3cbot",  "meetbot",  "chanserv",   "nickserv", "irccloud",
      "w3c-bot",  "i18nbot", "ghbot",    "webex",      "gitbot"};
  std::string_view name = nick;
  for (std::size_t before = name.size() + 1; name.size() != before;) {
    before = name.size();
    name = Trim(name);
    while (!name.empty() && name.front() == '_') name.remove_prefix(1);
    while (!name.empty() && name.back() == '_') name.remove_suffix(1);
  }
  return std::any_of(std::begin(kBots), std::end(kBots),
                     [&](std::string_view bot) { return EqualsNoCase(name, bot); });
}

std::string NameList::Add(std::string_view written) {
  std::string display = DisplayName(written);
  if (display.empty()) return "";
  std::string key = FoldName(display);
  for (const std::string& name : names_)
    if (FoldName(name) == key) return "";
  if (auto match = MatchName(names_, display, false); match && match->how == NameMatch::kFirstName)
    return fmt::format("'{}' is '{}' (a first name in the list)", display, names_[match->index]);
  // The full name of someone listed by first name replaces it in place.
  if (!IsOneWord(key)) {
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < names_.size(); ++i) {
      if (FoldName(names_[i]) != FirstWord(key)) continue;
      if (found) {
        found.reset();
        break;
      }
      found = i;
    }
    if (found) {
      std::string before = names_[*found];
      names_[*found] = display;
      return fmt::format("'{}' is '{}' (a first name in the list)", before, display);
    }
  }
  names_.push_back(display);
  return "";
}

void NameList::Remove(std::string_view written) {
  if (auto match = MatchName(names_, written, false))
    names_.erase(names_.begin() + static_cast<std::ptrdiff_t>(match->index));
}

bool NameList::Contains(std::string_view written) const {
  return MatchName(names_, written, false).has_value();
}

}  // namespace plenary
