#include "store/postgres/pg_store.h"

#include <fmt/format.h>

#include <chrono>
#include <exception>
#include <pqxx/pqxx>
#include <random>
#include <set>
#include <thread>
#include <utility>

#include "core/text.h"
#include "store/batch_checks.h"
#include "store/postgres/pg_import.h"
#include "store/postgres/pg_migrations.h"
#include "store/postgres/pg_queries.h"
#include "store/postgres/pg_register.h"
#include "store/postgres/pg_snapshot.h"
#include "store/snapshot_tables.h"
#include "store/store_url.h"

namespace plenary {
namespace {

using WriteTransaction = pqxx::transaction<pqxx::serializable>;
using ReadTransaction = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

// A pause before retry `attempt` (1, 2, ...): up to 2^attempt ms, at most
// 200 ms, jittered so that writers that collided do not collide again.
void PauseBeforeRetry(int attempt) {
  thread_local std::minstd_rand random(std::random_device{}());
  int ceiling = std::min(200, 1 << std::min(attempt, 8));
  std::uniform_int_distribution<int> pause(1, ceiling);
  std::this_thread::sleep_for(std::chrono::milliseconds(pause(random)));
}

}  // namespace

struct PostgresStore::Session {
  explicit Session(const std::string& url) : connection(url) {}
  pqxx::connection connection;
};

Error PostgresStore::Failure(const std::exception& e, ErrorKind kind) const {
  return {kind, fmt::format("{}: {}", RedactUrl(url_), RedactPasswordIn(e.what(), url_))};
}

// A write transaction, retried whole on a serialization failure or a
// deadlock (pg_store.h explains why that suffices). `body` returns a Result;
// an error result rolls the transaction back.
template <typename T, typename Body>
Result<T> PostgresStore::Write(Body&& body) {
  for (int attempt = 1;; ++attempt) {
    try {
      WriteTransaction tx(session_->connection);
      Result<T> result = body(static_cast<pqxx::transaction_base&>(tx));
      if (result.ok()) tx.commit();
      return result;
    } catch (const pqxx::transaction_rollback& e) {
      // serialization_failure, deadlock_detected, statement_completion_unknown
      if (dynamic_cast<const pqxx::statement_completion_unknown*>(&e) != nullptr ||
          attempt >= kWriteAttempts)
        return Failure(e, ErrorKind::kConflict);
      ++retries_;
      PauseBeforeRetry(attempt);
    } catch (const CorruptRow& e) {
      return Failure(e, ErrorKind::kStorage);
    } catch (const pqxx::failure& e) {
      return Failure(e, ErrorKind::kStorage);
    } catch (const std::exception& e) {
      return Failure(e, ErrorKind::kInternal);
    }
  }
}

template <typename T, typename Body>
Result<T> PostgresStore::Read(Body&& body) {
  try {
    ReadTransaction tx(session_->connection);
    Result<T> result = body(static_cast<pqxx::transaction_base&>(tx));
    tx.commit();
    return result;
  } catch (const CorruptRow& e) {
    return Failure(e, ErrorKind::kStorage);
  } catch (const pqxx::failure& e) {
    return Failure(e, ErrorKind::kStorage);
  } catch (const std::exception& e) {
    return Failure(e, ErrorKind::kInternal);
  }
}

Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const std::string& url) {
  try {
    auto session = std::make_unique<Session>(url);
    // Dates travel as ISO text both ways; the server's defaults may differ.
    pqxx::nontransaction(session->connection).exec("SET datestyle = 'ISO, YMD'");
    if (Status migrated = MigratePostgresSchema(session->connection); !migrated)
      return Error::Storage(
          fmt::format("{}: {}", RedactUrl(url), RedactPasswordIn(migrated.error().message, url)));
    return std::unique_ptr<PostgresStore>(new PostgresStore(url, std::move(session)));
  } catch (const std::exception& e) {
    return Error::Storage(fmt::format("{}: {}", RedactUrl(url), RedactPasswordIn(e.what(), url)));
  }
}

PostgresStore::PostgresStore(std::string url, std::unique_ptr<Session> session)
    : url_(std::move(url)), session_(std::move(session)) {}

PostgresStore::~PostgresStore() = default;

Result<ImportReport> PostgresStore::Import(const ImportBatch& batch) {
  if (Status valid = CheckImportBatch(batch); !valid) return valid.error();
  return Write<ImportReport>([&](pqxx::transaction_base& tx) -> Result<ImportReport> {
    ImportReport report = pg::WriteImportBatch(tx, batch);
    std::set<pg::Id> groups;
    for (const MeetingImportReport& m : report.meetings) {
      if (m.outcome == ImportOutcome::kUnchanged) continue;
      if (auto group = pg::FindGroup(tx, m.key.group)) groups.insert(group->id);
    }
    for (pg::Id group : groups) pg::RebuildRegister(tx, group);
    return report;
  });
}

Result<std::optional<Roster>> PostgresStore::FindRoster(const std::string& group) {
  return Read<std::optional<Roster>>([&](pqxx::transaction_base& tx) {
    std::optional<pg::GroupRow> row = pg::FindGroup(tx, group);
    std::optional<Roster> roster;
    if (row && row->has_roster) roster = pg::LoadRoster(tx, row->id);
    return Result<std::optional<Roster>>(std::move(roster));
  });
}

