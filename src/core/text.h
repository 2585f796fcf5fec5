// Text handling shared by importers, the register and the CLI: trimming,
// UTF-8 validation, and the normalisation used to compare what people write.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace plenary {

// ASCII whitespace (space, tab, CR, LF, FF, VT) and U+00A0 NO-BREAK SPACE
// are trimmed; notes pasted from wikis are full of both.
std::string_view Trim(std::string_view s);
std::string AsciiLower(std::string_view s);
bool StartsWithNoCase(std::string_view s, std::string_view prefix);
bool EqualsNoCase(std::string_view a, std::string_view b);
// Splits on runs of whitespace.
std::vector<std::string_view> SplitWords(std::string_view s);
// The first `at_most` of them: what a rule that looks at a sentence's start
// needs, without splitting the whole sentence.
std::vector<std::string_view> SplitWords(std::string_view s, std::size_t at_most);
// The parts of `s` between `separator`s, each trimmed; "a||b" has an empty
// middle part, "" one empty part.
std::vector<std::string_view> SplitTrimmed(std::string_view s, char separator);
// Sentences of `text`, split after '.', '?' or '!' followed by a space and a
// capital letter, never inside quotation marks or a URL. Each is trimmed.
std::vector<std::string_view> SplitSentences(std::string_view text);

// Collapses runs of whitespace into one space and trims.
std::string CollapseSpaces(std::string_view s);

// Byte offset of the first byte that is not part of valid UTF-8 (overlong
// forms, surrogates and code points above U+10FFFF are invalid), or npos.
std::size_t FindInvalidUtf8(std::string_view s);

// The key under which two spellings of a name are the same: Unicode NFKC
// case folding with combining marks stripped and whitespace collapsed, so
// "Žarko  Kečić" and "zarko kecic" fold alike. Input must be valid UTF-8.
std::string FoldName(std::string_view s);

// FoldName's character mapping forced through utf8proc, for tests of the
// ASCII fast path.
std::string FoldWithUtf8proc(std::string_view s);

// The content words of a sentence for matching: folded as FoldName, split on
// anything that is not a letter or digit, with English stop words dropped and
// a plural or verb 's' trimmed ("plans" ~ "plan"; not "status"). Order is kept, duplicates
// removed.
std::vector<std::string> ContentWords(std::string_view s);
// The first `at_most` of them, the rest of `s` not read: what a rule that
// looks at a heading's first words needs.
std::vector<std::string> ContentWords(std::string_view s, std::size_t at_most);

// ContentWords in their order, duplicates kept: the sequence used to find a
// passage one text quotes from another.
std::vector<std::string> ContentWordSequence(std::string_view s);

// `text` with control characters (newlines, escapes) replaced by spaces, so
// that nothing from the notes can move a terminal's cursor or recolour it.
std::string PrintableText(const std::string& text);

}  // namespace plenary
