// One renderer per text format, each turning the publication model
// (publish/document.h) into its format. Each renderer escapes every piece of
// text from the register in one place (its Escape function), so nothing a
// note says — "<script>", "|", "]]", "{{", quotes, newlines — can become
// markup.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "publish/document.h"
#include "publish/formats/html_writer.h"

namespace plenary {

// Whether an outside address may be linked: http, https or mailto only.
bool IsSafeUrl(std::string_view url);

// The relative file link of `link` for pages written as "ID.EXT" in one
// folder: "action-items.md#item-4", "#item-4", or the outside url.
std::string FileHref(const Link& link, std::string_view ext);

// GitHub-flavoured Markdown (tables, anchors as <a id>); the chart as an
// image of the page's "attendance.svg" and a text bar table.
std::string RenderMarkdown(const Document& doc);

// MediaWiki wikitext: wiki links to the set's pages by their wiki names,
// anchors as <span id>, text escaped with <nowiki> so "]]", "{{", "|" and
// "''" stay text.
std::string RenderWikitext(const DocumentSet& set, const Document& doc);

// Confluence storage format (XHTML): ac:link to the set's pages by their
// wiki names (page titles), anchor macros, the chart as Confluence's chart
// macro over its table.
std::string RenderConfluence(const DocumentSet& set, const Document& doc);

// The chart as an accessible standalone SVG document (title, desc, text
// labels); the same markup is embedded inline in HTML pages.
std::string RenderSvgChart(const BarChart& chart);
// The same chart written into a page under construction (the web app's
// attendance page and the published HTML).
void WriteSvgChart(html::HtmlWriter& w, const BarChart& chart);

// A work plan's timeline as an accessible inline SVG Gantt chart
// (formats/gantt_chart.cc), for the published HTML and the web app alike.
void WriteGanttChart(html::HtmlWriter& w, const Timeline& timeline);

}  // namespace plenary
