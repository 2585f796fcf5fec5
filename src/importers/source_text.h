// Input text as importers see it: checked, normalised, split into lines, and
// able to point at any place in itself with "NAME:LINE:COL: message".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plenary/result.h"

namespace plenary {

struct SourceLimits {
  std::size_t max_bytes = 4 * 1024 * 1024;  // a year of a busy group's notes is < 1 MiB
  std::size_t max_line_bytes = 16 * 1024;   // the longest real line seen is < 2 KiB
};

// A whole input, validated. Construct with SourceText::Load.
class SourceText {
 public:
  // Checks `bytes` and normalises them: a UTF-8 byte-order mark is dropped,
  // CRLF and lone CR become LF. Fails with InvalidInput, located at the first
  // offence, for: an empty (or whitespace-only) input, more than
  // limits.max_bytes, a NUL byte ("binary file"), invalid UTF-8, or a line
  // longer than limits.max_line_bytes.
  static Result<SourceText> Load(std::string name, std::string_view bytes,
                                 const SourceLimits& limits = {});

  const std::string& name() const { return name_; }
  std::size_t line_count() const { return lines_.size(); }
  // 1-based. The line without its newline.
  std::string_view line(int number) const {
    const auto& [start, length] = lines_.at(static_cast<std::size_t>(number - 1));
    return std::string_view(text_).substr(start, length);
  }

  // "NAME:LINE:COL: message", then the line and a caret under COL. `column`
  // counts characters from 1; 0 means the first non-blank character.
  Error ErrorAt(int line, int column, std::string_view message) const;
  // The same text for a warning.
  std::string Describe(int line, int column, std::string_view message) const;

 private:
  SourceText() = default;
  std::string name_;
  std::string text_;
  // Offsets, not views: a view into text_ would dangle when a short text_
  // (held in the string's own small buffer) moves with the SourceText.
  std::vector<std::pair<std::size_t, std::size_t>> lines_;
};

// "NAME:LINE:COL: message\n  <line>\n  <caret>", the one way every importer
// reports a place in its input. `line_text` may be any bytes; it is shown
// sanitised (control characters and invalid UTF-8 as '?', long lines cut
// around the column).
std::string FormatDiagnostic(std::string_view name, int line, int column, std::string_view message,
                             std::string_view line_text);

// The character column (1-based) of byte offset `byte` in `line`.
int ColumnOfByte(std::string_view line, std::size_t byte);

}  // namespace plenary
