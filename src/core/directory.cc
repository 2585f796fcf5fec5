#include "core/directory.h"

#include <fmt/format.h>

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

using Words = std::vector<std::string>;

Words WordsOfFolded(std::string_view folded) {
  Words words;
  for (std::string_view w : SplitWords(folded)) words.emplace_back(w);
  return words;
}

Words FoldedWords(std::string_view s) {
  return WordsOfFolded(FoldName(s));  // the folded text lives until the words are copied
}

std::string JoinWords(const Words& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) out += (out.empty() ? "" : " ") + words[i];
  return out;
}

// "Dr", "Mr.", "Prof": a title before a name, folded.
bool IsTitle(std::string_view word) {
  std::string w = FoldName(word);
  if (!w.empty() && w.back() == '.') w.pop_back();
  for (std::string_view t : {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir",
                             "dame", "dra", "ing", "eng"})
    if (w == t) return true;
  return false;
}

// "J. G.", "J G", "J.G.", "JG": initials in capitals, with or without dots
// and spaces; empty when `s` is not written so.
std::string WrittenInitials(std::string_view s) {
  std::string letters;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z')
      letters += c;
    else if (c != '.' && c != ' ' && c != '\t')
      return "";
  }
  return letters.size() >= 2 && letters.size() <= 5 ? letters : "";
}

// The initials a name gives: "KB" and "KAB" for "Kerry-Ann Barrett".
std::vector<std::string> InitialsOf(const Words& words) {
  std::string by_word, by_part;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    by_word += w[0];
    std::size_t start = 0;
    while (start < w.size()) {
      std::size_t end = std::min(w.find('-', start), w.size());
      if (end > start) by_part += w[start];
      start = end + 1;
    }
  }
  for (std::string* s : {&by_word, &by_part})
    for (char& c : *s)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (by_part == by_word) return {by_word};
  return {by_word, by_part};
}

// Whether `a` becomes `b` by adding, dropping or changing one byte, or by
// swapping two neighbours.
bool OneLetterApart(std::string_view a, std::string_view b) {
  if (a == b) return false;
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // changed
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);  // swapped
  }
  return a.substr(i) == b.substr(i + 1);  // added
}

// A role of the group named by its plural or by a qualified singular
// ("Subteam rapporteurs", "the DNS subteam lead"), never a person.
bool NamesRole(const Words& words) {
  if (words.empty() || words.size() > 5) return false;
  static constexpr std::array<std::string_view, 16> kRoles{
      "rapporteur", "lead",       "leader",         "chair",  "co-chair", "member",
      "penholder",  "pen-holder", "volunteer",      "editor", "drafter",  "coordinator",
      "liaison",    "shepherd",   "representative", "holder"};
  std::string last = words.back();
  bool plural = last.size() > 1 && last.back() == 's';
  if (plural) last.pop_back();
  if (std::find(kRoles.begin(), kRoles.end(), last) == kRoles.end()) return false;
  return plural || words.size() >= 2;
}

std::string NameList(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  return out;
}

// kOrganisations by folded alias, folded once for every Directory.
const std::unordered_map<std::string, std::string>& KnownOrganisations() {
  static const auto* const known = [] {
    auto* map = new std::unordered_map<std::string, std::string>;
    for (const auto& org : kOrganisations)
      for (std::string_view alias : org.aliases)
        if (!alias.empty()) map->emplace(FoldName(alias), std::string(org.canonical));
    return map;
  }();
  return *known;
}

}  // namespace

const std::string* Directory::FindOrganisation(const std::string& folded) const {
  const auto& known = KnownOrganisations();
  if (auto it = known.find(folded); it != known.end()) return &it->second;
  if (auto it = organisations_.find(folded); it != organisations_.end()) return &it->second;
  return nullptr;
}

