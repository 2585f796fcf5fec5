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

Date Day(int y, int m, int d) { return Date{std::chrono::year{y} / m / d}; }

// The due date `text`'s words give, read next to a meeting on Thursday 30
// August 2018.
const Date thursday = Day(2018, 8, 30);
std::optional<Date> day(std::string_view text) {
  auto d = FindDueWords(text);
  return d ? ResolveDueWords(*d, thursday) : std::nullopt;
}

TEST(NotesPhrases, DueWordsAsPeopleWriteThem) {
  auto due = [&](std::string_view text) { return FindDueWords(text); };
  EXPECT_EQ(day("Staff to send the agenda to the list by 5 September."), Day(2018, 9, 5));
  EXPECT_EQ(due("Staff to send the agenda to the list by 5 September.")->before,
            "Staff to send the agenda to the list");
  auto cob = due("Subteam rapporteurs to update the tracking sheet by COB Friday.");
  ASSERT_TRUE(cob);
  EXPECT_EQ(cob->kind, DueWords::kWeekday);
  EXPECT_EQ(cob->phrase, "by COB Friday");
  EXPECT_EQ(cob->before, "Subteam rapporteurs to update the tracking sheet");
  EXPECT_EQ(day("X to do it by COB Friday."), Day(2018, 8, 31));
  EXPECT_EQ(day("X to do it by close of business on Thursday"), Day(2018, 9, 6));  // not today
  EXPECT_EQ(day("X to do it by end of day Monday 3 September"), Day(2018, 9, 3));
  EXPECT_EQ(day("X to do it before 1 October"), Day(2018, 10, 1));
  EXPECT_EQ(day("X to do it by the end of September"), Day(2018, 9, 30));
  EXPECT_EQ(day("X to do it by end of February 2019"), Day(2019, 2, 28));
  auto next =
      due("Eric and Boban to consolidate the findings into one document before the next "
          "plenary.");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->kind, DueWords::kNoDay);
  EXPECT_EQ(next->phrase, "before the next plenary");
  EXPECT_EQ(next->before, "Eric and Boban to consolidate the findings into one document");
  EXPECT_EQ(ResolveDueWords(*next, thursday), std::nullopt);
  EXPECT_EQ(due("Staff to share slides ahead of the Brussels meeting")->phrase,
            "ahead of the Brussels meeting");
  EXPECT_FALSE(due("Kerry-Ann to confirm the date of the SOC2 briefing with ICANN org."));
  EXPECT_FALSE(due("Staff to send the notes by email"));
  EXPECT_FALSE(due("Staff to stay until the next call"));  // "until" names a day, not a meeting
  EXPECT_EQ(due("Draft the plan: Due TBD")->kind, DueWords::kNone);
}

TEST(NotesPhrases, DueWordsCountedFromTheMeeting) {
  EXPECT_EQ(day("X to do it by tomorrow"), Day(2018, 8, 31));
  EXPECT_EQ(day("X to do it in two weeks"), Day(2018, 9, 13));
  EXPECT_EQ(day("X to do it within 3 days."), Day(2018, 9, 2));
  EXPECT_EQ(day("X to do it by end of month"), Day(2018, 8, 31));
  EXPECT_EQ(day("X to do it by the end of the year"), Day(2018, 12, 31));
  EXPECT_EQ(day("X to do it by EOW"), Day(2018, 8, 31));  // the meeting's Friday
  EXPECT_EQ(day("X to do it by the end of this week"), Day(2018, 8, 31));
  EXPECT_EQ(FindDueWords("X to do it in two weeks")->before, "X to do it");
  // "in" only with a count of days or weeks, and only as the last words.
  EXPECT_FALSE(FindDueWords("X to add it in two places"));
  EXPECT_FALSE(FindDueWords("X to say in two weeks what the plan is"));
  // Each is a guess, and the reading says so; a day before the meeting too.
  EXPECT_EQ(ReadDue(*FindDueWords("X to do it in two weeks"), thursday).notice,
            "'in two weeks' taken as 2018-09-13: 14 days after the meeting");
  EXPECT_EQ(ReadDue(*FindDueWords("X to do it by EOM"), thursday).notice,
            "'by EOM' taken as 2018-08-31: the end of the meeting's month");
  EXPECT_EQ(ReadDue(*FindDueWords("X to do it by 1 August"), thursday).notice,
            "'1 August' is 2018-08-01, before the meeting; kept as written");
}

