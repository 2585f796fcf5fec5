#include "importers/formats.h"

#include <fmt/format.h>

#include "importers/board/board_minutes.h"
#include "importers/icann/wiki_page.h"
#include "importers/icann_header.h"
#include "importers/icann_notes.h"
#include "importers/markdown/markdown_reader.h"
#include "importers/meetbot/meetbot.h"
#include "importers/w3c_irc/w3c_irc.h"
#include "importers/workplan_file.h"

namespace plenary {
namespace {

int FirstNonBlankLine(const SourceText& source) {
  for (int n = 1; n <= static_cast<int>(source.line_count()); ++n)
    if (source.line(n).find_first_not_of(" \t") != std::string_view::npos) return n;
  return 0;
}

Detection DetectIcannNotes(const SourceText& source) {
  int first = FirstNonBlankLine(source);
  if (first == 0 || !ReadNotesHeader(source, first).ok())
    return {0, "no header line such as 'SSR2 Plenary Meeting #15 - Tuesday 13 June @ 06:00 UTC'"};
  return {60, "a header line 'GROUP KIND #N - DATE'"};
}

Result<Minutes> ReadIcannNotesFormat(const SourceText& source, const ReadOptions& options) {
  auto notes = ReadIcannNotes(source, {options.year, options.rosters});
  if (!notes.ok()) return notes.error();
  Minutes minutes;
  minutes.meetings.push_back(std::move(notes->meeting));
  minutes.notices = std::move(notes->warnings);
  return minutes;
}

}  // namespace

// The order breaks ties in detection: a more specific layout comes before a
// more general one that would also claim its files.
const std::vector<MinutesFormat>& MinutesFormats() {
  static const std::vector<MinutesFormat> formats = {
      {"icann-notes", "ICANN review-team notes as e-mailed after a call (header, table, summary)",
       DetectIcannNotes, ReadIcannNotesFormat},
      {"icann-wiki", "ICANN review-team wiki meeting page, copied as text", DetectIcannWikiPage,
       ReadIcannWikiPage},
      {"asf-board-minutes",
       "Apache Software Foundation board minutes (roll call, Special Orders, action items)",
       DetectAsfBoardMinutes, ReadAsfBoardMinutes},
      {"asf-board-agenda",
       "Apache Software Foundation board agenda (the outstanding action items before a meeting)",
       DetectAsfBoardAgenda, ReadAsfBoardAgenda},
      {"w3c-irc", "W3C IRC meeting log as RRSAgent keeps it (scribe.perl's conventions)",
       DetectW3cIrc, ReadW3cIrc},
      {"meetbot-json", "hcoop-meetbot's raw JSON meeting log (messages and events)",
       meetbot::DetectJson, meetbot::ReadJson},
      {"meetbot-minutes", "MeetBot's text minutes (Meeting summary, People present)",
       meetbot::DetectMinutes, meetbot::ReadMinutesText},
      {"meetbot-log", "an IRC log with MeetBot commands (#startmeeting, #topic, #action...)",
       meetbot::DetectLog, meetbot::ReadLog},
      {"workplan",
       "a sub-team work plan in TOML: subtopics, tasks with leaders and dates, milestones",
       DetectWorkPlan, ReadWorkPlanFormat},
      {"markdown",
       "Markdown minutes (wiki pages, repositories, HackMD): headings, lists, task lists, "
       "tables, front matter",
       DetectMarkdown, ReadMarkdownMinutes},
  };
  return formats;
}

const MinutesFormat* FindMinutesFormat(std::string_view name) {
  for (const MinutesFormat& format : MinutesFormats())
    if (format.name == name) return &format;
  return nullptr;
}

Result<DetectedFormat> DetectFormat(const SourceText& source) {
  DetectedFormat best;
  int best_confidence = 0;
  std::string missed;
  for (const MinutesFormat& format : MinutesFormats()) {
    Detection d = format.detect(source);
    if (d.confidence > best_confidence) {
      best_confidence = d.confidence;
      best = {&format, std::move(d.clue)};
    } else if (d.confidence == 0) {
      missed += fmt::format("\n  {}: {}", format.name, d.clue);
    }
  }
  if (best.format) return best;
  return source.ErrorAt(1, 0,
                        "not a record plenary can read: no format recognised it (give one "
                        "with --format; `plenary formats` lists them)" +
                            missed);
}

Result<ReadMinutesResult> ReadMinutes(const SourceText& source, const ReadOptions& options,
                                      std::optional<std::string_view> format_name) {
  const MinutesFormat* format = nullptr;
  std::string why;
  if (format_name) {
    format = FindMinutesFormat(*format_name);
    if (!format)
      return Error::InvalidInput(fmt::format("unknown format '{}' (`plenary formats` lists them)",
                                             *format_name));
    why = "chosen, not detected";
  } else {
    auto detected = DetectFormat(source);
    if (!detected.ok()) return detected.error();
    format = detected->format;
    why = "detected: " + detected->clue;
  }
  auto minutes = format->read(source, options);
  if (!minutes.ok()) return minutes.error();
  if (minutes->meetings.empty() && !minutes->workplan)
    return source.ErrorAt(1, 0, fmt::format("read as {}, but it holds no meeting", format->name));
  return ReadMinutesResult{std::string(format->name), std::move(why), std::move(*minutes)};
}

}  // namespace plenary
