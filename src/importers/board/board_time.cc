#include "importers/board/board_time.h"

#include <array>

#include "core/text.h"

namespace plenary::board {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The meridiem at the start of `rest` ("am", "a.m.", " PM"), and its length.
std::pair<char, std::size_t> MeridiemAt(std::string_view rest) {
  std::size_t i = 0;
  if (i < rest.size() && rest[i] == ' ') ++i;
  if (i >= rest.size()) return {0, 0};
  char c = static_cast<char>(rest[i] | 0x20);
  if (c != 'a' && c != 'p') return {0, 0};
  std::size_t j = i + 1;
  if (j < rest.size() && rest[j] == '.') ++j;
  if (j >= rest.size() || (rest[j] | 0x20) != 'm') return {0, 0};
  ++j;
  if (j < rest.size() && rest[j] == '.') ++j;
  // "10:30 amendment" is no meridiem.
  if (j < rest.size() && ((rest[j] | 0x20) >= 'a' && (rest[j] | 0x20) <= 'z')) return {0, 0};
  return {c, j};
}

struct ZoneName {
  std::string_view name;
  int standard_hours;  // offset from UTC in standard time
  int dst;             // 1: US daylight saving applies; 0: never; 2: always (a summer name)
};

constexpr std::array<ZoneName, 17> kZones{{
    {"Pacific", -8, 1}, {"PT", -8, 1},  {"PST", -8, 0},     {"PDT", -8, 2},     {"Eastern", -5, 1},
    {"ET", -5, 1},      {"EST", -5, 0}, {"EDT", -5, 2},     {"Central", -6, 1}, {"CT", -6, 1},
    {"CST", -6, 0},     {"CDT", -6, 2}, {"Mountain", -7, 1}, {"MST", -7, 0},    {"MDT", -7, 2},
    {"UTC", 0, 0},      {"GMT", 0, 0},
}};

std::chrono::sys_days NthSunday(int year, unsigned month, unsigned n) {
  return std::chrono::sys_days{std::chrono::year{year} / std::chrono::month{month} /
                               std::chrono::weekday_indexed{std::chrono::Sunday, n}};
}

std::chrono::sys_days LastSunday(int year, unsigned month) {
  return std::chrono::sys_days{std::chrono::year{year} / std::chrono::month{month} /
                               std::chrono::weekday_last{std::chrono::Sunday}};
}

}  // namespace

std::optional<WrittenTime> FindWrittenTime(std::string_view text, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (text[i] != ':' || i == 0 || !IsDigit(text[i - 1])) continue;
    std::size_t start = i - 1;
    if (start > 0 && IsDigit(text[start - 1])) --start;
    if (start > 0 && IsDigit(text[start - 1])) continue;  // "123:45"
    if (i + 2 >= text.size() || !IsDigit(text[i + 1]) || !IsDigit(text[i + 2])) continue;
    if (i + 3 < text.size() && IsDigit(text[i + 3])) continue;
    WrittenTime t;
    t.hour = (i - start == 2) ? (text[start] - '0') * 10 + (text[start + 1] - '0')
                              : text[start] - '0';
    t.minute = (text[i + 1] - '0') * 10 + (text[i + 2] - '0');
    if (t.hour > 23 || t.minute > 59) continue;
    t.at = start;
    t.end = i + 3;
    auto [meridiem, length] = MeridiemAt(text.substr(t.end));
    if (meridiem && (t.hour < 1 || t.hour > 12)) meridiem = 0;
    if (meridiem) {
      t.meridiem = meridiem;
      t.end += length;
    }
    return t;
  }
  return std::nullopt;
}

bool UsDaylightSaving(const Date& date) {
  const int year = static_cast<int>(date.year());
  const std::chrono::sys_days day{date};
  if (year >= 2007) return day >= NthSunday(year, 3, 2) && day < NthSunday(year, 11, 1);
  if (year >= 1987) return day >= NthSunday(year, 4, 1) && day < LastSunday(year, 10);
  return day >= LastSunday(year, 4) && day < LastSunday(year, 10);
}

std::optional<WrittenZone> ZoneAfter(std::string_view text, std::size_t at, const Date& date) {
  std::string_view rest = text.substr(std::min(at, text.size()));
  // The zone is the next word, possibly in parentheses: "(Pacific)", "PDT".
  std::size_t i = 0;
  while (i < rest.size() && (rest[i] == ' ' || rest[i] == '(')) ++i;
  std::size_t j = i;
  while (j < rest.size() && ((rest[j] | 0x20) >= 'a' && (rest[j] | 0x20) <= 'z')) ++j;
  std::string_view word = rest.substr(i, j - i);
  for (const ZoneName& zone : kZones) {
    if (!(zone.name.size() <= 3 ? word == zone.name : EqualsNoCase(word, zone.name))) continue;
    bool summer = zone.dst == 2 || (zone.dst == 1 && UsDaylightSaving(date));
    return WrittenZone{std::string(word), (zone.standard_hours + (summer ? 1 : 0)) * 60};
  }
  return std::nullopt;
}

TimeOfDay ClockOf(const WrittenTime& time, std::optional<char> like) {
  int hour = time.hour;
  if (time.meridiem == 'a' && hour == 12) hour = 0;
  if (time.meridiem == 'p' && hour != 12) hour += 12;
  // "began at 1:05" after "scheduled for 12:30pm" is in the afternoon too.
  if (!time.meridiem && like == 'p' && hour >= 1 && hour < 12) hour += 12;
  return {hour, time.minute};
}

TimeOfDay ToUtc(TimeOfDay local, int offset_minutes) {
  int minutes = local.hour * 60 + local.minute - offset_minutes;
  minutes = ((minutes % 1440) + 1440) % 1440;
  return {minutes / 60, minutes % 60};
}

}  // namespace plenary::board
