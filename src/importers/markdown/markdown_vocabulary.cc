#include "importers/markdown/markdown_vocabulary.h"

#include <algorithm>
#include <array>
#include <initializer_list>

#include "core/text.h"

namespace plenary::markdown {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

// Whether `label` is `word` or starts with it followed by a space or '/'.
bool StartsWithWord(std::string_view label, std::string_view word) {
  if (label.size() < word.size() || label.substr(0, word.size()) != word) return false;
  return label.size() == word.size() || label[word.size()] == ' ' || label[word.size()] == '/' ||
         label[word.size()] == ',';
}

bool StartsWithAny(std::string_view label, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return StartsWithWord(label, w); });
}

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// Strips trailing punctuation a word carries in a sentence.
std::string_view Bare(std::string_view word) {
  while (!word.empty() && std::string_view(",.;:()[]").find(word.back()) != std::string_view::npos)
    word.remove_suffix(1);
  while (!word.empty() && std::string_view("([").find(word.front()) != std::string_view::npos)
    word.remove_prefix(1);
  return word;
}

struct Zone {
  std::string_view name;
  int minutes;  // offset from UTC
};
// Abbreviations that name one zone only (not IST: India, Ireland, Israel).
constexpr std::array<Zone, 21> kZones{{
    {"UTC", 0},    {"GMT", 0},    {"Z", 0},      {"WET", 0},    {"BST", 60},   {"CET", 60},
    {"CEST", 120}, {"EET", 120},  {"EEST", 180}, {"JST", 540},  {"KST", 540},  {"AEST", 600},
    {"AEDT", 660}, {"EST", -300}, {"EDT", -240}, {"CST", -360}, {"CDT", -300}, {"MST", -420},
    {"MDT", -360}, {"PST", -480}, {"PDT", -420},
}};

// "UTC-7", "UTC+05:30", "GMT+2": an explicit offset in minutes.
std::optional<int> ExplicitOffset(std::string_view word) {
  for (std::string_view base : {"UTC", "GMT"}) {
    if (word.size() <= base.size() || word.substr(0, base.size()) != base) continue;
    std::string_view rest = word.substr(base.size());
    int sign = rest[0] == '+'                                            ? 1
               : (rest[0] == '-' || rest.substr(0, 3) == "\xE2\x88\x92") ? -1
                                                                         : 0;
    if (sign == 0) return std::nullopt;
    rest.remove_prefix(rest[0] == '+' || rest[0] == '-' ? 1 : 3);
    int hours = 0, minutes = 0, digits = 0;
    std::size_t i = 0;
    for (; i < rest.size() && IsDigit(rest[i]) && digits < 2; ++i, ++digits)
      hours = hours * 10 + (rest[i] - '0');
    if (digits == 0 || hours > 14) return std::nullopt;
    if (i < rest.size() && rest[i] == ':') ++i;
    int mdigits = 0;
    for (; i < rest.size() && IsDigit(rest[i]) && mdigits < 2; ++i, ++mdigits)
      minutes = minutes * 10 + (rest[i] - '0');
    if (i != rest.size() || (mdigits != 0 && mdigits != 2) || minutes > 59) return std::nullopt;
    return sign * (hours * 60 + minutes);
  }
  return std::nullopt;
}

std::optional<int> ZoneOffset(std::string_view word) {
  word = Bare(word);
  for (const Zone& z : kZones)
    if (word == z.name) return z.minutes;
  return ExplicitOffset(word);
}

