#include "importers/notes_phrases.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <unordered_set>

#include <fmt/format.h>

#include "core/text.h"

namespace plenary {
namespace {

constexpr std::array<std::string_view, 11> kBullets{"\xC2\xB7",      // · middle dot
                                                    "\xE2\x80\xA2",  // • bullet
                                                    "\xE2\x97\xA6",  // ◦ white bullet
                                                    "\xE2\x96\xAA",  // ▪ small square
                                                    "\xE2\x80\xA3",  // ‣ triangular bullet
                                                    "\xE2\x81\x83",  // ⁃ hyphen bullet
                                                    "\xE2\x97\x8F",  // ● black circle
                                                    "\xE2\x80\x93",  // – en dash
                                                    "-",
                                                    "*",
                                                    "o"};

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || IsUpper(c); }

// Content words of a heading or phrase, folded; for matching fixed wordings.
std::vector<std::string> Words(std::string_view s) { return ContentWords(s); }
// The first `at_most` of them, for a rule that looks at a line's start.
std::vector<std::string> Words(std::string_view s, std::size_t at_most) {
  return ContentWords(s, at_most);
}

bool FirstWordIs(std::string_view line, std::initializer_list<std::string_view> words) {
  auto w = SplitWords(line);
  if (w.empty()) return false;
  std::string first = AsciiLower(w[0]);
  while (!first.empty() && (first.back() == ':' || first.back() == '.')) first.pop_back();
  return std::find(words.begin(), words.end(), first) != words.end();
}

bool SubsetOf(const std::vector<std::string>& words,
              const std::unordered_set<std::string_view>& allowed) {
  return std::all_of(words.begin(), words.end(),
                     [&](const std::string& w) { return allowed.count(w) > 0; });
}

bool AnyOf(const std::vector<std::string>& words,
           const std::unordered_set<std::string_view>& wanted) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return wanted.count(w) > 0; });
}

std::string_view TrimSeparatorsRight(std::string_view s) {
  for (;;) {
    s = Trim(s);
    if (s.empty()) return s;
    char c = s.back();
    if (c == ':' || c == ';' || c == ',' || c == '-' || c == '(') {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x93" ||
                                 s.substr(s.size() - 3) == "\xE2\x80\x94")) {
      s.remove_suffix(3);
    } else {
      return s;
    }
  }
}

bool IsWordBoundaryBefore(std::string_view s, std::size_t i) {
  return i == 0 || !IsLetter(s[i - 1]);
}

}  // namespace

std::optional<std::string_view> AfterBullet(std::string_view line) {
  for (std::string_view mark : kBullets) {
    if (line.substr(0, mark.size()) != mark) continue;
    std::string_view rest = line.substr(mark.size());
    // "-" and "o" are bullets only when followed by a space ("-5%", "often").
    bool spaced =
        !rest.empty() && (rest[0] == ' ' || rest[0] == '\t' || rest.substr(0, 2) == "\xC2\xA0");
    if (!spaced && (mark == "-" || mark == "o" || mark == "*")) continue;
    return Trim(rest);
  }
  return std::nullopt;
}

bool IsActionTableHeading(std::string_view line) {
  auto w = Words(line, 2);
  if (w.size() < 2 || w[0] != "action" || w[1] != "item") return false;
  // "Action item: JG to draft ..." is an item, not a heading; "Action items:
  // none" is a heading.
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return true;
  std::string_view rest = Trim(line.substr(colon + 1));
  return rest.empty() || IsNothing(rest);
}

bool IsDecisionsHeading(std::string_view line) {
  if (!FirstWordIs(line, {"decisions", "decision"})) return false;
  auto w = Words(line, 2);
  // "Decisions Made Plenary #15", "Decisions Reached:", "Decisions" - not a
  // sentence that happens to start with the word ("Decision on X deferred").
  return w.size() == 1 || w[1] == "made" || w[1] == "reached" || w[1] == "taken" ||
         w[1] == "agreed" || line.find(':') != std::string_view::npos;
}

bool IsSummaryHeading(std::string_view line) {
  auto w = Words(line, 4);
  if (w.empty() || w.size() > 3) return false;
  if (w[0] == "summary") return w.size() == 1 || w[1] == "note";
  return (w[0] == "note" || w[0] == "meeting" || w[0] == "discussion") && w.back() == "note" &&
         line.find("NOTE:") == std::string_view::npos;
}

