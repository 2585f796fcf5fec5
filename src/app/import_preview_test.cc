#include "app/import_preview.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

RegisteredAction Item(std::int64_t id, std::string text, std::string group = "SSR2") {
  RegisteredAction a;
  a.id = id;
  a.item.text = std::move(text);
  a.meeting = {std::move(group), "Plenary", 14};
  return a;
}

ActionItem Mention(std::string text, ActionSource source) {
  ActionItem a;
  a.text = std::move(text);
  a.source = source;
  return a;
}

TEST(ImportPreview, AReviewMentionUpdatesTheItemItQuotes) {
  Meeting m;
  m.key = {"SSR2", "Plenary", 15};
  m.actions = {
      Mention("Staff to circulate the draft terms of reference to the list", ActionSource::kReview),
      Mention("Staff to book the meeting room for the Madrid face to face", ActionSource::kTable)};
  const std::vector<RegisteredAction> items{
      Item(3, "Staff to circulate the draft terms of reference to the review team list"),
      Item(4, "Staff to book the meeting room for Madrid", "OTHER")};
  const auto matches = PreviewMatches(m, items);
  ASSERT_EQ(matches.size(), 2u);
  ASSERT_TRUE(matches[0].has_value());
  EXPECT_EQ(matches[0]->item_id, 3);
  EXPECT_GT(matches[0]->score, 0.6);
  EXPECT_FALSE(matches[1].has_value());  // another group's item is never matched
}

TEST(ImportPreview, ANewTableRowNeedsANearlyIdenticalItem) {
  Meeting m;
  m.key = {"SSR2", "Plenary", 15};
  m.actions = {Mention("Staff to circulate the draft terms of reference", ActionSource::kTable)};
  RegisteredAction merged = Item(5, "Staff to circulate the draft terms of reference");
  merged.merged_into = 6;
  EXPECT_FALSE(PreviewMatches(m, {Item(3,
                                       "Staff to circulate the draft work plan and terms "
                                       "of reference to the list for comment"),
                                  merged})[0]
                   .has_value());
}

}  // namespace
}  // namespace plenary
