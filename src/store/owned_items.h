// "My items" read in the database (Store::OwnedActionPage), the same on both
// back ends: a person's items in the groups asked for, found through the
// owner-name index (register_item_owners_by_name) and paged by item id, so
// that the cost is the person's items, not the installation's.
//
// Which stored owner names name the person is decided per group by the
// group's roster (core/directory: names, aliases, initials, folded), against
// the group's distinct owner names. Reading those is a pass over the group's
// items, so they are kept per group (OwnerNamesCache) while the group's
// register_token and roster_saved_at say that nothing was written since,
// with the number of each person's items. A person's count in a group is
// worked out from the group's kept counts (groups.owner_counts), which every
// register update writes: a row, not a pass over the person's items.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "plenary/store.h"
#include "store/list_queries.h"
#include "store/register_rows.h"

namespace plenary {

// What person_owner_names keeps of one person in one group: the group's
// owner names that name them (OwnerNamesMatching) and how many unmerged
// items those names own, by status (OwnerCounts::Of).
struct KeptPerson {
  std::vector<std::string> names;
  std::array<std::int64_t, 3> items{};  // by ActionStatus
  std::size_t Count(std::optional<ActionStatus> status) const;
  friend bool operator==(const KeptPerson&, const KeptPerson&) = default;
};

// The rows of person_owner_names for a group: each person of `roster`, once
// (by the name as the roster spells it), against the group's owner names and
// counts as a register update keeps them.
std::vector<std::pair<std::string, KeptPerson>> KeptPeople(const Roster& roster,
                                                           const std::vector<Owner>& candidates,
                                                           const OwnerCounts& counts);
// person_owner_names.names: a JSON array of strings; CorruptRow otherwise.
std::string KeptNamesJson(const std::vector<std::string>& names);
std::vector<std::string> ParseKeptNames(const std::string& column);

// A group as the cache checks it, and what is kept of the person asked for.
struct OwnedGroup {
  std::int64_t id = 0;
  std::string short_name;
  std::optional<std::int64_t> register_token;
  std::optional<std::string> roster_saved_at;  // none: no roster
  std::optional<KeptPerson> kept;              // person_owner_names' row
};

// What the cache reads of a group's owners.
struct GroupOwners {
  std::vector<Owner> candidates;      // the group's owner names (KeptOwnerNames)
  std::optional<Roster> roster;       // none: the group has no roster
  std::optional<OwnerCounts> counts;  // groups.owner_counts; none: not kept (restored)
};

// What a back end reads for OwnedActionPageOf.
class OwnedItemsSource {
 public:
  virtual ~OwnedItemsSource() = default;
  // The groups named `short_names` (one row each; none for a name no group
  // has), with what is kept of `person` there (OwnedGroupsSql).
  virtual std::vector<OwnedGroup> Groups(const std::vector<std::string>& short_names,
                                         const std::string& person) = 0;
  // The owners of `groups`, by group id, read together (a statement per kind
  // of row, not per group, where the back end is a round trip away).
  virtual std::map<std::int64_t, GroupOwners> Owners(
      const std::vector<const OwnedGroup*>& groups) = 0;
  // Rows of (group id, count).
  virtual std::vector<std::pair<std::int64_t, std::size_t>> Counts(const SqlQuery& query) = 0;
  virtual std::vector<std::int64_t> Ids(const SqlQuery& query) = 0;
  virtual std::vector<RegisteredAction> Items(const SqlQuery& query) = 0;
};

// Per group: its owner names and roster as last read, the stored names that
// name each person asked for, and each (person, status)'s count. At most one
// entry per group; each entry's people are forgotten past kMaxPeople.
class OwnerNamesCache {
 public:
  static constexpr std::size_t kMaxPeople = 256;

  // Forgets everything unless `generation` is the one last given (a back end's
  // count of the database's changes, where its groups' stamps are too coarse).
  void ForgetUnless(std::uint64_t generation) {
    if (generation != generation_) groups_.clear();
    generation_ = generation;
  }

  // Reads what is not current of `groups` (in one call to the source).
  void Refresh(OwnedItemsSource& source, const std::vector<const OwnedGroup*>& groups);
  // The stored owner names of `group` that name `person`.
  const std::vector<std::string>& Names(OwnedItemsSource& source, const OwnedGroup& group,
                                        const std::string& person);
  // How many unmerged items of each of `groups` `names` own, with `status`,
  // in the order of `groups`: from each group's kept counts
  // (groups.owner_counts), and for groups without them, in one statement.
  std::vector<std::size_t> Counts(OwnedItemsSource& source, SqlDialect dialect,
                                  const std::vector<const OwnedGroup*>& groups,
                                  const std::vector<std::string>& names,
                                  std::optional<ActionStatus> status);

 private:
  struct Entry {
    std::optional<std::int64_t> token;
    std::optional<std::string> roster_saved_at;
    GroupOwners owners;
    std::map<std::string, std::vector<std::string>> names;  // by person
    std::map<std::string, std::size_t> counts;              // by status and names
  };
  bool IsCurrent(const OwnedGroup& group) const;
  Entry& Current(OwnedItemsSource& source, const OwnedGroup& group);
  std::map<std::int64_t, Entry> groups_;
  std::uint64_t generation_ = 0;
};

// Where a page of `query` starts (`page`'s cursor, parsed), once the query
// is checked: what both back ends do before reading.
Result<std::optional<std::int64_t>> OwnedPageAfter(const OwnedActionQuery& query,
                                                   const PageRequest& page);

// A page of `query.person`'s items; `after`: the cursor's id, parsed.
ListPage<RegisteredAction> OwnedActionPageOf(OwnedItemsSource& source, OwnerNamesCache& cache,
                                             SqlDialect dialect, const OwnedActionQuery& query,
                                             const PageRequest& page,
                                             std::optional<std::int64_t> after);

}  // namespace plenary
