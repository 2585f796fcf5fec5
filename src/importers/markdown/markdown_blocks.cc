#include "importers/markdown/markdown_blocks.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string_view>

#include "core/text.h"

namespace plenary::markdown {
namespace {

// Deeper nesting than this (quotes in quotes, emphasis in emphasis) is read
// as if flat: no record nests that deep, and the walk must not exhaust the
// stack on a hostile file.
constexpr int kMaxDepth = 64;
// yaml-cpp parses nested flow collections recursively; front matter is a few
// keys, so a large or deeply bracketed block is not front matter.
constexpr std::size_t kMaxFrontMatterBytes = 64 * 1024;
constexpr std::size_t kMaxFrontMatterBrackets = 64;

bool IsFence(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

std::string Lower(std::string_view s) { return AsciiLower(Trim(s)); }

// The mapping between fences, or nothing when it is not one (a document may
// start with a thematic break, or a setext heading underlined with "---").
FrontMatter ReadFrontMatter(const SourceText& source) {
  FrontMatter fm;
  const int count = static_cast<int>(source.line_count());
  if (count < 2 || !IsFence(source.line(1), false)) return fm;
  int end = 0;
  std::string yaml;
  for (int n = 2; n <= count && yaml.size() <= kMaxFrontMatterBytes; ++n) {
    if (IsFence(source.line(n), true)) {
      end = n;
      break;
    }
    yaml += source.line(n);
    yaml += '\n';
  }
  if (end == 0 || yaml.size() > kMaxFrontMatterBytes) return fm;
  if (static_cast<std::size_t>(std::count_if(yaml.begin(), yaml.end(), [](char c) {
        return c == '[' || c == '{';
      })) > kMaxFrontMatterBrackets)
    return fm;
  try {
    YAML::Node root = YAML::Load(yaml);
    if (!root.IsMap()) return fm;
    for (const auto& pair : root) {
      if (!pair.first.IsScalar()) continue;
      std::string key = Lower(pair.first.Scalar());
      fm.lines[key] = pair.first.Mark().line + 2;
      if (pair.second.IsScalar()) fm.values[key] = std::string(Trim(pair.second.Scalar()));
    }
  } catch (const std::exception&) {  // YAML::Exception, or anything yaml-cpp lets through
    return {};
  }
  fm.end_line = end;
  return fm;
}

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};

bool TypeIs(cmark_node* node, const char* name) {
  return std::strcmp(cmark_node_get_type_string(node), name) == 0;
}

// The inline text of a block, split at line breaks when asked, with how much
// of each line is struck through.
class InlineText {
 public:
  explicit InlineText(bool split_lines) : split_(split_lines) { lines_.emplace_back(); }

  void Collect(cmark_node* node, int depth, bool struck) {
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
      switch (cmark_node_get_type(child)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          Add(cmark_node_get_literal(child), struck);
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          if (split_)
            lines_.emplace_back();
          else
            Add(" ", struck);
          break;
        case CMARK_NODE_HTML_INLINE:
          break;
        default:
          if (depth < kMaxDepth)
            Collect(child, depth + 1, struck || TypeIs(child, "strikethrough"));
      }
    }
  }

  struct Line {
    std::string text;
    bool struck = false;
  };
  std::vector<Line> Lines() const {
    std::vector<Line> out;
    for (const Part& part : lines_) {
      std::string text = CollapseSpaces(part.text);
      out.push_back({text, part.letters > 0 && part.struck_letters == part.letters});
    }
    return out;
  }

 private:
  struct Part {
    std::string text;
    std::size_t letters = 0;
    std::size_t struck_letters = 0;
  };
  void Add(const char* literal, bool struck) {
    if (!literal) return;
    Part& part = lines_.back();
    part.text += literal;
    for (const char* c = literal; *c; ++c) {
      if (*c == ' ' || *c == '\t') continue;
      ++part.letters;
      if (struck) ++part.struck_letters;
    }
  }
  bool split_;
  std::vector<Part> lines_;
};

Block LineBlock(int line, int level, std::string text, bool struck) {
  Block b;
  b.kind = Block::kLine;
  b.line = line;
  b.level = level;
  b.text = std::move(text);
  b.struck = struck;
  return b;
}

class Flattener {
 public:
  explicit Flattener(std::vector<Block>& out) : out_(out) {}

