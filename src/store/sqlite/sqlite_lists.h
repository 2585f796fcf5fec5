// The SQLite store's paged lists (Store::ActionPage, MeetingPage,
// DecisionPage, GroupSummaries, OwnerNames), with the SQL of
// store/list_queries.h. Each may throw like the rest of the store's reading.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "plenary/store.h"
#include "store/list_queries.h"
#include "store/sqlite/sqlite_queries.h"
#include "store/owned_items.h"
#include "store/sqlite/sqlite_values.h"

namespace plenary::sqlite {

// Whether the database changed since the last call: PRAGMA data_version
// counts other connections' commits, sqlite3_total_changes this one's.
class ChangeWatch {
 public:
  bool Changed(SQLite::Database& db);
  // The two counts now, as one text (Store::ChangeMark), without changing
  // what Changed compares with.
  std::string Mark(SQLite::Database& db);

 private:
  std::pair<std::int64_t, std::int64_t> Counts(SQLite::Database& db);

  std::unique_ptr<SQLite::Statement> data_version_query_;
  std::int64_t data_version_ = -1;
  std::int64_t changes_ = -1;
};

// A prepared statement lent by a StatementCache: reset when this goes out of
// scope, as a statement of its own would be finalised, so that no read stays
// open past it. While it is out the cache keeps it (`loans`: the cache's
// count of its loans; none for a statement kept elsewhere).
class LentStatement {
 public:
  explicit LentStatement(SQLite::Statement& statement, int* loans = nullptr)
      : statement_(statement), loans_(loans) {
    if (loans_) ++*loans_;
  }
  ~LentStatement() {
    statement_.tryReset();
    if (loans_) --*loans_;
  }
  LentStatement(const LentStatement&) = delete;
  LentStatement& operator=(const LentStatement&) = delete;
  SQLite::Statement& operator*() { return statement_; }
  SQLite::Statement* operator->() { return &statement_; }

 private:
  SQLite::Statement& statement_;
  int* loans_;
};

// The statements of the lists and of imports, prepared once per connection:
// preparing (parsing and planning) was most of a small request's time, and
// of an import's short statements. Bounded: past kStatements distinct texts
// it drops those not lent out. Lend one statement text at a time (a second
// loan of the same text resets the first); several texts may be out at once.
class StatementCache {
 public:
  static constexpr std::size_t kStatements = 256;
  LentStatement Lend(SQLite::Database& db, const std::string& sql);

 private:
  struct Prepared {
    std::unique_ptr<SQLite::Statement> statement;
    int loans = 0;
  };
  std::map<std::string, Prepared, std::less<>> statements_;
};

// Binds `values` to the cache's statement of `sql` and executes it (it must
// return no rows).
template <typename... Values>
void Run(SQLite::Database& db, StatementCache& cache, const std::string& sql,
         const Values&... values) {
  LentStatement st = cache.Lend(db, sql);
  Run(*st, values...);
}

// Totals, owner names, group summaries and rosters as last read, kept until
// the database changes (ChangeWatch): a list's total costs its count once per
// change of the registers, not once per page. One per SqliteStore; bounded
// by what the database holds (rosters by group id).
class ListCache {
 public:
  // Forgets everything when the database changed since the last call. Call
  // inside the read transaction, after its first read, so that the version
  // is that of the transaction's snapshot.
  void Check(SQLite::Database& db);
  // How many changes Check has seen: what is kept elsewhere (OwnerNamesCache)
  // is current while this is unchanged.
  std::uint64_t generation() const { return generation_; }

  // Forgotten all at once past kMaxCounts (distinct lists asked for between
  // two changes), so that a server's memory stays bounded.
  static constexpr std::size_t kMaxCounts = 4096;
  std::map<std::string, std::size_t> counts;      // by statement and parameters
  std::map<Id, std::vector<std::string>> owners;  // owner names by group id
  std::map<Id, std::vector<MeetingKey>> meeting_keys;  // by group id
  std::optional<std::vector<GroupSummary>> groups;
  std::map<Id, Roster> rosters;  // by group id, groups with a roster
  StatementCache statements;     // kept across changes: SQLite re-prepares when the schema changes

 private:
  ChangeWatch watch_;
  std::uint64_t generation_ = 0;
};

// FindGroup (sqlite_queries.h) through the cache's statement.
std::optional<GroupRow> FindGroup(SQLite::Database& db, ListCache& cache,
                                  const std::string& short_name);

// The count `query` reads, kept in `cache` until the database changes.
std::size_t CountOf(SQLite::Database& db, ListCache& cache, const SqlQuery& query);

// Binds `query`'s parameters to `st` (prepared from query.sql).
void BindAll(SQLite::Statement& st, const SqlQuery& query);

// `after`: the cursor's id, already parsed.
ListPage<RegisteredAction> LoadActionPage(SQLite::Database& db, ListCache& cache,
                                          const ActionListQuery& query, const PageRequest& page,
                                          std::optional<std::int64_t> after);
ListPage<Meeting> LoadMeetingPage(SQLite::Database& db, ListCache& cache,
                                  const MeetingListQuery& query, const PageRequest& page,
                                  std::optional<std::int64_t> after);
ListPage<RegisteredDecision> LoadDecisionPage(SQLite::Database& db, ListCache& cache,
                                              const std::string& group, const PageRequest& page,
                                              std::optional<std::int64_t> after);
ListPage<RegisteredAction> LoadOwnedActionPage(SQLite::Database& db, ListCache& lists,
                                               OwnerNamesCache& cache,
                                               const OwnedActionQuery& query,
                                               const PageRequest& page,
                                               std::optional<std::int64_t> after);
std::vector<GroupSummary> LoadGroupSummaries(SQLite::Database& db, ListCache& cache);
std::vector<std::string> LoadOwnerNames(SQLite::Database& db, ListCache& cache,
                                        const std::string& group);
std::vector<MeetingKey> LoadMeetingKeys(SQLite::Database& db, ListCache& cache,
                                        const std::string& group);

}  // namespace plenary::sqlite
