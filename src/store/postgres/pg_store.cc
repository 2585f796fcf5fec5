#include "store/postgres/pg_store.h"

#include <fmt/format.h>

#include <pqxx/pqxx>
#include <set>
#include <utility>

#include "core/text.h"
#include "store/batch_checks.h"
#include "store/postgres/pg_attendance.h"
#include "store/postgres/pg_database.h"
#include "store/postgres/pg_import.h"
#include "store/postgres/pg_lists.h"
#include "store/postgres/pg_queries.h"
#include "store/postgres/pg_register.h"
#include "store/postgres/pg_search.h"
#include "store/postgres/pg_site.h"
#include "store/postgres/pg_snapshot.h"
#include "store/postgres/pg_workplan.h"
#include "store/snapshot_tables.h"
#include "store/workplan_rows.h"

namespace plenary {

namespace {

// Records the audit entries of a change to item `id`, from the item as the
// change left it, in the change's transaction.
Status AuditItem(pqxx::transaction_base& tx, std::int64_t id,
                 const AuditOf<RegisteredAction>& audit) {
  if (!audit) return Status::Ok();
  auto item = pg::LoadRegisterItem(tx, id);
  if (!item) return Error::Internal(fmt::format("#{} vanished in the replay", id));
  pg::InsertAudit(tx, audit(*item));
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const std::string& url) {
  Result<std::unique_ptr<pg::Database>> db = pg::Database::Open(url);
  if (!db) return db.error();
  // After an upgrade, replay the register of meetings stored before it.
  Result<bool> replayed = (*db)->Write<bool>([](pqxx::transaction_base& tx) -> Result<bool> {
    const bool rebuilt = pg::RebuildStaleRegisters(tx);
    return pg::RefreshStaleAttendance(tx) || rebuilt;
  });
  if (!replayed) return replayed.error();
  return std::unique_ptr<PostgresStore>(new PostgresStore(std::move(db).value()));
}

PostgresStore::PostgresStore(std::unique_ptr<pg::Database> db)
    : db_(std::move(db)),
      register_cache_(std::make_unique<RegisterCache>()),
      owned_(std::make_unique<OwnerNamesCache>()),
      totals_(std::make_unique<pg::ActionTotals>()) {}

PostgresStore::~PostgresStore() = default;

int PostgresStore::retries() const { return db_->retries(); }

Result<ImportReport> PostgresStore::Import(const ImportBatch& batch,
                                           const AuditOf<ImportReport>& audit) {
  if (Status valid = CheckImportBatch(batch); !valid) return valid.error();
  return db_->Write<ImportReport>([&](pqxx::transaction_base& tx) -> Result<ImportReport> {
    std::map<pg::Id, InputChange> changes;
    ImportReport report = pg::WriteImportBatch(tx, batch, changes);
    for (const auto& [group, change] : changes) pg::UpdateRegister(tx, group, change, *register_cache_);
    pg::RefreshStaleAttendance(tx, WrittenGroups(changes, batch, [&](const std::string& name) {
                                 auto g = pg::FindGroup(tx, name);
                                 return g ? std::optional<pg::Id>(g->id) : std::nullopt;
                               }));
    for (const WorkPlan& plan : batch.workplans) {
      auto outcome = pg::SaveWorkPlan(tx, plan);
      if (!outcome.ok()) return outcome.error();
      report.workplans.push_back({plan.group, *outcome});
    }
    if (audit) pg::InsertAudit(tx, audit(report));
    return report;
  });
}

Result<std::optional<Roster>> PostgresStore::FindRoster(const std::string& group) {
  return db_->Read<std::optional<Roster>>([&](pqxx::transaction_base& tx) {
    std::optional<pg::GroupRow> row = pg::FindGroup(tx, group);
    std::optional<Roster> roster;
    if (row && row->has_roster) roster = pg::LoadRoster(tx, row->id);
    return Result<std::optional<Roster>>(std::move(roster));
  });
}

namespace {

// The plan of `group` when it has a roster (a plan needs one).
std::optional<WorkPlan> StoredWorkPlan(pqxx::transaction_base& tx, const std::string& group) {
  std::optional<pg::GroupRow> row = pg::FindGroup(tx, group);
  if (!row || !row->has_roster) return std::nullopt;
  return pg::LoadWorkPlan(tx, row->id, pg::LoadRoster(tx, row->id).group.short_name);
}

}  // namespace

Result<std::optional<WorkPlan>> PostgresStore::FindWorkPlan(const std::string& group) {
  return db_->Read<std::optional<WorkPlan>>([&](pqxx::transaction_base& tx) {
    return Result<std::optional<WorkPlan>>(StoredWorkPlan(tx, group));
  });
}

Result<WorkPlanTask> PostgresStore::EditTask(const std::string& group, const std::string& label,
                                             const WorkPlanTask& task,
                                             const AuditOf<WorkPlanTask>& audit) {
  return db_->Write<WorkPlanTask>([&](pqxx::transaction_base& tx) -> Result<WorkPlanTask> {
    auto plan = PlanWithTask(StoredWorkPlan(tx, group), group, label, task);
    if (!plan.ok()) return plan.error();
    if (auto saved = pg::SaveWorkPlan(tx, *plan); !saved.ok()) return saved.error();
    if (audit) pg::InsertAudit(tx, audit(task));
    return task;
  });
}

Result<std::vector<Roster>> PostgresStore::Rosters() {
  return db_->Read<std::vector<Roster>>(
      [](pqxx::transaction_base& tx) { return Result<std::vector<Roster>>(pg::LoadRosters(tx)); });
}

Result<std::vector<Meeting>> PostgresStore::Meetings() {
  return db_->Read<std::vector<Meeting>>([](pqxx::transaction_base& tx) {
    return Result<std::vector<Meeting>>(pg::LoadMeetings(tx));
  });
}

Result<std::vector<RegisteredAction>> PostgresStore::Actions(const ActionQuery& query) {
  if (query.owner && FindInvalidUtf8(*query.owner) != std::string::npos)
    return Error::InvalidInput("owner: not valid UTF-8");
  if (query.overdue_as_of && !query.overdue_as_of->ok())
    return Error::InvalidInput("overdue: not a date");
  return db_->Read<std::vector<RegisteredAction>>([&](pqxx::transaction_base& tx) {
    std::vector<RegisteredAction> rows = pg::LoadRegisterItems(tx, query);
    if (query.owner) rows = FilterByOwner(std::move(rows), pg::LoadRosters(tx), *query.owner);
    return Result<std::vector<RegisteredAction>>(std::move(rows));
  });
}

Result<std::vector<RegisteredDecision>> PostgresStore::Decisions() {
  return db_->Read<std::vector<RegisteredDecision>>([](pqxx::transaction_base& tx) {
    return Result<std::vector<RegisteredDecision>>(pg::LoadDecisions(tx));
  });
}

Result<ListPage<RegisteredAction>> PostgresStore::ActionPage(const ActionListQuery& query,
                                                             const PageRequest& page) {
  if (query.owner && FindInvalidUtf8(*query.owner) != std::string::npos)
    return Error::InvalidInput("owner: not valid UTF-8");
  if (query.overdue_as_of && !query.overdue_as_of->ok())
    return Error::InvalidInput("overdue: not a date");
  auto after = ParseCursor(page.cursor);
  if (!after.ok()) return after.error();
  return db_->Read<ListPage<RegisteredAction>>([&](pqxx::transaction_base& tx) {
    return Result<ListPage<RegisteredAction>>(
        pg::LoadActionPage(tx, *totals_, query, page, *after));
  });
}

Result<ListPage<Meeting>> PostgresStore::MeetingPage(const MeetingListQuery& query,
                                                     const PageRequest& page) {
  auto after = ParseCursor(page.cursor);
  if (!after.ok()) return after.error();
  return db_->Read<ListPage<Meeting>>([&](pqxx::transaction_base& tx) {
    return Result<ListPage<Meeting>>(pg::LoadMeetingPage(tx, query, page, *after));
  });
}

Result<ListPage<MeetingAttendance>> PostgresStore::AttendancePage(const MeetingListQuery& query,
                                                                  const PageRequest& page) {
  auto after = ParseCursor(page.cursor);
  if (!after.ok()) return after.error();
  return db_->Read<ListPage<MeetingAttendance>>([&](pqxx::transaction_base& tx) {
    return Result<ListPage<MeetingAttendance>>(pg::LoadAttendancePage(tx, query, page, *after));
  });
}

Result<ListPage<RegisteredDecision>> PostgresStore::DecisionPage(const std::string& group,
                                                                 const PageRequest& page) {
  auto after = ParseCursor(page.cursor);
  if (!after.ok()) return after.error();
  return db_->Read<ListPage<RegisteredDecision>>([&](pqxx::transaction_base& tx) {
    return Result<ListPage<RegisteredDecision>>(pg::LoadDecisionPage(tx, group, page, *after));
  });
}

Result<std::vector<GroupSummary>> PostgresStore::GroupSummaries() {
  return db_->Read<std::vector<GroupSummary>>([](pqxx::transaction_base& tx) {
    return Result<std::vector<GroupSummary>>(pg::LoadGroupSummaries(tx));
  });
}

Result<std::vector<MeetingKey>> PostgresStore::MeetingKeys(const std::string& group) {
  return db_->Read<std::vector<MeetingKey>>([&](pqxx::transaction_base& tx) {
    return Result<std::vector<MeetingKey>>(pg::LoadMeetingKeys(tx, group));
  });
}

Result<ListPage<RegisteredAction>> PostgresStore::OwnedActionPage(const OwnedActionQuery& query,
                                                                  const PageRequest& page) {
  auto after = OwnedPageAfter(query, page);
  if (!after.ok()) return after.error();
  return db_->Read<ListPage<RegisteredAction>>([&](pqxx::transaction_base& tx) {
    return Result<ListPage<RegisteredAction>>(
        pg::LoadOwnedActionPage(tx, *owned_, query, page, *after));
  });
}

Result<std::vector<std::string>> PostgresStore::OwnerNames(const std::string& group) {
  return db_->Read<std::vector<std::string>>([&](pqxx::transaction_base& tx) {
    return Result<std::vector<std::string>>(pg::LoadOwnerNames(tx, group));
  });
}

Result<RegisteredAction> PostgresStore::Action(std::int64_t id) {
  return db_->Read<RegisteredAction>([&](pqxx::transaction_base& tx) -> Result<RegisteredAction> {
    auto item = pg::LoadRegisterItem(tx, id);
    if (!item) return Error::NotFound(fmt::format("no action item #{}", id));
    return std::move(*item);
  });
}

Result<RegisteredAction> PostgresStore::EditAction(std::int64_t id, const ActionEdit& edit,
                                                   const AuditOf<RegisteredAction>& audit) {
  return db_->Write<RegisteredAction>([&](pqxx::transaction_base& tx) -> Result<RegisteredAction> {
    auto anchor = pg::FindItemAnchor(tx, id);
    if (!anchor) return Error::NotFound(fmt::format("no action item #{}", id));
    if (anchor->merged_into)
      return Error::Conflict(
          fmt::format("#{} was merged into #{}; change that one", id, anchor->merged_into));
    pg::RecordEvent(tx, *anchor, nullptr, edit, *register_cache_);
    auto item = pg::LoadRegisterItem(tx, id);
    if (!item) return Error::Internal(fmt::format("#{} vanished in the replay", id));
    if (audit) pg::InsertAudit(tx, audit(*item));
    return std::move(*item);
  });
}

Status PostgresStore::MergeActions(std::int64_t into, std::int64_t from, const ActionEdit& by,
                                   const AuditOf<RegisteredAction>& audit) {
  auto result = db_->Write<bool>([&](pqxx::transaction_base& tx) -> Result<bool> {
    auto a = pg::FindItemAnchor(tx, into);
    auto b = pg::FindItemAnchor(tx, from);
    if (!a || !b) return Error::NotFound(fmt::format("no action item #{}", a ? from : into));
    if (into == from) return Error::Conflict("an item cannot be merged into itself");
    if (a->group_id != b->group_id)
      return Error::Conflict("items of different groups cannot be merged");
    if (a->merged_into || b->merged_into)
      return Error::Conflict(fmt::format("#{} is already merged", a->merged_into ? into : from));
    pg::RecordEvent(tx, *a, &*b, by, *register_cache_);
    if (Status s = AuditItem(tx, from, audit); !s) return s.error();
    return true;
  });
  if (!result.ok()) return result.error();
  return Status::Ok();
}

Status PostgresStore::UnmergeAction(std::int64_t from, const AuditOf<RegisteredAction>& audit) {
  auto result = db_->Write<bool>([&](pqxx::transaction_base& tx) -> Result<bool> {
    auto b = pg::FindItemAnchor(tx, from);
    if (!b) return Error::NotFound(fmt::format("no action item #{}", from));
    if (!b->merged_into || !pg::DeleteMergeEvent(tx, *b, *register_cache_))
      return Error::Conflict(fmt::format("#{} is not merged into another item", from));
    if (Status s = AuditItem(tx, from, audit); !s) return s.error();
    return true;
  });
  if (!result.ok()) return result.error();
  return Status::Ok();
}

Result<std::vector<DuplicatePair>> PostgresStore::Duplicates() {
  return db_->Read<std::vector<DuplicatePair>>([](pqxx::transaction_base& tx) {
    return Result<std::vector<DuplicatePair>>(
        DuplicatesAmong(pg::LoadRegisterItems(tx, ActionQuery{true, std::nullopt, std::nullopt})));
  });
}

Result<std::vector<RegisterNotice>> PostgresStore::Notices() {
  return db_->Read<std::vector<RegisterNotice>>([](pqxx::transaction_base& tx) {
    return Result<std::vector<RegisterNotice>>(pg::LoadRegisterNotices(tx));
  });
}

Result<Snapshot> PostgresStore::Export() {
  return db_->Read<Snapshot>(
      [](pqxx::transaction_base& tx) { return Result<Snapshot>(pg::ReadSnapshot(tx)); });
}

Result<std::string> PostgresStore::ChangeMark() { return db_->CurrentSnapshot(); }

Status PostgresStore::Restore(const Snapshot& snapshot) {
  if (Status valid = CheckSnapshot(snapshot); !valid) return valid;
  auto result = db_->Write<bool>([&](pqxx::transaction_base& tx) -> Result<bool> {
    if (!tx.exec("SELECT 1 FROM groups UNION ALL SELECT 1 FROM users LIMIT 1").empty())
      return Error::Conflict("the target store is not empty");
    pg::WriteSnapshot(tx, snapshot);
    pg::RebuildSearchIndex(tx);
    pg::FillItemWords(tx);
    pg::RefreshStaleAttendance(tx);
    return true;
  });
  if (!result.ok()) return result.error();
  return Status::Ok();
}

}  // namespace plenary
