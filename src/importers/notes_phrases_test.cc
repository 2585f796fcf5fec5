#include "importers/notes_phrases.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

TEST(NotesPhrases, Bullets) {
  EXPECT_EQ(AfterBullet("\xC2\xB7 Apologies: Boban"), "Apologies: Boban");
  EXPECT_EQ(AfterBullet("\xE2\x80\xA2\tItem"), "Item");
  EXPECT_EQ(AfterBullet("- item"), "item");
  EXPECT_EQ(AfterBullet("o sub item"), "sub item");
  EXPECT_FALSE(AfterBullet("-5% budget"));
  EXPECT_FALSE(AfterBullet("often"));
  EXPECT_FALSE(AfterBullet("AOB"));
}

TEST(NotesPhrases, SentencesDoNotSplitInsideQuotesOrAbbreviations) {
  EXPECT_EQ(SplitSentences("Poor attendance. Staff to log it at https://x.org/a.b. Done."),
            (std::vector<std::string_view>{"Poor attendance.",
                                           "Staff to log it at https://x.org/a.b.", "Done."}));
  EXPECT_EQ(SplitSentences("Rephrase: “What is it? Is there more?” with clarity.").size(), 1u);
  EXPECT_EQ(SplitSentences("planning vs. passive response").size(), 1u);
}

TEST(NotesPhrases, Headings) {
  EXPECT_TRUE(IsActionTableHeading("Action Items Plenary #15"));
  EXPECT_TRUE(IsActionTableHeading("Action items:"));
  EXPECT_FALSE(IsActionTableHeading("Actions to take on the plan"));
  EXPECT_FALSE(IsActionTableHeading("ACTION ITEM: JG to draft the plan"));
  EXPECT_TRUE(IsActionTableHeading("Action items: none"));
  EXPECT_TRUE(IsDecisionsHeading("Decisions Made Plenary #15"));
  EXPECT_TRUE(IsDecisionsHeading("Decisions Reached"));
  EXPECT_TRUE(IsDecisionsHeading("Decisions:"));
  EXPECT_FALSE(IsDecisionsHeading("Decision on the budget is deferred to the next call"));
  EXPECT_TRUE(IsSummaryHeading("SUMMARY NOTES: "));
  EXPECT_FALSE(IsSummaryHeading("NOTE: The official record of the meeting can be found here."));
  EXPECT_TRUE(IsEndOfMeeting("END OF MEETING"));
  EXPECT_TRUE(IsReviewOfActionsHeading("Review open action items list (please be prepared)"));
  EXPECT_TRUE(IsNothing("None"));
  EXPECT_TRUE(IsNothing("No decisions."));
  EXPECT_TRUE(IsNothing("N/A"));
  EXPECT_FALSE(IsNothing("No updated SOIs"));
}

TEST(NotesPhrases, DueCellsAndSuffixes) {
  EXPECT_EQ(ReadDueCell("TBD").kind, DueText::kNone);
  EXPECT_EQ(ReadDueCell("To be determined").kind, DueText::kNone);
  EXPECT_EQ(ReadDueCell("Due: 7 July").kind, DueText::kDate);
  EXPECT_EQ(ReadDueCell("7 July").date.month, 7);
  EXPECT_EQ(ReadDueCell("whenever").kind, DueText::kUnreadable);

  auto s = FindDueSuffix("Draft work plans for each subtopic: Due 23 June ");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->before, "Draft work plans for each subtopic");
  EXPECT_EQ(s->phrase, "23 June");
  EXPECT_EQ(FindDueSuffix("Draft it (due 30 June 2017).")->due.date.year, 2017);
  EXPECT_EQ(FindDueSuffix("Circulate the draft by 7 July")->before, "Circulate the draft");
  EXPECT_FALSE(FindDueSuffix("Delayed due to the budget"));
  EXPECT_FALSE(FindDueSuffix("Reviewed by the team"));
  EXPECT_FALSE(FindDueSuffix("The payment is due"));
}

TEST(NotesPhrases, StatusMarkers) {
  EXPECT_EQ(StatusMarker("Mark action item as complete."), ActionStatus::kComplete);
  EXPECT_EQ(StatusMarker("Done."), ActionStatus::kComplete);
  EXPECT_EQ(StatusMarker("Completed"), ActionStatus::kComplete);
  EXPECT_EQ(StatusMarker("No longer needed."), ActionStatus::kCancelled);
  EXPECT_EQ(StatusMarker("Withdrawn"), ActionStatus::kCancelled);
  EXPECT_FALSE(StatusMarker("Keep interactions as-is for now."));
  EXPECT_FALSE(StatusMarker("Complete the survey."));
}

