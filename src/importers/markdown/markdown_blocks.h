// A Markdown record as the reader walks it: YAML front matter, then the
// document tree cmark-gfm builds (CommonMark + GFM tables, task lists,
// strike-through), flattened into a sequence of located blocks.
//
// The vocabulary of minutes (attendance, actions, decisions) is read from
// these blocks by markdown_reader.cc; nothing here knows it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "importers/source_text.h"
#include "plenary/result.h"

namespace plenary::markdown {

// Front matter: the scalar values of a leading "---" ... "---" YAML mapping,
// keys lower-cased. Nested values are skipped.
struct FrontMatter {
  std::map<std::string, std::string> values;
  std::map<std::string, int> lines;  // key -> line of the source
  int end_line = 0;                  // the closing "---"; 0 without front matter
};

struct Block {
  enum Kind {
    kHeading,   // an ATX or setext heading
    kLine,      // one line of a paragraph (soft breaks kept apart)
    kItem,      // a list item's first paragraph, its lines joined by spaces
    kTableRow,  // a row of a GFM table
  } kind = kLine;
  int line = 0;         // 1-based line of the source
  int level = 0;        // heading level; list depth of an item (1 = top) or of a line in one
  std::string text;     // inline text, markup removed, spacing collapsed
  bool struck = false;  // all of the text is ~~struck through~~
  std::optional<bool> checked;     // a task-list item: [x] or [ ]
  bool header_row = false;         // kTableRow: the table's header
  std::vector<std::string> cells;  // kTableRow
};

struct Document {
  FrontMatter front_matter;
  std::vector<Block> blocks;
};

// Reads the front matter (when the first line is "---") and parses the rest
// with cmark-gfm; line numbers are those of `source`. Fails with a located
// InvalidInput for front matter that is not closed or not YAML.
Result<Document> ParseDocument(const SourceText& source);

}  // namespace plenary::markdown