  void Walk(cmark_node* node, int list_depth, int depth) {
    if (depth > kMaxDepth) return;
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
      switch (cmark_node_get_type(child)) {
        case CMARK_NODE_HEADING: {
          InlineText text(false);
          text.Collect(child, 0, false);
          Block b;
          b.kind = Block::kHeading;
          b.line = cmark_node_get_start_line(child);
          b.level = cmark_node_get_heading_level(child);
          b.text = text.Lines()[0].text;
          out_.push_back(std::move(b));
          break;
        }
        case CMARK_NODE_PARAGRAPH:
          Paragraph(child, list_depth);
          break;
        case CMARK_NODE_LIST:
          Walk(child, list_depth + 1, depth + 1);
          break;
        case CMARK_NODE_ITEM:
          Item(child, list_depth, depth);
          break;
        case CMARK_NODE_BLOCK_QUOTE:
          Walk(child, list_depth, depth + 1);
          break;
        default:
          if (TypeIs(child, "table")) Table(child);
          // Code, HTML and thematic breaks hold nothing the reader takes.
      }
    }
  }

 private:
  void Paragraph(cmark_node* node, int list_depth) {
    InlineText text(true);
    text.Collect(node, 0, false);
    int line = cmark_node_get_start_line(node);
    for (const InlineText::Line& l : text.Lines()) {
      if (!l.text.empty()) out_.push_back(LineBlock(line, list_depth, l.text, l.struck));
      ++line;
    }
  }

  // The item's first paragraph is the item; later paragraphs and nested
  // lists follow it as blocks of their own.
  void Item(cmark_node* node, int list_depth, int depth) {
    Block b;
    b.kind = Block::kItem;
    b.line = cmark_node_get_start_line(node);
    b.level = std::max(list_depth, 1);
    if (TypeIs(node, "tasklist")) b.checked = cmark_gfm_extensions_get_tasklist_item_checked(node);
    cmark_node* first = cmark_node_first_child(node);
    if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
      InlineText text(false);
      text.Collect(first, 0, false);
      auto lines = text.Lines();
      b.text = lines[0].text;
      b.struck = lines[0].struck;
      b.line = cmark_node_get_start_line(first);
    }
    out_.push_back(std::move(b));
    for (cmark_node* child = first; child; child = cmark_node_next(child)) {
      if (child == first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) continue;
      WalkOne(child, list_depth, depth + 1);
    }
  }

  void WalkOne(cmark_node* node, int list_depth, int depth) {
    if (depth > kMaxDepth) return;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_PARAGRAPH:
        Paragraph(node, list_depth);
        break;
      case CMARK_NODE_LIST:
        Walk(node, list_depth + 1, depth + 1);
        break;
      case CMARK_NODE_HEADING:
      case CMARK_NODE_BLOCK_QUOTE: {
        // Rare inside an item; read what it holds at this depth.
        if (cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE) {
          Walk(node, list_depth, depth + 1);
        } else {
          InlineText text(false);
          text.Collect(node, 0, false);
          out_.push_back(
              LineBlock(cmark_node_get_start_line(node), list_depth, text.Lines()[0].text, false));
        }
        break;
      }
      default:
        if (TypeIs(node, "table")) Table(node);
    }
  }

  void Table(cmark_node* table) {
    for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row)) {
      Block b;
      b.kind = Block::kTableRow;
      b.line = cmark_node_get_start_line(row);
      b.header_row = TypeIs(row, "table_header");
      for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
        InlineText text(false);
        text.Collect(cell, 0, false);
        b.cells.push_back(text.Lines()[0].text);
      }
      for (const std::string& c : b.cells) b.text += (b.text.empty() ? "" : " | ") + c;
      out_.push_back(std::move(b));
    }
  }

  std::vector<Block>& out_;
};

}  // namespace

Result<Document> ParseDocument(const SourceText& source) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });

  Document doc;
  doc.front_matter = ReadFrontMatter(source);
  // Front matter lines become empty lines, so that cmark's line numbers are
  // the source's.
  std::string text;
  for (int n = 1; n <= static_cast<int>(source.line_count()); ++n) {
    if (n > doc.front_matter.end_line) text += source.line(n);
    text += '\n';
  }
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  for (const char* name : {"table", "strikethrough", "tasklist"}) {
    cmark_syntax_extension* extension = cmark_find_syntax_extension(name);
    if (extension) cmark_parser_attach_syntax_extension(parser.get(), extension);
  }
  cmark_parser_feed(parser.get(), text.data(), text.size());
  std::unique_ptr<cmark_node, NodeDeleter> root(cmark_parser_finish(parser.get()));
  if (!root) return source.ErrorAt(1, 0, "cmark-gfm could not parse this text");
  Flattener(doc.blocks).Walk(root.get(), 0, 0);
  return doc;
}

}  // namespace plenary::markdown