bool IsEndOfMeeting(std::string_view line) {
  auto w = Words(line, 2);
  return w.size() >= 2 && w[0] == "end" && (w[1] == "meeting" || w[1] == "call");
}

bool IsReviewOfActionsHeading(std::string_view line) {
  auto w = Words(line);
  auto has = [&](std::string_view word) { return std::find(w.begin(), w.end(), word) != w.end(); };
  return (has("review") || has("reviewed")) && has("action");
}

bool IsNothing(std::string_view text) {
  auto w = Words(text);
  static const std::unordered_set<std::string_view> kNothing{
      "none", "n", "a", "na", "no", "decision", "action", "item", "nil", "recorded", "made"};
  if (w.empty()) return true;
  return (w[0] == "none" || w[0] == "no" || w[0] == "n" || w[0] == "nil" || w[0] == "na") &&
         SubsetOf(w, kNothing);
}

bool IsNumberedLine(std::string_view line) {
  std::size_t digits = 0;
  while (digits < line.size() && digits < 3 && line[digits] >= '0' && line[digits] <= '9') ++digits;
  return digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')') &&
         (digits + 1 == line.size() || line[digits + 1] == ' ' || line[digits + 1] == '\t');
}

bool ContinuesNote(std::string_view note, std::string_view line) {
  if (line.empty() || IsNumberedLine(line)) return false;
  if (line[0] >= 'a' && line[0] <= 'z') return true;
  note = Trim(note);
  if (note.empty()) return false;
  for (std::string_view end : {".", "?", "!", ":", ")", "\"", "\xE2\x80\x9D"})
    if (note.size() >= end.size() && note.substr(note.size() - end.size()) == end) return false;
  return true;
}

DueText ReadDueCell(std::string_view cell) {
  cell = Trim(cell);
  if (StartsWithNoCase(cell, "due")) {
    cell = Trim(cell.substr(3));
    if (!cell.empty() && cell[0] == ':') cell = Trim(cell.substr(1));
  }
  if (StartsWithNoCase(cell, "by ")) cell = Trim(cell.substr(3));
  auto w = Words(cell);
  static const std::unordered_set<std::string_view> kNoDate{
      "tbd",  "tbc",  "n",  "a",  "na",         "none",      "ongoing",
      "asap", "open", "to", "be", "determined", "confirmed", "continuous"};
  if (w.empty() || SubsetOf(w, kNoDate)) return {};
  if (auto date = ParseWrittenDate(cell)) return {DueText::kDate, *date};
  return {DueText::kUnreadable, {}};
}

std::optional<DueSuffix> FindDueSuffix(std::string_view text) {
  std::string lower = AsciiLower(text);
  for (std::string_view keyword : {"due", "by"}) {
    std::size_t at = lower.rfind(keyword);
    while (at != std::string::npos) {
      std::size_t after = at + keyword.size();
      bool word = IsWordBoundaryBefore(lower, at) &&
                  (after < lower.size() && (lower[after] == ' ' || lower[after] == ':'));
      if (word) {
        std::string_view phrase = Trim(text.substr(after));
        if (!phrase.empty() && phrase[0] == ':') phrase = Trim(phrase.substr(1));
        while (!phrase.empty() && (phrase.back() == ')' || phrase.back() == '.'))
          phrase = Trim(phrase.substr(0, phrase.size() - 1));
        DueText due = ReadDueCell(phrase);
        // "by" is only a due date when a date follows ("by 7 July"), never
        // for "... by the team".
        // "due" with a date or "TBD" after it; never "due to ...".
        bool counts = due.kind == DueText::kDate ||
                      (keyword == "due" && due.kind == DueText::kNone && !phrase.empty());
        if (counts && SplitWords(phrase, 5).size() <= 4)
          return DueSuffix{TrimSeparatorsRight(text.substr(0, at)), phrase, due};
      }
      if (at == 0) break;
      at = lower.rfind(keyword, at - 1);
    }
  }
  return std::nullopt;
}

