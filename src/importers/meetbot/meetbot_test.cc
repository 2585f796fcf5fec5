#include "importers/meetbot/meetbot.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <tuple>

#include "core/date.h"
#include "importers/meetbot/meetbot_record.h"
#include "importers/meetbot/meetbot_replay.h"
#include "publish/json.h"

namespace plenary::meetbot {
namespace {

using Strings = std::vector<std::string>;

std::string ReadData(const std::string& name) {
  std::ifstream in(std::string(PLENARY_SOURCE_DIR) + "/tests/data/meetbot/" + name,
                   std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

struct Read {
  std::string format;
  Minutes minutes;
  std::string error;
  const Meeting& meeting() const { return minutes.meetings.at(0); }
  std::string notices() const {
    std::string all;
    for (const std::string& notice : minutes.notices) all += notice + "\n";
    return all;
  }
};

Read ReadText(const std::string& name, const std::string& text, ReadOptions options = {}) {
  auto source = SourceText::Load(name, text);
  if (!source.ok()) return {"", {}, source.error().message};
  auto read = ReadMinutes(*source, options);
  if (!read.ok()) return {"", {}, read.error().message};
  return {read->format, std::move(read->minutes), ""};
}

Strings Names(const std::vector<Owner>& owners) {
  Strings names;
  for (const Owner& owner : owners) names.push_back(owner.name);
  return names;
}

Roster CouncilRoster() {
  Roster roster;
  roster.group = {"Council", "Fedora Council", std::nullopt, std::nullopt};
  roster.people = {
      {"Matthew Miller", Role::kMember, {"mattdm"}, std::nullopt, std::nullopt},
      {"Ben Cotton", Role::kStaff, {"bcotton"}, std::nullopt, std::nullopt},
      {"David Cantrell", Role::kMember, {"dcantrell"}, std::nullopt, std::nullopt},
      {"Adam Samalik", Role::kMember, {"asamalik"}, std::nullopt, std::nullopt},
  };
  return roster;
}

// The same meeting as a log, pasted indented in a page, and as MeetBot's text
// minutes: one reading.
void ExpectCouncil(const Read& read) {
  ASSERT_TRUE(read.error.empty()) << read.error;
  ASSERT_EQ(read.minutes.meetings.size(), 1u);
  const Meeting& m = read.meeting();
  EXPECT_EQ(m.key.kind, "Meeting");
  EXPECT_EQ(m.key.number, 2021041416);
  EXPECT_EQ(m.date, Date{std::chrono::year{2021} / 4 / 14});
  EXPECT_EQ(m.start_utc, (TimeOfDay{16, 0}));
  Strings attendees = m.attendees;
  std::sort(attendees.begin(), attendees.end());
  EXPECT_EQ(attendees, (Strings{"Adam Samalik", "David Cantrell", "Matthew Miller", "pbrobinson"}))
      << read.notices();
  // The roster's staff are present as staff.
  EXPECT_EQ(m.staff, Strings{"Ben Cotton"});
  Strings headings;
  for (const AgendaSection& s : m.agenda) headings.push_back(s.heading);
  EXPECT_EQ(headings, (Strings{"Introductions, welcomes", "Release schedule", "Open floor"}));
  ASSERT_EQ(m.decisions.size(), 1u);
  EXPECT_EQ(m.decisions[0].text, "Council keeps the F35 schedule as published (+5, 0, -0)");
  ASSERT_EQ(m.actions.size(), 2u) << read.notices();
  EXPECT_EQ(m.actions[0].text, "bcotton to write the F34 retrospective post by 21 April");
  EXPECT_EQ(m.actions[0].owners, (std::vector<Owner>{{"Ben Cotton", OwnerKind::kPerson}}));
  EXPECT_EQ(m.actions[0].due, Date{std::chrono::year{2021} / 4 / 21});
  EXPECT_EQ(Names(m.actions[1].owners), (Strings{"Adam Samalik", "David Cantrell"}));
  EXPECT_NE(read.notices().find("'pbrobinson' matches nobody"), std::string::npos)
      << read.notices();
}

ReadOptions CouncilOptions() {
  ReadOptions options;
  options.rosters = {CouncilRoster()};
  return options;
}

TEST(MeetBotLog, FedoraStyleLog) {
  Read read = ReadText("council.2021-04-14-16.00.log.txt",
                       ReadData("council.2021-04-14-16.00.log.txt"), CouncilOptions());
  EXPECT_EQ(read.format, "meetbot-log");
  ExpectCouncil(read);
  EXPECT_EQ(read.meeting().key.group, "Council");
  // A non-chair's #agreed is not a decision; #undo took the budget action out.
  EXPECT_NE(read.notices().find("'#agreed' from asamalik, who is not a chair"), std::string::npos);
  EXPECT_NE(read.notices().find("#undo removes 'ACTION: Council to review the budget'"),
            std::string::npos);
}

TEST(MeetBotLog, SameMeetingPastedIndentedInAPage) {
  Read read = ReadText("council-page.md", ReadData("council-page.md"), CouncilOptions());
  EXPECT_EQ(read.format, "meetbot-log");
  ExpectCouncil(read);
}

TEST(MeetBotMinutes, SameMeetingAsMeetBotsTextMinutes) {
  Read read = ReadText("council.2021-04-14-16.00.txt", ReadData("council.2021-04-14-16.00.txt"),
                       CouncilOptions());
  EXPECT_EQ(read.format, "meetbot-minutes");
  ExpectCouncil(read);
  EXPECT_EQ(read.meeting().record_url,
            "https://meetbot.fedoraproject.org/fedora-meeting/2021-04-14/"
            "council.2021-04-14-16.00.log.html");
}

TEST(MeetBotLog, ClientLogInACodeBlockWithModesAndADateOnThePage) {
  Read read = ReadText("notes.md", ReadData("council-fenced.md"), {});
  ASSERT_TRUE(read.error.empty()) << read.error;
  const Meeting& m = read.meeting();
  EXPECT_EQ(m.key.group, "Council");
  EXPECT_EQ(m.date, Date{std::chrono::year{2021} / 4 / 14});
  EXPECT_EQ(m.attendees, (Strings{"mattdm", "bcotton", "asamalik"}));
  ASSERT_EQ(m.actions.size(), 1u);
  EXPECT_EQ(Names(m.actions[0].owners), (Strings{"bcotton"}));
  EXPECT_NE(read.notices().find("date 2021-04-14 taken from line 1 of the page"),
            std::string::npos);
  EXPECT_NE(read.notices().find("taken as UTC"), std::string::npos);
}

TEST(MeetBotLog, GroupFromOptionsWhenNoRosterNamesTheMeeting) {
  ReadOptions options;
  options.group = "FESCo";
  Read read = ReadText("c.2021-04-14.log", "16:00 <a> #startmeeting\n16:01 <a> #endmeeting\n",
                       options);
  ASSERT_TRUE(read.error.empty()) << read.error;
  EXPECT_EQ(read.meeting().key.group, "FESCo");
  EXPECT_EQ(read.meeting().attendees, Strings{"a"});
}

TEST(MeetBotLog, NoGroupIsRefusedAskingForOne) {
  Read read = ReadText("x.2021-04-14.log", "16:00 <a> #startmeeting\n16:01 <a> #endmeeting\n");
  EXPECT_EQ(read.error,
            "x.2021-04-14.log:1:1: no group: the meeting names none (no #startmeeting name, "
            "#meetingname or channel); pass --group NAME\n"
            "  16:00 <a> #startmeeting\n"
            "  ^");
}

TEST(MeetBotLog, NoDateIsRefusedAtTheStart) {
  Read read = ReadText("log.txt", "hello\n16:00 <a> #startmeeting Board\n16:01 <a> #endmeeting\n");
  EXPECT_EQ(read.error.substr(0, read.error.find('(')),
            "log.txt:2:1: no date for this meeting: the record gives times but no day ");
}

// Fuzzing found it: a log dated 2201 overflowed the dated meeting number.
TEST(MeetBotLog, DateBeyondNumberRangeIsRefusedNotOverflowed) {
  Read read = ReadText("x.log", "[2201-04-14 10:00] <a> #startmeeting g\n");
  EXPECT_EQ(read.error.substr(0, 73),
            "x.log:1:1: the meeting's date 2201-04-14 is not between 1900 and 2100\n  [");
}

// Fuzzing found it: a long number where the bot's start names the day overflowed.
TEST(MeetBotLog, BotStartWithAHugeDayIsSkippedNotOverflowed) {
  Read read = ReadText("x.2021-04-14.log",
                       "10:00 <a> #startmeeting g\n"
                       "10:00 <bot> Meeting started Wed Apr 99999999999 10:00:00 2021 UTC.\n"
                       "10:00 <bot> Meeting started Wed Apr 14 10:00:00 2021 UTC.\n"
                       "10:01 <a> #endmeeting\n");
  ASSERT_TRUE(read.error.empty()) << read.error;
  EXPECT_EQ(read.meeting().date, Date{std::chrono::year{2021} / 4 / 14});
  EXPECT_EQ(read.meeting().attendees, Strings{"a"});
}

TEST(MeetBotLog, WithoutStartMeetingItIsNotMeetBots) {
  Read read = ReadText("log.txt", "16:00 <a> hi\n16:01 <b> #topic x\n");
  // Not MeetBot's (a plain IRC log may still be claimed by another format,
  // which then refuses it): a located refusal, nothing read.
  EXPECT_EQ(read.error.rfind("log.txt:1:", 0), 0u) << read.error;
  auto source = SourceText::Load("log.txt", "16:00 <a> hi\n16:01 <b> #topic x\n");
  auto forced = ReadLog(*source, {});
  ASSERT_FALSE(forced.ok());
  EXPECT_EQ(forced.error().message.substr(0, 43), "log.txt:1:1: no '#startmeeting': MeetBot mi");
}

TEST(MeetBotLog, TwoMeetingsInOneLogAndLinesOutsideIgnored) {
  Read read = ReadText("ops.2021-05-01.log",
                       "09:00 <x> before\n"
                       "10:00 <a> #startmeeting ops\n10:01 <b> #info one\n10:02 <a> #endmeeting\n"
                       "10:03 <c> chatter\n"
                       "11:00 <c> #startmeeting ops\n11:05 <a> #agreed nope\n"
                       "11:06 <c> #agreed yes\n11:07 <c> #endmeeting\n");
  ASSERT_TRUE(read.error.empty()) << read.error;
  ASSERT_EQ(read.minutes.meetings.size(), 2u);
  EXPECT_EQ(read.minutes.meetings[0].key.number, 2021050110);
  EXPECT_EQ(read.minutes.meetings[1].key.number, 2021050111);
  EXPECT_EQ(read.minutes.meetings[0].attendees, (Strings{"a", "b"}));
  ASSERT_EQ(read.minutes.meetings[1].decisions.size(), 1u);
  EXPECT_EQ(read.minutes.meetings[1].decisions[0].text, "yes");
  EXPECT_NE(read.notices().find("2 line(s) said outside"), std::string::npos) << read.notices();
}

TEST(MeetBotLog, MotionCarriedWithLastVoteCountingAndHereAlias) {
  Read read = ReadText("b.2022-01-02-20.00.log.txt",
                       "[20:00:00] <ken> #startmeeting board\n"
                       "[20:00:01] <ken> #here Ken Pronovici\n"
                       "[20:00:02] <ed> #here\n"
                       "[20:00:03] <ken> #motion approve the budget\n"
                       "[20:00:04] <ed> #vote -1\n"
                       "[20:00:05] <ed> #vote +1\n"
                       "[20:00:06] <ken> #vote +1\n"
                       "[20:00:07] <ed> #close\n"
                       "[20:00:08] <ken> #close\n"
                       "[20:00:09] <ed> #action Ken Pronovici (and ed: review) to file it\n"
                       "[20:00:10] <ken> #endmeeting\n");
  ASSERT_TRUE(read.error.empty()) << read.error;
  const Meeting& m = read.meeting();
  ASSERT_EQ(m.decisions.size(), 1u);
  EXPECT_EQ(m.decisions[0].text, "approve the budget (Motion accepted: 2 in favor to 0 opposed)");
  EXPECT_EQ(m.attendees, (Strings{"Ken Pronovici", "ed"}));
  ASSERT_EQ(m.actions.size(), 1u);
  EXPECT_EQ(Names(m.actions[0].owners), (Strings{"Ken Pronovici", "ed"}));
  EXPECT_NE(read.notices().find("'#close' from ed, who is not a chair"), std::string::npos);
}

// An action's due words, read as every reader reads them (notes_phrases:
// FindDueWords, ReadDue) and each guess said. 2 January 2022 is a Sunday.
TEST(MeetBotLog, ActionsDueWordsAreReadAndEachGuessIsSaid) {
  Read read = ReadText("d.2022-01-02-20.00.log.txt",
                       "[20:00:00] <ken> #startmeeting board\n"
                       "[20:00:01] <ed> #here\n"
                       "[20:00:02] <ken> #action ed to send the minutes by Friday\n"
                       "[20:00:03] <ken> #action ken to book a room by 2022-01-20\n"
                       "[20:00:04] <ken> #action ed to ask again before the next meeting\n"
                       "[20:00:05] <ken> #endmeeting\n");
  ASSERT_TRUE(read.error.empty()) << read.error;
  const Meeting& m = read.meeting();
  ASSERT_EQ(m.actions.size(), 3u);
  ASSERT_TRUE(m.actions[0].due);
  EXPECT_EQ(FormatIsoDate(*m.actions[0].due), "2022-01-07");
  ASSERT_TRUE(m.actions[1].due);
  EXPECT_EQ(FormatIsoDate(*m.actions[1].due), "2022-01-20");
  EXPECT_FALSE(m.actions[2].due);
  EXPECT_EQ(m.actions[2].due_phrase, "before the next meeting");
  std::string notices = read.notices();
  EXPECT_NE(notices.find("'by Friday' taken as 2022-01-07: the first Friday after the meeting"),
            std::string::npos) << notices;
  EXPECT_NE(notices.find("due 2022-01-20 read from the action's words '2022-01-20'"),
            std::string::npos) << notices;
  EXPECT_NE(notices.find("'before the next meeting' names no day"), std::string::npos) << notices;
}

TEST(MeetBotLog, StartVoteEndVoteYesWinsIsADecision) {
  Read read = ReadText("v.2022-01-02.log",
                       "12:00 <a> #startmeeting v\n12:01 <a> #startvote Ship it? Yes, No\n"
                       "12:02 <b> #vote yes\n12:03 <c> #vote maybe\n12:04 <a> #endvote\n"
                       "12:05 <a> #endmeeting\n");
  ASSERT_TRUE(read.error.empty()) << read.error;
  ASSERT_EQ(read.meeting().decisions.size(), 1u);
  EXPECT_EQ(read.meeting().decisions[0].text, "Ship it? (Yes: 1, No: 0)");
  EXPECT_NE(read.notices().find("'#vote maybe' is not one of the vote's options"),
            std::string::npos);
}

TEST(MeetBotLog, HostileLinesStayText) {
  std::string huge(15000, 'x');
  std::string log =
      "2023-03-04T10:00:00 <[m]> #startmeeting <b>odd</b>\n"
      "2023-03-04T10:00:01 <[m]> #topic <script>alert(1)</script> & \"quotes\"\n"
      "2023-03-04T10:00:02 <nick|away> #action [m] to fix ]]></foo> " + huge + "\n"
      "2023-03-04T10:00:03 <a\\b> #info \x1b[31mred\x1b[0m\n"
      "2023-03-04T10:00:04 <x y> #info not a nick\n"
      "2023-03-04T10:00:05 <[m]> #endmeeting\n";
  Read read = ReadText("h.log", log);
  ASSERT_TRUE(read.error.empty()) << read.error;
  const Meeting& m = read.meeting();
  EXPECT_EQ(m.key.group, "<b>odd</b>");
  EXPECT_EQ(m.agenda.at(0).heading, "<script>alert(1)</script> & \"quotes\"");
  ASSERT_EQ(m.actions.size(), 1u);
  EXPECT_EQ(m.actions[0].text.size(), 21u + huge.size());
  EXPECT_EQ(Names(m.actions[0].owners), (Strings{"[m]"}));
  EXPECT_EQ(m.attendees, (Strings{"[m]", "nick|away", "a\\b"}));
}

// Owners were found by trying every nick of the meeting on every action, and
// people were listed by searching the list: 30,000 nicks and 15,000 actions
// took minutes. Now both go through indexes.
TEST(MeetBotLog, ManyNicksAndActionsReadWithoutTryingEveryNick) {
  std::string log = "10:00 <a> #startmeeting g\n";
  for (int i = 0; i < 30000; ++i) log += fmt::format("10:00 <n{}> x\n", i);
  for (int i = 0; i < 15000; ++i) log += fmt::format("10:01 <a> #action n{} and n{} do\n", i, i + 1);
  log += "10:02 <a> #endmeeting\n";
  Read read = ReadText("many.2021-01-01.log", log);
  ASSERT_TRUE(read.error.empty()) << read.error;
  EXPECT_EQ(read.meeting().attendees.size(), 30001u);
  ASSERT_EQ(read.meeting().actions.size(), 15000u);
  EXPECT_EQ(Names(read.meeting().actions[14999].owners), (Strings{"n14999", "n15000"}));
  EXPECT_NE(read.notices().find("and 29981 more"), std::string::npos);
}

TEST(MeetBotLog, ChatLineGrammar) {
  auto chat = ParseChatLine("  [2021-04-13 02:06:12] <@Op> #topic x", 3);
  ASSERT_TRUE(chat);
  EXPECT_EQ(chat->nick, "Op");
  EXPECT_EQ(chat->text, "#topic x");
  EXPECT_EQ(chat->date, Date{std::chrono::year{2021} / 4 / 13});
  EXPECT_EQ(chat->time, (TimeOfDay{2, 6}));
  EXPECT_TRUE(ParseChatLine("<nick> no time", 1));
  EXPECT_TRUE(ParseChatLine("12:00 * nick waves", 1)->emote);
  EXPECT_FALSE(ParseChatLine("* a bullet of the page", 1));
  EXPECT_FALSE(ParseChatLine("12:00 -!- nick has joined", 1));
  EXPECT_FALSE(ParseChatLine("25:00 <a> b", 1));
  EXPECT_FALSE(ParseChatLine("[12:00 <a> b", 1));
}

// A person whose line began "Meeting started" was taken for the bot, and every
// later line of theirs vanished. The bot is known by its replies' whole shape,
// and one who gave a command is a person.
TEST(MeetBotLog, PersonSayingMeetingStartedIsNotTheBot) {
  Read read = ReadText("i.2021-04-14.log",
                       "16:00:02 <alice> #startmeeting Infra\n"
                       "16:00:03 <MeetBot> Meeting started Wed Apr 14 16:00:02 2021 UTC.  The "
                       "chair is alice. Information about MeetBot at http://wiki.debian.org/"
                       "MeetBot.\n"
                       "16:00:05 <bob> Meeting started early today?\n"
                       "16:00:06 <bob> #action bob to fix the mirror\n"
                       "16:00:07 <carol> #info carol is here\n"
                       "16:00:08 <carol> Meeting ended Wed Apr 14 16:00:08 2021 UTC.\n"
                       "16:00:09 <dave> Current chairs: alice and dave\n"
                       "16:00:10 <alice> #chair bob\n"
                       "16:00:11 <MeetBot> Current chairs: alice bob\n"
                       "16:00:12 <bob> #agreed mirror moves to new host\n"
                       "16:00:13 <alice> #endmeeting\n");
  ASSERT_TRUE(read.error.empty()) << read.error;
  const Meeting& m = read.meeting();
  EXPECT_EQ(m.attendees, (Strings{"alice", "bob", "carol", "dave"})) << read.notices();
  ASSERT_EQ(m.actions.size(), 1u);
  EXPECT_EQ(Names(m.actions[0].owners), Strings{"bob"});
  ASSERT_EQ(m.decisions.size(), 1u);
  EXPECT_EQ(m.decisions[0].text, "mirror moves to new host");
  EXPECT_NE(read.notices().find("'MeetBot' is the meeting's bot"), std::string::npos);
}

// hcoop-meetbot's replies have other shapes ("Voting is open" was counted as
// a person's line); a person who begins like one stays a person.
TEST(MeetBotLog, HcoopRepliesAreTheBotsAndAPersonEchoingOneIsNot) {
  Read read = ReadText("h.2021-04-14.log",
                       "16:00 <alice> #startmeeting Infra\n"
                       "16:00 <hbot> Meeting started at 2021-04-14 16:00:02+0000\n"
                       "16:00 <hbot> Current chairs: alice\n"
                       "16:00 <hbot> Useful commands: #action #info #idea #link #topic\n"
                       "16:01 <bob> #info ok\n"
                       "16:01 <alice> #motion Buy a server\n"
                       "16:01 <vbot> Voting is open\n"
                       "16:01 <bob> #vote +1\n"
                       "16:01 <alice> #close\n"
                       "16:01 <vbot> Motion accepted: 1 in favor to 0 opposed\n"
                       "16:01 <carol> Motion accepted: so we buy it?\n"
                       "16:02 <alice> #endmeeting\n");
  ASSERT_TRUE(read.error.empty()) << read.error;
  EXPECT_EQ(read.meeting().attendees, (Strings{"alice", "bob", "carol"})) << read.notices();
}

// A non-chair's #endmeeting ended the meeting. MeetBot ignores it until the
// meeting has run its length (60 minutes unless the bot's start says).
TEST(MeetBotLog, NonChairEndsTheMeetingOnlyPastItsLength) {
  Read read = ReadText("e.2021-04-14.log",
                       "16:00:02 <mattdm> #startmeeting Council\n"
                       "16:01:00 <asamalik> #endmeeting\n"
                       "16:02:00 <mattdm> #agreed we keep going\n"
                       "16:04:00 <mattdm> #endmeeting\n"
                       "17:00:00 <mattdm> #startmeeting Council\n"
                       "17:00:01 <MeetBot> Meeting started Wed Apr 14 17:00:00 2021 UTC and is "
                       "due to finish in 30 minutes.  The chair is mattdm.\n"
                       "17:29:00 <asamalik> #endmeeting\n"
                       "17:31:00 <asamalik> #endmeeting\n"
                       "17:32:00 <mattdm> #agreed too late\n");
  ASSERT_TRUE(read.error.empty()) << read.error;
  ASSERT_EQ(read.minutes.meetings.size(), 2u);
  ASSERT_EQ(read.minutes.meetings[0].decisions.size(), 1u);
  EXPECT_EQ(read.minutes.meetings[0].decisions[0].text, "we keep going");
  EXPECT_TRUE(read.minutes.meetings[1].decisions.empty());
  std::string notices = read.notices();
  EXPECT_NE(notices.find("e.2021-04-14.log:2:21: notice: '#endmeeting' from asamalik, who is not "
                         "a chair: MeetBot ignores it, so the meeting goes on"),
            std::string::npos) << notices;
  EXPECT_NE(notices.find("'#endmeeting' from asamalik, who is not a chair, 31 minutes after the "
                         "start: MeetBot lets anyone end a meeting past its 30 minutes"),
            std::string::npos) << notices;
}

// The bot's start may name a year up to 9999 and a log line's date one from
// 1900: the minutes between them overflowed an int (UBSan). Clamped; the
// meeting is then refused for its date.
TEST(MeetBotLog, NonChairEndAcrossMillenniaIsNotOverflowed) {
  Read read = ReadText("m.log",
                       "10:00 <a> #startmeeting g\n"
                       "10:00 <bot> Meeting started Fri Dec 31 10:00:00 9999 UTC.\n"
                       "1900-01-01 10:00 <b> #endmeeting\n");
  EXPECT_NE(read.error.find("m.log:1:1: the meeting's date 9999-12-31 is not between 1900 and "
                            "2100"),
            std::string::npos) << read.error;
}

// "#action: bob to ..." was dropped. MeetBot's `#(\w+)[ \t]*(.*)` reads it as
// #action; hcoop-meetbot's does not, and says so.
TEST(MeetBotLog, CommandWordEndedByAColonIsReadAsMeetBotReadsIt) {
  Read read = ReadText("c.2021-04-14.log",
                       "16:00 <alice> #startmeeting Infra\n"
                       "16:01 <bob> hi\n"
                       "16:02 <alice> #action: bob to fix the mirror\n"
                       "16:03 <alice> #info: mirror is down\n"
                       "16:04 <alice> #endmeeting\n");
  ASSERT_TRUE(read.error.empty()) << read.error;
  const Meeting& m = read.meeting();
  ASSERT_EQ(m.actions.size(), 1u);
  EXPECT_EQ(m.actions[0].text, "bob to fix the mirror");
  EXPECT_EQ(Names(m.actions[0].owners), Strings{"bob"});
  EXPECT_EQ(m.agenda.at(0).notes, (Strings{"ACTION: bob to fix the mirror", "mirror is down"}));
  EXPECT_NE(read.notices().find("c.2021-04-14.log:3:15: notice: '#action:' read as '#action', as "
                                "MeetBot reads it"),
            std::string::npos) << read.notices();
  auto command = ParseCommand("#Info: x");
  ASSERT_TRUE(command);
  EXPECT_EQ(command->name, "info");
  EXPECT_EQ(command->operand, "x");
  EXPECT_TRUE(command->colon);
  EXPECT_FALSE(ParseCommand("#info-x"));
}

// Lines said by a bot named as one (zodbot, meetingology...) gave commands
// and links.
TEST(MeetBotLog, KnownBotsLinesGiveNoCommands) {
  Read read = ReadText("b.2021-04-14.log",
                       "16:00 <alice> #startmeeting Infra\n"
                       "16:01 <zodbot> https://pagure.io/infra/issue/42\n"
                       "16:02 <meetingology> #info not from a human\n"
                       "16:03 <alice> #info from a human\n"
                       "16:04 <alice> #endmeeting\n");
  ASSERT_TRUE(read.error.empty()) << read.error;
  const Meeting& m = read.meeting();
  EXPECT_EQ(m.agenda.at(0).notes, Strings{"from a human"});
  EXPECT_EQ(m.attendees, Strings{"alice"});
  EXPECT_NE(read.notices().find("'zodbot' is the meeting's bot"), std::string::npos);
}

// An action naming no nick of the meeting got no owner and no word why.
TEST(MeetBotLog, UnassignedActionIsSaidAndTheNameThatIsNoNick) {
  Read read = ReadText("u.2021-04-14.log",
                       "16:00 <alice> #startmeeting Infra\n"
                       "16:01 <bob_> hi\n"
                       "16:02 <alice> #action frank to send the invoice\n"
                       "16:03 <alice> #action review the patch\n"
                       "16:04 <alice> #action someone to book a room\n"
                       "16:05 <alice> #action bob_ to chase frank\n"
                       "16:06 <alice> #endmeeting\n");
  ASSERT_TRUE(read.error.empty()) << read.error;
  const Meeting& m = read.meeting();
  ASSERT_EQ(m.actions.size(), 4u);
  EXPECT_TRUE(m.actions[0].owners.empty());
  EXPECT_EQ(Names(m.actions[3].owners), Strings{"bob_"});
  std::string notices = read.notices();
  EXPECT_NE(notices.find("u.2021-04-14.log:3:1: notice: 'frank' did not take part in the meeting; "
                         "not an owner (MeetBot's rule): the action is unassigned (MeetBot's "
                         "UNASSIGNED)"),
            std::string::npos) << notices;
  for (int line : {4, 5})
    EXPECT_NE(notices.find(fmt::format("u.2021-04-14.log:{}:1: notice: the action names no one "
                                       "who took part in the meeting: unassigned (MeetBot's "
                                       "UNASSIGNED)",
                                       line)),
              std::string::npos) << notices;
  EXPECT_EQ(notices.find("u.2021-04-14.log:6:1: notice:"), std::string::npos) << notices;
}

// hcoop-meetbot's JSON log of `said` (sender, payload) with `events` (type,
// index of the message in `said`, operand or "" for none), as the bot writes
// it: a message's id is "m" and its index, an event's id its message's.
std::string HcoopJson(const std::vector<std::pair<std::string, std::string>>& said,
                      const std::vector<std::tuple<std::string, int, std::string>>& events) {
  auto message = [&](int i) {
    return fmt::format(R"({{"id": "m{}", "sender": "{}", "payload": "{}", "action": false, )"
                       R"("timestamp": "2021-04-13T02:06:{:02}"}})",
                       i, said[i].first, said[i].second, i);
  };
  std::vector<std::string> messages, tracked;
  for (std::size_t i = 0; i < said.size(); ++i) messages.push_back(message(static_cast<int>(i)));
  for (const auto& [type, i, operand] : events)
    tracked.push_back(fmt::format(R"({{"event_type": "{}", "id": "m{}", "operand": {}, )"
                                  R"("message": {}}})",
                                  type, i, operand.empty() ? "null" : "\"" + operand + "\"",
                                  message(i)));
  return fmt::format("{{\"name\": \"hcoop\", \"channel\": \"#hcoop\", \"chairs\": [\"{}\"],\n"
                     "\"start_time\": \"2021-04-13T02:06:00\",\n\"messages\": [\n{}\n],\n"
                     "\"events\": [\n{}\n]}}\n",
                     said[0].first, fmt::join(messages, ",\n"), fmt::join(tracked, ",\n"));
}

// hcoop-meetbot's #undo removes its last event, which may be a #here or a
// #vote: plenary removed the last item of the minutes instead (the action,
// the motion). The bot's UNDO event names the message it removed.
TEST(MeetBotJson, UndoRemovesWhatTheBotsUndoEventNames) {
  Read here = ReadText("h.log.json",
                       HcoopJson({{"alice", "#startmeeting"},
                                  {"alice", "#action bob to fix the mirror"},
                                  {"carol", "#here Carol Smith"},
                                  {"alice", "#undo"},
                                  {"bob", "ok"},
                                  {"alice", "#endmeeting"}},
                                 {{"START_MEETING", 0, ""},
                                  {"ACTION", 1, "bob to fix the mirror"},
                                  {"UNDO", 3, "m2"},
                                  {"END_MEETING", 5, ""}}));
  ASSERT_TRUE(here.error.empty()) << here.error;
  ASSERT_EQ(here.meeting().actions.size(), 1u) << here.notices();
  EXPECT_EQ(here.meeting().actions[0].text, "bob to fix the mirror");
  EXPECT_NE(here.notices().find("#undo removes the bot's record of line 6, which put nothing in "
                                "the minutes"),
            std::string::npos) << here.notices();
  EXPECT_EQ(here.notices().find("the bot's event UNDO"), std::string::npos) << here.notices();

  Read vote = ReadText("v.log.json",
                       HcoopJson({{"alice", "#startmeeting"},
                                  {"alice", "#motion Adopt the budget"},
                                  {"bob", "#vote +1"},
                                  {"alice", "#undo"},
                                  {"alice", "#close"},
                                  {"alice", "#endmeeting"}},
                                 {{"START_MEETING", 0, ""},
                                  {"MOTION", 1, "Adopt the budget"},
                                  {"UNDO", 3, "m2"},
                                  {"END_MEETING", 5, ""}}));
  ASSERT_TRUE(vote.error.empty()) << vote.error;
  EXPECT_TRUE(vote.meeting().decisions.empty()) << vote.notices();
  EXPECT_EQ(vote.meeting().agenda.at(0).notes, Strings{"MOTION: Adopt the budget"});
  EXPECT_NE(vote.notices().find("#undo removes bob's vote on line 6 from the open motion"),
            std::string::npos) << vote.notices();
  EXPECT_NE(vote.notices().find("'#close' with no votes"), std::string::npos);
}

// hcoop-meetbot reads a command sent as an action (/me #info ...) like any
// other (its track_message strips the marker); MeetBot does not.
TEST(MeetBotJson, CommandSentAsAnActionIsACommandForHcoop) {
  std::string log = HcoopJson({{"alice", "#startmeeting"},
                               {"alice", "#agreed the mirror moves"},
                               {"bob", "ok"},
                               {"alice", "#endmeeting"}},
                              {{"START_MEETING", 0, ""}, {"AGREED", 1, "the mirror moves"},
                               {"END_MEETING", 3, ""}});
  const std::string said = R"("payload": "#agreed the mirror moves", "action": false)";
  ASSERT_NE(log.find(said), std::string::npos);
  for (std::size_t at = log.find(said); at != std::string::npos; at = log.find(said, at))
    log.replace(at, said.size(), R"("payload": "#agreed the mirror moves", "action": true)");
  Read read = ReadText("e.log.json", log);
  ASSERT_TRUE(read.error.empty()) << read.error;
  EXPECT_EQ(read.meeting().decisions.size(), 1u) << read.notices();
  EXPECT_NE(read.notices().find("a command sent as an action (/me)"), std::string::npos)
      << read.notices();
}

// hcoop-meetbot's `#([a-zA-Z_]+)($|\s+)` wants a space after the command
// word: its "#action:" is talk, and said so.
TEST(MeetBotJson, CommandWordEndedByAColonIsTalkForHcoop) {
  Read read = ReadText("k.log.json", HcoopJson({{"alice", "#startmeeting"},
                                                {"alice", "#action: bob to fix the mirror"},
                                                {"bob", "ok"},
                                                {"alice", "#endmeeting"}},
                                               {{"START_MEETING", 0, ""}, {"END_MEETING", 3, ""}}));
  ASSERT_TRUE(read.error.empty()) << read.error;
  EXPECT_TRUE(read.meeting().actions.empty());
  EXPECT_NE(read.notices().find("k.log.json:5:1: notice: '#action:' is not a hcoop-meetbot command "
                                "(it reads '#action ...'); kept as talk"),
            std::string::npos) << read.notices();
}

// hcoop-meetbot counts every #vote and '#vote 0' as opposed; plenary counted
// the motion its own way and minuted a result the meeting never heard.
TEST(MeetBotJson, MotionResultIsWhatTheBotAnnouncedWithBothCountsSaid) {
  Read read = ReadText("c.log.json",
                       HcoopJson({{"alice", "#startmeeting"},
                                  {"alice", "#motion Buy a server"},
                                  {"bob", "#vote +1"},
                                  {"carol", "#vote +1"},
                                  {"dave", "#vote 0"},
                                  {"erin", "#vote -1"},
                                  {"alice", "#close"},
                                  {"alice", "#endmeeting"}},
                                 {{"START_MEETING", 0, ""},
                                  {"MOTION", 1, "Buy a server"},
                                  {"VOTE", 2, "+1"},
                                  {"VOTE", 3, "+1"},
                                  {"VOTE", 4, "-1"},
                                  {"VOTE", 5, "-1"},
                                  {"INCONCLUSIVE", 6,
                                   "Motion inconclusive: 2 in favor to 2 opposed"},
                                  {"END_MEETING", 7, ""}}));
  ASSERT_TRUE(read.error.empty()) << read.error;
  EXPECT_TRUE(read.meeting().decisions.empty()) << read.notices();
  EXPECT_EQ(read.meeting().agenda.at(0).notes,
            (Strings{"MOTION: Buy a server",
                     "INCONCLUSIVE: Motion inconclusive: 2 in favor to 2 opposed"}));
  EXPECT_NE(read.notices().find(
                "c.log.json:10:1: notice: the bot announced 'Motion inconclusive: 2 in favor to 2 "
                "opposed' where plenary's count (the last vote of each nick; '#vote 0' abstains) "
                "is 'Motion accepted: 2 in favor to 1 opposed': the bot's result is kept, as the "
                "meeting saw it"),
            std::string::npos) << read.notices();
}

TEST(MeetBotRecord, NickInTextFollowsMeetBotsRule) {
  EXPECT_EQ(FindNickInText("hey k[n, fix it", "k[n"), 4u);
  EXPECT_EQ(FindNickInText("ken] fix", "ken["), std::string_view::npos);
  EXPECT_EQ(FindNickInText("pronovici will", "pronovic"), std::string_view::npos);
  EXPECT_EQ(FindNickInText("ask Layline.", "layline"), 4u);
  EXPECT_EQ(FindNickInText("(ed) to do", "ed"), 1u);
  EXPECT_EQ(FindNickInText("edward", "ed"), std::string_view::npos);
}

// Fuzzing found it: nlohmann throws out_of_range, not parse_error, for a number
// too large, and it escaped the reader.
TEST(MeetBotJson, NumberOverflowIsALocatedErrorNotAThrow) {
  Read read = ReadText("n.json", "{\"messages\": [{\"payload\": 1}],\n \"nicks\": {\"a\": 5550e5555}}\n");
  EXPECT_EQ(read.error.substr(0, read.error.find('\n')),
            "n.json:2:17: not valid JSON: a number too large");
}

TEST(MeetBotJson, ErrorsAreLocatedAtTheValue) {
  Read bad = ReadText("x.json", "{\n  \"messages\": [\n    {\"sender\": 5, \"payload\": \"x\"}\n  ]\n}\n");
  EXPECT_EQ(bad.error,
            "x.json:3:16: message 1 has no \"sender\" text\n"
            "      {\"sender\": 5, \"payload\": \"x\"}\n"
            "                 ^");
  auto source = SourceText::Load("y.json", "{\n  \"messages\": [\n    {\"sender\": \"a\",,}\n  ]\n}\n");
  auto broken = ReadJson(*source, {});
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().message.substr(0, 35), "y.json:3:20: not valid JSON: syntax");
  std::string deep = "{\"messages\": [], \"payload\": " + std::string(100, '[') + "\n";
  auto deep_source = SourceText::Load("z.json", deep);
  auto nested = ReadJson(*deep_source, {});
  ASSERT_FALSE(nested.ok());
  EXPECT_EQ(nested.error().message.substr(0, 46), "z.json:1:92: JSON nested deeper than 64 levels");
}

}  // namespace
}  // namespace plenary::meetbot

namespace plenary::meetbot {
namespace {

// The whole reading of the Fedora-style log, pinned: any change to what is
// read shows here first (regenerate with PLENARY_UPDATE_GOLDEN=1 after review).
TEST(MeetBotGolden, FedoraStyleLogWholeReading) {
  Read read = ReadText("council.2021-04-14-16.00.log.txt",
                       ReadData("council.2021-04-14-16.00.log.txt"), CouncilOptions());
  ASSERT_TRUE(read.error.empty()) << read.error;
  const std::string golden_path =
      std::string(PLENARY_SOURCE_DIR) + "/tests/golden/meetbot-council-2021-04-14.json";
  std::string actual = MeetingJson(read.meeting()).dump(2) + "\n";
  if (std::getenv("PLENARY_UPDATE_GOLDEN")) std::ofstream(golden_path) << actual;
  std::ifstream in(golden_path);
  std::ostringstream golden;
  golden << in.rdbuf();
  EXPECT_EQ(actual, golden.str());
}

}  // namespace
}  // namespace plenary::meetbot
