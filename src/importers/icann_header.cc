#include "importers/icann_header.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <vector>

#include "core/text.h"

namespace plenary {
namespace {

using std::chrono::sys_days;
using std::chrono::weekday;

constexpr std::string_view kExpectedHeader =
    "expected a header like 'SSR2 Plenary Meeting #15 - Tuesday 13 June @ 06:00 UTC'";

int ColumnAt(std::string_view line, std::string_view part) {
  return ColumnOfByte(line, static_cast<std::size_t>(part.data() - line.data()));
}

bool IsSeparatorWord(std::string_view w) {
  return w == "-" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94" || w == ":" || w == "|" ||
         w == "," || w == "@" || EqualsNoCase(w, "at") || EqualsNoCase(w, "on");
}

// "HH:MM" with 0 <= HH <= 23, 0 <= MM <= 59, and nothing else.
std::optional<TimeOfDay> ParseClock(std::string_view s) {
  std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() != colon + 3)
    return std::nullopt;
  int hour = 0, minute = 0;
  auto h = std::from_chars(s.data(), s.data() + colon, hour);
  auto m = std::from_chars(s.data() + colon + 1, s.data() + s.size(), minute);
  if (h.ec != std::errc() || h.ptr != s.data() + colon || m.ec != std::errc() ||
      m.ptr != s.data() + s.size() || hour > 23 || minute > 59)
    return std::nullopt;
  return TimeOfDay{hour, minute};
}

// "06:00", or a range "06:00-07:30" (en dash too), whose start is kept.
std::optional<TimeOfDay> ParseTime(std::string_view word) {
  for (std::string_view dash : {"-", "\xE2\x80\x93"}) {
    std::size_t at = word.find(dash);
    if (at == std::string_view::npos) continue;
    if (!ParseClock(word.substr(at + dash.size()))) return std::nullopt;
    return ParseClock(word.substr(0, at));
  }
  return ParseClock(word);
}

// A word that starts like a time ("14:00CEST", "2:00pm") but is not one.
bool LooksLikeTime(std::string_view word) {
  std::size_t colon = word.find(':');
  return colon != std::string_view::npos && colon > 0 && colon <= 2 &&
         std::all_of(word.begin(), word.begin() + static_cast<long>(colon),
                     [](char c) { return c >= '0' && c <= '9'; });
}

bool IsUtcWord(std::string_view w) {
  std::string lower = AsciiLower(w);
  while (!lower.empty() && (lower.back() == ')' || lower.back() == '.')) lower.pop_back();
  if (!lower.empty() && lower.front() == '(') lower.erase(0, 1);
  return lower == "utc" || lower == "gmt" || lower == "z";
}

// Whether `text` holds a date after optional separators and a weekday.
bool HasDate(std::string_view text) {
  std::vector<std::string_view> words = SplitWords(text);
  std::size_t i = 0;
  while (i < words.size() && IsSeparatorWord(words[i])) ++i;
  if (i < words.size() &&
      WeekdayFromName(words[i].back() == ',' ? words[i].substr(0, words[i].size() - 1)
                                             : words[i]) >= 0)
    ++i;
  std::string joined;
  for (std::size_t j = i; j < words.size() && j < i + 3; ++j) {
    if (ParseTime(words[j]) || words[j] == "@" || EqualsNoCase(words[j], "at")) break;
    joined += std::string(words[j]) + " ";
    if (ParseWrittenDate(joined)) return true;
  }
  return false;
}

// Reads "[separator] [weekday[,]] date [@|at] [time [UTC]]" from `rest`, a part
// of line `n`, into `header`.
Result<NotesHeader> ReadWhen(const SourceText& source, int n, std::string_view rest,
                             NotesHeader& header) {
  std::string_view line = source.line(n);
  // After the number: [separator] [weekday[,]] date [@|at] [time [UTC]]
  std::vector<std::string_view> words = SplitWords(rest);
  std::vector<std::string_view> date_words;
  std::size_t i = 0;
  while (i < words.size() && IsSeparatorWord(words[i])) ++i;
  if (i < words.size()) {
    std::string_view w = words[i];
    if (!w.empty() && w.back() == ',') w.remove_suffix(1);
    if (int wd = WeekdayFromName(w); wd >= 0) {
      header.weekday = wd;
      ++i;
    }
  }
  for (; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (ParseTime(w) || IsUtcWord(w)) break;
    if (LooksLikeTime(w)) {
      return source.ErrorAt(
          n, ColumnAt(line, w),
          fmt::format("'{}' is not a start time; expected HH:MM UTC (24-hour)", w));
    }
    if (IsSeparatorWord(w)) continue;  // "@", "at", a dash before the time
    date_words.push_back(w);
  }
  if (date_words.empty())
    return source.ErrorAt(n, 0,
                          fmt::format("no date after the meeting number; {}", kExpectedHeader));
  std::string_view date_text(
      date_words.front().data(),
      static_cast<std::size_t>(date_words.back().data() + date_words.back().size() -
                               date_words.front().data()));
  auto date = ParseWrittenDate(date_text);
  if (!date) {
    std::string shown(date_text.substr(0, 40));
    if (shown.size() < date_text.size()) shown += "...";
    return source.ErrorAt(n, ColumnAt(line, date_text),
                          fmt::format("'{}' is not a date; expected a date like '13 June' or "
                                      "'13 June 2017'",
                                      shown));
  }
  header.date = *date;
  if (i < words.size()) {
    if (auto time = ParseTime(words[i])) {
      std::size_t next = i + 1;
      // "06:00 - 07:30 UTC", "06:00 to 07:30 UTC": the end of a range.
      if (next + 1 < words.size() &&
          (words[next] == "-" || words[next] == "\xE2\x80\x93" ||
           EqualsNoCase(words[next], "to")) &&
          ParseTime(words[next + 1]))
        next += 2;
      bool utc = next < words.size() && IsUtcWord(words[next]);
      if (!utc && next < words.size() && !words[next].starts_with("(")) {
        return source.ErrorAt(n, ColumnAt(line, words[next]),
                              fmt::format("start time in '{}': plenary records times in UTC; "
                                          "expected 'UTC'",
                                          words[next]));
      }
      header.start_utc = time;
    }
  }
  return header;
}

}  // namespace

