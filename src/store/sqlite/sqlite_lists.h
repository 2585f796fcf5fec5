// The SQLite store's paged lists (Store::ActionPage, MeetingPage,
// DecisionPage, GroupSummaries, OwnerNames), with the SQL of
// store/list_queries.h. Each may throw like the rest of the store's reading.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>
#include <vector>

#include "plenary/store.h"
#include "store/list_queries.h"

namespace plenary::sqlite {

// Binds `query`'s parameters to `st` (prepared from query.sql).
void BindAll(SQLite::Statement& st, const SqlQuery& query);

// `after`: the cursor's id, already parsed.
ListPage<RegisteredAction> LoadActionPage(SQLite::Database& db, const ActionListQuery& query,
                                          const PageRequest& page,
                                          std::optional<std::int64_t> after);
ListPage<Meeting> LoadMeetingPage(SQLite::Database& db, const MeetingListQuery& query,
                                  const PageRequest& page, std::optional<std::int64_t> after);
ListPage<RegisteredDecision> LoadDecisionPage(SQLite::Database& db, const std::string& group,
                                              const PageRequest& page,
                                              std::optional<std::int64_t> after);
std::vector<GroupSummary> LoadGroupSummaries(SQLite::Database& db);
std::vector<std::string> LoadOwnerNames(SQLite::Database& db, const std::string& group);

}  // namespace plenary::sqlite
