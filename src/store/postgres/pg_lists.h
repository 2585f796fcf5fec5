// The PostgreSQL store's paged lists (Store::ActionPage, MeetingPage,
// DecisionPage, GroupSummaries, OwnerNames), with the SQL of
// store/list_queries.h. Each may throw like the rest of the store's reading.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "plenary/store.h"
#include "store/list_queries.h"
#include "store/owned_items.h"

namespace plenary::pg {

// Runs `query` with its parameters.
pqxx::result ExecAll(pqxx::transaction_base& tx, const SqlQuery& query);

// `after`: the cursor's id, already parsed.
ListPage<RegisteredAction> LoadActionPage(pqxx::transaction_base& tx, const ActionListQuery& query,
                                          const PageRequest& page,
                                          std::optional<std::int64_t> after);
ListPage<RegisteredAction> LoadOwnedActionPage(pqxx::transaction_base& tx,
                                               OwnerNamesCache& cache,
                                               const OwnedActionQuery& query,
                                               const PageRequest& page,
                                               std::optional<std::int64_t> after);
ListPage<Meeting> LoadMeetingPage(pqxx::transaction_base& tx, const MeetingListQuery& query,
                                  const PageRequest& page, std::optional<std::int64_t> after);
ListPage<RegisteredDecision> LoadDecisionPage(pqxx::transaction_base& tx, const std::string& group,
                                              const PageRequest& page,
                                              std::optional<std::int64_t> after);
std::vector<GroupSummary> LoadGroupSummaries(pqxx::transaction_base& tx);
std::vector<std::string> LoadOwnerNames(pqxx::transaction_base& tx, const std::string& group);
std::vector<MeetingKey> LoadMeetingKeys(pqxx::transaction_base& tx, const std::string& group);

}  // namespace plenary::pg
