#include "importers/icann/wiki_page.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "importers/roster_file.h"

namespace plenary {
namespace {

Date D(int y, int m, int d) { return Date{std::chrono::year{y} / m / d}; }

Roster WikiRoster() {
  auto source =
      SourceText::Load("roster.txt",
                       "group: SSR2\nname: Review Team\nactive: 2017-03-01 to 2021-01-31\n"
                       "James Gannon | member | JG\nEmily Taylor | member | ET\n"
                       "Zarko Kecic | member | ZK, Žarko Kečić\nGeoff Huston | member | GH\n"
                       "Mohamad Amin Hasbini | member | MAH, Amin Hasbini\nDenise Michel | member\n"
                       "Laurin Weissinger | member | LW\nJennifer Bryce | staff | JB\n"
                       "Brenda Brewer | staff\n");
  EXPECT_TRUE(source.ok());
  auto roster = ReadRoster(*source);
  EXPECT_TRUE(roster.ok()) << roster.error().message;
  return *roster;
}

ReadOptions WithRoster() {
  ReadOptions options;
  options.rosters = {WikiRoster()};
  return options;
}

Result<Minutes> Read(std::string_view text, const ReadOptions& options = WithRoster()) {
  auto source = SourceText::Load("page.txt", text);
  if (!source.ok()) return source.error();
  return ReadIcannWikiPage(*source, options);
}

struct Page {
  Meeting meeting;
  std::vector<std::string> notices;
};

Page ReadOk(std::string_view text, const ReadOptions& options = WithRoster()) {
  auto read = Read(text, options);
  EXPECT_TRUE(read.ok()) << read.error().message;
  if (!read.ok()) return {};
  EXPECT_EQ(read->meetings.size(), 1u);
  return {read->meetings.front(), read->notices};
}

std::string ErrorOf(std::string_view text) {
  auto read = Read(text);
  EXPECT_FALSE(read.ok());
  return read.ok() ? "" : read.error().message;
}

int Confidence(std::string_view text) {
  auto source = SourceText::Load("page.txt", text);
  EXPECT_TRUE(source.ok());
  return DetectIcannWikiPage(*source).confidence;
}

bool HasNotice(const std::vector<std::string>& notices, std::string_view text) {
  return std::any_of(notices.begin(), notices.end(),
                     [&](const std::string& n) { return n.find(text) != std::string::npos; });
}

Owner Person(std::string name) { return {std::move(name), OwnerKind::kPerson}; }

// Labels in another order, "Staff:" for the organisation's people, a
// sub-bullet, numbered actions, and Call Details on the label's own line.
constexpr std::string_view kOtherOrder =
    "SSR2 Plenary #44 - 20 September 2018\n"
    "\n"
    "Apologies:  Denise Michel\n"
    "Staff:  Jennifer Bryce, Brenda Brewer\n"
    "Review Team Members:  Zarko, Laurin Weissinger, J. G., Emily Taylor\n"
    "Observers:  /\n"
    "\n"
    "Action Items:\n"
    "1. JG and Emily Taylor to revise the recommendation text by Monday 24 September.\n"
    "2. Review team members to send comments before 1 October.\n"
    "3. ICANN org to answer the open questions by the end of October.\n"
    "\n"
    "Decisions Reached:\n"
    "  \xE2\x80\xA2 Draft report to go to public comment after the Barcelona meeting.\n"
    "\n"
    "Call Details:  21:00 - 22:30 UTC\n";

TEST(IcannWiki, LabelsInAnyOrderStaffLabelAndNumberedActions) {
  Page page = ReadOk(kOtherOrder);
  const Meeting& m = page.meeting;
  EXPECT_EQ(m.key, (MeetingKey{"SSR2", "Plenary", 44}));
  EXPECT_EQ(m.date, D(2018, 9, 20));
  EXPECT_EQ(m.start_utc, (TimeOfDay{21, 0}));
  EXPECT_EQ(m.apologies, (std::vector<std::string>{"Denise Michel"}));
  EXPECT_EQ(m.staff, (std::vector<std::string>{"Jennifer Bryce", "Brenda Brewer"}));
  EXPECT_EQ(m.attendees, (std::vector<std::string>{"Zarko Kecic", "Laurin Weissinger",
                                                   "James Gannon", "Emily Taylor"}));
  EXPECT_TRUE(m.guests.empty());
  ASSERT_EQ(m.actions.size(), 3u);
  EXPECT_EQ(m.actions[0].text, "JG and Emily Taylor to revise the recommendation text");
  EXPECT_EQ(m.actions[0].owners,
            (std::vector<Owner>{Person("James Gannon"), Person("Emily Taylor")}));
  EXPECT_EQ(m.actions[0].due, D(2018, 9, 24));
  EXPECT_EQ(m.actions[1].owners, (std::vector<Owner>{{"Team", OwnerKind::kOrganisation}}));
  EXPECT_EQ(m.actions[1].due, D(2018, 10, 1));
  EXPECT_EQ(m.actions[2].owners, (std::vector<Owner>{{"ICANN Org", OwnerKind::kOrganisation}}));
  EXPECT_EQ(m.actions[2].due, D(2018, 10, 31));
  ASSERT_EQ(m.decisions.size(), 1u);
  EXPECT_TRUE(m.agenda.empty());
  EXPECT_TRUE(HasNotice(page.notices, "'J. G.' taken as James Gannon: initials"));
  EXPECT_TRUE(HasNotice(page.notices, "'by the end of October' taken as 2018-10-31"));
}

TEST(IcannWiki, ActionItemsNoneAndNoCallDetails) {
  Page page = ReadOk(
      "SSR2 Plenary #45 - 27 September 2018\n\n"
      "Review Team Members:  Geoff Huston, Dr. Hasbini\n\n"
      "Action Items:  None\n\n"
      "  1. Welcome\n  2. AOB\n");
  const Meeting& m = page.meeting;
  EXPECT_EQ(m.start_utc, std::nullopt);
  EXPECT_EQ(m.attendees, (std::vector<std::string>{"Geoff Huston", "Mohamad Amin Hasbini"}));
  EXPECT_TRUE(m.actions.empty());
  ASSERT_EQ(m.agenda.size(), 2u);  // after "None" a numbered list is the agenda
  EXPECT_EQ(m.agenda[1].heading, "AOB");
}

TEST(IcannWiki, MissingSectionsAndAgendaNotes) {
  Page page = ReadOk(
      "SSR2 Plenary #46 - 4 October 2018 @ 13:00 UTC\n"
      "SSR2 Plenary #46 - 4 October 2018 @ 13:00 UTC\n\n"
      "Agenda\n"
      "1. Subteam updates\n"
      "  \xE2\x80\xA2 Action: Staff to book the room for Barcelona.\n"
      "  \xE2\x80\xA2 Team agreed to keep the current schedule.\n"
      "2. AOB\n");
  const Meeting& m = page.meeting;
  EXPECT_EQ(m.start_utc, (TimeOfDay{13, 0}));
  EXPECT_TRUE(m.attendees.empty());
  ASSERT_EQ(m.agenda.size(), 2u);
  EXPECT_EQ(m.agenda[0].heading, "Subteam updates");
  EXPECT_EQ(m.agenda[0].notes.size(), 2u);
  ASSERT_EQ(m.actions.size(), 1u);
  EXPECT_EQ(m.actions[0].source, ActionSource::kNotes);
  EXPECT_EQ(m.actions[0].text, "Staff to book the room for Barcelona.");
  ASSERT_EQ(m.decisions.size(), 1u);
}

TEST(IcannWiki, OwnersAsPeopleWriteThemAndDuesInWords) {
  Page page = ReadOk(
      "SSR2 Plenary #47 - Thursday 11 October 2018\n\n"
      "Review Team Members:  Emily Taylor\n\n"
      "Action Items:\n"
      "  \xE2\x80\xA2 Zarko, Geof Huston and Mr Weissinger to draft the DNS findings by COB "
      "Friday.\n"
      "  \xE2\x80\xA2 Pat Kane to share slides before the next call.\n"
      "  \xE2\x80\xA2 Emily to circulate the draft by next week.\n"
      "  \xE2\x80\xA2 Circulate the draft report.\n");
  const Meeting& m = page.meeting;
  ASSERT_EQ(m.actions.size(), 4u);
  EXPECT_EQ(m.actions[0].owners, (std::vector<Owner>{Person("Zarko Kecic"), Person("Geoff Huston"),
                                                     Person("Laurin Weissinger")}));
  EXPECT_EQ(m.actions[0].due, D(2018, 10, 12));
  EXPECT_EQ(m.actions[1].owners, (std::vector<Owner>{{"Pat Kane", OwnerKind::kUnresolved}}));
  EXPECT_EQ(m.actions[1].due_phrase, "before the next call");
  EXPECT_EQ(m.actions[2].owners, (std::vector<Owner>{Person("Emily Taylor")}));
  EXPECT_EQ(m.actions[2].due_phrase, "by next week");
  EXPECT_TRUE(m.actions[3].owners.empty());
  const auto& n = page.notices;
  EXPECT_TRUE(HasNotice(n, "'Geof Huston' taken as Geoff Huston: one letter apart"));
  EXPECT_TRUE(HasNotice(n, "'Mr Weissinger' taken as Laurin Weissinger: title 'Mr' dropped"));
  EXPECT_TRUE(HasNotice(n, "'Pat Kane' matches nobody on the SSR2 roster; kept as written"));
  EXPECT_TRUE(HasNotice(n, "page.txt:7:"));  // located at the action's line
  EXPECT_TRUE(HasNotice(n, "the action names no owner at its start; recorded unassigned"));
}

TEST(IcannWiki, LabelsWordedOtherwise) {
  Page page = ReadOk(
      "SSR2 Plenary #43 - 13 September 2018\n\n"
      "SSR2 Review Team Members:  Emily Taylor, Zarko\n"
      "Guests/Observers:  Pat Kane\n"
      "Support Staff:  Jennifer Bryce\n"
      "Technical Writer:  Brenda Brewer\n"
      "Apologies/Absent:  Denise Michel\n"
      "Zoom recording & chat:  here\n");
  const Meeting& m = page.meeting;
  EXPECT_EQ(m.attendees, (std::vector<std::string>{"Emily Taylor", "Zarko Kecic"}));
  EXPECT_EQ(m.guests, (std::vector<std::string>{"Pat Kane"}));
  EXPECT_EQ(m.staff, (std::vector<std::string>{"Jennifer Bryce", "Brenda Brewer"}));
  EXPECT_EQ(m.apologies, (std::vector<std::string>{"Denise Michel"}));
  EXPECT_FALSE(HasNotice(page.notices, "not understood"));
}

TEST(IcannWiki, RemarksOnAttendance) {
  Page page = ReadOk(
      "SSR2 Plenary #43 - 13 September 2018\n\n"
      "Review Team Members:  Emily Taylor (joined at 14:20), Zarko (audio only, left early), "
      "Geoff Huston\n");
  const Meeting& m = page.meeting;
  EXPECT_EQ(m.attendees,
            (std::vector<std::string>{"Emily Taylor", "Zarko Kecic", "Geoff Huston"}));
  EXPECT_EQ(m.attendance_remarks,
            (std::vector<AttendanceRemark>{{"Emily Taylor", "joined at 14:20"},
                                           {"Zarko Kecic", "audio only, left early"}}));
}

TEST(IcannWiki, BulletsUnderAHeadingOfTheirOwnAreNotesNotActions) {
  Page page = ReadOk(
      "SSR2 Plenary #43 - 13 September 2018\n\n"
      "Action Items:\n"
      "  \xE2\x80\xA2 Staff to send the agenda.\n\n"
      "Notes\n"
      "  \xE2\x80\xA2 Emily to present the draft at the next call.\n");
  const Meeting& m = page.meeting;
  ASSERT_EQ(m.actions.size(), 1u);
  ASSERT_EQ(m.agenda.size(), 1u);
  EXPECT_EQ(m.agenda[0].heading, "Notes");
  EXPECT_EQ(m.agenda[0].notes,
            (std::vector<std::string>{"Emily to present the draft at the next call."}));
}

TEST(IcannWiki, BreadcrumbsBeforeTheTitle) {
  constexpr std::string_view kPage =
      "Pages / SSR2 Review Team / Plenary Meetings\n\n"
      "SSR2 Plenary #43 - 13 September 2018\n"
      "Created by Jennifer Bryce, last modified on Sep 14, 2018\n\n"
      "Review Team Members:  Emily Taylor\n";
  EXPECT_GT(Confidence(kPage), 60);
  Page page = ReadOk(kPage);
  EXPECT_EQ(page.meeting.key, (MeetingKey{"SSR2", "Plenary", 43}));
  EXPECT_TRUE(HasNotice(page.notices, "page.txt:1:1: notice: before the page's title; ignored"));
  EXPECT_TRUE(HasNotice(page.notices, "page.txt:4:1: notice: line not understood; ignored"));
}

TEST(IcannWiki, AmbiguousNamesAreKeptAsWritten) {
  ReadOptions options = WithRoster();
  options.rosters[0].people.push_back({"Emily Brown", Role::kObserver, {}, {}, {}});
  Page page = ReadOk(
      "SSR2 Plenary #48 - 18 October 2018\n\nReview Team Members:  Emily, Emily Taylor\n", options);
  EXPECT_EQ(page.meeting.attendees, (std::vector<std::string>{"Emily", "Emily Taylor"}));
  EXPECT_TRUE(HasNotice(page.notices, "'Emily' could be Emily Taylor or Emily Brown"));
}

TEST(IcannWiki, WithoutARosterNamesAreKeptAndOneNoticeSaysWhy) {
  Page page =
      ReadOk("SSR2 Plenary #41 - 30 August 2018\n\nReview Team Members:  Zarko\n", ReadOptions{});
  EXPECT_EQ(page.meeting.attendees, (std::vector<std::string>{"Zarko"}));
  EXPECT_TRUE(HasNotice(page.notices, "no roster for SSR2: names are kept as written"));
}

TEST(IcannWiki, ErrorsAreLocated) {
  EXPECT_EQ(ErrorOf("SSR2 Plenary #41 - 30 August 2018\n\nCall Details\n"),
            "page.txt:1:1: a title but nothing a meeting record holds: expected lists such as "
            "'Review Team Members:', 'Decisions Reached:' or 'Action Items:'\n"
            "  SSR2 Plenary #41 - 30 August 2018\n  ^");
  std::string no_day = ErrorOf(
      "SSR2 Plenary #41 - 30 August 2018\n\nAction Items:\n  \xE2\x80\xA2 Staff to write by 31 "
      "June.\n");
  EXPECT_TRUE(no_day.starts_with("page.txt:4:")) << no_day;
  EXPECT_NE(no_day.find("no such day"), std::string::npos) << no_day;
  EXPECT_TRUE(ErrorOf("Plenary page\n\nReview Team Members: A\n").starts_with("page.txt:1:"));
}

TEST(IcannWiki, DetectionClaimsWikiPagesOnly) {
  EXPECT_GT(Confidence(kOtherOrder), 60);
  EXPECT_GT(Confidence("SSR2 Plenary #41 - 30 August 2018\n\nSSR2 Plenary #41 - 30 August "
                       "2018\n\nAttendees: A\n"),
            60);
  EXPECT_EQ(Confidence("SSR2 Plenary Meeting #15 - Tuesday 13 June @ 06:00 UTC\n\n"
                       "Attendees: Emily Taylor\nStaff: Jennifer Bryce\n\n"
                       "\tDecisions Made Plenary #15\n\n\tNone\n\n"
                       "\xC2\xB7 Observers: Keep interactions as-is for now.\n"),
            0);
  EXPECT_EQ(Confidence("Review Team Members: A\n"), 0);
}

}  // namespace
}  // namespace plenary
