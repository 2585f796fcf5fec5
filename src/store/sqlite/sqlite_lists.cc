#include "store/sqlite/sqlite_lists.h"

#include <sqlite3.h>

#include "store/sqlite/sqlite_queries.h"
#include "store/sqlite/sqlite_register.h"

namespace plenary::sqlite {
namespace {

constexpr SqlDialect kDialect = SqlDialect::kSqlite;

// The group's owners from a pass over its owner rows (list_queries.h).
std::vector<Owner> PassOwnerCandidates(SQLite::Database& db, std::int64_t group_id) {
  SqlQuery sql = OwnerCandidatesSql(kDialect, group_id);
  SQLite::Statement st(db, sql.sql);
  BindAll(st, sql);
  std::vector<Owner> owners;
  while (st.executeStep())
    owners.push_back({st.getColumn(0).getString(), EnumAt(st.getColumn(1), ParseOwnerKind)});
  return owners;
}

// The group's owners: the list its register updates keep, or a pass over
// its owner rows where there is none (list_queries.h).
std::vector<Owner> OwnerCandidates(SQLite::Database& db, ListCache& cache, std::int64_t group_id) {
  SqlQuery kept = KeptOwnerNamesSql(kDialect, group_id);
  {
    LentStatement st = cache.statements.Lend(db, kept.sql);
    BindAll(*st, kept);
    if (st->executeStep() && !st->getColumn(0).isNull())
      return KeptOwnerNames(st->getColumn(0).getString());
  }
  return PassOwnerCandidates(db, group_id);
}

}  // namespace

std::size_t CountOf(SQLite::Database& db, ListCache& cache, const SqlQuery& query) {
  std::string key = QueryKey(query);
  auto cached = cache.counts.find(key);
  if (cached != cache.counts.end()) return cached->second;
  LentStatement st = cache.statements.Lend(db, query.sql);
  BindAll(*st, query);
  std::size_t count = st->executeStep() ? static_cast<std::size_t>(st->getColumn(0).getInt64()) : 0;
  if (cache.counts.size() >= ListCache::kMaxCounts) cache.counts.clear();
  cache.counts.emplace(std::move(key), count);
  return count;
}

namespace {

std::vector<RegisteredAction> ReadActions(SQLite::Database& db, ListCache& cache,
                                          const SqlQuery& query) {
  LentStatement st = cache.statements.Lend(db, query.sql);
  BindAll(*st, query);
  return ReadRegisterItems(*st);
}

// The stored owner names the query's owner names, with the group's roster.
std::vector<std::string> OwnerNamesFor(SQLite::Database& db, ListCache& cache,
                                       const GroupRow& group, const std::string& short_name,
                                       const std::string& owner) {
  std::vector<Owner> owners = OwnerCandidates(db, cache, group.id);
  std::optional<Roster> roster;
  if (group.has_roster) roster = LoadRoster(db, cache.statements, group.id);
  return OwnerNamesMatching(roster, short_name, owners, owner);
}

class SqliteOwnedItems final : public OwnedItemsSource {
 public:
  SqliteOwnedItems(SQLite::Database& db, ListCache& lists) : db_(db), lists_(lists) {}
  std::vector<OwnedGroup> Groups(const std::vector<std::string>& short_names,
                                 const std::string& person) override {
    SqlQuery query = OwnedGroupsSql(kDialect, short_names, person);
    LentStatement st = lists_.statements.Lend(db_, query.sql);
    BindAll(*st, query);
    std::vector<OwnedGroup> groups;
    while (st->executeStep()) {
      OwnedGroup g{st->getColumn(0).getInt64(), st->getColumn(1).getString(), {}, {}, {}};
      if (!st->getColumn(2).isNull()) g.register_token = st->getColumn(2).getInt64();
      if (!st->getColumn(3).isNull()) g.roster_saved_at = st->getColumn(3).getString();
      if (!st->getColumn(4).isNull())
        g.kept = KeptPerson{ParseKeptNames(st->getColumn(4).getString()),
                            {st->getColumn(5).getInt64(), st->getColumn(6).getInt64(),
                             st->getColumn(7).getInt64()}};
      groups.push_back(std::move(g));
    }
    return groups;
  }
  std::map<std::int64_t, GroupOwners> Owners(
      const std::vector<const OwnedGroup*>& groups) override {
    std::vector<std::int64_t> ids;
    for (const OwnedGroup* g : groups) ids.push_back(g->id);
    std::map<std::int64_t, GroupOwners> owners;
    std::vector<std::int64_t> not_kept;
    {
      SqlQuery kept = KeptOwnersSql(kDialect, ids);
      LentStatement st = lists_.statements.Lend(db_, kept.sql);
      BindAll(*st, kept);
      while (st->executeStep()) {
        GroupOwners& o = owners[st->getColumn(0).getInt64()];
        if (st->getColumn(1).isNull())
          not_kept.push_back(st->getColumn(0).getInt64());
        else
          o.candidates = KeptOwnerNames(st->getColumn(1).getString());
        if (!st->getColumn(2).isNull()) o.counts = KeptOwnerCounts(st->getColumn(2).getString());
      }
    }
    for (std::int64_t id : not_kept) owners[id].candidates = PassOwnerCandidates(db_, id);
    for (const OwnedGroup* g : groups)
      if (g->roster_saved_at) owners[g->id].roster = LoadRoster(db_, lists_.statements, g->id);
    return owners;
  }
  std::vector<std::pair<std::int64_t, std::size_t>> Counts(const SqlQuery& query) override {
    LentStatement st = lists_.statements.Lend(db_, query.sql);
    BindAll(*st, query);
    std::vector<std::pair<std::int64_t, std::size_t>> counts;
    while (st->executeStep())
      counts.emplace_back(st->getColumn(0).getInt64(),
                          static_cast<std::size_t>(st->getColumn(1).getInt64()));
    return counts;
  }
  std::vector<std::int64_t> Ids(const SqlQuery& query) override {
    LentStatement st = lists_.statements.Lend(db_, query.sql);
    BindAll(*st, query);
    std::vector<std::int64_t> ids;
    while (st->executeStep()) ids.push_back(st->getColumn(0).getInt64());
    return ids;
  }
  std::vector<RegisteredAction> Items(const SqlQuery& query) override {
    return ReadActions(db_, lists_, query);
  }

