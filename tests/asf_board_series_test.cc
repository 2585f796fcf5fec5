// The register over three monthly ASF board minutes and one agenda written
// here in the board's layout (tests/data/asf/): an outstanding item is the
// same item from month to month whatever its status says, in the owner-first
// form ("* Sam: pursue a report for Abdera"), even when its words are too few
// to score ("Greg: follow up [ Cassandra ]"); the agenda and the minutes of
// one meeting are one meeting, the minutes winning in either order. Imported
// through PlanImport and a real Store, on every back end.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "app/importing.h"
#include "core/meeting_label.h"
#include "plenary/store.h"
#include "store/store_test_backends.h"

namespace plenary {
namespace {

using store_testing::Backend;
using store_testing::BackendName;
using store_testing::BackendTest;

const std::string kData = std::string(PLENARY_SOURCE_DIR) + "/tests/data/asf/";

NamedInput Input(const std::string& name) {
  std::ifstream in(kData + name, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  EXPECT_FALSE(bytes.str().empty()) << name;
  return {name, bytes.str()};
}

const char* const kMarch = "board_minutes_2014_03_19.txt";
const char* const kApril = "board_minutes_2014_04_16.txt";
const char* const kMayAgenda = "board_agenda_2014_05_21.txt";
const char* const kMay = "board_minutes_2014_05_21.txt";

struct Expected {
  std::string text;
  std::string owner;
  ActionStatus status;
  std::string note;
  std::size_t history;
};

// After the three minutes, in the order the register creates the items.
const std::vector<Expected> kFinal = {
    {"pursue a report for Abdera", "Sam Ruby", ActionStatus::kComplete, "report received", 3},
    {"follow up [ Cassandra ]", "Greg Stein", ActionStatus::kComplete, "done", 2},
    {"Is the project ready to retire? [ Wink ]", "Doug Cutting", ActionStatus::kComplete,
     "Done. Progress is slow, but PMC still able to make releases.", 3},
    {"follow up with the PMC about the relationship between the addons and the project [ Isis ]",
     "Sam Ruby", ActionStatus::kComplete,
     "Clarification present in this month's report. Action item can be closed.", 3},
    {"send message to all PMCs re: health of projects, new committers, new PMC members",
     "Jim Jagielski", ActionStatus::kOpen, "still not done", 3},
    {"work with PMC to help resolve conflicts [ Flex ]", "Rich Bowen", ActionStatus::kOpen,
     "After the last salvo, I haven't heard anything more.", 2},
};

class AsfBoardSeries : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auto store = OpenStore(url_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(*store);
  }

  ImportReport Import(std::vector<std::string> names, bool with_roster = false) {
    ImportRequest request;
    for (const std::string& name : names) request.notes.push_back(Input(name));
    if (with_roster) request.roster = Input("asf-board-roster.txt");
    auto known = store_->Rosters();
    EXPECT_TRUE(known.ok());
    auto plan = PlanImport(request, known.ok() ? *known : std::vector<Roster>{});
    EXPECT_TRUE(plan.ok()) << plan.error().message;
    if (!plan.ok()) return {};
    auto report = store_->Import(plan->batch);
    EXPECT_TRUE(report.ok()) << report.error().message;
    return report.ok() ? *report : ImportReport{};
  }

  std::vector<RegisteredAction> Items() {
    auto items = store_->Actions({});
    EXPECT_TRUE(items.ok());
    std::vector<RegisteredAction> with_history;
    for (const RegisteredAction& a : items.ok() ? *items : std::vector<RegisteredAction>{}) {
      auto full = store_->Action(a.id);
      EXPECT_TRUE(full.ok());
      if (full.ok()) with_history.push_back(*full);
    }
    return with_history;
  }

  void ExpectFinal(const std::vector<RegisteredAction>& items) {
    ASSERT_EQ(items.size(), kFinal.size());
    for (std::size_t i = 0; i < kFinal.size(); ++i) {
      const RegisteredAction& a = items[i];
      const Expected& e = kFinal[i];
      EXPECT_EQ(a.item.text, e.text) << i;
      ASSERT_EQ(a.item.owners.size(), 1u) << i;
      EXPECT_EQ(a.item.owners[0].name, e.owner) << i;
      EXPECT_EQ(a.item.status, e.status) << i;
      EXPECT_EQ(a.status_note.value_or(""), e.note) << i;
      EXPECT_EQ(a.history.size(), e.history) << i << ": " << a.item.text;
    }
  }

  std::unique_ptr<Store> store_;
};

TEST_P(AsfBoardSeries, OneItemPerActionAcrossTheMonths) {
  Import({kMarch}, true);
  Import({kApril});
  Import({kMay});
  std::vector<RegisteredAction> items = Items();
  ExpectFinal(items);
  // The history says what each month's review said.
  const auto& abdera = items[0].history;
  ASSERT_EQ(abdera.size(), 3u);
  EXPECT_EQ(abdera[0].change, "created");
  EXPECT_EQ(abdera[1].change, "note: Sent a reminder to the PMC.");
  EXPECT_EQ(abdera[2].change, "completed; status: done; note: report received");
  EXPECT_EQ(items[2].history[1].change, "mentioned");
  auto meetings = store_->Meetings();
  ASSERT_TRUE(meetings.ok());
  ASSERT_EQ(meetings->size(), 3u);
  EXPECT_EQ(meetings->at(1).attendees.size(), 8u);
}

TEST_P(AsfBoardSeries, SameIdsWhateverTheOrderOfImport) {
  Import({kMay, kMarch}, true);
  Import({kApril});
  std::vector<RegisteredAction> out_of_order = Items();
  ExpectFinal(out_of_order);
  // Importing again changes nothing, ids included.
  Import({kMarch, kApril, kMay});
  std::vector<RegisteredAction> again = Items();
  ASSERT_EQ(again.size(), out_of_order.size());
  for (std::size_t i = 0; i < again.size(); ++i) EXPECT_EQ(again[i].id, out_of_order[i].id);
}

TEST_P(AsfBoardSeries, AgendaThenMinutesAreOneMeeting) {
  Import({kMarch, kApril}, true);
  ImportReport agenda = Import({kMayAgenda});
  ASSERT_EQ(agenda.meetings.size(), 1u);
  EXPECT_EQ(agenda.meetings[0].outcome, ImportOutcome::kCreated);
  const MeetingKey may{"ASF", "Board", 2014052117};
  EXPECT_EQ(agenda.meetings[0].key, may);
  // Before the meeting: the agenda's statuses (written by the owners).
  std::vector<RegisteredAction> before = Items();
  ASSERT_EQ(before.size(), 6u);
  EXPECT_EQ(before[3].item.status, ActionStatus::kComplete);  // "can be closed"
  EXPECT_EQ(before[0].item.status, ActionStatus::kOpen);      // Abdera: no status yet
  ImportReport minutes = Import({kMay});
  ASSERT_EQ(minutes.meetings.size(), 1u);
  EXPECT_EQ(minutes.meetings[0].key, may);
  EXPECT_EQ(minutes.meetings[0].outcome, ImportOutcome::kUpdated);
  auto meetings = store_->Meetings();
  ASSERT_TRUE(meetings.ok());
  ASSERT_EQ(meetings->size(), 3u);
  EXPECT_EQ(meetings->back().attendees.size(), 7u);
  std::vector<RegisteredAction> after = Items();
  ExpectFinal(after);
  for (std::size_t i = 0; i < after.size(); ++i) EXPECT_EQ(after[i].id, before[i].id) << i;
}

TEST_P(AsfBoardSeries, AgendaAfterMinutesLeavesThem) {
  Import({kMarch, kApril, kMay}, true);
  std::vector<RegisteredAction> minutes = Items();
  ImportReport agenda = Import({kMayAgenda});
  ASSERT_EQ(agenda.meetings.size(), 1u);
  EXPECT_EQ(agenda.meetings[0].outcome, ImportOutcome::kUnchanged);
  auto meetings = store_->Meetings();
  ASSERT_TRUE(meetings.ok());
  ASSERT_EQ(meetings->size(), 3u);
  EXPECT_EQ(meetings->back().attendees.size(), 7u);
  EXPECT_EQ(meetings->back().decisions.size(), 4u);
  std::vector<RegisteredAction> after = Items();
  ExpectFinal(after);
  for (std::size_t i = 0; i < after.size(); ++i) EXPECT_EQ(after[i].id, minutes[i].id) << i;
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AsfBoardSeries, ::testing::Values(Backend::kSqlite),
                         BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, AsfBoardSeries, ::testing::Values(Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace plenary
