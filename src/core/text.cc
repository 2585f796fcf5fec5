#include "core/text.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <unordered_set>

namespace plenary {
namespace {

// Bytes are classified by looking them up, not by chains of comparisons:
// these helpers run on every byte of every record, and in the fuzzers (built
// with -fsanitize=fuzzer) every comparison is also a call that records it.
enum : unsigned char { kNotSpace = 0, kAsciiSpace = 1, kNbspLead = 2 };

constexpr std::array<unsigned char, 256> kSpaceClass = [] {
  std::array<unsigned char, 256> table{};
  for (unsigned char c : {' ', '\t', '\r', '\n', '\f', '\v'}) table[c] = kAsciiSpace;
  table[0xC2] = kNbspLead;  // U+00A0 is C2 A0
  return table;
}();

constexpr std::array<char, 256> kAsciiLowered = [] {
  std::array<char, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[static_cast<std::size_t>(c)] =
        static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return table;
}();

// table[c]: every byte indexes a 256-entry table, so no bounds check
// (_GLIBCXX_ASSERTIONS checks std::array's operator[] in the sanitizer and
// fuzz builds).
template <typename T>
T Lookup(const std::array<T, 256>& table, char c) {
  return table.data()[static_cast<unsigned char>(c)];
}

constexpr std::array<bool, 256> kAsciiAlnum = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[static_cast<std::size_t>(c)] =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return table;
}();

char LowerAscii(char c) { return Lookup(kAsciiLowered, c); }

bool IsAsciiSpace(char c) { return Lookup(kSpaceClass, c) == kAsciiSpace; }

// Length of the whitespace at s[i]: an ASCII space or U+00A0 (C2 A0).
// (s.data()[i], not s[i]: _GLIBCXX_ASSERTIONS checks string_view's
// operator[], and callers index within s.)
std::size_t SpaceAt(std::string_view s, std::size_t i) {
  const unsigned char kind = Lookup(kSpaceClass, s.data()[i]);
  if (kind != kNbspLead) return kind;  // 0 or 1, the length
  return i + 1 < s.size() && static_cast<unsigned char>(s.data()[i + 1]) == 0xA0 ? 2 : 0;
}

// The end of the word that starts at s[i]: the next space, or the end. One
// bound check and one table lookup a byte.
std::size_t WordEnd(std::string_view s, std::size_t i) {
  const char* p = s.data();
  const std::size_t n = s.size();
  for (; i < n; ++i)
    if (Lookup(kSpaceClass, p[i]) != kNotSpace && SpaceAt(s, i) != 0) break;
  return i;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

void LowerInPlace(std::string& s) {
  for (char& c : s) c = LowerAscii(c);
}

// The length of the ASCII prefix of s[from..], eight bytes at a time.
std::size_t AsciiRun(std::string_view s, std::size_t from) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  std::size_t i = from;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, sizeof word);
    if (word & kHighBits) break;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i - from;
}

const std::unordered_set<std::string_view>& StopWords() {
  static const std::unordered_set<std::string_view> words{
      "a",   "an",   "and",  "are",   "as",   "at",    "be",    "by",    "for",  "from",
      "has", "have", "in",   "into",  "is",   "it",    "its",   "of",    "on",   "or",
      "so",  "that", "the",  "their", "them", "then",  "there", "these", "this", "those",
      "to",  "was",  "were", "will",  "with", "would", "all",   "any",   "also", "s"};
  return words;
}

bool IsAscii(std::string_view s) { return AsciiRun(s, 0) == s.size(); }

std::string Fold(std::string_view s) {
  // For ASCII text the mapping below is plain lowercasing (no ASCII character
  // decomposes, is ignorable or unassigned): skip utf8proc, which dominates an
  // import's profile otherwise. text_test.cc checks the equivalence.
  if (IsAscii(s)) return AsciiLower(s);
  utf8proc_uint8_t* out = nullptr;
  auto options =
      static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                     UTF8PROC_STRIPMARK | UTF8PROC_IGNORE | UTF8PROC_STRIPNA);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out, options);
  if (n < 0) return AsciiLower(s);  // invalid UTF-8: callers validate first
  std::string folded(reinterpret_cast<char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return folded;
}

}  // namespace

std::string_view Trim(std::string_view s) {
  std::size_t begin = 0;
  while (begin < s.size()) {
    std::size_t n = SpaceAt(s, begin);
    if (n == 0) break;
    begin += n;
  }
  std::size_t end = s.size();
  while (end > begin) {
    if (IsAsciiSpace(s[end - 1])) {
      --end;
    } else if (end - begin >= 2 && static_cast<unsigned char>(s[end - 2]) == 0xC2 &&
               static_cast<unsigned char>(s[end - 1]) == 0xA0) {
      end -= 2;
    } else {
      break;
    }
  }
  return s.substr(begin, end - begin);
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  LowerInPlace(out);
  return out;
}

namespace {

// a and b of the same size, equal but for ASCII case; no copies (these run on
// every line of every log).
bool SameNoCase(std::string_view a, std::string_view b) {
  for (std::size_t i = 0; i < a.size(); ++i)
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  return true;
}

}  // namespace

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && SameNoCase(s.substr(0, prefix.size()), prefix);
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && SameNoCase(a, b);
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  return SplitWords(s, std::string_view::npos);
}

