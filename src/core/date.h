// Calendar dates as the secretariat writes them, and their resolution against
// a meeting's date.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "plenary/model.h"

namespace plenary {

// "YYYY-MM-DD". Precondition: date.ok().
std::string FormatIsoDate(const Date& date);
// Strict ISO "YYYY-MM-DD"; nullopt unless it names a real day.
std::optional<Date> ParseIsoDate(std::string_view text);
// "HH:MM".
std::string FormatTime(const TimeOfDay& time);

// 1..12 for an English month name or its three-letter abbreviation ("June",
// "jun", "Sept."), case-insensitive; 0 when it is not a month.
int MonthFromName(std::string_view word);
// 0 (Sunday)..6 for an English weekday name or abbreviation; -1 otherwise.
int WeekdayFromName(std::string_view word);
std::string_view WeekdayName(unsigned c_encoding);
// "June" for 6. Precondition: 1 <= month <= 12.
std::string_view MonthName(int month);

// The whole of `s` as a decimal number ("42"); nullopt for anything else.
std::optional<int> ParseNumber(std::string_view s);
// A day of the month, bare or ordinal: "23", "23rd", "1st", "2nd", "4th".
std::optional<int> ParseDayNumber(std::string_view s);

// A date as written in notes: "23 June", "23 June 2017", "June 23", "June 23,
// 2017", "23rd June", "2017-06-23". `year` is 0 when the text gives none.
struct WrittenDate {
  int year = 0;
  int month = 0;
  int day = 0;
};

// Parses the whole of `text` (surrounding spaces and a final '.' allowed) as a
// WrittenDate. Does not check that the day exists; see Resolve below.
std::optional<WrittenDate> ParseWrittenDate(std::string_view text);

// The real date a WrittenDate names, read next to a meeting held on
// `meeting`: a written year is taken as is; without one, the year is the one
// that puts the date within six months either side of the meeting (a due date
// of "10 January" written in December is next January; "23 June" reviewed on
// 27 June is four days overdue). Returns nullopt when the day does not exist
// ("31 June", "29 February 2017").
std::optional<Date> ResolveWrittenDate(const WrittenDate& written, const Date& meeting);

}  // namespace plenary
