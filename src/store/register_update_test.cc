// The incremental register against its definition. Random histories (meetings
// imported in random orders and in batches, re-imports of edited meetings,
// some with their date corrected, edits, merges, unmerges) are written to two
// stores of one back end: one extends its register where it can
// (store/register_rows.h), the other replays the whole group on every write
// (PLENARY_REGISTER_REPLAY=always), as the register was kept before. After
// every step both must hold the same register, row for row, ids included. The
// same histories, with attendance lists and roster changes, check the stored
// attendance (schema 10): after every step each meeting's must equal
// AttendanceOf the stored meeting with the stored roster, and participation
// from it ParticipationOver's.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <map>
#include <pqxx/pqxx>
#include <random>
#include <set>
#include <tuple>

#include "core/attendance.h"
#include "core/date.h"
#include "core/register.h"
#include "plenary/store.h"
#include "store/register_rows.h"
#include "store/store_test_backends.h"
#include "store/store_test_data.h"

namespace plenary {
namespace {

using store_testing::Backend;
using store_testing::BackendTest;
using store_testing::D;

// The tables that hold the register and what it is made from, as Export
// gives them; register_events.at (the clock when the change was made) aside.
std::map<std::string, std::vector<std::vector<SnapshotValue>>> RegisterTables(Store& store) {
  static const std::set<std::string> kTables = {
      "action_mentions",  "register_events",   "register_items",  "register_match_texts",
      "register_item_owners", "register_history", "register_notices", "register_counter"};
  auto snapshot = store.Export();
  EXPECT_TRUE(snapshot.ok()) << snapshot.error().message;
  std::map<std::string, std::vector<std::vector<SnapshotValue>>> tables;
  if (!snapshot.ok()) return tables;
  for (SnapshotTable& table : snapshot->tables) {
    if (!kTables.count(table.name)) continue;
    auto at = std::find(table.columns.begin(), table.columns.end(), "at");
    if (table.name == "register_events" && at != table.columns.end())
      for (auto& row : table.rows) row[static_cast<std::size_t>(at - table.columns.begin())] = {};
    tables[table.name] = std::move(table.rows);
  }
  return tables;
}

// Random steps of a group's life. Texts come from a small vocabulary, so
// that reviews, repeated actions and near-duplicates make the matcher decide.
class History {
 public:
  explicit History(unsigned seed) : random_(seed) {}

  std::string Text() {
    static const char* kWords[] = {"draft",  "report",   "budget", "review",  "charter",
                                   "liaise", "board",    "survey", "publish", "comments",
                                   "legal",  "timeline", "staff",  "secure",  "funding"};
    std::string text = "Prepare";
    int words = Pick(4, 7);
    for (int i = 0; i < words; ++i) text += std::string(" ") + kWords[Pick(0, 14)];
    return text;
  }

  ActionItem NewItem(int line) {
    ActionItem item;
    item.text = !texts_.empty() && Pick(0, 5) == 0 ? texts_[Pick(0, Last(texts_))] : Text();
    item.owners = {{Pick(0, 1) ? "Alice Example" : "Bob Example", OwnerKind::kPerson}};
    if (Pick(0, 4) == 0)
      item.due_phrase = "before the next plenary";
    else if (Pick(0, 1))
      item.due = D(2020, 1, 1 + static_cast<unsigned>(Pick(0, 27)));
    item.line = line;
    texts_.push_back(item.text);
    return item;
  }

  ActionItem Review(int line) {
    ActionItem item;
    item.source = ActionSource::kReview;
    item.text = texts_[Pick(0, Last(texts_))];
    if (Pick(0, 2) == 0) item.text.resize(item.text.rfind(' '));  // a shortened mention
    if (Pick(0, 2) == 0) item.status = ActionStatus::kComplete;
    item.line = line;
    return item;
  }

