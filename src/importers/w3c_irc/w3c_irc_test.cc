#include "importers/w3c_irc/w3c_irc.h"

#include <gtest/gtest.h>

#include "core/date.h"
#include "core/text.h"
#include "importers/roster_file.h"
#include "importers/w3c_irc/irc_lines.h"
#include "importers/w3c_irc/irc_names.h"

namespace plenary {
namespace {

using Names = std::vector<std::string>;

Roster HtmlRoster() {
  auto source = SourceText::Load("roster.txt",
                                 "group: HTML\nname: HTML Working Group\n"
                                 "Kris Krueger | member | krisk\nPaul Cotton | member | paulc\n"
                                 "Philippe Le Hegaret | staff | plh\n");
  EXPECT_TRUE(source.ok());
  auto roster = ReadRoster(*source);
  EXPECT_TRUE(roster.ok()) << roster.error().message;
  return roster.ok() ? *roster : Roster{};
}

Result<Minutes> Read(std::string_view text, ReadOptions options = {}) {
  auto source = SourceText::Load("log.txt", text);
  if (!source.ok()) return source.error();
  return ReadW3cIrc(*source, options);
}

Meeting ReadOk(std::string_view text, ReadOptions options = {}) {
  auto minutes = Read(text, std::move(options));
  EXPECT_TRUE(minutes.ok()) << minutes.error().message;
  return minutes.ok() ? minutes->meetings.at(0) : Meeting{};
}

std::vector<std::string> NoticesOf(std::string_view text, ReadOptions options = {}) {
  auto minutes = Read(text, std::move(options));
  EXPECT_TRUE(minutes.ok()) << minutes.error().message;
  return minutes.ok() ? minutes->notices : std::vector<std::string>{};
}

bool Has(const std::vector<std::string>& notices, std::string_view part) {
  for (const std::string& n : notices)
    if (n.find(part) != std::string::npos) return true;
  return false;
}

const std::string kHead =
    "14:00:00 <RRSAgent> logging to https://www.w3.org/2024/05/07-html-irc\n"
    "14:00:01 <plh> Meeting: HTML Working Group Teleconference\n";

// IsBot compares without copying; it must say what the name DisplayName
// gives says (trimmed, trailing underscores off, the others spaces, spaces
// collapsed, ASCII case ignored).
TEST(W3cIrc, BotsAreKnownByTheNameDisplayNameGives) {
  auto by_display_name = [](std::string_view nick) {
    const std::string name = AsciiLower(DisplayName(nick));
    for (std::string_view bot : {"rrsagent", "zakim", "trackbot", "github-bot", "gb", "agendabot",
                                 "ghurlbot", "w3cbot", "meetbot", "chanserv", "nickserv",
                                 "irccloud", "w3c-bot", "i18nbot", "ghbot", "webex", "gitbot"})
      if (name == bot) return true;
    return false;
  };
  const std::vector<std::string> nicks{
      "Zakim",     "zakim_",     "zakim__",       " RRSAgent ",
      "_trackbot", "zakim _",    "_ zakim _",     "za_kim",
      "za kim",    "zakim2",     "Zakim\xC2\xA0", "gb",
      "g b",       "GitHub-Bot", "github_bot",    "",
      "_",         "  ",         "w3c-bot__ ",    "\xE2\x80\x83webex",
      "Steven_",   "ghurlbot\t", "agendabot a",   "zakimx"};
  for (const std::string& nick : nicks) EXPECT_EQ(IsBot(nick), by_display_name(nick)) << nick;
  EXPECT_TRUE(IsBot("zakim _"));
  EXPECT_FALSE(IsBot("za_kim"));
}

TEST(W3cIrc, DetectsEachLayout) {
  auto detect = [](std::string_view text) {
    auto source = SourceText::Load("log.txt", text);
    EXPECT_TRUE(source.ok());
    return DetectW3cIrc(*source);
  };
  EXPECT_EQ(detect(kHead + "14:00:02 <plh> present+ Ann\n").confidence, 85);
  EXPECT_EQ(detect("15:27 <dbooth> Meeting: X Teleconference\n15:27 < ericn> present+\n").confidence, 85);
  EXPECT_EQ(detect("[19:35] <ph> Meeting: X Call\n[19:36] <ph> Scribe: ph\n").confidence, 85);
  EXPECT_EQ(detect("<tw> Scribe: tw\n<tw> Topic: Printers\n").confidence, 85);
  EXPECT_EQ(detect("<a> hello\n<b> hi\n").confidence, 40);
  EXPECT_EQ(detect("Meeting: X Call\nScribe: ann\npresent+ Bob\nMike: fine\n").confidence, 30);
  EXPECT_EQ(detect("Dear all,\nplease find the notes.\n").confidence, 0);
}

TEST(W3cIrc, LayoutsGiveNicksAndTimes) {
  auto split = [](std::string_view text) {
    auto source = SourceText::Load("log.txt", text);
    EXPECT_TRUE(source.ok());
    return SplitIrcLog(*source);
  };
  IrcLog irssi = split("15:27 -!- koalie [c@x] has joined &weum\n15:27 <@dbooth> hi there\n"
                       "15:28  * koalie waves\n");
  EXPECT_EQ(irssi.layout, IrcLayout::kIrssi);
  ASSERT_EQ(irssi.lines.size(), 3u);
  EXPECT_EQ(irssi.lines[0].kind, IrcLineKind::kEvent);
  EXPECT_EQ(irssi.lines[1].nick, "dbooth");
  EXPECT_EQ(irssi.lines[1].seconds, 15 * 3600 + 27 * 60);
  EXPECT_EQ(irssi.lines[2].kind, IrcLineKind::kEmote);
  IrcLog mirc = split("[19:35] <Zakim> Steven should now be muted\n[19:36] * Zakim hears\n"
                      "<dbooth> a long line\n wrapped by mIRC\n");
  EXPECT_EQ(mirc.layout, IrcLayout::kMirc);
  EXPECT_EQ(mirc.lines[3].nick, "dbooth");  // the wrapped part keeps its nick
  IrcLog plain = split("Topic: one\nMike: fine\n");
  EXPECT_EQ(plain.layout, IrcLayout::kPlain);
  EXPECT_EQ(plain.lines[1].text, "Mike: fine");
}

TEST(W3cIrc, AttendanceCommands) {
  Meeting m = ReadOk(kHead +
                     "14:01:00 <plh> present+ Ann_Smith, Bob\n"
                     "14:01:10 <carol> present+\n"
                     "14:01:20 <plh> present- Bob\n"
                     "14:01:30 <plh> regrets+ Dan, Eve\n"
                     "14:01:40 <plh> regrets- Eve\n"
                     "14:01:50 <Zakim> present+ Zakim\n"
                     "14:02:00 <plh> Chair: Fay\n"
                     "14:02:10 <plh> scribenick: plh\n");
  EXPECT_EQ(m.attendees, (Names{"Ann Smith", "carol", "Fay", "plh"}));
  EXPECT_EQ(m.apologies, (Names{"Dan"}));
}

TEST(W3cIrc, PresentColonReplacesTheList) {
  Meeting m = ReadOk(kHead +
                     "14:01:00 <plh> present+ Ann\n"
                     "14:01:10 <plh> Present: Bob, Cy\n"
                     "14:01:20 <plh> scribe: plh\n");
  EXPECT_EQ(m.attendees, (Names{"Bob", "Cy", "plh"}));
}

TEST(W3cIrc, ZakimsListCountsOnlyWithoutAPresentList) {
  std::string zakim = kHead +
                      "14:01:00 <Zakim> As of this point the attendees have been Ann_Lee, "
                      "+1.617.aaaa, [IPcaller],\n"
                      "14:01:01 <Zakim> ... Bob\n"
                      "14:01:02 <plh> scribe: Ann\n";
  EXPECT_EQ(ReadOk(zakim).attendees, (Names{"Ann Lee", "Bob"}));
  EXPECT_TRUE(Has(NoticesOf(zakim), "+1.617.aaaa, [IPcaller]"));
  EXPECT_EQ(ReadOk(zakim + "14:02:00 <plh> present+ Cy\n").attendees, (Names{"Cy", "Ann"}));
}

TEST(W3cIrc, ScribeChangesAndNickPairs) {
  Meeting m = ReadOk(kHead +
                     "14:01:00 <dd> Scribe: Daniel\n"
                     "14:01:01 <dd> scribenick: dd\n"
                     "14:01:02 <dd> Topic: One\n"
                     "14:01:03 <dd> Ann: first point\n"
                     "14:01:04 <ann> I agree\n"
                     "14:30:00 <ann> scribe+\n"
                     "14:30:01 <ann> Topic: Two\n");
  // No present list: who spoke or was quoted (dd is Daniel, named so after
  // dd first spoke), then the scribes.
  EXPECT_EQ(m.attendees, (Names{"plh", "Daniel", "Ann"}));
  ASSERT_EQ(m.agenda.size(), 2u);
  EXPECT_EQ(m.agenda[0].notes, (Names{"Ann: first point", "<ann> I agree"}));
}

TEST(W3cIrc, ScribesNickThenNameIsOneScribe) {
  const std::string log = kHead +
                          "14:00:02 <plh> present+ Bob, Carol\n"
                          "14:00:03 <plh> scribenick: ddavis\n"
                          "14:00:04 <plh> scribe: Daniel Davis\n"
                          "14:01:00 <ddavis> Topic: First\n"
                          "14:01:01 <ddavis> Bob: about cats\n"
                          "14:02:00 <eve> scribe: Eve Smith\n"
                          "14:02:01 <ddavis> Carol: fine\n";
  Meeting m = ReadOk(log);
  EXPECT_EQ(m.attendees, (Names{"Bob", "Carol", "Daniel Davis", "Eve Smith"}));
  ASSERT_EQ(m.agenda.size(), 1u);
  // ddavis goes on scribing: a name with a space is no nick.
  EXPECT_EQ(m.agenda[0].notes, (Names{"Bob: about cats", "Carol: fine"}));
  EXPECT_TRUE(Has(NoticesOf(log), "'Eve Smith' is a name, not a nick: recorded as a scribe"));
}

TEST(W3cIrc, NoPresentListCountsWhoSpokeAndSaysSo) {
  const std::string log = kHead +
                          "14:00:02 <plh> scribe: dave\n"
                          "14:01:00 <dave> Topic: First\n"
                          "14:01:01 <dave> Bob: hello\n"
                          "14:01:02 <dave> Note: not a person\n"
                          "14:01:03 <carol> I agree\n"
                          "14:01:04 <Zakim> I see no one on the speaker queue\n";
  EXPECT_EQ(ReadOk(log).attendees, (Names{"plh", "dave", "Bob", "carol"}));
  EXPECT_TRUE(Has(NoticesOf(log), "no present list (present+, Present: or Zakim's); attendance is "
                                  "who spoke on IRC or was quoted by the scribe: plh, dave, Bob, "
                                  "carol"));
  // With a present list, speakers outside it are only mentioned.
  EXPECT_EQ(ReadOk(log + "14:02:00 <plh> present+ Bob\n").attendees, (Names{"Bob", "dave"}));
}

TEST(W3cIrc, ListsOfNamesAsClerksReadThem) {
  const std::string log = kHead +
                          "14:00:02 <plh> scribe: plh\n"
                          "14:00:03 <plh> present+ Bob Brown (remote), Zakim, RRSAgent, Hana.\n"
                          "14:00:04 <plh> regrets+ none\n"
                          "14:00:05 <plh> Regrets: -\n"
                          "14:00:06 <plh> regrets+ Kim (maybe late)\n";
  Meeting m = ReadOk(log);
  EXPECT_EQ(m.attendees, (Names{"Bob Brown", "Hana", "plh"}));
  EXPECT_EQ(m.apologies, (Names{"Kim"}));
  auto notices = NoticesOf(log);
  EXPECT_TRUE(Has(notices, "'Bob Brown (remote)' recorded as 'Bob Brown'"));
  EXPECT_TRUE(Has(notices, "Zakim is a bot; not counted"));
  // Zakim's own list leaves the bots out too.
  Meeting zakim = ReadOk(kHead + "14:00:02 <Zakim> Present: Ann, Zakim, RRSAgent\n");
  EXPECT_EQ(zakim.attendees, (Names{"Ann", "plh"}));  // plh: the scribe, guessed
}

TEST(W3cIrc, RosterAliasesAndNickUnderscores) {
  ReadOptions options;
  options.rosters = {HtmlRoster()};
  std::string log = kHead +
                    "14:01:00 <krisk__> present+\n"
                    "14:01:01 <plh> present+ paulc, Nobody, plh\n"
                    "14:01:02 <plh> scribe: krisk_\n"
                    "14:01:03 <plh> ACTION: krisk to test it by 14 May\n";
  Meeting m = ReadOk(log, options);
  EXPECT_EQ(m.key.group, "HTML");
  EXPECT_EQ(m.attendees, (Names{"Kris Krueger", "Paul Cotton", "Nobody"}));
  EXPECT_EQ(m.staff, (Names{"Philippe Le Hegaret"}));
  ASSERT_EQ(m.actions.size(), 1u);
  EXPECT_EQ(m.actions[0].owners, (std::vector<Owner>{{"Kris Krueger", OwnerKind::kPerson}}));
  EXPECT_EQ(FormatIsoDate(*m.actions[0].due), "2024-05-14");
  EXPECT_TRUE(Has(NoticesOf(log, options), "'Nobody' matches nobody on the roster"));
  EXPECT_TRUE(Has(NoticesOf(log, options), "nick 'krisk__' taken as 'krisk'"));
}

// fuzz/corpus/w3c-irc/crash-roster-match-with-group-option.txt: --group was
// compared through a view of a temporary string (ASan: stack-use-after-scope).
TEST(W3cIrc, RosterNamedByTheGroupOption) {
  ReadOptions options;
  options.rosters = {HtmlRoster()};
  options.group = "html";
  Meeting m = ReadOk("<paulc> Meeting: Weekly Call\n<paulc> Date: 7 May 2024\n<paulc> present+\n",
                     options);
  EXPECT_EQ(m.key.group, "HTML");
  EXPECT_EQ(m.attendees, (Names{"Paul Cotton"}));
}

TEST(W3cIrc, ActionsOwnersDueAndTrackbot) {
  Meeting m = ReadOk(kHead +
                     "14:01:00 <plh> scribe: plh\n"
                     "14:01:01 <plh> ACTION: Ann and Bob to draft the charter by 21 May\n"
                     "14:01:02 <plh> action Cy: publish report 17\n"
                     "14:01:03 <plh> Action Dee to do something\n"
                     "14:01:04 <trackbot> Created ACTION-9 - Do something [on Dee Doe - due 2024-05-14].\n"
                     "14:01:05 <plh> ACTION: Eve to write text [DONE]\n"
                     "14:01:06 <plh> ... and more of it\n"
                     "14:01:07 <plh> ACTION-9 = Dee to do something else\n"
                     "14:01:08 <plh> action items are many\n");
  ASSERT_EQ(m.actions.size(), 4u);
  EXPECT_EQ(m.actions[0].owners.size(), 2u);
  EXPECT_EQ(m.actions[0].owners[1].name, "Bob");
  EXPECT_EQ(FormatIsoDate(*m.actions[0].due), "2024-05-21");
  EXPECT_EQ(m.actions[1].owners[0].name, "Cy");
  EXPECT_EQ(m.actions[1].text, "Cy: publish report 17");
  EXPECT_EQ(m.actions[2].text, "Dee to do something else");
  EXPECT_EQ(m.actions[2].owners[0].name, "Dee Doe");
  EXPECT_EQ(FormatIsoDate(*m.actions[2].due), "2024-05-14");
  EXPECT_EQ(m.actions[3].text, "Eve to write text and more of it");
  EXPECT_EQ(m.actions[3].written_status, "done");
  EXPECT_EQ(m.actions[3].status, ActionStatus::kComplete);
}

// Due words as people write them in an action, read as the notes readers
// read them (notes_phrases: FindDueWords, ReadDue), each guess said. The
// meeting is Tuesday 7 May 2024.
TEST(W3cIrc, DueWordsAreReadAndEachGuessIsSaid) {
  const std::string log = kHead +
                          "14:01:00 <plh> scribe: plh\n"
                          "14:01:01 <plh> ACTION: Ann to review the tests by Friday\n"
                          "14:01:02 <plh> ACTION: Bob to send the survey by the end of May\n"
                          "14:01:03 <plh> ACTION: Cy to look at it before the next call\n"
                          "14:01:04 <plh> ACTION: Dee to fix the issue raised by Ann\n"
                          "14:01:05 <plh> ACTION: Eve to file it by 31 June\n";
  Meeting m = ReadOk(log);
  ASSERT_EQ(m.actions.size(), 5u);
  ASSERT_TRUE(m.actions[0].due);
  EXPECT_EQ(FormatIsoDate(*m.actions[0].due), "2024-05-10");
  ASSERT_TRUE(m.actions[1].due);
  EXPECT_EQ(FormatIsoDate(*m.actions[1].due), "2024-05-31");
  EXPECT_FALSE(m.actions[2].due);
  EXPECT_EQ(m.actions[2].due_phrase, "before the next call");
  EXPECT_FALSE(m.actions[3].due);
  EXPECT_EQ(m.actions[3].due_phrase, "");
  EXPECT_FALSE(m.actions[4].due);
  auto notices = NoticesOf(log);
  EXPECT_TRUE(Has(notices, "'by Friday' taken as 2024-05-10: the first Friday after the meeting"));
  EXPECT_TRUE(Has(notices, "'by the end of May' taken as 2024-05-31: the last day of the month"));
  EXPECT_TRUE(Has(notices, "'before the next call' names no day; kept as the item's due phrase"));
  EXPECT_TRUE(Has(notices, "'31 June' is not a day; no due date"));
}

TEST(W3cIrc, ActionNumbersRewordingAndDropping) {
  const std::string log = kHead +
                          "14:00:02 <plh> present+ Bob, Carol, Dave\n"
                          "14:00:03 <plh> scribe: plh\n"
                          "14:01:00 <plh> ACTION: Bob to write the spec\n"
                          "14:01:01 <trackbot> Created ACTION-2 - Write the spec [on Bob Brown - "
                          "due 2024-05-14].\n"
                          "14:01:02 <plh> ACTION: Carol to review the draft\n"
                          "14:01:03 <trackbot> Created ACTION-3 - Review the draft [on Carol "
                          "Jones - due 2024-05-14].\n"
                          "14:01:04 <plh> ACTION - Dave to test it\n"
                          "14:01:05 <plh> ACTION-2 = Bob to write the whole spec\n"
                          "14:01:06 <plh> action 2 = Dave to review the final draft\n"
                          "14:01:07 <plh> RRSAgent, drop action 3\n";
  Meeting m = ReadOk(log);
  ASSERT_EQ(m.actions.size(), 2u);
  // ACTION-2 is trackbot's number: the meeting's first action.
  EXPECT_EQ(m.actions[0].text, "Bob to write the whole spec");
  EXPECT_EQ(m.actions[0].owners, (std::vector<Owner>{{"Bob Brown", OwnerKind::kUnresolved}}));
  // "action 2" is the meeting's second, and its new owner is the owner.
  EXPECT_EQ(m.actions[1].text, "Dave to review the final draft");
  EXPECT_EQ(m.actions[1].owners, (std::vector<Owner>{{"Dave", OwnerKind::kUnresolved}}));
  auto notices = NoticesOf(log);
  EXPECT_TRUE(Has(notices, "ACTION-2 reworded (trackbot's number)"));
  EXPECT_TRUE(Has(notices, "action 2 reworded (the meeting's count of actions)"));
  EXPECT_TRUE(Has(notices, "action 3 (line 9) dropped, as RRSAgent was told"));
  // "ACTION - Dave to ...": the dash is no part of the owner.
  Meeting dash = ReadOk(kHead + "14:00:02 <plh> present+ Dave\n14:00:03 <plh> scribe: plh\n"
                                "14:01:00 <plh> ACTION - Dave to test it\n");
  ASSERT_EQ(dash.actions.size(), 1u);
  EXPECT_EQ(dash.actions[0].owners, (std::vector<Owner>{{"Dave", OwnerKind::kUnresolved}}));
}

// A scribe's edit is for the minutes, never for a bot's echo: trackbot's
// copy of an action stands between them (scribe.perl's own TODO asks it).
TEST(W3cIrc, ScribeEditsPassOverTheBotsLines) {
  Meeting m = ReadOk(kHead +
                     "14:00:02 <plh> present+ Bob\n"
                     "14:00:03 <plh> scribe: plh\n"
                     "14:01:00 <plh> ACTION: Bob to write the spce\n"
                     "14:01:01 <trackbot> Created ACTION-5 - Write the spce [on Bob Brown - due "
                     "2024-05-14].\n"
                     "14:01:02 <plh> s/spce/spec/\n");
  ASSERT_EQ(m.actions.size(), 1u);
  EXPECT_EQ(m.actions[0].text, "Bob to write the spec");
}

TEST(W3cIrc, CloseActionIsAReviewUnlessTrackbotFails) {
  Meeting m = ReadOk(kHead +
                     "14:01:00 <plh> scribe: plh\n"
                     "14:01:01 <plh> close action-12\n"
                     "14:01:02 <trackbot> Closed ACTION-12.\n"
                     "14:01:03 <plh> close action-13\n"
                     "14:01:04 <trackbot> Error closing: could not connect to Tracker.\n");
  ASSERT_EQ(m.actions.size(), 1u);
  EXPECT_EQ(m.actions[0].text, "ACTION-12");
  EXPECT_EQ(m.actions[0].source, ActionSource::kReview);
  EXPECT_EQ(m.actions[0].status, ActionStatus::kComplete);
}

TEST(W3cIrc, ResolutionsWithContinuations) {
  Meeting m = ReadOk(kHead +
                     "14:01:00 <plh> scribe: plh\n"
                     "14:01:01 <plh> RESOLUTION: Accept Frank's proposal\n"
                     "14:01:02 <plh> ... with Pete's modified text\n"
                     "14:01:03 <ann> Resolved: next-object does not wrap\n");
  ASSERT_EQ(m.decisions.size(), 2u);
  EXPECT_EQ(m.decisions[0].text, "Accept Frank's proposal with Pete's modified text");
  EXPECT_EQ(m.decisions[1].text, "next-object does not wrap");
  EXPECT_EQ(m.decisions[1].line, 6);
}

TEST(W3cIrc, ResolutionsSaidTwiceAreOneButPrefixesAreNot) {
  Meeting m = ReadOk(kHead +
                     "14:01:00 <plh> scribe: plh\n"
                     "14:01:01 <plh> Topic: Issues\n"
                     "14:01:02 <plh> RESOLUTION: close issue 5\n"
                     "14:01:03 <plh> RESOLUTION: close issue 50\n"
                     "14:01:04 <plh> RESOLUTION: approve\n"
                     "14:01:05 <plh> Topic: Budget\n"
                     "14:01:06 <plh> RESOLUTION: approve the budget\n"
                     "14:01:07 <ann> RESOLUTION: approve the budget as proposed\n");
  std::vector<std::string> texts;
  for (const Decision& d : m.decisions) texts.push_back(d.text);
  EXPECT_EQ(texts, (Names{"close issue 5", "close issue 50", "approve",
                          "approve the budget as proposed"}));
}

TEST(W3cIrc, EscapesAndVerbatimAreNotCommands) {
  Meeting m = ReadOk(kHead +
                     "14:01:00 <plh> scribe: plh\n"
                     "14:01:01 <plh> Topic: Words\n"
                     "14:01:02 <plh> \\Action: a noun\n"
                     "14:01:03 <plh> ```\n"
                     "14:01:04 <plh> present+ Nobody\n"
                     "14:01:05 <plh> ```\n");
  EXPECT_TRUE(m.actions.empty());
  EXPECT_EQ(m.attendees, (Names{"plh"}));
  EXPECT_EQ(m.agenda[0].notes, (Names{"Action: a noun", "present+ Nobody"}));
}

TEST(W3cIrc, MeetingKeyFromTitleDateAndRrsAgentsClock) {
  Meeting m = ReadOk(kHead + "14:01:00 <plh> Date: 7 May 2024\n14:02:00 <plh> scribe: plh\n");
  EXPECT_EQ(m.key.kind, "Teleconference");
  EXPECT_EQ(m.key.group, "HTML Working Group");
  EXPECT_EQ(FormatIsoDate(m.date), "2024-05-07");
  EXPECT_EQ(m.key.number, 2024050714);
  // irssi's clock is the scribe's own, in no known zone: no start.
  Meeting local = ReadOk("14:01 <plh> Meeting: HTML WG Call\n14:01 <plh> Date: 2024-05-07\n"
                         "14:02 <plh> scribe: plh\n");
  EXPECT_FALSE(local.start_utc);
  EXPECT_EQ(local.key.kind, "Call");
  EXPECT_EQ(local.key.number, 2024050700);
}

TEST(W3cIrc, GroupFromOptionsWhenTheRecordHasNone) {
  std::string log = "<plh> Date: 7 May 2024\n<plh> scribe: plh\n<plh> present+ Ann\n";
  ReadOptions options;
  options.group = "TAG";
  EXPECT_EQ(ReadOk(log, options).key.group, "TAG");
  auto refused = Read(log);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "log.txt:1:1: no group: the log has no 'Meeting:' line and no channel, and no roster "
            "matched; pass --group NAME\n  <plh> Date: 7 May 2024\n  ^");
}

TEST(W3cIrc, RefusesWhatHoldsNoMeetingOrNoDate) {
  auto nothing = Read("<a> hello\n<b> hi\n");
  ASSERT_FALSE(nothing.ok());
  EXPECT_NE(nothing.error().message.find("log.txt:1:1: no meeting in this log"), std::string::npos);
  auto undated = Read("<plh> Meeting: X Call\n<plh> scribe: plh\n");
  ASSERT_FALSE(undated.ok());
  EXPECT_NE(undated.error().message.find("log.txt:1:1: no meeting date"), std::string::npos);
  auto bad = Read("<plh> Meeting: X Call\n<plh> Date: 31 June 2024\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("log.txt:2:1: this date does not exist"), std::string::npos);
}

TEST(W3cIrc, HostileLinesStayText) {
  std::string huge(15000, 'x');
  Meeting m = ReadOk(kHead +
                     "14:01:00 <plh> scribe: plh\n"
                     "14:01:01 <plh> Topic: <script>alert(1)</script>\n"
                     "14:01:02 <\x1b[31mevil> <img src=x onerror=alert(1)>\n"
                     "14:01:03 <plh> " + huge + "\n"
                     "14:01:04 <plh> present+ <b>Bold</b>\n");
  EXPECT_EQ(m.agenda[0].heading, "<script>alert(1)</script>");
  ASSERT_EQ(m.agenda[0].notes.size(), 2u);
  EXPECT_EQ(m.agenda[0].notes[0], "<\x1b[31mevil> <img src=x onerror=alert(1)>");
  EXPECT_EQ(m.agenda[0].notes[1], huge);
  EXPECT_EQ(m.attendees, (Names{"<b>Bold</b>", "plh"}));
}

TEST(W3cIrc, PlainNotesWithNicksBeforeCommands) {
  Meeting m = ReadOk("Meeting: Baking Club Meeting\nDate: 5 Dec 2002\nScribe: dbooth\n"
                     "frank: present+\nTopic: Bread\nMike: Feature X is great\n");
  EXPECT_EQ(m.attendees, (Names{"frank", "dbooth"}));
  EXPECT_EQ(m.agenda[0].notes, (Names{"Mike: Feature X is great"}));
}

}  // namespace
}  // namespace plenary
