// Writing an ImportBatch into the SQLite store's schema (migrations.cc).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include "plenary/store.h"

namespace plenary::sqlite {

// Writes a batch that passed CheckImportBatch (store/batch_checks.h), with the semantics documented
// on SqliteStore. The caller holds the transaction; on an exception (SQLite::Exception, CorruptRow)
// it must roll back.
ImportReport WriteImportBatch(SQLite::Database& db, const ImportBatch& batch);

}  // namespace plenary::sqlite
