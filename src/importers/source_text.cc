#include "importers/source_text.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"

namespace plenary {
namespace {

constexpr std::size_t kShownLineChars = 160;

bool IsContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

// Where in `bytes` (1-based line, character column) byte `offset` falls.
std::pair<int, int> LocateOffset(std::string_view bytes, std::size_t offset) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, ColumnOfByte(bytes.substr(line_start), offset - line_start)};
}

std::string_view LineAround(std::string_view bytes, std::size_t offset) {
  std::size_t start = bytes.rfind('\n', offset == 0 ? 0 : offset - 1);
  start = (start == std::string_view::npos || offset == 0) ? 0 : start + 1;
  std::size_t end = bytes.find('\n', offset);
  if (end == std::string_view::npos) end = bytes.size();
  return bytes.substr(start, end - start);
}

}  // namespace

int ColumnOfByte(std::string_view line, std::size_t byte) {
  int column = 1;
  for (std::size_t i = 0; i < byte && i < line.size(); ++i)
    if (!IsContinuationByte(static_cast<unsigned char>(line[i]))) ++column;
  return column;
}

std::string FormatDiagnostic(std::string_view name, int line, int column, std::string_view message,
                             std::string_view line_text) {
  // Show characters, not bytes: anything unprintable or invalid becomes '?',
  // tabs become one space so that the caret lines up.
  std::string shown;
  int shown_chars = 0;
  int first_char = std::max(1, column - static_cast<int>(kShownLineChars) / 2);
  int char_index = 0;
  bool cut_left = first_char > 1;
  for (std::size_t i = 0;
       i < line_text.size() && shown_chars < static_cast<int>(kShownLineChars);) {
    auto c = static_cast<unsigned char>(line_text[i]);
    std::size_t len = 1;
    if (c >= 0x80) {
      len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 1;
      if (i + len > line_text.size() ||
          FindInvalidUtf8(line_text.substr(i, len)) != std::string_view::npos)
        len = 1;
    }
    ++char_index;
    if (char_index >= first_char) {
      if (len == 1 && (c < 0x20 || c == 0x7F || c >= 0x80))
        shown += (c == '\t') ? ' ' : '?';
      else
        shown.append(line_text.substr(i, len));
      ++shown_chars;
    }
    i += len;
  }
  int caret = std::max(1, column - first_char + 1) + (cut_left ? 3 : 0);
  return fmt::format("{}:{}:{}: {}\n  {}{}\n  {}^", name, line, column, message,
                     cut_left ? "..." : "", shown,
                     std::string(static_cast<std::size_t>(caret - 1), ' '));
}

Result<SourceText> SourceText::Load(std::string name, std::string_view bytes,
                                    const SourceLimits& limits) {
  auto fail = [&](std::size_t offset, const std::string& message) -> Error {
    auto [line, column] = LocateOffset(bytes, offset);
    return Error::InvalidInput(
        FormatDiagnostic(name, line, column, message, LineAround(bytes, offset)));
  };
  if (bytes.size() > limits.max_bytes) {
    return fail(0, fmt::format("file too large: {} bytes, notes are limited to {} bytes",
                               bytes.size(), limits.max_bytes));
  }
  if (std::size_t nul = bytes.find('\0'); nul != std::string_view::npos)
    return fail(nul, "binary file: NUL byte; expected UTF-8 text");
  if (std::size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos) {
    return fail(bad, fmt::format("invalid UTF-8 (byte 0x{:02X}); expected UTF-8 text",
                                 static_cast<unsigned char>(bytes[bad])));
  }
  SourceText source;
  source.name_ = std::move(name);
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  source.text_.reserve(bytes.size());
  // CR LF and lone CR become LF; the runs between them are copied whole.
  for (std::size_t i = 0; i < bytes.size();) {
    std::size_t cr = bytes.find('\r', i);
    if (cr == std::string_view::npos) {
      source.text_.append(bytes.substr(i));
      break;
    }
    source.text_.append(bytes.substr(i, cr - i));
    source.text_ += '\n';
    i = cr + 1;
    if (i < bytes.size() && bytes[i] == '\n') ++i;
  }
  std::string_view text = source.text_;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end - start > limits.max_line_bytes) {
      std::string_view line = text.substr(start, end - start);
      return Error::InvalidInput(
          FormatDiagnostic(source.name_, static_cast<int>(source.lines_.size() + 1),
                           ColumnOfByte(line, limits.max_line_bytes),
                           fmt::format("line too long: {} bytes, lines are limited to {} bytes",
                                       line.size(), limits.max_line_bytes),
                           line));
    }
    source.lines_.push_back({start, end - start});
    start = end + 1;
  }
  if (Trim(text).empty()) {
    return Error::InvalidInput(FormatDiagnostic(
        source.name_, 1, 1, "empty file: expected meeting notes beginning with a header line", ""));
  }
  return source;
}

Error SourceText::ErrorAt(int line, int column, std::string_view message) const {
  return Error::InvalidInput(Describe(line, column, message));
}

std::string SourceText::Describe(int line, int column, std::string_view message) const {
  std::string_view text = (line >= 1 && static_cast<std::size_t>(line) <= lines_.size())
                              ? this->line(line)
                              : std::string_view{};
  if (column <= 0) {
    std::string_view trimmed = Trim(text);
    column = ColumnOfByte(
        text, trimmed.empty() ? 0 : static_cast<std::size_t>(trimmed.data() - text.data()));
  }
  return FormatDiagnostic(name_, line, column, message, text);
}

}  // namespace plenary
