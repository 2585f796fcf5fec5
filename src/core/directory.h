// Who a name in the notes refers to: a person of the group's roster (by name,
// alias, initials, or a first name only one member has), or an organisation
// or role that owns action items ("ICANN Org", "ICANN Board", "Staff", "Team").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "plenary/model.h"

namespace plenary {

class Directory {
 public:
  // `roster` may be null: then only organisations resolve. `group` adds the
  // group's own names for the whole team ("SSR2 RT", "SSR2 Review Team").
  Directory(const Roster* roster, std::string_view group);

  // The person `written` names, ignoring case, diacritics and spacing.
  // Initials match only when written in capitals ("GH", not "gh").
  const Person* FindPerson(std::string_view written) const;

  // The owner `written` (a whole cell or list entry) names: a person, an
  // organisation, or kUnresolved with the text as written.
  Owner ResolveOwner(std::string_view written) const;

  // An owner named by the first words of `sentence` ("ICANN OCTO team
  // tracking...", "JG to draft..."), longest name first. `length` is the
  // number of bytes of `sentence` the name takes.
  struct Leading {
    Owner owner;
    std::size_t length = 0;
  };
  std::optional<Leading> LeadingOwner(std::string_view sentence) const;

  // Whether `query`, as a person types it, names `owner`: its name, or any
  // alias of the person or organisation it is (case and diacritics ignored,
  // initials in any case: `--owner jg`).
  bool Names(const Owner& owner, std::string_view query) const;

  bool has_roster() const { return roster_ != nullptr; }

 private:
  std::optional<Owner> Lookup(std::string_view written) const;

  const Roster* roster_;
  std::unordered_map<std::string, const Person*> people_;       // folded name/alias
  std::unordered_map<std::string, const Person*> initials_;     // exact capitals
  std::unordered_map<std::string, std::string> organisations_;  // folded alias -> canonical
  std::unordered_map<std::string, const Person*> by_name_;      // folded canonical name
};

}  // namespace plenary
