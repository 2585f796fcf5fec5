#include "importers/roster_file.h"

#include <fmt/format.h>
#include <unordered_map>

#include "core/date.h"
#include "core/text.h"

namespace plenary {
namespace {

int ColumnOf(std::string_view line, std::string_view part) {
  return ColumnOfByte(line, static_cast<std::size_t>(part.data() - line.data()));
}

class RosterReader {
 public:
  explicit RosterReader(const SourceText& source) : source_(source) {}

  Result<Roster> Read() {
    for (int n = 1; n <= static_cast<int>(source_.line_count()); ++n) {
      std::string_view line = source_.line(n);
      std::string_view text = Trim(line);
      if (text.empty() || text[0] == '#') continue;
      Status status = text.find('|') != std::string_view::npos ? ReadPerson(n, line)
                                                               : ReadSetting(n, line, text);
      if (!status.ok()) return status.error();
    }
    if (roster_.group.short_name.empty())
      return source_.ErrorAt(1, 1, "roster has no 'group: NAME' line");
    return roster_;
  }

 private:
  Status ReadSetting(int n, std::string_view line, std::string_view text) {
    std::size_t colon = text.find(':');
    if (colon == std::string_view::npos) {
      return source_.ErrorAt(n, 0,
                             "expected 'NAME | ROLE | ALIASES' or a setting "
                             "'group:', 'name:' or 'active:'");
    }
    std::string key = AsciiLower(Trim(text.substr(0, colon)));
    std::string_view value = Trim(text.substr(colon + 1));
    if (key == "group") {
      if (value.empty() || SplitWords(value).size() != 1)
        return source_.ErrorAt(n, ColumnOf(line, value), "expected a one-word group short name");
      roster_.group.short_name = std::string(value);
    } else if (key == "name") {
      roster_.group.full_name = std::string(value);
    } else if (key == "active") {
      return ReadActive(n, line, value);
    } else {
      return source_.ErrorAt(n, 0, fmt::format("unknown setting '{}': expected group, name or "
                                               "active", key));
    }
    return Status::Ok();
  }

  Status ReadActive(int n, std::string_view line, std::string_view value) {
    // "2017-03-01 to 2021-01-31", or an open end: "2017-03-01 to".
    auto words = SplitWords(value);
    auto date_at = [&](std::size_t i) { return i < words.size() ? ParseIsoDate(words[i]) : std::nullopt; };
    if (words.empty() || !date_at(0) || (words.size() > 1 && words[1] != "to") ||
        (words.size() > 2 && !date_at(2)) || words.size() > 3) {
      return source_.ErrorAt(n, ColumnOf(line, value),
                             "expected 'active: YYYY-MM-DD to YYYY-MM-DD'");
    }
    roster_.group.active_from = date_at(0);
    if (words.size() == 3) roster_.group.active_to = date_at(2);
    if (roster_.group.active_to && *roster_.group.active_to < *roster_.group.active_from)
      return source_.ErrorAt(n, ColumnOf(line, words[2]), "the active period ends before it starts");
    return Status::Ok();
  }

  Status ReadPerson(int n, std::string_view line) {
    auto parts = SplitTrimmed(Trim(line), '|');
    if (parts.size() < 2 || parts.size() > 3) {
      return source_.ErrorAt(n, 0, fmt::format("expected 'NAME | ROLE | ALIASES' (3 fields), "
                                               "found {}", parts.size()));
    }
    if (parts[0].empty()) return source_.ErrorAt(n, 0, "expected a name before '|'");
    auto role = ParseRole(AsciiLower(parts[1]));
    if (!role) {
      return source_.ErrorAt(n, ColumnOf(line, parts[1]),
                             "expected a role: member, staff, liaison or observer");
    }
    Person person{CollapseSpaces(parts[0]), *role, {}};
    if (Status s = Claim(n, line, parts[0], person.name); !s.ok()) return s;
    if (parts.size() == 3 && !parts[2].empty()) {
      for (std::string_view alias : SplitTrimmed(parts[2], ',')) {
        if (alias.empty()) return source_.ErrorAt(n, ColumnOf(line, parts[2]), "empty alias");
        if (Status s = Claim(n, line, alias, person.name); !s.ok()) return s;
        person.aliases.push_back(CollapseSpaces(alias));
      }
    }
    roster_.people.push_back(std::move(person));
    return Status::Ok();
  }

  // Each name or alias may stand for one person only.
  Status Claim(int n, std::string_view line, std::string_view written, const std::string& owner) {
    auto [it, inserted] = claimed_.emplace(FoldName(written), owner);
    if (!inserted && !(it->second == owner)) {
      return source_.ErrorAt(n, ColumnOf(line, written),
                             fmt::format("'{}' already names {}", written, it->second));
    }
    if (!inserted && written == owner)
      return source_.ErrorAt(n, ColumnOf(line, written), fmt::format("{} is listed twice", owner));
    return Status::Ok();
  }

  const SourceText& source_;
  Roster roster_;
  std::unordered_map<std::string, std::string> claimed_;
};

}  // namespace

Result<Roster> ReadRoster(const SourceText& source) { return RosterReader(source).Read(); }

}  // namespace plenary
