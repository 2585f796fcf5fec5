// The PostgreSQL store's paged lists (Store::ActionPage, MeetingPage,
// DecisionPage, GroupSummaries, OwnerNames), with the SQL of
// store/list_queries.h. Each may throw like the rest of the store's reading.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <unordered_map>
#include <vector>

#include "plenary/store.h"
#include "store/list_queries.h"
#include "store/owned_items.h"

namespace plenary::pg {

// Runs `query` with its parameters.
pqxx::result ExecAll(pqxx::transaction_base& tx, const SqlQuery& query);

// The totals of a group's action lists, kept while its register is as it
// was counted: an action list's rows are the group's register (its items,
// their owners and search documents), which only a register update writes,
// and every register update gives the group a new random register_token
// (pg_register.cc), in whichever process it runs. A total is kept under the
// token read with the group in the same snapshot, so a later write makes it
// unreachable. SQLite keeps its totals until any change (ListCache).
class ActionTotals {
 public:
  // Forgotten all at once past kMax (distinct lists between two writes).
  static constexpr std::size_t kMax = 4096;
  // The total `count` gives (a count(*) statement), or the one kept for
  // `query` under the group's `token`; a group without a token (restored,
  // not written since) is counted every time.
  std::size_t Count(pqxx::transaction_base& tx, std::int64_t group_id,
                    std::optional<std::int64_t> token, const SqlQuery& count);

 private:
  std::unordered_map<std::string, std::size_t> totals_;
};

// `after`: the cursor's id, already parsed.
ListPage<RegisteredAction> LoadActionPage(pqxx::transaction_base& tx, ActionTotals& totals,
                                          const ActionListQuery& query, const PageRequest& page,
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
