// The markdown reader on records written in the styles groups use: W3C
// working-group minutes, Node.js TSC and Python steering council minutes,
// Rust team meeting notes, HackMD notes with task lists, a file of several
// sessions; and the refusals.
#include "importers/markdown/markdown_reader.h"

#include <gtest/gtest.h>

#include "core/meeting_label.h"
#include "importers/markdown/markdown_vocabulary.h"

namespace plenary {
namespace {

using Names = std::vector<std::string>;

Result<Minutes> Read(std::string_view text, ReadOptions options = {}) {
  auto source = SourceText::Load("m.md", text);
  EXPECT_TRUE(source.ok());
  return ReadMarkdownMinutes(*source, options);
}

Minutes ReadOk(std::string_view text, ReadOptions options = {}) {
  auto read = Read(text, std::move(options));
  EXPECT_TRUE(read.ok()) << read.error().message;
  return read.ok() ? *read : Minutes{};
}

Names OwnersOf(const ActionItem& a) {
  Names out;
  for (const Owner& o : a.owners) out.push_back(o.name);
  return out;
}

Date Day(int y, unsigned m, unsigned d) { return Date{std::chrono::year{y} / m / d}; }

TEST(MarkdownReader, W3cWorkingGroupMinutes) {
  Minutes minutes = ReadOk(R"(# Web Apps WG Teleconference — 14 March 2024

Present: Ada Lovelace, Grace Hopper, Alan Turing (W3C Staff)
Regrets: Tim Berners-Lee
Guests: None
Chair: Grace Hopper
Scribe: Ada Lovelace

## Topic: Publishing the draft

Discussion of the draft.

RESOLUTION: Publish the draft as a First Public Working Draft.

ACTION: Ada Lovelace to prepare the transition request by 21 March.

## Summary of action items

1. Alan Turing to update the test suite
)",
                           {std::nullopt, {}, std::string("WEBAPPS")});
  ASSERT_EQ(minutes.meetings.size(), 1u);
  const Meeting& m = minutes.meetings[0];
  EXPECT_EQ(m.key,
            (MeetingKey{"WEBAPPS", "Teleconference", DatedMeetingNumber(Day(2024, 3, 14), {})}));
  EXPECT_EQ(m.attendees, (Names{"Ada Lovelace", "Grace Hopper"}));
  EXPECT_EQ(m.staff, Names{"Alan Turing"});
  EXPECT_EQ(m.apologies, Names{"Tim Berners-Lee"});
  ASSERT_EQ(m.decisions.size(), 1u);
  EXPECT_EQ(m.decisions[0].text, "Publish the draft as a First Public Working Draft.");
  EXPECT_EQ(m.decisions[0].line, 13);
  EXPECT_TRUE(m.guests.empty());
  ASSERT_EQ(m.actions.size(), 2u);
  EXPECT_EQ(m.actions[0].text, "Ada Lovelace to prepare the transition request by 21 March.");
  EXPECT_EQ(OwnersOf(m.actions[0]), Names{"Ada Lovelace"});
  EXPECT_EQ(m.actions[0].due, Day(2024, 3, 21));
  EXPECT_EQ(m.actions[0].source, ActionSource::kNotes);
  EXPECT_EQ(m.actions[1].text, "Alan Turing to update the test suite");
  EXPECT_EQ(m.actions[1].source, ActionSource::kTable);
}

TEST(MarkdownReader, NodeTscMinutesWithHandles) {
  Minutes minutes = ReadOk(R"(# Node.js TSC Meeting 2024-02-07

## Links

* **Recording**: https://example.org/recording

## Present

* Rich Trott (@Trott) (TSC)
* Jane Doe (@janedoe) (TSC)
* Sam Roe (@samroe) (Guest)

## Agenda

### Announcements

* Nothing new.

### Action items

* [ ] @janedoe to open an issue about the release schedule
* [x] Rich Trott to land the governance change
)");
  ASSERT_EQ(minutes.meetings.size(), 1u);
  const Meeting& m = minutes.meetings[0];
  EXPECT_EQ(m.key.group, "TSC");
  EXPECT_EQ(m.key.kind, "Meeting");
  EXPECT_EQ(m.attendees, (Names{"Rich Trott", "Jane Doe"}));
  EXPECT_EQ(m.guests, Names{"Sam Roe"});
  ASSERT_EQ(m.actions.size(), 2u);
  EXPECT_EQ(OwnersOf(m.actions[0]), Names{"@janedoe"});
  EXPECT_EQ(m.actions[0].status, ActionStatus::kOpen);
  EXPECT_EQ(m.actions[1].status, ActionStatus::kComplete);
  EXPECT_EQ(m.actions[1].written_status, "done");
  EXPECT_EQ(OwnersOf(m.actions[1]), Names{"Rich Trott"});
}

TEST(MarkdownReader, SteeringCouncilFrontMatterAndDecisions) {
  Minutes minutes = ReadOk(R"(---
title: Steering Council meeting
group: PSC
date: 2024-01-08
---

Attendees: Barry Warsaw, Emily Morehouse, Gregory Smith
Regrets: Pablo Galindo

## Decisions

- Approved the PEP 123 delegation to Thomas Wouters.
- Agreed to hold the sprint in May.

## Notes

The minutes of the 1 January meeting were approved.
)");
  ASSERT_EQ(minutes.meetings.size(), 1u);
  const Meeting& m = minutes.meetings[0];
  EXPECT_EQ(m.key, (MeetingKey{"PSC", "Meeting", DatedMeetingNumber(Day(2024, 1, 8), {})}));
  EXPECT_EQ(m.attendees, (Names{"Barry Warsaw", "Emily Morehouse", "Gregory Smith"}));
  EXPECT_EQ(m.apologies, Names{"Pablo Galindo"});
  ASSERT_EQ(m.decisions.size(), 3u);
  EXPECT_EQ(m.decisions[0].text, "Approved the PEP 123 delegation to Thomas Wouters.");
  EXPECT_EQ(m.decisions[0].line, 12);  // line numbers survive the front matter
  EXPECT_EQ(m.decisions[2].text, "The minutes of the 1 January meeting were approved.");
}

TEST(MarkdownReader, HackmdNotesWithTaskListAttendanceAndStrikeThrough) {
  Minutes minutes = ReadOk(R"(---
title: Infra sync
tags: meeting
---

# Infra sync 2024-03-05 14:00 UTC

## Attendance

- [x] Alice Example
- [x] Bob Example
- [ ] Carol Example

## Action items

- [ ] Alice Example to rotate the keys by 2024-03-12
- ~~Bob Example to retire the old runner~~
- Bob Example and Carol Example to write the postmortem before the next sync
)",
                           {std::nullopt, {}, std::string("INFRA")});
  ASSERT_EQ(minutes.meetings.size(), 1u);
  const Meeting& m = minutes.meetings[0];
  EXPECT_EQ(m.start_utc, (TimeOfDay{14, 0}));
  EXPECT_EQ(m.key.number, DatedMeetingNumber(Day(2024, 3, 5), TimeOfDay{14, 0}));
  EXPECT_EQ(m.attendees, (Names{"Alice Example", "Bob Example"}));
  EXPECT_EQ(m.apologies, Names{"Carol Example"});
  ASSERT_EQ(m.actions.size(), 3u);
  EXPECT_EQ(m.actions[0].due, Day(2024, 3, 12));
  EXPECT_EQ(m.actions[1].status, ActionStatus::kComplete);
  EXPECT_EQ(m.actions[1].written_status, "done");
  EXPECT_EQ(OwnersOf(m.actions[2]), (Names{"Bob Example", "Carol Example"}));
  EXPECT_EQ(m.actions[2].due, std::nullopt);
  EXPECT_EQ(m.actions[2].due_phrase, "before the next sync");
}

