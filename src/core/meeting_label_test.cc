#include "core/meeting_label.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

TEST(MeetingLabel, NumberedSeriesKeepsItsNumber) {
  EXPECT_EQ(MeetingLabel({"SSR2", "Plenary", 15}), "Plenary #15");
  EXPECT_FALSE(IsDatedMeetingNumber(15));
  EXPECT_EQ(MeetingNumberText(15), "15");
  EXPECT_EQ(ParseMeetingNumberText("15"), 15);
}

TEST(MeetingLabel, DatedMeetingRoundTripsThroughItsText) {
  int n = DatedMeetingNumber(D(2025, 9, 23), std::nullopt);
  EXPECT_EQ(n, 2025092300);
  EXPECT_TRUE(IsDatedMeetingNumber(n));
  EXPECT_EQ(DateOfMeetingNumber(n), D(2025, 9, 23));
  EXPECT_EQ(MeetingNumberText(n), "2025-09-23");
  EXPECT_EQ(ParseMeetingNumberText("2025-09-23"), n);
  EXPECT_EQ(MeetingLabel({"IRSG", "Teleconference", n}), "Teleconference 2025-09-23");
}

TEST(MeetingLabel, TwoMeetingsInADayDifferByStartHour) {
  int morning = DatedMeetingNumber(D(2024, 6, 12), TimeOfDay{7, 30});
  int evening = DatedMeetingNumber(D(2024, 6, 12), TimeOfDay{19, 0});
  EXPECT_NE(morning, evening);
  EXPECT_EQ(MeetingNumberText(morning), "2024-06-12T07");
  EXPECT_EQ(ParseMeetingNumberText("2024-06-12T07"), morning);
  EXPECT_EQ(MeetingLabel({"IAB", "Meeting", morning}), "Meeting 2024-06-12 07h UTC");
}

TEST(MeetingLabel, MalformedTextIsRefused) {
  for (std::string_view bad : {"", "-1", "2025-13-01", "2025-02-30", "2025-09-23T24",
                               "2025-09-23x", "15a", "2025-9-23"})
    EXPECT_FALSE(ParseMeetingNumberText(bad).has_value()) << bad;
}

}  // namespace
}  // namespace plenary