std::optional<ActionStatus> StatusMarker(std::string_view sentence) {
  auto w = Words(sentence);
  if (w.empty()) return std::nullopt;
  static const std::unordered_set<std::string_view> kFrame{
      "mark", "marked", "action", "item", "now", "been", "can", "closed", "considered", "please"};
  static const std::unordered_set<std::string_view> kComplete{"complete", "completed", "done",
                                                              "closed", "finished"};
  static const std::unordered_set<std::string_view> kCancel{
      "cancel", "cancelled", "canceled", "withdrawn", "dropped",  "drop",
      "no",     "longer",    "needed",   "required",  "relevant", "obsolete"};
  auto frame_or = [&](const std::unordered_set<std::string_view>& extra) {
    return std::all_of(w.begin(), w.end(), [&](const std::string& word) {
      return kFrame.count(word) > 0 || extra.count(word) > 0;
    });
  };
  if (frame_or(kCancel) && AnyOf(w, {"cancel", "cancelled", "canceled", "withdrawn", "dropped",
                                     "drop", "longer", "obsolete"}))
    return ActionStatus::kCancelled;
  if (frame_or(kComplete) && AnyOf(w, kComplete)) return ActionStatus::kComplete;
  return std::nullopt;
}

std::optional<std::string> DecisionIn(std::string_view bullet, const Directory& directory) {
  for (std::string_view prefix : {"decision:", "decided:", "agreed:", "resolved:", "resolution:"}) {
    if (StartsWithNoCase(bullet, prefix)) {
      std::string_view rest = Trim(bullet.substr(prefix.size()));
      if (!rest.empty()) return std::string(rest);
    }
  }
  auto words = SplitWords(bullet);
  auto verb_at = [&](std::size_t i) {
    if (i >= words.size()) return false;
    std::string v = AsciiLower(words[i]);
    return v == "agreed" || v == "decided" || v == "resolved";
  };
  if (words.size() > 3 && AsciiLower(words[0]) == "it" && AsciiLower(words[1]) == "was" &&
      verb_at(2))
    return std::string(bullet);
  auto leading = directory.LeadingOwner(bullet);
  if (leading && leading->owner.kind == OwnerKind::kOrganisation && leading->owner.name == "Team") {
    auto rest = SplitWords(bullet.substr(leading->length));
    std::size_t i = 0;
    if (!rest.empty() && (AsciiLower(rest[0]) == "has" || AsciiLower(rest[0]) == "have")) i = 1;
    if (i < rest.size()) {
      std::string v = AsciiLower(rest[i]);
      if (v == "agreed" || v == "decided" || v == "resolved") return std::string(bullet);
    }
  }
  return std::nullopt;
}

std::optional<Directory::Leading> OwnerAtStart(std::string_view text, const Directory& directory) {
  if (auto leading = directory.LeadingOwner(text)) return leading;
  auto words = SplitWords(text, 5);  // at most three names, "to", the verb
  auto capitalised = [](std::string_view w) {
    if (w.size() < 2 || !IsUpper(w[0])) return false;
    return std::all_of(w.begin() + 1, w.end(), [](char c) {
      return IsLetter(c) || c == '-' || c == '\'' || static_cast<unsigned char>(c) >= 0x80;
    });
  };
  std::size_t k = 0;
  while (k < 3 && k < words.size() && capitalised(words[k])) ++k;
  bool initials =
      k >= 1 && words[0].size() <= 4 && std::all_of(words[0].begin(), words[0].end(), IsUpper);
  if (initials) k = 1;
  if ((k < 2 && !initials) || k + 1 >= words.size()) return std::nullopt;
  if (words[k] != "to" || words[k + 1] == "be") return std::nullopt;
  std::size_t end =
      static_cast<std::size_t>(words[k - 1].data() + words[k - 1].size() - text.data());
  return Directory::Leading{directory.ResolveOwner(text.substr(0, end)), end};
}

