#include "store/sqlite/migrations.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <exception>
#include <regex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "store/sqlite/sqlite_register.h"
#include "store/sqlite/sqlite_site.h"

namespace plenary {
namespace {

constexpr std::string_view kCreateSchemaMigrations = R"sql(
CREATE TABLE schema_migrations (
  version INTEGER PRIMARY KEY,
  description TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT;
)sql";

// Dates are ISO 8601 text ("YYYY-MM-DD"), which sorts chronologically; times
// are "HH:MM" UTC. Enumerations are stored by the names model.cc gives them.
// groups.roster_saved_at is NULL for a group known only from meetings' headers:
// it has no roster until one is imported. Meeting and action item ids are
// AUTOINCREMENT so that an id, once cited, never names something else.
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE groups (
  id INTEGER PRIMARY KEY,
  short_name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (short_name <> ''),
  full_name TEXT NOT NULL DEFAULT '',
  active_from TEXT CHECK (active_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  active_to TEXT CHECK (active_to GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  roster_saved_at TEXT
) STRICT;

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('member', 'staff', 'liaison', 'observer')),
  UNIQUE (group_id, name),
  UNIQUE (group_id, position)
) STRICT;

CREATE TABLE person_aliases (
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  alias TEXT NOT NULL,
  PRIMARY KEY (person_id, position)
) WITHOUT ROWID, STRICT;

CREATE TABLE meetings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  group_id INTEGER NOT NULL REFERENCES groups (id),
  kind TEXT NOT NULL,
  number INTEGER NOT NULL,
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  start_utc TEXT CHECK (start_utc GLOB '[0-2][0-9]:[0-5][0-9]'),
  record_url TEXT,
  source_name TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  UNIQUE (group_id, kind, number)
) STRICT;

CREATE INDEX meetings_by_date ON meetings (date, kind, number);

CREATE TABLE meeting_participants (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('attendee', 'staff', 'apology')),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (meeting_id, role, position)
) WITHOUT ROWID, STRICT;

CREATE TABLE agenda_sections (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  heading TEXT NOT NULL,
  line INTEGER NOT NULL,
  UNIQUE (meeting_id, position)
) STRICT;

CREATE TABLE agenda_notes (
  section_id INTEGER NOT NULL REFERENCES agenda_sections (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (section_id, position)
) WITHOUT ROWID, STRICT;

CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  line INTEGER NOT NULL,
  UNIQUE (meeting_id, position)
) STRICT;

CREATE TABLE action_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  due TEXT CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  status TEXT NOT NULL CHECK (status IN ('open', 'complete', 'cancelled')),
  source TEXT NOT NULL CHECK (source IN ('table', 'notes', 'review')),
  raised_by TEXT,
  raised_by_kind TEXT CHECK (raised_by_kind IN ('person', 'organisation', 'unresolved')),
  line INTEGER NOT NULL,
  CHECK ((raised_by IS NULL) = (raised_by_kind IS NULL)),
  UNIQUE (meeting_id, position)
) STRICT;

CREATE INDEX action_items_by_status_due ON action_items (status, due);

CREATE TABLE action_owners (
  action_id INTEGER NOT NULL REFERENCES action_items (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'unresolved')),
  PRIMARY KEY (action_id, position)
) WITHOUT ROWID, STRICT;
)sql";

