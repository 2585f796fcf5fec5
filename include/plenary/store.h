// Where the registers live. One interface; each back end (SQLite now,
// PostgreSQL) implements it with its own schema and numbered migrations.
// One suite (src/store/store_contract_test.cc) holds every back end to this
// contract.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "plenary/model.h"
#include "plenary/result.h"

namespace plenary {

// What the notes were read from, kept with the meeting so that re-importing an
// unchanged file can be recognised and skipped.
struct NotesSource {
  std::string name;    // file name as given on the command line
  std::string sha256;  // hex digest of the bytes read
};

struct MeetingImport {
  Meeting meeting;
  NotesSource source;
};

// Everything one `plenary import` writes. Applied in one transaction: all of
// it, or nothing.
struct ImportBatch {
  std::optional<Roster> roster;
  std::vector<MeetingImport> meetings;
  // Work plans (doc/workplan-format.md), each replacing its group's whole
  // plan; written after the roster and the meetings, so that they may name
  // the roster's people and the register's items.
  std::vector<WorkPlan> workplans;
};

enum class ImportOutcome { kCreated, kUpdated, kUnchanged };

// "created", "updated" or "unchanged", as the CLI, the API and the audit log write it.
std::string_view ImportOutcomeName(ImportOutcome outcome);

struct MeetingImportReport {
  MeetingKey key;
  ImportOutcome outcome = ImportOutcome::kCreated;
};

struct WorkPlanImportReport {
  std::string group;  // as the plan names it
  ImportOutcome outcome = ImportOutcome::kCreated;
};

struct ImportReport {
  std::optional<ImportOutcome> roster;
  std::vector<MeetingImportReport> meetings;
  std::vector<WorkPlanImportReport> workplans;
};

struct ActionQuery {
  bool open_only = false;
  // Only items with this owner. Matched against owners' canonical names and,
  // through the group's roster, aliases and initials; case and diacritics are
  // ignored.
  std::optional<std::string> owner;
  // Only open items whose due date is before this date.
  std::optional<Date> overdue_as_of;
  // Only items of this group (short name, compared without regard to ASCII case).
  std::optional<std::string> group;
  // Each item with its history, as Action gives it: read for all the items
  // at once, where an Action per item is a round trip per item.
  bool with_history = false;
};

// Lists read a page at a time: filtered, sorted, counted and cut in the
// database, each query an index range scan (doc/performance.md). `cursor` is
// the opaque text a page gave as `next` (empty: the first page); without one,
// `offset` rows are skipped first (for pages that show page numbers).
// InvalidInput for a cursor this list did not give.
struct PageRequest {
  std::string cursor;
  std::size_t offset = 0;
  std::size_t limit = 50;
  bool newest_first = false;
};

template <typename T>
struct ListPage {
  std::vector<T> items;
  std::size_t total = 0;  // every row the filters keep, on every page
  std::string next;       // the next page's cursor; empty on the last page
};

// One group's register items, not merged ones, in register order (or, with
// soonest_due_first, by due date, undated last, then register order; no
// cursor then, offset only).
struct ActionListQuery {
  std::string group;                   // short name, without regard to ASCII case
  std::optional<ActionStatus> status;  // none: every status
  std::optional<std::string> owner;    // as ActionQuery::owner
  std::optional<Date> overdue_as_of;   // open items due before it
  std::optional<MeetingKey> meeting;   // items raised at it (kind, number; its group ignored)
  bool soonest_due_first = false;
  // Only the items a work plan may link (core/workplan.h: LinkItemsToTasks):
  // these ids (the plan's items linked by hand) and every item whose words
  // hold "[task" (ASCII case ignored). None: no such filter.
  std::optional<std::vector<std::int64_t>> work_plan_links;
  // Only the items whose text or status note holds every one of these words
  // (as typed; case and Latin diacritics ignored, words matched whole), found
  // through the search index as /search finds them. None, or text with no
  // word in it: no such filter.
  std::optional<std::string> words;
};

// "My items": the unmerged items `person` owns (ActionQuery::owner: each
// group's roster decides which owner names name them) in `groups`, in item
// id order (newest_first: reversed); a cursor is an item id.
struct OwnedActionQuery {
  std::string person;
  std::vector<std::string> groups;     // short names, without regard to ASCII case
  std::optional<ActionStatus> status;  // none: every status
};

// What a meeting list reads of each meeting: everything; its attendance
// (participants and remarks) and not its agenda, decisions or actions; or
// only what the meetings table holds (key, date, start, record, sub-team).
enum class MeetingParts { kEverything, kAttendance, kKeyOnly };

// One group's meetings, oldest first (date, kind, number); from/to bound
// their dates (inclusive).
struct MeetingListQuery {
  std::string group;
  std::optional<Date> from;
  std::optional<Date> to;
  MeetingParts parts = MeetingParts::kEverything;
};

// A group as lists show it, read without its meetings.
struct GroupSummary {
  Group group;              // short name as stored; only the name without a roster
  bool has_roster = false;
  std::size_t meetings = 0;
  std::optional<Date> last_meeting;
  std::size_t open_actions = 0;
};

// A change to an action item made by a person (`plenary actions done/set`).
struct ActionEdit {
  std::optional<ActionStatus> status;
  std::optional<std::optional<Date>> due;  // set; nullopt inside clears it
  std::optional<std::vector<Owner>> owners;
  std::string note;
  std::string who;  // who made it, for the history
  Date effective;   // the day it takes effect (today, for the CLI)
};

// Something the register could not decide by itself, for a person to look at
// (an ambiguous mention, a manual change whose item is gone).
struct RegisterNotice {
  std::string group;
  std::optional<MeetingKey> meeting;
  int line = 0;
  std::string message;
};

// A whole installation as rows, table by table, in a form every back end
// reads and writes alike (doc/schema.md lists the tables and columns): what
// `plenary export` prints and `plenary copy-db` moves. Values are NULL, an
// integer (ids, numbers, flags as 0/1) or text (dates "YYYY-MM-DD", times
// "YYYY-MM-DDTHH:MM:SSZ" UTC). Rows are in primary key order.
using SnapshotValue = std::variant<std::monostate, std::int64_t, std::string>;
struct SnapshotTable {
  std::string name;
  std::vector<std::string> columns;
  std::vector<std::vector<SnapshotValue>> rows;
};
struct Snapshot {
  std::vector<SnapshotTable> tables;  // in the order of store/snapshot_tables.h
};

// One change as the audit log records it: who, when, what, before and after.
// `before` and `after` are JSON texts (empty when there is nothing).
struct AuditEntry {
  std::int64_t id = 0;
  std::int64_t at_unix = 0;
  std::string who;     // login, or "cli:<os user>" for the command line
  std::string action;  // e.g. "action.edit", "import", "user.add"
  std::string group;   // may be empty for site-wide changes
  std::string target;  // e.g. "action/42", "meeting/SSR2/Plenary/15"
  std::string before;
  std::string after;
};

// The audit entries a write records, made from what it did (an import's
// report, the item as the change left it), and written in the write's own
// transaction: a change is never stored without its entries, nor an entry
// without its change (kill -9 at any moment). Called inside the transaction,
// possibly more than once when a PostgreSQL write is retried: it must only
// compute. An empty function records nothing.
template <typename Done>
using AuditOf = std::function<std::vector<AuditEntry>(const Done&)>;

class Store {
 public:
  virtual ~Store() = default;

