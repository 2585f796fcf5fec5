// Store::ActionPage, MeetingPage, DecisionPage, GroupSummaries and OwnerNames,
// held on both back ends to the whole lists they page: following the cursors
// (or the offsets) from the first page gives exactly the rows of Actions(),
// Meetings() and Decisions() for the group, in their order, with the same
// totals.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/attendance.h"
#include "core/text.h"
#include "plenary/store.h"
#include "store/store_test_backends.h"
#include "store/store_test_data.h"

namespace plenary {
namespace {

using namespace store_testing;  // NOLINT: the shared test data

// Two groups; G1 with 14 meetings (two on one day), five items each with
// statuses, dues and owners that vary, two decisions each; one merge.
class ListPagesTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auto store = OpenStore(url_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store).value();
    ImportBatch batch;
    Roster roster = Ssr2Roster();
    roster.group.short_name = "G1";
    batch.roster = roster;
    for (int n = 1; n <= 14; ++n) {
      Meeting m = SmallMeeting("G1", n,
                               D(2024, static_cast<unsigned>(1 + (n - 1) % 12),
                                 n == 14 ? 2u : static_cast<unsigned>(n)));
      if (n % 2 == 0) m.key.kind = "Teleconference";
      m.attendees = {"James Gannon"};
      if (n % 3 == 0) m.apologies = {"Žarko Kečić"};
      for (int i = 0; i < 5; ++i) {
        const int k = n * 5 + i;
        std::optional<Date> due;
        if (k % 4 != 0)
          due = D(2024, static_cast<unsigned>(1 + k % 12), 1 + static_cast<unsigned>(k % 27));
        ActionStatus status = k % 5 == 0   ? ActionStatus::kComplete
                              : k % 7 == 0 ? ActionStatus::kCancelled
                                           : ActionStatus::kOpen;
        std::vector<Owner> owners{
            {k % 3 == 0 ? "James Gannon" : "Žarko Kečić", OwnerKind::kPerson}};
        if (k % 6 == 0) owners.push_back({"ICANN Org", OwnerKind::kOrganisation});
        m.actions.push_back(Item("item " + std::to_string(k) + " words", owners, due, status));
      }
      m.decisions = {{"decision " + std::to_string(n) + "a", 1}, {"decision b", 2}};
      batch.meetings.push_back(Imported(m, "g1-" + std::to_string(n)));
    }
    Meeting other = SmallMeeting("G2", 1, D(2024, 6, 1));
    other.actions = {Item("another group's item", {{"James Gannon", OwnerKind::kPerson}})};
    other.decisions = {{"another group's decision", 1}};
    batch.meetings.push_back(Imported(other, "g2-1"));
    ASSERT_TRUE(store_->Import(batch).ok());
    ActionQuery open;
    open.open_only = true;
    open.group = "G1";
    auto items = Ok(store_->Actions(open));
    ASSERT_GE(items.size(), 3u);
    ActionEdit by;
    by.who = "test";
    by.effective = D(2024, 12, 1);
    ASSERT_TRUE(store_->MergeActions(items[0].id, items[2].id, by).ok());
  }

  // Every item of `query` read `limit` at a time through the cursors.
  std::vector<RegisteredAction> AllPages(const ActionListQuery& query, std::size_t limit,
                                         bool newest_first = false) {
    std::vector<RegisteredAction> all;
    PageRequest page;
    page.limit = limit;
    page.newest_first = newest_first;
    for (int pages = 0; pages < 1000; ++pages) {
      auto got = store_->ActionPage(query, page);
      EXPECT_TRUE(got.ok()) << got.error().message;
      if (!got.ok()) break;
      EXPECT_LE(got->items.size(), limit);
      for (RegisteredAction& a : got->items) all.push_back(std::move(a));
      total_ = got->total;
      if (got->next.empty()) break;
      page.cursor = got->next;
    }
    return all;
  }