// "0730", "07:30", "7:30", "9:30am", "2pm": minutes after midnight, local.
std::optional<int> ClockTime(std::string_view word, std::string_view next) {
  word = Bare(word);
  std::string lower = AsciiLower(word);
  std::string_view w = lower;
  int add = 0;
  bool meridiem = false;
  std::string next_lower = AsciiLower(Bare(next));
  for (std::string_view suffix : {"am", "a.m", "pm", "p.m"}) {
    bool here = w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix;
    bool after = !here && next_lower == suffix;
    if (here || after) {
      meridiem = true;
      if (suffix[0] == 'p') add = 12 * 60;
      if (here) w.remove_suffix(suffix.size());
      break;
    }
  }
  int hours = 0, minutes = 0;
  std::size_t colon = w.find(':');
  auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
  };
  if (colon != std::string_view::npos) {
    std::string_view h = w.substr(0, colon), m = w.substr(colon + 1);
    if (!digits(h) || h.size() > 2 || !digits(m) || m.size() != 2) return std::nullopt;
    hours = std::stoi(std::string(h));
    minutes = std::stoi(std::string(m));
  } else if (w.size() == 4 && digits(w) && !meridiem) {
    hours = (w[0] - '0') * 10 + (w[1] - '0');
    minutes = (w[2] - '0') * 10 + (w[3] - '0');
  } else if (meridiem && digits(w) && w.size() <= 2) {
    hours = std::stoi(std::string(w));
  } else {
    return std::nullopt;
  }
  if (meridiem) {
    if (hours < 1 || hours > 12) return std::nullopt;
    hours %= 12;
  }
  if (hours > 23 || minutes > 59) return std::nullopt;
  return hours * 60 + minutes + add;
}

struct Word {
  std::string_view text;
  std::size_t pos;
};
std::vector<Word> WordsAt(std::string_view text) {
  std::vector<Word> out;
  for (std::string_view w : SplitWords(text))
    out.push_back({w, static_cast<std::size_t>(w.data() - text.data())});
  return out;
}

bool IsAcronym(std::string_view w) {
  w = Bare(w);
  if (w.size() < 2 || w.size() > 12) return false;
  int upper = 0;
  for (char c : w) {
    if (IsUpperAscii(c))
      ++upper;
    else if (!IsDigit(c) && c != '-')
      return false;
  }
  return upper >= 2;
}

bool IsRoleWord(std::string_view lower_word) {
  static const std::array<std::string_view, 34> kRoles{
      "chair",       "co-chair",   "chairs",     "vice-chair",     "member",      "members",
      "secretariat", "secretary",  "staff",      "director",       "liaison",     "editor",
      "lead",        "scribe",     "at-large",   "executive",      "officer",     "president",
      "treasurer",   "manager",    "counsel",    "coordinator",    "facilitator", "host",
      "observer",    "guest",      "contractor", "representative", "delegate",    "notetaker",
      "note-taker",  "ex-officio", "minutes",    "emeritus"};
  return std::find(kRoles.begin(), kRoles.end(), lower_word) != kRoles.end();
}

bool HasRoleWord(std::string_view part) {
  const std::string lower = AsciiLower(part);  // the words below are views into it
  for (std::string_view w : SplitWords(lower))
    if (IsRoleWord(Bare(w))) return true;
  return false;
}

// Whether `s` is a person's name as attendance lists write them: one to five
// words, each capitalised (or a particle such as "ten", "van"), or a handle.
bool LooksLikeName(std::string_view s) {
  auto words = SplitWords(s);
  if (words.empty() || words.size() > 5 || s.size() > 60) return false;
  if (words.size() == 1 && words[0].size() > 1 && words[0][0] == '@') return true;
  static const std::array<std::string_view, 14> kParticles{
      "van", "von", "de", "der", "den", "ten", "ter", "da", "di", "du", "la", "le", "bin", "al"};
  bool capital = false;
  for (std::string_view w : words) {
    unsigned char first = static_cast<unsigned char>(w[0]);
    if (IsUpperAscii(w[0]) || first >= 0x80) {
      capital = true;
    } else if (std::find(kParticles.begin(), kParticles.end(), w) == kParticles.end()) {
      return false;
    }
    for (char c : w)
      if (IsDigit(c) || std::string_view(":!?=<>*#|").find(c) != std::string_view::npos)
        return false;
  }
  return capital;
}

