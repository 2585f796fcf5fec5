// What a careful clerk records from the real-layout SSR2 plenary #41 wiki page
// (../shared/corpus/icann/ssr2-plenary-41-wiki.txt) with the SSR2 roster,
// written down before the reader existed; the e-mailed notes of #15 must stay
// with the icann-notes reader.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/register.h"
#include "importers/formats.h"
#include "importers/roster_file.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

// ../shared from the repository's root; a worktree (wt/NAME) is one level deeper.
fs::path CorpusDir() {
  for (const char* up : {"../shared/corpus/icann", "../../shared/corpus/icann"}) {
    fs::path dir = fs::path(PLENARY_SOURCE_DIR) / up;
    if (fs::exists(dir)) return dir;
  }
  return fs::path(PLENARY_SOURCE_DIR) / "../shared/corpus/icann";
}

const fs::path kCorpus = CorpusDir();

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Skips when the shared corpus is absent, except under CI, where it fails.
bool CorpusPresent() {
  if (fs::exists(kCorpus / "ssr2-plenary-41-wiki.txt")) return true;
  const char* ci = std::getenv("CI");
  if (ci && std::string_view(ci) == "true") {
    ADD_FAILURE() << "CI=true and the shared corpus is absent: " << kCorpus;
  }
  return false;
}

Roster Ssr2Roster() {
  auto source = SourceText::Load("ssr2-roster.txt", ReadBytes(kCorpus / "ssr2-roster.txt"));
  EXPECT_TRUE(source.ok());
  auto roster = ReadRoster(*source);
  EXPECT_TRUE(roster.ok()) << roster.error().message;
  return roster.ok() ? *roster : Roster{};
}

Date D(int y, int m, int d) { return Date{std::chrono::year{y} / m / d}; }

struct Read {
  std::string format;
  Meeting meeting;
  std::vector<std::string> notices;
};

Read ReadPage(const fs::path& path, std::vector<Roster> rosters) {
  auto source = SourceText::Load(path.filename().string(), ReadBytes(path));
  EXPECT_TRUE(source.ok());
  ReadOptions options;
  options.rosters = std::move(rosters);
  auto read = ReadMinutes(*source, options);
  EXPECT_TRUE(read.ok()) << read.error().message;
  if (!read.ok() || read->minutes.meetings.size() != 1) return {};
  return {read->format, read->minutes.meetings.front(), read->minutes.notices};
}

bool HasNotice(const std::vector<std::string>& notices, std::string_view text) {
  return std::any_of(notices.begin(), notices.end(),
                     [&](const std::string& n) { return n.find(text) != std::string::npos; });
}

const Owner kStaff{"Staff", OwnerKind::kOrganisation};
Owner Person(std::string name) { return {std::move(name), OwnerKind::kPerson}; }