std::optional<OwnerList> OwnerListAtStart(std::string_view text, const Directory& directory) {
  if (auto single = OwnerAtStart(text, directory))
    return OwnerList{{single->owner}, single->length};
  // The list ends at the first " to " followed by a word other than "be";
  // a list of owners is short, so only the first 160 bytes are looked at.
  constexpr std::size_t kLongestList = 160;
  std::size_t to = std::string_view::npos;
  for (std::size_t at = text.find(" to "); at != std::string_view::npos && at <= kLongestList;
       at = text.find(" to ", at + 1)) {
    std::string_view rest = Trim(text.substr(at + 4));
    std::string_view next = rest.substr(0, rest.find(' '));
    if (!next.empty() && next != "be") {
      to = at;
      break;
    }
  }
  if (to == std::string_view::npos) return std::nullopt;
  std::string_view list = text.substr(0, to);
  std::vector<Owner> owners;
  for (std::string name : SplitNameList(list)) {
    for (std::string_view tail : {" et al.", " et al"})
      if (name.size() > tail.size() && EqualsNoCase(name.substr(name.size() - tail.size()), tail))
        name.resize(name.size() - tail.size());
    if (name.empty()) continue;
    std::string probe = name + " to act";
    auto one = OwnerAtStart(probe, directory);
    bool all = StartsWithNoCase(name, "all ") && SplitWords(name, 4).size() <= 3;
    if (one && one->length == name.size())
      owners.push_back(one->owner);
    else if (all)
      owners.push_back(directory.ResolveOwner(name));
    else
      return std::nullopt;
  }
  if (owners.empty()) return std::nullopt;
  return OwnerList{std::move(owners), to};
}

std::optional<NotedAction> ActionIn(std::string_view sentence, const Directory& directory) {
  std::string_view text = sentence;
  bool labelled = false;
  for (std::string_view prefix : {"action item:", "action:", "ai:", "todo:"}) {
    if (StartsWithNoCase(text, prefix)) {
      text = Trim(text.substr(prefix.size()));
      labelled = true;
      break;
    }
  }
  if (text.empty()) return std::nullopt;
  auto leading = OwnerAtStart(text, directory);
  if (leading) {
    auto rest = SplitWords(text.substr(leading->length));
    if (rest.size() >= 2 && rest[0] == "to") return NotedAction{text, leading->owner};
  }
  if (labelled) return NotedAction{text, std::nullopt};
  return std::nullopt;
}

std::vector<std::string> SplitNameList(std::string_view list) {
  std::string cleaned;
  int depth = 0;
  for (char c : list) {
    if (c == '(')
      ++depth;
    else if (c == ')')
      depth = std::max(0, depth - 1);
    else if (depth == 0)
      cleaned += (c == ';' || c == '&' || c == '/') ? ',' : c;
  }
  std::string joined;
  for (std::string_view w : SplitWords(cleaned))
    joined += EqualsNoCase(w, "and") ? std::string(",") : " " + std::string(w);
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t end = std::min(joined.find(',', start), joined.size());
    std::string name = CollapseSpaces(std::string_view(joined).substr(start, end - start));
    if (!name.empty()) names.push_back(std::move(name));
    start = end + 1;
  }
  return names;
}

std::optional<std::string_view> RaisedByMark(std::string_view text) {
  text = Trim(text);
  if (text.size() < 3 || text.back() != ')') return std::nullopt;
  std::size_t open = text.rfind('(');
  if (open == std::string_view::npos) return std::nullopt;
  std::string_view inside = Trim(text.substr(open + 1, text.size() - open - 2));
  if (inside.size() < 2 || inside.size() > 5) return std::nullopt;
  if (!std::all_of(inside.begin(), inside.end(), IsUpper)) return std::nullopt;
  return inside;
}

std::string DecisionKey(std::string_view text) {
  std::string key;
  for (const std::string& w : ContentWords(text)) {
    key += w;
    key += ' ';
  }
  return key;
}