  // The group's items the whole list gives, kept by `keep`.
  template <typename Keep>
  std::vector<RegisteredAction> Whole(Keep keep, std::optional<std::string> owner = {}) {
    ActionQuery q;
    q.group = "G1";
    q.owner = owner;
    auto all = Ok(store_->Actions(q));
    std::erase_if(all, [&](const RegisteredAction& a) { return a.merged_into || !keep(a); });
    return all;
  }

  std::unique_ptr<Store> store_;
  std::size_t total_ = 0;
};

TEST_P(ListPagesTest, ActionPagesFollowedByTheirCursorsAreTheWholeList) {
  const Date today = D(2024, 7, 1);
  struct Case {
    ActionListQuery query;
    std::function<bool(const RegisteredAction&)> keep;
    std::optional<std::string> owner;
  };
  std::vector<Case> cases{
      {{"G1", {}, {}, {}, {}, false}, [](const auto&) { return true; }, {}},
      {{"g1", ActionStatus::kOpen, {}, {}, {}, false},
       [](const auto& a) { return a.item.status == ActionStatus::kOpen; },
       {}},
      {{"G1", ActionStatus::kComplete, {}, {}, {}, false},
       [](const auto& a) { return a.item.status == ActionStatus::kComplete; },
       {}},
      {{"G1", {}, {}, today, {}, false},
       [&](const auto& a) {
         return a.item.status == ActionStatus::kOpen && a.item.due && *a.item.due < today;
       },
       {}},
      {{"G1", {}, "JG", {}, {}, false}, [](const auto&) { return true; }, "JG"},
      {{"G1", ActionStatus::kOpen, "icann org", {}, {}, false},
       [](const auto& a) { return a.item.status == ActionStatus::kOpen; },
       "icann org"},
      {{"G1", {}, {}, {}, MeetingKey{"G1", "teleconference", 4}, false},
       [](const auto& a) { return a.meeting.number == 4; },
       {}},
  };
  for (const Case& c : cases) {
    const std::vector<RegisteredAction> want = Whole(c.keep, c.owner);
    ASSERT_FALSE(want.empty());
    for (std::size_t limit : {1u, 4u, 500u}) {
      std::vector<RegisteredAction> got = AllPages(c.query, limit);
      EXPECT_EQ(Ids(got), Ids(want)) << "limit " << limit;
      EXPECT_EQ(total_, want.size());
      if (!got.empty()) {
        EXPECT_EQ(got.front().item.owners, want.front().item.owners);
      }
      std::vector<std::int64_t> reversed = Ids(want);
      std::reverse(reversed.begin(), reversed.end());
      EXPECT_EQ(Ids(AllPages(c.query, limit, true)), reversed);
    }
  }
}

// The items a work plan may link: those it lists by hand, and those whose
// words hold "[task" in any case (core/workplan.h reads the label).
TEST_P(ListPagesTest, AWorkPlansItemsAreThoseItListsOrThatWriteATaskLabel) {
  Meeting m = SmallMeeting("G1", 40, D(2024, 12, 20));
  m.actions = {Item("Draft the plan [TASK: DNS-2]", {{"James Gannon", OwnerKind::kPerson}}),
               Item("[task:dns 3] and more", {{"James Gannon", OwnerKind::kPerson}}),
               Item("a task without a label [tas", {{"James Gannon", OwnerKind::kPerson}})};
  ASSERT_TRUE(store_->Import({std::nullopt, {Imported(m, "g1-40")}}).ok());
  const std::int64_t by_hand = Whole([](const auto&) { return true; }).at(3).id;
  ActionListQuery query{"G1", {}, {}, {}, {}, false, std::vector<std::int64_t>{by_hand}};
  auto keep = [&](const RegisteredAction& a) {
    return a.id == by_hand || AsciiLower(a.item.text).find("[task") != std::string::npos;
  };
  const std::vector<RegisteredAction> want = Whole(keep);
  ASSERT_EQ(want.size(), 3u);
  EXPECT_EQ(want[0].id, by_hand);
  for (std::size_t limit : {1u, 500u}) {
    EXPECT_EQ(Ids(AllPages(query, limit)), Ids(want)) << "limit " << limit;
    EXPECT_EQ(total_, 3u);
  }
  query.work_plan_links->clear();
  EXPECT_EQ(AllPages(query, 500).size(), 2u) << "the labelled ones alone";
}