// Splits at `sep` outside parentheses.
std::vector<std::string_view> SplitOutside(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')') depth = std::max(0, depth - 1);
    if (s[i] == sep && depth == 0) {
      out.push_back(Trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  out.push_back(Trim(s.substr(start)));
  return out;
}

// The first `needle` outside parentheses.
std::size_t FindOutside(std::string_view s, std::string_view needle) {
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')') depth = std::max(0, depth - 1);
    if (depth == 0 && s.compare(i, needle.size(), needle) == 0) return i;
  }
  return std::string_view::npos;
}

NameEntry SplitRemark(std::string_view entry) {
  std::size_t paren = entry.find('(');
  if (paren != std::string_view::npos && paren > 0) {
    std::size_t close = entry.rfind(')');
    std::string_view remark = close != std::string_view::npos && close > paren
                                  ? entry.substr(paren + 1, close - paren - 1)
                                  : entry.substr(paren + 1);
    return {std::string(Trim(entry.substr(0, paren))), std::string(Trim(remark))};
  }
  for (std::string_view dash : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | "}) {
    std::size_t at = entry.find(dash);
    if (at != std::string_view::npos)
      return {std::string(Trim(entry.substr(0, at))),
              std::string(Trim(entry.substr(at + dash.size())))};
  }
  return {std::string(Trim(entry)), ""};
}

}  // namespace

bool IsAttendance(Section s) {
  return s == Section::kAttendees || s == Section::kApologies || s == Section::kGuests ||
         s == Section::kStaff;
}

std::string LabelWords(std::string_view text) { return LabelWords(text, std::string::npos); }

std::string LabelWords(std::string_view text, std::size_t at_most) {
  text = Trim(text);
  // Numbering: "1.", "1.4.", "2)", "A.", "IV."
  std::size_t i = 0;
  while (i < text.size() && (IsDigit(text[i]) || text[i] == '.')) ++i;
  if (i > 0 && (i == text.size() || text[i] == ' ' || text[i] == ')')) {
    if (i < text.size() && text[i] == ')') ++i;
    text = Trim(text.substr(i));
  }
  std::size_t dash = text.find(" - ");
  if (dash != std::string_view::npos) text = text.substr(0, dash);
  std::size_t paren = text.find(" (");
  if (paren != std::string_view::npos) text = text.substr(0, paren);
  text = Trim(text);
  while (!text.empty() && (text.back() == ':' || text.back() == '.')) text.remove_suffix(1);
  text = Trim(text);
  // CollapseSpaces(AsciiLower(text)), read no further than `at_most` + 1 bytes
  // of it: a paragraph is no heading, and need not be copied to learn that.
  std::string label;
  for (std::string_view word : SplitWords(text, at_most == std::string::npos ? at_most : at_most / 2 + 1)) {
    if (!label.empty()) label += ' ';
    label.append(word);
    if (label.size() > at_most) break;
  }
  return AsciiLower(label);
}

Section ClassifySection(std::string_view heading) {
  std::string label = LabelWords(heading, 60);
  if (label.empty() || label.size() > 60) return Section::kOther;
  if (Contains(label, "action item") ||
      StartsWithAny(label, {"actions", "action", "to-dos", "todos", "todo"}) ||
      label == "new actions" || label == "open actions") {
    bool review =
        Contains(label, "review") || Contains(label, "open") || Contains(label, "outstanding") ||
        Contains(label, "previous") || Contains(label, "carried") || Contains(label, "pending") ||
        Contains(label, "status") || Contains(label, "follow-up") || StartsWithWord(label, "old");
    return review ? Section::kActionReview : Section::kActions;
  }
  if (StartsWithAny(label, {"review of action items", "review of actions",
                            "review of open action items", "previous actions"}))
    return Section::kActionReview;
  if (StartsWithAny(label, {"decisions", "decision", "resolutions", "resolution", "resolved",
                            "decisions made", "decisions reached", "summary of decisions"}))
    return Section::kDecisions;
  if (StartsWithAny(label,
                    {"attendance", "present", "attendees", "attending", "roll call", "rollcall",
                     "participants", "members present", "in attendance", "who is here", "people"}))
    return Section::kAttendees;
  if (StartsWithAny(label, {"regrets", "apologies", "absent", "not present", "excused",
                            "members absent", "unable to attend"}))
    return Section::kApologies;
  if (StartsWithAny(label, {"guests", "guest", "observers", "observer", "also present", "visitors",
                            "invited"}))
    return Section::kGuests;
  if (StartsWithAny(label, {"staff", "secretariat", "support staff"})) return Section::kStaff;
  return Section::kOther;
}

