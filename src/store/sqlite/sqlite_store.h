// The SQLite back end of Store: the whole register in one database file.
//
// Schema and its migrations: migrations.h. The file is opened in WAL mode
// (synchronous=NORMAL) with foreign keys enforced, SQLITE_DBCONFIG_DEFENSIVE
// on, and a 5 s busy timeout, so several plenary processes may share it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "plenary/store.h"

namespace SQLite {
class Database;
}  // namespace SQLite

namespace plenary {

class RegisterCache;
class OwnerNamesCache;

namespace sqlite {
class ListCache;
class ChangeWatch;
// Opens, creating if needed, the database at `path` with the settings above and
// migrates it to the current schema (SqliteStore::Open's errors).
Result<std::unique_ptr<SQLite::Database>> OpenDatabase(const std::string& path);
}  // namespace sqlite

// Beyond Store's contract:
//
// Import
//  - Validates the batch before writing: Error::InvalidInput for an empty group
//    name, a roster naming one person twice, or a date that is not a real day
//    in years 1900..2999 or a time outside 00:00..23:59.
//  - A batch naming the same MeetingKey twice applies only the later meeting
//    (the same notes given twice, edited in between). The report lists each key
//    once, in the order of those later occurrences.
//  - The roster is kCreated the first time one is saved for its group,
//    kUnchanged when equal (operator==) to the stored one, otherwise kUpdated:
//    the group's full name and active period are updated and its people and
//    aliases replaced.
//  - A meeting of a group without a roster creates the group by its short name
//    alone; FindRoster and Rosters do not show it until a roster is imported.
//  - A kUpdated meeting keeps its id; its action items at positions that still
//    exist keep their ids, extra ones are added and leftover ones deleted.
//    Participants, agenda and decisions are replaced (decision ids change).
// Queries
//  - Meetings and groups come back with the group's short name as stored, which
//    may differ in case from the one a later import used.
//  - Actions and Decisions are in register order: meeting date, then meeting
//    id (import order), then position in the notes. Error::InvalidInput when
//    ActionQuery::owner is not valid UTF-8 or overdue_as_of is not ok().
// Errors
//  - Every SQLite failure is Error::Storage, prefixed with the file's path;
//    no exception leaves this class. A failed Import changes nothing.
//
// Not thread-safe: use one SqliteStore per thread.
class SqliteStore final : public Store {
 public:
  // Opens, creating if needed, the database at `path` and migrates it to the
  // current schema. Error::Storage when it cannot be opened, is not a plenary
  // database, or was written by a newer plenary (it is then left untouched).
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path);

  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

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

 private:
  SqliteStore(std::string path, std::unique_ptr<SQLite::Database> db);

  template <typename Body>
  auto Guarded(Body&& body) -> decltype(body());

  std::string path_;
  std::unique_ptr<SQLite::Database> db_;
  std::unique_ptr<sqlite::ListCache> lists_;
  std::unique_ptr<sqlite::ChangeWatch> change_mark_;  // its own statement, for ChangeMark
  std::unique_ptr<OwnerNamesCache> owned_;
  std::unique_ptr<RegisterCache> register_cache_;  // the register this store wrote last
};

}  // namespace plenary
