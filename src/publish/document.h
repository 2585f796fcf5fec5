// The publication model: a group's registers as pages of structured content
// (headings, paragraphs, lists, tables, a chart) with links between them.
// Built once by BuildDocuments (publish/registers.h); every text renderer
// (Markdown, HTML, Confluence, MediaWiki) turns the same documents into its
// format, so all formats say the same thing. Text here is plain UTF-8: each
// renderer escapes it for its format.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "plenary/model.h"  // Date

namespace plenary {

// A link to another page of the same group (page = its id, e.g.
// "action-items"; empty: this page) and an anchor in it, or to an outside
// address (url).
struct Link {
  std::string page;
  std::string anchor;
  std::string url;  // set for links outside the set (the official record)
};

struct Span {
  std::string text;
  std::optional<Link> link;
  bool strong = false;
};

using Text = std::vector<Span>;

Text Plain(std::string text);
Text Linked(std::string text, Link link);

struct Heading {
  int level = 2;  // 2..4; the page title is level 1
  std::string text;
  std::string anchor;  // empty: none
};

struct Paragraph {
  Text text;
};

struct List {
  std::vector<Text> items;
  std::string anchor;  // empty: none
};

struct Cell {
  Text text;
  std::string anchor;  // the row's anchor, given on its first cell
};

struct Table {
  std::string caption;  // for screen readers and Confluence/wiki captions
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
  bool row_headers = false;  // first column names the row (th scope=row)
};

// A bar chart of one value per label (participation rate per month, 0..1).
struct BarChart {
  std::string title;
  std::string description;
  std::vector<std::string> labels;
  std::vector<double> values;
};

// A sub-team's work plan as a Gantt chart (doc/workplan-format.md): one bar
// per task from its start to its target, milestones as diamonds, today's
// line when today falls in the plan's span, overdue tasks marked in words.
// The table of the tasks beside it says the same in text.
struct TimelineBar {
  std::string label;   // "DNS-2"
  std::string title;   // the task's title
  std::string status;  // "in progress"
  Date start;
  Date target;
  bool overdue = false;
};

struct TimelineMilestone {
  std::string name;
  Date date;
};

struct Timeline {
  std::string id;  // unique in the page: the chart's title and desc ids derive from it
  std::string title;
  std::string description;  // every fact the chart shows, as sentences
  std::vector<TimelineBar> bars;
  std::vector<TimelineMilestone> milestones;
  Date today;
};

using Content = std::variant<Heading, Paragraph, List, Table, BarChart, Timeline>;

struct Document {
  std::string id;         // "action-items", "plenary-15": file base name, link target
  std::string title;      // "SSR2 action items": the page's heading and <title>
  std::string wiki_name;  // "SSR2/Action items"
  // Links to the set's main pages, shown before the content (in HTML, by the
  // layout's <nav>, so a fragment leaves it out).
  Text navigation;
  std::vector<Content> content;
};

// The pages of one group, and how to name them in links.
struct DocumentSet {
  std::string group;      // short name, as the register spells it
  std::string directory;  // "ssr2": the group's folder in the output
  std::vector<Document> documents;
  const Document* Find(const std::string& id) const;
};

}  // namespace plenary