// Membership dates of roster people (NULL: from the group's start / to its
// end), the roster's sub-teams with their lead and members (by person id, in
// the roster's order), and the sub-team a meeting is of (by name, as the roster
// gives it; NULL for a meeting of the whole group). A roster is saved by
// deleting its sub-teams, then its people, then writing both again.
constexpr std::string_view kSchemaV3MembershipAndSubTeams = R"sql(
ALTER TABLE people ADD COLUMN member_from TEXT
  CHECK (member_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');
ALTER TABLE people ADD COLUMN member_to TEXT
  CHECK (member_to GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');

CREATE TABLE subteams (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL CHECK (name <> ''),
  leader_id INTEGER REFERENCES people (id),
  UNIQUE (group_id, name),
  UNIQUE (group_id, position)
) STRICT;

CREATE INDEX subteams_by_leader ON subteams (leader_id);

CREATE TABLE subteam_members (
  subteam_id INTEGER NOT NULL REFERENCES subteams (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  person_id INTEGER NOT NULL REFERENCES people (id),
  PRIMARY KEY (subteam_id, position),
  UNIQUE (subteam_id, person_id)
) WITHOUT ROWID, STRICT;

CREATE INDEX subteam_members_by_person ON subteam_members (person_id);

ALTER TABLE meetings ADD COLUMN subteam TEXT CHECK (subteam <> '');
)sql";

// A group's own words for an item's status and for a due date that names no
// day (empty when the notes gave none), a resolution's whole text, guests in a
// meeting's attendance (SQLite cannot widen a CHECK, so meeting_participants
// is rebuilt; nothing refers to it), and remarks on someone's attendance.
constexpr std::string_view kSchemaV5WordsGuestsAndRemarks = R"sql(
ALTER TABLE action_mentions ADD COLUMN written_status TEXT NOT NULL DEFAULT '';
ALTER TABLE action_mentions ADD COLUMN due_phrase TEXT NOT NULL DEFAULT '';
ALTER TABLE register_items ADD COLUMN written_status TEXT NOT NULL DEFAULT '';
ALTER TABLE register_items ADD COLUMN due_phrase TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN body TEXT NOT NULL DEFAULT '';

CREATE TABLE meeting_participants_v5 (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('attendee', 'staff', 'apology', 'guest')),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (meeting_id, role, position)
) WITHOUT ROWID, STRICT;
INSERT INTO meeting_participants_v5 (meeting_id, role, position, name)
  SELECT meeting_id, role, position, name FROM meeting_participants;
DROP TABLE meeting_participants;
ALTER TABLE meeting_participants_v5 RENAME TO meeting_participants;

CREATE TABLE attendance_remarks (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  remark TEXT NOT NULL,
  PRIMARY KEY (meeting_id, position)
) WITHOUT ROWID, STRICT;
)sql";

// Where reminders go (doc/reminders.md): a person's address and opt-out, an
// organisation's address (by the name the directory gives it), and the log of
// reminders sent, one row per group, recipient and day, so that a rerun sends
// nothing twice. A failed send writes no row; the next run tries again. And a
// person's appointing organisation ('' for none) and capacity.
constexpr std::string_view kSchemaV6Reminders = R"sql(
ALTER TABLE people ADD COLUMN email TEXT CHECK (email <> '');
ALTER TABLE people ADD COLUMN reminders INTEGER NOT NULL DEFAULT 1 CHECK (reminders IN (0, 1));
ALTER TABLE people ADD COLUMN affiliation TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN capacity TEXT CHECK (capacity IN ('representative', 'individual'));

CREATE TABLE organisation_addresses (
  group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL CHECK (name <> ''),
  email TEXT NOT NULL CHECK (email <> ''),
  PRIMARY KEY (group_id, position)
) WITHOUT ROWID, STRICT;

CREATE TABLE reminders_sent (
  id INTEGER PRIMARY KEY,
  group_name TEXT NOT NULL,
  recipient TEXT NOT NULL,
  address TEXT NOT NULL,
  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  sent_unix INTEGER NOT NULL,
  message_id TEXT NOT NULL,
  items TEXT NOT NULL,
  UNIQUE (group_name, recipient, day)
) STRICT;
)sql";

// The indexes that make every paged list (store/list_queries.h) a range scan
// over one group's rows: its unmerged items by status in register order and
// by due date, the items raised at a meeting, owners by name, its meetings by
// date.
constexpr std::string_view kSchemaV7ListIndexes = R"sql(
CREATE INDEX register_items_by_group_status ON register_items (group_id, status, replay_position)
  WHERE merged_into IS NULL;