Result<std::vector<Roster>> PostgresStore::Rosters() {
  return Read<std::vector<Roster>>(
      [](pqxx::transaction_base& tx) { return Result<std::vector<Roster>>(pg::LoadRosters(tx)); });
}

Result<std::vector<Meeting>> PostgresStore::Meetings() {
  return Read<std::vector<Meeting>>([](pqxx::transaction_base& tx) {
    return Result<std::vector<Meeting>>(pg::LoadMeetings(tx));
  });
}

Result<std::vector<RegisteredAction>> PostgresStore::Actions(const ActionQuery& query) {
  if (query.owner && FindInvalidUtf8(*query.owner) != std::string::npos)
    return Error::InvalidInput("owner: not valid UTF-8");
  if (query.overdue_as_of && !query.overdue_as_of->ok())
    return Error::InvalidInput("overdue: not a date");
  return Read<std::vector<RegisteredAction>>([&](pqxx::transaction_base& tx) {
    std::vector<RegisteredAction> rows = pg::LoadRegisterItems(tx, query);
    if (query.owner) rows = FilterByOwner(std::move(rows), pg::LoadRosters(tx), *query.owner);
    return Result<std::vector<RegisteredAction>>(std::move(rows));
  });
}

Result<std::vector<RegisteredDecision>> PostgresStore::Decisions() {
  return Read<std::vector<RegisteredDecision>>([](pqxx::transaction_base& tx) {
    return Result<std::vector<RegisteredDecision>>(pg::LoadDecisions(tx));
  });
}

Result<RegisteredAction> PostgresStore::Action(std::int64_t id) {
  return Read<RegisteredAction>([&](pqxx::transaction_base& tx) -> Result<RegisteredAction> {
    auto item = pg::LoadRegisterItem(tx, id);
    if (!item) return Error::NotFound(fmt::format("no action item #{}", id));
    return std::move(*item);
  });
}

Result<RegisteredAction> PostgresStore::EditAction(std::int64_t id, const ActionEdit& edit) {
  return Write<RegisteredAction>([&](pqxx::transaction_base& tx) -> Result<RegisteredAction> {
    auto anchor = pg::FindItemAnchor(tx, id);
    if (!anchor) return Error::NotFound(fmt::format("no action item #{}", id));
    if (anchor->merged_into)
      return Error::Conflict(
          fmt::format("#{} was merged into #{}; change that one", id, anchor->merged_into));
    pg::RecordEvent(tx, *anchor, nullptr, edit);
    auto item = pg::LoadRegisterItem(tx, id);
    if (!item) return Error::Internal(fmt::format("#{} vanished in the replay", id));
    return std::move(*item);
  });
}

Status PostgresStore::MergeActions(std::int64_t into, std::int64_t from, const ActionEdit& by) {
  auto result = Write<bool>([&](pqxx::transaction_base& tx) -> Result<bool> {
    auto a = pg::FindItemAnchor(tx, into);
    auto b = pg::FindItemAnchor(tx, from);
    if (!a || !b) return Error::NotFound(fmt::format("no action item #{}", a ? from : into));
    if (into == from) return Error::Conflict("an item cannot be merged into itself");
    if (a->group_id != b->group_id)
      return Error::Conflict("items of different groups cannot be merged");
    if (a->merged_into || b->merged_into)
      return Error::Conflict(fmt::format("#{} is already merged", a->merged_into ? into : from));
    pg::RecordEvent(tx, *a, &*b, by);
    return true;
  });
  if (!result.ok()) return result.error();
  return Status::Ok();
}

Status PostgresStore::UnmergeAction(std::int64_t from) {
  auto result = Write<bool>([&](pqxx::transaction_base& tx) -> Result<bool> {
    auto b = pg::FindItemAnchor(tx, from);
    if (!b) return Error::NotFound(fmt::format("no action item #{}", from));
    if (!b->merged_into || !pg::DeleteMergeEvent(tx, *b))
      return Error::Conflict(fmt::format("#{} is not merged into another item", from));
    return true;
  });
  if (!result.ok()) return result.error();
  return Status::Ok();
}

Result<std::vector<DuplicatePair>> PostgresStore::Duplicates() {
  return Read<std::vector<DuplicatePair>>([](pqxx::transaction_base& tx) {
    return Result<std::vector<DuplicatePair>>(
        DuplicatesAmong(pg::LoadRegisterItems(tx, ActionQuery{true, std::nullopt, std::nullopt})));
  });
}

Result<std::vector<RegisterNotice>> PostgresStore::Notices() {
  return Read<std::vector<RegisterNotice>>([](pqxx::transaction_base& tx) {
    return Result<std::vector<RegisterNotice>>(pg::LoadRegisterNotices(tx));
  });
}

Result<Snapshot> PostgresStore::Export() {
  return Read<Snapshot>(
      [](pqxx::transaction_base& tx) { return Result<Snapshot>(pg::ReadSnapshot(tx)); });
}

Status PostgresStore::Restore(const Snapshot& snapshot) {
  if (Status valid = CheckSnapshot(snapshot); !valid) return valid;
  auto result = Write<bool>([&](pqxx::transaction_base& tx) -> Result<bool> {
    if (!tx.exec("SELECT 1 FROM groups LIMIT 1").empty())
      return Error::Conflict("the target store is not empty");
    pg::WriteSnapshot(tx, snapshot);
    return true;
  });
  if (!result.ok()) return result.error();
  return Status::Ok();
}

}  // namespace plenary
