#include "core/review_status.h"

#include <gtest/gtest.h>

#include "core/register.h"

namespace plenary {
namespace {

TEST(ReviewStatus, SplitsAtStatusAfterASentence) {
  ReviewedText r = SplitReviewStatus("Ask Any23 PMC if they are ready\nStatus: PMC pinged.");
  EXPECT_EQ(r.item, "Ask Any23 PMC if they are ready");
  EXPECT_EQ(r.status, "PMC pinged.");
  EXPECT_EQ(SplitReviewStatus("Status: done").item, "");
  EXPECT_EQ(SplitReviewStatus("Status: done").status, "done");
  // Not a status: inside a line.
  EXPECT_EQ(SplitReviewStatus("Report the Status: of things").status, "");
  EXPECT_EQ(SplitReviewStatus("Update the wiki").item, "Update the wiki");
}

TEST(ReviewStatus, JoinsOnALineOfItsOwn) {
  EXPECT_EQ(JoinReviewStatus("follow up [ Wink ]", "done"), "follow up [ Wink ]\nStatus: done");
  EXPECT_EQ(JoinReviewStatus("follow up", ""), "follow up");
  const std::string joined = JoinReviewStatus("follow up [ Wink ]", "done");
  ReviewedText back = SplitReviewStatus(joined);
  EXPECT_EQ(back.item, "follow up [ Wink ]");
  EXPECT_EQ(back.status, "done");
}

ActionItem Review(std::string text, ActionStatus status = ActionStatus::kOpen) {
  ActionItem a;
  a.text = std::move(text);
  a.source = ActionSource::kReview;
  a.status = status;
  return a;
}

Date D(int y, int m, int d) { return Date{std::chrono::year{y} / m / d}; }

// The register names a reviewed item by its words before "Status:", so a
// status that changes every month does not make a new item, and keeps the
// status as the item's note.
TEST(ReviewStatus, RegisterMatchesReviewsWhoseStatusChanges) {
  ActionItem first = Review("Update the guidance for releases to forbid shipping binary "
                            "dependencies\nStatus: a first draft is on the wiki for comment");
  ActionItem second = Review("Update the guidance for releases to forbid shipping binary "
                             "dependencies\nStatus: the draft went to the members list, three "
                             "replies so far, none of them objecting");
  ActionItem third = Review("Update the guidance for releases to forbid shipping binary "
                            "dependencies\nStatus: done",
                            ActionStatus::kComplete);
  Register reg = ReplayRegister({{1, {"ASF", "Board", 2014011518}, D(2014, 1, 15), {first}},
                                 {2, {"ASF", "Board", 2014021918}, D(2014, 2, 19), {second}},
                                 {3, {"ASF", "Board", 2014031917}, D(2014, 3, 19), {third}}},
                                {});
  ASSERT_EQ(reg.items.size(), 1u);
  const RegisterItem& item = reg.items[0];
  EXPECT_EQ(item.state.text,
            "Update the guidance for releases to forbid shipping binary dependencies");
  EXPECT_EQ(item.state.status, ActionStatus::kComplete);
  EXPECT_EQ(item.status_note, "done");
  ASSERT_EQ(item.history.size(), 3u);
  EXPECT_EQ(item.history[1].change,
            "note: the draft went to the members list, three replies so far, none of them "
            "objecting");
  EXPECT_EQ(item.history[2].change, "completed; note: done");
}

// "Greg: follow up [ Cassandra ]" has too few words to score; a review that
// repeats them exactly still names the item, and one that differs does not.
TEST(ReviewStatus, RegisterMatchesShortReviewsWordForWord) {
  ActionItem given;
  given.text = "follow up [ Cassandra ]";
  given.source = ActionSource::kNotes;
  Register reg = ReplayRegister(
      {{1, {"ASF", "Board", 2014021918}, D(2014, 2, 19), {given}},
       {2, {"ASF", "Board", 2014031917}, D(2014, 3, 19),
        {Review("follow up [ Cassandra ]\nStatus: done", ActionStatus::kComplete),
         Review("follow up [ Giraph ]")}}},
      {});
  ASSERT_EQ(reg.items.size(), 2u);
  EXPECT_EQ(reg.items[0].state.status, ActionStatus::kComplete);
  EXPECT_EQ(reg.items[0].history.size(), 2u);
  EXPECT_EQ(reg.items[1].state.text, "follow up [ Giraph ]");
}

}  // namespace
}  // namespace plenary

namespace plenary {
namespace {

// An action given again once the last one was done is a new item; a review
// of it names the open one.
TEST(ReviewStatus, RegisterGivesAnActionGivenAgainAfterItWasDoneANewItem) {
  ActionItem given;
  given.text = "pursue a report for Abdera";
  given.source = ActionSource::kNotes;
  Register reg = ReplayRegister(
      {{1, {"ASF", "Board", 2014031917}, D(2014, 3, 19), {given}},
       {2, {"ASF", "Board", 2014041617}, D(2014, 4, 16),
        {Review("pursue a report for Abdera\nStatus: report received", ActionStatus::kComplete)}},
       {3, {"ASF", "Board", 2014081318}, D(2014, 8, 13), {given}},
       {4, {"ASF", "Board", 2014091717}, D(2014, 9, 17),
        {Review("pursue a report for Abdera\nStatus: reminder sent")}}},
      {});
  ASSERT_EQ(reg.items.size(), 2u);
  EXPECT_EQ(reg.items[0].state.status, ActionStatus::kComplete);
  EXPECT_EQ(reg.items[0].history.size(), 2u);
  EXPECT_EQ(reg.items[1].state.status, ActionStatus::kOpen);
  EXPECT_EQ(reg.items[1].status_note, "reminder sent");
  EXPECT_EQ(reg.items[1].history.size(), 2u);
}

}  // namespace
}  // namespace plenary
