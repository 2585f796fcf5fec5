// The register over a Markdown series: four weeks of an IAB-style wiki agenda
// (tests/data/markdown-series, expectations in its EXPECTED.md) imported one
// file at a time through the real path (PlanImport, then a SQLite Store). The
// action item review names the same items week after week, each with the day
// it was raised: the register must update those items (same ids), not add new
// ones.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "app/importing.h"
#include "core/date.h"
#include "core/meeting_label.h"
#include "plenary/store.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

const fs::path kSeries = fs::path(PLENARY_SOURCE_DIR) / "tests/data/markdown-series";
const std::vector<std::string> kWeeks = {"2024-09-04", "2024-09-11", "2024-09-18", "2024-09-25"};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct Expected {
  std::string label;
  std::string words;  // what the item's text says after its raised-on date
  std::string status;
  std::string due;
  std::vector<std::string> owners;
  std::size_t history;
};

// clang-format off
const std::vector<Expected> kItems = {
    {"A1", "Cora Lind to send the workshop report", "complete", "", {"Cora Lind"}, 2},
    {"A2", "Omar Haddad et al to write a draft on limited", "cancelled", "", {"Omar Haddad"}, 3},
    {"A3", "Petra Novak to send a proposal", "complete", "", {"Petra Novak"}, 2},
    {"A4", "Cora Lind, Jun Park, and Sara Mendes to coordinate", "complete", "",
     {"Cora Lind", "Jun Park", "Sara Mendes"}, 4},
    {"A5", "Jun Park to follow up with the liaison managers", "complete", "", {"Jun Park"}, 3},
    {"A6", "All EXB to review the draft blog post", "complete", "", {"Team"}, 3},
    {"A7", "Sara Mendes to draft the call for nominations", "open", "", {"Sara Mendes"}, 3},
    {"A8", "Petra Novak to review the workshop guidelines", "open", "2024-10-09", {"Petra Novak"}, 2},
};
// clang-format on

class MarkdownSeriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() /
        ("plenary-md-series-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto store = OpenStore("sqlite:" + (dir_ / "register.db").string());
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(*store);
  }
  void TearDown() override {
    store_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  ImportReport Import(const std::string& week) {
    std::string name = "exb-agenda-" + week + ".md";
    ImportRequest request;
    request.notes = {{name, ReadFile(kSeries / name)}};
    auto plan = PlanImport(request, {});
    EXPECT_TRUE(plan.ok()) << plan.error().message;
    if (!plan.ok()) return {};
    EXPECT_EQ(plan->formats.size(), 1u);
    if (!plan->formats.empty()) {
      EXPECT_EQ(plan->formats[0].format, "markdown");
    }
    auto report = store_->Import(plan->batch);
    EXPECT_TRUE(report.ok()) << report.error().message;
    return report.ok() ? *report : ImportReport{};
  }

  // Label -> id, each item found by its words (exactly one item has them).
  std::map<std::string, std::int64_t> Ids() {
    std::map<std::string, std::int64_t> ids;
    auto actions = store_->Actions({});
    EXPECT_TRUE(actions.ok());
    for (const Expected& e : kItems) {
      for (const RegisteredAction& a : *actions) {
        if (a.item.text.find(e.words) == std::string::npos) continue;
        EXPECT_EQ(ids.count(e.label), 0u) << e.label << " twice";
        ids[e.label] = a.id;
      }
    }
    return ids;
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(MarkdownSeriesTest, ReviewUpdatesTheSameItemsWeekAfterWeek) {
  Import(kWeeks[0]);
  std::map<std::string, std::int64_t> first = Ids();
  EXPECT_EQ(first.size(), 6u);  // A1..A6
  for (std::size_t w = 1; w < kWeeks.size(); ++w) Import(kWeeks[w]);

  auto actions = store_->Actions({});
  ASSERT_TRUE(actions.ok());
  EXPECT_EQ(actions->size(), kItems.size());
  std::map<std::string, std::int64_t> ids = Ids();
  ASSERT_EQ(ids.size(), kItems.size());
  for (const auto& [label, id] : first) EXPECT_EQ(ids[label], id) << label << " changed id";

  for (const Expected& e : kItems) {
    SCOPED_TRACE(e.label + " " + e.words);
    auto item = store_->Action(ids[e.label]);
    ASSERT_TRUE(item.ok()) << item.error().message;
    EXPECT_EQ(ActionStatusName(item->item.status), e.status);
    EXPECT_EQ(item->item.due ? FormatIsoDate(*item->item.due) : "", e.due);
    std::vector<std::string> owners;
    for (const Owner& o : item->item.owners) owners.push_back(o.name);
    EXPECT_EQ(owners, e.owners);
    EXPECT_EQ(item->history.size(), e.history);
  }
  // A4 was reworded on 09-11 and still is one item; A8's due moved.
  auto a8 = store_->Action(ids["A8"]);
  ASSERT_TRUE(a8.ok());
  ASSERT_EQ(a8->history.size(), 2u);
  EXPECT_EQ(a8->history[1].change, "due 2024-10-02 -> 2024-10-09; status: new -> in progress");

  auto duplicates = store_->Duplicates();
  ASSERT_TRUE(duplicates.ok());
  EXPECT_TRUE(duplicates->empty());
  auto notices = store_->Notices();
  ASSERT_TRUE(notices.ok());
  EXPECT_TRUE(notices->empty());

  auto meetings = store_->Meetings();
  ASSERT_TRUE(meetings.ok());
  ASSERT_EQ(meetings->size(), 4u);
  for (const Meeting& m : *meetings) {
    EXPECT_EQ(m.key.group, "EXB");
    EXPECT_EQ(m.key.kind, "Meeting");
    EXPECT_EQ(m.start_utc, (TimeOfDay{14, 30}));
    EXPECT_EQ(m.key.number, DatedMeetingNumber(m.date, m.start_utc));
  }
  auto decisions = store_->Decisions();
  ASSERT_TRUE(decisions.ok());
  ASSERT_EQ(decisions->size(), 1u);
  EXPECT_EQ(decisions->at(0).meeting_date, *ParseIsoDate("2024-09-25"));
}

TEST_F(MarkdownSeriesTest, ReimportAndOrderDoNotChangeTheRegister) {
  for (const std::string& week : kWeeks) Import(week);
  auto before = store_->Actions({});
  ASSERT_TRUE(before.ok());
  ImportReport again = Import(kWeeks[1]);
  ASSERT_EQ(again.meetings.size(), 1u);
  EXPECT_EQ(again.meetings[0].outcome, ImportOutcome::kUnchanged);
  auto after = store_->Actions({});
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), before->size());
  for (std::size_t i = 0; i < after->size(); ++i) {
    EXPECT_EQ((*after)[i].id, (*before)[i].id);
    EXPECT_EQ((*after)[i].item.status, (*before)[i].item.status);
  }
}

TEST_F(MarkdownSeriesTest, ImportedBackwardsTheRegisterIsTheSame) {
  for (auto w = kWeeks.rbegin(); w != kWeeks.rend(); ++w) Import(*w);
  auto actions = store_->Actions({});
  ASSERT_TRUE(actions.ok());
  EXPECT_EQ(actions->size(), kItems.size());
  std::map<std::string, std::int64_t> ids = Ids();
  ASSERT_EQ(ids.size(), kItems.size());
  for (const Expected& e : kItems) {
    auto item = store_->Action(ids[e.label]);
    ASSERT_TRUE(item.ok());
    EXPECT_EQ(ActionStatusName(item->item.status), e.status) << e.label;
  }
}

}  // namespace
}  // namespace plenary
