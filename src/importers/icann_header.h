// The header line of ICANN-style notes:
//   "SSR2 Plenary Meeting #15 - Tuesday 13 June @ 06:00 UTC"
// and the rule that gives a header without a year its year.
#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "importers/source_text.h"
#include "plenary/model.h"
#include "plenary/result.h"

namespace plenary {

struct NotesHeader {
  int line = 0;
  int last_line = 0;  // the date may stand on the line after the title
  std::string group;  // "SSR2"
  std::string kind;   // "Plenary"
  int number = 0;     // 15
  int weekday = -1;   // 0 = Sunday; -1 when not written
  WrittenDate date;   // year 0 when not written
  std::optional<TimeOfDay> start_utc;
};

// The start of the first time or time range in `text` written in UTC:
// "14:00 - 15:30 UTC (timezone converter here)", "at 06:00 UTC". nullopt when
// there is none, or when its zone is not UTC (`other_zone` then says so).
std::optional<TimeOfDay> StartTimeUtc(std::string_view text, bool* other_zone = nullptr);

// Reads the header at line `line` of `source`.
Result<NotesHeader> ReadNotesHeader(const SourceText& source, int line);

// The meeting's date: the header's own year; else `year`; else the only year
// in the group's active period (from `roster`) in which the day falls on the
// written weekday. Fails, saying why, when none of these decides, when the
// weekday contradicts the date, or when the day does not exist.
Result<Date> ResolveMeetingDate(const SourceText& source, const NotesHeader& header,
                                std::optional<int> year, const Roster* roster);

}  // namespace plenary
