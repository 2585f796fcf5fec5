#include "store/sqlite/sqlite_store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "store/sqlite/migrations.h"

namespace plenary {
namespace {

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

Roster Ssr2Roster() {
  return {{"SSR2", "Second Security, Stability, and Resiliency Review Team", D(2017, 3, 1),
           D(2019, 12, 31)},
          {{"James Gannon", Role::kMember, {"JG", "James"}},
           {"Žarko Kečić", Role::kMember, {"ZK"}},
           {"Jennifer Bryce", Role::kStaff, {"JB"}},
           {"Steve Conte", Role::kLiaison, {}}}};
}

Meeting FullMeeting() {
  Meeting m;
  m.key = {"SSR2", "plenary", 12};
  m.date = D(2017, 6, 23);
  m.start_utc = TimeOfDay{14, 30};
  m.attendees = {"James Gannon", "Žarko Kečić"};
  m.staff = {"Jennifer Bryce", "Steve Conte"};
  m.apologies = {"Denise Michel"};
  m.agenda = {{"Welcome, roll call", {"Roll call taken", "No updates to SOIs"}, 10},
              {"Terms of reference", {}, 20},
              {"AOB", {"None"}, 30}};
  m.record_url = "https://community.icann.org/x/abc";
  m.actions = {
      {"James Gannon to circulate the draft ToR (GH)",
       {{"James Gannon", OwnerKind::kPerson}},
       D(2017, 6, 30),
       ActionStatus::kOpen,
       ActionSource::kTable,
       Owner{"GH", OwnerKind::kUnresolved},
       41},
      {"ICANN Org and JB to book rooms",
       {{"ICANN Org", OwnerKind::kOrganisation}, {"Jennifer Bryce", OwnerKind::kPerson}},
       std::nullopt,
       ActionStatus::kComplete,
       ActionSource::kNotes,
       std::nullopt,
       42},
      {"Someone to check the wiki",
       {{"Mystery Person", OwnerKind::kUnresolved}},
       D(2017, 6, 1),
       ActionStatus::kCancelled,
       ActionSource::kReview,
       std::nullopt,
       43},
      {"Žarko to draft the plan",
       {{"Žarko Kečić", OwnerKind::kPerson}},
       std::nullopt,
       ActionStatus::kOpen,
       ActionSource::kTable,
       std::nullopt,
       44},
  };
  m.decisions = {{"The ToR are adopted", 50}, {"Meet weekly", 51}};
  return m;
}

// A meeting with only its key and date.
Meeting SmallMeeting(std::string group, int number, Date date) {
  Meeting m;
  m.key = {std::move(group), "plenary", number};
  m.date = date;
  return m;
}

ActionItem Item(std::string text, std::vector<Owner> owners, std::optional<Date> due = {},
                ActionStatus status = ActionStatus::kOpen) {
  return {std::move(text), std::move(owners), due, status, ActionSource::kTable, {}, 1};
}

MeetingImport Imported(Meeting meeting, std::string sha256) {
  return {std::move(meeting), {"notes.txt", std::move(sha256)}};
}

template <typename T>
const T& Ok(const Result<T>& result) {
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.value();
}

std::vector<std::string> Texts(const std::vector<RegisteredAction>& actions) {
  std::vector<std::string> texts;
  for (const RegisteredAction& a : actions) texts.push_back(a.item.text);
  return texts;
}

std::vector<std::int64_t> Ids(const std::vector<RegisteredAction>& actions) {
  std::vector<std::int64_t> ids;
  for (const RegisteredAction& a : actions) ids.push_back(a.id);
  return ids;
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::path(::testing::TempDir()) / "plenary_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    path_ = (dir_ / "register.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<SqliteStore> Open() {
    Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_);
    if (!store.ok()) {
      ADD_FAILURE() << store.error().message;
      return nullptr;
    }
    return std::move(store).value();
  }

