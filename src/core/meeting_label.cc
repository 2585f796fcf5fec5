#include "core/meeting_label.h"

#include <fmt/format.h>

#include <charconv>

namespace plenary {

int DatedMeetingNumber(Date date, std::optional<TimeOfDay> start_utc) {
  const int y = static_cast<int>(date.year());
  const int m = static_cast<int>(static_cast<unsigned>(date.month()));
  const int d = static_cast<int>(static_cast<unsigned>(date.day()));
  const int h = start_utc ? start_utc->hour : 0;
  // Past 2147 the number would not fit an int; readers refuse such dates
  // before asking, and the same dated number for all of them is no overflow.
  if (y < 1900 || y > 2147) return kFirstDatedMeetingNumber;
  return ((y * 100 + m) * 100 + d) * 100 + h;
}

bool IsDatedMeetingNumber(int number) { return DateOfMeetingNumber(number).has_value(); }

std::optional<Date> DateOfMeetingNumber(int number) {
  if (number < kFirstDatedMeetingNumber) return std::nullopt;
  const int hour = number % 100;
  const int day = number / 100 % 100;
  const int month = number / 10000 % 100;
  const int year = number / 1000000;
  if (hour > 23) return std::nullopt;
  Date date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
            std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string MeetingNumberText(int number) {
  auto date = DateOfMeetingNumber(number);
  if (!date) return std::to_string(number);
  std::string text = fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date->year()),
                                 static_cast<unsigned>(date->month()),
                                 static_cast<unsigned>(date->day()));
  if (number % 100 != 0) text += fmt::format("T{:02}", number % 100);
  return text;
}

std::string MeetingLabel(const MeetingKey& key) {
  if (!IsDatedMeetingNumber(key.number)) return fmt::format("{} #{}", key.kind, key.number);
  std::string label = key.kind + " " + MeetingNumberText(key.number).substr(0, 10);
  if (key.number % 100 != 0) label += fmt::format(" {:02}h UTC", key.number % 100);
  return label;
}

std::optional<int> ParseMeetingNumberText(std::string_view text) {
  auto whole = [](std::string_view digits) -> std::optional<int> {
    int value = 0;
    if (digits.empty()) return std::nullopt;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size() || value < 0) return std::nullopt;
    return value;
  };
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
    auto y = whole(text.substr(0, 4)), m = whole(text.substr(5, 2)), d = whole(text.substr(8, 2));
    if (!y || !m || !d) return std::nullopt;
    std::optional<TimeOfDay> start;
    if (text.size() == 13 && text[10] == 'T') {
      auto h = whole(text.substr(11, 2));
      if (!h || *h > 23) return std::nullopt;
      start = TimeOfDay{*h, 0};
    } else if (text.size() != 10) {
      return std::nullopt;
    }
    Date date{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
              std::chrono::day{static_cast<unsigned>(*d)}};
    if (!date.ok() || *y < 1900 || *y > 2100) return std::nullopt;
    return DatedMeetingNumber(date, start);
  }
  return whole(text);
}

}  // namespace plenary
