// "My items" read in the database (Store::OwnedActionPage) on both back ends:
// a person's items in the groups asked for, through each group's roster,
// paged by cursor and offset, counted, and current after every write.
#include "store/owned_items.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "plenary/store.h"
#include "store/register_rows.h"
#include "store/store_test_backends.h"
#include "store/store_test_data.h"

namespace plenary {
namespace {

using namespace store_testing;  // NOLINT: the shared test data

Roster TeamRoster(const std::string& group) {
  Roster r;
  r.group = {group, group + " team", D(2017, 1, 1), D(2030, 12, 31)};
  r.people = {{"Ann Lee", Role::kMember, {"AL"}}, {"Bo Chen", Role::kMember, {"BC"}}};
  return r;
}

ActionItem Item(const std::string& text, const std::string& owner, int line) {
  return {text, {{owner, OwnerKind::kPerson}}, D(2018, 1, 1), ActionStatus::kOpen,
          ActionSource::kTable, std::nullopt, line};
}

class OwnedItemsTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto store = OpenStore(url_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(*store);
    // Ann: 3 items in A by her name (one also Bo's), 2 in B, 1 in C; Bo: 2
    // in A. "AL" is stored as written, as an import that does not resolve
    // names leaves it: it names Ann only to someone asking for "AL"
    // (Directory::Names), as the group's own owner filter has it.
    Add("A", {Item("Draft the charter", "Ann Lee", 1), Item("Book the room", "Bo Chen", 2),
              Item("Send the agenda", "AL", 3), Item("Review the budget", "Ann Lee", 4)});
    Add("B", {Item("Collect the comments", "Ann Lee", 1), Item("Write minutes", "ann lee", 2)});
    Add("C", {Item("Chair the call", "Ann Lee", 1)});
    ImportBatch both;
    Meeting shared;
    shared.key = {"A", "Plenary", 2};
    shared.date = D(2018, 2, 1);
    ActionItem two = Item("Plan the retreat", "Ann Lee", 1);
    two.owners.push_back({"Bo Chen", OwnerKind::kPerson});
    shared.actions = {two};
    both.meetings.push_back({shared, {"n.txt", "A2"}});
    ASSERT_TRUE(store_->Import(both).ok());
  }

  void Add(const std::string& group, std::vector<ActionItem> items) {
    Meeting m;
    m.key = {group, "Plenary", 1};
    m.date = D(2018, 1, 1);
    m.actions = std::move(items);
    auto report = store_->Import({TeamRoster(group), {{m, {"n.txt", group}}}});
    ASSERT_TRUE(report.ok()) << report.error().message;
  }

  ListPage<RegisteredAction> Page(OwnedActionQuery query, PageRequest page) {
    auto items = store_->OwnedActionPage(query, page);
    EXPECT_TRUE(items.ok()) << items.error().message;
    return items.ok() ? *items : ListPage<RegisteredAction>{};
  }

  // Every page's ids, by cursor, `limit` at a time.
  std::vector<std::int64_t> AllIds(const OwnedActionQuery& query, std::size_t limit) {
    std::vector<std::int64_t> ids;
    PageRequest page;
    page.limit = limit;
    for (int i = 0; i < 20; ++i) {
      ListPage<RegisteredAction> p = Page(query, page);
      EXPECT_LE(p.items.size(), limit);
      EXPECT_EQ(p.total, Reference(query).size());
      for (const RegisteredAction& a : p.items) ids.push_back(a.id);
      if (p.next.empty()) break;
      page.cursor = p.next;
    }
    return ids;
  }

