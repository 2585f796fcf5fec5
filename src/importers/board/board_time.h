// Times of day as board minutes write them ("10:30am (Pacific)", "11:41
// a.m. (Pacific)", "began at 10:34") and their conversion to UTC. The board
// meets in US Pacific time; US zones follow the US daylight-saving rules of
// the meeting's year.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "plenary/model.h"

namespace plenary::board {

struct WrittenTime {
  int hour = 0;  // as written, 1..12 with a meridiem, 0..23 without
  int minute = 0;
  char meridiem = 0;  // 'a', 'p', or 0 when none is written
  std::size_t at = 0;   // byte offset in the text searched
  std::size_t end = 0;  // byte offset after the time (and its meridiem)
};

// The first "H:MM" in `text` from byte `from` on, with an "am"/"a.m."/"pm"/
// "p.m." after it if there is one.
std::optional<WrittenTime> FindWrittenTime(std::string_view text, std::size_t from = 0);

// A time zone named right after a time: "(Pacific)", "Pacific", "PST", "PDT",
// "PT", "Eastern", "UTC", "GMT", ... The offset from UTC in minutes on `date`.
struct WrittenZone {
  std::string name;  // as written: "Pacific", "PDT", "UTC"
  int offset_minutes = 0;
};
std::optional<WrittenZone> ZoneAfter(std::string_view text, std::size_t at, const Date& date);

// Whether US daylight-saving time is in force on `date` (the rules of 1967,
// 1987 and 2007; the change at 2 a.m. is ignored: no board meets then).
bool UsDaylightSaving(const Date& date);

// 24-hour time of `time`: a time without a meridiem takes `like`'s half of
// the day when it is given ("began at 10:34" after "scheduled for 10:30am").
TimeOfDay ClockOf(const WrittenTime& time, std::optional<char> like = std::nullopt);

// `local` at `offset_minutes` from UTC, as UTC (wrapping past midnight).
TimeOfDay ToUtc(TimeOfDay local, int offset_minutes);

}  // namespace plenary::board
