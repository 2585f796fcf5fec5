#include "importers/board/board_minutes.h"

#include <gtest/gtest.h>

#include "core/meeting_label.h"
#include "importers/board/board_reader.h"
#include "importers/board/board_time.h"

namespace plenary {
namespace {

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

Roster BoardRoster() {
  Roster r;
  r.group = {"ASF", "The Apache Software Foundation", std::nullopt, std::nullopt};
  for (const char* name : {"Greg Stein", "Chris Mattmann", "Chris Douglas", "Sam Ruby"})
    r.people.push_back({name, Role::kMember, {}, std::nullopt, std::nullopt});
  r.people.push_back({"Rich Bowen", Role::kStaff, {}, std::nullopt, std::nullopt});
  return r;
}

constexpr std::string_view kTop =
    "                    The Apache Software Foundation\n"
    "\n"
    "                  Board of Directors Meeting Minutes\n"
    "\n"
    "                            July 16, 2014\n"
    "\n"
    " 1. Call to order\n"
    "\n"
    "    The meeting was scheduled for 10:30am (Pacific) and began at\n"
    "    10:35 when a sufficient attendance to constitute a quorum was\n"
    "    recognized by the chairman.\n"
    "\n"
    " 2. Roll Call\n"
    "\n"
    "    Directors Present:\n"
    "\n"
    "        Greg Stein\n"
    "        Sam Ruby (joined at 10:45)\n"
    "        Chris Mattmann - left at 11:00\n"
    "\n"
    "    Directors Absent:\n"
    "\n"
    "        Chris Douglas\n"
    "\n"
    "    Executive Officers Present:\n"
    "\n"
    "        Rich Bowen\n"
    "\n"
    "    Guests:\n"
    "\n"
    "        Pat Visitor\n"
    "\n";

struct Read {
  Minutes minutes;
  const Meeting& meeting() const { return minutes.meetings.front(); }
  bool Noticed(std::string_view what) const {
    for (const std::string& n : minutes.notices)
      if (n.find(what) != std::string::npos) return true;
    return false;
  }
};

Read ReadText(std::string_view text, ReadOptions options = {}, bool agenda = false) {
  auto source = SourceText::Load("board.txt", text);
  EXPECT_TRUE(source.ok());
  auto read = agenda ? ReadAsfBoardAgenda(*source, options) : ReadAsfBoardMinutes(*source, options);
  EXPECT_TRUE(read.ok()) << read.error().message;
  return {read.ok() ? *read : Minutes{}};
}

std::string ErrorOf(std::string_view text, ReadOptions options = {}) {
  auto source = SourceText::Load("board.txt", text);
  EXPECT_TRUE(source.ok());
  auto read = ReadAsfBoardMinutes(*source, options);
  EXPECT_FALSE(read.ok());
  return read.ok() ? "" : read.error().message;
}

TEST(AsfBoardTime, DaylightSavingFollowsTheUsRulesOfTheYear) {
  EXPECT_FALSE(board::UsDaylightSaving(D(2014, 2, 19)));
  EXPECT_TRUE(board::UsDaylightSaving(D(2014, 3, 9)));  // second Sunday of March
  EXPECT_FALSE(board::UsDaylightSaving(D(2014, 3, 8)));
  EXPECT_TRUE(board::UsDaylightSaving(D(2014, 11, 1)));
  EXPECT_FALSE(board::UsDaylightSaving(D(2014, 11, 2)));  // first Sunday of November
  EXPECT_FALSE(board::UsDaylightSaving(D(2006, 3, 15)));  // before 2007: from April
  EXPECT_TRUE(board::UsDaylightSaving(D(2006, 4, 2)));
  EXPECT_FALSE(board::UsDaylightSaving(D(2006, 10, 29)));
}

TEST(AsfBoardTime, TimesAndZonesAsWritten) {
  auto t = board::FindWrittenTime("Adjourned at 11:41 a.m. (Pacific)");
  ASSERT_TRUE(t);
  EXPECT_EQ(board::ClockOf(*t), (TimeOfDay{11, 41}));
  auto zone = board::ZoneAfter("Adjourned at 11:41 a.m. (Pacific)", t->end, D(2014, 7, 16));
  ASSERT_TRUE(zone);
  EXPECT_EQ(zone->offset_minutes, -7 * 60);
  EXPECT_EQ(board::ToUtc({17, 30}, -7 * 60), (TimeOfDay{0, 30}));
  auto pm = board::FindWrittenTime("scheduled for 12:30pm PT");
  ASSERT_TRUE(pm);
  EXPECT_EQ(board::ClockOf(*pm), (TimeOfDay{12, 30}));
  auto later = board::FindWrittenTime("began at 1:05");
  EXPECT_EQ(board::ClockOf(*later, 'p'), (TimeOfDay{13, 5}));
  EXPECT_FALSE(board::FindWrittenTime("version 2.8.1 at 123:45"));
  EXPECT_EQ(board::ZoneAfter("10:30 UTC", 5, D(2014, 7, 16))->offset_minutes, 0);
}

TEST(AsfBoardMinutes, DetectsTitle) {
  auto source = SourceText::Load("board.txt", kTop);
  ASSERT_TRUE(source.ok());
  EXPECT_EQ(DetectAsfBoardMinutes(*source).confidence, 90);
  EXPECT_EQ(DetectAsfBoardAgenda(*source).confidence, 0);
  auto notes = SourceText::Load("n.txt", "SSR2 Plenary Meeting #15 - Tuesday 13 June\n");
  EXPECT_EQ(DetectAsfBoardMinutes(*notes).confidence, 0);
}

TEST(AsfBoardMinutes, RollCallWithRemarksAndSummerTime) {
  Read r = ReadText(std::string(kTop) + " 3. Adjournment\n\n    Adjourned at 11:30 a.m.\n",
                    {std::nullopt, {BoardRoster()}, std::nullopt});
  const Meeting& m = r.meeting();
  EXPECT_EQ(m.key, (MeetingKey{"ASF", "Board", 2014071617}));  // 10:30 PDT
  EXPECT_EQ(m.start_utc, (TimeOfDay{17, 35}));
  EXPECT_EQ(m.attendees, (std::vector<std::string>{"Greg Stein", "Sam Ruby", "Chris Mattmann"}));
  EXPECT_EQ(m.apologies, (std::vector<std::string>{"Chris Douglas"}));
  EXPECT_EQ(m.staff, (std::vector<std::string>{"Rich Bowen"}));
  EXPECT_EQ(m.guests, (std::vector<std::string>{"Pat Visitor"}));
  EXPECT_EQ(m.attendance_remarks,
            (std::vector<AttendanceRemark>{{"Sam Ruby", "joined at 10:45"},
                                           {"Chris Mattmann", "left at 11:00"}}));
  ASSERT_EQ(m.agenda.size(), 3u);
  EXPECT_EQ(m.agenda[2].notes, (std::vector<std::string>{"Adjourned at 11:30 a.m., 18:30 UTC"}));
  EXPECT_FALSE(r.Noticed("matches nobody"));
}

TEST(AsfBoardMinutes, FirstNamesResolveThroughTheRosterAndAmbiguityIsANotice) {
  Read r = ReadText(std::string(kTop) +
                        " 3. Committee Reports\n\n"
                        "    A. Apache Abdera Project [Ant Elder / Greg]\n\n"
                        "       No report was submitted.\n\n"
                        "       @Greg: pursue a report for Abdera\n"
                        "       @Chris: ask about the board report\n\n"
                        "       Rich, Sam: look at the mailing lists\n\n"
                        "    Committee reports approved as submitted by General Consent.\n",
                    {std::nullopt, {BoardRoster()}, std::nullopt});
  const Meeting& m = r.meeting();
  ASSERT_EQ(m.actions.size(), 3u);
  EXPECT_EQ(m.actions[0].owners, (std::vector<Owner>{{"Greg Stein", OwnerKind::kPerson}}));
  EXPECT_EQ(m.actions[0].text, "pursue a report for Abdera");
  EXPECT_EQ(m.actions[0].source, ActionSource::kNotes);
  EXPECT_EQ(m.actions[1].owners, (std::vector<Owner>{{"Chris", OwnerKind::kUnresolved}}));
  EXPECT_EQ(m.actions[1].text, "ask about the board report [ Abdera ]");
  EXPECT_TRUE(r.Noticed("'Chris' fits several people on the ASF roster (Chris Mattmann, Chris "
                        "Douglas); kept as written"));
  EXPECT_EQ(m.actions[2].owners, (std::vector<Owner>{{"Rich Bowen", OwnerKind::kPerson},
                                                     {"Sam Ruby", OwnerKind::kPerson}}));
  EXPECT_TRUE(r.Noticed("without an 'AI:' mark"));
  ASSERT_EQ(m.decisions.size(), 1u);
  EXPECT_EQ(m.decisions[0].text, "Committee reports approved as submitted by General Consent");
}

TEST(AsfBoardMinutes, SpecialOrdersWithOutcomesAndWithout) {
  Read r = ReadText(std::string(kTop) +
                    " 3. Special Orders\n\n"
                    "    A. Change the Apache Wombat Project Chair\n\n"
                    "       WHEREAS, the Board of Directors heretofore appointed A to the\n"
                    "       office.\n\n"
                    "          * a list item\n\n"
                    "       Special Order 3A, Change the Apache Wombat Project Chair, was\n"
                    "       tabled.\n\n"
                    "    B. Terminate the Apache Numbat Project\n\n"
                    "       RESOLVED, that the Numbat project is terminated.\n\n"
                    "       This resolution was approved by a vote of 7 to 1, Sam\n"
                    "       voting against.\n\n"
                    "    C. Establish the Apache Quokka Project\n\n"
                    "       RESOLVED, that nothing was recorded.\n");
  const Meeting& m = r.meeting();
  ASSERT_EQ(m.decisions.size(), 2u);
  EXPECT_EQ(m.decisions[0].text, "Change the Apache Wombat Project Chair: tabled");
  EXPECT_EQ(m.decisions[0].body,
            "WHEREAS, the Board of Directors heretofore appointed A to the\noffice.\n\n   * a "
            "list item");
  EXPECT_EQ(m.decisions[1].text,
            "Terminate the Apache Numbat Project: approved by a vote of 7 to 1, Sam voting "
            "against");
  EXPECT_TRUE(r.Noticed("Special Order 3C records no outcome"));
}

TEST(AsfBoardMinutes, ReviewItemsOwnerFirstWithStatus) {
  Read r = ReadText(std::string(kTop) +
                    " 3. Review Outstanding Action Items\n\n"
                    "    * Greg: Is the project ready to retire?  [ Wink 2014-06-18 ]\n"
                    "          Status: Done.  Progress is slow.\n\n"
                    "    * Sam: follow up with PMC\n"
                    "          Status: still not done\n\n"
                    "    * no owner on this one\n"
                    "          Status: dropped\n\n"
                    " 4. Action Items\n\n"
                    "    * Greg: write the release policy\n",
                    {std::nullopt, {BoardRoster()}, std::nullopt});
  const Meeting& m = r.meeting();
  ASSERT_EQ(m.actions.size(), 4u);
  EXPECT_EQ(m.actions[0].text, "Is the project ready to retire? [ Wink ]\nStatus: Done. Progress "
                               "is slow.");
  EXPECT_EQ(m.actions[0].status, ActionStatus::kComplete);
  EXPECT_EQ(m.actions[0].written_status, "done");
  EXPECT_EQ(m.actions[1].status, ActionStatus::kOpen);
  EXPECT_EQ(m.actions[1].owners, (std::vector<Owner>{{"Sam Ruby", OwnerKind::kPerson}}));
  EXPECT_TRUE(m.actions[2].owners.empty());
  EXPECT_EQ(m.actions[2].status, ActionStatus::kCancelled);
  EXPECT_EQ(m.actions[2].written_status, "dropped");
  EXPECT_TRUE(r.Noticed("no 'Owner:' before the item"));
  EXPECT_EQ(m.actions[3].source, ActionSource::kTable);
  EXPECT_EQ(m.actions[3].text, "write the release policy");
}

TEST(AsfBoardMinutes, ReviewStatusWords) {
  using board::ReviewStatusOf;
  EXPECT_EQ(ReviewStatusOf(""), ActionStatus::kOpen);
  EXPECT_EQ(ReviewStatusOf("Done."), ActionStatus::kComplete);
  EXPECT_EQ(ReviewStatusOf("done, I'm happy with the clarifications"), ActionStatus::kComplete);
  EXPECT_EQ(ReviewStatusOf("report received"), ActionStatus::kComplete);
  EXPECT_EQ(ReviewStatusOf("Greg followed up.  Action item can be closed."),
            ActionStatus::kComplete);
  EXPECT_EQ(ReviewStatusOf("still not done"), ActionStatus::kOpen);
  EXPECT_EQ(ReviewStatusOf("tracking, but message still not done"), ActionStatus::kOpen);
  EXPECT_EQ(ReviewStatusOf("Sorry. Draft complete just haven't sent it yet."),
            ActionStatus::kOpen);
  EXPECT_EQ(ReviewStatusOf("email sent today. Keep item open until I get a response."),
            ActionStatus::kOpen);
  EXPECT_EQ(ReviewStatusOf("Withdrawn."), ActionStatus::kCancelled);
  EXPECT_EQ(board::ProjectOf("Apache OpenOffice Project special report [Andrea / Doug]"),
            "OpenOffice");
}

TEST(AsfBoardAgenda, RecordsTheReviewOnly) {
  std::string text(kTop);
  text.replace(text.find("Minutes"), 7, "Agenda");
  text.replace(text.find("was scheduled"), 13, "is scheduled");
  Read r = ReadText(text +
                        " 3. Minutes from previous meetings\n\n"
                        "    A. The meeting of June 18, 2014\n\n"
                        "       [ approved: gs\n"
                        "         comments:\n"
                        "         ]\n\n"
                        " 4. Review Outstanding Action Items\n\n"
                        "    * Greg: follow up with PMC\n"
                        "          Status:\n",
                    {std::nullopt, {BoardRoster()}, std::nullopt}, true);
  const Meeting& m = r.meeting();
  EXPECT_EQ(m.key, (MeetingKey{"ASF", "Board", 2014071617}));
  EXPECT_TRUE(m.attendees.empty());
  EXPECT_TRUE(m.guests.empty());
  EXPECT_TRUE(m.decisions.empty());
  ASSERT_EQ(m.actions.size(), 1u);
  EXPECT_EQ(m.actions[0].source, ActionSource::kReview);
  EXPECT_TRUE(r.Noticed("an agenda's roll call says who is expected"));
}

TEST(AsfBoardMinutes, DateWithWeekdayAndOfficersWhoAreNotDirectors) {
  std::string text(kTop);
  text.replace(text.find("July 16, 2014"), 13, "Wednesday, July 16, 2014");
  text.replace(text.find("Executive Officers Present:"), 27, "Non-director Officers Present:");
  const Meeting m = ReadText(text, {std::nullopt, {BoardRoster()}, std::nullopt}).meeting();
  EXPECT_EQ(m.date, D(2014, 7, 16));
  EXPECT_EQ(m.staff, (std::vector<std::string>{"Rich Bowen"}));
}

TEST(AsfBoardMinutes, StartInUtcOrWithNoZone) {
  std::string text(kTop);
  text.replace(text.find("10:30am (Pacific)"), 17, "21:30 UTC");
  text.replace(text.find("10:35"), 5, "21:32");
  Read utc = ReadText(text);
  EXPECT_EQ(utc.meeting().key.number, 2014071621);
  EXPECT_EQ(utc.meeting().start_utc, (TimeOfDay{21, 32}));
  EXPECT_FALSE(utc.Noticed("no time zone"));
  std::string bare(kTop);
  bare.replace(bare.find("10:30am (Pacific)"), 17, "10:30am");
  Read pacific = ReadText(bare);
  EXPECT_EQ(pacific.meeting().start_utc, (TimeOfDay{17, 35}));
  EXPECT_TRUE(pacific.Noticed("gives no time zone; taken as US Pacific time"));
}

TEST(AsfBoardMinutes, GroupFromOptionsOrRecordOrRefused) {
  std::string text(kTop);
  text.replace(text.find("The Apache Software Foundation"), 30, "The Example Foundation");
  EXPECT_EQ(ErrorOf(text),
            "board.txt:5:29: the record names no group (no 'The Apache Software Foundation' "
            "above the title): pass --group NAME\n"
            "                              July 16, 2014\n"
            "                              ^");
  ReadOptions options;
  options.group = "EXF";
  EXPECT_EQ(ReadText(text, options).meeting().key.group, "EXF");
}

TEST(AsfBoardMinutes, LocatedErrors) {
  EXPECT_EQ(ErrorOf("Hello\n"),
            "board.txt:1:1: not ASF board minutes: no title line 'Board of Directors Meeting "
            "Minutes' at the top\n  Hello\n  ^");
  EXPECT_NE(ErrorOf("Board of Directors Meeting Minutes\n\nsoon\n")
                .find("board.txt:3:1: expected the meeting's date under the title"),
            std::string::npos);
  EXPECT_NE(ErrorOf("Board of Directors Meeting Minutes\n\nFebruary 30, 2014\n")
                .find("board.txt:3:1: no such day"),
            std::string::npos);
  EXPECT_NE(ErrorOf("Board of Directors Meeting Minutes\nFebruary 19, 2014\nnothing\n")
                .find("board.txt:2:1: no numbered sections follow"),
            std::string::npos);
  EXPECT_NE(ErrorOf("The Apache Software Foundation\nBoard of Directors Meeting Minutes\n"
                    "February 19, 2014\n 1. Call to order\n\n    Nothing.\n")
                .find("board.txt:3:1: these minutes record no roll call"),
            std::string::npos);
}

}  // namespace
}  // namespace plenary
