#include "publish/formats/html.h"

#include <variant>

#include "publish/assets.h"
#include "publish/formats/renderers.h"

namespace plenary {
namespace {

using html::HtmlWriter;

void WriteInline(HtmlWriter& w, const Text& text, const HrefOf& href) {
  for (const Span& s : text) {
    if (s.strong) w.Open("strong");
    if (s.link && (s.link->url.empty() || IsSafeUrl(s.link->url)))
      w.Link(href(*s.link), s.text);
    else
      w.Text(s.text);
    if (s.strong) w.Close("strong");
  }
}

void WriteTable(HtmlWriter& w, const Table& t, const HrefOf& href) {
  w.Open("div", {{"class", "table-wrap"}}).Open("table").Raw("\n");
  w.Element("caption", t.caption).Raw("\n").Open("thead").Open("tr");
  for (const std::string& h : t.header) w.Element("th", h, {{"scope", "col"}});
  w.Close("tr").Close("thead").Raw("\n").Open("tbody").Raw("\n");
  for (const auto& row : t.rows) {
    const std::string anchor = row.empty() ? std::string() : row.front().anchor;
    w.Open("tr", {{anchor.empty() ? "" : "id", anchor}});
    for (std::size_t i = 0; i < row.size(); ++i) {
      const bool th = i == 0 && t.row_headers;
      w.Open(th ? "th" : "td", {{th ? "scope" : "", "row"}});
      WriteInline(w, row[i].text, href);
      w.Close(th ? "th" : "td");
    }
    w.Close("tr").Raw("\n");
  }
  w.Close("tbody").Raw("\n").Close("table").Close("div").Raw("\n");
}

struct BlockHtml {
  HtmlWriter& w;
  const HrefOf& href;
  void operator()(const Heading& h) const {
    static constexpr std::string_view kTags[] = {"h1", "h1", "h2", "h3", "h4"};
    const std::string_view tag = kTags[h.level < 1 ? 1 : h.level > 4 ? 4 : h.level];
    w.Element(tag, h.text, {{h.anchor.empty() ? "" : "id", h.anchor}}).Raw("\n");
  }
  void operator()(const Paragraph& p) const {
    w.Open("p");
    WriteInline(w, p.text, href);
    w.Close("p").Raw("\n");
  }
  void operator()(const List& l) const {
    w.Open("ul", {{l.anchor.empty() ? "" : "id", l.anchor}}).Raw("\n");
    for (const Text& item : l.items) {
      w.Open("li");
      WriteInline(w, item, href);
      w.Close("li").Raw("\n");
    }
    w.Close("ul").Raw("\n");
  }
  void operator()(const Table& t) const { WriteTable(w, t, href); }
  void operator()(const BarChart& c) const {
    w.Open("figure").Raw("\n");
    WriteSvgChart(w, c);
    w.Element("figcaption", c.description).Raw("\n").Close("figure").Raw("\n");
  }
  void operator()(const Timeline& t) const {
    w.Open("figure", {{"class", "timeline"}}).Raw("\n");
    WriteGanttChart(w, t);
    w.Element("figcaption", t.description).Raw("\n").Close("figure").Raw("\n");
  }
};

}  // namespace

void WriteHtmlFragment(HtmlWriter& w, const Document& doc, const HrefOf& href) {
  w.Element("h1", doc.title).Raw("\n");
  WriteHtmlContent(w, doc.content, href);
}

void WriteHtmlContent(HtmlWriter& w, const std::vector<Content>& content, const HrefOf& href) {
  for (const Content& block : content) std::visit(BlockHtml{w, href}, block);
}

std::string RenderHtmlFragment(const Document& doc, const HrefOf& href) {
  HtmlWriter w;
  WriteHtmlFragment(w, doc, href);
  return w.str();
}

// The web app's stylesheet (web/style.css), so that published pages and the
// app look the same.
std::string_view HtmlStylesheet() { return FindAsset("style.css")->bytes; }

std::string HtmlLayout(std::string_view title, const Text& navigation, const HrefOf& href,
                       std::string_view body_fragment) {
  HtmlWriter w;
  w.Raw("<!DOCTYPE html>\n");
  w.Open("html", {{"xmlns", "http://www.w3.org/1999/xhtml"}, {"lang", "en"}, {"xml:lang", "en"}});
  w.Raw("\n").Open("head").Raw("\n").Void("meta", {{"charset", "utf-8"}}).Raw("\n");
  w.Void("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
  w.Raw("\n").Element("title", title).Raw("\n").Open("style");
  // The stylesheet is the program's own text, never data.
  std::string out = w.str() + std::string(HtmlStylesheet()) + "</style>\n</head>\n<body>\n";
  if (!navigation.empty()) {
    HtmlWriter nav;
    nav.Open("nav", {{"aria-label", "Registers"}});
    WriteInline(nav, navigation, href);
    out += nav.Close("nav").Raw("\n").str();
  }
  out += "<main>\n";
  out += body_fragment;
  return out + "</main>\n</body>\n</html>\n";
}

std::string RenderHtmlPage(const Document& doc) {
  HrefOf href = [](const Link& link) { return FileHref(link, "html"); };
  return HtmlLayout(doc.title, doc.navigation, href, RenderHtmlFragment(doc, href));
}

}  // namespace plenary