  // The same items as each group's own owner filter finds them
  // (Store::Actions with ActionQuery::owner), by id.
  std::vector<std::int64_t> Reference(const OwnedActionQuery& query) {
    std::vector<std::int64_t> ids;
    if (query.person.empty()) return ids;
    for (const std::string& group : query.groups) {
      ActionQuery q;
      q.owner = query.person;
      q.group = group;
      auto items = store_->Actions(q);
      EXPECT_TRUE(items.ok());
      for (const RegisteredAction& a : *items)
        if (!a.merged_into && (!query.status || a.item.status == *query.status)) ids.push_back(a.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  std::unique_ptr<Store> store_;
};

TEST_P(OwnedItemsTest, APersonsItemsInTheGroupsAskedForThroughEachRoster) {
  const OwnedActionQuery ann{"ann lee", {"A", "b"}, ActionStatus::kOpen};
  const std::vector<std::int64_t> expected = Reference(ann);
  ASSERT_EQ(expected.size(), 5u) << "3 in A (one with two owners), 2 in B; not C's";
  for (std::size_t limit : {1u, 2u, 4u, 50u}) EXPECT_EQ(AllIds(ann, limit), expected) << limit;
  const OwnedActionQuery bo{"BC", {"A", "B", "C"}, std::nullopt};
  EXPECT_EQ(AllIds(bo, 1), Reference(bo)) << "by initials, an item with two owners once";
  EXPECT_EQ(Reference(bo).size(), 2u);
  EXPECT_TRUE(AllIds({"Nobody", {"A", "B", "C"}, std::nullopt}, 5).empty());
  EXPECT_TRUE(AllIds({"", {"A"}, std::nullopt}, 5).empty());
  EXPECT_TRUE(AllIds({"Ann Lee", {}, std::nullopt}, 5).empty());
}

TEST_P(OwnedItemsTest, PagesByOffsetAndNewestFirst) {
  const OwnedActionQuery ann{"Ann Lee", {"A", "B", "C"}, std::nullopt};
  const std::vector<std::int64_t> all = Reference(ann);
  ASSERT_EQ(all.size(), 6u);
  PageRequest page;
  page.limit = 2;
  page.offset = 4;
  ListPage<RegisteredAction> p = Page(ann, page);
  ASSERT_EQ(p.items.size(), 2u);
  EXPECT_EQ(p.total, 6u);
  EXPECT_EQ(p.items[0].id, all[4]);
  EXPECT_EQ(p.items[1].id, all[5]);
  EXPECT_TRUE(p.next.empty());
  PageRequest newest;
  newest.limit = 1;
  newest.newest_first = true;
  ListPage<RegisteredAction> latest = Page(ann, newest);
  EXPECT_EQ(latest.items.at(0).id, all.back());
  newest.cursor = latest.next;
  EXPECT_EQ(Page(ann, newest).items.at(0).id, all[4]);
  EXPECT_EQ(store_->OwnedActionPage(ann, PageRequest{"x", 0, 5, false}).error().kind,
            ErrorKind::kInvalidInput);
}

TEST_P(OwnedItemsTest, CountsAndNamesFollowEveryWrite) {
  const OwnedActionQuery ann{"Ann Lee", {"A", "B"}, ActionStatus::kOpen};
  PageRequest first;
  ListPage<RegisteredAction> before = Page(ann, first);
  ASSERT_EQ(before.total, 5u);
  ActionEdit done;
  done.status = ActionStatus::kComplete;
  done.who = "test";
  done.effective = D(2018, 3, 1);
  ASSERT_TRUE(store_->EditAction(before.items[0].id, done).ok());
  EXPECT_EQ(Page(ann, first).total, 4u) << "the group's register changed";
  EXPECT_EQ(AllIds(ann, 2), Reference(ann));
  // A roster that drops Ann's initials: what names her in A is the roster's.
  Roster without = TeamRoster("A");
  without.people[0].aliases.clear();
  ASSERT_TRUE(store_->Import({without, {}}).ok());
  EXPECT_EQ(AllIds(ann, 2), Reference(ann));
  EXPECT_EQ(AllIds({"AL", {"A"}, std::nullopt}, 2), Reference({"AL", {"A"}, std::nullopt}));
}

// A roster saved alone (no meeting, so no register update) changes what
// names a person: a stored owner names whoever the roster gives that name as
// an alias (Directory::Names), and what is kept of each person on the roster
// (person_owner_names) follows the roster.
TEST_P(OwnedItemsTest, ARosterSavedAloneChangesWhatNamesAPerson) {
  Add("E", {Item("Book the room", "Bo Chen", 1), Item("Chair the call", "Ann Lee", 2)});
  if (HasFatalFailure()) return;
  const OwnedActionQuery ann{"Ann Lee", {"E"}, ActionStatus::kOpen};
  ASSERT_EQ(Page(ann, PageRequest{}).total, 1u);
  Roster covering = TeamRoster("E");
  covering.people[1].aliases.push_back("Ann Lee");  // Bo's items are Ann's to answer for
  ASSERT_TRUE(store_->Import({covering, {}}).ok());
  ASSERT_EQ(Reference(ann).size(), 2u);
  EXPECT_EQ(Page(ann, PageRequest{}).total, 2u);
  EXPECT_EQ(AllIds(ann, 1), Reference(ann));
  ASSERT_TRUE(store_->Import({TeamRoster("E"), {}}).ok());
  EXPECT_EQ(Page(ann, PageRequest{}).total, 1u) << "the alias taken back";
  EXPECT_EQ(AllIds(ann, 1), Reference(ann));
}

TEST_P(OwnedItemsTest, AnItemOwnedUnderTwoOfAPersonsNamesIsCountedOnce) {
  ActionItem both = Item("Draft the scope", "Ann Lee", 1);
  both.owners.push_back({"AL", OwnerKind::kUnresolved});
  ActionItem three = Item("Circulate the scope", "AL", 2);
  three.owners.push_back({"ann lee", OwnerKind::kUnresolved});
  three.owners.push_back({"Bo Chen", OwnerKind::kPerson});
  ActionItem bo = Item("Book the call", "Bo Chen", 3);
  bo.owners.push_back({"BC", OwnerKind::kUnresolved});
  Add("D", {both, three, bo, Item("Chair the call", "Ann Lee", 4)});
  if (HasFatalFailure()) return;
  const OwnedActionQuery ann{"Ann Lee", {"D"}, std::nullopt};
  ASSERT_EQ(Reference(ann).size(), 3u);
  EXPECT_EQ(AllIds(ann, 2), Reference(ann));
  EXPECT_EQ(AllIds({"BC", {"D"}, std::nullopt}, 5).size(), 2u);
  ActionEdit done;
  done.status = ActionStatus::kComplete;
  done.who = "test";
  done.effective = D(2018, 3, 1);
  ASSERT_TRUE(store_->EditAction(Reference(ann).at(1), done).ok());
  for (const char* person : {"Ann Lee", "al", "Bo Chen", "BC"})
    ExpectMyItemsCountedAsListed(*store_, person, "D");
}

// A group's short name outside ASCII is compared as every group name is
// (ASCII case folded, nothing else), whatever the database's own collation
// would fold.
TEST_P(OwnedItemsTest, AGroupWhoseNameIsNotAsciiIsFoundByItsName) {
  Add("ÉQUIPE", {Item("Draft the scope", "Ann Lee", 1)});
  if (HasFatalFailure()) return;
  for (const char* name : {"ÉQUIPE", "Équipe"}) {
    ActionQuery q;
    q.group = name;
    auto items = store_->Actions(q);
    ASSERT_TRUE(items.ok()) << items.error().message;
    EXPECT_EQ(items->size(), 1u) << name;
    EXPECT_EQ(Page({"Ann Lee", {name}, std::nullopt}, PageRequest{}).total, 1u) << name;
  }
  for (const char* other : {"équipe", "ÉQUIPÉ"}) {
    ActionQuery q;
    q.group = other;
    auto items = store_->Actions(q);
    EXPECT_TRUE(!items.ok() || items->empty()) << other;
    EXPECT_EQ(Page({"Ann Lee", {other}, std::nullopt}, PageRequest{}).total, 0u) << other;
  }
}

INSTANTIATE_TEST_SUITE_P(Sqlite, OwnedItemsTest, ::testing::Values(Backend::kSqlite), BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, OwnedItemsTest, ::testing::Values(Backend::kPostgres),
                         BackendName);

// `items` items of random statuses, each with up to three owners from `pool`
// (unresolved, or of any kind with `any_kind`), one in eight merged.
Register RandomRegister(std::mt19937& random, const std::vector<std::string>& pool, int items,
                        bool any_kind) {
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  Register reg;
  for (int i = 0; i < items; ++i) {
    RegisterItem item;
    item.state.status = static_cast<ActionStatus>(pick(3));
    for (std::size_t k = 0, owners = pick(4); k < owners; ++k)
      item.state.owners.push_back({pool[pick(pool.size())], any_kind
                                                                ? static_cast<OwnerKind>(pick(3))
                                                                : OwnerKind::kUnresolved});
    if (pick(8) == 0) item.merged_into = 0;
    reg.items.push_back(std::move(item));
  }
  return reg;
}

// groups.owner_counts (register_rows.h): a person's count under any set of
// names, from the kept rows, equals a count over the items themselves, for
// registers whose items have several owners, some under two names of one
// person, some merged.
TEST(OwnerCountsTest, CountUnderAnyNamesAsTheItemsThemselves) {
  const std::vector<std::string> pool{"Ann Lee", "AL", "ann lee", "Bo Chen", "Staff"};
  std::mt19937 random(7);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  for (int trial = 0; trial < 50; ++trial) {
    const Register reg = RandomRegister(random, pool, 40, false);
    const std::string json = OwnerCountsJson(OwnerCountsOf(reg));
    std::optional<OwnerCounts> counts = ParseOwnerCounts(json);
    ASSERT_TRUE(counts) << json;
    for (int query = 0; query < 20; ++query) {
      std::vector<std::string> names;
      for (const std::string& n : pool)
        if (pick(2) == 0) names.push_back(n);
      for (std::optional<ActionStatus> status :
           {std::optional<ActionStatus>(), std::optional(ActionStatus::kOpen),
            std::optional(ActionStatus::kCancelled)}) {
        std::size_t expected = 0;
        for (const RegisterItem& item : reg.items)
          if (!item.merged_into && (!status || item.state.status == *status) &&
              std::any_of(item.state.owners.begin(), item.state.owners.end(), [&](const Owner& o) {
                return std::find(names.begin(), names.end(), o.name) != names.end();
              }))
            ++expected;
        EXPECT_EQ(counts->Of(names, status), expected) << json << " trial " << trial;
      }
    }
  }
}

// person_owner_names (KeptPeople): for every person on the roster, the names
// and counts kept are those the cache works out for that person
// (OwnerNamesMatching, OwnerCounts::Of), whatever the register holds.
TEST(KeptPeopleTest, EachRosterPersonHasTheNamesAndCountsMyItemsWorksOut) {
  Roster roster = TeamRoster("T");
  roster.people.push_back({"Cy Dee", Role::kMember, {"cyd", "Cyrus Dee", "Ann Lee"}});
  roster.people.push_back({"Nobody Here", Role::kMember, {}});
  // People whose names are organisations' (Directory::Names' third way).
  roster.people.push_back({"Staff", Role::kMember, {}});
  roster.people.push_back({"Secretariat", Role::kMember, {}});
  roster.people.push_back({"Org", Role::kMember, {}});
  const std::vector<std::string> pool{"Ann Lee", "AL",        "ann lee",   "Bo Chen", "BC",
                                      "cyd",     "Cy Dee",    "Cyrus Dee", "Staff",   "T team",
                                      "al",      "ICANN Org", "Team"};
  std::mt19937 random(11);
  for (int trial = 0; trial < 30; ++trial) {
    const Register reg = RandomRegister(random, pool, 30, true);
    const std::vector<Owner> candidates = OwnerNamesOf(reg);
    const OwnerCounts counts = OwnerCountsOf(reg);
    const auto kept = KeptPeople(roster, candidates, counts);
    ASSERT_EQ(kept.size(), roster.people.size());
    for (std::size_t i = 0; i < kept.size(); ++i) {
      const std::string& person = roster.people[i].name;
      EXPECT_EQ(kept[i].first, person);
      const std::vector<std::string> names =
          OwnerNamesMatching(std::optional(roster), "T", candidates, person);
      EXPECT_EQ(kept[i].second.names, names) << person << " trial " << trial;
      for (std::optional<ActionStatus> status :
           {std::optional<ActionStatus>(), std::optional(ActionStatus::kOpen),
            std::optional(ActionStatus::kComplete), std::optional(ActionStatus::kCancelled)})
        EXPECT_EQ(kept[i].second.Count(status), counts.Of(names, status))
            << person << " trial " << trial;
    }
    EXPECT_EQ(ParseKeptNames(KeptNamesJson(kept[0].second.names)), kept[0].second.names);
  }
  EXPECT_THROW(ParseKeptNames("{}"), CorruptRow);
  EXPECT_THROW(ParseKeptNames("[1]"), CorruptRow);
  EXPECT_THROW(ParseKeptNames("[\"a\", null]"), CorruptRow);
}

TEST(OwnerCountsTest, RowsInAnyOrderAreAddedAndAnythingElseIsRefused) {
  // As the migration may write them: sets in no set order, a set twice.
  auto counts =
      ParseOwnerCounts(R"([[["B", "A"], "open", 1], [["A"], "open", 2], [["B"], "open", 2], )"
                       R"([["A", "B"], "open", 1], [["A"], "complete", 5]])");
  ASSERT_TRUE(counts);
  ASSERT_EQ(counts->rows.size(), 4u);
  EXPECT_EQ(counts->rows[2].names, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(counts->rows[2].items, 2);
  EXPECT_EQ(counts->Of({"A", "B"}, ActionStatus::kOpen), 2u);
  EXPECT_EQ(counts->Of({"A"}, std::nullopt), 7u);
  EXPECT_TRUE(ParseOwnerCounts("[]"));
  for (const char* bad :
       {"", "{}", "[1]", "[[]]", R"([[[], "open", 1]])", R"([[["A"], "open"]])",
        R"([[["A"], "open", 1, 2]])", R"([[["A"], "opened", 1]])", R"([[["A"], "open", -1]])",
        R"([[["A"], "open", 1.5]])", R"([[["A", "A"], "open", 1]])", R"([[[["A"]], "open", 1]])",
        R"([[["A"], ["open"], 1]])", R"([[[1], "open", 1]])", R"([[["A"], "open", 1]] x)",
        R"([[{"A": 1}, "open", 1]])", R"([[["A"], "open", null]])"})
    EXPECT_FALSE(ParseOwnerCounts(bad)) << bad;
}

}  // namespace
}  // namespace plenary