Directory::Directory(const Roster* roster, std::string_view group)
    : roster_(roster), group_(group) {
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
  // Each name and alias folded once (a directory is built for every read).
  for (const Person& p : roster->people) {
    const std::string name = FoldName(p.name);
    folded_names_.emplace_back(name, &p);
    if (Words words = WordsOfFolded(name); !words.empty()) spellings_.push_back({&p, words});
    by_name_.emplace(name, &p);
    people_.emplace(name, &p);
    for (const std::string& alias : p.aliases) {
      if (IsInitials(alias)) {
        folded_aliases_.emplace_back(alias, &p);
        initials_.emplace(alias, &p);
        longest_initials_ = std::max(longest_initials_, alias.size());
        continue;
      }
      const std::string folded = FoldName(alias);
      folded_aliases_.emplace_back(folded, &p);
      people_.emplace(folded, &p);
      if (SplitWords(alias, 2).size() < 2) continue;
      if (Words words = WordsOfFolded(folded); !words.empty()) spellings_.push_back({&p, words});
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
  return FindPersonFolded(written, FoldName(written));
}

const Person* Directory::FindPersonFolded(std::string_view stripped,
                                          const std::string& folded) const {
  if (stripped.size() <= longest_initials_)
    if (auto it = initials_.find(std::string(stripped)); it != initials_.end()) return it->second;
  if (auto it = people_.find(folded); it != people_.end()) return it->second;
  return nullptr;
}

// One folding of `written` for both lookups (LeadingOwner tries five
// candidates on every sentence that may name an owner).
std::optional<Owner> Directory::Lookup(std::string_view written) const {
  const std::string_view stripped = StripNamePunctuation(written);
  const std::string folded = FoldName(stripped);
  if (const Person* p = FindPersonFolded(stripped, folded))
    return Owner{p->name, OwnerKind::kPerson};
  if (const std::string* org = FindOrganisation(folded))
    return Owner{*org, OwnerKind::kOrganisation};
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
    const std::string* org = FindOrganisation(wanted);
    return org != nullptr && *org == owner.name;
  }
  return false;
}

std::vector<std::vector<std::size_t>> Directory::NamedBy(
    const std::vector<Owner>& owners, const std::vector<std::string>& queries) const {
  // The queries by folded text, and by the organisation each names: Names'
  // three ways for an owner to be named, looked up from the owner's side.
  std::unordered_map<std::string, std::vector<std::size_t>> by_text;
  std::unordered_map<std::string, std::vector<std::size_t>> by_organisation;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    std::string wanted = FoldName(queries[i]);
    if (wanted.empty()) continue;
    if (const std::string* org = FindOrganisation(wanted)) by_organisation[*org].push_back(i);
    by_text[std::move(wanted)].push_back(i);
  }
  std::vector<std::vector<std::size_t>> named(queries.size());
  auto add = [&](const std::vector<std::size_t>& which, std::size_t j) {
    for (std::size_t i : which)
      if (named[i].empty() || named[i].back() != j) named[i].push_back(j);
  };
  for (std::size_t j = 0; j < owners.size(); ++j) {
    const Owner& owner = owners[j];
    const std::string folded = FoldName(owner.name);
    if (auto found = by_text.find(folded); found != by_text.end()) add(found->second, j);
    if (owner.kind == OwnerKind::kPerson) {
      auto it = by_name_.find(folded);
      if (it == by_name_.end()) continue;
      for (const std::string& alias : it->second->aliases)
        if (auto found = by_text.find(FoldName(alias)); found != by_text.end())
          add(found->second, j);
    } else if (owner.kind == OwnerKind::kOrganisation) {
      if (auto found = by_organisation.find(owner.name); found != by_organisation.end())
        add(found->second, j);
    }
  }
  return named;
}

