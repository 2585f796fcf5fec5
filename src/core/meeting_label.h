// How a meeting is named to people, and the number of a meeting that has none.
//
// A numbered series ("SSR2 Plenary #15") keys a meeting by its number. A group
// that names its meetings by date ("IRSG Teleconference, 2025-09-23") gets a
// number derived from the date and the start hour in UTC (YYYYMMDDHH, e.g.
// 2025092314), which no numbered series reaches and which is stable however the
// meetings are imported. Two meetings of one kind on one day differ by their
// start hour; a meeting without a start time has hour 00.
#pragma once

#include <optional>
#include <string>

#include "plenary/model.h"

namespace plenary {

// The smallest dated number (1900-01-01 00h). Numbered series stay below it.
inline constexpr int kFirstDatedMeetingNumber = 1900010100;

// Dates outside 1900-2147 (which readers refuse) all get kFirstDatedMeetingNumber.
int DatedMeetingNumber(Date date, std::optional<TimeOfDay> start_utc);
bool IsDatedMeetingNumber(int number);
// The date a dated number stands for; none for a series number.
std::optional<Date> DateOfMeetingNumber(int number);

// "Plenary #15" or "Teleconference 2025-09-23" (with " 14h UTC" when the
// number carries a start hour that is not 00).
std::string MeetingLabel(const MeetingKey& key);
// The number's part of a URL or a CLI argument: "15", or "2025-09-23" /
// "2025-09-23T14" for a dated meeting.
std::string MeetingNumberText(int number);
// Inverse of MeetingNumberText; also takes a plain number. None if neither.
std::optional<int> ParseMeetingNumberText(std::string_view text);

}  // namespace plenary
