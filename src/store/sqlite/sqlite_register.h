// The register in the SQLite schema: each meeting's mentions
// (action_mentions) are replayed by the core (core/register.h) into
// register_items, their owners and history. sqlite_import.cc rewrites a
// re-imported meeting's mentions; a new meeting's are written here, after the
// replay, each with its item's id (InputChange::unwritten_mentions).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string_view>
#include <vector>

#include "plenary/store.h"
#include "store/register_rows.h"
#include "store/sqlite/sqlite_lists.h"
#include "store/sqlite/sqlite_values.h"

namespace plenary::sqlite {

// The migration that adds the register's tables (see migrations.cc).
extern const std::string_view kRegisterSchema;

// Writes a meeting's action mentions (action_mentions and their owners) with
// statements prepared once.
class MentionWriter {
 public:
  explicit MentionWriter(SQLite::Database& db);
  // The mention at `position` of meeting `meeting_id`, of item `item_id`
  // (none: not replayed yet).
  void Insert(Id meeting_id, std::size_t position, const ActionItem& mention,
              std::optional<Id> item_id);

 private:
  SQLite::Database& db_;
  SQLite::Statement insert_, owner_;
};

// Brings the register of group `group_id` up to date after `change` to its
// (going on from the register `cache` kept, when it is still the stored one)
// inputs (written already): extended from the stored register when the
// change comes after everything else, replayed otherwise; only the rows that
// differ are written, item ids kept stable. The caller holds a write
// transaction.
void UpdateRegister(SQLite::Database& db, Id group_id, const InputChange& change,
                    RegisterCache& cache);
// UpdateRegister with a replay of the whole group.
void RebuildRegister(SQLite::Database& db, Id group_id, RegisterCache& cache);
// Gives every register item without its match words (register_items.words:
// after migration 19, or a restore) those of its match texts.
void FillItemWords(SQLite::Database& db);
// Rebuilds every group whose mentions have not been replayed yet (after a
// schema upgrade). Returns whether anything was written.
bool RebuildStaleRegisters(SQLite::Database& db);

// person_owner_names of group `group_id` (store/owned_items.h KeptPeople):
// from the owner names and counts a register update keeps, and the group's
// roster as stored (none: no rows). RewriteKeptPeople reads the names and
// counts from the groups row (no rows where they are not kept); FillKeptPeople
// does that for every group (migration 17).
void WriteKeptPeople(SQLite::Database& db, Id group_id, const std::vector<Owner>& candidates,
                     const OwnerCounts& counts);
void RewriteKeptPeople(SQLite::Database& db, Id group_id);
void FillKeptPeople(SQLite::Database& db);

// Register items (not merged) matching `query`, in register order.
std::vector<RegisteredAction> LoadRegisterItems(SQLite::Database& db, const ActionQuery& query);
// One item with its history, merged or not; nullopt when unknown.
// With `statements`, through its prepared statements (the web app's reads).
std::optional<RegisteredAction> LoadRegisterItem(SQLite::Database& db, std::int64_t id,
                                                 StatementCache* statements = nullptr);
// The items `rows` selects, with the columns LoadRegisterItems reads (id, the
// item's columns, group, kind, number, date, status_note, merged_into, owner
// name and kind), one row per owner, in its order; no history.
std::vector<RegisteredAction> ReadRegisterItems(SQLite::Statement& rows);

struct ItemAnchor {
  Id group_id = 0;
  Id meeting_id = 0;
  int position = 0;
  std::int64_t merged_into = 0;
};
// The group and origin mention of item `id`, or nullopt.
std::optional<ItemAnchor> FindItemAnchor(SQLite::Database& db, std::int64_t id);

// Records a manual event (kind "set" or "merge") and rebuilds the group.
void RecordEvent(SQLite::Database& db, const ItemAnchor& item, const ItemAnchor* other,
                 const ActionEdit& edit, RegisterCache& cache);
// Deletes the merge event that folded the item anchored at `from`; false if none.
bool DeleteMergeEvent(SQLite::Database& db, const ItemAnchor& from, RegisterCache& cache);

std::vector<DuplicatePair> FindRegisterDuplicates(SQLite::Database& db);
std::vector<RegisterNotice> LoadRegisterNotices(SQLite::Database& db);

}  // namespace plenary::sqlite