CREATE INDEX register_items_by_group_due ON register_items (group_id, status, due, replay_position)
  WHERE merged_into IS NULL;
CREATE INDEX register_items_by_origin ON register_items (origin_meeting_id);
CREATE INDEX register_item_owners_by_name ON register_item_owners (name, item_id);
CREATE INDEX meetings_by_group_date ON meetings (group_id, date, kind, number);
CREATE INDEX meetings_by_group_date_id ON meetings (group_id, date, id);
)sql";

// What the register needs to be extended instead of replayed: each item's
// match texts and the kind of meeting its due date waits for, and the token
// of the last write of a group's register (store/register_rows.h
// RegisterCache; not exported: a restored group has none). The items are
// dropped; opening the database replays them (RebuildStaleRegisters), ids kept
// through action_mentions.item_id.
constexpr std::string_view kSchemaV8IncrementalRegister = R"sql(
ALTER TABLE register_items ADD COLUMN awaits_next TEXT NOT NULL DEFAULT '';
ALTER TABLE groups ADD COLUMN register_token INTEGER;
CREATE TABLE register_match_texts (
  item_id INTEGER NOT NULL REFERENCES register_items (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (item_id, position)
) WITHOUT ROWID, STRICT;
DELETE FROM register_items;
DELETE FROM register_notices;
)sql";

// Sub-team work plans (doc/workplan-format.md): each sub-team's plan, the
// milestones (of a sub-team, or with subteam_id NULL of the whole group), the
// subtopics, their tasks with the subtask leader and dates, the people
// engaged, and the action items linked by hand (by register id; an item of
// the same group, which the store checks). A group's plan is replaced whole
// on import; a task is unique by label within its group.
constexpr std::string_view kSchemaV9WorkPlans = R"sql(
CREATE TABLE workplan_subteams (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL CHECK (name <> ''),
  UNIQUE (group_id, position)
) STRICT;

