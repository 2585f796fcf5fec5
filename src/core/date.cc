#include "core/date.h"

#include <fmt/format.h>

#include <array>
#include <charconv>

#include "core/text.h"

namespace plenary {
namespace {

using std::chrono::day;
using std::chrono::days;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;

constexpr std::array<std::string_view, 12> kMonths{"january",   "february", "march",    "april",
                                                   "may",       "june",     "july",     "august",
                                                   "september", "october",  "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays{"sunday",   "monday", "tuesday", "wednesday",
                                                    "thursday", "friday", "saturday"};
constexpr std::array<std::string_view, 7> kWeekdayNames{
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

// Matches a full name, or a prefix of at least three letters ("Sep", "Sept",
// "Tues"), with an optional final '.'.
template <std::size_t N>
int IndexOfName(const std::array<std::string_view, N>& names, std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3) return -1;
  std::string lower = AsciiLower(word);
  for (std::size_t i = 0; i < N; ++i)
    if (names[i].substr(0, lower.size()) == lower) return static_cast<int>(i);
  return -1;
}

std::optional<int> ParseYearNumber(std::string_view s) {
  if (s.size() != 4) return std::nullopt;
  auto n = ParseNumber(s);
  if (!n || *n < 1900 || *n > 2999) return std::nullopt;
  return n;
}

}  // namespace

std::optional<int> ParseNumber(std::string_view s) {
  int value = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return value;
}

// "23", "23rd", "1st", "2nd", "4th".
std::optional<int> ParseDayNumber(std::string_view s) {
  if (s.size() > 2) {
    std::string suffix = AsciiLower(s.substr(s.size() - 2));
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") s.remove_suffix(2);
  }
  if (s.empty() || s.size() > 2) return std::nullopt;
  auto n = ParseNumber(s);
  if (!n || *n < 1 || *n > 31) return std::nullopt;
  return n;
}

std::string FormatIsoDate(const Date& date) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

std::optional<Date> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = ParseYearNumber(text.substr(0, 4));
  auto m = ParseNumber(text.substr(5, 2));
  auto d = ParseNumber(text.substr(8, 2));
  if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1) return std::nullopt;
  Date date{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string FormatTime(const TimeOfDay& time) {
  return fmt::format("{:02}:{:02}", time.hour, time.minute);
}

int MonthFromName(std::string_view word) { return IndexOfName(kMonths, word) + 1; }
int WeekdayFromName(std::string_view word) { return IndexOfName(kWeekdays, word); }
std::string_view WeekdayName(unsigned c_encoding) { return kWeekdayNames.at(c_encoding % 7); }

std::string_view MonthName(int month) {
  static constexpr std::array<std::string_view, 12> kNames{
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return kNames.at(static_cast<std::size_t>(month - 1));
}

std::optional<WrittenDate> ParseWrittenDate(std::string_view text) {
  text = Trim(text);
  if (!text.empty() && text.back() == '.') text = Trim(text.substr(0, text.size() - 1));
  if (auto iso = ParseIsoDate(text)) {
    return WrittenDate{static_cast<int>(iso->year()), static_cast<int>(unsigned(iso->month())),
                       static_cast<int>(unsigned(iso->day()))};
  }
  std::vector<std::string_view> words;
  for (std::string_view w : SplitWords(text)) {
    while (!w.empty() && w.back() == ',') w.remove_suffix(1);
    if (!w.empty()) words.push_back(w);
  }
  if (words.size() < 2 || words.size() > 3) return std::nullopt;
  WrittenDate out;
  if (auto d = ParseDayNumber(words[0]); d && MonthFromName(words[1]) > 0) {
    out = {0, MonthFromName(words[1]), *d};  // 23 June [2017]
  } else if (auto d2 = ParseDayNumber(words[1]); d2 && MonthFromName(words[0]) > 0) {
    out = {0, MonthFromName(words[0]), *d2};  // June 23[,] [2017]
  } else {
    return std::nullopt;
  }
  if (words.size() == 3) {
    auto y = ParseYearNumber(words[2]);
    if (!y) return std::nullopt;
    out.year = *y;
  }
  return out;
}

std::optional<Date> ResolveWrittenDate(const WrittenDate& written, const Date& meeting) {
  auto make = [&](int y) {
    return Date{year{y}, month{static_cast<unsigned>(written.month)},
                day{static_cast<unsigned>(written.day)}};
  };
  if (written.year != 0) {
    Date d = make(written.year);
    return d.ok() ? std::optional<Date>(d) : std::nullopt;
  }
  const int meeting_year = static_cast<int>(meeting.year());
  const sys_days anchor{meeting};
  std::optional<Date> best;
  long best_distance = 0;
  for (int y = meeting_year - 1; y <= meeting_year + 1; ++y) {
    Date d = make(y);
    if (!d.ok()) continue;  // 29 February outside a leap year
    long distance = std::abs((sys_days{d} - anchor).count());
    // On a tie (exactly six months either way) prefer the later date: notes
    // write due dates ahead far more often than behind.
    if (!best || distance <= best_distance) {
      best = d;
      best_distance = distance;
    }
  }
  if (!best || best_distance > 184) return std::nullopt;
  return best;
}

}  // namespace plenary