namespace {

bool WordIs(std::string_view word, std::initializer_list<std::string_view> any) {
  std::string w = AsciiLower(word);
  while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.pop_back();
  return std::find(any.begin(), any.end(), w) != any.end();
}

// "two" -> 2, "3" -> 3: the count of a period, up to twelve.
int SmallCount(std::string_view word) {
  static constexpr std::string_view kNames[] = {"one", "two",   "three",  "four",
                                                "five", "six",  "seven",  "eight",
                                                "nine", "ten",  "eleven", "twelve"};
  std::string w = AsciiLower(word);
  if (w == "a" || w == "an") return 1;
  for (std::size_t k = 0; k < std::size(kNames); ++k)
    if (w == kNames[k]) return static_cast<int>(k) + 1;
  int n = ParseNumber(w).value_or(0);
  return n > 0 && n <= 90 ? n : 0;
}

// Days counted from the meeting, or the end of its period: "tomorrow", "two
// weeks" (after "in" or "within"), "end of (the) week/month/year", "EOW",
// "EOM", "EOY". The whole phrase, nothing after it.
std::optional<DueWords> ReadRelativeDue(const std::vector<std::string_view>& words) {
  DueWords due;
  std::size_t i = 0;
  while (i < words.size() && WordIs(words[i], {"the"})) ++i;
  const std::size_t n = words.size() - i;
  auto is = [&](std::size_t k, std::initializer_list<std::string_view> any) {
    return i + k < words.size() && WordIs(words[i + k], any);
  };
  if (n == 1 && is(0, {"tomorrow"})) {
    due.kind = DueWords::kAfter;
    due.after_days = 1;
    return due;
  }
  if (n == 1 && is(0, {"eow", "eom", "eoy"})) {
    due.kind = DueWords::kPeriodEnd;
    due.period = AsciiLower(words[i])[2];  // 'w', 'm' or 'y'
    return due;
  }
  if ((n == 3 || n == 4) && is(0, {"end"}) && is(1, {"of"})) {
    std::size_t p = n == 4 && is(2, {"the", "this"}) ? 3 : 2;
    if (p + 1 != n) return std::nullopt;
    if (is(p, {"week"})) due.period = 'w';
    else if (is(p, {"month"})) due.period = 'm';
    else if (is(p, {"year"})) due.period = 'y';
    else return std::nullopt;
    due.kind = DueWords::kPeriodEnd;
    return due;
  }
  if (n == 2) {
    int count = SmallCount(words[i]);
    int unit = is(1, {"day", "days"}) ? 1 : is(1, {"week", "weeks"}) ? 7 : 0;
    if (count > 0 && unit > 0) {
      due.kind = DueWords::kAfter;
      due.after_days = count * unit;
      return due;
    }
  }
  return std::nullopt;
}

// "the 15th", "21st": a day of the month, written as an ordinal (a bare "15"
// is no day). 0 when the word is not one.
int OrdinalDay(std::string_view word) {
  while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.remove_suffix(1);
  if (word.empty() || !std::isalpha(static_cast<unsigned char>(word.back()))) return 0;
  return ParseDayNumber(word).value_or(0);
}

// "12/20", "20/12": a day and a month without a year, in either order, told
// apart by the one over 12. "5/1" could be either (or a fraction: "cut by
// 1/2"): none is read.
std::optional<DueWords> ReadNumericDayMonth(const std::vector<std::string_view>& words) {
  if (words.size() != 1) return std::nullopt;
  std::string_view w = words[0];
  while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.remove_suffix(1);
  std::size_t slash = w.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash > 2 || w.size() - slash - 1 == 0 ||
      w.size() - slash - 1 > 2)
    return std::nullopt;
  const int a = ParseNumber(w.substr(0, slash)).value_or(0);
  const int b = ParseNumber(w.substr(slash + 1)).value_or(0);
  // One a month, the other a day over 12.
  if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12) == (b > 12)) return std::nullopt;
  DueWords due;
  due.kind = DueWords::kDate;
  due.date.month = a > 12 ? b : a;
  due.date.day = a > 12 ? a : b;
  return due;
}