CREATE TABLE workplan_milestones (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  subteam_id INTEGER REFERENCES workplan_subteams (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL CHECK (name <> ''),
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
) STRICT;

CREATE INDEX workplan_milestones_by_group ON workplan_milestones (group_id, position);
CREATE INDEX workplan_milestones_by_subteam ON workplan_milestones (subteam_id);

CREATE TABLE workplan_subtopics (
  id INTEGER PRIMARY KEY,
  subteam_id INTEGER NOT NULL REFERENCES workplan_subteams (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL CHECK (title <> ''),
  UNIQUE (subteam_id, position)
) STRICT;

CREATE TABLE workplan_tasks (
  id INTEGER PRIMARY KEY,
  subtopic_id INTEGER NOT NULL REFERENCES workplan_subtopics (id) ON DELETE CASCADE,
  group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  label TEXT NOT NULL CHECK (label <> ''),
  title TEXT NOT NULL CHECK (title <> ''),
  leader TEXT NOT NULL CHECK (leader <> ''),
  start TEXT NOT NULL CHECK (start GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  target TEXT NOT NULL CHECK (target GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  status TEXT NOT NULL CHECK (status IN ('planned', 'in progress', 'done', 'on hold', 'dropped')),
  CHECK (target >= start),
  UNIQUE (subtopic_id, position)
) STRICT;

CREATE UNIQUE INDEX workplan_tasks_by_label ON workplan_tasks (group_id, lower(label));

CREATE TABLE workplan_task_people (
  task_id INTEGER NOT NULL REFERENCES workplan_tasks (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL CHECK (name <> ''),
  PRIMARY KEY (task_id, position)
) WITHOUT ROWID, STRICT;

CREATE TABLE workplan_task_items (
  task_id INTEGER NOT NULL REFERENCES workplan_tasks (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  item_id INTEGER NOT NULL CHECK (item_id > 0),
  PRIMARY KEY (task_id, position)
) WITHOUT ROWID, STRICT;

CREATE INDEX workplan_task_items_by_item ON workplan_task_items (item_id);
)sql";

// The attendance log kept by imports (store/attendance_rows.h): each
// meeting's attendance as core/attendance computes it, its sub-team and its
// names in their lists' order. Filled when a database is opened
// (RefreshStaleAttendance) for the meetings stored before.
constexpr std::string_view kSchemaV10StoredAttendance = R"sql(
CREATE TABLE attendance_meetings (
  meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
  subteam TEXT
) STRICT;

CREATE TABLE attendance_entries (
  meeting_id INTEGER NOT NULL REFERENCES attendance_meetings (meeting_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  list TEXT NOT NULL CHECK (list IN ('people', 'staff', 'observers', 'not_on_roster')),
  name TEXT NOT NULL,
  presence TEXT CHECK (presence IN ('present', 'apology', 'absent')),
  standing TEXT CHECK (standing IN ('expected', 'guest', 'not_on_roster')),
  CHECK ((list = 'people') = (presence IS NOT NULL AND standing IS NOT NULL)),
  PRIMARY KEY (meeting_id, position)
) WITHOUT ROWID, STRICT;
)sql";

// Each group's item owners, each once (groups.owner_names, written by every
// register update beside register_token): "My items" reads a person's names
// in a group from it instead of a pass over the group's owner rows. Filled
// here for the registers already stored; NULL (a restored group) is read by
// that pass until the group's next write.
constexpr std::string_view kSchemaV11OwnerNames = R"sql(
ALTER TABLE groups ADD COLUMN owner_names TEXT;
UPDATE groups SET owner_names = (
  SELECT json_group_array(json_object('name', name, 'kind', kind)) FROM (
    SELECT DISTINCT o.name, o.kind FROM register_items r
    JOIN register_item_owners o ON o.item_id = r.id
    WHERE r.group_id = groups.id AND r.merged_into IS NULL ORDER BY o.name, o.kind));
)sql";

// The full-text index takes each document's group as a second column, so
// that a group's documents with a word are one intersection inside the index
// (the action lists' ?q=, store/list_queries.h) rather than every document
// of the installation with that word looked up one by one; search's own
// words are kept to the text (`body : (...)`, FtsQueryOf). Rebuilt from
// search_docs, which is unchanged.
constexpr std::string_view kSchemaV12SearchByGroup = R"sql(
DROP TRIGGER search_docs_insert;
DROP TRIGGER search_docs_delete;
DROP TABLE search_text;
CREATE VIRTUAL TABLE search_text USING fts5(
  body, group_id, content = 'search_docs', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER search_docs_insert AFTER INSERT ON search_docs BEGIN
  INSERT INTO search_text (rowid, body, group_id) VALUES (new.id, new.body, new.group_id);
END;
CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
  INSERT INTO search_text (search_text, rowid, body, group_id)
  VALUES ('delete', old.id, old.body, old.group_id);
END;
INSERT INTO search_text (search_text) VALUES ('rebuild');
)sql";

int QueryInt(SQLite::Database& db, const char* sql) {
  SQLite::Statement query(db, sql);
  query.executeStep();
  return query.getColumn(0).getInt();
}

// Whether `version` is recorded. Migrations are applied by number, each one
// not recorded yet, not only those above the highest recorded: numbers are
// handed out to branches developed side by side, so a database may hold 7
// before 6 is written.
bool MigrationApplied(SQLite::Database& db, int version) {
  SQLite::Statement query(db, "SELECT count(*) FROM schema_migrations WHERE version = ?");
  query.bind(1, version);
  query.executeStep();
  return query.getColumn(0).getInt() > 0;
}

void ApplyMigration(SQLite::Database& db, const SqliteMigration& migration) {
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  // Another process may have migrated between our read and our lock.
  Result<int> version = ReadSqliteSchemaVersion(db);
  if (!version) throw std::runtime_error(version.error().message);
  if (*version == 0) db.exec(std::string(kCreateSchemaMigrations));
  if (MigrationApplied(db, migration.version)) return;
  if (!migration.sql.empty()) db.exec(std::string(migration.sql));
  if (migration.apply) migration.apply(db);
  SQLite::Statement record(db,
                           "INSERT INTO schema_migrations (version, description, applied_at) "
                           "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  record.bind(1, migration.version);
  record.bind(2, std::string(migration.description));
  record.exec();
  transaction.commit();
}

// My items (store/owned_items.h) reads a person's owner rows through the
// owner-name index and, for each, the item's group, status and merge: one
// item row a page of register_items for each of the person's items, across
// every group (6,751 item rows for a member of 10 of the million installation's
// 50 groups: 0.35 s when the file is not in the system's cache). This index
// holds those four columns alone, so the same lookups read it instead: far
// fewer pages (the count, from a cold file, 15 times faster). The statements
// name it (INDEXED BY), as SQLite prefers a rowid lookup.
constexpr std::string_view kSchemaV14OwnedItems = R"sql(
CREATE INDEX register_items_owned ON register_items (id, group_id, status, merged_into);
)sql";

// Each group's counts of items by owner name and status (groups.owner_counts,
// written by every register update beside owner_names; register_rows.h says
// what its rows are): My items counts a person's items in a group from it,
// not from the person's owner rows (5,637 open items of a member of 10 of the
// million installation's groups: the count statement 5 ms of a first read's
// 6.5). Filled here for the registers already stored; NULL (a restored group)
// is counted by that statement until the group's next write.
constexpr std::string_view kSchemaV15OwnerCounts = R"sql(
ALTER TABLE groups ADD COLUMN owner_counts TEXT;
UPDATE groups SET owner_counts = (
  SELECT json_group_array(json_array(json(names), status, n)) FROM (
    SELECT json_array(o.name) AS names, r.status AS status, count(DISTINCT r.id) AS n
    FROM register_items r JOIN register_item_owners o ON o.item_id = r.id
    WHERE r.group_id = groups.id AND r.merged_into IS NULL
    GROUP BY o.name, r.status
    UNION ALL
    SELECT names, status, count(*) FROM (
      SELECT r.status AS status, json_group_array(DISTINCT o.name) AS names,
             count(DISTINCT o.name) AS k
      FROM register_items r JOIN register_item_owners o ON o.item_id = r.id
      WHERE r.group_id = groups.id AND r.merged_into IS NULL
      GROUP BY r.id)
    WHERE k > 1 GROUP BY names, status));
)sql";

// Migration 13: every table's CHECK (column IN (...)) rewritten as
// comparisons (ListChecksAsComparisons). Checking an IN list of three or more
// values, SQLite fills a temporary b-tree with the list for each row written:
// 3.5 us a check, more than the rest of a row's insert, and an import writes
// hundreds of thousands of such rows. The constraints are the same, so every
// stored row still satisfies them, and the tables' stored definitions are
// changed in place the way SQLite's documentation changes a CHECK constraint
// without rebuilding a table ("Making Other Kinds Of Table Schema Changes",
// lang_altertable.html): sqlite_schema written with writable_schema on, and
// the schema version raised so that every connection reads it again.
void CompareListChecksInPlace(SQLite::Database& db) {
  std::vector<std::pair<std::string, std::string>> rewritten;  // name, new definition
  SQLite::Statement tables(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'table'");
  while (tables.executeStep()) {
    std::string sql = tables.getColumn(1).getString();
    std::string now = ListChecksAsComparisons(sql);
    if (now != sql) rewritten.emplace_back(tables.getColumn(0).getString(), std::move(now));
  }
  tables.reset();
  if (rewritten.empty()) return;
  // The connection is defensive (sqlite_store.cc), which forbids writing
  // sqlite_schema; this statement's writes are allowed, and nothing else runs
  // in between.
  struct Undefended {
    sqlite3* db;
    explicit Undefended(sqlite3* handle) : db(handle) { Set(0); }
    ~Undefended() { Set(1); }
    void Set(int on) const {
      if (sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, on, static_cast<int*>(nullptr)) !=
          SQLITE_OK)
        throw SQLite::Exception("cannot set SQLITE_DBCONFIG_DEFENSIVE");
    }
  } undefended(db.getHandle());
  int version = QueryInt(db, "PRAGMA schema_version");
  db.exec("PRAGMA writable_schema = ON");
  SQLite::Statement update(db,
                           "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?");
  for (const auto& [name, sql] : rewritten) {
    update.reset();
    update.bind(1, sql);
    update.bind(2, name);
    update.exec();
  }
  db.exec(fmt::format("PRAGMA schema_version = {}", version + 1));
  db.exec("PRAGMA writable_schema = OFF");
}

}  // namespace

std::string ListChecksAsComparisons(std::string_view sql) {
  static const std::regex check(R"re(CHECK \((\w+) IN \(('[^']*'(?:, *'[^']*')*)\)\))re");
  static const std::regex value("'[^']*'");
  std::string out;
  std::string text(sql);
  auto last = text.cbegin();
  for (std::sregex_iterator it(text.begin(), text.end(), check), end; it != end; ++it) {
    const std::smatch& m = *it;
    out.append(last, m[0].first);
    std::string column = m[1].str(), list = m[2].str(), comparisons;
    for (std::sregex_iterator v(list.begin(), list.end(), value); v != end; ++v)
      comparisons += (comparisons.empty() ? "" : " OR ") + column + " = " + v->str();
    out += "CHECK (" + comparisons + ")";
    last = m[0].second;
  }
  out.append(last, text.cend());
  return out;
}

// My items for a person on a group's roster reads one row per group: their
// owner names there and how many items those names own by status
// (store/owned_items.h KeptPeople), written with groups.owner_names and
// owner_counts and on every roster save; the migration fills it from those.
constexpr std::string_view kSchemaV17KeptPeople = R"sql(
CREATE TABLE person_owner_names (
  person TEXT NOT NULL,
  group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  names TEXT NOT NULL,
  open_items INTEGER NOT NULL,
  complete_items INTEGER NOT NULL,
  cancelled_items INTEGER NOT NULL,
  PRIMARY KEY (person, group_id)
) WITHOUT ROWID;
CREATE INDEX person_owner_names_by_group ON person_owner_names (group_id);
)sql";

// The group list's count of open items, kept by every register update
// (OpenItemsOf), where it was a count over each group's items on every
// read: 160 ms for the million installation's 50 groups on PostgreSQL. NULL
// (a restored group, until its register is rebuilt): counted as before.
constexpr std::string_view kSchemaV18OpenItems = R"sql(
ALTER TABLE groups ADD COLUMN open_items INTEGER;
UPDATE groups SET open_items = (
  SELECT count(*) FROM register_items r
  WHERE r.group_id = groups.id AND r.status = 'open' AND r.merged_into IS NULL)
WHERE register_token IS NOT NULL;
)sql";

