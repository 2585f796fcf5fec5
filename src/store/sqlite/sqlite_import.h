// Writing an ImportBatch into the SQLite store's schema (migrations.cc).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include "plenary/store.h"

namespace plenary::sqlite {

// Error::InvalidInput for what the schema cannot hold faithfully: an empty
// group name, a roster naming a person twice, a date outside the years
// 1900..2999 (or not ok()), a start time outside 00:00..23:59. Writes nothing.
Status CheckImportBatch(const ImportBatch& batch);

// Writes a batch that passed CheckImportBatch, with the semantics documented on
// SqliteStore. The caller holds the transaction; on an exception
// (SQLite::Exception, CorruptRow) it must roll back.
ImportReport WriteImportBatch(SQLite::Database& db, const ImportBatch& batch);

}  // namespace plenary::sqlite