  // Applies a whole import in one transaction: everything, or on any error
  // nothing. A meeting is identified by its MeetingKey (group compared without
  // regard to ASCII case): one already stored with the same source digest is
  // left untouched (kUnchanged); one with different content is replaced in
  // place, keeping its identity and the ids of items at the same positions
  // (kUpdated). A key given twice in one batch is an edited file given twice:
  // the later wins and the report names the key once. A meeting of a group
  // with no roster creates the group, with no roster. A work plan equal to
  // the stored one is kUnchanged; one whose group has no roster, or that
  // names what its roster or register lacks, fails the whole batch
  // (InvalidInput).
  virtual Result<ImportReport> Import(const ImportBatch& batch,
                                      const AuditOf<ImportReport>& audit = nullptr) = 0;

  // Rosters, by group short name (case-insensitive). NotFound is not an error
  // here: an absent roster is std::nullopt.
  virtual Result<std::optional<Roster>> FindRoster(const std::string& group) = 0;
  virtual Result<std::vector<Roster>> Rosters() = 0;

  // A group's work plan (case-insensitive short name); nullopt when it has
  // none.
  virtual Result<std::optional<WorkPlan>> FindWorkPlan(const std::string& group) = 0;
  // Replaces the task labelled `label` in `group`'s work plan with `task`
  // (its label must stay `label`) and returns it. NotFound when the group
  // has no such task; InvalidInput when the task breaks the plan's rules
  // (store/workplan_rows.h: a leader or person not on the roster, an item not
  // in the group's register, an end before the start, a changed label).
  virtual Result<WorkPlanTask> EditTask(const std::string& group, const std::string& label,
                                        const WorkPlanTask& task,
                                        const AuditOf<WorkPlanTask>& audit = nullptr) = 0;

  // Meetings, oldest first (date, then kind, then number).
  virtual Result<std::vector<Meeting>> Meetings() = 0;
  // Action items in register order: meeting date, then the order meetings were
  // first imported, then position in the notes. overdue_as_of implies open.
  virtual Result<std::vector<RegisteredAction>> Actions(const ActionQuery& query) = 0;
  // Decisions in the same order as actions.
  virtual Result<std::vector<RegisteredDecision>> Decisions() = 0;

