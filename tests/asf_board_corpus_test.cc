// The reading a careful clerk makes of the real ASF board minutes of
// 2014-02-19 (../shared/corpus/asf/board_minutes_2014_02_19.txt), written
// before the reader and checked field by field: the meeting, the roll call,
// each decision, each action with its owner and status.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/meeting_label.h"
#include "importers/formats.h"
#include "importers/roster_file.h"

namespace plenary {
namespace {

std::optional<std::string> ReadPath(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The corpus is ../shared beside the checkout (/work/main), or two levels up
// from a worktree (/work/wt/NAME).
std::optional<std::string> ReadCorpus(const std::string& relative) {
  for (const char* up : {"/../shared/corpus/", "/../../shared/corpus/"})
    if (auto bytes = ReadPath(std::string(PLENARY_SOURCE_DIR) + up + relative)) return bytes;
  return std::nullopt;
}

Roster AsfRoster() {
  auto bytes = ReadPath(std::string(PLENARY_SOURCE_DIR) + "/tests/data/asf/asf-board-roster.txt");
  EXPECT_TRUE(bytes);
  auto source = SourceText::Load("asf-board-roster.txt", bytes.value_or(""));
  EXPECT_TRUE(source.ok());
  auto roster = ReadRoster(*source);
  EXPECT_TRUE(roster.ok()) << roster.error().message;
  return *roster;
}

class AsfBoardCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    auto bytes = ReadCorpus("asf/board_minutes_2014_02_19.txt");
    if (!bytes) {
      const char* ci = std::getenv("CI");
      if (ci && std::string_view(ci) == "true") FAIL() << "../shared/corpus is missing under CI";
      GTEST_SKIP() << "../shared is not beside this checkout";
    }
    auto source = SourceText::Load("board_minutes_2014_02_19.txt", *bytes);
    ASSERT_TRUE(source.ok()) << source.error().message;
    ReadOptions options;
    options.rosters = {AsfRoster()};
    auto read = ReadMinutes(*source, options);
    ASSERT_TRUE(read.ok()) << read.error().message;
    format_ = read->format;
    ASSERT_EQ(read->minutes.meetings.size(), 1u);
    m_ = read->minutes.meetings.front();
    notices_ = read->minutes.notices;
  }

  std::string format_;
  Meeting m_;
  std::vector<std::string> notices_;
};

Date D(int y, unsigned mo, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{mo}, std::chrono::day{d}};
}

TEST_F(AsfBoardCorpus, DetectedAsMinutes) { EXPECT_EQ(format_, "asf-board-minutes"); }

TEST_F(AsfBoardCorpus, Meeting) {
  EXPECT_EQ(m_.key.group, "ASF");
  EXPECT_EQ(m_.key.kind, "Board");
  EXPECT_EQ(m_.date, D(2014, 2, 19));
  // Scheduled 10:30am Pacific (PST, UTC-8): the key is the scheduled hour,
  // 18h UTC; the meeting began at 10:34, 18:34 UTC.
  EXPECT_EQ(m_.key.number, DatedMeetingNumber(D(2014, 2, 19), TimeOfDay{18, 30}));
  EXPECT_EQ(m_.key.number, 2014021918);
  EXPECT_EQ(m_.start_utc, (TimeOfDay{18, 34}));
  ASSERT_FALSE(m_.agenda.empty());
  EXPECT_EQ(m_.agenda.size(), 13u);
  EXPECT_EQ(m_.agenda.front().heading, "Call to order");
  EXPECT_EQ(m_.agenda[6].heading, "Special Orders");
  EXPECT_EQ(m_.agenda.back().heading, "Adjournment");
  // The end has no field of its own: the Adjournment section keeps it.
  ASSERT_EQ(m_.agenda.back().notes.size(), 1u);
  EXPECT_EQ(m_.agenda.back().notes[0], "Adjourned at 11:41 a.m. (Pacific), 19:41 UTC");
}

TEST_F(AsfBoardCorpus, RollCall) {
  EXPECT_EQ(m_.attendees,
            (std::vector<std::string>{"Shane Curcuru", "Bertrand Delacretaz", "Roy T. Fielding",
                                      "Jim Jagielski", "Chris Mattmann", "Brett Porter",
                                      "Greg Stein"}));
  EXPECT_EQ(m_.apologies, (std::vector<std::string>{"Sam Ruby", "Doug Cutting"}));
  EXPECT_EQ(m_.staff, (std::vector<std::string>{"Ross Gardler", "Rich Bowen", "Craig L Russell"}));
  EXPECT_EQ(m_.guests,
            (std::vector<std::string>{"Sean Kelly", "Daniel Gruno", "Phil Steitz", "Jake Farrell",
                                      "Marvin Humphrey", "David Nalley", "Noah Slater"}));
  EXPECT_TRUE(m_.attendance_remarks.empty());
}