std::optional<StatusGroup> ReadStatusGroup(std::string_view text) {
  if (text.size() > 60) return std::nullopt;  // "In progress (carried from May):" at most
  std::string label = LabelWords(text);
  using S = ActionStatus;
  struct Word {
    std::string_view word;
    S status;
    bool carried;
  };
  static const std::array<Word, 21> kWords{{
      {"done", S::kComplete, true},       {"completed", S::kComplete, true},
      {"complete", S::kComplete, true},   {"closed", S::kComplete, true},
      {"finished", S::kComplete, true},   {"dropped", S::kCancelled, true},
      {"cancelled", S::kCancelled, true}, {"canceled", S::kCancelled, true},
      {"withdrawn", S::kCancelled, true}, {"obsolete", S::kCancelled, true},
      {"in progress", S::kOpen, true},    {"in-progress", S::kOpen, true},
      {"ongoing", S::kOpen, true},        {"on hold", S::kOpen, true},
      {"on-hold", S::kOpen, true},        {"pending", S::kOpen, true},
      {"open", S::kOpen, true},           {"not started", S::kOpen, true},
      {"deferred", S::kOpen, true},       {"blocked", S::kOpen, true},
      {"new", S::kOpen, false},
  }};
  std::string_view status = label;
  for (std::string_view suffix : {" action items", " actions", " items"}) {
    if (status.size() > suffix.size() && status.substr(status.size() - suffix.size()) == suffix) {
      status.remove_suffix(suffix.size());
      break;
    }
  }
  for (const Word& w : kWords)
    if (status == w.word) return StatusGroup{std::string(w.word), w.status, w.carried};
  return std::nullopt;
}

std::optional<LabelLine> ReadLabelLine(std::string_view text) {
  std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 40) return std::nullopt;
  std::string_view label = Trim(text.substr(0, colon));
  std::string_view rest = Trim(text.substr(colon + 1));
  if (SplitWords(label, 5).size() > 4) return std::nullopt;
  std::string lower = AsciiLower(label);
  if (lower == "action" || lower == "action item" || lower == "actions" || lower == "ai" ||
      lower == "todo" || lower == "to do" || lower == "new action") {
    if (rest.empty()) return std::nullopt;
    return LabelLine{LabelLine::kAction, Section::kOther, rest};
  }
  if (lower == "resolution" || lower == "resolved" || lower == "decision" || lower == "decided" ||
      lower == "agreed" || lower == "resolution passed") {
    if (rest.empty()) return std::nullopt;
    return LabelLine{LabelLine::kDecision, Section::kOther, rest};
  }
  if (lower == "date" || lower == "meeting date" || lower == "when")
    return LabelLine{LabelLine::kDate, Section::kOther, rest};
  if (lower == "chair" || lower == "chairs" || lower == "chaired by" || lower == "scribe" ||
      lower == "scribes" || lower == "facilitator" || lower == "note taker" ||
      lower == "notetaker" || lower == "minutes taker" || lower == "host")
    return LabelLine{LabelLine::kChair, Section::kOther, rest};
  Section section = ClassifySection(label);
  if (section == Section::kOther) return std::nullopt;
  return LabelLine{LabelLine::kSection, section, rest};
}

