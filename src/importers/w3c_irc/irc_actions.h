// The action items of a W3C IRC log: "ACTION: Frank, Mary and Kate to ...",
// "action Ann: publish report 17", "Action Fred to do something" (scribe.perl's
// three forms), and what trackbot answered ("Created ACTION-1971 - ... [on
// Steven Pemberton - due 2014-04-16].", or an error).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace plenary {

// What an ACTION line says.
struct ActionLine {
  std::string text;                 // after "ACTION:", as written
  std::vector<std::string> owners;  // as written, before " to " or ":"
  std::string task;                 // what is to be done (text without the owners)
  std::string written_status;       // "[DONE]" at its end: "done"
};

// The action `line` (a whole message) records, or none. Owners are the names
// before " to " (at most eight words, split as lists are: "A, B and C") or
// before a ':' ("action Ann: ..."); none when neither fits.
std::optional<ActionLine> ReadActionLine(std::string_view line);

// "ACTION-12 = text", "action 3 = text": a new wording for an action. With
// the hyphen the number is the tracker's (trackbot's ACTION-12); with a space,
// RRSAgent's count of the meeting's actions.
struct ActionReplacement {
  int number = 0;
  std::string text;
  bool tracker = false;
};
std::optional<ActionReplacement> ReadActionReplacement(std::string_view line);

// "close action-182", "close ACTION 182": the number.
std::optional<int> ReadCloseAction(std::string_view line);

// trackbot's answer to an ACTION line.
struct TrackbotReply {
  bool created = false;  // false: an error (not connected, ambiguous name)
  int number = 0;
  std::string owner;        // "Steven Pemberton"
  std::optional<Date> due;  // trackbot's default is a week on
};
std::optional<TrackbotReply> ReadTrackbotReply(std::string_view line);

// Whether two actions' tasks say the same thing: most of the content words
// of the shorter are in the longer.
bool SameTask(std::string_view a, std::string_view b);

}  // namespace plenary