TEST_F(AsfBoardCorpus, Decisions) {
  ASSERT_EQ(m_.decisions.size(), 10u);
  const auto& d = m_.decisions;
  EXPECT_EQ(d[0].text, "Minutes of the meeting of January 15, 2014: Approved by General Consent");
  EXPECT_EQ(d[0].line, 64);
  EXPECT_EQ(d[1].text, "Executive officer reports approved as submitted by General Consent");
  EXPECT_EQ(d[1].line, 255);
  EXPECT_EQ(d[2].text, "Additional officer reports approved as submitted by General Consent");
  EXPECT_EQ(d[2].line, 271);
  EXPECT_EQ(d[3].text,
            "Apache Lenya Project report: The report was not approved due to lack of detail, and "
            "a report will be expected next month.");
  EXPECT_EQ(d[3].line, 399);
  EXPECT_EQ(d[4].text, "Apache Subversion Project report: verbal approval of late report");
  EXPECT_EQ(d[5].text, "Committee reports approved as submitted by General Consent");
  EXPECT_EQ(d[5].line, 521);
  EXPECT_EQ(d[6].text,
            "Establish the Apache Open Climate Workbench Project: approved by Unanimous Vote of "
            "the directors present");
  EXPECT_EQ(d[6].line, 525);
  EXPECT_EQ(d[7].text,
            "Change the Apache Incubator Project Chair: approved by Unanimous Vote of the "
            "directors present");
  EXPECT_EQ(d[8].text,
            "Establish the Apache Spark Project: approved by Unanimous Vote of the directors "
            "present");
  EXPECT_EQ(d[9].text,
            "Establish the Apache Knox Project: approved by Unanimous Vote of the directors "
            "present");
  for (int i = 0; i < 6; ++i) EXPECT_EQ(d[static_cast<std::size_t>(i)].body, "") << i;
  // A resolution's body is its whole text, from the first WHEREAS to the
  // last RESOLVED, without the line that records the vote.
  EXPECT_TRUE(d[6].body.starts_with("WHEREAS, the Board of Directors deems it to be in the"))
      << d[6].body;
  EXPECT_NE(d[6].body.find("* Kim Whitehall <whitehall@apache.org>"), std::string::npos);
  EXPECT_TRUE(d[6].body.ends_with("Project are hereafter discharged.")) << d[6].body;
  EXPECT_EQ(d[6].body.find("Special Order 7A"), std::string::npos);
  EXPECT_TRUE(d[7].body.starts_with("WHEREAS, the Board of Directors heretofore appointed Marvin"));
  EXPECT_NE(d[9].body.find("Kevin Minder be appointed"), std::string::npos);
}

struct ExpectedAction {
  std::string text;
  std::string owner;
  ActionSource source;
  ActionStatus status;
  std::string written_status;
};