  // The main database file, once every connection is closed (WAL checkpointed).
  std::string FileBytes() const {
    std::ifstream in(path_, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    EXPECT_FALSE(bytes.empty());
    return bytes;
  }

  std::int64_t QueryInt(const std::string& sql) const {
    SQLite::Database db(path_, SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt64();
  }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(SqliteStoreTest, RoundTripsAFullMeeting) {
  auto store = Open();
  ImportReport report = Ok(store->Import({Ssr2Roster(), {Imported(FullMeeting(), "a1")}}));
  EXPECT_EQ(report.roster, ImportOutcome::kCreated);
  ASSERT_EQ(report.meetings.size(), 1u);
  EXPECT_EQ(report.meetings[0].key, FullMeeting().key);
  EXPECT_EQ(report.meetings[0].outcome, ImportOutcome::kCreated);

  std::vector<Meeting> meetings = Ok(store->Meetings());
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0], FullMeeting());

  store.reset();
  meetings = Ok(Open()->Meetings());
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0], FullMeeting());
}

TEST_F(SqliteStoreTest, MeetingsAreOldestFirst) {
  auto store = Open();
  Meeting late = SmallMeeting("SSR2", 3, D(2017, 7, 1));
  Meeting early = SmallMeeting("SSR2", 2, D(2017, 6, 1));
  Meeting subgroup = SmallMeeting("SSR2", 1, D(2017, 6, 1));
  subgroup.key.kind = "subgroup";
  Meeting same_day = SmallMeeting("SSR2", 1, D(2017, 6, 1));
  ASSERT_TRUE(store
                  ->Import({{},
                            {Imported(late, "1"), Imported(subgroup, "2"), Imported(early, "3"),
                             Imported(same_day, "4")}})
                  .ok());
  std::vector<Meeting> meetings = Ok(store->Meetings());
  ASSERT_EQ(meetings.size(), 4u);
  EXPECT_EQ(meetings[0], same_day);
  EXPECT_EQ(meetings[1], early);
  EXPECT_EQ(meetings[2], subgroup);
  EXPECT_EQ(meetings[3], late);
}

TEST_F(SqliteStoreTest, RoundTripsRostersCaseInsensitively) {
  auto store = Open();
  Roster atrt{{"ATRT3", "Third Accountability and Transparency Review", {}, {}},
              {{"Pat Kane", Role::kObserver, {"PK"}}}};
  ASSERT_TRUE(store->Import({Ssr2Roster(), {}}).ok());
  ASSERT_TRUE(store->Import({atrt, {}}).ok());
  EXPECT_EQ(Ok(store->FindRoster("ssr2")), std::optional<Roster>(Ssr2Roster()));
  EXPECT_EQ(Ok(store->FindRoster("SSR3")), std::nullopt);
  EXPECT_EQ(Ok(store->Rosters()), (std::vector<Roster>{atrt, Ssr2Roster()}));
}

TEST_F(SqliteStoreTest, GroupKnownFromMeetingsHasNoRosterUntilOneIsImported) {
  auto store = Open();
  ASSERT_TRUE(store->Import({{}, {Imported(SmallMeeting("SSR2", 1, D(2017, 6, 1)), "1")}}).ok());
  EXPECT_EQ(Ok(store->FindRoster("SSR2")), std::nullopt);
  EXPECT_TRUE(Ok(store->Rosters()).empty());

  EXPECT_EQ(Ok(store->Import({Ssr2Roster(), {}})).roster, ImportOutcome::kCreated);
  EXPECT_EQ(Ok(store->Import({Ssr2Roster(), {}})).roster, ImportOutcome::kUnchanged);
  Roster changed = Ssr2Roster();
  changed.group.active_to = std::nullopt;
  changed.people.pop_back();
  changed.people[0].aliases = {"J. Gannon"};
  EXPECT_EQ(Ok(store->Import({changed, {}})).roster, ImportOutcome::kUpdated);
  EXPECT_EQ(Ok(store->FindRoster("SSR2")), std::optional<Roster>(changed));
  EXPECT_EQ(Ok(store->Meetings()).size(), 1u);
}

