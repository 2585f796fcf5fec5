// Writing an ImportBatch into the SQLite store's schema (migrations.cc).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>

#include "plenary/store.h"
#include "store/register_rows.h"
#include "store/sqlite/sqlite_lists.h"
#include "store/sqlite/sqlite_values.h"

namespace plenary::sqlite {

// Writes a batch that passed CheckImportBatch (store/batch_checks.h), with the semantics documented
// on SqliteStore. The caller holds the transaction; on an exception (SQLite::Exception, CorruptRow)
// it must roll back. What it changed of each group's register inputs is added to `changes`.
// Meetings are written with the statements of `cache`, the connection's.
ImportReport WriteImportBatch(SQLite::Database& db, StatementCache& cache, const ImportBatch& batch,
                              std::map<Id, InputChange>& changes);

}  // namespace plenary::sqlite