  // Attendance lists from the roster's people, their initials and strangers.
  void Attend(Meeting& meeting) {
    static const char* kNames[] = {"Alice Example", "Bob Example", "Carol Example", "Dana Staff",
                                   "Erin Observer", "AE",          "Zed Stranger",  "Yan Visitor"};
    meeting.attendees.clear();
    meeting.apologies.clear();
    meeting.staff.clear();
    for (const char* name : kNames) {
      int where = Pick(0, 5);
      if (where <= 1) meeting.attendees.push_back(name);
      if (where == 2 || where == 5) meeting.apologies.push_back(name);
      if (where == 3 && Pick(0, 1)) meeting.staff.push_back(name);
    }
    meeting.subteam = Pick(0, 3) == 0 ? std::optional<std::string>("Budget") : std::nullopt;
  }

  // A roster for the group, its membership dates and sub-team drawn anew.
  Roster NewRoster() {
    Roster roster;
    roster.group = {"PROP", "Property test group", std::nullopt, std::nullopt};
    auto person = [&](const char* name, Role role, std::vector<std::string> aliases) {
      Person p;
      p.name = name;
      p.role = role;
      p.aliases = std::move(aliases);
      if (Pick(0, 2) == 0) p.member_from = NextDate(false);
      if (Pick(0, 3) == 0) p.member_to = NextDate(false);
      if (p.member_from && p.member_to && *p.member_to < *p.member_from) p.member_to.reset();
      return p;
    };
    roster.people = {person("Alice Example", Role::kMember, {"AE"}),
                     person("Bob Example", Pick(0, 1) ? Role::kMember : Role::kLiaison, {}),
                     person("Carol Example", Role::kLiaison, {}),
                     person("Dana Staff", Role::kStaff, {}),
                     person("Erin Observer", Role::kObserver, {})};
    if (Pick(0, 2))
      roster.subteams.push_back({"Budget", std::nullopt, {"Carol Example", "Alice Example"}});
    return roster;
  }

  MeetingImport NewMeeting(Date date) {
    Meeting meeting;
    meeting.key = {"PROP", Pick(0, 3) ? "Plenary" : "Call", ++number_};
    meeting.date = date;
    Attend(meeting);
    int line = 1;
    int reviews = texts_.empty() ? 0 : Pick(0, 3);
    for (int i = 0; i < reviews; ++i) meeting.actions.push_back(Review(line++));
    int items = Pick(0, 3);
    for (int i = 0; i < items; ++i) meeting.actions.push_back(NewItem(line++));
    MeetingImport import{meeting, {"notes.txt", std::to_string(++version_)}};
    meetings_.push_back(import);
    return import;
  }

  // A meeting after every other, or (sometimes) between earlier ones.
  Date NextDate(bool in_order) {
    if (meetings_.empty() || in_order) {
      last_ = Date{std::chrono::sys_days{last_} + std::chrono::days{Pick(1, 14)}};
      return last_;
    }
    return Date{std::chrono::sys_days{D(2019, 12, 1)} +
                std::chrono::days{Pick(0, static_cast<int>((std::chrono::sys_days{last_} -
                                                            std::chrono::sys_days{D(2019, 12, 1)})
                                                               .count()))}};
  }

  // One of the meetings imported so far, its notes edited.
  MeetingImport Edited() {
    MeetingImport& import = meetings_[Pick(0, Last(meetings_))];
    auto& actions = import.meeting.actions;
    int change = Pick(0, 2);
    if (change == 0 && !actions.empty())
      actions.erase(actions.begin() + Pick(0, Last(actions)));
    else if (change == 1 && !actions.empty())
      actions[Pick(0, Last(actions))].text += " urgently";
    else
      actions.push_back(NewItem(static_cast<int>(actions.size()) + 1));
    if (Pick(0, 1)) Attend(import.meeting);
    // Its date corrected, at times: the replay must start from the earlier of
    // the two dates.
    if (Pick(0, 1) == 0) import.meeting.date = NextDate(false);
    for (std::size_t i = 0; i < actions.size(); ++i) actions[i].line = static_cast<int>(i) + 1;
    import.source.sha256 = std::to_string(++version_);
    return import;
  }

  // A day for a manual change: usually today (after every meeting), at
  // times a day in the past.
  Date EffectiveDate() {
    if (Pick(0, 3)) return Date{std::chrono::sys_days{last_} + std::chrono::days{Pick(0, 3)}};
    return NextDate(false);
  }

  int Pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  template <typename T>
  static int Last(const std::vector<T>& v) {
    return static_cast<int>(v.size()) - 1;
  }
  bool Empty() const { return meetings_.empty(); }