 private:
  SQLite::Database& db_;
  ListCache& lists_;
};

}  // namespace

ListPage<RegisteredAction> LoadOwnedActionPage(SQLite::Database& db, ListCache& lists,
                                               OwnerNamesCache& cache,
                                               const OwnedActionQuery& query,
                                               const PageRequest& page,
                                               std::optional<std::int64_t> after) {
  // The groups' register_token and roster_saved_at (seconds) may not tell
  // two writes within a second apart: what this connection kept of owner
  // names is forgotten on any change, as the other lists' are (checked after
  // the transaction's first read, so against its snapshot).
  lists.statements.Lend(db, "SELECT 1 FROM groups LIMIT 1")->executeStep();
  lists.Check(db);
  cache.ForgetUnless(lists.generation());
  SqliteOwnedItems source(db, lists);
  return OwnedActionPageOf(source, cache, kDialect, query, page, after);
}

std::pair<std::int64_t, std::int64_t> ChangeWatch::Counts(SQLite::Database& db) {
  if (!data_version_query_)
    data_version_query_ = std::make_unique<SQLite::Statement>(db, "PRAGMA data_version");
  LentStatement query(*data_version_query_);
  const std::int64_t version = query->executeStep() ? query->getColumn(0).getInt64() : -1;
  return {version, sqlite3_total_changes64(db.getHandle())};
}

std::string ChangeWatch::Mark(SQLite::Database& db) {
  auto [version, changes] = Counts(db);
  return std::to_string(version) + "/" + std::to_string(changes);
}

bool ChangeWatch::Changed(SQLite::Database& db) {
  auto [version, changes] = Counts(db);
  if (version == data_version_ && changes == changes_) return false;
  data_version_ = version;
  changes_ = changes;
  return true;
}

LentStatement StatementCache::Lend(SQLite::Database& db, const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    if (statements_.size() >= kStatements)
      std::erase_if(statements_, [](const auto& entry) { return entry.second.loans == 0; });
    it = statements_.emplace(sql, Prepared{std::make_unique<SQLite::Statement>(db, sql)}).first;
  }
  return LentStatement(*it->second.statement, &it->second.loans);
}

std::optional<GroupRow> FindGroup(SQLite::Database& db, ListCache& cache,
                                  const std::string& short_name) {
  LentStatement query = cache.statements.Lend(db, kFindGroupSql);
  return FindGroup(*query, short_name);
}

void ListCache::Check(SQLite::Database& db) {
  if (!watch_.Changed(db)) return;
  ++generation_;
  counts.clear();
  owners.clear();
  meeting_keys.clear();
  groups.reset();
  rosters.clear();
}

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

