// Snapshots (store/snapshot_tables.h) of the SQLite schema: every table read
// in primary key order, or written back with its ids. May throw
// SQLite::Exception; the caller holds the transaction.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include "plenary/store.h"

namespace plenary::sqlite {

Snapshot ReadSnapshot(SQLite::Database& db);
// Inserts every row and replaces the register counter. AUTOINCREMENT tables
// move their sequence past the ids written by themselves. The store must be
// empty.
void WriteSnapshot(SQLite::Database& db, const Snapshot& snapshot);

}  // namespace plenary::sqlite