std::optional<Directory::Leading> Directory::LeadingOwner(std::string_view sentence) const {
  constexpr std::size_t kLongestName = 5;
  std::vector<std::string_view> words = SplitWords(sentence, kLongestName);
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

namespace {

using NameRule = Directory::NameRule;
using NameMatch = Directory::NameMatch;

// The people of `found` (in roster order, each once) as a match by `rule`:
// one fits, several fit (kAmbiguous), or none (kNone: the next rule's turn).
NameMatch Decide(std::vector<const Person*> found, NameRule rule, std::string_view written) {
  std::vector<const Person*> people;
  for (const Person* p : found)
    if (std::find(people.begin(), people.end(), p) == people.end()) people.push_back(p);
  NameMatch match;
  match.written = std::string(written);
  match.owner = {CollapseSpaces(written), OwnerKind::kUnresolved};
  if (people.size() == 1) {
    match.owner = {people.front()->name, OwnerKind::kPerson};
    match.rule = rule;
  } else if (people.size() > 1) {
    match.rule = NameRule::kAmbiguous;
    for (const Person* p : people) match.candidates.push_back(p->name);
  }
  return match;
}

}  // namespace

Directory::NameMatch Directory::MatchSpelled(std::string_view written, bool guess,
                                             bool title) const {
  std::string_view s = StripNamePunctuation(written);
  NameMatch none = Decide({}, NameRule::kNone, s);
  if (!roster_ || s.empty()) return none;
  // The roster's own spellings: name, aliases, initials in capitals.
  const std::string folded = FoldName(s);
  std::vector<const Person*> by_name, by_alias;
  for (const auto& [name, person] : folded_names_)
    if (name == folded) by_name.push_back(person);
  for (const auto& [alias, person] : folded_aliases_)
    if (IsInitials(alias) ? alias == s : alias == folded) by_alias.push_back(person);
  if (NameMatch m = Decide(by_name, NameRule::kName, s); m.rule != NameRule::kNone) return m;
  if (NameMatch m = Decide(by_alias, NameRule::kAlias, s); m.rule != NameRule::kNone) return m;
  std::vector<std::string_view> words = SplitWords(s);
  if (title && words.size() > 1 && IsTitle(words.front())) {
    std::string_view rest = Trim(s.substr(static_cast<std::size_t>(words[1].data() - s.data())));
    NameMatch m = MatchSpelled(rest, false, false);
    if (m.rule == NameRule::kNone && guess) m = Guess(rest);
    if (m.rule != NameRule::kNone) {
      m.title = std::string(words.front());
      m.written = std::string(s);
      if (m.rule == NameRule::kAmbiguous) m.owner.name = CollapseSpaces(s);
      return m;
    }
    return none;
  }
  return guess ? Guess(s) : none;
}

Directory::NameMatch Directory::Guess(std::string_view s) const {
  // Initials written apart ("J. G.") or not listed as an alias ("JG").
  if (std::string initials = WrittenInitials(s); !initials.empty()) {
    std::vector<const Person*> found;
    for (const auto& [alias, person] : folded_aliases_)
      if (alias == initials) found.push_back(person);
    for (const Spelling& sp : spellings_)
      for (const std::string& derived : InitialsOf(sp.words))
        if (derived == initials) found.push_back(sp.person);
    return Decide(found, NameRule::kInitials, s);
  }
  std::string no_commas(s);
  std::replace(no_commas.begin(), no_commas.end(), ',', ' ');
  const Words w = FoldedWords(no_commas);
  const std::vector<std::string_view> raw = SplitWords(no_commas);
  if (w.empty() || w.size() != raw.size()) return Decide({}, NameRule::kNone, s);
  const std::size_t n = w.size();
  auto same = [](auto a_begin, auto a_end, auto b_begin) {
    return std::equal(a_begin, a_end, b_begin);
  };
  // First name(s) or surname alone: the first or last words of a longer name.
  std::vector<const Person*> first, last;
  for (const Spelling& sp : spellings_) {
    if (sp.words.size() <= n) continue;
    if (same(w.begin(), w.end(), sp.words.begin())) first.push_back(sp.person);
    if (same(w.begin(), w.end(), sp.words.end() - static_cast<long>(n))) last.push_back(sp.person);
  }
  if (!first.empty() || !last.empty()) {
    std::vector<const Person*> both = first;
    both.insert(both.end(), last.begin(), last.end());
    NameMatch m = Decide(both, first.empty() ? NameRule::kSurname : NameRule::kFirstName, s);
    if (m.rule != NameRule::kAmbiguous && !first.empty() && !last.empty() &&
        m.owner.kind == OwnerKind::kPerson)
      m.rule = NameRule::kFirstName;
    return m;
  }
  // An initial and the rest: "J Gannon", "J. Gannon", "James G.".
  auto initial = [](std::string_view word) -> char {
    if (word.size() == 2 && word[1] == '.') word.remove_suffix(1);
    return word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z'
               ? static_cast<char>(word[0] - 'A' + 'a')
               : '\0';
  };
  if (n >= 2 && (initial(raw.front()) || initial(raw.back()))) {
    std::vector<const Person*> found;
    for (const Spelling& sp : spellings_) {
      if (sp.words.size() < n) continue;
      const Words& sw = sp.words;
      if (char c = initial(raw.front());
          c && sw.front()[0] == c &&
          same(w.begin() + 1, w.end(), sw.end() - static_cast<long>(n - 1)))
        found.push_back(sp.person);
      if (char c = initial(raw.back());
          c && sw.back()[0] == c && same(w.begin(), w.end() - 1, sw.begin()))
        found.push_back(sp.person);
    }
    return Decide(found, NameRule::kInitialAndSurname, s);
  }
  // The same names in another order: "Gannon James", "Gannon, James".
  if (n >= 2) {
    Words sorted = w;
    std::sort(sorted.begin(), sorted.end());
    std::vector<const Person*> found;
    for (const Spelling& sp : spellings_) {
      Words other = sp.words;
      std::sort(other.begin(), other.end());
      if (other == sorted) found.push_back(sp.person);
    }
    if (NameMatch m = Decide(found, NameRule::kReordered, s); m.rule != NameRule::kNone) return m;
  }
  // One letter apart: the whole name, or a single long first name or surname.
  const std::string joined = JoinWords(w, 0, n);
  std::vector<const Person*> found;
  for (const Spelling& sp : spellings_) {
    if (n >= 2 && sp.words.size() >= 2 &&
        OneLetterApart(joined, JoinWords(sp.words, 0, sp.words.size())))
      found.push_back(sp.person);
    if (n == 1 && joined.size() >= 6) {
      for (const std::string& part : {sp.words.front(), sp.words.back()})
        if (part[0] == joined[0] && OneLetterApart(joined, part)) found.push_back(sp.person);
    }
  }
  return Decide(found, NameRule::kOneLetterApart, s);
}

Directory::NameMatch Directory::MatchPerson(std::string_view written) const {
  NameMatch m = MatchSpelled(written, true);
  m.written = CollapseSpaces(written);
  return m;
}

Directory::NameMatch Directory::MatchOwner(std::string_view written) const {
  NameMatch m = MatchOwnerSpelled(written);
  m.written = CollapseSpaces(written);
  return m;
}

Directory::NameMatch Directory::MatchOwnerSpelled(std::string_view written) const {
  NameMatch m = MatchSpelled(written, false);
  if (m.rule != NameRule::kNone) return m;
  std::string_view s = StripNamePunctuation(written);
  if (const std::string* org = FindOrganisation(FoldName(s))) {
    m.owner = {*org, OwnerKind::kOrganisation};
    m.rule = NameRule::kOrganisation;
    return m;
  }
  if (roster_) {
    NameMatch guessed = MatchSpelled(written, true);
    if (guessed.rule != NameRule::kNone) return guessed;
  }
  if (NamesRole(FoldedWords(s))) {
    m.owner = {CollapseSpaces(s), OwnerKind::kOrganisation};
    m.rule = NameRule::kRole;
  }
  return m;
}

std::string Directory::NameNotice(const NameMatch& match) const {
  const std::string& written = match.written;
  const std::string& name = match.owner.name;
  std::string why;
  switch (match.rule) {
    case NameRule::kName:
    case NameRule::kAlias:
    case NameRule::kOrganisation:
      if (match.title.empty()) return "";
      return fmt::format("'{}' taken as {}: title '{}' dropped", written, name, match.title);
    case NameRule::kNone:
      if (!roster_) return "";
      return fmt::format("'{}' matches nobody on the {} roster; kept as written", written,
                         group_.empty() ? roster_->group.short_name : group_);
    case NameRule::kAmbiguous:
      return fmt::format("'{}' could be {}; kept as written", written, NameList(match.candidates));
    case NameRule::kRole:
      return fmt::format("'{}' taken as a role of the group, not a person; kept as written",
                         written);
    case NameRule::kInitials:
      why = "initials";
      break;
    case NameRule::kFirstName:
      why = "the only person on the roster with that first name";
      break;
    case NameRule::kSurname:
      why = "the only person on the roster with that surname";
      break;
    case NameRule::kInitialAndSurname:
      why = "an initial and the rest of the name";
      break;
    case NameRule::kReordered:
      why = "the same names in another order";
      break;
    case NameRule::kOneLetterApart:
      why = "one letter apart";
      break;
  }
  if (!match.title.empty()) why = fmt::format("title '{}' dropped, {}", match.title, why);
  return fmt::format("'{}' taken as {}: {}", written, name, why);
}

}  // namespace plenary
