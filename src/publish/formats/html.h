// Standalone HTML: polyglot XHTML5 (well-formed XML, valid HTML), readable on
// a phone (viewport, tables that scroll sideways) and printable (print
// stylesheet). A page's body is a fragment of its own, so the web app can
// wrap the same fragments in its own layout; the stylesheet is one string.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "publish/document.h"
#include "publish/formats/html_writer.h"

namespace plenary {

// How a link is written as an href: for published files, FileHref(link,
// "html"); the web app passes its own routes.
using HrefOf = std::function<std::string(const Link&)>;

// The document's title as <h1> and its content (no navigation), as a
// <main>-less fragment of XHTML: headings with ids, tables with caption and
// th scope, the chart as inline SVG.
std::string RenderHtmlFragment(const Document& doc, const HrefOf& href);
void WriteHtmlFragment(html::HtmlWriter& w, const Document& doc, const HrefOf& href);
// Only the content, for a page that writes its own heading and forms.
void WriteHtmlContent(html::HtmlWriter& w, const std::vector<Content>& content, const HrefOf& href);

// The stylesheet every published page embeds (screen, small screens, print).
std::string_view HtmlStylesheet();

// A whole page: <!DOCTYPE html>, lang, charset, viewport, <title>, the
// stylesheet, `navigation` in <nav> when not empty, and `body_fragment`
// inside <main>.
std::string HtmlLayout(std::string_view title, const Text& navigation, const HrefOf& href,
                       std::string_view body_fragment);

// HtmlLayout around RenderHtmlFragment, links as relative .html files.
std::string RenderHtmlPage(const Document& doc);

}  // namespace plenary