TEST(MarkdownReader, RustTeamMeetingWithTable) {
  Minutes minutes = ReadOk(R"(# T-LANG Triage Meeting 2024-04-10

## Attendance

| Name | Role |
|------|------|
| Josh Triplett | member |
| Niko Matsakis | lead |

## Action item review

### Done

- Josh Triplett to write the RFC summary

### Dropped

- Niko Matsakis to survey the ecosystem

### New

- Niko Matsakis to draft the design note
)");
  const Meeting& m = minutes.meetings.at(0);
  EXPECT_EQ(m.key.group, "T-LANG");
  EXPECT_EQ(m.attendees, (Names{"Josh Triplett", "Niko Matsakis"}));
  ASSERT_EQ(m.actions.size(), 3u);
  EXPECT_EQ(m.actions[0].status, ActionStatus::kComplete);
  EXPECT_EQ(m.actions[0].source, ActionSource::kReview);
  EXPECT_EQ(m.actions[1].status, ActionStatus::kCancelled);
  EXPECT_EQ(m.actions[1].written_status, "dropped");
  EXPECT_EQ(m.actions[2].status, ActionStatus::kOpen);
  EXPECT_EQ(m.actions[2].written_status, "new");
  EXPECT_EQ(m.actions[2].source, ActionSource::kTable);
}

