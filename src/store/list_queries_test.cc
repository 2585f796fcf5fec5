// Every paged list query (store/list_queries.h) is an index range scan: the
// plan SQLite (EXPLAIN QUERY PLAN) and PostgreSQL (EXPLAIN, with sequential
// scans priced out so that only a missing index leaves one) choose for it
// reads no large table from end to end.
#include "store/list_queries.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <pqxx/pqxx>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "plenary/store.h"
#include "store/postgres/pg_lists.h"
#include "store/postgres/pg_search.h"
#include "store/sqlite/sqlite_lists.h"
#include "store/sqlite/sqlite_rank.h"
#include "store/sqlite/sqlite_search.h"
#include "store/store_test_backends.h"
#include "store/store_test_data.h"

namespace plenary {
namespace {

using namespace store_testing;  // NOLINT: the shared test data

// The tables that grow with a group's history, and the aliases the list
// queries give them; groups (one row a group) and the page subquery (p) may
// be scanned.
const std::set<std::string> kLargeTables{"r",
                                         "m",
                                         "m2",
                                         "d",
                                         "d2",
                                         "o",
                                         "register_items",
                                         "meetings",
                                         "decisions",
                                         "register_item_owners",
                                         "meeting_participants",
                                         "action_mentions",
                                         "a",
                                         "e",
                                         "attendance_meetings",
                                         "attendance_entries",
                                         "audit_log",
                                         "search_docs"};

class ListQueryPlansTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auto store = OpenStore(url_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    ImportBatch batch;
    Roster roster = Ssr2Roster();
    roster.group.short_name = "G";
    batch.roster = roster;
    Meeting m = FullMeeting();
    m.key.group = "G";
    batch.meetings.push_back(Imported(m, "g"));
    ASSERT_TRUE((*store)->Import(batch).ok());
  }

  // The plan's lines, one per step.
  std::vector<std::string> Plan(const SqlQuery& query) {
    std::vector<std::string> lines;
    if (GetParam() == Backend::kSqlite) {
      SQLite::Database db(url_.substr(7), SQLite::OPEN_READONLY);
      sqlite::RegisterBoundedRank(db);
      SQLite::Statement explain(db, "EXPLAIN QUERY PLAN " + query.sql);
      sqlite::BindAll(explain, query);
      while (explain.executeStep()) lines.push_back(explain.getColumn(3).getString());
      return lines;
    }
    pqxx::connection connection(url_);
    pqxx::work tx(connection);
    tx.exec("SET LOCAL enable_seqscan = off");
    for (const pqxx::row& row : pg::ExecAll(tx, {"EXPLAIN " + query.sql, query.params}))
      lines.push_back(row[0].c_str());
    return lines;
  }

  // `query`'s plan reads no large table whole (and, with `no_sort`, sorts
  // nothing in a temporary b-tree: SQLite).
  void ExpectNoLargeTableReadWhole(const std::string& name, const SqlQuery& query, bool no_sort) {
    std::vector<std::string> plan = Plan(query);
    ASSERT_FALSE(plan.empty()) << name;
    std::string whole;
    for (const std::string& line : plan) whole += "\n  " + line;
    for (const std::string& line : plan) {
      EXPECT_EQ(FullScan(line), "") << name << " reads a large table whole:" << whole;
      if (no_sort) {
        EXPECT_EQ(line.find("TEMP B-TREE"), std::string::npos) << name << " sorts:" << whole;
      }
    }
  }