TEST_F(SqliteStoreTest, ReimportingTheSameNotesWritesNothing) {
  ImportBatch batch{Ssr2Roster(), {Imported(FullMeeting(), "a1")}};
  ASSERT_TRUE(Open()->Import(batch).ok());
  std::string before = FileBytes();

  batch.meetings[0].meeting.key.group = "ssr2";
  ImportReport report = Ok(Open()->Import(batch));
  EXPECT_EQ(report.roster, ImportOutcome::kUnchanged);
  ASSERT_EQ(report.meetings.size(), 1u);
  EXPECT_EQ(report.meetings[0].outcome, ImportOutcome::kUnchanged);
  EXPECT_EQ(FileBytes(), before);
}

TEST_F(SqliteStoreTest, EditedNotesUpdateTheMeetingInPlace) {
  auto store = Open();
  ASSERT_TRUE(store->Import({{}, {Imported(FullMeeting(), "v1")}}).ok());
  std::vector<std::int64_t> ids = Ids(Ok(store->Actions({})));
  ASSERT_EQ(ids.size(), 4u);
  std::int64_t meeting_id = QueryInt("SELECT id FROM meetings");

  Meeting edited = FullMeeting();
  edited.date = D(2017, 6, 24);
  edited.actions[0].text = "James Gannon to circulate the revised ToR";
  edited.actions[0].owners.push_back({"ICANN Org", OwnerKind::kOrganisation});
  edited.actions.resize(2);
  edited.decisions.erase(edited.decisions.begin());
  edited.agenda.pop_back();
  ImportReport report = Ok(store->Import({{}, {Imported(edited, "v2")}}));
  ASSERT_EQ(report.meetings.size(), 1u);
  EXPECT_EQ(report.meetings[0].outcome, ImportOutcome::kUpdated);
  EXPECT_EQ(Ok(store->Meetings()), std::vector<Meeting>{edited});
  EXPECT_EQ(Ids(Ok(store->Actions({}))), (std::vector<std::int64_t>{ids[0], ids[1]}));
  EXPECT_EQ(QueryInt("SELECT id FROM meetings"), meeting_id);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM meetings"), 1);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM action_mention_owners WHERE action_id > " +
                     std::to_string(ids[1])),
            0);

  edited.actions.push_back(Item("A new item", {{"JG", OwnerKind::kUnresolved}}));
  ASSERT_TRUE(store->Import({{}, {Imported(edited, "v3")}}).ok());
  std::vector<std::int64_t> now = Ids(Ok(store->Actions({})));
  ASSERT_EQ(now.size(), 3u);
  EXPECT_EQ(now[0], ids[0]);
  EXPECT_EQ(now[1], ids[1]);
  EXPECT_GT(now[2], ids[3]) << "a deleted item's id is never reused";
  EXPECT_EQ(Ok(store->Meetings()), std::vector<Meeting>{edited});
}

TEST_F(SqliteStoreTest, SameMeetingTwiceInABatchKeepsTheLater) {
  Meeting first = SmallMeeting("SSR2", 1, D(2017, 6, 1));
  Meeting second = first;
  second.key.group = "ssr2";
  second.decisions = {{"Later wins", 3}};
  Meeting other = SmallMeeting("SSR2", 2, D(2017, 6, 8));
  auto store = Open();
  ImportReport report =
      Ok(store->Import({{}, {Imported(first, "1"), Imported(other, "2"), Imported(second, "3")}}));
  ASSERT_EQ(report.meetings.size(), 2u);
  EXPECT_EQ(report.meetings[0].key, other.key);
  EXPECT_EQ(report.meetings[1].key, second.key);
  EXPECT_EQ(report.meetings[1].outcome, ImportOutcome::kCreated);
  std::vector<Meeting> meetings = Ok(store->Meetings());
  ASSERT_EQ(meetings.size(), 2u);
  EXPECT_EQ(meetings[0].decisions, second.decisions);
}