std::optional<FoundDate> FindDate(std::string_view text) {
  // Every date read here has digits (a year, a day); most lines have none.
  constexpr std::string_view kDigits = "0123456789";
  if (text.find_first_of(kDigits) == std::string_view::npos) return std::nullopt;
  std::vector<Word> words = WordsAt(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view w = Bare(words[i].text);
    if (w.size() == 10 && IsDigit(w[0]) && w[4] == '-') {
      if (auto d = ParseIsoDate(w))
        return FoundDate{
            *d, words[i].pos + static_cast<std::size_t>(w.data() - words[i].text.data()), w.size()};
    }
    for (std::size_t n : {4u, 3u}) {
      if (i + n > words.size()) continue;
      std::size_t start = words[i].pos;
      std::size_t end = words[i + n - 1].pos + words[i + n - 1].text.size();
      std::string_view span = text.substr(start, end - start);
      while (!span.empty() && std::string_view(",.;:)").find(span.back()) != std::string_view::npos)
        span.remove_suffix(1);
      if (span.find_first_of(kDigits) == std::string_view::npos) continue;
      auto written = ParseWrittenDate(span);
      if (!written || written->year == 0) continue;
      auto date = ResolveWrittenDate(*written, Date{std::chrono::year{written->year} / 1 / 1});
      if (date) return FoundDate{*date, start, span.size()};
    }
  }
  return std::nullopt;
}

std::optional<FoundTime> FindStartTime(std::string_view text, std::size_t from) {
  if (from > text.size()) return std::nullopt;
  std::vector<Word> words = WordsAt(text.substr(from));
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view next = i + 1 < words.size() ? words[i + 1].text : std::string_view();
    auto local = ClockTime(words[i].text, next);
    if (!local) continue;
    std::string next_lower = AsciiLower(Bare(next));
    std::size_t z = next_lower == "am" || next_lower == "pm" ? i + 2 : i + 1;
    for (std::size_t k = z; k < words.size() && k < z + 2; ++k) {
      auto offset = ZoneOffset(words[k].text);
      if (!offset) continue;
      int utc = *local - *offset;
      int shift = utc < 0 ? -1 : utc >= 24 * 60 ? 1 : 0;
      utc = (utc % (24 * 60) + 24 * 60) % (24 * 60);
      std::size_t end = words[k].pos + Bare(words[k].text).size();
      std::string written(Trim(text.substr(from).substr(words[i].pos, end - words[i].pos)));
      return FoundTime{{utc / 60, utc % 60}, written, shift};
    }
    return std::nullopt;
  }
  return std::nullopt;
}

bool HasClockTime(std::string_view text, std::size_t from) {
  if (from > text.size()) return false;
  std::vector<Word> words = WordsAt(text.substr(from));
  for (std::size_t i = 0; i < words.size(); ++i)
    if (ClockTime(words[i].text, i + 1 < words.size() ? words[i + 1].text : "")) return true;
  return false;
}

std::optional<std::string> MeetingKindIn(std::string_view title) {
  static const std::array<std::string_view, 20> kKinds{
      "teleconference", "telecon", "telechat",   "call",     "meeting", "session", "retreat",
      "workshop",       "plenary", "interim",    "board",    "summit",  "sync",    "standup",
      "webinar",        "hangout", "conference", "assembly", "council", "huddle"};
  for (std::string_view w : SplitWords(title)) {
    std::string lower = AsciiLower(Bare(w));
    if (std::find(kKinds.begin(), kKinds.end(), lower) == kKinds.end()) continue;
    std::string kind = lower;
    kind[0] = static_cast<char>(kind[0] - 'a' + 'A');
    return kind;
  }
  return std::nullopt;
}

std::optional<std::string> GroupIn(std::string_view title) {
  auto date = FindDate(title);
  std::string_view before = date ? title.substr(0, date->pos) : title;
  static const std::array<std::string_view, 6> kFrame{"DRAFT", "MINUTES", "AGENDA",
                                                      "NOTES", "UTC",     "RE"};
  for (std::string_view w : SplitWords(before)) {
    std::string_view bare = Bare(w);
    if (!IsAcronym(bare)) continue;
    if (std::find(kFrame.begin(), kFrame.end(), bare) != kFrame.end()) continue;
    if (MeetingKindIn(bare)) continue;
    return std::string(bare);
  }
  return std::nullopt;
}