std::optional<TimeOfDay> StartTimeUtc(std::string_view text, bool* other_zone) {
  std::vector<std::string_view> words = SplitWords(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    auto time = ParseTime(words[i]);
    if (!time) continue;
    std::size_t next = i + 1;
    if (next + 1 < words.size() &&
        (words[next] == "-" || words[next] == "\xE2\x80\x93" || EqualsNoCase(words[next], "to")) &&
        ParseTime(words[next + 1]))
      next += 2;
    if (next < words.size() && IsUtcWord(words[next])) return time;
    if (other_zone) *other_zone = true;
    return std::nullopt;
  }
  return std::nullopt;
}

Result<NotesHeader> ReadNotesHeader(const SourceText& source, int n) {
  std::string_view line = source.line(n);
  std::size_t hash = line.find('#');
  while (hash != std::string_view::npos &&
         (hash + 1 >= line.size() || line[hash + 1] < '0' || line[hash + 1] > '9'))
    hash = line.find('#', hash + 1);
  if (hash == std::string_view::npos)
    return source.ErrorAt(n, 0, fmt::format("no meeting number '#N'; {}", kExpectedHeader));
  NotesHeader header;
  header.line = n;
  std::vector<std::string_view> title = SplitWords(line.substr(0, hash));
  if (title.empty())
    return source.ErrorAt(n, 0, fmt::format("no group name before '#'; {}", kExpectedHeader));
  header.group = std::string(title[0]);
  std::size_t first_kind = 1;
  if (first_kind < title.size() && EqualsNoCase(title[first_kind], "RT")) ++first_kind;
  std::size_t last_kind = title.size();
  while (last_kind > first_kind && (EqualsNoCase(title[last_kind - 1], "meeting") ||
                                    EqualsNoCase(title[last_kind - 1], "call")))
    --last_kind;
  for (std::size_t i = first_kind; i < last_kind; ++i)
    header.kind += (header.kind.empty() ? "" : " ") + std::string(title[i]);
  if (header.kind.empty()) header.kind = "Meeting";

  std::size_t digits_end = hash + 1;
  while (digits_end < line.size() && line[digits_end] >= '0' && line[digits_end] <= '9')
    ++digits_end;
  auto [ptr, ec] = std::from_chars(line.data() + hash + 1, line.data() + digits_end, header.number);
  if (ec != std::errc() || header.number < 1 || header.number > 1000000)
    return source.ErrorAt(n, ColumnOfByte(line, hash + 1), "meeting number out of range");
  (void)ptr;

  // The date and time follow the number, or stand on the next line
  // ("SSR2 Plenary Meeting #15" / "Date: Tuesday 13 June 2017 @ 06:00 UTC").
  std::string_view rest = line.substr(digits_end);
  if (!HasDate(rest)) {
    int next = n + 1;
    while (next <= static_cast<int>(source.line_count()) && Trim(source.line(next)).empty()) ++next;
    if (next <= static_cast<int>(source.line_count())) {
      std::string_view candidate = Trim(source.line(next));
      if (StartsWithNoCase(candidate, "date:")) candidate = Trim(candidate.substr(5));
      if (HasDate(candidate)) {
        header.last_line = next;
        return ReadWhen(source, next, candidate, header);
      }
    }
  }
  return ReadWhen(source, n, rest, header);
}