// Each item's match words as the replay counts them (core MatchWordHash;
// store/register_rows.h ItemWords), so that a register is extended from its
// items' rows without reading their match texts again. Filled by
// sqlite::FillItemWords; NULL is read as the words of the match texts.
constexpr std::string_view kSchemaV19MatchWords = R"sql(
ALTER TABLE register_items ADD COLUMN words BLOB;
)sql";

const std::vector<SqliteMigration>& SqliteMigrations() {
  static const std::vector<SqliteMigration> migrations{
      {1, "groups, rosters, meetings, agendas, decisions and action items", kSchemaV1},
      {2, "the action item register: mentions replayed into living items", sqlite::kRegisterSchema},
      {3, "membership dates, sub-teams and their members, a meeting's sub-team",
       kSchemaV3MembershipAndSubTeams},
      {4, "the web app: users, grants, sessions, API tokens, public groups, audit log, search",
       sqlite::SiteSchema()},
      {5, "written statuses and due phrases, resolution bodies, guests, attendance remarks",
       kSchemaV5WordsGuestsAndRemarks},
      {6,
       "reminders: people's and organisations' addresses, opt-outs, reminders sent; affiliations",
       kSchemaV6Reminders},
      {7,
       "indexes for paged lists: items by group and status or due, owners by name, meetings "
       "by group and date",
       kSchemaV7ListIndexes},
      {8, "the incremental register: items' match texts and the meeting a due date awaits",
       kSchemaV8IncrementalRegister},
      {9, "sub-team work plans: subtopics, tasks, leaders, people, linked items, milestones",
       kSchemaV9WorkPlans},
      {10, "the attendance log kept by imports: each meeting's attendance and sub-team",
       kSchemaV10StoredAttendance},
      {11, "each group's item owners, kept by register updates, for My items",
       kSchemaV11OwnerNames},
      {12, "the full-text index knows each document's group", kSchemaV12SearchByGroup},
      {13, "CHECK constraints on lists of values checked as comparisons, not IN lists", "",
       CompareListChecksInPlace},
      {14, "a narrow index of register items for My items' counts and pages", kSchemaV14OwnedItems},
      {15, "each group's counts of items by owner and status, kept by register updates",
       kSchemaV15OwnerCounts},
      // PostgreSQL's GIN index loses its pending list; FTS5 has none. The
      // number is kept in step.
      {16, "the full-text index updated in place, without a pending list", ""},
      {17, "each roster person's owner names and item counts per group, for My items",
       kSchemaV17KeptPeople, sqlite::FillKeptPeople},
      {18, "each group's count of open items, kept by register updates", kSchemaV18OpenItems},
      {19, "each item's match words, kept so that a register is extended without its texts",
       kSchemaV19MatchWords, sqlite::FillItemWords},
  };
  return migrations;
}

