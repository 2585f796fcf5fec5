#include "store/sqlite/sqlite_lists.h"

#include "store/sqlite/sqlite_queries.h"
#include "store/sqlite/sqlite_register.h"

namespace plenary::sqlite {
namespace {

constexpr SqlDialect kDialect = SqlDialect::kSqlite;

std::size_t Count(SQLite::Database& db, const SqlQuery& query) {
  SQLite::Statement st(db, query.sql);
  BindAll(st, query);
  if (!st.executeStep()) return 0;
  return static_cast<std::size_t>(st.getColumn(0).getInt64());
}

std::vector<RegisteredAction> ReadActions(SQLite::Database& db, const SqlQuery& query) {
  SQLite::Statement st(db, query.sql);
  BindAll(st, query);
  return ReadRegisterItems(st);
}

// The stored owner names the query's owner names, with the group's roster.
std::vector<std::string> OwnerNamesFor(SQLite::Database& db, const GroupRow& group,
                                       const std::string& short_name, const std::string& owner) {
  SqlQuery candidates = OwnerCandidatesSql(kDialect, group.id);
  SQLite::Statement st(db, candidates.sql);
  BindAll(st, candidates);
  std::vector<Owner> owners;
  while (st.executeStep())
    owners.push_back({st.getColumn(0).getString(), EnumAt(st.getColumn(1), ParseOwnerKind)});
  std::optional<Roster> roster;
  if (group.has_roster) roster = LoadRoster(db, group.id);
  return OwnerNamesMatching(roster, short_name, owners, owner);
}

}  // namespace

void BindAll(SQLite::Statement& st, const SqlQuery& query) {
  st.reset();
  for (std::size_t i = 0; i < query.params.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    if (const auto* n = std::get_if<std::int64_t>(&query.params[i]))
      st.bind(index, *n);
    else
      st.bind(index, std::get<std::string>(query.params[i]));
  }
}

ListPage<RegisteredAction> LoadActionPage(SQLite::Database& db, const ActionListQuery& query,
                                          const PageRequest& page,
                                          std::optional<std::int64_t> after) {
  std::optional<GroupRow> group = FindGroup(db, query.group);
  if (!group) return {};
  std::vector<std::string> owners;
  if (query.owner) owners = OwnerNamesFor(db, *group, query.group, *query.owner);
  const std::size_t total = Count(db, ActionCountSql(kDialect, group->id, query, owners));
  std::vector<RegisteredAction> rows =
      ReadActions(db, ActionPageSql(kDialect, group->id, query, owners, page, after,
                                    page.limit + 1));
  if (query.soonest_due_first && rows.size() < page.limit) {
    for (RegisteredAction& a :
         ReadActions(db, ActionPageSql(kDialect, group->id, query, owners, PageRequest{},
                                       std::nullopt, page.limit - rows.size(), DuePart::kUndated)))
      rows.push_back(std::move(a));
  }
  if (query.soonest_due_first && rows.size() > page.limit) rows.resize(page.limit);
  return PageOf(std::move(rows), page.limit, total, [](const auto& a) { return a.id; });
}

ListPage<Meeting> LoadMeetingPage(SQLite::Database& db, const MeetingListQuery& query,
                                  const PageRequest& page, std::optional<std::int64_t> after) {
  std::optional<GroupRow> group = FindGroup(db, query.group);
  if (!group) return {};
  const std::size_t total = Count(db, MeetingCountSql(kDialect, group->id, query));
  SqlQuery sql = MeetingPageSql(kDialect, group->id, query, page, after, page.limit + 1);
  SQLite::Statement st(db, sql.sql);
  BindAll(st, sql);
  std::vector<Id> ids;
  std::vector<Meeting> meetings = LoadMeetingsOf(db, st, ids, query.contents);
  ListPage<Meeting> result;
  result.total = total;
  if (meetings.size() > page.limit) {
    meetings.resize(page.limit);
    result.next = CursorOf(ids[page.limit - 1]);
  }
  result.items = std::move(meetings);
  return result;
}

ListPage<RegisteredDecision> LoadDecisionPage(SQLite::Database& db, const std::string& group_name,
                                              const PageRequest& page,
                                              std::optional<std::int64_t> after) {
  std::optional<GroupRow> group = FindGroup(db, group_name);
  if (!group) return {};
  const std::size_t total = Count(db, DecisionCountSql(kDialect, group->id));
  SqlQuery sql = DecisionPageSql(kDialect, group->id, page, after, page.limit + 1);
  SQLite::Statement rows(db, sql.sql);
  BindAll(rows, sql);
  std::vector<RegisteredDecision> decisions;
  while (rows.executeStep()) {
    decisions.push_back(
        {rows.getColumn(0).getInt64(),
         {rows.getColumn(1).getString(), rows.getColumn(2).getInt(), rows.getColumn(7).getString()},
         {rows.getColumn(3).getString(), rows.getColumn(4).getString(), rows.getColumn(5).getInt()},
         DateAt(rows.getColumn(6))});
  }
  return PageOf(std::move(decisions), page.limit, total, [](const auto& d) { return d.id; });
}

std::vector<GroupSummary> LoadGroupSummaries(SQLite::Database& db) {
  SQLite::Statement rows(db, GroupSummariesSql(kDialect).sql);
  std::vector<GroupSummary> groups;
  while (rows.executeStep()) {
    GroupSummary g;
    g.has_roster = rows.getColumn(4).getInt() != 0;
    g.group.short_name = rows.getColumn(0).getString();
    if (g.has_roster) {
      g.group.full_name = rows.getColumn(1).getString();
      g.group.active_from = OptionalDateAt(rows.getColumn(2));
      g.group.active_to = OptionalDateAt(rows.getColumn(3));
    }
    g.meetings = static_cast<std::size_t>(rows.getColumn(5).getInt64());
    g.last_meeting = OptionalDateAt(rows.getColumn(6));
    g.open_actions = static_cast<std::size_t>(rows.getColumn(7).getInt64());
    groups.push_back(std::move(g));
  }
  return groups;
}

std::vector<std::string> LoadOwnerNames(SQLite::Database& db, const std::string& group_name) {
  std::optional<GroupRow> group = FindGroup(db, group_name);
  if (!group) return {};
  SqlQuery sql = OwnerCandidatesSql(kDialect, group->id);
  SQLite::Statement rows(db, sql.sql);
  BindAll(rows, sql);
  std::vector<std::string> names;
  while (rows.executeStep()) {
    std::string name = rows.getColumn(0).getString();
    if (names.empty() || names.back() != name) names.push_back(std::move(name));
  }
  return names;
}

}  // namespace plenary::sqlite