TEST_F(SqliteStoreTest, FailedBatchChangesNothing) {
  ASSERT_TRUE(Open()->Import({Ssr2Roster(), {Imported(FullMeeting(), "a1")}}).ok());
  std::string before = FileBytes();

  Roster changed = Ssr2Roster();
  changed.people.pop_back();
  Meeting fine = SmallMeeting("RDS", 1, D(2017, 6, 2));
  Meeting broken = SmallMeeting("SSR2", 13, D(2017, 6, 30));
  broken.actions.push_back(Item("Broken", {}));
  broken.actions[0].status = static_cast<ActionStatus>(42);  // fails the CHECK on status
  auto store = Open();
  Result<ImportReport> result =
      store->Import({changed, {Imported(fine, "b"), Imported(broken, "c")}});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::kStorage);
  EXPECT_NE(result.error().message.find(path_ + ": CHECK constraint failed"), std::string::npos)
      << result.error().message;
  EXPECT_EQ(Ok(store->Meetings()), std::vector<Meeting>{FullMeeting()});
  EXPECT_EQ(Ok(store->FindRoster("SSR2")), std::optional<Roster>(Ssr2Roster()));
  EXPECT_EQ(Ok(store->FindRoster("RDS")), std::nullopt);
  store.reset();
  EXPECT_EQ(FileBytes(), before);
}

TEST_F(SqliteStoreTest, RejectsWhatItCannotStoreBeforeWriting) {
  auto store = Open();
  Meeting old = SmallMeeting("SSR2", 1, D(1850, 1, 1));
  Result<ImportReport> result = store->Import({{}, {Imported(old, "1")}});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(result.error().message, "SSR2 plenary 1: date: not a date in the years 1900..2999");

  Roster twice = Ssr2Roster();
  twice.people.push_back(twice.people[0]);
  result = store->Import({twice, {}});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message, "roster SSR2: James Gannon is listed twice");
  EXPECT_TRUE(Ok(store->Meetings()).empty());
  EXPECT_TRUE(Ok(store->Rosters()).empty());
}

TEST_F(SqliteStoreTest, RecordsMigrations) {
  Open().reset();
  EXPECT_EQ(QueryInt("SELECT count(*) FROM schema_migrations"),
            static_cast<std::int64_t>(SqliteMigrations().size()));
  EXPECT_EQ(QueryInt("SELECT max(version) FROM schema_migrations"), CurrentSqliteSchemaVersion());
  EXPECT_EQ(QueryInt("SELECT count(*) FROM schema_migrations WHERE description = '' OR "
                     "applied_at NOT GLOB '[0-9][0-9][0-9][0-9]-*T*Z'"),
            0);
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
}

TEST_F(SqliteStoreTest, OpeningAnUpToDateDatabaseWritesNothing) {
  ASSERT_TRUE(Open()->Import({Ssr2Roster(), {Imported(FullMeeting(), "a1")}}).ok());
  std::string before = FileBytes();
  {
    auto store = Open();
    EXPECT_EQ(Ok(store->Meetings()).size(), 1u);
    EXPECT_EQ(Ok(store->Actions({})).size(), 4u);
    EXPECT_EQ(Ok(store->Rosters()).size(), 1u);
    EXPECT_EQ(Ok(store->Decisions()).size(), 2u);
  }
  EXPECT_EQ(FileBytes(), before);
}

TEST_F(SqliteStoreTest, RefusesADatabaseFromANewerPlenary) {
  Open().reset();
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    db.exec(
        "INSERT INTO schema_migrations VALUES (999, 'from the future', '2030-01-01T00:00:00Z')");
  }
  std::string before = FileBytes();
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::kStorage);
  EXPECT_NE(store.error().message.find("schema version 999, newer than this plenary"),
            std::string::npos)
      << store.error().message;
  EXPECT_EQ(FileBytes(), before);
}

