// Work plans through every back end (store.h: FindWorkPlan, EditTask, and the
// work plans of an ImportBatch): what is written reads back equal, survives
// export and restore (copy-db), and what the roster or the register does not
// hold is refused with nothing written.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "app/importing.h"
#include "plenary/store.h"
#include "store/snapshot_tables.h"
#include "store/store_test_backends.h"

namespace plenary {
namespace {

using namespace store_testing;  // NOLINT: the shared fixtures

std::string Example(const std::string& name) {
  std::ifstream in("examples/ssr2/" + name, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

Date D(int y, unsigned m, unsigned d) { return Date{std::chrono::year{y} / m / d}; }

class WorkplanStoreTest : public BackendTest {
 protected:
  std::unique_ptr<Store> Open(const std::string& url) {
    auto store = OpenStore(url);
    EXPECT_TRUE(store.ok()) << store.error().message;
    return store.ok() ? std::move(store).value() : nullptr;
  }

  // The SSR2 roster, plenary #15's notes and the example work plan, in one batch.
  ImportBatch Ssr2Batch() {
    ImportRequest request;
    request.notes = {{"ssr2-plenary-15.txt", Example("ssr2-plenary-15.txt")}};
    request.roster = NamedInput{"ssr2-roster.txt", Example("ssr2-roster.txt")};
    request.workplans = {{"ssr2-workplan.toml", Example("ssr2-workplan.toml")}};
    auto plan = PlanImport(request, {});
    EXPECT_TRUE(plan.ok()) << plan.error().message;
    return plan.ok() ? plan->batch : ImportBatch{};
  }
};

TEST_P(WorkplanStoreTest, AWorkPlanRoundTripsAndAReimportIsUnchanged) {
  auto store = Open(url_);
  ImportBatch batch = Ssr2Batch();
  ASSERT_EQ(batch.workplans.size(), 1u);
  auto report = store->Import(batch);
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->workplans.size(), 1u);
  EXPECT_EQ(report->workplans[0].outcome, ImportOutcome::kCreated);
  auto stored = store->FindWorkPlan("ssr2");
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  EXPECT_EQ(*stored, std::optional<WorkPlan>(batch.workplans[0]));

  // Items linked by hand must be the group's; then they round-trip too.
  auto items = store->Actions({});
  ASSERT_TRUE(items.ok() && items->size() >= 2);
  WorkPlan linked = batch.workplans[0];
  linked.subteams[2].subtopics[0].tasks[0].items = {items->at(1).id, items->at(0).id};
  auto again = store->Import({std::nullopt, {}, {linked}});
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->workplans[0].outcome, ImportOutcome::kUpdated);
  EXPECT_EQ(*store->FindWorkPlan("SSR2"), std::optional<WorkPlan>(linked));
  auto unchanged = store->Import({std::nullopt, {}, {linked}});
  ASSERT_TRUE(unchanged.ok());
  EXPECT_EQ(unchanged->workplans[0].outcome, ImportOutcome::kUnchanged);
  EXPECT_EQ(*store->FindWorkPlan("RDS"), std::nullopt);
}

TEST_P(WorkplanStoreTest, AWorkPlanSurvivesExportAndRestoreIntoTheOtherStore) {
  auto store = Open(url_);
  ImportBatch batch = Ssr2Batch();
  auto items = store->Import(batch);
  ASSERT_TRUE(items.ok());
  WorkPlanTask task = batch.workplans[0].subteams[3].subtopics[0].tasks[1];  // FC-2
  task.items = {store->Actions({})->at(0).id};
  task.status = TaskStatus::kOnHold;
  ASSERT_TRUE(store->EditTask("SSR2", "FC-2", task).ok());
  auto snapshot = store->Export();
  ASSERT_TRUE(snapshot.ok()) << snapshot.error().message;
  auto copy = Open(FreshUrl());
  ASSERT_TRUE(copy->Restore(*snapshot).ok());
  auto restored = copy->FindWorkPlan("SSR2");
  ASSERT_TRUE(restored.ok() && restored->has_value());
  EXPECT_EQ(**restored, **store->FindWorkPlan("SSR2"));
  EXPECT_EQ(SnapshotJson(*copy->Export()), SnapshotJson(*snapshot));
  // Ids carry on after the restored ones.
  task.title = "IoT and the DNS";
  ASSERT_TRUE(copy->EditTask("SSR2", "FC-2", task).ok());
  EXPECT_EQ((*copy->FindWorkPlan("SSR2"))->subteams[3].subtopics[0].tasks[1].title,
            "IoT and the DNS");
}

TEST_P(WorkplanStoreTest, AnEditedTaskIsAuditedInItsTransaction) {
  auto store = Open(url_);
  ASSERT_TRUE(store->Import(Ssr2Batch()).ok());
  WorkPlanTask task = (*store->FindWorkPlan("SSR2"))->subteams[2].subtopics[0].tasks[1];
  task.target = D(2018, 9, 30);
  task.leader = "Eric Osterweil";
  std::vector<std::string> audited;
  auto edited = store->EditTask("ssr2", "dns-2", task, [&](const WorkPlanTask& after) {
    audited.push_back(after.label);
    return std::vector<AuditEntry>{};
  });
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_EQ(audited, std::vector<std::string>{"DNS-2"});
  EXPECT_EQ((*store->FindWorkPlan("SSR2"))->subteams[2].subtopics[0].tasks[1], task);
}

TEST_P(WorkplanStoreTest, WhatTheRosterOrRegisterLacksIsRefusedAndNothingIsWritten) {
  auto store = Open(url_);
  ImportBatch batch = Ssr2Batch();
  batch.workplans[0].subteams[0].subtopics[0].tasks[0].items = {999999};
  auto refused = store->Import(batch);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(refused.error().message,
            "task SSR1-1 links item #999999, which is not an item of SSR2's register");
  EXPECT_EQ(*store->FindWorkPlan("SSR2"), std::nullopt);
  EXPECT_TRUE(store->Meetings()->empty());  // the whole batch, not only the plan

  ASSERT_TRUE(store->Import(Ssr2Batch()).ok());
  WorkPlan before = **store->FindWorkPlan("SSR2");
  WorkPlanTask task = before.subteams[0].subtopics[0].tasks[0];
  task.leader = "Jane Nobody";
  auto unknown = store->EditTask("SSR2", "SSR1-1", task);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message, "task SSR1-1: unknown person 'Jane Nobody' as leader");
  task = before.subteams[0].subtopics[0].tasks[0];
  task.target = D(2017, 1, 1);
  auto backwards = store->EditTask("SSR2", "SSR1-1", task);
  ASSERT_FALSE(backwards.ok());
  EXPECT_EQ(backwards.error().message,
            "task SSR1-1 ends (2017-01-01) before it starts (2017-06-01)");
  task = before.subteams[0].subtopics[0].tasks[0];
  task.label = "SSR1-9";
  EXPECT_EQ(store->EditTask("SSR2", "SSR1-1", task).error().message,
            "task SSR1-1: a task keeps its label (the file's label is 'SSR1-1')");
  EXPECT_EQ(store->EditTask("SSR2", "SSR1-7", task).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(**store->FindWorkPlan("SSR2"), before);
}

TEST_P(WorkplanStoreTest, APlanForAGroupWithoutARosterIsRefused) {
  auto store = Open(url_);
  WorkPlan plan{"RDS", {{"Draft report", D(2019, 1, 1)}}, {}};
  auto refused = store->Import({std::nullopt, {}, {plan}});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "RDS has no roster: its work plan names its people");
}

INSTANTIATE_TEST_SUITE_P(Sqlite, WorkplanStoreTest, ::testing::Values(Backend::kSqlite),
                         BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, WorkplanStoreTest, ::testing::Values(Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace plenary
