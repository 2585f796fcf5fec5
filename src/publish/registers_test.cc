#include "publish/registers.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/meeting_label.h"
#include "publish/pages.h"

namespace plenary::publish_detail {
namespace {

// A meeting known by its date and hour (W3C and MeetBot logs: "2014-04-08T16")
// gets a page id a file may be named by: lower case, [a-z0-9-] only.
TEST(MeetingPageId, ADatedMeetingWithAnHourNamesAFileWritePagesAccepts) {
  Date day{std::chrono::year{2014} / 4 / 8};
  MeetingKey hour{"BENCH", "Meeting", DatedMeetingNumber(day, TimeOfDay{16, 18})};
  MeetingKey dated{"BENCH", "Meeting", DatedMeetingNumber(day, std::nullopt)};
  EXPECT_EQ(MeetingPageId(hour), "meeting-2014-04-08t16");
  EXPECT_EQ(MeetingPageId(dated), "meeting-2014-04-08");
  EXPECT_EQ(MeetingPageId({"SSR2", "Plenary", 15}), "plenary-15");

  std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / "meeting-page-id";
  std::filesystem::remove_all(dir);
  PublishedPage page;
  page.name = "BENCH/Meeting 2014-04-08 16h";
  page.file = "bench/" + MeetingPageId(hour) + ".html";
  page.content = "<p>minutes</p>";
  auto written = WritePages(dir.string(), {page});
  ASSERT_TRUE(written.ok()) << written.error().message;
  EXPECT_TRUE(std::filesystem::exists(dir / "bench/meeting-2014-04-08t16.html"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace plenary::publish_detail
