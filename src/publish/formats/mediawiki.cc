// MediaWiki wikitext. Every character that wikitext could read as markup
// ([ ] { } | < > & ' = ~ _ * # : ; and line breaks) is written as an HTML
// entity, which the wiki shows as the character: "]]" cannot close a link,
// "{{" cannot open a template, "|" cannot split a table cell.
#include <fmt/format.h>

#include <variant>

#include "publish/formats/renderers.h"

namespace plenary {
namespace {

constexpr std::string_view kMarkup = "[]{}|<>&'=~_*#:;!-\"";

std::string Escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t')
      out += ' ';
    else if (kMarkup.find(c) != std::string_view::npos)
      out += fmt::format("&#{};", static_cast<int>(c));
    else
      out += c;
  }
  return out;
}

std::string AnchorSpan(const std::string& anchor) {
  return anchor.empty() ? "" : "<span id=\"" + anchor + "\"></span>";
}

struct Renderer {
  const DocumentSet& set;
  const Document& doc;

  std::string LinkTo(const Link& link, const std::string& body) const {
    if (!link.url.empty()) return IsSafeUrl(link.url) ? "[" + link.url + " " + body + "]" : body;
    const Document* target = link.page.empty() ? &doc : set.Find(link.page);
    std::string title = target ? target->wiki_name : doc.wiki_name;
    if (!link.anchor.empty()) title += "#" + link.anchor;
    return "[[" + title + "|" + body + "]]";
  }

  std::string Inline(const Text& text) const {
    std::string out;
    for (const Span& s : text) {
      std::string t = Escape(s.text);
      if (s.link) t = LinkTo(*s.link, t);
      if (s.strong) t = "'''" + t + "'''";
      out += t;
    }
    return out;
  }

  std::string operator()(const Heading& h) const {
    std::string marks(static_cast<std::size_t>(h.level), '=');
    return AnchorSpan(h.anchor) + (h.anchor.empty() ? "" : "\n") + marks + " " + Escape(h.text) +
           " " + marks + "\n";
  }
  std::string operator()(const Paragraph& p) const { return Inline(p.text) + "\n"; }
  std::string operator()(const List& l) const {
    std::string out = AnchorSpan(l.anchor) + (l.anchor.empty() ? "" : "\n");
    for (const Text& item : l.items) out += "* " + Inline(item) + "\n";
    return out;
  }
  std::string operator()(const Table& t) const {
    std::string out = "{| class=\"wikitable\"\n|+ " + Escape(t.caption) + "\n";
    for (const std::string& h : t.header) out += "! scope=\"col\" | " + Escape(h) + "\n";
    for (const auto& row : t.rows) {
      out += "|-\n";
      for (std::size_t i = 0; i < row.size(); ++i) {
        bool th = i == 0 && t.row_headers;
        out += th ? "! scope=\"row\" | " : "| ";
        out += AnchorSpan(row[i].anchor) + Inline(row[i].text) + "\n";
      }
    }
    return out + "|}\n";
  }
  std::string operator()(const Timeline& t) const { return Escape(t.description) + "\n"; }
  std::string operator()(const BarChart& c) const {
    std::string out = Escape(c.description) + "\n\n{| class=\"wikitable\"\n|+ " + Escape(c.title) +
                      "\n! scope=\"col\" | Month\n! scope=\"col\" | Rate\n! "
                      "scope=\"col\" | \n";
    for (std::size_t i = 0; i < c.labels.size(); ++i) {
      int percent = static_cast<int>(c.values[i] * 100 + 0.5);
      std::string bar;
      for (int j = 0; j < percent / 5; ++j) bar += "\xE2\x96\x88";  // █
      out += fmt::format("|-\n| {}\n| {}%\n| {}\n", Escape(c.labels[i]), percent, bar);
    }
    return out + "|}\n";
  }
};

}  // namespace

std::string RenderWikitext(const DocumentSet& set, const Document& doc) {
  Renderer r{set, doc};
  std::string out;
  if (!doc.navigation.empty()) out += r.Inline(doc.navigation) + "\n";
  for (const Content& block : doc.content) out += "\n" + std::visit(r, block);
  return out;
}

}  // namespace plenary