 private:
  std::mt19937 random_;
  std::vector<std::string> texts_;
  std::vector<MeetingImport> meetings_;
  int number_ = 0;
  int version_ = 0;
  Date last_ = D(2020, 1, 1);
};

// The two stores: `incremental` as plenary runs, `replayed` replaying the
// group on every write. Each step runs on both; both must answer alike.
class RegisterPropertyTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto a = OpenStore(url_);
    ASSERT_TRUE(a.ok()) << a.error().message;
    incremental_ = std::move(a).value();
    replayed_url_ = FreshUrl();
    auto b = OpenStore(replayed_url_);
    ASSERT_TRUE(b.ok()) << b.error().message;
    replayed_ = std::move(b).value();
  }
  void TearDown() override {
    unsetenv("PLENARY_REGISTER_REPLAY");
    BackendTest::TearDown();
  }

  template <typename Step>
  void OnBoth(const Step& step) {
    bool a = step(*incremental_);
    setenv("PLENARY_REGISTER_REPLAY", "always", 1);
    bool b = step(*replayed_);
    unsetenv("PLENARY_REGISTER_REPLAY");
    EXPECT_EQ(a, b) << "one store took the step, the other refused it";
  }

  // An item of the register, open or not, merged or not (0 when none).
  std::int64_t AnyItem(History& history, bool open_only) {
    auto items = incremental_->Actions({open_only, std::nullopt, std::nullopt});
    if (!items.ok() || items->empty()) return 0;
    return (*items)[static_cast<std::size_t>(history.Pick(0, History::Last(*items)))].id;
  }

  void Step(History& history, std::set<std::int64_t>& merged, std::string& what);

  // Reopens the incremental store: what it kept of the register is gone,
  // and its next write reads the register back (in part, when it extends).
  void Reopen() {
    incremental_.reset();
    auto reopened = OpenStore(url_);
    ASSERT_TRUE(reopened.ok()) << reopened.error().message;
    incremental_ = std::move(reopened).value();
  }

  std::unique_ptr<Store> incremental_;
  std::unique_ptr<Store> replayed_;
  std::string replayed_url_;
};

void RegisterPropertyTest::Step(History& history, std::set<std::int64_t>& merged,
                                std::string& what) {
  int kind = history.Empty() ? 0 : history.Pick(0, 10);
  ActionEdit by;
  by.who = "tester";
  // A quarter of the steps are the first write of a process that has not
  // kept the register (`plenary import`, `plenary actions done`).
  const bool cold = history.Pick(0, 3) == 0;
  if (cold) Reopen();
  struct Label {
    std::string& what;
    bool cold;
    ~Label() {
      if (cold) what += ", in a store just opened";
    }
  } label{what, cold};
  if (kind <= 4) {  // one more meeting, in order or not
    bool in_order = kind <= 3;
    what = in_order ? "a meeting after the others" : "a meeting out of order";
    MeetingImport m = history.NewMeeting(history.NextDate(in_order));
    OnBoth([&](Store& s) { return s.Import({std::nullopt, {m}}).ok(); });
  } else if (kind == 5) {
    what = "a batch of meetings";
    ImportBatch batch;
    int n = history.Pick(2, 3);
    for (int i = 0; i < n; ++i)
      batch.meetings.push_back(history.NewMeeting(history.NextDate(history.Pick(0, 2) > 0)));
    OnBoth([&](Store& s) { return s.Import(batch).ok(); });
  } else if (kind == 6) {
    what = "a meeting re-imported with edited notes";
    MeetingImport m = history.Edited();
    OnBoth([&](Store& s) { return s.Import({std::nullopt, {m}}).ok(); });
  } else if (kind == 7) {
    what = "an edit";
    std::int64_t id = AnyItem(history, false);
    if (id == 0) return;
    by.effective = history.EffectiveDate();
    int field = history.Pick(0, 3);
    if (field == 0) by.status = history.Pick(0, 1) ? ActionStatus::kComplete : ActionStatus::kOpen;
    if (field == 1) by.due = std::optional<Date>(by.effective);
    if (field == 2) by.owners = std::vector<Owner>{{"Carol Example", OwnerKind::kPerson}};
    by.note = field == 3 ? "chased by e-mail" : "";
    OnBoth([&](Store& s) { return s.EditAction(id, by).ok(); });
  } else if (kind == 8) {
    what = "a merge";
    std::int64_t into = AnyItem(history, true), from = AnyItem(history, true);
    if (into == 0 || into == from) return;
    by.effective = history.EffectiveDate();
    OnBoth([&](Store& s) { return s.MergeActions(into, from, by).ok(); });
    merged.insert(from);
  } else if (kind == 10) {
    what = "a roster imported (or changed)";
    Roster roster = history.NewRoster();
    OnBoth([&](Store& s) { return s.Import({roster, {}}).ok(); });
  } else {
    what = "an unmerge";
    if (merged.empty()) return;
    auto it = merged.begin();
    std::advance(it, history.Pick(0, static_cast<int>(merged.size()) - 1));
    std::int64_t from = *it;
    merged.erase(it);
    OnBoth([&](Store& s) { return s.UnmergeAction(from).ok(); });
  }
}