TEST_F(SqliteStoreTest, RefusesADatabaseThatIsNotPlenarys) {
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE recipes (name TEXT)");
  }
  std::string before = FileBytes();
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::kStorage);
  EXPECT_NE(store.error().message.find("not a plenary database"), std::string::npos);
  EXPECT_EQ(FileBytes(), before);
}

TEST_F(SqliteStoreTest, RefusesAFileThatIsNotADatabase) {
  std::ofstream(path_) << "Minutes of the meeting held on 23 June\n";
  std::string before = FileBytes();
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::kStorage);
  EXPECT_EQ(store.error().message.rfind(path_ + ": ", 0), 0u) << store.error().message;
  EXPECT_EQ(FileBytes(), before);
}

TEST_F(SqliteStoreTest, FindsActionsByOwnerNameAliasOrFoldedSpelling) {
  Roster rds{{"RDS", "", {}, {}}, {{"Jane Green", Role::kMember, {"JG"}}}};
  Meeting rds_meeting = SmallMeeting("RDS", 1, D(2017, 7, 1));
  rds_meeting.actions = {Item("RDS: Jane", {{"Jane Green", OwnerKind::kPerson}}),
                         Item("RDS: James", {{"James Gannon", OwnerKind::kUnresolved}})};
  auto store = Open();
  ASSERT_TRUE(store->Import({Ssr2Roster(), {Imported(FullMeeting(), "1")}}).ok());
  ASSERT_TRUE(store->Import({rds, {Imported(rds_meeting, "2")}}).ok());
  auto owned_by = [&](std::string owner) {
    ActionQuery query;
    query.owner = std::move(owner);
    return Texts(Ok(store->Actions(query)));
  };
  const std::string james = FullMeeting().actions[0].text;
  const std::string zarko = FullMeeting().actions[3].text;
  EXPECT_EQ(owned_by("JG"), (std::vector<std::string>{james, "RDS: Jane"}));
  EXPECT_EQ(owned_by("james  GANNON"), (std::vector<std::string>{james, "RDS: James"}));
  EXPECT_EQ(owned_by("James"), std::vector<std::string>{james});
  EXPECT_EQ(owned_by("zarko kecic"), std::vector<std::string>{zarko});
  EXPECT_EQ(owned_by("zk"), std::vector<std::string>{zarko});
  EXPECT_EQ(owned_by("icann org"), std::vector<std::string>{FullMeeting().actions[1].text});
  EXPECT_EQ(owned_by("JB"), std::vector<std::string>{FullMeeting().actions[1].text});
  EXPECT_TRUE(owned_by("Nobody").empty());

  ActionQuery invalid;
  invalid.owner = "\xff";
  Result<std::vector<RegisteredAction>> result = store->Actions(invalid);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalidInput);
}

TEST_F(SqliteStoreTest, FiltersOpenAndOverdueActionsInRegisterOrder) {
  Meeting later = SmallMeeting("SSR2", 2, D(2017, 6, 20));
  later.actions = {Item("due before", {}, D(2017, 6, 30)),
                   Item("due on the day", {}, D(2017, 7, 1)), Item("no due date", {}),
                   Item("done", {}, D(2017, 6, 1), ActionStatus::kComplete),
                   Item("dropped", {}, D(2017, 6, 1), ActionStatus::kCancelled)};
  Meeting earlier = SmallMeeting("SSR2", 1, D(2017, 6, 13));
  earlier.actions = {Item("earlier, overdue", {}, D(2017, 6, 14))};
  auto store = Open();
  ASSERT_TRUE(store->Import({{}, {Imported(later, "2"), Imported(earlier, "1")}}).ok());

  std::vector<RegisteredAction> all = Ok(store->Actions({}));
  EXPECT_EQ(Texts(all),
            (std::vector<std::string>{"earlier, overdue", "due before", "due on the day",
                                      "no due date", "done", "dropped"}));
  EXPECT_EQ(all[0].meeting, earlier.key);
  EXPECT_EQ(all[0].meeting_date, earlier.date);
  ActionQuery open;
  open.open_only = true;
  EXPECT_EQ(Texts(Ok(store->Actions(open))),
            (std::vector<std::string>{"earlier, overdue", "due before", "due on the day",
                                      "no due date"}));
  ActionQuery overdue;
  overdue.overdue_as_of = D(2017, 7, 1);
  EXPECT_EQ(Texts(Ok(store->Actions(overdue))),
            (std::vector<std::string>{"earlier, overdue", "due before"}));
}

