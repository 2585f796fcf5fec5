#include "importers/board/board_layout.h"

#include "core/text.h"

namespace plenary::board {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// " 1. Call to order" -> {1, "Call to order"} when it is the section `expected`.
bool SectionHeading(std::string_view line, int expected, std::string& title) {
  std::size_t i = 0;
  if (!line.empty() && line[0] == ' ') i = 1;
  std::size_t digits = i;
  while (digits < line.size() && IsDigit(line[digits]) && digits - i < 2) ++digits;
  if (digits == i || digits + 1 >= line.size() || line[digits] != '.') return false;
  if (line[digits + 1] != ' ' && line[digits + 1] != '\t') return false;
  int number = 0;
  for (std::size_t k = i; k < digits; ++k) number = number * 10 + (line[k] - '0');
  if (number != expected) return false;
  std::string_view rest = Trim(line.substr(digits + 1));
  if (rest.empty()) return false;
  title = std::string(rest);
  return true;
}

// "    A. Chairman [Brett]" when its label is `expected`.
bool ItemHeading(std::string_view line, const std::string& expected, int& indent,
                 std::string& title) {
  indent = IndentOf(line);
  if (indent < 2 || indent > 6) return false;
  std::string_view rest = Trim(line);
  if (rest.size() < expected.size() + 3 || rest.substr(0, expected.size()) != expected)
    return false;
  if (rest[expected.size()] != '.' || rest[expected.size() + 1] != ' ') return false;
  std::string_view text = Trim(rest.substr(expected.size() + 1));
  if (text.empty()) return false;
  title = CollapseSpaces(text);
  return true;
}

bool EndsSections(std::string_view line) {
  return line.substr(0, 3) == "===" || line.substr(0, 3) == "---";
}

}  // namespace

int IndentOf(std::string_view line) {
  int indent = 0;
  for (char c : line) {
    if (c == ' ')
      ++indent;
    else if (c == '\t')
      indent = (indent / 8 + 1) * 8;
    else
      break;
  }
  return indent;
}

std::string ItemLabel(std::size_t n) {
  std::string label;
  if (n >= 26) label += static_cast<char>('A' + (n / 26 - 1) % 26);
  label += static_cast<char>('A' + n % 26);
  return label;
}

std::vector<Section> ReadSections(const SourceText& source, int from) {
  std::vector<Section> sections;
  const int count = static_cast<int>(source.line_count());
  int n = from;
  for (; n <= count; ++n) {
    std::string_view line = source.line(n);
    std::string title;
    if (!sections.empty() && EndsSections(line)) break;
    if (SectionHeading(line, static_cast<int>(sections.size()) + 1, title)) {
      if (!sections.empty()) sections.back().end = n;
      sections.push_back({static_cast<int>(sections.size()) + 1, std::move(title), n, 0, {}});
      continue;
    }
    if (sections.empty()) continue;
    Section& section = sections.back();
    int indent = 0;
    if (ItemHeading(line, ItemLabel(section.items.size()), indent, title)) {
      if (!section.items.empty()) section.items.back().end = n;
      section.items.push_back({ItemLabel(section.items.size()), std::move(title), n, indent, 0});
    }
  }
  if (!sections.empty()) sections.back().end = n;
  for (Section& section : sections)
    if (!section.items.empty()) section.items.back().end = section.end;
  return sections;
}

std::vector<Paragraph> ParagraphsOf(const SourceText& source, int from, int to) {
  std::vector<Paragraph> paragraphs;
  for (int n = from; n < to; ++n) {
    std::string_view text = Trim(source.line(n));
    if (text.empty()) continue;
    if (paragraphs.empty() || paragraphs.back().last != n - 1) {
      paragraphs.push_back({n, n, IndentOf(source.line(n)), std::string(text)});
      continue;
    }
    Paragraph& p = paragraphs.back();
    p.last = n;
    p.text += ' ';
    p.text += text;
  }
  for (Paragraph& p : paragraphs) p.text = CollapseSpaces(p.text);
  return paragraphs;
}

}  // namespace plenary::board
