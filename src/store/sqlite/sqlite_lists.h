// The SQLite store's paged lists (Store::ActionPage, MeetingPage,
// DecisionPage, GroupSummaries, OwnerNames), with the SQL of
// store/list_queries.h. Each may throw like the rest of the store's reading.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "plenary/store.h"
#include "store/list_queries.h"
#include "store/sqlite/sqlite_values.h"

namespace plenary::sqlite {

// Totals, owner names and group summaries as last read, kept until the
// database changes (PRAGMA data_version counts other connections' commits,
// sqlite3_total_changes this one's): a list's total costs its count once per
// change of the registers, not once per page. One per SqliteStore.
class ListCache {
 public:
  // Forgets everything when the database changed since the last call. Call
  // inside the read transaction, after its first read, so that the version
  // is that of the transaction's snapshot.
  void Check(SQLite::Database& db);

  std::map<std::string, std::size_t> counts;      // by statement and parameters
  std::map<Id, std::vector<std::string>> owners;  // owner names by group id
  std::optional<std::vector<GroupSummary>> groups;

 private:
  std::int64_t data_version_ = -1;
  std::int64_t changes_ = -1;
};

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
std::vector<GroupSummary> LoadGroupSummaries(SQLite::Database& db, ListCache& cache);
std::vector<std::string> LoadOwnerNames(SQLite::Database& db, ListCache& cache,
                                        const std::string& group);

}  // namespace plenary::sqlite
