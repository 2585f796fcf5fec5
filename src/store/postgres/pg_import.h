// Writing an ImportBatch into the PostgreSQL store's schema (pg_migrations.cc),
// and the group lookups the other PostgreSQL files share.
#pragma once

#include <map>
#include <optional>
#include <pqxx/pqxx>
#include <string>

#include "plenary/store.h"
#include "store/register_rows.h"
#include "store/postgres/pg_values.h"

namespace plenary::pg {

struct GroupRow {
  Id id = 0;
  bool has_roster = false;  // false: known only from meetings' headers
  std::optional<std::int64_t> register_token;  // groups.register_token
};

// The group named `short_name`, compared without regard to ASCII case.
std::optional<GroupRow> FindGroup(pqxx::transaction_base& tx, const std::string& short_name);

// Writes a batch that passed CheckImportBatch (store/batch_checks.h), with the
// semantics of SqliteStore::Import. The caller holds the (serializable)
// transaction and rolls it back on an exception. What it changed of each
// group's register inputs is added to `changes`.
ImportReport WriteImportBatch(pqxx::transaction_base& tx, const ImportBatch& batch,
                              std::map<Id, InputChange>& changes);

}  // namespace plenary::pg