// ?q= of the action lists: the items whose text or status note holds every
// word, each whole, case and diacritics ignored, read through the search
// index with the other filters and paged like them; another group's items,
// merged items, and words that are only part of a longer word are not found.
TEST_P(ListPagesTest, ItemsWithWordsAreThoseWhoseTextOrStatusNoteHoldsThemAll) {
  Meeting m = SmallMeeting("G1", 41, D(2024, 12, 21));
  const Owner jg{"James Gannon", OwnerKind::kPerson};
  m.actions = {
      Item("Review the DNS report", {jg}),           Item("Draft the dns engineering REPORT", {jg}),
      Item("Report on the DNSSEC rollout", {jg}),    Item("DNS: a report, again", {jg}),
      Item("Send the résumé to the DNS team", {jg}), Item("Close the abuse thread", {jg})};
  Meeting other = SmallMeeting("G2", 2, D(2024, 12, 21));
  other.actions = {Item("Another group's DNS report", {jg})};
  ASSERT_TRUE(store_->Import({std::nullopt, {Imported(m, "g1-41"), Imported(other, "g2-2")}}).ok());
  auto id_of = [&](std::string_view text) {
    for (const RegisteredAction& a : Whole([](const auto&) { return true; }))
      if (a.item.text == text) return a.id;
    ADD_FAILURE() << "no item " << text;
    return std::int64_t{0};
  };
  const std::int64_t review = id_of("Review the DNS report");
  const std::int64_t draft = id_of("Draft the dns engineering REPORT");
  const std::int64_t again = id_of("DNS: a report, again");
  const std::int64_t resume = id_of("Send the résumé to the DNS team");
  const std::int64_t close = id_of("Close the abuse thread");
  ActionEdit done;
  done.status = ActionStatus::kComplete;
  done.note = "folded into the DNS report";
  done.who = "test";
  done.effective = D(2024, 12, 22);
  ASSERT_TRUE(store_->EditAction(close, done).ok());
  ActionEdit by;
  by.who = "test";
  by.effective = D(2024, 12, 22);
  ASSERT_TRUE(store_->MergeActions(review, again, by).ok());

  auto with = [](std::string words, std::optional<ActionStatus> status = {}) {
    ActionListQuery q{"G1", status, {}, {}, {}, false};
    q.words = std::move(words);
    return q;
  };
  using Ids_ = std::vector<std::int64_t>;
  for (std::size_t limit : {1u, 2u, 500u}) {
    EXPECT_EQ(Ids(AllPages(with("report DNS"), limit)), (Ids_{review, draft, close}))
        << "limit " << limit;
    EXPECT_EQ(total_, 3u);
    EXPECT_EQ(Ids(AllPages(with("report DNS"), limit, true)), (Ids_{close, draft, review}));
  }
  EXPECT_EQ(Ids(AllPages(with("dns report", ActionStatus::kOpen), 500)), (Ids_{review, draft}));
  EXPECT_EQ(total_, 2u);
  EXPECT_EQ(Ids(AllPages(with("RESUME"), 500)), (Ids_{resume})) << "diacritics ignored";
  EXPECT_EQ(Ids(AllPages(with("engineer"), 500)), Ids_{}) << "a word is matched whole";
  EXPECT_EQ(total_, 0u);
  EXPECT_EQ(Ids(AllPages(with("\"folded into\" -thread*"), 500)), (Ids_{close}))
      << "FTS syntax is inert";
  const std::size_t all = Whole([](const auto&) { return true; }).size();
  EXPECT_EQ(AllPages(with(" !? "), 500).size(), all) << "no word: no filter";
}

