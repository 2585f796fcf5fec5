// The SQL of the paged lists (Store::ActionPage, MeetingPage, DecisionPage,
// GroupSummaries, OwnerNames), written once for both back ends: each query
// is an index range scan over one group's rows (the indexes of schema 7), and
// list_queries_test.cc holds every one to that with EXPLAIN on both.
//
// PageRequest::newest_first: meetings and decisions by date, newest first, a
// day's rows in the list's order; action items in the register's order reversed.
//
// A cursor is the id of the last row of a page (an item, meeting or decision
// id): the next page starts after that row's place in the list's order, read
// from the row itself, so a cursor stays valid while rows are added.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "plenary/result.h"
#include "plenary/store.h"
#include "store/register_rows.h"

namespace plenary {

enum class SqlDialect { kSqlite, kPostgres };

using SqlValue = std::variant<std::int64_t, std::string>;

// A statement and the values of its parameters, in order.
struct SqlQuery {
  std::string sql;
  std::vector<SqlValue> params;
};

// `query`'s statement and parameters as one string, a key for what a cache
// keeps of its result.
std::string QueryKey(const SqlQuery& query);

// The cursor of a page's last row, and back: InvalidInput for anything but a
// positive id.
std::string CursorOf(std::int64_t id);
Result<std::optional<std::int64_t>> ParseCursor(const std::string& cursor);

// Which undated part of soonest_due_first a query reads: the dated items
// first, then the undated ones.
enum class DuePart { kDated, kUndated };

// Columns: those of the back ends' register item readers (id, the item's
// columns, group, kind, number, date, status_note, merged_into, owner name,
// owner kind), `limit` items (plus owners) from the page's start.
SqlQuery ActionPageSql(SqlDialect dialect, std::int64_t group_id, const ActionListQuery& query,
                       const std::vector<std::string>& owner_names, const PageRequest& page,
                       std::optional<std::int64_t> after, std::size_t limit,
                       DuePart part = DuePart::kDated);
SqlQuery ActionCountSql(SqlDialect dialect, std::int64_t group_id, const ActionListQuery& query,
                        const std::vector<std::string>& owner_names);

// Columns: id, group, kind, number, date, start_utc, record_url, subteam.
SqlQuery MeetingPageSql(SqlDialect dialect, std::int64_t group_id, const MeetingListQuery& query,
                        const PageRequest& page, std::optional<std::int64_t> after,
                        std::size_t limit);
SqlQuery MeetingCountSql(SqlDialect dialect, std::int64_t group_id, const MeetingListQuery& query);

// Columns: id, text, line, group, kind, number, date, body.
SqlQuery DecisionPageSql(SqlDialect dialect, std::int64_t group_id, const PageRequest& page,
                         std::optional<std::int64_t> after, std::size_t limit);
SqlQuery DecisionCountSql(SqlDialect dialect, std::int64_t group_id);

// Columns: id, at_unix, who, action, group_name, target, before, after of
// the group's audit entries, newest first (by id; after: older than it).
SqlQuery AuditPageSql(SqlDialect dialect, const std::string& group, const PageRequest& page,
                      std::optional<std::int64_t> after, std::size_t limit);
SqlQuery AuditCountSql(SqlDialect dialect, const std::string& group);

// Columns: short name, full name, active_from, active_to, has a roster (0/1),
// meetings, last meeting's date, open items.
SqlQuery GroupSummariesSql(SqlDialect dialect);

// Columns: group, kind, number of the group's meetings, oldest first.
SqlQuery MeetingKeysSql(SqlDialect dialect, std::int64_t group_id);

// A group's owners (every owner of its items not merged into another, each
// once): first the list register updates keep, groups.owner_names (columns:
// the list, NULL when not kept, as after a restore), read by KeptOwnerNames;
// where that is NULL, a pass over the group's owner rows (columns: name,
// kind, sorted).
SqlQuery KeptOwnerNamesSql(SqlDialect dialect, std::int64_t group_id);
SqlQuery OwnerCandidatesSql(SqlDialect dialect, std::int64_t group_id);
std::vector<Owner> KeptOwnerNames(const std::string& column);  // CorruptRow if not a list

// The groups' kept owner names and counts, for My items (columns: id,
// groups.owner_names, groups.owner_counts, each NULL when not kept); the
// counts read by KeptOwnerCounts (CorruptRow if not counts).
SqlQuery KeptOwnersSql(SqlDialect dialect, const std::vector<std::int64_t>& group_ids);
OwnerCounts KeptOwnerCounts(const std::string& column);

// The stored owner names among `candidates` that `owner` names (as
// ActionQuery::owner: the group's roster's aliases and initials), each once.
std::vector<std::string> OwnerNamesMatching(const std::optional<Roster>& roster,
                                            const std::string& group,
                                            const std::vector<Owner>& candidates,
                                            const std::string& owner);

// "My items" (store/owned_items.h). Columns: id. The unmerged items of
// `group_ids` one of `names` owns, with `status`, by id (newest_first:
// descending), after item `after`, at most `limit`: read through the
// owner-name index, so the cost is the owner's items.
SqlQuery OwnedItemIdsSql(SqlDialect dialect, const std::vector<std::int64_t>& group_ids,
                         const std::vector<std::string>& names,
                         std::optional<ActionStatus> status, bool newest_first,
                         std::optional<std::int64_t> after, std::size_t limit);
// Columns: group id, count. How many of those items each of `group_ids` has
// (groups with none give no row): one pass over the names' owner rows, where
// a count per group read them all once per group.
SqlQuery OwnedItemCountsSql(SqlDialect dialect, const std::vector<std::int64_t>& group_ids,
                            const std::vector<std::string>& names,
                            std::optional<ActionStatus> status);
// The register item columns (as ActionPageSql's) of the items `ids`, by id.
SqlQuery ItemsByIdSql(SqlDialect dialect, const std::vector<std::int64_t>& ids,
                      bool newest_first);
// Columns: id, short name, register_token, roster_saved_at as text (NULL:
// no roster), of the groups named `short_names` (compared as group names
// are, ASCII case folded), read through the short name's unique index; then
// what person_owner_names keeps of `person` there (store/owned_items.h
// KeptPeople; NULL where nothing is kept): names, open_items,
// complete_items, cancelled_items.
SqlQuery OwnedGroupsSql(SqlDialect dialect, const std::vector<std::string>& short_names,
                        const std::string& person);

// A page from `rows` (up to limit + 1 rows read from the page's start): the
// first `limit`, and the cursor after the last of them when there was one more.
template <typename T, typename IdOf>
ListPage<T> PageOf(std::vector<T> rows, std::size_t limit, std::size_t total, IdOf id_of) {
  ListPage<T> page;
  page.total = total;
  if (rows.size() > limit) {
    rows.resize(limit);
    if (!rows.empty()) page.next = CursorOf(id_of(rows.back()));
  }
  page.items = std::move(rows);
  return page;
}

// Every list query with sample values, by name, for the plan test.
std::vector<std::pair<std::string, SqlQuery>> ListQueriesForPlans(SqlDialect dialect,
                                                                  std::int64_t group_id);

}  // namespace plenary
