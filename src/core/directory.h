// Who a name in the notes refers to: a person of the group's roster (by name,
// alias, initials, or a first name only one member has), or an organisation
// or role that owns action items ("ICANN Org", "ICANN Board", "Staff", "Team").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

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

  // Names for every pair at once: for each of `queries`, the indexes of the
  // `owners` it names, ascending (Names(owners[j], queries[i])), with each
  // name and alias folded once rather than once a pair.
  std::vector<std::vector<std::size_t>> NamedBy(const std::vector<Owner>& owners,
                                                const std::vector<std::string>& queries) const;

  bool has_roster() const { return roster_ != nullptr; }

  // Names as people write them, for every reader. Each rule is tried in the
  // order below; the first that fits exactly one roster person decides, and
  // one that fits several stops the search (kAmbiguous): two people are never
  // taken for one. A dropped title ("Dr", "Mr", "Ms", "Prof") is reported
  // beside the rule that matched the rest.
  enum class NameRule {
    kNone,       // nobody fits: kept as written
    kAmbiguous,  // several fit: kept as written, `candidates` say who
    // The roster's and the directory's own spellings; not guesses.
    kName,          // the name, ignoring case, diacritics and spacing
    kAlias,         // an alias of the roster ("Amin Hasbini", "JG" in capitals)
    kOrganisation,  // an organisation or the team ("Staff", "Review team members")
    // Guesses: a reader reports each as a notice (NameNotice).
    kInitials,           // initials written apart or not listed ("J. G.", "J G", "JG")
    kFirstName,          // first name(s) alone ("Zarko", "Kerry-Ann")
    kSurname,            // surname alone ("Hasbini", "Dr Hasbini")
    kInitialAndSurname,  // "J Gannon", "J. Gannon", "James G."
    kReordered,          // the same names in another order ("Gannon James", "Gannon, James")
    kOneLetterApart,     // one letter added, dropped, changed or swapped ("Geof Huston")
    kRole,               // a role, not a person ("Subteam rapporteurs"): kept as written
  };
  struct NameMatch {
    // A person (kPerson, canonical name), an organisation or role
    // (kOrganisation), or the text as written (kUnresolved).
    Owner owner;
    NameRule rule = NameRule::kNone;
    std::string written;                  // the name as written, trimmed
    std::string title;                    // a title dropped before matching ("Dr")
    std::vector<std::string> candidates;  // kAmbiguous: the people who fit
    // Whether a person should check it: a guess, or a name kept as written.
    bool guessed() const {
      return !title.empty() || (rule != NameRule::kName && rule != NameRule::kAlias &&
                                rule != NameRule::kOrganisation);
    }
  };

  // The roster person `written` names (attendance lists): only people.
  NameMatch MatchPerson(std::string_view written) const;
  // The owner `written` names (action items): a person by the roster's own
  // spellings, else an organisation, else a person by the guessing rules,
  // else a role of the group ("Subteam rapporteurs", "DNS subteam leads").
  NameMatch MatchOwner(std::string_view written) const;
  // What a reader says about `match`, without the "notice: " prefix:
  //   "'Geof Huston' taken as Geoff Huston: one letter apart"
  //   "'James' could be James Gannon or James Bond; kept as written"
  //   "'Steve Ames' matches nobody on the SSR2 roster; kept as written"
  // Empty when there is nothing to check (not a guess, or no roster to match).
  std::string NameNotice(const NameMatch& match) const;

 private:
  // One way a person's name is spelled: the canonical name or an alias of
  // several words, folded and split into words.
  struct Spelling {
    const Person* person = nullptr;
    std::vector<std::string> words;
  };
  std::optional<Owner> Lookup(std::string_view written) const;
  // FindPerson of a name already stripped of punctuation and folded.
  const Person* FindPersonFolded(std::string_view stripped, const std::string& folded) const;
  NameMatch MatchSpelled(std::string_view written, bool guess, bool title = true) const;
  NameMatch Guess(std::string_view written) const;
  NameMatch MatchOwnerSpelled(std::string_view written) const;

  const Roster* roster_;
  std::unordered_map<std::string, const Person*> people_;       // folded name/alias
  std::unordered_map<std::string, const Person*> initials_;     // exact capitals
  std::size_t longest_initials_ = 0;                            // in bytes
  // The organisations every directory knows (kOrganisations) first, then
  // the group's own names (organisations_): canonical name by folded alias.
  const std::string* FindOrganisation(const std::string& folded) const;
  std::unordered_map<std::string, std::string> organisations_;  // the group's: folded -> canonical
  std::unordered_map<std::string, const Person*> by_name_;      // folded canonical name
  std::string group_;
  std::vector<Spelling> spellings_;  // names and aliases of several words, in roster order
  // Every folded name and alias (initials as written), in roster order.
  std::vector<std::pair<std::string, const Person*>> folded_names_, folded_aliases_;
};

}  // namespace plenary