int CurrentSqliteSchemaVersion() { return SqliteMigrations().back().version; }

Result<int> ReadSqliteSchemaVersion(SQLite::Database& db) {
  bool recorded = QueryInt(db,
                           "SELECT count(*) FROM sqlite_schema "
                           "WHERE type = 'table' AND name = 'schema_migrations'") > 0;
  if (recorded) return QueryInt(db, "SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (QueryInt(db, "SELECT count(*) FROM sqlite_schema") > 0)
    return Error::Storage("not a plenary database (it has tables but no schema_migrations)");
  return 0;
}

Status CheckSqliteSchemaVersion(SQLite::Database& db) {
  try {
    Result<int> version = ReadSqliteSchemaVersion(db);
    if (!version) return version.error();
    if (*version > CurrentSqliteSchemaVersion())
      return Error::Storage(
          fmt::format("the database has schema version {}, newer than this plenary knows ({}); "
                      "use a newer plenary",
                      *version, CurrentSqliteSchemaVersion()));
    return Status::Ok();
  } catch (const std::exception& e) {
    return Error::Storage(e.what());
  }
}

Status MigrateSqliteSchema(SQLite::Database& db) {
  if (Status usable = CheckSqliteSchemaVersion(db); !usable) return usable;
  try {
    Result<int> version = ReadSqliteSchemaVersion(db);
    if (!version) return version.error();
    for (const SqliteMigration& migration : SqliteMigrations()) {
      if (*version == 0 || !MigrationApplied(db, migration.version)) {
        ApplyMigration(db, migration);
        version = ReadSqliteSchemaVersion(db);
        if (!version) return version.error();
      }
    }
    return Status::Ok();
  } catch (const std::exception& e) {
    return Error::Storage(fmt::format("schema migration failed: {}", e.what()));
  }
}

}  // namespace plenary
