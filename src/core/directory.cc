#include "core/directory.h"

#include <algorithm>
#include <array>
#include <vector>

#include "core/text.h"

namespace plenary {
namespace {

struct OrganisationNames {
  std::string_view canonical;
  std::array<std::string_view, 6> aliases;
};

// Owners that are not people, as ICANN-style notes name them. "ICANN" alone
// is the organisation (ICANN Org) in ICANN's own usage.
constexpr std::array<OrganisationNames, 7> kOrganisations{{
    {"ICANN Org", {"ICANN Org", "ICANN Organization", "ICANN Organisation", "ICANN", "Org", ""}},
    {"ICANN Board", {"ICANN Board", "Board", "The Board", "ICANN Board of Directors", "", ""}},
    {"ICANN OCTO", {"ICANN OCTO", "OCTO", "ICANN OCTO team", "OCTO team", "", ""}},
    {"Staff", {"Staff", "ICANN Staff", "Support Staff", "Secretariat", "ICANN org staff", ""}},
    {"Team", {"Team", "The Team", "RT", "Review Team", "The Review Team", "All"}},
    {"Team", {"Members", "All members", "Team members", "RT members", "Review Team members", ""}},
    {"Co-Chairs", {"Co-Chairs", "Co-Chair", "Cochairs", "Chairs", "The Co-Chairs", "Leadership"}},
}};

bool IsInitials(std::string_view s) {
  if (s.size() < 2 || s.size() > 5) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Words of `s` with surrounding punctuation that cannot end a name removed.
std::string_view StripNamePunctuation(std::string_view s) {
  s = Trim(s);
  while (!s.empty() && (s.back() == ':' || s.back() == ',' || s.back() == ';' || s.back() == '.'))
    s.remove_suffix(1);
  if (s.size() > 2 && (s.substr(s.size() - 2) == "'s")) s.remove_suffix(2);
  if (s.size() > 4 && (s.substr(s.size() - 4) == "\xE2\x80\x99s")) s.remove_suffix(4);
  return Trim(s);
}

}  // namespace

Directory::Directory(const Roster* roster, std::string_view group) : roster_(roster) {
  for (const auto& org : kOrganisations)
    for (std::string_view alias : org.aliases)
      if (!alias.empty()) organisations_.emplace(FoldName(alias), std::string(org.canonical));
  if (!group.empty()) {
    for (std::string_view suffix :
         {" RT", "-RT", " Review Team", " Team", " members", " RT members"})
      organisations_.emplace(FoldName(std::string(group) + std::string(suffix)), "Team");
    for (std::string_view suffix : {" co-chairs", " leadership", " chairs"})
      organisations_.emplace(FoldName(std::string(group) + std::string(suffix)), "Co-Chairs");
  }
  if (!roster) return;
  std::unordered_map<std::string, int> first_names;
  for (const Person& p : roster->people) {
    auto words = SplitWords(p.name);
    if (words.size() > 1) ++first_names[FoldName(words[0])];
  }
  for (const Person& p : roster->people) {
    by_name_.emplace(FoldName(p.name), &p);
    people_.emplace(FoldName(p.name), &p);
    for (const std::string& alias : p.aliases) {
      if (IsInitials(alias))
        initials_.emplace(alias, &p);
      else
        people_.emplace(FoldName(alias), &p);
    }
  }
  // A first name alone names a person only when one member has it.
  for (const Person& p : roster->people) {
    auto words = SplitWords(p.name);
    if (words.size() > 1 && first_names[FoldName(words[0])] == 1)
      people_.emplace(FoldName(words[0]), &p);
  }
}

const Person* Directory::FindPerson(std::string_view written) const {
  written = StripNamePunctuation(written);
  if (auto it = initials_.find(std::string(written)); it != initials_.end()) return it->second;
  if (auto it = people_.find(FoldName(written)); it != people_.end()) return it->second;
  return nullptr;
}

std::optional<Owner> Directory::Lookup(std::string_view written) const {
  if (const Person* p = FindPerson(written)) return Owner{p->name, OwnerKind::kPerson};
  std::string folded = FoldName(StripNamePunctuation(written));
  if (auto it = organisations_.find(folded); it != organisations_.end())
    return Owner{it->second, OwnerKind::kOrganisation};
  return std::nullopt;
}

Owner Directory::ResolveOwner(std::string_view written) const {
  if (auto owner = Lookup(written)) return *owner;
  return Owner{CollapseSpaces(StripNamePunctuation(written)), OwnerKind::kUnresolved};
}

bool Directory::Names(const Owner& owner, std::string_view query) const {
  const std::string wanted = FoldName(query);
  if (wanted.empty()) return false;
  if (FoldName(owner.name) == wanted) return true;
  if (owner.kind == OwnerKind::kPerson) {
    auto it = by_name_.find(FoldName(owner.name));
    if (it == by_name_.end()) return false;
    const auto& aliases = it->second->aliases;
    return std::any_of(aliases.begin(), aliases.end(),
                       [&](const std::string& alias) { return FoldName(alias) == wanted; });
  }
  if (owner.kind == OwnerKind::kOrganisation) {
    auto it = organisations_.find(wanted);
    return it != organisations_.end() && it->second == owner.name;
  }
  return false;
}

std::optional<Directory::Leading> Directory::LeadingOwner(std::string_view sentence) const {
  std::vector<std::string_view> words = SplitWords(sentence);
  constexpr std::size_t kLongestName = 5;
  for (std::size_t n = std::min(kLongestName, words.size()); n >= 1; --n) {
    std::string_view last = words[n - 1];
    std::size_t end = static_cast<std::size_t>(last.data() + last.size() - sentence.data());
    std::string_view candidate = sentence.substr(0, end);
    // A name followed by ':' or ',' ends there; inside the candidate it cannot.
    std::string_view inner = candidate.substr(0, candidate.size() - last.size());
    if (inner.find_first_of(":,;") != std::string_view::npos) continue;
    if (auto owner = Lookup(candidate)) return Leading{*owner, end};
  }
  return std::nullopt;
}

}  // namespace plenary