ListPage<RegisteredAction> LoadActionPage(SQLite::Database& db, ListCache& cache,
                                          const ActionListQuery& query, const PageRequest& page,
                                          std::optional<std::int64_t> after) {
  std::optional<GroupRow> group = FindGroup(db, cache, query.group);
  if (!group) return {};
  cache.Check(db);
  std::vector<std::string> owners;
  if (query.owner) owners = OwnerNamesFor(db, cache, *group, query.group, *query.owner);
  const std::size_t total = CountOf(db, cache, ActionCountSql(kDialect, group->id, query, owners));
  std::vector<RegisteredAction> rows = ReadActions(
      db, cache, ActionPageSql(kDialect, group->id, query, owners, page, after, page.limit + 1));
  if (query.soonest_due_first && rows.size() < page.limit) {
    for (RegisteredAction& a :
         ReadActions(db, cache,
                     ActionPageSql(kDialect, group->id, query, owners, PageRequest{}, std::nullopt,
                                   page.limit - rows.size(), DuePart::kUndated)))
      rows.push_back(std::move(a));
  }
  if (query.soonest_due_first && rows.size() > page.limit) rows.resize(page.limit);
  return PageOf(std::move(rows), page.limit, total, [](const auto& a) { return a.id; });
}

ListPage<Meeting> LoadMeetingPage(SQLite::Database& db, ListCache& cache,
                                  const MeetingListQuery& query, const PageRequest& page,
                                  std::optional<std::int64_t> after) {
  std::optional<GroupRow> group = FindGroup(db, cache, query.group);
  if (!group) return {};
  cache.Check(db);
  const std::size_t total = CountOf(db, cache, MeetingCountSql(kDialect, group->id, query));
  SqlQuery sql = MeetingPageSql(kDialect, group->id, query, page, after, page.limit + 1);
  LentStatement st = cache.statements.Lend(db, sql.sql);
  BindAll(*st, sql);
  std::vector<Id> ids;
  std::vector<Meeting> meetings = LoadMeetingsOf(db, *st, ids, query.parts);
  ListPage<Meeting> result;
  result.total = total;
  if (meetings.size() > page.limit) {
    meetings.resize(page.limit);
    result.next = CursorOf(ids[page.limit - 1]);
  }
  result.items = std::move(meetings);
  return result;
}

ListPage<RegisteredDecision> LoadDecisionPage(SQLite::Database& db, ListCache& cache,
                                              const std::string& group_name,
                                              const PageRequest& page,
                                              std::optional<std::int64_t> after) {
  std::optional<GroupRow> group = FindGroup(db, cache, group_name);
  if (!group) return {};
  cache.Check(db);
  const std::size_t total = CountOf(db, cache, DecisionCountSql(kDialect, group->id));
  SqlQuery sql = DecisionPageSql(kDialect, group->id, page, after, page.limit + 1);
  LentStatement rows = cache.statements.Lend(db, sql.sql);
  BindAll(*rows, sql);
  std::vector<RegisteredDecision> decisions;
  while (rows->executeStep()) {
    decisions.push_back({rows->getColumn(0).getInt64(),
                         {rows->getColumn(1).getString(), rows->getColumn(2).getInt(),
                          rows->getColumn(7).getString()},
                         {rows->getColumn(3).getString(), rows->getColumn(4).getString(),
                          rows->getColumn(5).getInt()},
                         DateAt(rows->getColumn(6))});
  }
  return PageOf(std::move(decisions), page.limit, total, [](const auto& d) { return d.id; });
}

std::vector<GroupSummary> LoadGroupSummaries(SQLite::Database& db, ListCache& cache) {
  db.execAndGet("SELECT count(*) FROM schema_migrations");  // the snapshot starts here
  cache.Check(db);
  if (cache.groups) return *cache.groups;
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
  cache.groups = groups;
  return groups;
}

std::vector<std::string> LoadOwnerNames(SQLite::Database& db, ListCache& cache,
                                        const std::string& group_name) {
  std::optional<GroupRow> group = FindGroup(db, cache, group_name);
  if (!group) return {};
  cache.Check(db);
  auto cached = cache.owners.find(group->id);
  if (cached != cache.owners.end()) return cached->second;
  std::vector<std::string> names;
  for (Owner& o : OwnerCandidates(db, cache, group->id))
    if (names.empty() || names.back() != o.name) names.push_back(std::move(o.name));
  cache.owners.emplace(group->id, names);
  return names;
}

std::vector<MeetingKey> LoadMeetingKeys(SQLite::Database& db, ListCache& cache,
                                        const std::string& group_name) {
  std::optional<GroupRow> group = FindGroup(db, cache, group_name);
  if (!group) return {};
  cache.Check(db);
  auto cached = cache.meeting_keys.find(group->id);
  if (cached != cache.meeting_keys.end()) return cached->second;
  SqlQuery sql = MeetingKeysSql(kDialect, group->id);
  LentStatement rows = cache.statements.Lend(db, sql.sql);
  BindAll(*rows, sql);
  std::vector<MeetingKey> keys;
  while (rows->executeStep())
    keys.push_back({rows->getColumn(0).getString(), rows->getColumn(1).getString(),
                    rows->getColumn(2).getInt()});
  cache.meeting_keys.emplace(group->id, keys);
  return keys;
}

}  // namespace plenary::sqlite