TEST(IcannWikiCorpus, Plenary41AsAClerkRecordsIt) {
  if (!CorpusPresent()) GTEST_SKIP() << "no " << kCorpus;
  Read read = ReadPage(kCorpus / "ssr2-plenary-41-wiki.txt", {Ssr2Roster()});
  EXPECT_EQ(read.format, "icann-wiki");
  const Meeting& m = read.meeting;
  EXPECT_EQ(m.key, (MeetingKey{"SSR2", "Plenary", 41}));
  EXPECT_EQ(m.date, D(2018, 8, 30));
  EXPECT_EQ(m.start_utc, (TimeOfDay{14, 0}));  // "Call Details": 14:00 - 15:30 UTC
  EXPECT_EQ(m.attendees,
            (std::vector<std::string>{
                "Kerry-Ann Barrett", "Alain Aina", "Geoff Huston", "Zarko Kecic", "Boban Krsic",
                "Eric Osterweil", "Mohamad Amin Hasbini", "Noorul Ameen", "Ram Krishna Pariyar"}));
  EXPECT_EQ(m.guests, (std::vector<std::string>{"Steve Ames"}));  // Guests: "/" is none
  EXPECT_EQ(m.staff, (std::vector<std::string>{"Jennifer Bryce", "Negar Farzinnia", "Brenda Brewer",
                                               "Steve Conte"}));
  EXPECT_EQ(m.apologies,
            (std::vector<std::string>{"Denise Michel", "Norm Ritchie", "James Gannon"}));

  ASSERT_EQ(m.decisions.size(), 2u);
  EXPECT_EQ(m.decisions[0].text,
            "Team agreed to circulate the draft findings of each subteam to the full review "
            "team before the Brussels meeting.");
  EXPECT_EQ(m.decisions[1].text,
            "The review team will use the shared tracking sheet as the single list of open "
            "questions to ICANN org.");

  ASSERT_EQ(m.actions.size(), 4u);
  const ActionItem& agenda = m.actions[0];
  EXPECT_EQ(agenda.text, "Staff to send the updated Brussels agenda to the list");
  EXPECT_EQ(agenda.owners, (std::vector<Owner>{kStaff}));
  EXPECT_EQ(agenda.due, D(2018, 9, 5));
  const ActionItem& consolidate = m.actions[1];
  EXPECT_EQ(consolidate.text,
            "Eric and Boban to consolidate the DNS SSR subteam findings into one document");
  EXPECT_EQ(consolidate.owners,
            (std::vector<Owner>{Person("Eric Osterweil"), Person("Boban Krsic")}));
  EXPECT_EQ(consolidate.due, std::nullopt);
  EXPECT_EQ(consolidate.due_phrase, "before the next plenary");
  const ActionItem& briefing = m.actions[2];
  EXPECT_EQ(briefing.text, "Kerry-Ann to confirm the date of the SOC2 briefing with ICANN org.");
  EXPECT_EQ(briefing.owners, (std::vector<Owner>{Person("Kerry-Ann Barrett")}));
  EXPECT_EQ(briefing.due, std::nullopt);
  EXPECT_EQ(briefing.due_phrase, "");
  const ActionItem& sheet = m.actions[3];
  EXPECT_EQ(sheet.text, "Subteam rapporteurs to update the tracking sheet");
  EXPECT_EQ(sheet.owners, (std::vector<Owner>{{"Subteam rapporteurs", OwnerKind::kOrganisation}}));
  EXPECT_EQ(sheet.due, D(2018, 8, 31));  // COB Friday: the Friday after Thursday's call
  for (const ActionItem& a : m.actions) {
    EXPECT_EQ(a.source, ActionSource::kTable) << a.text;
    EXPECT_EQ(a.status, ActionStatus::kOpen) << a.text;
  }

  // The numbered agenda is the meeting's agenda, never a list of actions.
  ASSERT_EQ(m.agenda.size(), 6u);
  EXPECT_EQ(m.agenda[0].heading, "Welcome, roll call, SOI updates");
  EXPECT_EQ(m.agenda[1].heading, "Brussels face-to-face meeting - staff to share the draft agenda");
  EXPECT_EQ(m.agenda[5].heading, "Confirm action items, decisions reached");

  // Every guess is a notice.
  const auto& notices = read.notices;
  EXPECT_TRUE(HasNotice(notices, "'Geof Huston' taken as Geoff Huston: one letter apart"));
  EXPECT_TRUE(HasNotice(notices, "'Dr Hasbini' taken as Mohamad Amin Hasbini: title 'Dr' dropped"));
  EXPECT_TRUE(HasNotice(notices, "'J Gannon' taken as James Gannon"));
  EXPECT_TRUE(HasNotice(notices, "'Zarko' taken as Zarko Kecic"));
  EXPECT_TRUE(HasNotice(notices, "'Kerry-Ann' taken as Kerry-Ann Barrett"));
  EXPECT_TRUE(HasNotice(notices, "'Eric' taken as Eric Osterweil"));
  EXPECT_TRUE(HasNotice(notices, "'Boban' taken as Boban Krsic"));
  EXPECT_TRUE(HasNotice(notices, "'Subteam rapporteurs' taken as a role of the group"));
  EXPECT_TRUE(HasNotice(notices, "'Steve Ames' matches nobody on the SSR2 roster"));
  EXPECT_TRUE(HasNotice(notices, "'by COB Friday' taken as 2018-08-31"));
  EXPECT_TRUE(HasNotice(notices, "'before the next plenary' names no day"));
  EXPECT_FALSE(HasNotice(notices, "'Staff'"));
  EXPECT_FALSE(HasNotice(notices, "'Alain Aina'"));
}

TEST(IcannWikiCorpus, BeforeTheNextPlenaryIsDueWhenTheNextPlenaryIsImported) {
  if (!CorpusPresent()) GTEST_SKIP() << "no " << kCorpus;
  Read read = ReadPage(kCorpus / "ssr2-plenary-41-wiki.txt", {Ssr2Roster()});
  MeetingMentions p41{1, read.meeting.key, read.meeting.date, read.meeting.actions};
  Register before = ReplayRegister({p41}, {});
  auto consolidate = [](const Register& reg) {
    for (const RegisterItem& item : reg.items)
      if (item.state.text.starts_with("Eric and Boban")) return item.state;
    ADD_FAILURE() << "no item";
    return ActionItem{};
  };
  EXPECT_EQ(consolidate(before).due, std::nullopt);
  MeetingMentions p42{2, {"SSR2", "Plenary", 42}, D(2018, 9, 6), {}};
  Register after = ReplayRegister({p41, p42}, {});
  EXPECT_EQ(consolidate(after).due, D(2018, 9, 6));
}

TEST(IcannWikiCorpus, EmailedNotesStayIcannNotes) {
  if (!CorpusPresent()) GTEST_SKIP() << "no " << kCorpus;
  for (const fs::path& path :
       {kCorpus / "ssr2-plenary-15.txt",
        fs::path(PLENARY_SOURCE_DIR) / "examples/ssr2/ssr2-plenary-15.txt"}) {
    auto source = SourceText::Load("notes", ReadBytes(path));
    ASSERT_TRUE(source.ok());
    auto detected = DetectFormat(*source);
    ASSERT_TRUE(detected.ok());
    EXPECT_EQ(detected->format->name, "icann-notes") << path;
    EXPECT_EQ(FindMinutesFormat("icann-wiki")->detect(*source).confidence, 0) << path;
  }
  auto wiki = SourceText::Load("wiki", ReadBytes(kCorpus / "ssr2-plenary-41-wiki.txt"));
  ASSERT_TRUE(wiki.ok());
  EXPECT_GT(FindMinutesFormat("icann-wiki")->detect(*wiki).confidence,
            FindMinutesFormat("icann-notes")->detect(*wiki).confidence);
}

}  // namespace
}  // namespace plenary
