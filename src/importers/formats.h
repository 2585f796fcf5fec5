// The one way minutes enter plenary: a table of formats, each able to say how
// sure it is that a text is its own (Detect) and to read it (Read).
//
// Adding a format adds a row to the table in formats.cc and a reader of its
// own; nothing else changes. `plenary import` and the web app's import both
// go through DetectFormat / ReadMinutes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/source_text.h"
#include "plenary/model.h"
#include "plenary/result.h"

namespace plenary {

struct ReadOptions {
  // The year of the meeting, for records that give none.
  std::optional<int> year;
  // Rosters of the groups plenary knows: names resolve against the group's.
  std::vector<Roster> rosters;
  // The group, for records that do not say (--group); a record that names its
  // group wins only when this is empty.
  std::optional<std::string> group;
};

// What a reader found.
struct Minutes {
  std::vector<Meeting> meetings;  // at least one, unless `workplan` is set
  // Things a person should check, each "NAME:LINE:COL: notice: ..." with the
  // line: a name that matched nobody, a rule that guessed (which one, and
  // what it took), text that was not understood.
  std::vector<std::string> notices;
  // A work plan file (format "workplan") holds this and no meeting.
  std::optional<WorkPlan> workplan;
};

// How sure a format is that a text is its own: 0 (not at all) to 100, and the
// clue it found (or, at 0, the clue it looked for and missed), in a few words.
struct Detection {
  int confidence = 0;
  std::string clue;
};

struct MinutesFormat {
  std::string_view name;         // "icann-notes", "markdown", ...: what --format takes
  std::string_view description;  // one line, for `plenary formats`
  Detection (*detect)(const SourceText& source);
  Result<Minutes> (*read)(const SourceText& source, const ReadOptions& options);
};

// Every format, in the table's order (which breaks ties in detection).
const std::vector<MinutesFormat>& MinutesFormats();
const MinutesFormat* FindMinutesFormat(std::string_view name);

struct DetectedFormat {
  const MinutesFormat* format = nullptr;
  std::string clue;
};

// The format whose Detect is most confident; equal confidence goes to the
// format earlier in the table. Fails with InvalidInput, located at line 1,
// naming each format tried and the clue it missed, when none is above 0.
Result<DetectedFormat> DetectFormat(const SourceText& source);

// Detects (or takes `format_name`, when given) and reads, saying which format
// was chosen and why ("detected: <clue>" or "chosen, not detected").
struct ReadMinutesResult {
  std::string format;
  std::string why;
  Minutes minutes;
};
Result<ReadMinutesResult> ReadMinutes(const SourceText& source, const ReadOptions& options,
                                      std::optional<std::string_view> format_name = {});

}  // namespace plenary
