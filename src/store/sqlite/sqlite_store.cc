#include "store/sqlite/sqlite_store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <exception>
#include <utility>

#include "core/text.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_import.h"
#include "store/sqlite/sqlite_queries.h"
#include "store/sqlite/sqlite_values.h"

namespace plenary {
namespace {

constexpr int kBusyTimeoutMs = 5000;

Error InPath(const std::string& path, const Error& error) {
  return {error.kind, fmt::format("{}: {}", path, error.message)};
}

// Connection settings; none of them writes to the file.
void Configure(SQLite::Database& db) {
  if (sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_DEFENSIVE, 1, static_cast<int*>(nullptr)) !=
      SQLITE_OK)
    throw SQLite::Exception("cannot enable SQLITE_DBCONFIG_DEFENSIVE");
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA synchronous = NORMAL");
}

}  // namespace

// SQLite::Exception and CorruptRow become Error::Storage; anything else
// (bad_alloc, a broken invariant) Error::Internal.
template <typename Body>
auto SqliteStore::Guarded(Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    return Error::Storage(fmt::format("{}: {}", path_, e.what()));
  } catch (const sqlite::CorruptRow& e) {
    return Error::Storage(fmt::format("{}: {}", path_, e.what()));
  } catch (const std::exception& e) {
    return Error::Internal(fmt::format("{}: {}", path_, e.what()));
  }
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path) {
  try {
    auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                                 kBusyTimeoutMs);
    Configure(*db);
    // Refuse a database we must not touch before the journal mode is set,
    // because switching it writes to the file.
    if (Status usable = CheckSqliteSchemaVersion(*db); !usable) return InPath(path, usable.error());
    db->exec("PRAGMA journal_mode = WAL");
    if (Status migrated = MigrateSqliteSchema(*db); !migrated)
      return InPath(path, migrated.error());
    return std::unique_ptr<SqliteStore>(new SqliteStore(path, std::move(db)));
  } catch (const std::exception& e) {
    return Error::Storage(fmt::format("{}: {}", path, e.what()));
  }
}

SqliteStore::SqliteStore(std::string path, std::unique_ptr<SQLite::Database> db)
    : path_(std::move(path)), db_(std::move(db)) {}

SqliteStore::~SqliteStore() = default;

Result<ImportReport> SqliteStore::Import(const ImportBatch& batch) {
  if (Status valid = sqlite::CheckImportBatch(batch); !valid) return valid.error();
  return Guarded([&]() -> Result<ImportReport> {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    ImportReport report = sqlite::WriteImportBatch(*db_, batch);
    transaction.commit();
    return report;
  });
}

Result<std::optional<Roster>> SqliteStore::FindRoster(const std::string& group) {
  return Guarded([&]() -> Result<std::optional<Roster>> {
    SQLite::Transaction transaction(*db_);
    std::optional<sqlite::GroupRow> row = sqlite::FindGroup(*db_, group);
    std::optional<Roster> roster;
    if (row && row->has_roster) roster = sqlite::LoadRoster(*db_, row->id);
    transaction.commit();
    return roster;
  });
}

Result<std::vector<Roster>> SqliteStore::Rosters() {
  return Guarded([&]() -> Result<std::vector<Roster>> {
    SQLite::Transaction transaction(*db_);
    std::vector<Roster> rosters = sqlite::LoadRosters(*db_);
    transaction.commit();
    return rosters;
  });
}

Result<std::vector<Meeting>> SqliteStore::Meetings() {
  return Guarded([&]() -> Result<std::vector<Meeting>> {
    SQLite::Transaction transaction(*db_);
    std::vector<Meeting> meetings = sqlite::LoadMeetings(*db_);
    transaction.commit();
    return meetings;
  });
}

Result<std::vector<RegisteredAction>> SqliteStore::Actions(const ActionQuery& query) {
  if (query.owner && FindInvalidUtf8(*query.owner) != std::string::npos)
    return Error::InvalidInput("owner: not valid UTF-8");
  if (query.overdue_as_of && !query.overdue_as_of->ok())
    return Error::InvalidInput("overdue: not a date");
  return Guarded([&]() -> Result<std::vector<RegisteredAction>> {
    SQLite::Transaction transaction(*db_);
    std::vector<RegisteredAction> actions = sqlite::LoadActions(*db_, query);
    transaction.commit();
    return actions;
  });
}

Result<std::vector<RegisteredDecision>> SqliteStore::Decisions() {
  return Guarded([&]() -> Result<std::vector<RegisteredDecision>> {
    SQLite::Transaction transaction(*db_);
    std::vector<RegisteredDecision> decisions = sqlite::LoadDecisions(*db_);
    transaction.commit();
    return decisions;
  });
}

}  // namespace plenary
