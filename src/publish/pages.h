// The published set of a group's registers: the meeting records, the action
// item register, the decisions register, the attendance log (with each
// month's participation), the next meeting's agenda and the calendars, in one
// format. Every format is rendered from the same publication model
// (publish/document.h), so they all say the same thing. doc/publishing.md
// describes the pages and their files.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plenary/model.h"
#include "plenary/result.h"
#include "plenary/store.h"

namespace plenary {

enum class PublishFormat { kMarkdown, kHtml, kConfluence, kMediaWiki, kCsv, kJson, kICal };

// "markdown", "html", "confluence", "mediawiki", "csv", "json", "ical".
std::string_view PublishFormatName(PublishFormat format);
std::optional<PublishFormat> ParsePublishFormat(std::string_view name);
// Every format, in the order above (what `--format all` writes).
std::vector<PublishFormat> AllPublishFormats();

struct PublishOptions {
  // The group (short name, case-insensitive); none: every group of the
  // register. NotFound when no such group has a roster or a meeting.
  std::optional<std::string> group;
  PublishFormat format = PublishFormat::kMarkdown;
  // The day the pages are published: decides which items are overdue and by
  // how many days, and the next meeting's date.
  Date today;
  // "YYYY-MM": only that month's participation page (the monthly posting);
  // none: the whole set. InvalidInput when it is not a month.
  std::optional<std::string> month;
  // Only each meeting's own record (its minutes, one page a meeting, as
  // scribe.perl writes them), not the registers' pages; document formats
  // only (InvalidInput for csv, json and ical).
  bool meetings_only = false;
};

struct PublishedPage {
  // The wiki title, e.g. "SSR2/Action items", "SSR2/Plenary 15",
  // "SSR2/Attendance/2017-06". Unique within a set; stable across runs.
  std::string name;
  // Path relative to the output directory, e.g. "ssr2/action-items.md",
  // "ssr2/calendar.ics". Only [a-z0-9./-]; never absolute, never "..".
  std::string file;
  // The page in its format (UTF-8). Links to the other pages of the set are
  // relative file links, wiki links for MediaWiki and ac:link for Confluence.
  std::string content;
};

// Every page of the selected group(s) in `options.format`, group by group in
// short-name order. A pure function of what `store` returns and `options`.
Result<std::vector<PublishedPage>> BuildPages(Store& store, const PublishOptions& options);

// The same pages from registers already built (LoadRegisters, or
// RegistersOfMeetings for minutes made without a store); options.group is
// not applied here.
struct GroupRegisters;
Result<std::vector<PublishedPage>> RenderPages(const std::vector<GroupRegisters>& groups,
                                               const PublishOptions& options);

// What WritePages did.
struct WriteReport {
  std::vector<std::string> written;    // files created or changed
  std::vector<std::string> unchanged;  // files whose content was already that
};

// Writes `pages` under `dir` (created if missing). A file whose bytes are
// already the page's content is not touched (its mtime is kept); others are
// replaced atomically (written beside, then renamed).
Result<WriteReport> WritePages(const std::string& dir, const std::vector<PublishedPage>& pages);

}  // namespace plenary
