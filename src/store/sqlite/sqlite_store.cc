#include "store/sqlite/sqlite_store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <exception>
#include <mutex>
#include <set>
#include <utility>

#include "core/text.h"
#include "store/batch_checks.h"
#include "store/snapshot_tables.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_attendance.h"
#include "store/sqlite/sqlite_import.h"
#include "store/sqlite/sqlite_lists.h"
#include "store/sqlite/sqlite_queries.h"
#include "store/sqlite/sqlite_rank.h"
#include "store/sqlite/sqlite_register.h"
#include "store/sqlite/sqlite_search.h"
#include "store/sqlite/sqlite_site.h"
#include "store/sqlite/sqlite_snapshot.h"
#include "store/sqlite/sqlite_values.h"
#include "store/sqlite/sqlite_workplan.h"
#include "store/workplan_rows.h"

namespace plenary {
namespace {

constexpr int kBusyTimeoutMs = 5000;

Error InPath(const std::string& path, const Error& error) {
  return {error.kind, fmt::format("{}: {}", path, error.message)};
}

// SQLite counts every allocation in its memory statistics under one global
// mutex, which the web app's worker threads queued on (a quarter of a
// request's time under load; doc/performance.md). plenary reads no
// statistics. Must come before SQLite initialises: later it is refused, and
// the statistics stay on.
void TurnOffMemoryStatistics() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

// Connection settings; none of them writes to the file.
void Configure(SQLite::Database& db) {
  if (sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_DEFENSIVE, 1, static_cast<int*>(nullptr)) !=
      SQLITE_OK)
    throw SQLite::Exception("cannot enable SQLITE_DBCONFIG_DEFENSIVE");
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA synchronous = NORMAL");
  // 8 MB of pages per connection, not SQLite's default 2 MB: a search over a
  // million items ranks up to 1,000 rows scattered over the file, and with 2
  // MB it read most of their pages again on every query (rare word, 50
  // groups: p50 3.7 -> 1.9 ms; serve's RSS after every route 77 -> 129 MB;
  // doc/performance.md, "A larger page cache").
  db.exec("PRAGMA cache_size = -8192");
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

namespace sqlite {

Result<std::unique_ptr<SQLite::Database>> OpenDatabase(const std::string& path) {
  try {
    TurnOffMemoryStatistics();
    // A store is used by one thread at a time (sqlite_store.h), so the
    // connection needs no mutex of its own: in serialised mode every
    // sqlite3_step and sqlite3_column_* call took one (9% of the attendance
    // API's CPU under load).
    auto db = std::make_unique<SQLite::Database>(
        path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLITE_OPEN_NOMUTEX, kBusyTimeoutMs);
    Configure(*db);
    RegisterBoundedRank(*db);
    // Refuse a database we must not touch before the journal mode is set,
    // because switching it writes to the file.
    if (Status usable = CheckSqliteSchemaVersion(*db); !usable) return InPath(path, usable.error());
    db->exec("PRAGMA journal_mode = WAL");
    if (Status migrated = MigrateSqliteSchema(*db); !migrated)
      return InPath(path, migrated.error());
    {  // after an upgrade, replay the register of meetings stored before it
      SQLite::Transaction transaction(*db, SQLite::TransactionBehavior::IMMEDIATE);
      const bool replayed = sqlite::RebuildStaleRegisters(*db);
      if (sqlite::RefreshStaleAttendance(*db) || replayed) transaction.commit();
    }
    return db;
  } catch (const std::exception& e) {
    return Error::Storage(fmt::format("{}: {}", path, e.what()));
  }
}

}  // namespace sqlite

namespace {

// Records the audit entries of a change to item `id`, from the item as the
// change left it, in the change's transaction.
Status AuditItem(SQLite::Database& db, std::int64_t id, const AuditOf<RegisteredAction>& audit) {
  if (!audit) return Status::Ok();
  auto item = sqlite::LoadRegisterItem(db, id);
  if (!item) return Error::Internal(fmt::format("#{} vanished in the replay", id));
  sqlite::InsertAudit(db, audit(*item));
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path) {
  auto db = sqlite::OpenDatabase(path);
  if (!db.ok()) return db.error();
  return std::unique_ptr<SqliteStore>(new SqliteStore(path, std::move(db).value()));
}

SqliteStore::SqliteStore(std::string path, std::unique_ptr<SQLite::Database> db)
    : path_(std::move(path)),
      db_(std::move(db)),
      lists_(std::make_unique<sqlite::ListCache>()),
      change_mark_(std::make_unique<sqlite::ChangeWatch>()),
      owned_(std::make_unique<OwnerNamesCache>()),
      register_cache_(std::make_unique<RegisterCache>()) {}

SqliteStore::~SqliteStore() = default;

Result<ImportReport> SqliteStore::Import(const ImportBatch& batch,
                                         const AuditOf<ImportReport>& audit) {
  if (Status valid = CheckImportBatch(batch); !valid) return valid.error();
  return Guarded([&]() -> Result<ImportReport> {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    std::map<sqlite::Id, InputChange> changes;
    ImportReport report = sqlite::WriteImportBatch(*db_, lists_->statements, batch, changes);
    // Update the register of every group whose meetings changed.
    for (const auto& [group, change] : changes) sqlite::UpdateRegister(*db_, group, change, *register_cache_);
    sqlite::RefreshStaleAttendance(*db_, WrittenGroups(changes, batch, [&](const std::string& name) {
                                     auto g = sqlite::FindGroup(*db_, name);
                                     return g ? std::optional<sqlite::Id>(g->id) : std::nullopt;
                                   }));
    for (const WorkPlan& plan : batch.workplans) {
      auto outcome = sqlite::SaveWorkPlan(*db_, plan);
      if (!outcome.ok()) return outcome.error();
      report.workplans.push_back({plan.group, *outcome});
    }
    if (audit) sqlite::InsertAudit(*db_, audit(report));
    transaction.commit();
    return report;
  });
}

Result<std::optional<Roster>> SqliteStore::FindRoster(const std::string& group) {
  return Guarded([&]() -> Result<std::optional<Roster>> {
    SQLite::Transaction transaction(*db_);
    std::optional<sqlite::GroupRow> row = sqlite::FindGroup(*db_, *lists_, group);
    std::optional<Roster> roster;
    if (row && row->has_roster) {
      lists_->Check(*db_);
      auto cached = lists_->rosters.find(row->id);
      if (cached == lists_->rosters.end())
        cached = lists_->rosters.emplace(row->id, sqlite::LoadRoster(*db_, row->id)).first;
      roster = cached->second;
    }
    transaction.commit();
    return roster;
  });
}

namespace {

// The plan of `group` when it has a roster (a plan needs one).
std::optional<WorkPlan> StoredWorkPlan(SQLite::Database& db, const std::string& group) {
  std::optional<sqlite::GroupRow> row = sqlite::FindGroup(db, group);
  if (!row || !row->has_roster) return std::nullopt;
  return sqlite::LoadWorkPlan(db, row->id, sqlite::LoadRoster(db, row->id).group.short_name);
}

}  // namespace

Result<std::optional<WorkPlan>> SqliteStore::FindWorkPlan(const std::string& group) {
  return Guarded([&]() -> Result<std::optional<WorkPlan>> {
    SQLite::Transaction transaction(*db_);
    std::optional<WorkPlan> plan = StoredWorkPlan(*db_, group);
    transaction.commit();
    return plan;
  });
}

Result<WorkPlanTask> SqliteStore::EditTask(const std::string& group, const std::string& label,
                                           const WorkPlanTask& task,
                                           const AuditOf<WorkPlanTask>& audit) {
  return Guarded([&]() -> Result<WorkPlanTask> {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    auto plan = PlanWithTask(StoredWorkPlan(*db_, group), group, label, task);
    if (!plan.ok()) return plan.error();
    if (auto saved = sqlite::SaveWorkPlan(*db_, *plan); !saved.ok()) return saved.error();
    if (audit) sqlite::InsertAudit(*db_, audit(task));
    transaction.commit();
    return task;
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

Result<ListPage<RegisteredAction>> SqliteStore::ActionPage(const ActionListQuery& query,
                                                           const PageRequest& page) {
  if (query.owner && FindInvalidUtf8(*query.owner) != std::string::npos)
    return Error::InvalidInput("owner: not valid UTF-8");
  if (query.overdue_as_of && !query.overdue_as_of->ok())
    return Error::InvalidInput("overdue: not a date");
  auto after = ParseCursor(page.cursor);
  if (!after.ok()) return after.error();
  return Guarded([&]() -> Result<ListPage<RegisteredAction>> {
    SQLite::Transaction transaction(*db_);
    auto items = sqlite::LoadActionPage(*db_, *lists_, query, page, *after);
    transaction.commit();
    return items;
  });
}

Result<ListPage<Meeting>> SqliteStore::MeetingPage(const MeetingListQuery& query,
                                                   const PageRequest& page) {
  auto after = ParseCursor(page.cursor);
  if (!after.ok()) return after.error();
  return Guarded([&]() -> Result<ListPage<Meeting>> {
    SQLite::Transaction transaction(*db_);
    auto meetings = sqlite::LoadMeetingPage(*db_, *lists_, query, page, *after);
    transaction.commit();
    return meetings;
  });
}

Result<ListPage<RegisteredDecision>> SqliteStore::DecisionPage(const std::string& group,
                                                               const PageRequest& page) {
  auto after = ParseCursor(page.cursor);
  if (!after.ok()) return after.error();
  return Guarded([&]() -> Result<ListPage<RegisteredDecision>> {
    SQLite::Transaction transaction(*db_);
    auto decisions = sqlite::LoadDecisionPage(*db_, *lists_, group, page, *after);
    transaction.commit();
    return decisions;
  });
}

Result<ListPage<MeetingAttendance>> SqliteStore::AttendancePage(const MeetingListQuery& query,
                                                                const PageRequest& page) {
  auto after = ParseCursor(page.cursor);
  if (!after.ok()) return after.error();
  return Guarded([&]() -> Result<ListPage<MeetingAttendance>> {
    SQLite::Transaction transaction(*db_);
    auto log = sqlite::LoadAttendancePage(*db_, *lists_, query, page, *after);
    transaction.commit();
    return log;
  });
}

Result<std::vector<GroupSummary>> SqliteStore::GroupSummaries() {
  return Guarded([&]() -> Result<std::vector<GroupSummary>> {
    SQLite::Transaction transaction(*db_);
    auto groups = sqlite::LoadGroupSummaries(*db_, *lists_);
    transaction.commit();
    return groups;
  });
}

Result<ListPage<RegisteredAction>> SqliteStore::OwnedActionPage(const OwnedActionQuery& query,
                                                                const PageRequest& page) {
  auto after = OwnedPageAfter(query, page);
  if (!after.ok()) return after.error();
  return Guarded([&]() -> Result<ListPage<RegisteredAction>> {
    SQLite::Transaction transaction(*db_);
    auto items = sqlite::LoadOwnedActionPage(*db_, *lists_, *owned_, query, page, *after);
    transaction.commit();
    return items;
  });
}

Result<std::vector<std::string>> SqliteStore::OwnerNames(const std::string& group) {
  return Guarded([&]() -> Result<std::vector<std::string>> {
    SQLite::Transaction transaction(*db_);
    auto names = sqlite::LoadOwnerNames(*db_, *lists_, group);
    transaction.commit();
    return names;
  });
}

Result<std::vector<MeetingKey>> SqliteStore::MeetingKeys(const std::string& group) {
  return Guarded([&]() -> Result<std::vector<MeetingKey>> {
    SQLite::Transaction transaction(*db_);
    auto keys = sqlite::LoadMeetingKeys(*db_, *lists_, group);
    transaction.commit();
    return keys;
  });
}

Result<RegisteredAction> SqliteStore::Action(std::int64_t id) {
  return Guarded([&]() -> Result<RegisteredAction> {
    SQLite::Transaction transaction(*db_);
    auto item = sqlite::LoadRegisterItem(*db_, id, &lists_->statements);
    transaction.commit();
    if (!item) return Error::NotFound(fmt::format("no action item #{}", id));
    return std::move(*item);
  });
}

Result<RegisteredAction> SqliteStore::EditAction(std::int64_t id, const ActionEdit& edit,
                                                 const AuditOf<RegisteredAction>& audit) {
  return Guarded([&]() -> Result<RegisteredAction> {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    auto anchor = sqlite::FindItemAnchor(*db_, id);
    if (!anchor) return Error::NotFound(fmt::format("no action item #{}", id));
    if (anchor->merged_into)
      return Error::Conflict(
          fmt::format("#{} was merged into #{}; change that one", id, anchor->merged_into));
    sqlite::RecordEvent(*db_, *anchor, nullptr, edit, *register_cache_);
    auto item = sqlite::LoadRegisterItem(*db_, id);
    if (!item) return Error::Internal(fmt::format("#{} vanished in the replay", id));
    if (audit) sqlite::InsertAudit(*db_, audit(*item));
    transaction.commit();
    return std::move(*item);
  });
}

Status SqliteStore::MergeActions(std::int64_t into, std::int64_t from, const ActionEdit& by,
                                 const AuditOf<RegisteredAction>& audit) {
  auto result = Guarded([&]() -> Result<bool> {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    auto a = sqlite::FindItemAnchor(*db_, into);
    auto b = sqlite::FindItemAnchor(*db_, from);
    if (!a || !b) return Error::NotFound(fmt::format("no action item #{}", a ? from : into));
    if (into == from) return Error::Conflict("an item cannot be merged into itself");
    if (a->group_id != b->group_id)
      return Error::Conflict("items of different groups cannot be merged");
    if (a->merged_into || b->merged_into)
      return Error::Conflict(fmt::format("#{} is already merged", a->merged_into ? into : from));
    sqlite::RecordEvent(*db_, *a, &*b, by, *register_cache_);
    if (Status s = AuditItem(*db_, from, audit); !s) return s.error();
    transaction.commit();
    return true;
  });
  if (!result.ok()) return result.error();
  return Status::Ok();
}

Status SqliteStore::UnmergeAction(std::int64_t from, const AuditOf<RegisteredAction>& audit) {
  auto result = Guarded([&]() -> Result<bool> {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    auto b = sqlite::FindItemAnchor(*db_, from);
    if (!b) return Error::NotFound(fmt::format("no action item #{}", from));
    if (!b->merged_into || !sqlite::DeleteMergeEvent(*db_, *b, *register_cache_))
      return Error::Conflict(fmt::format("#{} is not merged into another item", from));
    if (Status s = AuditItem(*db_, from, audit); !s) return s.error();
    transaction.commit();
    return true;
  });
  if (!result.ok()) return result.error();
  return Status::Ok();
}

Result<std::vector<DuplicatePair>> SqliteStore::Duplicates() {
  return Guarded([&]() -> Result<std::vector<DuplicatePair>> {
    SQLite::Transaction transaction(*db_);
    auto pairs = sqlite::FindRegisterDuplicates(*db_);
    transaction.commit();
    return pairs;
  });
}

Result<std::vector<RegisterNotice>> SqliteStore::Notices() {
  return Guarded([&]() -> Result<std::vector<RegisterNotice>> {
    SQLite::Transaction transaction(*db_);
    auto notices = sqlite::LoadRegisterNotices(*db_);
    transaction.commit();
    return notices;
  });
}

Result<std::string> SqliteStore::ChangeMark() {
  return Guarded([&]() -> Result<std::string> { return change_mark_->Mark(*db_); });
}

Result<Snapshot> SqliteStore::Export() {
  return Guarded([&]() -> Result<Snapshot> {
    SQLite::Transaction transaction(*db_);
    Snapshot snapshot = sqlite::ReadSnapshot(*db_);
    transaction.commit();
    return snapshot;
  });
}

Status SqliteStore::Restore(const Snapshot& snapshot) {
  if (Status valid = CheckSnapshot(snapshot); !valid) return valid;
  auto result = Guarded([&]() -> Result<bool> {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement any(*db_, "SELECT 1 FROM groups UNION ALL SELECT 1 FROM users LIMIT 1");
    if (any.executeStep()) return Error::Conflict("the target store is not empty");
    sqlite::WriteSnapshot(*db_, snapshot);
    sqlite::RebuildSearchIndex(*db_);
    sqlite::FillItemWords(*db_);
    sqlite::RefreshStaleAttendance(*db_);
    transaction.commit();
    return true;
  });
  if (!result.ok()) return result.error();
  return Status::Ok();
}

}  // namespace plenary