TEST_P(ListPagesTest, AnOffsetSkipsRowsAndTheSoonestDueComeFirst) {
  const std::vector<RegisteredAction> want = Whole([](const auto&) { return true; });
  PageRequest third;
  third.limit = 5;
  third.offset = 10;
  auto page = Ok(store_->ActionPage({"G1", {}, {}, {}, {}, false}, third));
  EXPECT_EQ(Ids(page.items),
            Ids(std::vector<RegisteredAction>(want.begin() + 10, want.begin() + 15)));
  EXPECT_EQ(page.total, want.size());
  EXPECT_FALSE(page.next.empty());

  std::vector<RegisteredAction> open =
      Whole([](const auto& a) { return a.item.status == ActionStatus::kOpen; });
  std::stable_sort(open.begin(), open.end(), [](const auto& a, const auto& b) {
    if (a.item.due.has_value() != b.item.due.has_value()) return a.item.due.has_value();
    return a.item.due && *a.item.due < *b.item.due;
  });
  for (std::size_t limit : {5u, 1000u}) {
    PageRequest first;
    first.limit = limit;
    auto soonest = Ok(store_->ActionPage({"G1", ActionStatus::kOpen, {}, {}, {}, true}, first));
    std::vector<RegisteredAction> want_first = open;
    want_first.resize(std::min(open.size(), limit));
    EXPECT_EQ(Ids(soonest.items), Ids(want_first));
  }
}

TEST_P(ListPagesTest, MeetingAndDecisionPagesAreTheWholeLists) {
  std::vector<Meeting> meetings = Ok(store_->Meetings());
  std::erase_if(meetings, [](const Meeting& m) { return m.key.group != "G1"; });
  std::vector<RegisteredDecision> decisions = Ok(store_->Decisions());
  std::erase_if(decisions, [](const auto& d) { return d.meeting.group != "G1"; });
  for (bool newest_first : {false, true}) {
    if (newest_first) {
      std::stable_sort(meetings.begin(), meetings.end(),
                       [](const Meeting& a, const Meeting& b) { return a.date > b.date; });
      std::stable_sort(decisions.begin(), decisions.end(), [](const auto& a, const auto& b) {
        return a.meeting_date > b.meeting_date;
      });
    }
    PageRequest page;
    page.limit = 3;
    page.newest_first = newest_first;
    std::vector<Meeting> got;
    for (;;) {
      auto p = Ok(store_->MeetingPage({"G1", {}, {}, MeetingParts::kEverything}, page));
      EXPECT_EQ(p.total, 14u);
      got.insert(got.end(), p.items.begin(), p.items.end());
      if (p.next.empty()) break;
      page.cursor = p.next;
    }
    EXPECT_EQ(got, meetings);
    page.cursor.clear();
    std::vector<RegisteredDecision> got_decisions;
    for (;;) {
      auto p = Ok(store_->DecisionPage("G1", page));
      EXPECT_EQ(p.total, 28u);
      got_decisions.insert(got_decisions.end(), p.items.begin(), p.items.end());
      if (p.next.empty()) break;
      page.cursor = p.next;
    }
    ASSERT_EQ(got_decisions.size(), decisions.size());
    for (std::size_t i = 0; i < decisions.size(); ++i)
      EXPECT_EQ(got_decisions[i].id, decisions[i].id) << i;
  }
  // A period: the meetings of those days only, without their contents when asked.
  PageRequest every;
  every.limit = 100;
  const MeetingListQuery spring_keys{"G1", D(2024, 3, 1), D(2024, 4, 30), MeetingParts::kKeyOnly};
  auto spring = Ok(store_->MeetingPage(spring_keys, every));
  ASSERT_EQ(spring.items.size(), 2u);
  EXPECT_EQ(spring.total, 2u);
  EXPECT_EQ(spring.items[0].key.number, 3);
  EXPECT_EQ(spring.items[1].key.number, 4);
  EXPECT_TRUE(spring.items[0].actions.empty());
  EXPECT_TRUE(spring.items[0].attendees.empty());
  MeetingListQuery spring_attendance = spring_keys;
  spring_attendance.parts = MeetingParts::kAttendance;
  auto attended = Ok(store_->MeetingPage(spring_attendance, every));
  ASSERT_EQ(attended.items.size(), 2u);
  EXPECT_EQ(attended.items[0].attendees, std::vector<std::string>{"James Gannon"});
  EXPECT_EQ(attended.items[0].apologies, std::vector<std::string>{"Žarko Kečić"});
  EXPECT_TRUE(attended.items[0].actions.empty());
  EXPECT_TRUE(attended.items[0].decisions.empty());
}