// The words after a due keyword, read: `words` is the phrase without the
// keyword ("COB Friday", "the end of September", "the next plenary").
std::optional<DueWords> ReadDueWords(const std::vector<std::string_view>& words,
                                     bool names_day_only) {
  std::size_t i = 0;
  auto skip = [&](std::initializer_list<std::string_view> fillers) {
    while (i < words.size() && WordIs(words[i], fillers)) ++i;
  };
  auto rest_from = [&](std::size_t from) {
    if (from >= words.size()) return std::string_view{};
    return std::string_view(
        words[from].data(),
        static_cast<std::size_t>(words.back().data() + words.back().size() - words[from].data()));
  };
  DueWords due;
  if (auto relative = ReadRelativeDue(words)) return relative;
  if (auto numeric = ReadNumericDayMonth(words)) return numeric;
  if (std::size_t at = words.size() == 2 && WordIs(words[0], {"the"}) ? 1 : 0;
      at + 1 == words.size() && OrdinalDay(words[at]) > 0) {
    due.kind = DueWords::kMonthDay;
    due.date.day = OrdinalDay(words[at]);
    return due;
  }
  // "COB Friday", "close of business on Friday", "end of day Tuesday 4 September".
  skip({"cob", "eod", "eob", "close", "end", "of", "business", "day", "play", "the", "on", "this",
        "next", "coming"});
  if (i < words.size()) {
    std::string_view w = words[i];
    while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.remove_suffix(1);
    if (int weekday = WeekdayFromName(w); weekday >= 0) {
      due.kind = DueWords::kWeekday;
      due.weekday = weekday;
      std::string_view date_text = rest_from(i + 1);
      if (date_text.empty()) return due;
      if (auto date = ParseWrittenDate(date_text)) {
        due.date = *date;
        return due;
      }
      return std::nullopt;
    }
  }
  i = 0;
  skip({"the"});
  if (i + 2 <= words.size() && WordIs(words[i], {"end"}) && WordIs(words[i + 1], {"of"})) {
    i += 2;
    skip({"the"});
    if (i < words.size()) {
      std::string_view month_word = words[i];
      if (int month = MonthFromName(month_word); month > 0) {
        due.kind = DueWords::kMonthEnd;
        due.date.month = month;
        if (i + 1 == words.size()) return due;
        int year = 0;
        std::string_view y = words[i + 1];
        auto [ptr, ec] = std::from_chars(y.data(), y.data() + y.size(), year);
        if (i + 2 == words.size() && ec == std::errc() && ptr == y.data() + y.size() &&
            year >= 1900 && year <= 2200) {
          due.date.year = year;
          return due;
        }
        return std::nullopt;
      }
    }
  }
  if (!names_day_only) {
    if (auto date = ParseWrittenDate(rest_from(0))) {
      due.kind = DueWords::kDate;
      due.date = *date;
      return due;
    }
  }
  // Words that name no day yet: "the next plenary", "next week", "the Brussels meeting".
  bool next = std::any_of(words.begin(), words.end(),
                          [](std::string_view w) { return WordIs(w, {"next"}); });
  bool meeting = std::any_of(words.begin(), words.end(), [](std::string_view w) {
    return WordIs(w, {"meeting", "plenary", "call", "session", "f2f", "face-to-face"});
  });
  if (!names_day_only && (next || meeting) && words.size() <= 6) {
    due.kind = DueWords::kNoDay;
    return due;
  }
  return std::nullopt;
}

}  // namespace

std::optional<DueWords> FindDueWords(std::string_view text) {
  if (auto suffix = FindDueSuffix(text)) {
    DueWords due;
    due.before = suffix->before;
    due.phrase = suffix->phrase;
    if (suffix->due.kind == DueText::kDate) {
      due.kind = DueWords::kDate;
      due.date = suffix->due.date;
      return due;
    }
    if (suffix->due.kind == DueText::kNone) return due;  // "Due TBD"
  }
  std::string_view body = Trim(text);
  while (!body.empty() && (body.back() == '.' || body.back() == ')' || body.back() == ';'))
    body = Trim(body.substr(0, body.size() - 1));
  std::vector<std::string_view> words = SplitWords(body);
  constexpr std::size_t kLongestPhrase = 8;
  std::size_t first = words.size() > kLongestPhrase ? words.size() - kLongestPhrase : 0;
  for (std::size_t k = std::max<std::size_t>(first, 1); k < words.size(); ++k) {
    std::string_view w = words[k];
    if (!w.empty() && w.front() == '(') w.remove_prefix(1);
    std::size_t keyword_words = 0;
    if (WordIs(w, {"by", "before", "until", "due"})) {
      keyword_words = 1;
    } else if (WordIs(w, {"in", "within"}) && k + 3 == words.size() &&
               SmallCount(words[k + 1]) > 0) {
      keyword_words = 1;  // "in two weeks": only as the sentence's last words
    } else if (k + 1 < words.size() &&
               ((WordIs(w, {"ahead", "prior"}) && WordIs(words[k + 1], {"of", "to"})))) {
      keyword_words = 2;
    } else if (k + 2 < words.size() && WordIs(w, {"no"}) && WordIs(words[k + 1], {"later"}) &&
               WordIs(words[k + 2], {"than"})) {
      keyword_words = 3;
    }
    if (keyword_words == 0 || k + keyword_words >= words.size()) continue;
    std::vector<std::string_view> after(words.begin() + static_cast<long>(k + keyword_words),
                                        words.end());
    // "until" and "due" name a day, never "the next plenary".
    bool day_only = WordIs(w, {"until", "due"});
    auto due = ReadDueWords(after, day_only);
    if (!due) continue;
    const char* start = words[k].data();
    if (*start == '(') ++start;
    due->phrase =
        std::string_view(start, static_cast<std::size_t>(body.data() + body.size() - start));
    std::string_view before =
        Trim(text.substr(0, static_cast<std::size_t>(words[k].data() - text.data())));
    while (!before.empty() && (before.back() == ',' || before.back() == ';' ||
                               before.back() == ':' || before.back() == '-'))
      before = Trim(before.substr(0, before.size() - 1));
    due->before = before;
    return due;
  }
  return std::nullopt;
}