TEST(MarkdownReader, SeveralSessionsInOneFileAreSeveralMeetings) {
  Minutes minutes = ReadOk(R"(# ABC Interim Meetings

## ABC Session 2024-03-18

Present: Ann Able, Ben Baker

ACTION: Ann Able to send the slides.

## ABC Session 2024-03-19

Present: Ann Able

### Approval of the minutes of 2024-03-18

The minutes of 2024-03-18 were approved.
)");
  ASSERT_EQ(minutes.meetings.size(), 2u);
  EXPECT_EQ(minutes.meetings[0].date, Day(2024, 3, 18));
  EXPECT_EQ(minutes.meetings[0].attendees, (Names{"Ann Able", "Ben Baker"}));
  EXPECT_EQ(minutes.meetings[0].actions.size(), 1u);
  EXPECT_EQ(minutes.meetings[1].date, Day(2024, 3, 19));
  EXPECT_EQ(minutes.meetings[1].key.kind, "Session");
  EXPECT_EQ(minutes.meetings[1].decisions.size(), 1u);
}

TEST(MarkdownReader, ActionsAsParagraphLinesAndADatedTopicInsideAMeeting) {
  Minutes minutes = ReadOk(R"(# XRSG Teleconference 2025-09-23

Present: Ann Able, Ben Baker

## XRSG Action Items

DONE
Ann Able to send the survey to the research group chairs
and collect the answers.
Ben Baker to book the room.

# Travel grants, 12 November 2025

Ann Able said the programme is nearly complete.
)");
  ASSERT_EQ(minutes.meetings.size(), 1u);
  const Meeting& m = minutes.meetings[0];
  ASSERT_EQ(m.actions.size(), 2u);
  EXPECT_EQ(m.actions[0].text,
            "Ann Able to send the survey to the research group chairs and collect the answers.");
  EXPECT_EQ(m.actions[0].written_status, "done");
  EXPECT_EQ(m.actions[0].source, ActionSource::kReview);
  EXPECT_EQ(m.actions[1].text, "Ben Baker to book the room.");
}

TEST(MarkdownReader, RosterResolvesNamesAndUnknownOnesAreNoticed) {
  Roster roster;
  roster.group = {"IRSG", "Internet Research Steering Group", {}, {}};
  roster.people = {{"Colin Perkins", Role::kMember, {"CSP"}, {}, {}},
                   {"Amy Vezza", Role::kStaff, {}, {}, {}}};
  Minutes minutes = ReadOk(R"(# IRSG Teleconference 2025-09-23

Present: Colin Pérkins, Amy Vezza, Zed Unknown

## Action items

- Colin Perkins to draft the charter text
)",
                           {std::nullopt, {roster}, std::nullopt});
  const Meeting& m = minutes.meetings.at(0);
  EXPECT_EQ(m.attendees, (Names{"Colin Perkins", "Zed Unknown"}));
  EXPECT_EQ(m.staff, Names{"Amy Vezza"});
  EXPECT_EQ(m.actions.at(0).owners.at(0).kind, OwnerKind::kPerson);
  bool noticed = false;
  for (const std::string& n : minutes.notices)
    if (n.find("'Zed Unknown' matches nobody on the IRSG roster") != std::string::npos)
      noticed = true;
  EXPECT_TRUE(noticed);
}

TEST(MarkdownReader, GroupGivenOnTheCommandLineWinsOverTheTitle) {
  Minutes minutes = ReadOk("# IAB Agenda: 2024-06-12 0730 PDT\n\nPresent: Ann Able\n",
                           {std::nullopt, {}, std::string("IAB-TEST")});
  EXPECT_EQ(minutes.meetings.at(0).key.group, "IAB-TEST");
  EXPECT_EQ(minutes.meetings.at(0).start_utc, (TimeOfDay{14, 30}));
}