// The stored attendance a page at a time, by cursor, both ways: each
// meeting's attendance as the core computes it, in the meetings' order; and
// the meeting keys of the action list's filter.
TEST_P(ListPagesTest, AttendancePagesAreEachMeetingsAttendanceInOrder) {
  std::vector<Meeting> meetings = Ok(store_->Meetings());
  std::erase_if(meetings, [](const Meeting& m) { return m.key.group != "G1"; });
  const Roster roster = *Ok(store_->FindRoster("G1"));
  std::vector<MeetingKey> keys;
  for (const Meeting& m : meetings) keys.push_back(m.key);
  EXPECT_EQ(Ok(store_->MeetingKeys("g1")), keys);
  EXPECT_TRUE(Ok(store_->MeetingKeys("nobody")).empty());
  for (bool newest_first : {false, true}) {
    if (newest_first)
      std::stable_sort(meetings.begin(), meetings.end(),
                       [](const Meeting& a, const Meeting& b) { return a.date > b.date; });
    PageRequest page;
    page.limit = 4;
    page.newest_first = newest_first;
    std::vector<MeetingAttendance> got;
    for (;;) {
      auto p = Ok(store_->AttendancePage({"G1", {}, {}}, page));
      EXPECT_EQ(p.total, 14u);
      got.insert(got.end(), p.items.begin(), p.items.end());
      if (p.next.empty()) break;
      page.cursor = p.next;
    }
    ASSERT_EQ(got.size(), meetings.size());
    for (std::size_t i = 0; i < got.size(); ++i)
      EXPECT_EQ(got[i], AttendanceOf(meetings[i], &roster)) << i;
  }
  PageRequest every;
  every.limit = 100;
  auto spring = Ok(store_->AttendancePage({"G1", D(2024, 3, 1), D(2024, 4, 30)}, every));
  ASSERT_EQ(spring.items.size(), 2u);
  EXPECT_EQ(spring.total, 2u);
  EXPECT_EQ(spring.items[1].key.number, 4);
  PageRequest bad;
  bad.cursor = "abc";
  EXPECT_FALSE(store_->AttendancePage({"G1", {}, {}}, bad).ok());
}

TEST_P(ListPagesTest, GroupsAreCountedWithoutTheirMeetingsAndOwnersNamed) {
  auto groups = Ok(store_->GroupSummaries());
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].group.short_name, "G1");
  EXPECT_TRUE(groups[0].has_roster);
  EXPECT_EQ(groups[0].group.full_name, Ssr2Roster().group.full_name);
  EXPECT_EQ(groups[0].meetings, 14u);
  EXPECT_EQ(groups[0].last_meeting, D(2024, 12, 12));
  EXPECT_EQ(groups[0].open_actions,
            Whole([](const auto& a) { return a.item.status == ActionStatus::kOpen; }).size());
  EXPECT_EQ(groups[1].group.short_name, "G2");
  EXPECT_FALSE(groups[1].has_roster);
  EXPECT_EQ(groups[1].open_actions, 1u);
  EXPECT_EQ(Ok(store_->OwnerNames("g1")),
            (std::vector<std::string>{"ICANN Org", "James Gannon", "Žarko Kečić"}));
  EXPECT_TRUE(Ok(store_->OwnerNames("nobody")).empty());
}

