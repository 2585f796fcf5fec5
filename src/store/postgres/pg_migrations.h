// The PostgreSQL store's schema, as numbered migrations.
//
// The tables mirror the SQLite store's (doc/schema.md) table for table and
// column for column, so that an installation moves between back ends row for
// row (store/snapshot_tables.h); the types are PostgreSQL's own: bigint identities,
// date, timestamptz, boolean. A database records the migrations applied to it
// in schema_migrations(version, description, applied_at); its version is the
// highest recorded (0 for a database with no tables in the current schema).
#pragma once

#include <string_view>
#include <vector>

#include "plenary/result.h"

namespace pqxx {
class connection_base;
class transaction_base;
}  // namespace pqxx

namespace plenary {

struct PostgresMigration {
  int version = 0;
  std::string_view description;
  std::string_view sql;
  // What SQL alone cannot say, run after `sql` in the same transaction.
  void (*apply)(pqxx::transaction_base& tx) = nullptr;
};

// Every migration, in version order, numbered from 1 without gaps; a released
// migration is never edited.
const std::vector<PostgresMigration>& PostgresMigrations();
int CurrentPostgresSchemaVersion();

// Brings the database to the current version. Each pending migration runs in
// its own transaction with its schema_migrations row, under a transaction-level
// advisory lock so that several plenary processes starting at once apply it
// once. A database at the current version is only read. Error::Storage when
// the database is newer than this plenary, holds tables but no
// schema_migrations (not a plenary database), or a migration fails. Never
// throws.
Status MigratePostgresSchema(pqxx::connection_base& connection);

}  // namespace plenary