std::vector<std::string_view> SplitWords(std::string_view s, std::size_t at_most) {
  std::vector<std::string_view> words;
  words.reserve(std::min<std::size_t>(at_most, 16));
  std::size_t i = 0;
  while (i < s.size() && words.size() < at_most) {
    while (i < s.size() && SpaceAt(s, i)) i += SpaceAt(s, i);
    std::size_t start = i;
    i = WordEnd(s, i);
    if (i > start) words.push_back(s.substr(start, i - start));
  }
  return words;
}

std::vector<std::string_view> SplitTrimmed(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    std::size_t end = s.find(separator, start);
    parts.push_back(Trim(s.substr(start, end == std::string_view::npos ? s.npos : end - start)));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

std::vector<std::string_view> SplitSentences(std::string_view text) {
  std::vector<std::string_view> sentences;
  std::size_t start = 0;
  int quote_depth = 0;
  bool straight_quote_open = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::string_view at = text.substr(i);
    if (at.substr(0, 3) == "\xE2\x80\x9C")
      ++quote_depth;  // “
    else if (at.substr(0, 3) == "\xE2\x80\x9D" && quote_depth > 0)
      --quote_depth;  // ”
    else if (text[i] == '"')
      straight_quote_open = !straight_quote_open;
    char c = text[i];
    if ((c != '.' && c != '?' && c != '!') || quote_depth > 0 || straight_quote_open) continue;
    if (i + 2 >= text.size() || text[i + 1] != ' ' || !IsUpper(text[i + 2])) continue;
    sentences.push_back(Trim(text.substr(start, i + 1 - start)));
    start = i + 1;
  }
  std::string_view last = Trim(text.substr(start));
  if (!last.empty()) sentences.push_back(last);
  return sentences;
}

// One pass, no word list: the words of SplitWords joined by single spaces,
// each word appended whole.
std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    if (std::size_t n = SpaceAt(s, i)) {
      i += n;
      continue;
    }
    std::size_t start = i;
    i = WordEnd(s, i);
    if (!out.empty()) out += ' ';
    out.append(s.substr(start, i - start));
  }
  return out;
}

std::size_t FindInvalidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    i += AsciiRun(s, i);  // ASCII, most of any text
    if (i == s.size()) break;
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                          static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) return i;
    i += static_cast<std::size_t>(n);
  }
  return std::string_view::npos;
}

std::string FoldName(std::string_view s) {
  if (!IsAscii(s)) return CollapseSpaces(Fold(s));
  // ASCII: Fold is lowering, done in place on CollapseSpaces's one copy
  // (every name of every roster and every line that may name someone comes
  // here).
  std::string out = CollapseSpaces(s);
  LowerInPlace(out);
  return out;
}

std::string FoldWithUtf8proc(std::string_view s) {
  std::string padded = std::string(s) + "\xC3\xA9";  // a non-ASCII suffix defeats the fast path
  std::string folded = Fold(padded);
  return folded.substr(0, folded.size() - 1);  // "é" folds to "e"
}

namespace {

// The content words of `s` in order, to `add` (which returns false to stop),
// duplicates kept. ASCII text is lowered and split byte by byte, as Fold would
// lower it (no ASCII character decomposes or is ignorable).
template <typename Add>
void ForEachContentWord(std::string_view s, Add add) {
  std::string word;
  // "plans" ~ "plan", but not "status", "analysis", "process".
  auto flush = [&] {
    if (word.size() > 3 && word.back() == 's' &&
        std::string_view("siu").find(word[word.size() - 2]) == std::string_view::npos)
      word.pop_back();
    bool go_on = true;
    if (!word.empty() && !StopWords().count(word)) go_on = add(word);
    word.clear();
    return go_on;
  };
  if (IsAscii(s)) {
    for (char c : s) {
      if (Lookup(kAsciiAlnum, c))
        word += LowerAscii(c);
      else if (!flush())
        return;
    }
    flush();
    return;
  }
  std::string folded = Fold(s);
  for (std::size_t i = 0; i < folded.size();) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(&folded[i]),
                                          static_cast<utf8proc_ssize_t>(folded.size() - i), &cp);
    if (n <= 0) {
      ++i;
      if (!flush()) return;
      continue;
    }
    auto category = utf8proc_category(cp);
    bool alnum = (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
                 category == UTF8PROC_CATEGORY_ND;
    if (alnum)
      word.append(folded, i, static_cast<std::size_t>(n));
    else if (!flush())
      return;
    i += static_cast<std::size_t>(n);
  }
  flush();
}

}  // namespace

std::vector<std::string> ContentWordSequence(std::string_view s) {
  std::vector<std::string> words;
  ForEachContentWord(s, [&](std::string& w) {
    words.push_back(std::move(w));
    return true;
  });
  return words;
}

std::vector<std::string> ContentWords(std::string_view s, std::size_t at_most) {
  std::vector<std::string> words;
  if (at_most == 0) return words;
  // A heading has few distinct words: a linear look beats hashing each; a
  // long text's are hashed once there are more than kLinear.
  constexpr std::size_t kLinear = 32;
  std::unordered_set<std::string> seen;
  ForEachContentWord(s, [&](std::string& w) {
    if (words.size() < kLinear) {
      if (std::find(words.begin(), words.end(), w) != words.end()) return true;
    } else {
      if (seen.empty()) seen.insert(words.begin(), words.end());
      if (!seen.insert(w).second) return true;
    }
    words.push_back(std::move(w));
    return words.size() < at_most;
  });
  return words;
}

std::vector<std::string> ContentWords(std::string_view s) {
  return ContentWords(s, std::string_view::npos);
}

std::string PrintableText(const std::string& text) {
  std::string out = text;
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  return out;
}

}  // namespace plenary
