#include "app/reminders.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

using std::chrono::year;

Date Day(int m, int d) { return Date{year{2026} / m / d}; }

RegisteredAction Item(std::int64_t id, std::vector<Owner> owners, std::optional<Date> due,
                      ActionStatus status = ActionStatus::kOpen) {
  RegisteredAction a;
  a.id = id;
  a.item.text = "item " + std::to_string(id);
  a.item.owners = std::move(owners);
  a.item.due = due;
  a.item.status = status;
  a.meeting = {"RMD", "Plenary", 1};
  a.meeting_date = Day(11, 3);
  return a;
}

Meeting MeetingOn(int number, Date date) {
  Meeting m;
  m.key = {"RMD", "Plenary", number};
  m.date = date;
  return m;
}

class PlanRemindersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Roster roster;
    roster.group = {"RMD", "Reminder Team", std::nullopt, std::nullopt};
    Person dm{"Denise Michel", Role::kMember, {"DM"}};
    dm.email = "dm@example.org";
    Person gh{"Geoff Huston", Role::kMember, {"GH"}};
    Person kab{"Kerry-Ann Barrett", Role::kMember, {}};
    kab.email = "kab@example.org";
    kab.reminders = false;
    roster.people = {dm, gh, kab};
    roster.organisations = {{"Staff", "staff@example.org"}};
    registers_.group = "RMD";
    registers_.roster = roster;
    registers_.meetings = {MeetingOn(1, Day(11, 3)), MeetingOn(2, Day(11, 10))};
  }

  const Reminder* Find(const std::vector<Reminder>& reminders, std::string_view owner) {
    for (const Reminder& r : reminders)
      if (r.owner.name == owner) return &r;
    return nullptr;
  }

  GroupRegisters registers_;
  const Owner dm_{"Denise Michel", OwnerKind::kPerson};
  const Owner gh_{"Geoff Huston", OwnerKind::kPerson};
  const Owner kab_{"Kerry-Ann Barrett", OwnerKind::kPerson};
  const Owner staff_{"staff", OwnerKind::kOrganisation};
  const Owner stranger_{"Zed Outsider", OwnerKind::kUnresolved};
};

TEST_F(PlanRemindersTest, OverdueThenDueSoonPerOwnerWithTheirAddress) {
  registers_.today = Day(11, 12);  // the next meeting, 11-17, is past the window's end
  registers_.actions = {Item(1, {dm_}, Day(11, 16)),
                        Item(2, {dm_, staff_}, Day(11, 1)),
                        Item(3, {dm_}, Day(11, 20)),
                        Item(4, {dm_}, std::nullopt),
                        Item(5, {dm_}, Day(11, 5)),
                        Item(6, {gh_}, Day(11, 12)),
                        Item(7, {dm_}, Day(11, 2), ActionStatus::kComplete),
                        Item(8, {}, Day(11, 1))};
  auto reminders = PlanReminders(registers_, {Day(11, 12), 4});
  ASSERT_EQ(reminders.size(), 3u);  // Denise, Geoff, Staff: by name
  EXPECT_EQ(reminders[0].owner, dm_);
  EXPECT_EQ(reminders[0].address, "dm@example.org");
  EXPECT_EQ(reminders[0].unreachable, Unreachable::kNo);
  EXPECT_EQ(reminders[0].next_meeting, std::nullopt);
  std::vector<std::int64_t> ids;
  for (const ReminderItem& item : reminders[0].items) ids.push_back(item.action.id);
  EXPECT_EQ(ids, (std::vector<std::int64_t>{2, 5, 1}));  // most late first, then due soon
  EXPECT_EQ(reminders[0].items[0].days_overdue, 11);
  EXPECT_EQ(reminders[0].items[2].reason, ReminderReason::kDueSoon);

  const Reminder* gh = Find(reminders, "Geoff Huston");
  ASSERT_NE(gh, nullptr);
  EXPECT_EQ(gh->unreachable, Unreachable::kNoAddress);  // due today is due soon, listed
  EXPECT_EQ(gh->items[0].reason, ReminderReason::kDueSoon);
  const Reminder* staff = Find(reminders, "staff");
  ASSERT_NE(staff, nullptr);
  EXPECT_EQ(staff->address, "staff@example.org");  // the organisation's name folded
}

TEST_F(PlanRemindersTest, EveryOpenItemBeforeAMeetingInTheWindow) {
  registers_.today = Day(11, 14);
  registers_.actions = {Item(1, {dm_}, std::nullopt), Item(2, {kab_}, Day(12, 24)),
                        Item(3, {stranger_}, std::nullopt), Item(4, {dm_}, Day(11, 13))};
  auto reminders = PlanReminders(registers_, {Day(11, 14), 7});
  ASSERT_EQ(reminders.size(), 3u);
  EXPECT_EQ(reminders[0].next_meeting, Day(11, 17));
  ASSERT_EQ(reminders[0].items.size(), 2u);
  EXPECT_EQ(reminders[0].items[0].action.id, 4);
  EXPECT_EQ(reminders[0].items[1].reason, ReminderReason::kBeforeMeeting);
  const Reminder* kab = Find(reminders, "Kerry-Ann Barrett");
  ASSERT_NE(kab, nullptr);
  EXPECT_EQ(kab->unreachable, Unreachable::kOptedOut);
  EXPECT_EQ(kab->address, std::nullopt);
  const Reminder* stranger = Find(reminders, "Zed Outsider");
  ASSERT_NE(stranger, nullptr);
  EXPECT_EQ(stranger->unreachable, Unreachable::kUnresolved);

  // Without a roster nobody has an address, and everybody is still listed.
  registers_.roster.reset();
  reminders = PlanReminders(registers_, {Day(11, 14), 7});
  ASSERT_EQ(reminders.size(), 3u);
  for (const Reminder& r : reminders) EXPECT_FALSE(r.address.has_value()) << r.owner.name;
}

TEST_F(PlanRemindersTest, NothingToRemindOfIsNoReminder) {
  registers_.today = Day(11, 12);
  registers_.actions = {Item(1, {dm_}, Day(12, 24)), Item(2, {dm_}, std::nullopt)};
  EXPECT_TRUE(PlanReminders(registers_, {Day(11, 12), 3}).empty());
}

}  // namespace
}  // namespace plenary