TEST_F(SqliteStoreTest, ListsDecisionsOldestFirst) {
  Meeting earlier = SmallMeeting("SSR2", 1, D(2017, 6, 13));
  earlier.decisions = {{"First", 7}};
  auto store = Open();
  ASSERT_TRUE(store->Import({{}, {Imported(FullMeeting(), "2"), Imported(earlier, "1")}}).ok());
  std::vector<RegisteredDecision> decisions = Ok(store->Decisions());
  ASSERT_EQ(decisions.size(), 3u);
  EXPECT_EQ(decisions[0].decision, earlier.decisions[0]);
  EXPECT_EQ(decisions[0].meeting, earlier.key);
  EXPECT_EQ(decisions[0].meeting_date, earlier.date);
  EXPECT_EQ(decisions[1].decision, FullMeeting().decisions[0]);
  EXPECT_EQ(decisions[2].decision, FullMeeting().decisions[1]);
}

TEST_F(SqliteStoreTest, OpenStoreTakesASqliteUrlOrABarePath) {
  Result<std::unique_ptr<Store>> by_url = OpenStore("sqlite:" + path_);
  ASSERT_TRUE(by_url.ok()) << by_url.error().message;
  ASSERT_TRUE(
      (*by_url)->Import({{}, {Imported(SmallMeeting("SSR2", 1, D(2017, 6, 1)), "1")}}).ok());
  by_url->reset();
  Result<std::unique_ptr<Store>> by_path = OpenStore(path_);
  ASSERT_TRUE(by_path.ok()) << by_path.error().message;
  EXPECT_EQ(Ok((*by_path)->Meetings()).size(), 1u);

  Result<std::unique_ptr<Store>> empty = OpenStore("sqlite:");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().kind, ErrorKind::kInvalidInput);
}

// Membership dates, sub-teams (with and without a lead or members) and a
// meeting's sub-team.
Roster RosterWithSubTeams() {
  Roster roster = Ssr2Roster();
  roster.people[0].member_to = D(2018, 6, 30);
  roster.people[1].member_from = D(2017, 8, 1);
  roster.subteams = {{"SSR1 review", "Žarko Kečić", {"Žarko Kečić", "James Gannon"}},
                     {"ICANN Security", std::nullopt, {"Steve Conte"}},
                     {"Future challenges", std::nullopt, {}}};
  return roster;
}

TEST_F(SqliteStoreTest, RoundTripsMembershipDatesSubTeamsAndAMeetingsSubTeam) {
  Meeting review = SmallMeeting("SSR2", 3, D(2017, 8, 8));
  review.key.kind = "SSR1 Review Subteam";
  review.subteam = "SSR1 review";
  auto store = Open();
  ASSERT_TRUE(store->Import({RosterWithSubTeams(), {Imported(review, "1")}}).ok());
  EXPECT_EQ(Ok(store->FindRoster("SSR2")), std::optional<Roster>(RosterWithSubTeams()));
  EXPECT_EQ(Ok(store->Meetings()), std::vector<Meeting>{review});
  EXPECT_EQ(Ok(store->Import({RosterWithSubTeams(), {}})).roster, ImportOutcome::kUnchanged);

  Roster changed = RosterWithSubTeams();
  changed.subteams.erase(changed.subteams.begin() + 1);
  changed.subteams[0].leader = "James Gannon";
  changed.people.pop_back();
  changed.people[1].member_from = std::nullopt;
  review.subteam = std::nullopt;
  ImportReport report = Ok(store->Import({changed, {Imported(review, "2")}}));
  EXPECT_EQ(report.roster, ImportOutcome::kUpdated);
  store.reset();
  store = Open();
  EXPECT_EQ(Ok(store->FindRoster("SSR2")), std::optional<Roster>(changed));
  EXPECT_EQ(Ok(store->Meetings()), std::vector<Meeting>{review});
  EXPECT_EQ(QueryInt("SELECT count(*) FROM subteam_members"), 2);
}

