// Confluence storage format: XHTML with Confluence's ac:/ri: elements. Text
// is escaped as XML (html::Escape); links to the set's pages are ac:link by page
// title, so they survive the pages being moved within a space.
#include <fmt/format.h>

#include <variant>

#include "publish/formats/html.h"
#include "publish/formats/renderers.h"

namespace plenary {
namespace {

std::string AnchorMacro(const std::string& anchor) {
  if (anchor.empty()) return "";
  return "<ac:structured-macro ac:name=\"anchor\"><ac:parameter ac:name=\"\">" +
         html::Escape(anchor) + "</ac:parameter></ac:structured-macro>";
}

struct Renderer {
  const DocumentSet& set;

  std::string LinkTo(const Link& link, const std::string& body) const {
    if (!link.url.empty())
      return IsSafeUrl(link.url) ? "<a href=\"" + html::Escape(link.url) + "\">" + body + "</a>"
                                 : body;
    std::string out = "<ac:link";
    if (!link.anchor.empty()) out += " ac:anchor=\"" + html::Escape(link.anchor) + "\"";
    out += ">";
    if (const Document* target = link.page.empty() ? nullptr : set.Find(link.page))
      out += "<ri:page ri:content-title=\"" + html::Escape(target->wiki_name) + "\"/>";
    return out + "<ac:link-body>" + body + "</ac:link-body></ac:link>";
  }

  std::string Inline(const Text& text) const {
    std::string out;
    for (const Span& s : text) {
      std::string t = html::Escape(s.text);
      if (s.link) t = LinkTo(*s.link, t);
      if (s.strong) t = "<strong>" + t + "</strong>";
      out += t;
    }
    return out;
  }

  std::string TableXml(const Table& t) const {
    std::string out = "<table><tbody>\n<tr>";
    for (const std::string& h : t.header) out += "<th>" + html::Escape(h) + "</th>";
    out += "</tr>\n";
    for (const auto& row : t.rows) {
      out += "<tr>";
      for (std::size_t i = 0; i < row.size(); ++i) {
        bool th = i == 0 && t.row_headers;
        out += th ? "<th>" : "<td>";
        out += AnchorMacro(row[i].anchor) + Inline(row[i].text);
        out += th ? "</th>" : "</td>";
      }
      out += "</tr>\n";
    }
    return out + "</tbody></table>\n";
  }

  std::string operator()(const Heading& h) const {
    return fmt::format("<h{0}>{1}{2}</h{0}>\n", h.level, AnchorMacro(h.anchor),
                       html::Escape(h.text));
  }
  std::string operator()(const Paragraph& p) const { return "<p>" + Inline(p.text) + "</p>\n"; }
  std::string operator()(const List& l) const {
    std::string out = l.anchor.empty() ? "" : "<p>" + AnchorMacro(l.anchor) + "</p>\n";
    out += "<ul>\n";
    for (const Text& item : l.items) out += "<li>" + Inline(item) + "</li>\n";
    return out + "</ul>\n";
  }
  std::string operator()(const Table& t) const {
    return "<p><strong>" + html::Escape(t.caption) + "</strong></p>\n" + TableXml(t);
  }
  std::string operator()(const Timeline& t) const {
    return "<p>" + html::Escape(t.description) + "</p>\n";
  }
  std::string operator()(const BarChart& c) const {
    Table data{c.title, {"Month", "Rate (%)"}, {}, false};
    for (std::size_t i = 0; i < c.labels.size(); ++i)
      data.rows.push_back({Cell{Plain(c.labels[i]), ""},
                           Cell{Plain(fmt::format("{:.0f}", c.values[i] * 100)), ""}});
    return "<ac:structured-macro ac:name=\"chart\">"
           "<ac:parameter ac:name=\"type\">bar</ac:parameter>"
           "<ac:parameter ac:name=\"title\">" +
           html::Escape(c.title) +
           "</ac:parameter><ac:parameter ac:name=\"rangeAxisUpperBound\">100</ac:parameter>"
           "<ac:rich-text-body>\n" +
           TableXml(data) + "</ac:rich-text-body></ac:structured-macro>\n<p>" +
           html::Escape(c.description) + "</p>\n";
  }
};

}  // namespace

std::string RenderConfluence(const DocumentSet& set, const Document& doc) {
  Renderer r{set};
  std::string out;
  if (!doc.navigation.empty()) out += "<p>" + r.Inline(doc.navigation) + "</p>\n";
  for (const Content& block : doc.content) out += std::visit(r, block);
  return out;
}

}  // namespace plenary