std::optional<Date> ResolveDueWords(const DueWords& due, const Date& meeting) {
  using std::chrono::days;
  using std::chrono::sys_days;
  switch (due.kind) {
    case DueWords::kDate:
      return ResolveWrittenDate(due.date, meeting);
    case DueWords::kWeekday: {
      if (due.date.month != 0) return ResolveWrittenDate(due.date, meeting);
      for (int k = 1; k <= 7; ++k) {
        Date d{sys_days{meeting} + days{k}};
        if (std::chrono::weekday{sys_days{d}}.c_encoding() == static_cast<unsigned>(due.weekday))
          return d;
      }
      return std::nullopt;
    }
    case DueWords::kMonthEnd: {
      auto first = ResolveWrittenDate({due.date.year, due.date.month, 1}, meeting);
      if (!first) return std::nullopt;
      return Date{std::chrono::year_month_day_last{first->year(),
                                                   std::chrono::month_day_last{first->month()}}};
    }
    case DueWords::kAfter:
      return Date{sys_days{meeting} + days{due.after_days}};
    case DueWords::kMonthDay: {
      // The first such day after the meeting: this month's or a later one's.
      std::chrono::year_month ym = meeting.year() / meeting.month();
      for (int k = 0; k < 3; ++k, ym += std::chrono::months{1}) {
        Date d{ym / std::chrono::day{static_cast<unsigned>(due.date.day)}};
        if (d.ok() && d > meeting) return d;
      }
      return std::nullopt;
    }
    case DueWords::kPeriodEnd: {
      if (due.period == 'y') return Date{meeting.year() / std::chrono::December / 31};
      if (due.period == 'm')
        return Date{std::chrono::year_month_day_last{
            meeting.year(), std::chrono::month_day_last{meeting.month()}}};
      // The week's end: its Friday, or the next one from a weekend meeting.
      for (int k = 0; k <= 7; ++k) {
        Date d{sys_days{meeting} + days{k}};
        if (std::chrono::weekday{sys_days{d}} == std::chrono::Friday) return d;
      }
      return std::nullopt;
    }
    case DueWords::kNone:
    case DueWords::kNoDay:
      return std::nullopt;
  }
  return std::nullopt;
}