TEST_F(SqliteStoreTest, RejectsSubTeamsAndMembershipsItCannotStore) {
  auto store = Open();
  auto error_of = [&](const Roster& roster) {
    Result<ImportReport> result = store->Import({roster, {}});
    return result.ok() ? std::string("stored") : result.error().message;
  };
  Roster stranger = RosterWithSubTeams();
  stranger.subteams[1].members.push_back("Nobody Known");
  EXPECT_EQ(error_of(stranger),
            "roster SSR2: sub-team 'ICANN Security': Nobody Known is not on the roster");
  Roster lead = RosterWithSubTeams();
  lead.subteams[2].leader = "Nobody Known";
  EXPECT_EQ(error_of(lead),
            "roster SSR2: sub-team 'Future challenges': its lead Nobody Known is "
            "not on the roster");
  Roster backwards = RosterWithSubTeams();
  backwards.people[0].member_from = D(2019, 1, 1);
  EXPECT_EQ(error_of(backwards),
            "roster SSR2: the membership of James Gannon ends before it starts");
  Roster twice = RosterWithSubTeams();
  twice.subteams.push_back(twice.subteams[0]);
  EXPECT_EQ(error_of(twice), "roster SSR2: sub-team 'SSR1 review' is listed twice");
  EXPECT_TRUE(Ok(store->Rosters()).empty());
}

// A register written before membership dates and sub-teams existed.
TEST_F(SqliteStoreTest, MigratesARegisterFromBeforeSubTeams) {
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT "
        "NOT NULL, applied_at TEXT NOT NULL) STRICT");
    for (const SqliteMigration& migration : SqliteMigrations()) {
      if (migration.version > 2) break;
      db.exec(std::string(migration.sql));
      db.exec("INSERT INTO schema_migrations VALUES (" + std::to_string(migration.version) +
              ", 'old', '2017-01-01T00:00:00Z')");
    }
    db.exec("INSERT INTO groups (id, short_name, roster_saved_at) VALUES (1, 'SSR2', 'now')");
    db.exec("INSERT INTO people (group_id, position, name, role) VALUES (1, 0, 'A B', 'member')");
  }
  auto store = Open();
  EXPECT_EQ(Ok(store->FindRoster("SSR2")),
            std::optional<Roster>(Roster{{"SSR2", "", {}, {}}, {{"A B", Role::kMember, {}}}}));
  EXPECT_TRUE(store->Import({RosterWithSubTeams(), {}}).ok());
  EXPECT_EQ(Ok(store->FindRoster("SSR2")), std::optional<Roster>(RosterWithSubTeams()));
  EXPECT_EQ(QueryInt("SELECT max(version) FROM schema_migrations"), CurrentSqliteSchemaVersion());
}

TEST(SqliteOpenStoreTest, RefusesOtherSchemesWithoutEchoingCredentials) {
  Result<std::unique_ptr<Store>> store = OpenStore("postgresql://u:secret@h/db");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(store.error().message.find("'postgresql' is not supported yet"), std::string::npos)
      << store.error().message;
  EXPECT_EQ(store.error().message.find("secret"), std::string::npos);
  EXPECT_EQ(store.error().message.find("u:"), std::string::npos);
}

TEST(SqliteOpenStoreTest, ReportsAnUnopenableFileAsStorage) {
  Result<std::unique_ptr<Store>> store = OpenStore("/nonexistent-dir/plenary/register.db");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::kStorage);
}

}  // namespace
}  // namespace plenary