  // Pages of one group's lists (PageRequest, ListPage above). A group that
  // does not exist has empty lists.
  virtual Result<ListPage<RegisteredAction>> ActionPage(const ActionListQuery& query,
                                                        const PageRequest& page) = 0;
  virtual Result<ListPage<Meeting>> MeetingPage(const MeetingListQuery& query,
                                                const PageRequest& page) = 0;
  // The attendance of the meetings MeetingPage gives for the same query and
  // page (its order, cursor and total; query.parts is ignored), as
  // AttendanceOf (core/attendance.h) computes it with the group's roster:
  // stored by every write that changes a meeting's names or the roster.
  virtual Result<ListPage<MeetingAttendance>> AttendancePage(const MeetingListQuery& query,
                                                             const PageRequest& page) = 0;
  // Decisions of `group` in the order of Decisions().
  virtual Result<ListPage<RegisteredDecision>> DecisionPage(const std::string& group,
                                                            const PageRequest& page) = 0;
  virtual Result<ListPage<RegisteredAction>> OwnedActionPage(const OwnedActionQuery& query,
                                                             const PageRequest& page) = 0;
  // Every group (with a roster or known from meetings), by short name.
  virtual Result<std::vector<GroupSummary>> GroupSummaries() = 0;
  // The names owning the group's items (not merged ones), sorted, each once.
  virtual Result<std::vector<std::string>> OwnerNames(const std::string& group) = 0;
  // The keys of the group's meetings, oldest first (MeetingPage's order).
  virtual Result<std::vector<MeetingKey>> MeetingKeys(const std::string& group) = 0;

  // The register (doc/register.md). Items are rebuilt from every meeting's
  // mentions and every manual change after each write, in the write's
  // transaction; ids are stable across rebuilds.

  // One item with its history; NotFound for an unknown id. A merged item is
  // returned too, with merged_into set.
  virtual Result<RegisteredAction> Action(std::int64_t id) = 0;
  // Records a manual change to item `id` and returns the item as it now is.
  // NotFound for an unknown id, Conflict for a merged item.
  virtual Result<RegisteredAction> EditAction(std::int64_t id, const ActionEdit& edit,
                                              const AuditOf<RegisteredAction>& audit = nullptr) = 0;
  // Folds item `from` into item `into` (both histories kept). Conflict when
  // they are the same, of different groups, or either is already merged.
  virtual Status MergeActions(std::int64_t into, std::int64_t from, const ActionEdit& by,
                              const AuditOf<RegisteredAction>& audit = nullptr) = 0;
  // Undoes the merge that folded `from` into another item: the register is
  // rebuilt as if it had never happened. Conflict when `from` is not merged.
  virtual Status UnmergeAction(std::int64_t from,
                               const AuditOf<RegisteredAction>& audit = nullptr) = 0;
  // Likely duplicate pairs among open items, best first.
  virtual Result<std::vector<DuplicatePair>> Duplicates() = 0;
  // What the last rebuilds could not decide.
  virtual Result<std::vector<RegisterNotice>> Notices() = 0;

  // Everything stored (groups, rosters, meetings with their sources, mentions,
  // register items, manual events, history, notices, the id counter, and the
  // site's users, grants, API tokens, public groups and audit log; not
  // sessions, nor the search index, which Restore rebuilds), in one
  // consistent read.
  virtual Result<Snapshot> Export() = 0;
  // Writes `snapshot` into this store, ids and all, in one transaction.
  // Error::Conflict when the store already holds a group or a user;
  // Error::InvalidInput
  // when the snapshot's tables or columns are not this plenary's.
  virtual Status Restore(const Snapshot& snapshot) = 0;

  // For caches kept outside the store (plenary serve's responses): a mark
  // that differs from the one this Store returned before whenever anything
  // may have been committed to its database since, to the registers or to
  // the site's tables, by this Store, another connection or another process
  // (`plenary import` beside `plenary serve`). An equal mark means nothing
  // was committed in between. Comparable only with marks of the same Store
  // object. SQLite: PRAGMA data_version and the connection's change count;
  // PostgreSQL: the server's current snapshot, which moves whenever a
  // transaction that wrote ends (in any database of the cluster: a mark may
  // change for nothing, never stay for a change).
  virtual Result<std::string> ChangeMark() = 0;
};

// Opens (creating if needed, and migrating to the current schema) the store
// named by `url`: "sqlite:PATH", or a bare PATH, which means SQLite;
// "postgresql://..." or "postgres://..." (libpq's URI syntax), which means the
// PostgreSQL database it names (it must exist; its tables are created).
// Messages never include a password the URL carries.
Result<std::unique_ptr<Store>> OpenStore(const std::string& url);

}  // namespace plenary