// Whether the stored attendance of every meeting of the group equals its
// recomputation from the stored meeting and roster, and participation over
// the whole history and over its first months from either is the same.
::testing::AssertionResult StoredAttendanceIsCurrent(Store& store) {
  PageRequest every;
  every.limit = 1'000'000;
  auto stored = store.AttendancePage({"PROP", std::nullopt, std::nullopt}, every);
  auto meetings =
      store.MeetingPage({"PROP", std::nullopt, std::nullopt, MeetingParts::kAttendance}, every);
  auto roster = store.FindRoster("PROP");
  if (!stored.ok() || !meetings.ok() || !roster.ok())
    return ::testing::AssertionFailure() << "a read failed";
  const Roster* known = *roster ? &**roster : nullptr;
  std::vector<MeetingAttendance> expected = AttendanceOfEach(meetings->items, known);
  if (stored->items.size() != expected.size() || stored->total != meetings->total)
    return ::testing::AssertionFailure()
           << stored->items.size() << " meetings stored, " << expected.size() << " held";
  for (std::size_t i = 0; i < expected.size(); ++i)
    if (!(stored->items[i] == expected[i]))
      return ::testing::AssertionFailure() << "meeting #" << expected[i].key.number << " differs";
  for (const auto& subteam : {std::optional<std::string>(), std::optional<std::string>("Budget")})
    for (Date to : {D(2020, 1, 31), D(2099, 12, 31)}) {
      const Date from = D(2019, 1, 1);
      if (ParticipationFrom(stored->items, known, from, to, subteam) !=
          ParticipationOver(meetings->items, known, from, to, subteam))
        return ::testing::AssertionFailure() << "participation differs";
    }
  return ::testing::AssertionSuccess();
}

// Whether the owner names the store keeps for the group (groups.owner_names,
// read by My items) are those of its items not merged into another.
::testing::AssertionResult OwnerNamesAreCurrent(Store& store) {
  auto kept = store.OwnerNames("PROP");
  auto items = store.Actions({false, std::nullopt, std::nullopt});
  if (!kept.ok() || !items.ok()) return ::testing::AssertionFailure() << "a read failed";
  std::set<std::string> owners;
  for (const RegisteredAction& a : *items)
    if (a.merged_into == 0)
      for (const Owner& o : a.item.owners) owners.insert(o.name);
  if (std::vector<std::string>(owners.begin(), owners.end()) != *kept)
    return ::testing::AssertionFailure() << owners.size() << " owners, " << kept->size() << " kept";
  return ::testing::AssertionSuccess();
}

