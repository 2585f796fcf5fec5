// The reading a careful clerk would make of the shared MeetBot record
// (../shared/corpus/meetbot/hcoop-2021-04-13.log.json), written before the
// reader: hcoop-meetbot's JSON log of a short meeting with odd nicks and a
// script tag in an action.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/meeting_label.h"
#include "importers/formats.h"
#include "importers/source_text.h"

namespace plenary {
namespace {

using Strings = std::vector<std::string>;

Strings Sorted(Strings names) {
  std::sort(names.begin(), names.end());
  return names;
}

const char kRecord[] = "/../shared/corpus/meetbot/hcoop-2021-04-13.log.json";

std::optional<std::string> ReadCorpus() {
  std::ifstream in(std::string(PLENARY_SOURCE_DIR) + kRecord, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

bool InCi() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

Roster HcoopRoster() {
  Roster roster;
  roster.group = {"HCOOP", "HCoop board", std::nullopt, std::nullopt};
  roster.people = {
      {"Ken Pronovici", Role::kMember, {"pronovic", "Pronovici"}, std::nullopt, std::nullopt},
      {"Clinton Ebadi", Role::kMember, {"unknown_lamer", "Clinton Alias"}, std::nullopt,
       std::nullopt},
      {"Lay Line", Role::kMember, {"layline"}, std::nullopt, std::nullopt},
  };
  return roster;
}

std::vector<std::string> Names(const std::vector<Owner>& owners) {
  std::vector<std::string> names;
  for (const Owner& owner : owners) names.push_back(owner.name);
  return names;
}

class MeetBotCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    bytes_ = ReadCorpus();
    if (!bytes_) {
      if (InCi()) FAIL() << "CI=true but " << kRecord << " is absent";
      GTEST_SKIP() << "../shared is not beside this checkout";
    }
  }
  ReadMinutesResult Read(const ReadOptions& options) {
    auto source = SourceText::Load("hcoop-2021-04-13.log.json", *bytes_);
    EXPECT_TRUE(source.ok()) << source.error().message;
    auto read = ReadMinutes(*source, options);
    EXPECT_TRUE(read.ok()) << read.error().message;
    return read.ok() ? *read : ReadMinutesResult{};
  }
  std::optional<std::string> bytes_;
};

TEST_F(MeetBotCorpus, DetectedAsHcoopJsonLog) {
  ReadMinutesResult read = Read({});
  EXPECT_EQ(read.format, "meetbot-json");
  ASSERT_EQ(read.minutes.meetings.size(), 1u);
}

TEST_F(MeetBotCorpus, MeetingIsDatedFromTheStartInUtc) {
  const Meeting m = Read({}).minutes.meetings.at(0);
  EXPECT_EQ(m.date, Date{std::chrono::year{2021} / 4 / 13});
  EXPECT_EQ(m.start_utc, (TimeOfDay{2, 6}));
  // No roster, no --group: the meeting's name (the channel, #hcoop) names it.
  EXPECT_EQ(m.key, (MeetingKey{"hcoop", "Meeting", 2021041302}));
  EXPECT_EQ(m.key.number, DatedMeetingNumber(m.date, TimeOfDay{2, 6}));
}

TEST_F(MeetBotCorpus, AttendanceIsWhoSpokeOrSaidHereWithoutBots) {
  const Meeting m = Read({}).minutes.meetings.at(0);
  // Named as they named themselves with '#here ALIAS', else by nick. bhkl is in
  // the bot's count of lines said although the log keeps none of theirs.
  EXPECT_EQ(Sorted(m.attendees), Sorted(Strings{"Pronovici", "Clinton Alias", "keverets",
                                                "layline", "ken[", "[ken", "[m]", "bhkl"}));
  EXPECT_TRUE(m.apologies.empty());
  EXPECT_TRUE(m.staff.empty());
}

TEST_F(MeetBotCorpus, TopicsAreTheAgenda) {
  const Meeting m = Read({}).minutes.meetings.at(0);
  std::vector<std::string> headings;
  for (const AgendaSection& section : m.agenda) headings.push_back(section.heading);
  EXPECT_EQ(headings, (Strings{"Prologue", "Attendance", "The first topic",
                                    "The second topic", "The third topic",
                                    "Cross-site Scripting"}));
  EXPECT_EQ(m.agenda.at(0).notes,
            (Strings{"LINK: Agenda at https://whatever/agenda.html like usual"}));
  EXPECT_EQ(m.agenda.at(2).notes, (Strings{"moving on then"}));
  EXPECT_EQ(m.agenda.at(4).notes,
            (Strings{"IDEA: we should improve MeetBot", "ACTION: pronovici will deal with it"}));
}

TEST_F(MeetBotCorpus, ActionsWithOwnersByMeetBotsRule) {
  const Meeting m = Read({}).minutes.meetings.at(0);
  ASSERT_EQ(m.actions.size(), 7u);
  EXPECT_EQ(m.actions[0].text, "clinton alias will work with layline on this");
  EXPECT_EQ(Names(m.actions[0].owners), (Strings{"Clinton Alias", "layline"}));
  EXPECT_EQ(m.actions[1].text, "pronovici will deal with it");
  EXPECT_EQ(Names(m.actions[1].owners), (Strings{"Pronovici"}));
  // Kept as text, never as markup.
  EXPECT_EQ(m.actions[2].text, "<script>alert('malicious')</script>");
  EXPECT_TRUE(m.actions[2].owners.empty());
  // The log's words, not the edited event's; '#nick k[n' made k[n a nick that
  // may own actions (MeetBot's #nick), and 'ken]' is not 'ken['.
  EXPECT_EQ(m.actions[3].text, "hey k[n, your nick has special chars");
  EXPECT_EQ(Names(m.actions[3].owners), (Strings{"k[n"}));
  EXPECT_EQ(m.actions[4].text, "ken] fix your nick!");
  EXPECT_TRUE(m.actions[4].owners.empty());
  EXPECT_EQ(m.actions[5].text, "not you too, [ken");
  EXPECT_EQ(Names(m.actions[5].owners), (Strings{"[ken"}));
  EXPECT_EQ(m.actions[6].text, "A Matrix [m] nick");
  EXPECT_EQ(Names(m.actions[6].owners), (Strings{"[m]"}));
  for (const ActionItem& item : m.actions) {
    EXPECT_EQ(item.status, ActionStatus::kOpen);
    EXPECT_EQ(item.source, ActionSource::kNotes);
    EXPECT_FALSE(item.due.has_value());
    EXPECT_GT(item.line, 1);
  }
}

TEST_F(MeetBotCorpus, CarriedMotionIsADecisionWithItsCount) {
  const Meeting m = Read({}).minutes.meetings.at(0);
  ASSERT_EQ(m.decisions.size(), 1u);
  EXPECT_EQ(m.decisions[0].text, "the motion (Motion accepted: 2 in favor to 1 opposed)");
  EXPECT_GT(m.decisions[0].line, 1);
}

TEST_F(MeetBotCorpus, RosterResolvesNicksAndAliasesToPeople) {
  ReadOptions options;
  options.rosters = {HcoopRoster()};
  options.group = "HCOOP";
  const Meeting m = Read(options).minutes.meetings.at(0);
  EXPECT_EQ(m.key.group, "HCOOP");
  EXPECT_EQ(Sorted(m.attendees), Sorted(Strings{"Ken Pronovici", "Clinton Ebadi", "Lay Line",
                                                "keverets", "ken[", "[ken", "[m]", "bhkl"}));
  ASSERT_EQ(m.actions.size(), 7u);
  EXPECT_EQ(m.actions[0].owners,
            (std::vector<Owner>{{"Clinton Ebadi", OwnerKind::kPerson},
                                {"Lay Line", OwnerKind::kPerson}}));
  EXPECT_EQ(m.actions[1].owners, (std::vector<Owner>{{"Ken Pronovici", OwnerKind::kPerson}}));
}

TEST_F(MeetBotCorpus, EachGuessIsANotice) {
  ReadMinutesResult read = Read({});
  std::string all;
  for (const std::string& notice : read.minutes.notices) all += notice + "\n";
  EXPECT_NE(all.find("group 'hcoop'"), std::string::npos) << all;
  EXPECT_NE(all.find("bhkl"), std::string::npos) << all;
  // The bot's events that disagree with the messages are pointed out.
  EXPECT_NE(all.find("hey k[n, your nick has regex special characters"), std::string::npos)
      << all;
}

}  // namespace
}  // namespace plenary
