#include "importers/icann_notes.h"

#include <gtest/gtest.h>

#include "core/date.h"
#include "importers/roster_file.h"

namespace plenary {
namespace {

using std::chrono::year;

Date D(int y, unsigned m, unsigned d) {
  return Date{year{y} / static_cast<int>(m) / static_cast<int>(d)};
}

Roster SmallRoster() {
  auto source =
      SourceText::Load("roster.txt",
                       "group: SSR2\nname: Review Team\nactive: 2017-03-01 to 2021-01-31\n"
                       "James Gannon | member | JG\nEmily Taylor | member | ET\n"
                       "Žarko Kečić | member | ZK, Zarko Kecic\nJennifer Bryce | staff | JB\n");
  EXPECT_TRUE(source.ok());
  auto roster = ReadRoster(*source);
  EXPECT_TRUE(roster.ok()) << roster.error().message;
  return *roster;
}

Result<ImportedNotes> Read(std::string_view text,
                           NotesOptions options = {std::nullopt, {SmallRoster()}}) {
  auto source = SourceText::Load("notes.txt", text);
  if (!source.ok()) return source.error();
  return ReadIcannNotes(*source, options);
}

Meeting ReadOk(std::string_view text, NotesOptions options = {std::nullopt, {SmallRoster()}}) {
  auto notes = Read(text, std::move(options));
  EXPECT_TRUE(notes.ok()) << notes.error().message;
  return notes.ok() ? notes->meeting : Meeting{};
}

std::string ErrorOf(std::string_view text, NotesOptions options = {std::nullopt, {SmallRoster()}}) {
  auto notes = Read(text, std::move(options));
  EXPECT_FALSE(notes.ok());
  return notes.ok() ? "" : notes.error().message;
}

const std::string kHeader = "SSR2 Plenary Meeting #16 - Tuesday 20 June @ 14:00 UTC\n\n";

std::string WithTable(std::string_view rows) {
  return kHeader +
         "Attendees: Emily Taylor, James Gannon\n\n\tAction Items Plenary #16\n\n"
         "\tAction\n\tOwner\n\tDue Date\n\n" +
         std::string(rows) + "\n\n\tDecisions Made Plenary #16\n\n\tNone\n";
}

TEST(IcannNotes, CrlfAndByteOrderMarkReadLikeLf) {
  std::string lf = WithTable("\tDraft the plan.\n\tJG\n\t7 July\n");
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_EQ(ReadOk(crlf), ReadOk(lf));
}

TEST(IcannNotes, HeaderWithEnDashCommaAndYear) {
  Meeting m =
      ReadOk("SSR2 Plenary Meeting #16 \xE2\x80\x93 Tuesday, 20 June 2017 @ 14:00 UTC\n", {});
  EXPECT_EQ(m.key, (MeetingKey{"SSR2", "Plenary", 16}));
  EXPECT_EQ(m.date, D(2017, 6, 20));
  EXPECT_EQ(m.start_utc, (TimeOfDay{14, 0}));
}

TEST(IcannNotes, HeaderTimeRangesAndRemarks) {
  for (std::string_view header :
       {"SSR2 Plenary Meeting #16 - Tuesday 20 June 2017 @ 14:00 - 15:30 UTC\n",
        "SSR2 Plenary Call #16 - 20 June 2017, 14:00 to 15:30 UTC\n",
        "SSR2 Plenary #16 - 20 June 2017 @ 14:00-15:30 UTC (90 minutes)\n",
        "SSR2 RT Plenary Call #16 \xE2\x80\x93 Tuesday, 20 June 2017 at 14:00 UTC\n",
        "SSR2 Plenary Meeting #16 \xE2\x80\x93 Tuesday, 20 June 2017 \xE2\x80\x93 14:00 UTC\n",
        "SSR2 Plenary #16 | 20 June 2017 | 14:00 UTC\n"}) {
    Meeting m = ReadOk(header, {});
    EXPECT_EQ(m.key, (MeetingKey{"SSR2", "Plenary", 16})) << header;
    EXPECT_EQ(m.start_utc, (TimeOfDay{14, 0})) << header;
  }
}

TEST(IcannNotes, DateOnTheLineAfterTheTitle) {
  Meeting m = ReadOk(
      "SSR2 Plenary Meeting #16\n\nDate: Tuesday 20 June 2017 @ 14:00 UTC\n\n"
      "Attendees: Emily Taylor\n",
      {});
  EXPECT_EQ(m.date, D(2017, 6, 20));
  EXPECT_EQ(m.start_utc, (TimeOfDay{14, 0}));
  EXPECT_EQ(m.attendees, std::vector<std::string>{"Emily Taylor"});
  std::string error = ErrorOf("SSR2 Plenary Meeting #16\n\nAttendees: Emily Taylor\n", {});
  EXPECT_EQ(error.substr(0, error.find('\n')),
            "notes.txt:1:1: no date after the meeting number; expected a header like 'SSR2 "
            "Plenary Meeting #15 - Tuesday 13 June @ 06:00 UTC'");
}

TEST(IcannNotes, YearFromRosterActivePeriodAndWeekday) {
  EXPECT_EQ(ReadOk(kHeader).date, D(2017, 6, 20));
  // 20 June was also a Tuesday in 2023, outside SSR2's active period.
}

TEST(IcannNotes, YearOptionMustAgreeWithWeekday) {
  EXPECT_EQ(ReadOk(kHeader, {2017, {}}).date, D(2017, 6, 20));
  EXPECT_EQ(ErrorOf(kHeader, {2018, {}}),
            "notes.txt:1:1: 2018-06-20 is a Wednesday, not a Tuesday (year from --year)\n"
            "  SSR2 Plenary Meeting #16 - Tuesday 20 June @ 14:00 UTC\n"
            "  ^");
}

TEST(IcannNotes, NoYearAndNothingToDecideItIsRefused) {
  std::string error = ErrorOf(kHeader, {});
  EXPECT_EQ(error.substr(0, error.find('\n')),
            "notes.txt:1:1: the header gives no year and nothing decides it: give --year, or "
            "load a roster for SSR2 with its active period");
}

TEST(IcannNotes, SeveralYearsInTheActivePeriodAreRefused) {
  auto source = SourceText::Load("r.txt", "group: SSR2\nactive: 2017-01-01 to 2024-12-31\n");
  Roster wide = *ReadRoster(*source);
  std::string error = ErrorOf(kHeader, {std::nullopt, {wide}});
  EXPECT_NE(error.find("several fit SSR2's active period (2017-01-01 to 2024-12-31): "
                       "2017-06-20, 2023-06-20; give --year"),
            std::string::npos)
      << error;
}

TEST(IcannNotes, HeaderWithoutNumberIsRefusedWithTheExpectedForm) {
  EXPECT_EQ(ErrorOf("SSR2 Plenary Meeting - Tuesday 20 June\n"),
            "notes.txt:1:1: no meeting number '#N'; expected a header like 'SSR2 Plenary Meeting "
            "#15 - Tuesday 13 June @ 06:00 UTC'\n"
            "  SSR2 Plenary Meeting - Tuesday 20 June\n"
            "  ^");
}

TEST(IcannNotes, StartTimeInAnotherZoneIsRefused) {
  std::string error = ErrorOf("SSR2 Plenary Meeting #16 - Tuesday 20 June @ 14:00 CEST\n");
  EXPECT_EQ(error.substr(0, error.find('\n')),
            "notes.txt:1:52: start time in 'CEST': plenary records times in UTC; expected 'UTC'");
}

TEST(IcannNotes, InitialsAndSeveralOwnersInOneCell) {
  Meeting m = ReadOk(WithTable("\tDraft the plan.\n\tJG, ET and ICANN Org\n\tTBD\n"));
  ASSERT_EQ(m.actions.size(), 1u);
  EXPECT_EQ(m.actions[0].owners, (std::vector<Owner>{{"James Gannon", OwnerKind::kPerson},
                                                     {"Emily Taylor", OwnerKind::kPerson},
                                                     {"ICANN Org", OwnerKind::kOrganisation}}));
  EXPECT_FALSE(m.actions[0].due);
}

TEST(IcannNotes, OwnerThatMatchesNobodyIsKeptAsWritten) {
  Meeting m = ReadOk(WithTable("\tDraft the plan.\n\tXY\n\t7 July\n"));
  EXPECT_EQ(m.actions[0].owners, (std::vector<Owner>{{"XY", OwnerKind::kUnresolved}}));
}

TEST(IcannNotes, DueDateSpellings) {
  Meeting m =
      ReadOk(WithTable("\tA one.\n\tJG\n\tDue: 7 July\n\n"
                       "\tA two.\n\tJG\n\t30 June 2017\n\n"
                       "\tA three.\n\tJG\n\tJuly 4\n\n"
                       "\tA four.\n\tJG\n\t2017-08-01\n"));
  ASSERT_EQ(m.actions.size(), 4u);
  EXPECT_EQ(m.actions[0].due, D(2017, 7, 7));
  EXPECT_EQ(m.actions[1].due, D(2017, 6, 30));
  EXPECT_EQ(m.actions[2].due, D(2017, 7, 4));
  EXPECT_EQ(m.actions[3].due, D(2017, 8, 1));
}

TEST(IcannNotes, DueDateWithoutYearNearNewYearIsNextJanuary) {
  Meeting m = ReadOk(
      "SSR2 Plenary Meeting #40 - Tuesday 12 December 2017\n\n"
      "\tAction Items\n\n\tAction\n\tOwner\n\tDue Date\n\n\tX.\n\tJG\n\t10 January\n");
  EXPECT_EQ(m.actions[0].due, D(2018, 1, 10));
}

TEST(IcannNotes, NonexistentDueDateIsRefusedAtTheCell) {
  EXPECT_EQ(ErrorOf(WithTable("\tDraft the plan.\n\tJG\n\t31 June\n")),
            "notes.txt:13:2: no such day: '31 June'\n"
            "   31 June\n"
            "   ^");
}

TEST(IcannNotes, UnreadableDueDateIsRefused) {
  std::string error = ErrorOf(WithTable("\tDraft the plan.\n\tJG\n\tsoonish\n"));
  EXPECT_EQ(error.substr(0, error.find('\n')),
            "notes.txt:13:2: 'soonish' is not a due date; expected a date such as '23 June' or "
            "'30 June 2017', or 'TBD'");
}

TEST(IcannNotes, TruncatedTableIsRefusedAtItsLastRow) {
  std::string text = kHeader +
                     "\tAction Items\n\n\tAction\n\tOwner\n\tDue Date\n\n"
                     "\tFirst.\n\tJG\n\t7 July\n\n\tSecond.\n\tET\n";
  EXPECT_EQ(ErrorOf(text),
            "notes.txt:13:2: truncated table: this row has 2 cells, expected 3 (Action, Owner, "
            "Due Date)\n"
            "   Second.\n"
            "   ^");
}

TEST(IcannNotes, RowWithTwoCellsIsRefusedEvenWhenMoreRowsFollow) {
  std::string error = ErrorOf(WithTable("\tFirst.\n\tJG\n\n\tSecond.\n\tET\n\t7 July\n"));
  EXPECT_EQ(
      error.substr(0, error.find('\n')),
      "notes.txt:11:2: table row: this row has 2 cells, expected 3 (Action, Owner, Due Date)");
}

TEST(IcannNotes, CellContinuedOnUnindentedLineAcrossABlankLine) {
  Meeting m =
      ReadOk(WithTable("\tReframe the question:\nWhat is the plan? (ZK)\n\n\tICANN Org\n\tTBD\n"));
  ASSERT_EQ(m.actions.size(), 1u);
  EXPECT_EQ(m.actions[0].text, "Reframe the question: What is the plan? (ZK)");
  EXPECT_EQ(m.actions[0].raised_by, (Owner{"Žarko Kečić", OwnerKind::kPerson}));
}

TEST(IcannNotes, EmptyCellsAsTabOnlyLines) {
  Meeting m = ReadOk(WithTable("\tDraft the plan.\n\t\n\t7 July\n\n\tReview it.\n\tET\n\t\n"));
  ASSERT_EQ(m.actions.size(), 2u);
  EXPECT_TRUE(m.actions[0].owners.empty());
  EXPECT_EQ(m.actions[0].due, D(2017, 7, 7));
  EXPECT_EQ(m.actions[1].owners[0].name, "Emily Taylor");
  EXPECT_FALSE(m.actions[1].due);
}

TEST(IcannNotes, TabSeparatedAndPipeTables) {
  std::string tabs = kHeader +
                     "Action items\nAction\tOwner\tDue Date\tStatus\n"
                     "Draft the plan.\tJG\t7 July\tDone\nReview it.\tET\tTBD\tOpen\n";
  Meeting m = ReadOk(tabs);
  ASSERT_EQ(m.actions.size(), 2u);
  EXPECT_EQ(m.actions[0].status, ActionStatus::kComplete);
  EXPECT_EQ(m.actions[1].owners[0].name, "Emily Taylor");

  std::string pipes = kHeader +
                      "Action Items\n| Action | Owner | Due |\n|---|---|---|\n"
                      "| Draft the plan. | JG | 7 July |\n";
  Meeting p = ReadOk(pipes);
  ASSERT_EQ(p.actions.size(), 1u);
  EXPECT_EQ(p.actions[0].due, D(2017, 7, 7));
  std::string error =
      ErrorOf(kHeader + "Action Items\n| Action | Owner | Due |\n| Draft. | JG |\n");
  EXPECT_EQ(error.substr(0, error.find('\n')),
            "notes.txt:5:1: table row: this row has 2 cells, expected 3 (Action, Owner, Due)");
}

TEST(IcannNotes, ActionItemsAsABulletList) {
  Meeting m = ReadOk(kHeader +
                     "Action Items:\n"
                     "\xC2\xB7 Staff to circulate the revised ToR: Due 30 June\n"
                     "\xC2\xB7 JG: draft the outreach plan,\n  with the sub-team leads\n"
                     "\xC2\xB7 Schedule the SSR1 briefings\n"
                     "\nDecisions Reached:\n\xC2\xB7 None\n");
  ASSERT_EQ(m.actions.size(), 3u);
  EXPECT_EQ(m.actions[0].text, "Staff to circulate the revised ToR");
  EXPECT_EQ(m.actions[0].owners[0].name, "Staff");
  EXPECT_EQ(m.actions[0].due, D(2017, 6, 30));
  EXPECT_EQ(m.actions[1].text, "draft the outreach plan, with the sub-team leads");
  EXPECT_EQ(m.actions[1].owners[0].name, "James Gannon");
  EXPECT_EQ(m.actions[1].line, 5);
  EXPECT_TRUE(m.actions[2].owners.empty());
  for (const ActionItem& a : m.actions) EXPECT_EQ(a.source, ActionSource::kTable);
  EXPECT_TRUE(m.decisions.empty());
}

TEST(IcannNotes, ActionItemsAsLabelledLines) {
  Meeting m = ReadOk(kHeader +
                     "Action Items\n"
                     "ACTION: Staff to circulate the revised ToR by 30 June.\n"
                     "ACTION ITEM: JG to draft the outreach plan.\n\nAOB\n");
  ASSERT_EQ(m.actions.size(), 2u);
  EXPECT_EQ(m.actions[0].text, "Staff to circulate the revised ToR");
  EXPECT_EQ(m.actions[0].due, D(2017, 6, 30));
  EXPECT_EQ(m.actions[1].owners[0].name, "James Gannon");
}

TEST(IcannNotes, TableWithoutHeaderRowIsRefused) {
  std::string error = ErrorOf(kHeader + "\tAction Items\n\n\tDraft the plan.\n\tJG\n\t7 July\n");
  EXPECT_EQ(error.substr(0, error.find('\n')),
            "notes.txt:5:2: expected the table's header row, such as 'Action', 'Owner', 'Due "
            "Date' (one cell a line, or separated by tabs or '|')");
}

TEST(IcannNotes, DecisionsReachedAndDecisionsRestatedInNotes) {
  Meeting m = ReadOk(kHeader +
                     "Decisions Reached:\n\n\tThe team agreed to meet weekly.\n\n"
                     "SUMMARY NOTES:\n\nWork plans\n"
                     "\xC2\xB7 The Team agreed to meet weekly.\n"
                     "\xC2\xB7 Decision: Sub-teams report monthly.\n"
                     "\xC2\xB7 Team members suggested a retreat.\n");
  ASSERT_EQ(m.decisions.size(), 2u);
  EXPECT_EQ(m.decisions[0].text, "The team agreed to meet weekly.");
  EXPECT_EQ(m.decisions[1].text, "Sub-teams report monthly.");
}

// Regression: a numbered line straight after a heading, then an unindented
// line, read the last note of a section that had none (SIGSEGV on a copied
// wiki meeting page).
TEST(IcannNotes, NumberedLineAfterAHeadingThenAnUnindentedLineDoesNotCrash) {
  auto notes = Read(kHeader + "SUMMARY NOTES:\n\nAgenda\n  1. Welcome, roll call\nAOB\n");
  ASSERT_TRUE(notes.ok()) << notes.error().message;
  auto again = Read(kHeader + "Decisions Reached:\n\n1. Agreed\nCall Details\n14:00 UTC\n");
  EXPECT_TRUE(again.ok() || again.error().message.rfind("notes.txt:", 0) == 0);
}

TEST(IcannNotes, ReviewOfOpenItems) {
  Meeting m = ReadOk(kHeader +
                     "SUMMARY NOTES:\n\nReview open action items\n"
                     "\xC2\xB7 JG to circulate the survey: Due 30 June\n"
                     "\xC2\xB7 Collect SSR1 briefings. Done.\n"
                     "\xC2\xB7 Book the venue (no longer needed). Withdrawn.\n"
                     "\xC2\xB7 Staff to update the wiki (due 7 July)\n");
  ASSERT_EQ(m.actions.size(), 4u);
  for (const ActionItem& a : m.actions) EXPECT_EQ(a.source, ActionSource::kReview);
  EXPECT_EQ(m.actions[0].text, "JG to circulate the survey");
  EXPECT_EQ(m.actions[0].owners[0].name, "James Gannon");
  EXPECT_EQ(m.actions[0].due, D(2017, 6, 30));
  EXPECT_EQ(m.actions[1].status, ActionStatus::kComplete);
  EXPECT_EQ(m.actions[1].text, "Collect SSR1 briefings.");
  EXPECT_EQ(m.actions[2].status, ActionStatus::kCancelled);
  EXPECT_EQ(m.actions[3].due, D(2017, 7, 7));
  EXPECT_EQ(m.actions[3].owners[0].name, "Staff");
}

TEST(IcannNotes, ActionsAssignedInNotesButNotSuggestions) {
  Meeting m = ReadOk(kHeader +
                     "SUMMARY NOTES:\n\nAOB\n"
                     "\xC2\xB7 Poor attendance. ET to draft a reminder by 7 July.\n"
                     "\xC2\xB7 Suggestion from team members to break work into tasks.\n"
                     "\xC2\xB7 Board is preparing a response.\n"
                     "\xC2\xB7 Action: circulate the minutes.\n");
  ASSERT_EQ(m.actions.size(), 2u);
  EXPECT_EQ(m.actions[0].text, "ET to draft a reminder");
  EXPECT_EQ(m.actions[0].owners, (std::vector<Owner>{{"Emily Taylor", OwnerKind::kPerson}}));
  EXPECT_EQ(m.actions[0].due, D(2017, 7, 7));
  EXPECT_EQ(m.actions[1].text, "circulate the minutes.");
  EXPECT_TRUE(m.actions[1].owners.empty());  // never invented
}

TEST(IcannNotes, NamesMatchThroughDiacriticsAndUnknownNamesAreReported) {
  auto notes = Read(kHeader +
                    "Attendees: Zarko Kecic, Emily TAYLOR, Pat Doe (observer)\n"
                    "Apologies: JG\n");
  ASSERT_TRUE(notes.ok()) << notes.error().message;
  EXPECT_EQ(notes->meeting.attendees,
            (std::vector<std::string>{"Žarko Kečić", "Emily Taylor", "Pat Doe"}));
  EXPECT_EQ(notes->meeting.apologies, std::vector<std::string>{"James Gannon"});
  ASSERT_EQ(notes->warnings.size(), 1u);
  EXPECT_EQ(notes->warnings[0].substr(0, notes->warnings[0].find('\n')),
            "notes.txt:3:1: warning: 'Pat Doe' matches nobody on the SSR2 roster; kept as written");
}

TEST(IcannNotes, SubTeamFromTheHeadersKind) {
  Roster roster = SmallRoster();
  roster.subteams = {{"SSR1 review", "Emily Taylor", {"Emily Taylor", "James Gannon"}},
                     {"ICANN Security", std::nullopt, {"Žarko Kečić"}}};
  NotesOptions options{std::nullopt, {roster}};
  Meeting review =
      ReadOk("SSR2 SSR1 Review Subteam Meeting #3 - Tuesday 20 June @ 14:00 UTC\n", options);
  EXPECT_EQ(review.key.kind, "SSR1 Review Subteam");
  EXPECT_EQ(review.subteam, "SSR1 review");
  Meeting security =
      ReadOk("SSR2 ICANN Security Sub-team Call #2 - Tuesday 20 June @ 14:00 UTC\n", options);
  EXPECT_EQ(security.key.kind, "ICANN Security Sub-team");
  EXPECT_EQ(security.subteam, "ICANN Security");
  EXPECT_EQ(ReadOk(kHeader, options).subteam, std::nullopt);
  EXPECT_EQ(ReadOk("SSR2 SSR1 Review Subteam Meeting #3 - Tuesday 20 June @ 14:00 UTC\n").subteam,
            std::nullopt);  // the roster names no sub-team
}

TEST(IcannNotes, FieldsWithADashAndRecordingsAreNotTheRecord) {
  Meeting m = ReadOk(kHeader +
                     "Attendees \xE2\x80\x93 Emily Taylor, JG\n"
                     "Audio recording: https://icann.zoom.us/rec/abc\n\n"
                     "SUMMARY NOTES:\n\nUpdated SOIs\n\xC2\xB7 Apologies - ET\n");
  EXPECT_EQ(m.attendees, (std::vector<std::string>{"Emily Taylor", "James Gannon"}));
  EXPECT_EQ(m.apologies, std::vector<std::string>{"Emily Taylor"});
  EXPECT_FALSE(m.record_url);
}

TEST(IcannNotes, OfficialRecordLink) {
  Meeting m = ReadOk(kHeader +
                     "NOTE: The official record of the meeting can be found at "
                     "https://community.icann.org/x/abc.\n");
  EXPECT_EQ(m.record_url, "https://community.icann.org/x/abc");
}

}  // namespace
}  // namespace plenary
