// Work plans through the audited write path over a real SQLite register: the
// secretariat and a sub-team's lead change tasks, and each change has its
// audit entry; anyone else is refused and nothing is written, not even the log.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/editing.h"
#include "app/editing_fixture.h"

namespace plenary {
namespace {

Date D(int y, unsigned m, unsigned d) { return Date{std::chrono::year{y} / m / d}; }

Roster Roster2() {
  Roster r;
  r.group.short_name = "SSR2";
  r.people = {{"Eric Osterweil", Role::kMember, {"EO"}},
              {"Geoff Huston", Role::kMember, {"GH"}},
              {"Kaveh Ranjbar", Role::kLiaison, {"KR"}}};
  r.subteams = {{"DNS SSR", "Eric Osterweil", {"Eric Osterweil", "Geoff Huston"}},
                {"ICANN SSR", "Geoff Huston", {"Geoff Huston"}}};
  return r;
}

WorkPlan Plan() {
  WorkPlanTask dns1{"DNS-1",       "KSK rollover",  "Eric Osterweil",        {"Geoff Huston"},
                    D(2017, 7, 1), D(2017, 12, 15), TaskStatus::kInProgress, {}};
  WorkPlanTask icann1{"ICANN-1",     "ISMS",         "Geoff Huston",       {},
                      D(2017, 7, 1), D(2018, 2, 28), TaskStatus::kPlanned, {}};
  return {"SSR2",
          {},
          {{"DNS SSR", {{"Root zone", {dns1}}}, {}}, {"ICANN SSR", {{"Risk", {icann1}}}, {}}}};
}

User Member(std::string login, std::string person) {
  User u;
  u.login = std::move(login);
  u.person = std::move(person);
  u.grants = {{"SSR2", GroupRole::kMember}};
  return u;
}

class WorkplanEditingTest : public EditingFixture {
 protected:
  void SetUp() override {
    EditingFixture::SetUp();
    ASSERT_TRUE(editing_->Import(cli_, {Roster2(), {}, {Plan()}}).ok());
  }
  std::vector<AuditEntry> Log() { return *site_->Audit({}); }
};

TEST_F(WorkplanEditingTest, TheImportIsAuditedWithThePlan) {
  std::vector<AuditEntry> log = Log();
  ASSERT_EQ(log.size(), 2u);         // the roster's import, then the plan's
  const AuditEntry& entry = log[0];  // newest first
  EXPECT_EQ(entry.action, "workplan.import");
  EXPECT_EQ(entry.target, "workplan/SSR2");
  EXPECT_EQ(entry.before, "");
  auto after = nlohmann::json::parse(entry.after);
  EXPECT_EQ(after["outcome"], "created");
  EXPECT_EQ(after["workplan"]["subteams"][0]["subtopics"][0]["tasks"][0]["label"], "DNS-1");
  // The same plan again changes nothing and logs nothing.
  ASSERT_TRUE(editing_->Import(cli_, {std::nullopt, {}, {Plan()}}).ok());
  EXPECT_EQ(Log().size(), 2u);
}

TEST_F(WorkplanEditingTest, ALeadChangesTheirSubTeamsTaskAndTheChangeIsAudited) {
  Actor eric = Actor::SignedIn(Member("eric", "EO"));
  TaskEdit edit;
  edit.target = D(2018, 1, 31);
  edit.status = TaskStatus::kDone;
  edit.people = {"KR", " Geoff Huston "};
  auto task = editing_->EditTask(eric, "ssr2", "dns-1", edit);
  ASSERT_TRUE(task.ok()) << task.error().message;
  EXPECT_EQ(task->target, D(2018, 1, 31));
  EXPECT_EQ(task->people, (std::vector<std::string>{"Kaveh Ranjbar", "Geoff Huston"}));
  EXPECT_EQ((*store_->FindWorkPlan("SSR2"))->subteams[0].subtopics[0].tasks[0], *task);
  const AuditEntry entry = Log().at(0);
  EXPECT_EQ(entry.who, "eric");
  EXPECT_EQ(entry.action, "task.edit");
  EXPECT_EQ(entry.target, "task/SSR2/DNS-1");
  EXPECT_EQ(nlohmann::json::parse(entry.before)["target"], "2017-12-15");
  EXPECT_EQ(nlohmann::json::parse(entry.after)["target"], "2018-01-31");
  EXPECT_EQ(nlohmann::json::parse(entry.after)["status"], "done");
}

TEST_F(WorkplanEditingTest, OthersAreRefusedAndNothingIsWritten) {
  WorkPlan before = **store_->FindWorkPlan("SSR2");
  std::size_t logged = Log().size();
  TaskEdit edit;
  edit.title = "Changed";
  Actor eric = Actor::SignedIn(Member("eric", "Eric Osterweil"));
  auto other = editing_->EditTask(eric, "SSR2", "ICANN-1", edit);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().kind, ErrorKind::kPermissionDenied);
  EXPECT_EQ(other.error().message,
            "eric may not change task ICANN-1: the secretariat and the lead of ICANN SSR may");
  Actor kaveh = Actor::SignedIn(Member("kaveh", "Kaveh Ranjbar"));
  EXPECT_EQ(editing_->EditTask(kaveh, "SSR2", "DNS-1", edit).error().kind,
            ErrorKind::kPermissionDenied);
  EXPECT_EQ(editing_->EditTask(Actor::Anonymous(), "SSR2", "DNS-1", edit).error().message,
            "no task DNS-1 in SSR2's work plan");
  EXPECT_EQ(editing_->EditTask(eric, "SSR2", "DNS-9", edit).error().kind, ErrorKind::kNotFound);
  TaskEdit unknown;
  unknown.leader = "Jane Nobody";
  EXPECT_EQ(editing_->EditTask(eric, "SSR2", "DNS-1", unknown).error().message,
            "unknown person 'Jane Nobody' as leader: not on SSR2's roster");
  TaskEdit backwards;
  backwards.start = D(2018, 3, 1);
  EXPECT_EQ(editing_->EditTask(eric, "SSR2", "DNS-1", backwards).error().message,
            "task DNS-1 ends (2017-12-15) before it starts (2018-03-01)");
  EXPECT_EQ(**store_->FindWorkPlan("SSR2"), before);
  EXPECT_EQ(Log().size(), logged);
}

TEST_F(WorkplanEditingTest, TheSecretariatChangesAnyTask) {
  User staff;
  staff.login = "jb";
  staff.grants = {{"SSR2", GroupRole::kSecretariat}};
  TaskEdit edit;
  edit.leader = "EO";
  auto task = editing_->EditTask(Actor::SignedIn(staff), "SSR2", "ICANN-1", edit);
  ASSERT_TRUE(task.ok()) << task.error().message;
  EXPECT_EQ(task->leader, "Eric Osterweil");
  User member = Member("pat", "");
  EXPECT_EQ(editing_->EditTask(Actor::SignedIn(member), "SSR2", "ICANN-1", edit).error().kind,
            ErrorKind::kPermissionDenied);
}

}  // namespace
}  // namespace plenary
