// The fixed-width layout of ASF board minutes and agendas: numbered sections
// (" 1. Call to order", "10. Unfinished Business"), lettered items inside
// them ("    A. Chairman [Brett]", "    AB. Apache Kafka Project [Jun Rao /
// Brett]") and paragraphs. Pure functions over a SourceText; no meaning yet.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "importers/source_text.h"

namespace plenary::board {

// A run of non-blank lines.
struct Paragraph {
  int first = 0;  // 1-based lines, inclusive
  int last = 0;
  int indent = 0;    // of its first line, in bytes
  std::string text;  // the lines trimmed and joined by single spaces
};

// "    A. Chairman [Brett]": a lettered item, from its heading to the line
// before the next item or the end of its section.
struct Item {
  std::string label;  // "A", "AB"
  std::string title;  // "Chairman [Brett]"
  int line = 0;
  int indent = 0;
  int end = 0;  // first line after it
};

struct Section {
  int number = 0;
  std::string title;  // "Call to order"
  int line = 0;
  int end = 0;  // first line after it
  std::vector<Item> items;
};

// The label of the n-th item (0-based): "A".."Z", "AA".."AZ", "BA", ...
std::string ItemLabel(std::size_t n);

// The numbered sections from line `from` on, in order: a section heading
// starts at column 0 or 1 with the number that follows the previous one
// (the first is 1), so a numbered line inside a report is not taken for one.
// The last section ends at the attachments (a line starting at column 0 with
// "===" or "---"), or at the end of the text.
std::vector<Section> ReadSections(const SourceText& source, int from);

// The paragraphs of lines [from, to).
std::vector<Paragraph> ParagraphsOf(const SourceText& source, int from, int to);

// Bytes of leading spaces (a tab counts as up to the next multiple of 8).
int IndentOf(std::string_view line);

}  // namespace plenary::board
