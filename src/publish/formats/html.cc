#include "publish/formats/html.h"

#include <fmt/format.h>

#include <variant>

#include "publish/formats/renderers.h"

namespace plenary {
namespace {

constexpr std::string_view kStylesheet = R"css(
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b;
  background: #fff; margin: 0 auto; padding: 0 1rem 2rem; max-width: 72rem; }
nav { padding: .75rem 0; border-bottom: 1px solid #ccc; margin-bottom: 1rem; }
nav a, main a { color: #0b57a4; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
.table-wrap { overflow-x: auto; margin: .5rem 0 1rem; }
table { border-collapse: collapse; min-width: 50%; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #eef2f6; }
tbody th { font-weight: 600; background: #f7f7f7; }
figure { margin: 1rem 0; }
svg { max-width: 100%; height: auto; }
:focus { outline: 3px solid #f0a500; }
@media (max-width: 40rem) { body { font-size: 15px; padding: 0 .5rem 1rem; } th, td { padding: .2rem .3rem; } }
@media print {
  nav { display: none; }
  body { max-width: none; font-size: 11pt; color: #000; }
  a { color: #000; text-decoration: none; }
  .table-wrap { overflow: visible; }
  table, figure { page-break-inside: auto; }
  tr, h2, h3 { page-break-inside: avoid; page-break-after: auto; }
  h2, h3 { page-break-after: avoid; }
}
)css";

std::string Inline(const Text& text, const HrefOf& href) {
  std::string out;
  for (const Span& s : text) {
    std::string t = EscapeHtml(s.text);
    if (s.link && (s.link->url.empty() || IsSafeUrl(s.link->url)))
      t = "<a href=\"" + EscapeHtml(href(*s.link)) + "\">" + t + "</a>";
    if (s.strong) t = "<strong>" + t + "</strong>";
    out += t;
  }
  return out;
}

std::string IdAttribute(const std::string& anchor) {
  return anchor.empty() ? "" : " id=\"" + EscapeHtml(anchor) + "\"";
}

std::string TableHtml(const Table& t, const HrefOf& href) {
  std::string out = "<div class=\"table-wrap\"><table>\n<caption>" + EscapeHtml(t.caption) +
                    "</caption>\n<thead><tr>";
  for (const std::string& h : t.header) out += "<th scope=\"col\">" + EscapeHtml(h) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr" + (row.empty() ? std::string() : IdAttribute(row.front().anchor)) + ">";
    for (std::size_t i = 0; i < row.size(); ++i) {
      bool th = i == 0 && t.row_headers;
      out += th ? "<th scope=\"row\">" : "<td>";
      out += Inline(row[i].text, href);
      out += th ? "</th>" : "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table></div>\n";
}

struct BlockHtml {
  const HrefOf& href;
  std::string operator()(const Heading& h) const {
    return fmt::format("<h{0}{1}>{2}</h{0}>\n", h.level, IdAttribute(h.anchor), EscapeHtml(h.text));
  }
  std::string operator()(const Paragraph& p) const {
    return "<p>" + Inline(p.text, href) + "</p>\n";
  }
  std::string operator()(const List& l) const {
    std::string out = "<ul" + IdAttribute(l.anchor) + ">\n";
    for (const Text& item : l.items) out += "<li>" + Inline(item, href) + "</li>\n";
    return out + "</ul>\n";
  }
  std::string operator()(const Table& t) const { return TableHtml(t, href); }
  std::string operator()(const BarChart& c) const {
    return "<figure>\n" + RenderSvgChart(c) + "<figcaption>" + EscapeHtml(c.description) +
           "</figcaption>\n</figure>\n";
  }
};

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        // XML 1.0 allows no C0 controls but tab and line breaks.
        out += (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') ? ' ' : c;
    }
  }
  return out;
}

std::string RenderHtmlFragment(const Document& doc, const HrefOf& href) {
  std::string out = "<h1>" + EscapeHtml(doc.title) + "</h1>\n";
  for (const Content& block : doc.content) out += std::visit(BlockHtml{href}, block);
  return out;
}

std::string_view HtmlStylesheet() { return kStylesheet; }

std::string HtmlLayout(std::string_view title, const Text& navigation, const HrefOf& href,
                       std::string_view body_fragment) {
  std::string out =
      "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" "
      "xml:lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>" +
      EscapeHtml(title) + "</title>\n<style>" + std::string(kStylesheet) +
      "</style>\n</head>\n<body>\n";
  if (!navigation.empty())
    out += "<nav aria-label=\"Registers\">" + Inline(navigation, href) + "</nav>\n";
  out += "<main>\n";
  out += body_fragment;
  return out + "</main>\n</body>\n</html>\n";
}

std::string RenderHtmlPage(const Document& doc) {
  HrefOf href = [](const Link& link) { return FileHref(link, "html"); };
  return HtmlLayout(doc.title, doc.navigation, href, RenderHtmlFragment(doc, href));
}

}  // namespace plenary