TEST_F(AsfBoardCorpus, Actions) {
  const ActionSource N = ActionSource::kNotes, R = ActionSource::kReview;
  const ActionStatus O = ActionStatus::kOpen, C = ActionStatus::kComplete;
  // clang-format off
  const std::vector<ExpectedAction> expected = {
      // New actions attached to reports: the report's project is named in
      // brackets, as the next agenda lists them, unless the text names it.
      {"follow up [ Cassandra ]", "Greg Stein", N, O, ""},
      {"pursue a report for Continuum", "Bertrand Delacretaz", N, O, ""},
      {"follow up with Empire-db", "Chris Mattmann", N, O, ""},
      {"pursue a report for Giraph", "Greg Stein", N, O, ""},
      {"follow up on \"typo\" [ Onami ]", "Greg Stein", N, O, ""},
      {"pursue a report for Velocity", "Chris Mattmann", N, O, ""},
      {"ask for an update on sufficiency of PMC members on their next regular report [ Xalan ]",
       "Shane Curcuru", N, O, ""},
      {"follow up with regard to new committers next regular report [ Xerces ]", "Jim Jagielski",
       N, O, ""},
      {"follow up with PMC with regard to cordova.io domain name.", "Shane Curcuru", N, O, ""},
      // The review of outstanding items: the status text rides after "Status:".
      {"email to multiple PMCs to ask for dates on releases.\nStatus: Brett can roll this in with "
       "note about committee records", "Greg Stein", R, O, ""},
      {"Update the guidance for releases to forbid shipping binary dependencies within a source "
       "package unless their source is also included (see board_minutes_2012_04_18.txt) and "
       "communicate to committers.\nStatus: still not done", "Roy T. Fielding", R, O, ""},
      {"discuss \"extras\" issue with OpenOffice PMC and see if there is anything to be done at "
       "the \"ASF level\"", "Greg Stein", R, O, ""},
      {"follow up on bringing on new committers and PMC members to DB", "Chris Mattmann", R, O, ""},
      {"follow up with Click regarding the Attic or rebooting\nStatus: still not done",
       "Brett Porter", R, O, ""},
      {"Ask Any23 PMC if they are ready to switch chairs\nStatus: PMC pinged.", "Jim Jagielski", R,
       O, ""},
      {"Remind PMCs to check their committee records\nStatus: tracking, but message still not "
       "done", "Brett Porter", R, O, ""},
      {"pursue a report for Helix\nStatus: report received", "Doug Cutting", R, C, "done"},
      {"pursue a report for jclouds\nStatus: report received", "Brett Porter", R, C, "done"},
      {"ask about \"pending discussion by the PMC\" by JMeter", "Greg Stein", R, O, ""},
      {"pursue a report for Mesos\nStatus: report was received", "Doug Cutting", R, C, "done"},
      {"pursue a report for OpenJPA\nStatus: report received", "Chris Mattmann", R, C, "done"},
      {"inconsistency with last committer in TomEE report\nStatus: TomEE PMC confirms last "
       "committer was Nov 2013, all good.", "Bertrand Delacretaz", R, O, ""},
      {"ask for an out-of-band report for next month for Web Services", "Greg Stein", R, O, ""},
  };
  // clang-format on
  ASSERT_EQ(m_.actions.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const ActionItem& a = m_.actions[i];
    const ExpectedAction& e = expected[i];
    EXPECT_EQ(a.text, e.text) << i;
    ASSERT_EQ(a.owners.size(), 1u) << i;
    EXPECT_EQ(a.owners[0], (Owner{e.owner, OwnerKind::kPerson})) << i;
    EXPECT_EQ(a.source, e.source) << i;
    EXPECT_EQ(a.status, e.status) << i;
    EXPECT_EQ(a.written_status, e.written_status) << i;
    EXPECT_FALSE(a.due) << i;
  }
  EXPECT_EQ(m_.actions[0].line, 295);
  EXPECT_EQ(m_.actions[9].line, 784);
  EXPECT_EQ(m_.actions.back().line, 827);
}

TEST_F(AsfBoardCorpus, NoticesSayWhatWasGuessed) {
  // The format chosen, then one notice for the bare "Greg: follow up on ..."
  // (an action taken from a remark without an "AI:" mark); every name of the
  // roll call is on the roster.
  ASSERT_GE(notices_.size(), 1u);
  EXPECT_EQ(format_, "asf-board-minutes");
  std::size_t bare = 0;
  for (const std::string& n : notices_) {
    EXPECT_EQ(n.find("matches nobody"), std::string::npos) << n;
    if (n.find("without an 'AI:' mark") != std::string::npos) ++bare;
  }
  EXPECT_EQ(bare, 1u);
}

TEST(AsfBoardCorpusSpeed, ReadsWithoutRosterToo) {
  auto bytes = ReadCorpus("asf/board_minutes_2014_02_19.txt");
  if (!bytes) GTEST_SKIP() << "../shared is not beside this checkout";
  auto source = SourceText::Load("board_minutes_2014_02_19.txt", *bytes);
  ASSERT_TRUE(source.ok());
  auto read = ReadMinutes(*source, ReadOptions{});
  ASSERT_TRUE(read.ok()) << read.error().message;
  const Meeting& m = read->minutes.meetings.front();
  // Without a roster, first names resolve against the roll call itself.
  EXPECT_EQ(m.key.group, "ASF");
  EXPECT_EQ(m.actions[0].owners, (std::vector<Owner>{{"Greg Stein", OwnerKind::kPerson}}));
  EXPECT_EQ(m.attendees.size(), 7u);
}

}  // namespace
}  // namespace plenary
