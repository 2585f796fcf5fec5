// The SQLite store's schema, as numbered migrations.
//
// A database records the migrations applied to it in
//   schema_migrations(version INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)
// and its schema version is the highest version recorded there (0 when the
// table does not exist, i.e. a new, empty file).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plenary/result.h"

namespace SQLite {
class Database;
}  // namespace SQLite

namespace plenary {

struct SqliteMigration {
  int version = 0;
  std::string_view description;
  std::string_view sql;  // one or more statements
  // What SQL alone cannot say, run after `sql` in the same transaction.
  void (*apply)(SQLite::Database& db) = nullptr;
};

// `sql` (a CREATE TABLE) with each CHECK (column IN ('a', 'b', ...)) written
// as CHECK (column = 'a' OR column = 'b' OR ...): the same constraint, which
// SQLite checks in place where the IN list makes it build a temporary b-tree
// of the list for every row written (migration 13).
std::string ListChecksAsComparisons(std::string_view sql);

// Every migration, in version order, numbered from 1 (a number handed to a
// branch not merged yet is missing until it is). A migration
// that has been released is never edited: a change to the schema is a new one.
const std::vector<SqliteMigration>& SqliteMigrations();

// The version a database reaches once every migration has been applied.
int CurrentSqliteSchemaVersion();

// The schema version of `db`: 0 for an empty database. Error::Storage when
// `db` holds tables but no schema_migrations (it is not a plenary database).
// Reads only. May throw SQLite::Exception.
Result<int> ReadSqliteSchemaVersion(SQLite::Database& db);

// Ok when `db` is empty or holds a plenary schema this plenary can use or
// migrate; Error::Storage when it is newer than this plenary, not a plenary
// database, or unreadable. Reads only. Never throws.
Status CheckSqliteSchemaVersion(SQLite::Database& db);

// Brings `db` to the current schema version, applying each pending migration
// in its own (immediate) transaction together with its schema_migrations row,
// so a failure leaves the database at the last complete version. A database
// already at the current version is only read, never written. Error::Storage
// when the database is newer than this plenary, not a plenary database, or a
// migration fails. Never throws.
Status MigrateSqliteSchema(SQLite::Database& db);

}  // namespace plenary