// The items' documents in the search index, read from the store's tables:
// (item, its meeting's kind and number, the text indexed), sorted.
using IndexedAction = std::tuple<std::int64_t, std::string, int, std::string>;
std::vector<IndexedAction> IndexedActions(Backend backend, const std::string& url) {
  const std::string sql =
      "SELECT d.action_id, m.kind, m.number, d.body FROM search_docs d "
      "JOIN meetings m ON m.id = d.meeting_id WHERE d.kind = 'action'";
  std::vector<IndexedAction> docs;
  if (backend == Backend::kSqlite) {
    SQLite::Database db(url.substr(7), SQLite::OPEN_READONLY);
    SQLite::Statement st(db, sql);
    while (st.executeStep())
      docs.emplace_back(st.getColumn(0).getInt64(), st.getColumn(1).getString(),
                        st.getColumn(2).getInt(), st.getColumn(3).getString());
  } else {
    pqxx::connection connection(url);
    pqxx::read_transaction tx(connection);
    for (const pqxx::row& row : tx.exec(sql))
      docs.emplace_back(row[0].as<std::int64_t>(), row[1].c_str(), row[2].as<int>(),
                        row[3].c_str());
  }
  std::sort(docs.begin(), docs.end());
  return docs;
}

// Whether the search index holds one document for each item not merged into
// another, with its text and status note as they are now, and no other:
// each write re-indexes only the items whose text changed.
::testing::AssertionResult SearchIndexIsCurrent(Store& store, Backend backend,
                                                const std::string& url) {
  auto items = store.Actions({false, std::nullopt, std::nullopt});
  if (!items.ok()) return ::testing::AssertionFailure() << "a read failed";
  std::vector<IndexedAction> expected;
  for (const RegisteredAction& a : *items) {
    if (a.merged_into != 0) continue;
    std::string body = a.item.text + (a.status_note ? " " + *a.status_note : "");
    std::replace(body.begin(), body.end(), '\x02', ' ');
    std::replace(body.begin(), body.end(), '\x03', ' ');
    expected.emplace_back(a.id, a.meeting.kind, a.meeting.number, body);
  }
  std::sort(expected.begin(), expected.end());
  std::vector<IndexedAction> indexed = IndexedActions(backend, url);
  if (indexed == expected) return ::testing::AssertionSuccess();
  auto [want, got] =
      std::mismatch(expected.begin(), expected.end(), indexed.begin(), indexed.end());
  auto show = [](const IndexedAction& d) {
    return "item " + std::to_string(std::get<0>(d)) + " of " + std::get<1>(d) + " #" +
           std::to_string(std::get<2>(d)) + ": \"" + std::get<3>(d) + "\"";
  };
  return ::testing::AssertionFailure()
         << indexed.size() << " documents indexed for " << expected.size() << " items; first "
         << "difference: expected " << (want == expected.end() ? "nothing" : show(*want))
         << ", indexed " << (got == indexed.end() ? "nothing" : show(*got));
}