TEST(NotesPhrases, OwnersNamedAtTheStartOfASentence) {
  Directory none(nullptr, "ATRT3");
  auto owner = [&](std::string_view s) {
    auto o = OwnerAtStart(s, none);
    return o ? o->owner : Owner{"-", OwnerKind::kUnresolved};
  };
  EXPECT_EQ(owner("Pat Kane to circulate revised text."),
            (Owner{"Pat Kane", OwnerKind::kUnresolved}));
  EXPECT_EQ(owner("PK to circulate revised text."), (Owner{"PK", OwnerKind::kUnresolved}));
  EXPECT_EQ(owner("ATRT3 members to review the draft"), (Owner{"Team", OwnerKind::kOrganisation}));
  EXPECT_EQ(owner("Co-chairs to draft the agenda"), (Owner{"Co-Chairs", OwnerKind::kOrganisation}));
  EXPECT_EQ(owner("Next Steps to be discussed").name, "-");
  EXPECT_EQ(owner("Suggestion to break subtopics into tasks").name, "-");
  EXPECT_EQ(owner("Discussion about the recommendations").name, "-");
}

TEST(NotesPhrases, NumberedLinesAndWrappedBullets) {
  EXPECT_TRUE(IsNumberedLine("2. Review of draft report"));
  EXPECT_TRUE(IsNumberedLine("10) AOB"));
  EXPECT_FALSE(IsNumberedLine("2017 was busy"));
  EXPECT_FALSE(ContinuesNote("No updated SOIs.", "2. Review of draft report"));
  EXPECT_FALSE(ContinuesNote("Pat Kane to circulate revised text.", "AOB"));
  EXPECT_TRUE(ContinuesNote("JG to draft the outreach plan,", "with the sub-team leads"));
  EXPECT_TRUE(ContinuesNote("The team discussed the", "Johannesburg agenda"));
}

TEST(NotesPhrases, RaisedByAndNameLists) {
  EXPECT_EQ(RaisedByMark("And how is it implemented? (GH) "), "GH");
  EXPECT_FALSE(RaisedByMark("Align with the (RT mandate)"));
  EXPECT_FALSE(RaisedByMark("See section (a)"));
  EXPECT_EQ(
      SplitNameList("Emily Taylor (chair), James Gannon and Zarko; JG/ET & Team"),
      (std::vector<std::string>{"Emily Taylor", "James Gannon", "Zarko", "JG", "ET", "Team"}));
}

TEST(NotesPhrases, OwnersAtStartTakesAListOfNamesBeforeTo) {
  Directory none(nullptr, "IAB");
  auto names = [&](std::string_view text) {
    std::vector<std::string> out;
    if (auto owners = OwnersAtStart(text, none))
      for (const Owner& o : owners->owners) out.push_back(o.name);
    return out;
  };
  EXPECT_EQ(
      names("Cindy Morgan, Mirja K\xC3\xBChlewind, and Sally Wentworth to coordinate"),
      (std::vector<std::string>{"Cindy Morgan", "Mirja K\xC3\xBChlewind", "Sally Wentworth"}));
  EXPECT_EQ(names("Dhruv Dhody and Wes Hardaker to track adding"),
            (std::vector<std::string>{"Dhruv Dhody", "Wes Hardaker"}));
  EXPECT_EQ(names("Suresh Krishnan et al to write a draft"),
            std::vector<std::string>{"Suresh Krishnan"});
  EXPECT_EQ(names("Pat Kane to circulate"), std::vector<std::string>{"Pat Kane"});
  EXPECT_TRUE(names("Colin Perkins said he would like to attend").empty());
  EXPECT_TRUE(names("The document is going to be reviewed").empty());
  auto owners = OwnersAtStart("Dhruv Dhody and Wes Hardaker to track", none);
  ASSERT_TRUE(owners.has_value());
  EXPECT_EQ(owners->length, std::string_view("Dhruv Dhody and Wes Hardaker").size());
}

}  // namespace
}  // namespace plenary
