// The PostgreSQL back end of Store: one database on a PostgreSQL server (15),
// through libpqxx, for a secretariat with many groups, many staff writing at
// once and the web tier on several machines.
//
// Schema and migrations: pg_migrations.h. The contract and its details are
// those of SqliteStore (sqlite_store.h); the shared suite
// (src/store/store_contract_test.cc) holds both to it.
//
// Concurrency. Every write (Import, EditAction, MergeActions, UnmergeAction)
// runs in one SERIALIZABLE transaction. A write rebuilds its group's whole
// register from every meeting's mentions and every manual event, so two
// writers of the same group read what the other writes: under serializable
// snapshot isolation one of them fails with a serialization failure (or a
// deadlock, or a unique violation reported as one) instead of overwriting the
// other's rebuild, and is retried from the start, up to pg::Database::kWriteAttempts times
// with a growing, jittered pause. The retry sees the other's commit, so no
// import or edit is lost and the register always equals a replay of
// everything committed. SERIALIZABLE was chosen over a per-group advisory lock
// with REPEATABLE READ because a write's groups are only known after reading
// (an edit names an item, not a group), the register counter is shared by all
// groups, and a lock taken inside a REPEATABLE READ transaction comes after
// its snapshot, so it would not protect the rebuild; SSI protects every
// statement without the code having to name what it touches. Reads run in
// REPEATABLE READ READ ONLY transactions: one consistent snapshot per call.
//
// Errors. Every failure is Error::Storage prefixed with the URL with its
// password redacted (store_url.h); no exception leaves this class. After
// pg::Database::kWriteAttempts serialization failures a write fails with Error::Conflict.
//
// Not thread-safe: one PostgresStore (one connection) per thread.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "plenary/store.h"

namespace plenary {

class RegisterCache;
class OwnerNamesCache;
namespace pg {
class Database;
class ActionTotals;
}  // namespace pg

class PostgresStore final : public Store {
 public:
  // Connects to the database `url` names (postgresql://user[:password]@host
  // [:port]/dbname[?param=value...], libpq's URI syntax) and migrates it to
  // the current schema. Error::Storage when the server cannot be reached, the
  // database is not a plenary database, or is newer than this plenary.
  static Result<std::unique_ptr<PostgresStore>> Open(const std::string& url);

  ~PostgresStore() override;
  PostgresStore(const PostgresStore&) = delete;
  PostgresStore& operator=(const PostgresStore&) = delete;

  Result<ImportReport> Import(const ImportBatch& batch,
                              const AuditOf<ImportReport>& audit = nullptr) override;
  Result<std::optional<Roster>> FindRoster(const std::string& group) override;
  Result<std::vector<Roster>> Rosters() override;
  Result<std::optional<WorkPlan>> FindWorkPlan(const std::string& group) override;
  Result<WorkPlanTask> EditTask(const std::string& group, const std::string& label,
                                const WorkPlanTask& task,
                                const AuditOf<WorkPlanTask>& audit = nullptr) override;
  Result<std::vector<Meeting>> Meetings() override;
  Result<std::vector<RegisteredAction>> Actions(const ActionQuery& query) override;
  Result<std::vector<RegisteredDecision>> Decisions() override;
  Result<ListPage<RegisteredAction>> ActionPage(const ActionListQuery& query,
                                                const PageRequest& page) override;
  Result<ListPage<Meeting>> MeetingPage(const MeetingListQuery& query,
                                        const PageRequest& page) override;
  Result<ListPage<MeetingAttendance>> AttendancePage(const MeetingListQuery& query,
                                                     const PageRequest& page) override;
  Result<ListPage<RegisteredDecision>> DecisionPage(const std::string& group,
                                                    const PageRequest& page) override;
  Result<std::vector<GroupSummary>> GroupSummaries() override;
  Result<std::vector<std::string>> OwnerNames(const std::string& group) override;
  Result<std::vector<MeetingKey>> MeetingKeys(const std::string& group) override;
  Result<ListPage<RegisteredAction>> OwnedActionPage(const OwnedActionQuery& query,
                                                     const PageRequest& page) override;
  Result<RegisteredAction> Action(std::int64_t id) override;
  Result<RegisteredAction> EditAction(std::int64_t id, const ActionEdit& edit,
                                      const AuditOf<RegisteredAction>& audit = nullptr) override;
  Status MergeActions(std::int64_t into, std::int64_t from, const ActionEdit& by,
                      const AuditOf<RegisteredAction>& audit = nullptr) override;
  Status UnmergeAction(std::int64_t from,
                       const AuditOf<RegisteredAction>& audit = nullptr) override;
  Result<std::vector<DuplicatePair>> Duplicates() override;
  Result<std::vector<RegisterNotice>> Notices() override;
  Result<Snapshot> Export() override;
  Status Restore(const Snapshot& snapshot) override;
  Result<std::string> ChangeMark() override;

  // How many write transactions were retried after a serialization failure
  // since Open (for tests and the benchmark).
  int retries() const;

 private:
  explicit PostgresStore(std::unique_ptr<pg::Database> db);

  std::unique_ptr<pg::Database> db_;
  std::unique_ptr<RegisterCache> register_cache_;  // the register this store wrote last
  std::unique_ptr<OwnerNamesCache> owned_;          // "My items": owner names per group
  std::unique_ptr<pg::ActionTotals> totals_;        // action lists' totals per register state
};

}  // namespace plenary
