#include "store/owned_items.h"

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>

#include "core/directory.h"
#include "core/text.h"

namespace plenary {

std::size_t KeptPerson::Count(std::optional<ActionStatus> status) const {
  if (status) return static_cast<std::size_t>(items.at(static_cast<std::size_t>(*status)));
  std::int64_t all = 0;
  for (std::int64_t n : items) all += n;
  return static_cast<std::size_t>(all);
}

std::vector<std::pair<std::string, KeptPerson>> KeptPeople(const Roster& roster,
                                                           const std::vector<Owner>& candidates,
                                                           const OwnerCounts& counts) {
  std::vector<std::string> people;
  for (const Person& p : roster.people)
    if (std::find(people.begin(), people.end(), p.name) == people.end()) people.push_back(p.name);
  // Who each candidate names, with every name folded once (a group has tens
  // of people and hundreds of owner names; a Names call a pair folded both
  // every time, which made one more meeting twice as slow).
  const Directory directory(&roster, roster.group.short_name);
  const std::vector<std::vector<std::size_t>> named = directory.NamedBy(candidates, people);
  std::vector<std::pair<std::string, KeptPerson>> kept;
  for (std::size_t i = 0; i < people.size(); ++i) {
    KeptPerson k;
    for (std::size_t j : named[i])
      if (std::find(k.names.begin(), k.names.end(), candidates[j].name) == k.names.end())
        k.names.push_back(candidates[j].name);
    for (std::size_t st = 0; st < k.items.size(); ++st)
      k.items[st] = static_cast<std::int64_t>(counts.Of(k.names, static_cast<ActionStatus>(st)));
    kept.emplace_back(people[i], std::move(k));
  }
  return kept;
}

std::string KeptNamesJson(const std::vector<std::string>& names) {
  return nlohmann::json(names).dump();
}

std::vector<std::string> ParseKeptNames(const std::string& column) {
  nlohmann::json parsed = nlohmann::json::parse(column, nullptr, false);
  std::vector<std::string> names;
  if (parsed.is_array())
    for (const nlohmann::json& n : parsed) {
      if (!n.is_string()) break;
      names.push_back(n.get<std::string>());
    }
  if (!parsed.is_array() || names.size() != parsed.size())
    throw CorruptRow("corrupt database: person_owner_names.names is not a list of names");
  return names;
}

bool OwnerNamesCache::IsCurrent(const OwnedGroup& group) const {
  auto found = groups_.find(group.id);
  return found != groups_.end() && group.register_token &&
         found->second.token == group.register_token &&
         found->second.roster_saved_at == group.roster_saved_at;
}

void OwnerNamesCache::Refresh(OwnedItemsSource& source,
                              const std::vector<const OwnedGroup*>& groups) {
  std::vector<const OwnedGroup*> stale;
  for (const OwnedGroup* g : groups)
    if (!IsCurrent(*g)) stale.push_back(g);
  if (stale.empty()) return;
  std::map<std::int64_t, GroupOwners> read = source.Owners(stale);
  for (const OwnedGroup* g : stale) {
    Entry& e = groups_[g->id];
    e = Entry{};
    e.token = g->register_token;
    e.roster_saved_at = g->roster_saved_at;
    auto found = read.find(g->id);
    if (found != read.end()) e.owners = std::move(found->second);
  }
}

OwnerNamesCache::Entry& OwnerNamesCache::Current(OwnedItemsSource& source,
                                                 const OwnedGroup& group) {
  Refresh(source, {&group});
  return groups_.at(group.id);
}

const std::vector<std::string>& OwnerNamesCache::Names(OwnedItemsSource& source,
                                                       const OwnedGroup& group,
                                                       const std::string& person) {
  Entry& e = Current(source, group);
  auto found = e.names.find(person);
  if (found != e.names.end()) return found->second;
  if (e.names.size() >= kMaxPeople) e.names.clear();
  return e.names[person] =
             OwnerNamesMatching(e.owners.roster, group.short_name, e.owners.candidates, person);
}

std::vector<std::size_t> OwnerNamesCache::Counts(OwnedItemsSource& source, SqlDialect dialect,
                                                 const std::vector<const OwnedGroup*>& groups,
                                                 const std::vector<std::string>& names,
                                                 std::optional<ActionStatus> status) {
  std::string key = status ? std::string(ActionStatusName(*status)) : "any";
  for (const std::string& n : names) key += '\x1f' + n;
  std::vector<std::size_t> counts(groups.size());
  std::map<std::int64_t, std::pair<std::size_t, Entry*>> missing;  // by group id: where, entry
  for (std::size_t i = 0; i < groups.size(); ++i) {
    Entry& e = Current(source, *groups[i]);
    auto found = e.counts.find(key);
    if (found != e.counts.end())
      counts[i] = found->second;
    else if (e.owners.counts)
      counts[i] = e.owners.counts->Of(names, status);  // a pass over its rows: not kept
    else
      missing[groups[i]->id] = {i, &e};
  }
  if (missing.empty()) return counts;
  std::vector<std::int64_t> ids;
  for (const auto& [id, where] : missing) ids.push_back(id);
  std::map<std::int64_t, std::size_t> read;  // groups with none give no row
  for (const auto& [group, n] : source.Counts(OwnedItemCountsSql(dialect, ids, names, status)))
    read[group] = n;
  for (const auto& [id, where] : missing) {
    Entry& e = *where.second;
    if (e.counts.size() >= kMaxPeople) e.counts.clear();
    counts[where.first] = e.counts[key] = read[id];
  }
  return counts;
}

Result<std::optional<std::int64_t>> OwnedPageAfter(const OwnedActionQuery& query,
                                                   const PageRequest& page) {
  if (FindInvalidUtf8(query.person) != std::string::npos)
    return Error::InvalidInput("person: not valid UTF-8");
  return ParseCursor(page.cursor);
}

ListPage<RegisteredAction> OwnedActionPageOf(OwnedItemsSource& source, OwnerNamesCache& cache,
                                             SqlDialect dialect, const OwnedActionQuery& query,
                                             const PageRequest& page,
                                             std::optional<std::int64_t> after) {
  ListPage<RegisteredAction> result;
  if (Trim(query.person).empty() || query.groups.empty()) return result;
  // The groups asked for, gathered by the names that name the person there:
  // one statement per distinct set of names (usually one).
  // Where the person is on the roster, their names and counts are kept
  // rows (KeptPeople); the other groups go through the cache.
  const std::vector<OwnedGroup> every = source.Groups(query.groups, query.person);
  std::vector<const OwnedGroup*> asked;
  for (const OwnedGroup& g : every)
    if (!g.kept) asked.push_back(&g);
  cache.Refresh(source, asked);
  std::map<std::vector<std::string>, std::vector<const OwnedGroup*>> by_names, counted;
  for (const OwnedGroup& g : every) {
    if (g.kept) {
      if (g.kept->names.empty()) continue;
      by_names[g.kept->names].push_back(&g);
      result.total += g.kept->Count(query.status);
      continue;
    }
    const std::vector<std::string>& names = cache.Names(source, g, query.person);
    if (names.empty()) continue;
    by_names[names].push_back(&g);
    counted[names].push_back(&g);
  }
  for (const auto& [names, groups] : counted)
    for (std::size_t n : cache.Counts(source, dialect, groups, names, query.status))
      result.total += n;
  const std::size_t offset = after ? 0 : page.offset;
  std::vector<std::int64_t> ids;
  for (const auto& [names, groups] : by_names) {
    std::vector<std::int64_t> group_ids;
    for (const OwnedGroup* g : groups) group_ids.push_back(g->id);
    for (std::int64_t id :
         source.Ids(OwnedItemIdsSql(dialect, group_ids, names, query.status, page.newest_first,
                                    after, offset + page.limit + 1)))
      ids.push_back(id);
  }
  if (page.newest_first)
    std::sort(ids.begin(), ids.end(), std::greater<>());
  else
    std::sort(ids.begin(), ids.end());
  ids.erase(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(std::min(offset, ids.size())));
  if (ids.size() > page.limit + 1) ids.resize(page.limit + 1);
  std::vector<RegisteredAction> rows;
  if (!ids.empty()) rows = source.Items(ItemsByIdSql(dialect, ids, page.newest_first));
  std::size_t total = result.total;
  return PageOf(std::move(rows), page.limit, total, [](const auto& a) { return a.id; });
}

}  // namespace plenary
