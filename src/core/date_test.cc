#include "core/date.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

Date D(int y, int m, int d) { return Date{std::chrono::year{y} / m / d}; }

TEST(Date, IsoRoundTripAndStrictness) {
  EXPECT_EQ(FormatIsoDate(D(2017, 6, 3)), "2017-06-03");
  EXPECT_EQ(ParseIsoDate("2017-06-03"), D(2017, 6, 3));
  EXPECT_FALSE(ParseIsoDate("2017-06-31"));
  EXPECT_FALSE(ParseIsoDate("2017-6-3"));
  EXPECT_FALSE(ParseIsoDate("2017-06-03x"));
  EXPECT_FALSE(ParseIsoDate("+017-06-03"));
}

TEST(Date, WrittenDates) {
  auto same = [](std::string_view text, int y, int m, int d) {
    auto w = ParseWrittenDate(text);
    ASSERT_TRUE(w) << text;
    EXPECT_EQ(w->year, y) << text;
    EXPECT_EQ(w->month, m) << text;
    EXPECT_EQ(w->day, d) << text;
  };
  same("23 June", 0, 6, 23);
  same("23 June 2017", 2017, 6, 23);
  same("June 23, 2017", 2017, 6, 23);
  same("23rd Jun.", 0, 6, 23);
  same("1st Sept", 0, 9, 1);
  same(" 2017-06-23. ", 2017, 6, 23);
  EXPECT_FALSE(ParseWrittenDate("June"));
  EXPECT_FALSE(ParseWrittenDate("32 June"));
  EXPECT_FALSE(ParseWrittenDate("23 Juneteenth"));
  EXPECT_FALSE(ParseWrittenDate("23 June 17"));
  EXPECT_FALSE(ParseWrittenDate("next week"));
}

TEST(Date, ResolveAgainstMeetingDate) {
  auto resolve = [](int m, int d, Date meeting) { return ResolveWrittenDate({0, m, d}, meeting); };
  EXPECT_EQ(resolve(6, 23, D(2017, 6, 13)), D(2017, 6, 23));
  EXPECT_EQ(resolve(6, 23, D(2017, 6, 27)), D(2017, 6, 23));  // reviewed late: still 2017
  EXPECT_EQ(resolve(1, 10, D(2017, 12, 12)), D(2018, 1, 10));
  EXPECT_EQ(resolve(12, 1, D(2018, 1, 10)), D(2017, 12, 1));
  EXPECT_FALSE(resolve(6, 31, D(2017, 6, 13)));
  EXPECT_FALSE(resolve(2, 29, D(2017, 6, 13)));
  EXPECT_EQ(resolve(2, 29, D(2019, 12, 1)), D(2020, 2, 29));
  EXPECT_FALSE(ResolveWrittenDate({2017, 2, 29}, D(2017, 1, 1)));
}

TEST(Date, Names) {
  EXPECT_EQ(MonthFromName("September"), 9);
  EXPECT_EQ(MonthFromName("sep."), 9);
  EXPECT_EQ(MonthFromName("ma"), 0);
  EXPECT_EQ(WeekdayFromName("Tues"), 2);
  EXPECT_EQ(WeekdayFromName("Tuesday,"), -1);
  EXPECT_EQ(WeekdayName(2), "Tuesday");
  EXPECT_EQ(MonthName(6), "June");
}

}  // namespace
}  // namespace plenary
