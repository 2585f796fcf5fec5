// Reader for minutes kept in Markdown (wiki pages, repositories, HackMD):
// one reader with a vocabulary of headings and labels, not one per group
// (doc/formats.md, "markdown").
//
// The record is parsed with cmark-gfm (markdown_blocks.h); then headings and
// labels decide what each list item, paragraph line and table row is:
// attendance (Present, Regrets, Guests, Staff), actions (Action items, Action
// Item Review with DONE / IN PROGRESS / NEW groups, ACTION: lines, task-list
// items), decisions (Decisions, RESOLUTION: lines, minutes approved). Each
// heading that carries a date at the level of the first such heading starts
// a meeting, so a file of several sessions gives several meetings.
#pragma once

#include "importers/formats.h"

namespace plenary {

// 0 for text with none of Markdown's marks; otherwise 20..45 from ATX
// headings, front matter, list markers and tables: less than any format with
// a layout of its own, since most plain text has some of these.
Detection DetectMarkdown(const SourceText& source);

// Fails with a located InvalidInput when a meeting has no date, when no group
// is known (the record names none, no roster matches, no --group), or when the
// record holds no attendance, action or decision at all.
Result<Minutes> ReadMarkdownMinutes(const SourceText& source, const ReadOptions& options);

}  // namespace plenary
