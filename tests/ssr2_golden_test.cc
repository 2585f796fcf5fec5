// The full extraction of the real SSR2 plenary #15 notes, against a golden
// file reviewed line by line, plus the facts the foundation issue names.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "importers/icann_notes.h"
#include "importers/roster_file.h"
#include "publish/json.h"

namespace plenary {
namespace {

std::string ReadFile(const std::string& relative) {
  std::ifstream in(std::string(PLENARY_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

Roster Ssr2Roster() {
  auto source = SourceText::Load("ssr2-roster.txt", ReadFile("examples/ssr2/ssr2-roster.txt"));
  EXPECT_TRUE(source.ok());
  auto roster = ReadRoster(*source);
  EXPECT_TRUE(roster.ok()) << roster.error().message;
  return *roster;
}

ImportedNotes ReadSsr2(NotesOptions options) {
  auto source =
      SourceText::Load("ssr2-plenary-15.txt", ReadFile("examples/ssr2/ssr2-plenary-15.txt"));
  EXPECT_TRUE(source.ok());
  auto notes = ReadIcannNotes(*source, options);
  EXPECT_TRUE(notes.ok()) << notes.error().message;
  return *notes;
}

TEST(Ssr2Golden, WholeExtractionMatchesGoldenFile) {
  ImportedNotes notes = ReadSsr2({std::nullopt, {Ssr2Roster()}});
  auto golden = nlohmann::ordered_json::parse(ReadFile("tests/golden/ssr2-plenary-15.json"));
  EXPECT_EQ(MeetingJson(notes.meeting).dump(2), golden.dump(2));
  EXPECT_TRUE(notes.warnings.empty()) << notes.warnings.front();
}

TEST(Ssr2Golden, CopyInExamplesIsTheSharedCorpusFile) {
  std::ifstream shared(
      std::string(PLENARY_SOURCE_DIR) + "/../shared/corpus/icann/ssr2-plenary-15.txt",
      std::ios::binary);
  if (!shared) GTEST_SKIP() << "../shared is not beside this checkout";
  std::ostringstream bytes;
  bytes << shared.rdbuf();
  EXPECT_EQ(bytes.str(), ReadFile("examples/ssr2/ssr2-plenary-15.txt"));
}

TEST(Ssr2Golden, MeetingHeaderAndPeople) {
  const Meeting m = ReadSsr2({std::nullopt, {Ssr2Roster()}}).meeting;
  EXPECT_EQ(m.key, (MeetingKey{"SSR2", "Plenary", 15}));
  EXPECT_EQ(m.date, Date{std::chrono::year{2017} / 6 / 13});
  EXPECT_EQ(m.start_utc, (TimeOfDay{6, 0}));
  EXPECT_EQ(m.attendees,
            (std::vector<std::string>{"Emily Taylor", "James Gannon", "Zarko Kecic",
                                      "Kaveh Ranjbar", "Alain Aina", "Ram Krishna Pariyar"}));
  EXPECT_EQ(m.staff, (std::vector<std::string>{"Jennifer Bryce", "Karen Mulberry",
                                               "Yvette Guigneaux", "Laena Rahim", "Steve Conte"}));
  EXPECT_EQ(m.apologies, std::vector<std::string>{"Boban Krsic"});
  ASSERT_EQ(m.decisions.size(), 1u);
  EXPECT_EQ(m.decisions[0].text,
            "Team agreed that individual sub-teams are free to progress work.");
}

TEST(Ssr2Golden, ActionItemsBySource) {
  const Meeting m = ReadSsr2({std::nullopt, {Ssr2Roster()}}).meeting;
  auto count = [&](ActionSource s) {
    return std::count_if(m.actions.begin(), m.actions.end(),
                         [&](const ActionItem& a) { return a.source == s; });
  };
  EXPECT_EQ(count(ActionSource::kTable), 4);
  EXPECT_EQ(count(ActionSource::kReview), 8);
  EXPECT_EQ(count(ActionSource::kNotes), 1);

  const ActionItem& lroot = m.actions[3];
  EXPECT_EQ(lroot.owners, (std::vector<Owner>{{"ICANN Org", OwnerKind::kOrganisation}}));
  EXPECT_FALSE(lroot.due.has_value());
  EXPECT_TRUE(lroot.text.find("with the RT mandate: Regarding L-root operations") !=
              std::string::npos);
  EXPECT_TRUE(lroot.text.ends_with("implemented? (GH)"));
  EXPECT_EQ(lroot.raised_by, (Owner{"Geoff Huston", OwnerKind::kPerson}));

  const ActionItem& aob = m.actions.back();
  EXPECT_EQ(aob.source, ActionSource::kNotes);
  EXPECT_EQ(aob.owners, (std::vector<Owner>{{"Staff", OwnerKind::kOrganisation}}));
  EXPECT_TRUE(
      aob.text.ends_with("https://community.icann.org/display/acctcrosscomm/WP1+Attendance+Logs"));
}

TEST(Ssr2Golden, WithoutRosterYearOptionGivesTheSameMeetingButUnresolvedInitials) {
  const Meeting with_roster = ReadSsr2({std::nullopt, {Ssr2Roster()}}).meeting;
  const Meeting with_year = ReadSsr2({2017, {}}).meeting;
  EXPECT_EQ(with_year.date, with_roster.date);
  EXPECT_EQ(with_year.attendees, with_roster.attendees);
  EXPECT_EQ(with_year.actions.size(), with_roster.actions.size());
  EXPECT_EQ(with_year.actions[3].raised_by, (Owner{"GH", OwnerKind::kUnresolved}));
}

}  // namespace
}  // namespace plenary