Result<Date> ResolveMeetingDate(const SourceText& source, const NotesHeader& header,
                                std::optional<int> year, const Roster* roster) {
  using std::chrono::day;
  using std::chrono::month;
  const int line = header.line;
  auto make = [&](int y) {
    return Date{std::chrono::year{y}, month{static_cast<unsigned>(header.date.month)},
                day{static_cast<unsigned>(header.date.day)}};
  };
  auto weekday_of = [](const Date& d) { return weekday{sys_days{d}}.c_encoding(); };
  auto check = [&](int y, std::string_view from) -> Result<Date> {
    Date d = make(y);
    if (!d.ok())
      return source.ErrorAt(
          line, 0,
          fmt::format("no such day: {} {} {}", header.date.day, MonthName(header.date.month), y));
    if (header.weekday >= 0 && weekday_of(d) != static_cast<unsigned>(header.weekday)) {
      return source.ErrorAt(line, 0,
                            fmt::format("{} is a {}, not a {} (year from {})", FormatIsoDate(d),
                                        WeekdayName(weekday_of(d)),
                                        WeekdayName(static_cast<unsigned>(header.weekday)), from));
    }
    return d;
  };
  if (!make(2000).ok()) {  // 2000 is a leap year: a day no year has
    return source.ErrorAt(
        line, 0, fmt::format("no such day: {} {}", header.date.day, MonthName(header.date.month)));
  }
  if (header.date.year != 0) return check(header.date.year, "the header");
  if (year) return check(*year, "--year");
  if (!roster || !roster->group.active_from || !roster->group.active_to) {
    return source.ErrorAt(line, 0,
                          fmt::format("the header gives no year and nothing decides it: give "
                                      "--year, or load a roster for {} with its active period",
                                      header.group));
  }
  if (header.weekday < 0) {
    return source.ErrorAt(line, 0,
                          "the header gives neither a year nor a weekday to choose one "
                          "by; give --year");
  }
  const Date from = *roster->group.active_from, to = *roster->group.active_to;
  std::vector<Date> candidates;
  for (int y = static_cast<int>(from.year()); y <= static_cast<int>(to.year()); ++y) {
    Date d = make(y);
    if (d.ok() && d >= from && d <= to && weekday_of(d) == static_cast<unsigned>(header.weekday))
      candidates.push_back(d);
  }
  if (candidates.size() == 1) return candidates.front();
  std::string period = FormatIsoDate(from) + " to " + FormatIsoDate(to);
  if (candidates.empty()) {
    return source.ErrorAt(line, 0,
                          fmt::format("no {} {}/{} falls in {}'s active period ({}); "
                                      "give --year",
                                      WeekdayName(static_cast<unsigned>(header.weekday)),
                                      header.date.day, header.date.month, header.group, period));
  }
  std::string years;
  for (const Date& d : candidates) years += (years.empty() ? "" : ", ") + FormatIsoDate(d);
  return source.ErrorAt(line, 0,
                        fmt::format("the header gives no year and several fit {}'s "
                                    "active period ({}): {}; give --year",
                                    header.group, period, years));
}

}  // namespace plenary
