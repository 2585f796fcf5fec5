// GitHub-flavoured Markdown. Text is escaped with backslashes (CommonMark
// lets any ASCII punctuation be escaped) wherever it could start markup, and
// line breaks become spaces: a cell or list item is one line.
#include <fmt/format.h>

#include <variant>

#include "publish/formats/renderers.h"

namespace plenary {
namespace {

constexpr std::string_view kAlwaysEscaped = "\\`*_[]<>|~&";

std::string Escape(std::string_view text, bool block_start) {
  std::string out;
  std::size_t i = 0;
  if (block_start) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i < text.size() && std::string_view("-+=#>").find(text[i]) != std::string_view::npos)
      out += '\\';
    std::size_t digits = i;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits > i && digits < text.size() && (text[digits] == '.' || text[digits] == ')')) {
      out.append(text.substr(i, digits - i));
      out += '\\';
      i = digits;
    }
  }
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
    } else if (kAlwaysEscaped.find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

// Link destinations go in <...>, where only '<', '>', line breaks and
// backslashes need care; they are percent-encoded.
std::string Destination(const std::string& href) {
  std::string out = "<";
  for (char c : href) {
    if (c == '<' || c == '>' || c == '\\' || c == '\n' || c == '\r' || c == ' ')
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    else
      out += c;
  }
  return out + ">";
}

std::string Inline(const Text& text) {
  std::string out;
  for (const Span& s : text) {
    std::string t = Escape(s.text, out.empty());
    if (s.link && (s.link->url.empty() || IsSafeUrl(s.link->url)))
      t = "[" + t + "](" + Destination(FileHref(*s.link, "md")) + ")";
    if (s.strong) t = "**" + t + "**";
    out += t;
  }
  return out;
}

std::string Anchor(const std::string& anchor) {
  return anchor.empty() ? "" : "<a id=\"" + anchor + "\"></a>\n";
}

std::string TableMarkdown(const Table& t) {
  std::string out = "| ";
  for (const std::string& h : t.header) out += Escape(h, false) + " | ";
  out.pop_back();
  out += "\n|";
  for (std::size_t i = 0; i < t.header.size(); ++i) out += " --- |";
  out += '\n';
  for (const auto& row : t.rows) {
    out += "| ";
    for (const Cell& c : row) {
      if (!c.anchor.empty()) out += "<a id=\"" + c.anchor + "\"></a>";
      out += Inline(c.text) + " | ";
    }
    out.pop_back();
    out += '\n';
  }
  return out;
}

std::string ChartMarkdown(const BarChart& c) {
  std::string out = "![" + Escape(c.title, false) + "](attendance.svg)\n\n" +
                    Escape(c.description, true) + "\n\n| Month | Rate | |\n| --- | --- | --- |\n";
  for (std::size_t i = 0; i < c.labels.size(); ++i) {
    int percent = static_cast<int>(c.values[i] * 100 + 0.5);
    std::string bar;
    for (int j = 0; j < percent / 5; ++j) bar += "\xE2\x96\x88";  // █
    out += fmt::format("| {} | {}% | {} |\n", Escape(c.labels[i], false), percent, bar);
  }
  return out;
}

struct BlockMarkdown {
  std::string operator()(const Heading& h) const {
    return Anchor(h.anchor) + std::string(static_cast<std::size_t>(h.level), '#') + " " +
           Escape(h.text, false) + "\n";
  }
  std::string operator()(const Paragraph& p) const { return Inline(p.text) + "\n"; }
  std::string operator()(const List& l) const {
    std::string out = Anchor(l.anchor);
    for (const Text& item : l.items) out += "- " + Inline(item) + "\n";
    return out;
  }
  std::string operator()(const Table& t) const { return TableMarkdown(t); }
  std::string operator()(const BarChart& c) const { return ChartMarkdown(c); }
  // The chart is the HTML pages'; here its description, and the table after it.
  std::string operator()(const Timeline& t) const { return Escape(t.description, true) + "\n"; }
};

}  // namespace

std::string RenderMarkdown(const Document& doc) {
  std::string out = "# " + Escape(doc.title, false) + "\n";
  if (!doc.navigation.empty()) out += "\n" + Inline(doc.navigation) + "\n";
  for (const Content& block : doc.content) out += "\n" + std::visit(BlockMarkdown{}, block);
  return out;
}

bool IsSafeUrl(std::string_view url) {
  for (std::string_view scheme : {"https://", "http://", "mailto:"})
    if (url.size() > scheme.size() && url.substr(0, scheme.size()) == scheme) {
      for (char c : url)
        if (static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>' ||
            c == '\\' || c == '`')
          return false;
      return true;
    }
  return false;
}

std::string FileHref(const Link& link, std::string_view ext) {
  if (!link.url.empty()) return link.url;
  std::string href = link.page.empty() ? "" : link.page + "." + std::string(ext);
  if (!link.anchor.empty()) href += "#" + link.anchor;
  return href;
}

}  // namespace plenary