TEST(MarkdownReader, StartWithoutAKnownZoneIsNotTaken) {
  Minutes minutes = ReadOk("# ABC Call 2024-06-12 10:00\n\nPresent: Ann Able\n");
  EXPECT_EQ(minutes.meetings.at(0).start_utc, std::nullopt);
}

TEST(MarkdownReader, RefusesWithoutADate) {
  auto read = Read("# ABC Call\n\nPresent: Ann Able\n");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().message.rfind("m.md:1:1: no meeting date", 0), 0u) << read.error().message;
}

TEST(MarkdownReader, RefusesWithoutAGroup) {
  auto read = Read("# Weekly call 2024-06-12\n\nPresent: Ann Able\n");
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find("pass --group NAME"), std::string::npos)
      << read.error().message;
}

TEST(MarkdownReader, RefusesMarkdownThatIsNoMeetingRecord) {
  auto read = Read("# ABC README 2024-06-12\n\nHow to build:\n\n- run make\n- run tests\n");
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find("m.md:1:1: read as Markdown minutes, but it holds nothing"),
            std::string::npos)
      << read.error().message;
}

TEST(MarkdownReader, AReadmeWithoutADateIsRefusedAsHoldingNoRecord) {
  auto read = Read("# Project README\n\nSome text.\n\n- run make\n");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(
      read.error().message.rfind("m.md:1:1: read as Markdown minutes, but it holds nothing", 0), 0u)
      << read.error().message;
}

TEST(MarkdownReader, BrokenFrontMatterIsReadAsMarkdown) {
  Minutes minutes = ReadOk("---\n: [unclosed\n---\n# ABC Call 2024-06-12\n\nPresent: Ann Able\n");
  EXPECT_EQ(minutes.meetings.at(0).attendees, Names{"Ann Able"});
}

TEST(MarkdownDetect, ConfidenceBetweenSpecificFormatsAndNothing) {
  auto detect = [](std::string_view text) {
    return DetectMarkdown(*SourceText::Load("d", text)).confidence;
  };
  EXPECT_EQ(detect("plain text\nwith lines\n"), 0);
  int md = detect("---\ntitle: x\n---\n# A\n## B\n### C\n- item\n");
  EXPECT_GE(md, 30);
  EXPECT_LE(md, 45);
  EXPECT_LT(detect("- one item\n"), 30);
}

TEST(MarkdownVocabulary, Dates) {
  using markdown::FindDate;
  EXPECT_EQ(FindDate("Minutes of the May 31, 2022 IRSG Teleconference")->date, Day(2022, 5, 31));
  EXPECT_EQ(FindDate("IAB Agenda: 2024-06-12 0730 PDT")->date, Day(2024, 6, 12));
  EXPECT_EQ(FindDate("Tuesday, 13 June 2017")->date, Day(2017, 6, 13));
  EXPECT_FALSE(FindDate("13 June").has_value());
  EXPECT_FALSE(FindDate("2024-02-30").has_value());
}

TEST(MarkdownVocabulary, NameEntries) {
  using markdown::ReadNameEntries;
  auto e = ReadNameEntries("Carsten Bormann, T2TRG Chair");
  ASSERT_TRUE(e.has_value());
  ASSERT_EQ(e->size(), 1u);
  EXPECT_EQ((*e)[0].remark, "T2TRG Chair");
  e = ReadNameEntries("Dirk Kutscher (IRTF Chair), Rich Trott (@Trott) and Jane Doe");
  ASSERT_TRUE(e.has_value());
  ASSERT_EQ(e->size(), 3u);
  EXPECT_EQ((*e)[1].name, "Rich Trott");
  EXPECT_EQ((*e)[1].remark, "@Trott");
  EXPECT_EQ((*e)[2].name, "Jane Doe");
  EXPECT_FALSE(ReadNameEntries("The document is on the agenda for 2 June.").has_value());
  EXPECT_TRUE(markdown::LikelySamePerson("Neils ten Oever", "Niels ten Oever"));
  EXPECT_FALSE(markdown::LikelySamePerson("Dave Oran", "Dave Ward"));
}

}  // namespace
}  // namespace plenary
