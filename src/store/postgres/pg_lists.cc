#include "store/postgres/pg_lists.h"

#include "store/postgres/pg_import.h"
#include "store/postgres/pg_queries.h"
#include "store/postgres/pg_register.h"

namespace plenary::pg {
namespace {

constexpr SqlDialect kDialect = SqlDialect::kPostgres;

std::size_t Count(pqxx::transaction_base& tx, const SqlQuery& query) {
  pqxx::result rows = ExecAll(tx, query);
  return rows.empty() ? 0 : rows[0][0].as<std::size_t>();
}

// The group's owners: the list its register updates keep, or a pass over
// its owner rows where there is none (list_queries.h). Two statements, not
// one: a UNION of both had PostgreSQL start parallel workers for the pass it
// then never ran, 6-8 ms a group.
std::vector<Owner> PassOwnerCandidates(pqxx::transaction_base& tx, std::int64_t group_id) {
  std::vector<Owner> owners;
  for (const pqxx::row& row : ExecAll(tx, OwnerCandidatesSql(kDialect, group_id)))
    owners.push_back({row[0].c_str(), EnumAt(row[1], ParseOwnerKind)});
  return owners;
}

std::vector<Owner> OwnerCandidates(pqxx::transaction_base& tx, std::int64_t group_id) {
  pqxx::result kept = ExecAll(tx, KeptOwnerNamesSql(kDialect, group_id));
  if (!kept.empty() && !kept[0][0].is_null()) return KeptOwnerNames(kept[0][0].c_str());
  return PassOwnerCandidates(tx, group_id);
}

// The stored owner names the query's owner names, with the group's roster.
std::vector<std::string> OwnerNamesFor(pqxx::transaction_base& tx, const GroupRow& group,
                                       const std::string& short_name, const std::string& owner) {
  std::vector<Owner> owners = OwnerCandidates(tx, group.id);
  std::optional<Roster> roster;
  if (group.has_roster) roster = LoadRoster(tx, group.id);
  return OwnerNamesMatching(roster, short_name, owners, owner);
}

class PgOwnedItems final : public OwnedItemsSource {
 public:
  explicit PgOwnedItems(pqxx::transaction_base& tx) : tx_(tx) {}
  std::vector<OwnedGroup> Groups(const std::vector<std::string>& short_names,
                                 const std::string& person) override {
    std::vector<OwnedGroup> groups;
    for (const pqxx::row& row : ExecAll(tx_, OwnedGroupsSql(kDialect, short_names, person))) {
      OwnedGroup g{row[0].as<std::int64_t>(), row[1].c_str(), {}, {}, {}};
      if (!row[2].is_null()) g.register_token = row[2].as<std::int64_t>();
      if (!row[3].is_null()) g.roster_saved_at = row[3].c_str();
      if (!row[4].is_null())
        g.kept = KeptPerson{
            ParseKeptNames(row[4].c_str()),
            {row[5].as<std::int64_t>(), row[6].as<std::int64_t>(), row[7].as<std::int64_t>()}};
      groups.push_back(std::move(g));
    }
    return groups;
  }
  std::map<std::int64_t, GroupOwners> Owners(
      const std::vector<const OwnedGroup*>& groups) override {
    std::vector<std::int64_t> ids, with_roster;
    for (const OwnedGroup* g : groups) {
      ids.push_back(g->id);
      if (g->roster_saved_at) with_roster.push_back(g->id);
    }
    std::map<std::int64_t, GroupOwners> owners;
    for (const pqxx::row& row : ExecAll(tx_, KeptOwnersSql(kDialect, ids))) {
      const auto id = row[0].as<std::int64_t>();
      GroupOwners& o = owners[id];
      o.candidates =
          row[1].is_null() ? PassOwnerCandidates(tx_, id) : KeptOwnerNames(row[1].c_str());
      if (!row[2].is_null()) o.counts = KeptOwnerCounts(row[2].c_str());
    }
    for (auto& [id, roster] : LoadRostersOf(tx_, with_roster))
      owners[id].roster = std::move(roster);
    return owners;
  }
  std::vector<std::pair<std::int64_t, std::size_t>> Counts(const SqlQuery& query) override {
    std::vector<std::pair<std::int64_t, std::size_t>> counts;
    for (const pqxx::row& row : ExecAll(tx_, query))
      counts.emplace_back(row[0].as<std::int64_t>(), row[1].as<std::size_t>());
    return counts;
  }
  std::vector<std::int64_t> Ids(const SqlQuery& query) override {
    std::vector<std::int64_t> ids;
    for (const pqxx::row& row : ExecAll(tx_, query)) ids.push_back(row[0].as<std::int64_t>());
    return ids;
  }
  std::vector<RegisteredAction> Items(const SqlQuery& query) override {
    return ReadRegisterItems(ExecAll(tx_, query));
  }

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace

ListPage<RegisteredAction> LoadOwnedActionPage(pqxx::transaction_base& tx,
                                               OwnerNamesCache& cache,
                                               const OwnedActionQuery& query,
                                               const PageRequest& page,
                                               std::optional<std::int64_t> after) {
  PgOwnedItems source(tx);
  return OwnedActionPageOf(source, cache, kDialect, query, page, after);
}

pqxx::result ExecAll(pqxx::transaction_base& tx, const SqlQuery& query) {
  std::vector<std::string> values;
  for (const SqlValue& v : query.params) {
    if (const auto* n = std::get_if<std::int64_t>(&v))
      values.push_back(std::to_string(*n));
    else
      values.push_back(std::get<std::string>(v));
  }
  return tx.exec_params(query.sql, pqxx::prepare::make_dynamic_params(values));
}

std::size_t ActionTotals::Count(pqxx::transaction_base& tx, std::int64_t group_id,
                                std::optional<std::int64_t> token, const SqlQuery& count) {
  if (!token) return pg::Count(tx, count);
  std::string key =
      std::to_string(group_id) + ' ' + std::to_string(*token) + '\n' + QueryKey(count);
  if (auto kept = totals_.find(key); kept != totals_.end()) return kept->second;
  const std::size_t total = pg::Count(tx, count);
  if (totals_.size() >= kMax) totals_.clear();
  totals_.emplace(std::move(key), total);
  return total;
}

ListPage<RegisteredAction> LoadActionPage(pqxx::transaction_base& tx, ActionTotals& totals,
                                          const ActionListQuery& query, const PageRequest& page,
                                          std::optional<std::int64_t> after) {
  std::optional<GroupRow> group = FindGroup(tx, query.group);
  if (!group) return {};
  std::vector<std::string> owners;
  if (query.owner) owners = OwnerNamesFor(tx, *group, query.group, *query.owner);
  const std::size_t total = totals.Count(tx, group->id, group->register_token,
                                         ActionCountSql(kDialect, group->id, query, owners));
  std::vector<RegisteredAction> rows = ReadRegisterItems(
      ExecAll(tx, ActionPageSql(kDialect, group->id, query, owners, page, after, page.limit + 1)));
  if (query.soonest_due_first && rows.size() < page.limit) {
    for (RegisteredAction& a : ReadRegisterItems(
             ExecAll(tx, ActionPageSql(kDialect, group->id, query, owners, PageRequest{},
                                       std::nullopt, page.limit - rows.size(), DuePart::kUndated))))
      rows.push_back(std::move(a));
  }
  if (query.soonest_due_first && rows.size() > page.limit) rows.resize(page.limit);
  return PageOf(std::move(rows), page.limit, total, [](const auto& a) { return a.id; });
}

ListPage<Meeting> LoadMeetingPage(pqxx::transaction_base& tx, const MeetingListQuery& query,
                                  const PageRequest& page, std::optional<std::int64_t> after) {
  std::optional<GroupRow> group = FindGroup(tx, query.group);
  if (!group) return {};
  ListPage<Meeting> result;
  result.total = Count(tx, MeetingCountSql(kDialect, group->id, query));
  std::vector<Id> ids;
  std::vector<Meeting> meetings = LoadMeetingsOf(
      tx, ExecAll(tx, MeetingPageSql(kDialect, group->id, query, page, after, page.limit + 1)), ids,
      query.parts);
  if (meetings.size() > page.limit) {
    meetings.resize(page.limit);
    result.next = CursorOf(ids[page.limit - 1]);
  }
  result.items = std::move(meetings);
  return result;
}

ListPage<RegisteredDecision> LoadDecisionPage(pqxx::transaction_base& tx,
                                              const std::string& group_name,
                                              const PageRequest& page,
                                              std::optional<std::int64_t> after) {
  std::optional<GroupRow> group = FindGroup(tx, group_name);
  if (!group) return {};
  const std::size_t total = Count(tx, DecisionCountSql(kDialect, group->id));
  std::vector<RegisteredDecision> decisions;
  for (const pqxx::row& row :
       ExecAll(tx, DecisionPageSql(kDialect, group->id, page, after, page.limit + 1)))
    decisions.push_back({row[0].as<Id>(),
                         {row[1].c_str(), row[2].as<int>(), row[7].c_str()},
                         {row[3].c_str(), row[4].c_str(), row[5].as<int>()},
                         DateAt(row[6])});
  return PageOf(std::move(decisions), page.limit, total, [](const auto& d) { return d.id; });
}

std::vector<GroupSummary> LoadGroupSummaries(pqxx::transaction_base& tx) {
  std::vector<GroupSummary> groups;
  for (const pqxx::row& row : ExecAll(tx, GroupSummariesSql(kDialect))) {
    GroupSummary g;
    g.has_roster = row[4].as<int>() != 0;
    g.group.short_name = row[0].c_str();
    if (g.has_roster) {
      g.group.full_name = row[1].c_str();
      g.group.active_from = OptionalDateAt(row[2]);
      g.group.active_to = OptionalDateAt(row[3]);
    }
    g.meetings = row[5].as<std::size_t>();
    g.last_meeting = OptionalDateAt(row[6]);
    g.open_actions = row[7].as<std::size_t>();
    groups.push_back(std::move(g));
  }
  return groups;
}

std::vector<std::string> LoadOwnerNames(pqxx::transaction_base& tx, const std::string& group_name) {
  std::optional<GroupRow> group = FindGroup(tx, group_name);
  if (!group) return {};
  std::vector<std::string> names;
  for (Owner& o : OwnerCandidates(tx, group->id))
    if (names.empty() || names.back() != o.name) names.push_back(std::move(o.name));
  return names;
}

std::vector<MeetingKey> LoadMeetingKeys(pqxx::transaction_base& tx, const std::string& group_name) {
  std::optional<GroupRow> group = FindGroup(tx, group_name);
  if (!group) return {};
  std::vector<MeetingKey> keys;
  for (const pqxx::row& row : ExecAll(tx, MeetingKeysSql(kDialect, group->id)))
    keys.push_back({row[0].c_str(), row[1].c_str(), row[2].as<int>()});
  return keys;
}

}  // namespace plenary::pg
