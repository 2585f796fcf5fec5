// Upgrading a database written by an earlier plenary.
#include "store/sqlite/migrations.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <utility>
#include <vector>

#include "core/attendance.h"
#include "core/register.h"
#include "plenary/site.h"
#include "plenary/store.h"
#include "store/register_rows.h"
#include "store/store_test_data.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

class MigrationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "plenary-migrate-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    path_ = (dir_ / "old.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A database as plenary with schema version 1 left it: one meeting with two
  // action items, one of them owned by Staff.
  void WriteVersion1() {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT "
        "NULL, applied_at TEXT NOT NULL) STRICT");
    db.exec(std::string(SqliteMigrations().at(0).sql));
    db.exec("INSERT INTO schema_migrations VALUES (1, 'v1', '2026-11-01T00:00:00Z')");
    db.exec("INSERT INTO groups (id, short_name) VALUES (1, 'SSR2')");
    db.exec(
        "INSERT INTO meetings (id, group_id, kind, number, date, source_name, source_sha256, "
        "imported_at) VALUES (1, 1, 'Plenary', 15, '2017-06-13', 'n.txt', 'abc', 'x')");
    db.exec(
        "INSERT INTO action_items (id, meeting_id, position, text, due, status, source, line) "
        "VALUES (7, 1, 0, 'Post attendance rates to the wiki.', '2017-06-23', 'open', "
        "'table', 14), (8, 1, 1, 'Schedule remainder of SSR1 briefings', NULL, 'complete', "
        "'review', 60)");
    db.exec("INSERT INTO action_owners VALUES (7, 0, 'Staff', 'organisation')");
  }

  // Takes migration 19 off: items without their match words.
  static void BackToVersion18(SQLite::Database& db) {
    db.exec(
        "ALTER TABLE register_items DROP COLUMN words; "
        "DELETE FROM schema_migrations WHERE version = 19");
  }

  // Takes migrations 19 and 18 off: no kept count of open items.
  static void BackToVersion17(SQLite::Database& db) {
    BackToVersion18(db);
    db.exec(
        "ALTER TABLE groups DROP COLUMN open_items; DELETE FROM schema_migrations WHERE version = "
        "18");
  }

  // Takes migrations 19 to 17 off: no roster person's kept names and counts.
  static void BackToVersion16(SQLite::Database& db) {
    BackToVersion17(db);
    db.exec("DROP TABLE person_owner_names; DELETE FROM schema_migrations WHERE version = 17");
  }

  // Takes migrations 19 to 16 off (16 is nothing on SQLite).
  static void BackToVersion15(SQLite::Database& db) {
    BackToVersion16(db);
    db.exec("DELETE FROM schema_migrations WHERE version = 16");
  }

  // Takes migrations 19 to 15 off: each group's kept owner counts.
  static void BackToVersion14(SQLite::Database& db) {
    BackToVersion15(db);
    db.exec(
        "ALTER TABLE groups DROP COLUMN owner_counts; "
        "DELETE FROM schema_migrations WHERE version = 15");
  }

  // Takes migrations 19 to 14 off: My items' narrow index of register items.
  static void BackToVersion13(SQLite::Database& db) {
    BackToVersion14(db);
    db.exec(
        "DROP INDEX register_items_owned; "
        "DELETE FROM schema_migrations WHERE version = 14");
  }

  // Takes migrations 19 to 13 off: each CHECK's comparisons written back as
  // the IN list the earlier migrations made.
  static void BackToVersion12(SQLite::Database& db) {
    BackToVersion13(db);
    const std::regex comparisons(R"re(CHECK \((\w+) = ('[^']*')((?: OR \1 = '[^']*')+)\))re");
    const std::regex value("'[^']*'");
    std::vector<std::pair<std::string, std::string>> tables;
    SQLite::Statement rows(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'table'");
    while (rows.executeStep()) {
      std::string sql = rows.getColumn(1).getString(), out;
      auto last = sql.cbegin();
      for (std::sregex_iterator m(sql.begin(), sql.end(), comparisons), end; m != end; ++m) {
        out.append(last, (*m)[0].first);
        std::string list = (*m)[0].str(), values;
        for (std::sregex_iterator v(list.begin(), list.end(), value); v != end; ++v)
          values += (values.empty() ? "" : ", ") + v->str();
        out += "CHECK (" + (*m)[1].str() + " IN (" + values + "))";
        last = (*m)[0].second;
      }
      out.append(last, sql.cend());
      if (out != sql) tables.emplace_back(rows.getColumn(0).getString(), out);
    }
    rows.reset();
    int version = db.execAndGet("PRAGMA schema_version").getInt();
    db.exec("PRAGMA writable_schema = ON");
    for (const auto& [name, sql] : tables) {
      SQLite::Statement update(db, "UPDATE sqlite_schema SET sql = ? WHERE name = ?");
      update.bind(1, sql);
      update.bind(2, name);
      update.exec();
    }
    db.exec("PRAGMA schema_version = " + std::to_string(version + 1));
    db.exec("PRAGMA writable_schema = OFF");
    db.exec("DELETE FROM schema_migrations WHERE version = 13");
  }

  // Takes migrations 14 to 12 off, as a database of an earlier plenary
  // would be: the full-text index as migration 4 made it.
  static void BackToVersion11(SQLite::Database& db) {
    BackToVersion12(db);
    db.exec(
        "DROP TRIGGER search_docs_insert; DROP TRIGGER search_docs_delete; "
        "DROP TABLE search_text; "
        "CREATE VIRTUAL TABLE search_text USING fts5(body, content = 'search_docs', "
        "content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'); "
        "CREATE TRIGGER search_docs_insert AFTER INSERT ON search_docs BEGIN "
        "INSERT INTO search_text (rowid, body) VALUES (new.id, new.body); END; "
        "CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN "
        "INSERT INTO search_text (search_text, rowid, body) VALUES ('delete', old.id, old.body); "
        "END; "
        "INSERT INTO search_text (search_text) VALUES ('rebuild'); "
        "DELETE FROM schema_migrations WHERE version = 12");
  }

  // Takes migrations 19 to 11 off.
  static void BackToVersion10(SQLite::Database& db) {
    BackToVersion11(db);
    db.exec(
        "ALTER TABLE groups DROP COLUMN owner_names; "
        "DELETE FROM schema_migrations WHERE version = 11");
  }

  // Takes migrations 19 to 10 off.
  static void BackToVersion9(SQLite::Database& db) {
    BackToVersion10(db);
    db.exec(
        "DROP TABLE attendance_entries; DROP TABLE attendance_meetings; "
        "DELETE FROM schema_migrations WHERE version = 10");
  }

  // A database holding a board item merged and reassigned (and, with
  // `several_owners`, ImportItemsOfSeveralOwners' meeting), then taken back
  // by `back` to what an earlier plenary left. Gives the groups row's
  // `column` as written before (empty without one).
  std::string ImportABoardItemThenTakeBack(void (*back)(SQLite::Database&),
                                           const char* column = nullptr,
                                           bool several_owners = false) {
    auto store = OpenStore(path_);
    EXPECT_TRUE(store.ok()) << store.error().message;
    if (!store.ok()) return "";
    store_testing::ImportABoardItemMergedAndReassigned(**store);
    if (several_owners) store_testing::ImportItemsOfSeveralOwners(**store);
    if (HasFatalFailure()) return "";
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    std::string written;
    if (column)
      written = db.execAndGet(std::string("SELECT ") + column + " FROM groups").getString();
    back(db);
    return written;
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(MigrationsTest, Version1DatabaseIsMigratedAndItsRegisterReplayed) {
  WriteVersion1();
  auto store = OpenStore(path_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto actions = (*store)->Actions({});
  ASSERT_TRUE(actions.ok()) << actions.error().message;
  ASSERT_EQ(actions->size(), 2u);
  EXPECT_EQ((*actions)[0].item.text, "Post attendance rates to the wiki.");
  EXPECT_EQ((*actions)[0].item.owners, (std::vector<Owner>{{"Staff", OwnerKind::kOrganisation}}));
  EXPECT_EQ((*actions)[1].item.status, ActionStatus::kComplete);
  // Ids continue after those the old database gave out.
  EXPECT_GT((*actions)[0].id, 8);
  auto meetings = (*store)->Meetings();
  ASSERT_TRUE(meetings.ok());
  EXPECT_EQ(meetings->at(0).actions.size(), 2u);

  SQLite::Database db(path_);
  SQLite::Statement version(db, "SELECT max(version) FROM schema_migrations");
  ASSERT_TRUE(version.executeStep());
  EXPECT_EQ(version.getColumn(0).getInt(), CurrentSqliteSchemaVersion());
}

TEST_F(MigrationsTest, Version4DatabaseKeepsItsRowsAndTakesGuestsRemarksAndWords) {
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT "
        "NULL, applied_at TEXT NOT NULL) STRICT");
    for (int version = 1; version <= 4; ++version) {
      db.exec(std::string(SqliteMigrations().at(static_cast<std::size_t>(version - 1)).sql));
      db.exec("INSERT INTO schema_migrations VALUES (" + std::to_string(version) +
              ", 'v', '2026-11-01T00:00:00Z')");
    }
    db.exec(store_testing::kVersion4Rows);
  }
  auto store = OpenStore(path_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  store_testing::ExpectVersion4RowsMigrated(**store);

  SQLite::Database db(path_);
  EXPECT_EQ(db.execAndGet("SELECT max(version) FROM schema_migrations").getInt(),
            CurrentSqliteSchemaVersion());
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM meeting_participants").getInt(), 6);
  EXPECT_EQ(db.execAndGet("SELECT name FROM meeting_participants WHERE role = 'guest'").getString(),
            "Ana Guest");
  SQLite::Statement dangling(db, "PRAGMA foreign_key_check");
  EXPECT_FALSE(dangling.executeStep());
}

TEST_F(MigrationsTest, ReopeningAMigratedDatabaseWritesNothing) {
  WriteVersion1();
  { ASSERT_TRUE(OpenStore(path_).ok()); }
  auto bytes = [&] {
    std::ifstream in(path_, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  std::string before = bytes();
  {
    auto store = OpenStore(path_);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Actions({}).ok());
  }
  EXPECT_EQ(bytes(), before);
}

TEST_F(MigrationsTest, UpgradeIndexesWhatTheDatabaseAlreadyHeld) {
  WriteVersion1();
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    db.exec("INSERT INTO agenda_sections VALUES (1, 1, 0, 'Outreach', 20)");
    db.exec("INSERT INTO agenda_notes VALUES (1, 0, 'Discussed the webinar schedule')");
  }
  auto site = OpenSiteStore(path_);
  ASSERT_TRUE(site.ok()) << site.error().message;
  auto notes = (*site)->Search({"webinar", {"SSR2"}, 10});
  ASSERT_TRUE(notes.ok()) << notes.error().message;
  ASSERT_EQ(notes->size(), 1u);
  EXPECT_EQ(notes->at(0).kind, SearchKind::kNote);
  auto items = (*site)->Search({"attendance rates", {"SSR2"}, 10});
  ASSERT_TRUE(items.ok());
  ASSERT_EQ(items->size(), 1u);
  EXPECT_EQ(items->at(0).kind, SearchKind::kAction);
}

// Migration 6: a version-5 roster keeps its people, who have no address and
// want reminders; the new tables start empty and take rows.
TEST_F(MigrationsTest, Version5RosterTakesAddressesAndTheRemindersLog) {
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT "
        "NULL, applied_at TEXT NOT NULL) STRICT");
    for (int version = 1; version <= 5; ++version) {
      db.exec(std::string(SqliteMigrations().at(static_cast<std::size_t>(version - 1)).sql));
      db.exec("INSERT INTO schema_migrations VALUES (" + std::to_string(version) +
              ", 'v', '2026-11-01T00:00:00Z')");
    }
    db.exec(
        "INSERT INTO groups (id, short_name, full_name, roster_saved_at) VALUES (1, 'SSR2', "
        "'Second SSR', '2026-11-01T00:00:00Z');"
        "INSERT INTO people (id, group_id, position, name, role) VALUES (1, 1, 0, 'Denise "
        "Michel', 'member'), (2, 1, 1, 'Jennifer Bryce', 'staff');"
        "INSERT INTO person_aliases VALUES (1, 0, 'DM');");
  }
  auto store = OpenStore(path_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto roster = (*store)->FindRoster("SSR2");
  ASSERT_TRUE(roster.ok() && roster->has_value());
  ASSERT_EQ((*roster)->people.size(), 2u);
  EXPECT_EQ((*roster)->people[0], (Person{"Denise Michel", Role::kMember, {"DM"}}));
  EXPECT_EQ((*roster)->people[1].email, std::nullopt);
  EXPECT_TRUE((*roster)->people[1].reminders);
  EXPECT_TRUE((*roster)->organisations.empty());

  Roster changed = **roster;
  changed.people[0].email = "dm@example.org";
  changed.organisations = {{"Staff", "staff@example.org"}};
  ASSERT_TRUE((*store)->Import({changed, {}}).ok());
  EXPECT_EQ(*(*store)->FindRoster("ssr2"), std::optional<Roster>(changed));
  auto site = OpenSiteStore(path_);
  ASSERT_TRUE(site.ok());
  EXPECT_TRUE(*(*site)->RecordReminder(
      {"SSR2", "Denise Michel", "dm@example.org", "2026-11-28", 1, "m@example.org", "1"}));
  SQLite::Database db(path_);
  EXPECT_EQ(db.execAndGet("SELECT max(version) FROM schema_migrations").getInt(),
            SqliteMigrations().back().version);
}

// Schema 8 keeps what the register needs to be extended (match texts,
// awaits_next, the last write's token). A version 7 register is dropped by
// the migration and replayed when the database opens: the same items, ids,
// merges and history, and the next meeting extends it.
TEST_F(MigrationsTest, Version7RegisterIsReplayedWithItsIdsAndThenExtended) {
  using namespace store_testing;
  Meeting first = SmallMeeting("SSR2", 1, D(2017, 6, 1));
  first.actions = {Item("Draft the terms of reference for the review team", {}),
                   Item("Circulate the survey of the community to members", {}),
                   Item("Draft the survey questions about the community", {})};
  Meeting second = SmallMeeting("SSR2", 2, D(2017, 6, 8));
  second.actions = {Item("Draft the terms of reference for the review", {})};
  second.actions[0].source = ActionSource::kReview;
  std::vector<RegisteredAction> before;
  {
    auto store = OpenStore(path_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    ASSERT_TRUE((*store)->Import({Ssr2Roster(), {Imported(first, "1"), Imported(second, "2")}}).ok());
    auto items = (*store)->Actions({});
    ASSERT_EQ(items->size(), 3u);
    ActionEdit by{std::nullopt, std::nullopt, std::nullopt, "", "tester", D(2017, 6, 9)};
    ASSERT_TRUE((*store)->MergeActions((*items)[1].id, (*items)[2].id, by).ok());
    before = *(*store)->Actions({});
  }
  {  // back to version 7, as a database of an earlier plenary would be
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    BackToVersion9(db);
    db.exec(
        "DROP TABLE workplan_task_items; DROP TABLE workplan_task_people; "
        "DROP TABLE workplan_tasks; DROP TABLE workplan_subtopics; "
        "DROP TABLE workplan_milestones; DROP TABLE workplan_subteams; "
        "DELETE FROM schema_migrations WHERE version = 9");
    db.exec(
        "DROP TABLE register_match_texts; ALTER TABLE register_items DROP COLUMN awaits_next; "
        "ALTER TABLE groups DROP COLUMN register_token; "
        "DELETE FROM schema_migrations WHERE version = 8");
  }
  auto store = OpenStore(path_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto after = (*store)->Actions({});
  ASSERT_TRUE(after.ok()) << after.error().message;
  EXPECT_EQ(Ids(*after), Ids(before));
  EXPECT_EQ(Texts(*after), Texts(before));
  EXPECT_EQ((*store)->Action(before[0].id)->history.size(), 2u);
  SQLite::Database db(path_);
  EXPECT_EQ(db.execAndGet("SELECT max(version) FROM schema_migrations").getInt(),
            SqliteMigrations().back().version);
  EXPECT_GT(db.execAndGet("SELECT count(*) FROM register_match_texts").getInt(), 0);

  Meeting third = SmallMeeting("SSR2", 3, D(2017, 6, 15));
  third.actions = {Item("Draft the terms of reference for the review team", {})};
  third.actions[0].source = ActionSource::kReview;
  third.actions[0].status = ActionStatus::kComplete;
  ASSERT_TRUE((*store)->Import({std::nullopt, {Imported(third, "3")}}).ok());
  auto done = (*store)->Action(before[0].id);
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->item.status, ActionStatus::kComplete);
}

// Schema 19 keeps each item's match words. A version 18 database gets them
// when it is opened; an item without them (as a restore of an older export
// might leave one) is matched through its match texts, and a meeting after
// the others extends the register from either.
TEST_F(MigrationsTest, Version18ItemsGetTheirMatchWordsAndAreMatchedWithoutThem) {
  using namespace store_testing;
  Meeting first = SmallMeeting("SSR2", 1, D(2017, 6, 1));
  first.actions = {Item("Draft the terms of reference for the review team", {}),
                   Item("Circulate the survey of the community to members", {})};
  std::vector<RegisteredAction> items;
  {
    auto store = OpenStore(path_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    ASSERT_TRUE((*store)->Import({Ssr2Roster(), {Imported(first, "1")}}).ok());
    items = *(*store)->Actions({});
    ASSERT_EQ(items.size(), 2u);
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    BackToVersion18(db);
  }
  auto expected = [&](std::size_t i) {
    return WordsBlob(ItemWordsOfTexts({first.actions[i].text}));
  };
  {
    auto store = OpenStore(path_);  // migrates
    ASSERT_TRUE(store.ok()) << store.error().message;
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    SQLite::Statement words(db, "SELECT id, words FROM register_items ORDER BY replay_position");
    for (std::size_t i = 0; i < 2; ++i) {
      ASSERT_TRUE(words.executeStep());
      EXPECT_EQ(words.getColumn(0).getInt64(), items[i].id);
      EXPECT_EQ(words.getColumn(1).getString(), expected(i)) << i;
    }
    words.reset();
    db.exec("UPDATE register_items SET words = NULL");
  }
  auto store = OpenStore(path_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  Meeting second = SmallMeeting("SSR2", 2, D(2017, 6, 8));
  second.actions = {Item("Draft the terms of reference for the review team", {})};
  second.actions[0].source = ActionSource::kReview;
  second.actions[0].status = ActionStatus::kComplete;
  ASSERT_TRUE((*store)->Import({std::nullopt, {Imported(second, "2")}}).ok());
  EXPECT_EQ((*store)->Action(items[0].id)->item.status, ActionStatus::kComplete);
  EXPECT_EQ((*store)->Actions({})->size(), 2u);
  // The item the meeting changed is written again, with its words.
  SQLite::Database db(path_);
  EXPECT_EQ(
      db.execAndGet("SELECT words FROM register_items WHERE id = " + std::to_string(items[0].id))
          .getString(),
      expected(0));
  EXPECT_TRUE(
      db.execAndGet("SELECT words FROM register_items WHERE id = " + std::to_string(items[1].id))
          .isNull());
}

// Schema 12 gives the full-text index each document's group. A version 11
// database has its index rebuilt with it when opened: every document is
// found by its group, and an action list's words and search find what they
// found before.
TEST_F(MigrationsTest, Version11SearchIndexTakesEachDocumentsGroup) {
  ImportABoardItemThenTakeBack(BackToVersion11);
  if (HasFatalFailure()) return;
  {
    SQLite::Database db(path_, SQLite::OPEN_READONLY);
    EXPECT_THROW(db.exec("SELECT rowid FROM search_text WHERE search_text MATCH 'group_id : x'"),
                 SQLite::Exception);
  }
  auto store = OpenStore(path_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT max(version) FROM schema_migrations").getInt(),
            CurrentSqliteSchemaVersion());
  const std::int64_t group = db.execAndGet("SELECT id FROM groups").getInt64();
  const int docs = db.execAndGet("SELECT count(*) FROM search_docs").getInt();
  ASSERT_GT(docs, 0);
  SQLite::Statement by_group(db, "SELECT count(*) FROM search_text WHERE search_text MATCH ?");
  by_group.bind(1, "group_id : \"" + std::to_string(group) + "\"");
  ASSERT_TRUE(by_group.executeStep());
  EXPECT_EQ(by_group.getColumn(0).getInt(), docs);

  auto all = (*store)->Actions(ActionQuery{});
  ASSERT_TRUE(all.ok());
  ASSERT_FALSE(all->empty());
  auto unmerged = std::find_if(all->begin(), all->end(),
                               [](const RegisteredAction& a) { return !a.merged_into; });
  ASSERT_NE(unmerged, all->end());
  const RegisteredAction& first = *unmerged;
  const std::string word = first.item.text.substr(0, first.item.text.find(' '));
  ActionListQuery with_word{"SSR2", {}, {}, {}, {}, false};
  with_word.words = word;
  auto page = (*store)->ActionPage(with_word, PageRequest{});
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_GE(page->total, 1u);
  EXPECT_TRUE(std::any_of(page->items.begin(), page->items.end(), [&](const RegisteredAction& a) {
    return a.id == first.id;
  })) << word;
  auto site = OpenSiteStore(path_);
  ASSERT_TRUE(site.ok());
  auto hits = (*site)->Search(SearchQuery{word, {"SSR2"}, 20});
  ASSERT_TRUE(hits.ok()) << hits.error().message;
  EXPECT_FALSE(hits->empty());
}

TEST(ListChecksAsComparisonsTest, EachListBecomesItsComparisonsAndTheRestIsKept) {
  EXPECT_EQ(ListChecksAsComparisons(
                "CREATE TABLE t (\n  status TEXT NOT NULL CHECK (status IN ('open', 'on hold', "
                "'done')),\n  due TEXT CHECK (due GLOB '[0-9]*'),\n  kind TEXT CHECK (kind IN "
                "('a', 'b'))\n) STRICT"),
            "CREATE TABLE t (\n  status TEXT NOT NULL CHECK (status = 'open' OR status = 'on hold' "
            "OR status = 'done'),\n  due TEXT CHECK (due GLOB '[0-9]*'),\n  kind TEXT CHECK (kind "
            "= 'a' OR kind = 'b')\n) STRICT");
  EXPECT_EQ(ListChecksAsComparisons("CREATE TABLE u (x TEXT CHECK (x > 'a'))"),
            "CREATE TABLE u (x TEXT CHECK (x > 'a'))");
}

// Schema 13 checks lists of values as comparisons. A version 12 database has
// its tables' definitions rewritten in place when it is opened: the rows are
// kept, the file is sound, and a value outside a list is still refused.
TEST_F(MigrationsTest, Version12ListChecksBecomeComparisonsAndStillRefuseOtherValues) {
  using namespace store_testing;
  std::size_t items = 0;
  {
    auto store = OpenStore(path_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    ImportABoardItemMergedAndReassigned(**store);
    if (HasFatalFailure()) return;
    items = (*store)->Actions({})->size();
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    BackToVersion12(db);
    EXPECT_GT(
        db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
                      "sql LIKE '%CHECK (status IN (''open'', ''complete'', ''cancelled''))%'")
            .getInt(),
        1);
  }
  auto store = OpenStore(path_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  SQLite::Database db(path_, SQLite::OPEN_READWRITE);
  EXPECT_EQ(db.execAndGet("SELECT max(version) FROM schema_migrations").getInt(),
            CurrentSqliteSchemaVersion());
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '% IN (''%'").getInt(),
            0);
  EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
  EXPECT_EQ((*store)->Actions({})->size(), items);
  db.exec("PRAGMA foreign_keys = OFF");
  EXPECT_THROW(db.exec("UPDATE register_items SET status = 'opened'"), SQLite::Exception);
  EXPECT_THROW(db.exec("UPDATE attendance_entries SET presence = 'late'"), SQLite::Exception);
  EXPECT_THROW(db.exec("UPDATE search_docs SET kind = 'item'"), SQLite::Exception);
  db.exec("UPDATE register_items SET status = 'cancelled'");
  db.exec("UPDATE register_items SET raised_by_kind = NULL");
  EXPECT_EQ(
      db.execAndGet("SELECT count(*) FROM register_items WHERE status <> 'cancelled'").getInt(), 0);
}

// Schema 14 reads My items' groups, statuses and merges from a narrow index
// of register items; a version 13 database gets it when it is opened, and My
// items reads the person's items through it.
TEST_F(MigrationsTest, Version13GetsMyItemsNarrowIndexAndMyItemsReadThroughIt) {
  ImportABoardItemThenTakeBack(BackToVersion13);
  if (HasFatalFailure()) return;
  auto store = OpenStore(path_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND "
                          "name = 'register_items_owned'")
                .getInt(),
            1);
  const std::string owner =
      db.execAndGet(
            "SELECT o.name FROM register_item_owners o JOIN register_items r ON r.id = "
            "o.item_id WHERE r.merged_into IS NULL ORDER BY o.name LIMIT 1")
          .getString();
  SQLite::Statement count(db,
                          "SELECT count(DISTINCT o.item_id) FROM register_item_owners o JOIN "
                          "register_items r ON r.id = o.item_id WHERE o.name = ? AND "
                          "r.merged_into IS NULL");
  count.bind(1, owner);
  ASSERT_TRUE(count.executeStep());
  const int owned = count.getColumn(0).getInt();
  auto page = (*store)->OwnedActionPage({owner, {"SSR2"}, std::nullopt}, PageRequest{});
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_GT(owned, 0);
  EXPECT_EQ(page->total, static_cast<std::size_t>(owned));
  EXPECT_EQ(page->items.size(), static_cast<std::size_t>(owned));
}

// Schema 15 keeps each group's counts of items by owner beside its register;
// a version 14 database gets them from its stored register when it is
// opened, the counts a register update writes (items of several owners and
// of one person under two names among them), and My items counts with
// them, and without them (a restored group) as it did before.
TEST_F(MigrationsTest, Version14GroupsGetTheirOwnerCountsOnOpening) {
  using namespace store_testing;
  const std::string written = ImportABoardItemThenTakeBack(BackToVersion14, "owner_counts", true);
  if (HasFatalFailure()) return;
  auto store = OpenStore(path_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  SQLite::Database db(path_, SQLite::OPEN_READWRITE);
  EXPECT_EQ(db.execAndGet("SELECT max(version) FROM schema_migrations").getInt(),
            CurrentSqliteSchemaVersion());
  auto migrated = ParseOwnerCounts(db.execAndGet("SELECT owner_counts FROM groups").getString());
  ASSERT_TRUE(migrated);
  EXPECT_EQ(*migrated, *ParseOwnerCounts(written));
  EXPECT_TRUE(std::any_of(migrated->rows.begin(), migrated->rows.end(),
                          [](const OwnerCounts::Row& r) { return r.names.size() == 3; }))
      << written;
  for (const char* person : {"James Gannon", "jg", "Žarko Kečić", "Staff", "Denise Michel"})
    ExpectMyItemsCountedAsListed(**store, person, "SSR2");
  db.exec("UPDATE groups SET owner_counts = NULL");  // as a restore leaves it
  auto restored = OpenStore(path_);                  // nothing kept from the reads above
  ASSERT_TRUE(restored.ok()) << restored.error().message;
  for (const char* person : {"James Gannon", "jg", "Žarko Kečić"})
    ExpectMyItemsCountedAsListed(**restored, person, "SSR2");
}

// Schema 18 keeps each group's count of open items; a version 17 database
// gets it when it is opened, the count a register update writes, and the
// group list reads it (or counts, where it is NULL, as after a restore).
TEST_F(MigrationsTest, Version17GroupsGetTheirOpenItemsCountOnOpening) {
  using namespace store_testing;
  const std::string written = ImportABoardItemThenTakeBack(BackToVersion17, "open_items", true);
  if (HasFatalFailure()) return;
  ASSERT_FALSE(written.empty());
  auto store = OpenStore(path_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto summaries = (*store)->GroupSummaries();
  ASSERT_TRUE(summaries.ok());
  ASSERT_EQ(summaries->size(), 1u);
  EXPECT_EQ(std::to_string(summaries->at(0).open_actions), written);
  ActionQuery open;
  open.open_only = true;
  EXPECT_EQ(summaries->at(0).open_actions, (*store)->Actions(open)->size());
  SQLite::Database db(path_, SQLite::OPEN_READWRITE);
  EXPECT_EQ(db.execAndGet("SELECT max(version) FROM schema_migrations").getInt(),
            CurrentSqliteSchemaVersion());
  EXPECT_EQ(db.execAndGet("SELECT open_items FROM groups").getString(), written);
  db.exec("UPDATE groups SET open_items = NULL");  // as a restore leaves it
  auto restored = OpenStore(path_);
  ASSERT_TRUE(restored.ok()) << restored.error().message;
  EXPECT_EQ(std::to_string((*restored)->GroupSummaries()->at(0).open_actions), written);
}

// Schema 17 keeps each roster person's owner names and counts per group; a
// version 16 database gets them when it is opened, the rows a register
// update writes, and My items reads them.
TEST_F(MigrationsTest, Version16GroupsGetTheirRosterPeoplesKeptNamesOnOpening) {
  using namespace store_testing;
  const char* kRows =
      "(SELECT group_concat(person || '|' || group_id || '|' || names || '|' || open_items || "
      "'|' || complete_items || '|' || cancelled_items, ';') FROM (SELECT * FROM "
      "person_owner_names ORDER BY person, group_id))";
  const std::string written = ImportABoardItemThenTakeBack(BackToVersion16, kRows, true);
  if (HasFatalFailure()) return;
  ASSERT_NE(written.find("James Gannon|"), std::string::npos) << written;
  {
    SQLite::Database db(path_, SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = "
                            "'person_owner_names'")
                  .getInt(),
              0);
  }
  auto store = OpenStore(path_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  {
    SQLite::Database db(path_, SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("SELECT max(version) FROM schema_migrations").getInt(),
              CurrentSqliteSchemaVersion());
    EXPECT_EQ(db.execAndGet(std::string("SELECT ") + kRows + " FROM groups").getString(), written);
  }
  for (const char* person : {"James Gannon", "jg", "Žarko Kečić", "Staff", "Denise Michel"})
    ExpectMyItemsCountedAsListed(**store, person, "SSR2");
}

// Schema 11 keeps each group's item owners beside its register; a version
// 10 database gets them from its stored register when it is opened, the
// same list a register update writes, and My items reads them.
TEST_F(MigrationsTest, Version10GroupsGetTheirOwnerNamesOnOpening) {
  using namespace store_testing;
  const std::string written = ImportABoardItemThenTakeBack(BackToVersion10, "owner_names");
  if (HasFatalFailure()) return;
  auto store = OpenStore(path_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  SQLite::Database db(path_, SQLite::OPEN_READWRITE);
  EXPECT_EQ(db.execAndGet("SELECT max(version) FROM schema_migrations").getInt(),
            SqliteMigrations().back().version);
  auto migrated = ParseEventOwners(db.execAndGet("SELECT owner_names FROM groups").getString());
  ASSERT_TRUE(migrated);
  EXPECT_EQ(*migrated, *ParseEventOwners(written));
  EXPECT_FALSE(migrated->empty());
  for (const Owner& o : *migrated) EXPECT_NE(o.name, "ICANN Board");
  // A restored group has none until its next write: the owner rows are read.
  db.exec("UPDATE groups SET owner_names = NULL");
  auto names = (*store)->OwnerNames("SSR2");
  ASSERT_TRUE(names.ok());
  std::vector<std::string> expected;
  for (const Owner& o : *migrated)
    if (expected.empty() || expected.back() != o.name) expected.push_back(o.name);
  EXPECT_EQ(*names, expected);
}

// Schema 10 stores each meeting's attendance. A version 9 database gets it
// computed for the meetings it holds when it is opened, the same as the
// core computes it; the next import keeps it current.
TEST_F(MigrationsTest, Version9MeetingsHaveTheirAttendanceStoredOnOpening) {
  using namespace store_testing;
  Meeting second = SmallMeeting("SSR2", 16, D(2017, 6, 20));
  second.attendees = {"Denise Michel"};
  {
    auto store = OpenStore(path_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    ASSERT_TRUE((*store)->Import({Ssr2Roster(), {Imported(FullMeeting(), "1")}}).ok());
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    BackToVersion9(db);
  }
  auto store = OpenStore(path_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  SQLite::Database db(path_);
  EXPECT_EQ(db.execAndGet("SELECT max(version) FROM schema_migrations").getInt(),
            SqliteMigrations().back().version);
  ASSERT_TRUE((*store)->Import({std::nullopt, {Imported(second, "2")}}).ok());
  auto stored = (*store)->AttendancePage({"SSR2", std::nullopt, std::nullopt}, {});
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  const Roster roster = **(*store)->FindRoster("SSR2");
  const std::vector<Meeting> meetings = *(*store)->Meetings();
  ASSERT_EQ(stored->items.size(), 2u);
  ASSERT_EQ(meetings.size(), 2u);
  EXPECT_EQ(stored->total, 2u);
  EXPECT_EQ(stored->items[0], AttendanceOf(meetings[0], &roster));
  EXPECT_EQ(stored->items[1], AttendanceOf(meetings[1], &roster));
  EXPECT_GT(db.execAndGet("SELECT count(*) FROM attendance_entries").getInt(), 3);
}

}  // namespace
}  // namespace plenary