bool IsMeetingTitle(std::string_view heading) {
  std::string lower = AsciiLower(heading);
  for (std::string_view word :
       {"approv", "next meeting", "upcoming", "future", "previous", "last meeting", "due "})
    if (Contains(lower, word)) return false;
  return FindDate(heading).has_value();
}

std::optional<std::vector<NameEntry>> ReadNameEntries(std::string_view line) {
  line = Trim(line);
  while (!line.empty() && (line.back() == '.' || line.back() == ',')) line.remove_suffix(1);
  if (line.empty()) return std::nullopt;
  char sep = line.find(';') != std::string_view::npos ? ';' : ',';
  std::vector<NameEntry> entries;
  for (std::string_view part : SplitOutside(line, sep)) {
    if (part.empty()) continue;
    // "Carsten Bormann, T2TRG Chair": a role after a comma is the remark of
    // the name before it.
    if (!entries.empty() && HasRoleWord(part) && part.find('(') == std::string_view::npos) {
      NameEntry& last = entries.back();
      last.remark += (last.remark.empty() ? "" : ", ") + std::string(part);
      continue;
    }
    std::vector<std::string_view> pieces{part};
    for (std::string_view conj : {" and ", " & "}) {
      std::size_t at = FindOutside(part, conj);
      if (at != std::string_view::npos) {
        std::string_view a = Trim(part.substr(0, at));
        std::string_view b = Trim(part.substr(at + conj.size()));
        if (StartsWithNoCase(a, "and ")) a = Trim(a.substr(4));
        if (LooksLikeName(SplitRemark(a).name) && LooksLikeName(SplitRemark(b).name))
          pieces = {a, b};
        break;
      }
    }
    for (std::string_view piece : pieces) {
      if (StartsWithNoCase(piece, "and ")) piece = Trim(piece.substr(4));
      NameEntry entry = SplitRemark(piece);
      if (!LooksLikeName(entry.name)) return std::nullopt;
      entries.push_back(std::move(entry));
    }
  }
  if (entries.empty()) return std::nullopt;
  return entries;
}

std::optional<Section> SectionOfRemark(std::string_view remark) {
  std::string lower = AsciiLower(remark);
  for (std::string_view w : {"secretariat", "staff", "support"})
    if (Contains(lower, w)) return Section::kStaff;
  for (std::string_view w : {"guest", "observer", "invited", "visitor"})
    if (Contains(lower, w)) return Section::kGuests;
  for (std::string_view w : {"regrets", "apolog", "absent"})
    if (Contains(lower, w)) return Section::kApologies;
  return std::nullopt;
}

bool IsAttendanceRemark(std::string_view remark) {
  std::string lower = AsciiLower(remark);
  for (std::string_view w :
       {"joined", "left", "arrived", "late", "early", "part", "until", "from ", "dropped"})
    if (Contains(lower, w)) return true;
  return false;
}

bool LikelySamePerson(std::string_view a, std::string_view b) {
  std::string x = FoldName(a), y = FoldName(b);
  if (x == y || x.size() > 80 || y.size() > 80) return false;
  std::size_t diff = x.size() > y.size() ? x.size() - y.size() : y.size() - x.size();
  if (diff > 1 || x.size() < 6) return false;
  // One of the words must be the same ("Neils ten Oever" / "Niels ten Oever").
  auto xs = SplitWords(x), ys = SplitWords(y);
  bool shared = std::any_of(xs.begin(), xs.end(), [&](std::string_view w) {
    return w.size() > 1 && std::find(ys.begin(), ys.end(), w) != ys.end();
  });
  if (!shared) return false;
  // Damerau-Levenshtein (optimal string alignment) distance, at most 2.
  std::vector<std::vector<int>> d(x.size() + 1, std::vector<int>(y.size() + 1));
  for (std::size_t i = 0; i <= x.size(); ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= y.size(); ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= x.size(); ++i) {
    for (std::size_t j = 1; j <= y.size(); ++j) {
      int cost = x[i - 1] == y[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.size()][y.size()] <= 2;
}

}  // namespace plenary::markdown
