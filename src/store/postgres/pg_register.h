// The register in the PostgreSQL schema: each meeting's mentions
// (action_mentions, written by pg_import.cc) are replayed by the core
// (core/register.h, planned by store/register_rows.h) into register_items,
// their owners and history, exactly as the SQLite store does.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <vector>

#include "plenary/store.h"
#include "store/register_rows.h"
#include "store/postgres/pg_values.h"

namespace plenary::pg {

// Brings the register of group `group_id` up to date after `change` to its
// (going on from the register `cache` kept, when it is still the stored one)
// inputs, as sqlite::UpdateRegister does. The caller holds a write
// transaction.
void UpdateRegister(pqxx::transaction_base& tx, Id group_id, const InputChange& change,
                    RegisterCache& cache);
// UpdateRegister with a replay of the whole group.
void RebuildRegister(pqxx::transaction_base& tx, Id group_id, RegisterCache& cache);
// Gives every register item without its match words (register_items.words:
// after migration 19, or a restore) those of its match texts.
void FillItemWords(pqxx::transaction_base& tx);
// Rebuilds every group whose mentions are not in its stored register (after
// schema migration 8). Returns whether there was one.
bool RebuildStaleRegisters(pqxx::transaction_base& tx);

// person_owner_names of group `group_id` (store/owned_items.h KeptPeople), as
// SQLite's (sqlite_register.h): from a register update's owner names and
// counts, from the groups row (RewriteKeptPeople), or for every group
// (FillKeptPeople, migration 17).
void WriteKeptPeople(pqxx::transaction_base& tx, Id group_id, const std::vector<Owner>& candidates,
                     const OwnerCounts& counts);
void RewriteKeptPeople(pqxx::transaction_base& tx, Id group_id);
void FillKeptPeople(pqxx::transaction_base& tx);

// Register items (not merged) matching `query` (owner apart), in register order.
std::vector<RegisteredAction> LoadRegisterItems(pqxx::transaction_base& tx,
                                                const ActionQuery& query);
// One item with its history, merged or not; nullopt when unknown.
std::optional<RegisteredAction> LoadRegisterItem(pqxx::transaction_base& tx, std::int64_t id);
// The items `rows` holds, with the columns LoadRegisterItems reads (id, the
// item's columns, group, kind, number, date, status_note, merged_into, owner
// name and kind), one row per owner, in its order; no history.
std::vector<RegisteredAction> ReadRegisterItems(const pqxx::result& rows);

struct ItemAnchor {
  Id group_id = 0;
  Id meeting_id = 0;
  int position = 0;
  std::int64_t merged_into = 0;
};
// The group and origin mention of item `id`, or nullopt.
std::optional<ItemAnchor> FindItemAnchor(pqxx::transaction_base& tx, std::int64_t id);

// Records a manual event (kind "set" or "merge") and rebuilds the group.
void RecordEvent(pqxx::transaction_base& tx, const ItemAnchor& item, const ItemAnchor* other,
                 const ActionEdit& edit, RegisterCache& cache);
// Deletes the merge event that folded the item anchored at `from`; false if none.
bool DeleteMergeEvent(pqxx::transaction_base& tx, const ItemAnchor& from, RegisterCache& cache);

std::vector<RegisterNotice> LoadRegisterNotices(pqxx::transaction_base& tx);

}  // namespace plenary::pg