DueReading ReadDue(const DueWords& due, const Date& meeting) {
  DueReading reading;
  if (due.kind == DueWords::kNone) return reading;
  if (due.kind == DueWords::kNoDay) {
    reading.due_phrase = CollapseSpaces(due.phrase);
    reading.notice =
        fmt::format("'{}' names no day; kept as the item's due phrase", reading.due_phrase);
    return reading;
  }
  reading.due = ResolveDueWords(due, meeting);
  if (!reading.due) {
    reading.no_such_day = true;
    reading.notice = fmt::format("'{}' is not a day; no due date", Trim(due.phrase));
    return reading;
  }
  const Date& date = *reading.due;
  const unsigned weekday = std::chrono::weekday{std::chrono::sys_days{date}}.c_encoding();
  if (due.kind == DueWords::kWeekday && due.date.month == 0)
    reading.notice = fmt::format("'{}' taken as {}: the first {} after the meeting", due.phrase,
                                 FormatIsoDate(date),
                                 WeekdayName(static_cast<unsigned>(due.weekday)));
  else if (due.kind == DueWords::kWeekday && weekday != static_cast<unsigned>(due.weekday))
    reading.notice = fmt::format("'{}': {} is a {}; the date is kept", due.phrase,
                                 FormatIsoDate(date), WeekdayName(weekday));
  else if (due.kind == DueWords::kMonthEnd)
    reading.notice = fmt::format("'{}' taken as {}: the last day of the month", due.phrase,
                                 FormatIsoDate(date));
  else if (due.kind == DueWords::kMonthDay)
    reading.notice = fmt::format("'{}' taken as {}: the first such day after the meeting",
                                 due.phrase, FormatIsoDate(date));
  else if (due.kind == DueWords::kDate && due.date.year == 0 &&
           due.phrase.find('/') != std::string_view::npos)
    reading.notice = fmt::format("'{}' taken as {} (day and month told apart by the one over 12)",
                                 due.phrase, FormatIsoDate(date));
  else if (due.kind == DueWords::kAfter)
    reading.notice = fmt::format("'{}' taken as {}: {} day{} after the meeting", due.phrase,
                                 FormatIsoDate(date), due.after_days,
                                 due.after_days == 1 ? "" : "s");
  else if (due.kind == DueWords::kPeriodEnd)
    reading.notice = fmt::format("'{}' taken as {}: the end of the meeting's {}", due.phrase,
                                 FormatIsoDate(date),
                                 due.period == 'w'   ? "week (its Friday)"
                                 : due.period == 'm' ? "month"
                                                     : "year");
  // Due before it was given: a slip of the scribe's, or a date already past.
  if (date < meeting) {
    std::string past = fmt::format("'{}' is {}, before the meeting; kept as written",
                                   CollapseSpaces(due.phrase), FormatIsoDate(date));
    reading.notice = reading.notice.empty() ? past : reading.notice + "; " + past;
  }
  return reading;
}

namespace {

// A name as a sentence's subject writes one: capitalised words (with the
// particles of names), or initials.
bool LooksLikeName(std::string_view part) {
  auto words = SplitWords(part);
  if (words.empty() || words.size() > 4) return false;
  auto capitalised = [](std::string_view w) {
    return !w.empty() && (IsUpper(w[0]) || static_cast<unsigned char>(w[0]) >= 0x80);
  };
  if (!capitalised(words.front())) return false;
  return std::all_of(words.begin(), words.end(), [&](std::string_view w) {
    return capitalised(w) ||
           WordIs(w, {"de", "van", "von", "der", "bin", "da", "del", "la", "le", "al"});
  });
}

}  // namespace

std::optional<LeadingOwners> OwnersAtStart(std::string_view text, const Directory& directory) {
  std::vector<std::string_view> words = SplitWords(text);
  constexpr std::size_t kLongestSubject = 12;
  std::size_t end = 0;  // bytes of the subject
  bool colon = false;
  std::size_t to = 0;
  for (std::size_t k = 1; k < words.size() && k <= kLongestSubject; ++k) {
    if (words[k] == "to" && k + 1 < words.size()) {
      to = k;
      break;
    }
  }
  if (to > 0)
    end = static_cast<std::size_t>(words[to - 1].data() + words[to - 1].size() - text.data());
  // "JG: draft ...", "Staff: write to the list": the names end at the colon.
  if (std::size_t at = text.find(':'); at != std::string_view::npos && (to == 0 || at < end)) {
    if (SplitWords(text.substr(0, at)).size() > 6) return std::nullopt;
    end = at;
    colon = true;
    to = 0;
  }
  if (end == 0) return std::nullopt;
  std::string_view subject = text.substr(0, end);
  LeadingOwners result;
  result.length = end;
  bool all_known = true;
  for (const std::string& part : SplitNameList(subject)) {
    Directory::NameMatch match = directory.MatchOwner(part);
    if (match.rule == Directory::NameRule::kNone) {
      if (colon || !LooksLikeName(part)) return std::nullopt;
      all_known = false;
    }
    bool seen = std::any_of(result.owners.begin(), result.owners.end(),
                            [&](const Directory::NameMatch& m) { return m.owner == match.owner; });
    if (!seen) result.owners.push_back(std::move(match));
  }
  if (result.owners.empty()) return std::nullopt;
  // "The draft to be circulated": a thing, not a person, before "to be".
  if (to > 0 && words[to + 1] == "be" && !all_known) return std::nullopt;
  return result;
}

}  // namespace plenary
