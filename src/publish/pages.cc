// The published set: the group's registers (LoadRegisters), their pages
// (BuildDocuments), and each format's files.
#include "publish/pages.h"

#include <fmt/format.h>

#include <array>
#include <set>

#include "core/date.h"
#include "publish/formats/data_formats.h"
#include "publish/formats/html.h"
#include "publish/formats/renderers.h"
#include "publish/registers.h"

namespace plenary {
namespace {

constexpr std::array<std::pair<PublishFormat, std::string_view>, 7> kFormats{{
    {PublishFormat::kMarkdown, "markdown"},
    {PublishFormat::kHtml, "html"},
    {PublishFormat::kConfluence, "confluence"},
    {PublishFormat::kMediaWiki, "mediawiki"},
    {PublishFormat::kCsv, "csv"},
    {PublishFormat::kJson, "json"},
    {PublishFormat::kICal, "ical"},
}};

std::string_view Extension(PublishFormat format) {
  switch (format) {
    case PublishFormat::kMarkdown:
      return "md";
    case PublishFormat::kHtml:
      return "html";
    case PublishFormat::kConfluence:
      return "xml";
    case PublishFormat::kMediaWiki:
      return "wiki";
    default:
      return "txt";
  }
}

std::string RenderDocument(const DocumentSet& set, const Document& doc, PublishFormat format) {
  switch (format) {
    case PublishFormat::kMarkdown:
      return RenderMarkdown(doc);
    case PublishFormat::kHtml:
      return RenderHtmlPage(doc);
    case PublishFormat::kConfluence:
      return RenderConfluence(set, doc);
    default:
      return RenderWikitext(set, doc);
  }
}

const BarChart* ChartOf(const DocumentSet& set) {
  if (const Document* attendance = set.Find(kAttendancePage))
    for (const Content& c : attendance->content)
      if (const auto* chart = std::get_if<BarChart>(&c)) return chart;
  return nullptr;
}

// The set's pages in `format`; with `only`, the pages of those ids alone
// (the rest of the set is still there for the wiki formats' links).
void AddDocumentPages(const DocumentSet& set, PublishFormat format,
                      const std::set<std::string>* only, std::vector<PublishedPage>& pages) {
  for (const Document& doc : set.documents)
    if (!only || only->contains(doc.id))
      pages.push_back({doc.wiki_name,
                       set.directory + "/" + doc.id + "." + std::string(Extension(format)),
                       RenderDocument(set, doc, format)});
  if (format == PublishFormat::kMarkdown)
    if (const BarChart* chart = ChartOf(set))
      pages.push_back({set.group + "/Attendance chart", set.directory + "/attendance.svg",
                       RenderSvgChart(*chart)});
}

Status AddDataPages(const GroupRegisters& r, const std::string& dir, PublishFormat format,
                    std::vector<PublishedPage>& pages) {
  const std::string& g = r.group;
  if (format == PublishFormat::kCsv) {
    pages.push_back({g + "/Action items.csv", dir + "/action-items.csv", ActionItemsCsv(r)});
    pages.push_back({g + "/Decisions.csv", dir + "/decisions.csv", DecisionsCsv(r)});
    pages.push_back({g + "/Attendance.csv", dir + "/attendance.csv", AttendanceCsv(r)});
    pages.push_back({g + "/Participation.csv", dir + "/participation.csv", ParticipationCsv(r)});
  } else if (format == PublishFormat::kJson) {
    pages.push_back({g + "/Meetings.json", dir + "/meetings.json", MeetingsJson(r)});
    pages.push_back({g + "/Action items.json", dir + "/action-items.json", ActionItemsJson(r)});
    pages.push_back({g + "/Decisions.json", dir + "/decisions.json", DecisionsJson(r)});
    pages.push_back({g + "/Attendance.json", dir + "/attendance.json", AttendanceLogJson(r)});
  } else {
    auto calendar = GroupCalendar(r);
    if (!calendar) return calendar.error();
    pages.push_back({g + "/Calendar.ics", dir + "/calendar.ics", std::move(*calendar)});
    std::vector<std::string> files;
    for (const std::string& owner : OpenItemOwners(r)) {
      std::string file = dir + "/owners/" + Slug(owner);
      std::string unique = file;
      for (int n = 2; std::find(files.begin(), files.end(), unique) != files.end(); ++n)
        unique = file + "-" + std::to_string(n);
      files.push_back(unique);
      auto mine = OwnerCalendar(r, owner);
      if (!mine) return mine.error();
      pages.push_back({g + "/Calendar of " + owner + ".ics", unique + ".ics", std::move(*mine)});
    }
  }
  return Status::Ok();
}

// Formats whose links name pages by their wiki titles.
bool IsWikiFormat(PublishFormat f) {
  return f == PublishFormat::kConfluence || f == PublishFormat::kMediaWiki;
}

bool IsDocumentFormat(PublishFormat f) {
  return f == PublishFormat::kMarkdown || f == PublishFormat::kHtml ||
         f == PublishFormat::kConfluence || f == PublishFormat::kMediaWiki;
}

Result<std::vector<PublishedPage>> MonthPages(const std::vector<GroupRegisters>& groups,
                                              const PublishOptions& options) {
  std::optional<Date> first;
  if (options.month->size() == 7) first = ParseIsoDate(*options.month + "-01");
  if (!first) return Error::InvalidInput("--month " + *options.month + ": expected YYYY-MM");
  std::vector<PublishedPage> pages;
  for (const GroupRegisters& r : groups) {
    DocumentSet set = BuildDocuments(r);
    std::string id = MonthPageId(*first);
    if (IsDocumentFormat(options.format)) {
      const Document* doc = set.Find(id);
      Document built = doc ? *doc : BuildMonthDocument(r, *first);
      pages.push_back({built.wiki_name,
                       set.directory + "/" + id + "." + std::string(Extension(options.format)),
                       RenderDocument(set, built, options.format)});
    } else if (options.format == PublishFormat::kCsv) {
      pages.push_back({r.group + "/" + id + ".csv", set.directory + "/" + id + ".csv",
                       ParticipationCsv(r, *first)});
    } else if (options.format == PublishFormat::kJson) {
      pages.push_back({r.group + "/" + id + ".json", set.directory + "/" + id + ".json",
                       MonthParticipationJson(r, *first)});
    } else {
      return Error::InvalidInput("--month: the monthly posting has no iCalendar page");
    }
  }
  return pages;
}

}  // namespace

std::string_view PublishFormatName(PublishFormat format) {
  for (const auto& [f, name] : kFormats)
    if (f == format) return name;
  return "markdown";
}

std::optional<PublishFormat> ParsePublishFormat(std::string_view name) {
  for (const auto& [f, n] : kFormats)
    if (n == name) return f;
  return std::nullopt;
}

std::vector<PublishFormat> AllPublishFormats() {
  std::vector<PublishFormat> all;
  for (const auto& [f, name] : kFormats) all.push_back(f);
  return all;
}

Result<std::vector<PublishedPage>> BuildPages(Store& store, const PublishOptions& options) {
  auto groups = LoadRegisters(store, options.group, options.today);
  if (!groups) return groups.error();
  return RenderPages(*groups, options);
}

Result<std::vector<PublishedPage>> RenderPages(const std::vector<GroupRegisters>& groups,
                                               const PublishOptions& options) {
  if (options.month) return MonthPages(groups, options);
  if (options.meetings_only && !IsDocumentFormat(options.format))
    return Error::InvalidInput(
        fmt::format("{}: the meetings' own pages are markdown, html, confluence or mediawiki",
                    PublishFormatName(options.format)));
  std::vector<PublishedPage> pages;
  for (const GroupRegisters& r : groups) {
    if (options.meetings_only && !IsWikiFormat(options.format)) {
      AddDocumentPages(BuildMeetingDocuments(r), options.format, nullptr, pages);
    } else if (options.meetings_only) {
      std::set<std::string> meetings;
      for (const Meeting& m : r.meetings) meetings.insert(MeetingPageId(m.key));
      AddDocumentPages(BuildDocuments(r), options.format, &meetings, pages);
    } else if (IsDocumentFormat(options.format)) {
      AddDocumentPages(BuildDocuments(r), options.format, nullptr, pages);
    } else if (Status added = AddDataPages(r, Slug(r.group), options.format, pages); !added)
      return added.error();
  }
  return pages;
}

}  // namespace plenary