// Whether every mention is stored with the id of an item whose history has
// its meeting: the item the replay took it to (both stores above write
// mentions the same way, so comparing them cannot show this).
::testing::AssertionResult MentionsNameTheirItems(Backend backend, const std::string& url) {
  const std::string sql =
      "SELECT count(*) FROM action_mentions a WHERE a.item_id IS NULL OR NOT EXISTS ("
      "SELECT 1 FROM register_history h WHERE h.item_id = a.item_id "
      "AND h.meeting_id = a.meeting_id)";
  std::int64_t astray = 0;
  if (backend == Backend::kSqlite) {
    SQLite::Database db(url.substr(7), SQLite::OPEN_READONLY);
    astray = db.execAndGet(sql).getInt64();
  } else {
    pqxx::connection connection(url);
    pqxx::read_transaction tx(connection);
    astray = tx.exec1(sql)[0].as<std::int64_t>();
  }
  if (astray == 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << astray << " mentions name no item of theirs";
}

// Runs `sql` on the store at `url` and gives its rows as text (NULL: "null").
std::vector<std::vector<std::string>> Rows(Backend backend, const std::string& url,
                                           const std::string& sql) {
  std::vector<std::vector<std::string>> rows;
  if (backend == Backend::kSqlite) {
    SQLite::Database db(url.substr(7), SQLite::OPEN_READONLY);
    SQLite::Statement st(db, sql);
    while (st.executeStep()) {
      rows.emplace_back();
      for (int i = 0; i < st.getColumnCount(); ++i)
        rows.back().push_back(st.getColumn(i).isNull() ? "null" : st.getColumn(i).getString());
    }
  } else {
    pqxx::connection connection(url);
    pqxx::read_transaction tx(connection);
    for (const pqxx::row& row : tx.exec(sql)) {
      rows.emplace_back();
      for (const pqxx::field& f : row) rows.back().push_back(f.is_null() ? "null" : f.c_str());
    }
  }
  return rows;
}

// The group's owner names, counts and open items as the last register
// update kept them.
std::vector<std::vector<std::string>> KeptOfGroups(Backend backend, const std::string& url) {
  return Rows(backend, url,
              "SELECT short_name, owner_names, owner_counts, open_items FROM groups "
              "ORDER BY short_name");
}

// Whether every item's stored match words are those of its match texts:
// what the replay would count (MatchWordHashes), as ItemWords writes them.
::testing::AssertionResult StoredWordsAreTheTexts(Backend backend, const std::string& url) {
  const bool sqlite = backend == Backend::kSqlite;
  std::map<std::string, std::vector<std::string>> texts;
  for (const auto& row : Rows(backend, url,
                              "SELECT item_id, text FROM register_match_texts "
                              "ORDER BY item_id, position"))
    texts[row[0]].push_back(row[1]);
  for (const auto& row : Rows(backend, url,
                              sqlite ? "SELECT id, hex(words) FROM register_items"
                                     : "SELECT id, upper(words::text) FROM register_items")) {
    std::vector<std::uint64_t> numbers = ItemWordsOfTexts(texts[row[0]]);
    std::string expected = sqlite ? "" : "\\X";  // PostgreSQL's hex bytea
    for (char c : WordsBlob(numbers))
      expected += fmt::format("{:02X}", static_cast<unsigned char>(c));
    if (row[1] != expected)
      return ::testing::AssertionFailure()
             << "item " << row[0] << " has the words " << row[1] << ", not " << expected;
  }
  return ::testing::AssertionSuccess();
}

TEST_P(RegisterPropertyTest, EveryStepEndsInTheRegisterAFullReplayMakes) {
  constexpr int kSteps = 60;
  for (unsigned seed : {1u, 2u}) {
    History history(seed);
    std::set<std::int64_t> merged;
    for (int step = 0; step < kSteps; ++step) {
      std::string what;
      Step(history, merged, what);
      auto expected = RegisterTables(*replayed_);
      auto actual = RegisterTables(*incremental_);
      ASSERT_FALSE(expected.empty());
      for (const auto& [table, rows] : expected)
        ASSERT_TRUE(actual[table] == rows)
            << "seed " << seed << ", step " << step << " (" << what << "): table " << table
            << " differs (" << actual[table].size() << " rows, a replay has " << rows.size()
            << ")";
      ASSERT_TRUE(StoredAttendanceIsCurrent(*incremental_))
          << "seed " << seed << ", step " << step << " (" << what << ")";
      ASSERT_TRUE(OwnerNamesAreCurrent(*incremental_))
          << "seed " << seed << ", step " << step << " (" << what << ")";
      ASSERT_TRUE(SearchIndexIsCurrent(*incremental_, GetParam(), url_))
          << "seed " << seed << ", step " << step << " (" << what << ")";
      ASSERT_TRUE(MentionsNameTheirItems(GetParam(), url_))
          << "seed " << seed << ", step " << step << " (" << what << ")";
      ASSERT_EQ(KeptOfGroups(GetParam(), url_), KeptOfGroups(GetParam(), replayed_url_))
          << "seed " << seed << ", step " << step << " (" << what << ")";
      ASSERT_TRUE(StoredWordsAreTheTexts(GetParam(), url_))
          << "seed " << seed << ", step " << step << " (" << what << ")";
      ASSERT_TRUE(StoredAttendanceIsCurrent(*replayed_))
          << "seed " << seed << ", step " << step << " (" << what << ")";
    }
    // The next seed starts from empty stores.
    url_ = FreshUrl();
    incremental_ = std::move(OpenStore(url_)).value();
    replayed_url_ = FreshUrl();
    replayed_ = std::move(OpenStore(replayed_url_)).value();
  }
}

INSTANTIATE_TEST_SUITE_P(Sqlite, RegisterPropertyTest, ::testing::Values(Backend::kSqlite),
                         store_testing::BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, RegisterPropertyTest, ::testing::Values(Backend::kPostgres),
                         store_testing::BackendName);

}  // namespace
}  // namespace plenary