TEST(NotesPhrases, DueDayOfTheMonthAndNumericDates) {
  EXPECT_EQ(day("X to do it by the 15th"), Day(2018, 9, 15));
  EXPECT_EQ(day("X to do it by the 31st"), Day(2018, 8, 31));  // the next day
  EXPECT_EQ(day("X to do it by the 30th"), Day(2018, 9, 30));  // not the meeting's day
  EXPECT_EQ(day("X to do it by 9/20"), Day(2018, 9, 20));
  EXPECT_EQ(day("X to do it by 20/9"), Day(2018, 9, 20));
  EXPECT_FALSE(FindDueWords("X to do it by 5/1"));         // May 1 or 5 January
  EXPECT_FALSE(FindDueWords("X to cut the budget by 1/2"));  // or a fraction
  EXPECT_EQ(ReadDue(*FindDueWords("X to do it by the 15th"), thursday).notice,
            "'by the 15th' taken as 2018-09-15: the first such day after the meeting");
  EXPECT_EQ(ReadDue(*FindDueWords("X to do it by 20/9"), thursday).notice,
            "'by 20/9' taken as 2018-09-20 (day and month told apart by the one over 12)");
}

TEST(NotesPhrases, OwnersAtTheStartOfASentence) {
  Roster r;
  r.group.short_name = "SSR2";
  r.people = {{"Eric Osterweil", Role::kMember, {"EO"}},
              {"Boban Krsic", Role::kMember, {"BK"}},
              {"Kerry-Ann Barrett", Role::kMember, {"KAB"}},
              {"James Gannon", Role::kMember, {"JG"}}};
  Directory d(&r, "SSR2");
  auto owners = [&](std::string_view text) {
    std::vector<Owner> out;
    if (auto o = OwnersAtStart(text, d))
      for (const auto& m : o->owners) out.push_back(m.owner);
    return out;
  };
  const Owner eric{"Eric Osterweil", OwnerKind::kPerson};
  const Owner boban{"Boban Krsic", OwnerKind::kPerson};
  const Owner kerry{"Kerry-Ann Barrett", OwnerKind::kPerson};
  EXPECT_EQ(owners("Eric and Boban to consolidate the findings"),
            (std::vector<Owner>{eric, boban}));
  EXPECT_EQ(owners("Eric, Boban and Kerry-Ann to draft"), (std::vector<Owner>{eric, boban, kerry}));
  EXPECT_EQ(owners("Staff to send the agenda"),
            (std::vector<Owner>{{"Staff", OwnerKind::kOrganisation}}));
  EXPECT_EQ(owners("Review team members to send comments"),
            (std::vector<Owner>{{"Team", OwnerKind::kOrganisation}}));
  EXPECT_EQ(owners("Subteam rapporteurs to update the sheet"),
            (std::vector<Owner>{{"Subteam rapporteurs", OwnerKind::kOrganisation}}));
  EXPECT_EQ(owners("J Gannon: draft the plan"),
            (std::vector<Owner>{{"James Gannon", OwnerKind::kPerson}}));
  EXPECT_EQ(owners("Pat Kane to circulate"),
            (std::vector<Owner>{{"Pat Kane", OwnerKind::kUnresolved}}));
  auto eric_boban = OwnersAtStart("Eric and Boban to consolidate", d);
  ASSERT_TRUE(eric_boban);
  EXPECT_EQ(eric_boban->length, std::string_view("Eric and Boban").size());
  EXPECT_EQ(eric_boban->owners[1].rule, Directory::NameRule::kFirstName);
  EXPECT_TRUE(owners("Team agreed to circulate the findings").empty());
  EXPECT_TRUE(owners("The draft to be circulated next week").empty());
  EXPECT_TRUE(owners("Circulate the draft report").empty());
  EXPECT_TRUE(owners("Note: the call moves to Tuesday").empty());
}

TEST(NotesPhrases, OwnerListAtStartTakesAListOfNamesBeforeTo) {
  Directory none(nullptr, "IAB");
  auto names = [&](std::string_view text) {
    std::vector<std::string> out;
    if (auto owners = OwnerListAtStart(text, none))
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
  auto owners = OwnerListAtStart("Dhruv Dhody and Wes Hardaker to track", none);
  ASSERT_TRUE(owners.has_value());
  EXPECT_EQ(owners->length, std::string_view("Dhruv Dhody and Wes Hardaker").size());
}

}  // namespace
}  // namespace plenary
