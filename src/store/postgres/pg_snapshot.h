// Snapshots (store/snapshot_tables.h) of the PostgreSQL schema: every table
// read in primary key order, or written back with its ids. May throw pqxx
// exceptions; the caller holds the transaction.
#pragma once

#include <pqxx/pqxx>

#include "plenary/store.h"

namespace plenary::pg {

Snapshot ReadSnapshot(pqxx::transaction_base& tx);
// Inserts every row, replaces the register counter, and moves each identity
// past the highest id written. The store must be empty.
void WriteSnapshot(pqxx::transaction_base& tx, const Snapshot& snapshot);

}  // namespace plenary::pg