// Totals, owner names and group counts follow every write, this store's
// and another connection's (the SQLite store keeps them between pages until
// the database changes).
TEST_P(ListPagesTest, TotalsFollowEveryWriteOfAnyConnection) {
  const ActionListQuery open{"G1", ActionStatus::kOpen, {}, {}, {}, false};
  const std::size_t before = Ok(store_->ActionPage(open, PageRequest{})).total;
  const std::size_t groups_before = Ok(store_->GroupSummaries())[0].open_actions;
  ASSERT_EQ(Ok(store_->OwnerNames("G1")).size(), 3u);
  const std::size_t keys_before = Ok(store_->MeetingKeys("G1")).size();
  Roster roster = *Ok(store_->FindRoster("G1"));
  auto other = OpenStore(url_);
  ASSERT_TRUE(other.ok());
  Meeting m15 = SmallMeeting("G1", 15, D(2025, 1, 7));
  m15.actions = {Item("a new item", {{"New Owner", OwnerKind::kUnresolved}})};
  roster.group.full_name += " (renamed)";
  ASSERT_TRUE((*other)->Import({roster, {Imported(m15, "g1-15")}}).ok());
  EXPECT_EQ(Ok(store_->ActionPage(open, PageRequest{})).total, before + 1);
  EXPECT_EQ(Ok(store_->GroupSummaries())[0].open_actions, groups_before + 1);
  EXPECT_EQ(Ok(store_->OwnerNames("G1")).size(), 4u);
  EXPECT_EQ(Ok(store_->MeetingKeys("G1")).size(), keys_before + 1);
  EXPECT_EQ(*Ok(store_->FindRoster("G1")), roster);
  Meeting m16 = SmallMeeting("G1", 16, D(2025, 1, 14));
  m16.actions = {Item("another new item", {{"New Owner", OwnerKind::kUnresolved}})};
  ASSERT_TRUE(store_->Import({std::nullopt, {Imported(m16, "g1-16")}}).ok());
  EXPECT_EQ(Ok(store_->ActionPage(open, PageRequest{})).total, before + 2);
  EXPECT_EQ(Ok(store_->GroupSummaries())[0].meetings, 16u);

  // Manual changes in the other connection: an item marked done, then one
  // merged into another, leave the open list; a status note's words find it.
  ActionListQuery with_word = open;
  with_word.words = "zebrafish";
  ASSERT_EQ(Ok(store_->ActionPage(with_word, PageRequest{})).total, 0u);
  const auto page = Ok(store_->ActionPage(open, PageRequest{}));
  ASSERT_GE(page.items.size(), 3u);
  ActionEdit done;
  done.status = ActionStatus::kComplete;
  done.note = "zebrafish survey sent";
  done.who = "staff";
  done.effective = D(2025, 1, 20);
  ASSERT_TRUE((*other)->EditAction(page.items[0].id, done, {}).ok());
  EXPECT_EQ(Ok(store_->ActionPage(open, PageRequest{})).total, before + 1);
  ActionListQuery any_with_word = with_word;
  any_with_word.status.reset();
  EXPECT_EQ(Ok(store_->ActionPage(any_with_word, PageRequest{})).total, 1u);
  ActionEdit by;
  by.who = "staff";
  by.effective = D(2025, 1, 21);
  ASSERT_TRUE((*other)->MergeActions(page.items[1].id, page.items[2].id, by, {}).ok());
  EXPECT_EQ(Ok(store_->ActionPage(open, PageRequest{})).total, before);
}

TEST_P(ListPagesTest, ACursorNoListGaveIsRefusedAndAnUnknownGroupIsEmpty) {
  PageRequest bad;
  bad.cursor = "12; DROP TABLE meetings";
  auto items = store_->ActionPage({"G1", {}, {}, {}, {}, false}, bad);
  ASSERT_FALSE(items.ok());
  EXPECT_EQ(items.error().kind, ErrorKind::kInvalidInput);
  EXPECT_FALSE(store_->MeetingPage({"G1", {}, {}, MeetingParts::kEverything}, bad).ok());
  EXPECT_FALSE(store_->DecisionPage("G1", bad).ok());
  auto none = Ok(store_->ActionPage({"nobody", {}, {}, {}, {}, false}, PageRequest{}));
  EXPECT_TRUE(none.items.empty());
  EXPECT_EQ(none.total, 0u);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ListPagesTest, ::testing::Values(Backend::kSqlite), BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, ListPagesTest, ::testing::Values(Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace plenary