  // The large table a plan line reads whole, or "".
  std::string FullScan(const std::string& line) const {
    std::istringstream words(line);
    std::string word;
    std::vector<std::string> all;
    while (words >> word) all.push_back(word);
    for (std::size_t i = 0; i + 1 < all.size(); ++i) {
      if (GetParam() == Backend::kSqlite && all[i] == "SCAN" && kLargeTables.count(all[i + 1]))
        return all[i + 1];
      if (GetParam() == Backend::kPostgres && all[i] == "Seq" && i + 3 < all.size() &&
          all[i + 1] == "Scan" && all[i + 2] == "on" && kLargeTables.count(all[i + 3]))
        return all[i + 3];
    }
    return "";
  }
};

TEST_P(ListQueryPlansTest, EveryListIsAnIndexRangeScan) {
  const SqlDialect dialect =
      GetParam() == Backend::kSqlite ? SqlDialect::kSqlite : SqlDialect::kPostgres;
  const auto queries = ListQueriesForPlans(dialect, 1);
  ASSERT_GE(queries.size(), 30u);
  for (const auto& [name, query] : queries) ExpectNoLargeTableReadWhole(name, query, false);
}

// Search reads the newest matches through the full-text index, in document
// order, and stops at the window: no large table whole, and on SQLite no
// sort of every match (a temporary b-tree for the ORDER BY would mean that
// FTS5 hands over every match of a common word to be sorted).
TEST_P(ListQueryPlansTest, SearchReadsTheNewestMatchesThroughItsIndex) {
  const auto queries = GetParam() == Backend::kSqlite ? sqlite::SearchQueriesForPlans()
                                                      : pg::SearchQueriesForPlans();
  // PostgreSQL first reads the groups' ids, which it is given as constants.
  ASSERT_EQ(queries.size(), GetParam() == Backend::kSqlite ? 3u : 4u);
  for (const auto& [name, query] : queries)
    ExpectNoLargeTableReadWhole(name, query, GetParam() == Backend::kSqlite);
  if (GetParam() != Backend::kSqlite) return;
  // A page's hits are read in one pass over the matches between the lowest
  // and the highest (FTS5's plan names both bounds of the rowid, `>` and
  // `<`, after the MATCH), not looked up one by one or by walking every
  // match of the words.
  const auto& [name, hits] = queries.back();
  std::string fts;
  for (const std::string& line : Plan(hits))
    if (line.find("search_text VIRTUAL TABLE") != std::string::npos) fts = line;
  const std::size_t index = fts.find("INDEX ");
  ASSERT_NE(index, std::string::npos) << name;
  const std::string constraints = fts.substr(fts.find(':', index));
  EXPECT_NE(constraints.find('M'), std::string::npos) << name << ": " << fts;
  EXPECT_NE(constraints.find('>'), std::string::npos) << name << ": " << fts;
  EXPECT_NE(constraints.find('<'), std::string::npos) << name << ": " << fts;
}

// An action list's words: on SQLite the full-text index hands over the
// group's documents with them (its group_id column), not the group's
// documents each looked up in the index (250 ms for 20,000 items).
TEST_P(ListQueryPlansTest, AnActionListsWordsAreTheGroupsMatchesInTheFullTextIndex) {
  ActionListQuery words{"G", {}, {}, {}, {}, false};
  words.words = "report dns";
  if (GetParam() == Backend::kPostgres) {
    // PostgreSQL: the planner picks the GIN index of the words or the
    // group's index by their statistics; either is an index.
    std::string whole;
    for (const std::string& line : Plan(ActionCountSql(SqlDialect::kPostgres, 1, words, {})))
      whole += "\n  " + line;
    EXPECT_TRUE(whole.find("Index Scan on search_docs_words") != std::string::npos ||
                whole.find("Index Scan using search_docs_by_group") != std::string::npos)
        << whole;
    return;
  }
  for (const SqlQuery& query :
       {ActionPageSql(SqlDialect::kSqlite, 1, words, {}, PageRequest{}, std::nullopt, 51),
        ActionCountSql(SqlDialect::kSqlite, 1, words, {})}) {
    std::string whole;
    for (const std::string& line : Plan(query)) whole += "\n  " + line;
    EXPECT_NE(whole.find("SCAN search_text VIRTUAL TABLE INDEX 0:M"), std::string::npos) << whole;
    EXPECT_EQ(whole.find("search_docs_by_group"), std::string::npos) << whole;
    bool by_group = false;
    for (const SqlValue& p : query.params)
      if (const auto* text = std::get_if<std::string>(&p))
        by_group = by_group || text->rfind("group_id : \"1\" AND body : (", 0) == 0;
    EXPECT_TRUE(by_group) << query.sql;
  }
}

// My items on SQLite: each owned item's group, status and merge are read
// from the narrow index of schema 14, not from the item's row.
TEST_P(ListQueryPlansTest, MyItemsReadTheOwnedItemsNarrowIndex) {
  if (GetParam() != Backend::kSqlite) GTEST_SKIP() << "PostgreSQL reads the items by their key";
  const std::vector<std::string> owners{"Member 1", "M1"};
  for (const SqlQuery& query :
       {OwnedItemIdsSql(SqlDialect::kSqlite, {1, 2}, owners, ActionStatus::kOpen, false,
                        std::nullopt, 51),
        OwnedItemCountsSql(SqlDialect::kSqlite, {1, 2}, owners, ActionStatus::kOpen)}) {
    std::string whole;
    for (const std::string& line : Plan(query)) whole += "\n  " + line;
    EXPECT_NE(whole.find("USING COVERING INDEX register_items_owned"), std::string::npos) << whole;
  }
}

// The test itself: a list read without its index is caught.
TEST_P(ListQueryPlansTest, AListWithoutItsIndexIsCaught) {
  const SqlDialect dialect =
      GetParam() == Backend::kSqlite ? SqlDialect::kSqlite : SqlDialect::kPostgres;
  SqlQuery by_text{std::string("SELECT id FROM register_items r WHERE r.text = ") +
                       (dialect == SqlDialect::kSqlite ? "?1" : "$1"),
                   {std::string("x")}};
  bool caught = false;
  for (const std::string& line : Plan(by_text)) caught = caught || !FullScan(line).empty();
  EXPECT_TRUE(caught);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ListQueryPlansTest, ::testing::Values(Backend::kSqlite),
                         BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, ListQueryPlansTest, ::testing::Values(Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace plenary
