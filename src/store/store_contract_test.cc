// The contract of Store (include/plenary/store.h), held against every back
// end: each TEST_P runs once on SQLite and once on PostgreSQL, each time on a
// fresh, empty store. Tests of one back end only (its pragmas, its files, its
// migrations from older schemas) stay beside it: sqlite/sqlite_store_test.cc,
// postgres/pg_store_test.cc.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "core/meeting_label.h"
#include "pg_test_server.h"
#include "plenary/store.h"
#include "store/snapshot_tables.h"
#include "store/store_test_backends.h"
#include "store/store_test_data.h"

namespace plenary {
namespace {

using namespace store_testing;  // NOLINT: the shared test data

class StoreContractTest : public BackendTest {
 protected:
  std::unique_ptr<Store> Open() { return OpenAt(url_); }

  static std::unique_ptr<Store> OpenAt(const std::string& url) {
    Result<std::unique_ptr<Store>> store = OpenStore(url);
    if (!store.ok()) {
      ADD_FAILURE() << store.error().message;
      return nullptr;
    }
    return std::move(store).value();
  }

  // A query that returns one integer, run beside the store.
  std::int64_t QueryInt(const std::string& sql) const {
    if (GetParam() == Backend::kPostgres) {
      pqxx::connection connection(url_);
      pqxx::read_transaction tx(connection);
      return tx.exec1(sql)[0].as<std::int64_t>();
    }
    SQLite::Database db(url_.substr(7), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt64();
  }

  std::string ExportJson(Store& store) {
    Result<Snapshot> snapshot = store.Export();
    EXPECT_TRUE(snapshot.ok()) << snapshot.error().message;
    return snapshot.ok() ? SnapshotJson(*snapshot) : "";
  }
};

TEST_P(StoreContractTest, RoundTripsAFullMeeting) {
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

TEST_P(StoreContractTest, MeetingsAreOldestFirst) {
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

TEST_P(StoreContractTest, RoundTripsRostersCaseInsensitively) {
  auto store = Open();
  Roster atrt{{"ATRT3", "Third Accountability and Transparency Review", {}, {}},
              {{"Pat Kane", Role::kObserver, {"PK"}}}};
  ASSERT_TRUE(store->Import({Ssr2Roster(), {}}).ok());
  ASSERT_TRUE(store->Import({atrt, {}}).ok());
  EXPECT_EQ(Ok(store->FindRoster("ssr2")), std::optional<Roster>(Ssr2Roster()));
  EXPECT_EQ(Ok(store->FindRoster("SSR3")), std::nullopt);
  EXPECT_EQ(Ok(store->Rosters()), (std::vector<Roster>{atrt, Ssr2Roster()}));
}

TEST_P(StoreContractTest, GroupKnownFromMeetingsHasNoRosterUntilOneIsImported) {
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

TEST_P(StoreContractTest, EditedNotesUpdateTheMeetingInPlace) {
  auto store = Open();
  ASSERT_TRUE(store->Import({{}, {Imported(FullMeeting(), "v1")}}).ok());
  std::vector<std::int64_t> ids = Ids(Ok(store->Actions({})));
  ASSERT_EQ(ids.size(), 4u);
  std::int64_t meeting_id = QueryInt("SELECT id FROM meetings");

  Meeting edited = FullMeeting();
  edited.date = D(2017, 6, 24);
  edited.actions[0].text = "James Gannon to circulate the revised ToR";
  edited.actions[0].owners.push_back({"ICANN Org", OwnerKind::kOrganisation});
  edited.actions[0].written_status = "done";
  edited.actions[1].due_phrase = "by the end of the year";
  edited.actions.resize(2);
  edited.decisions.erase(edited.decisions.begin());
  edited.decisions[0].body = "Every Tuesday.";
  edited.agenda.pop_back();
  edited.guests.pop_back();
  edited.attendance_remarks.erase(edited.attendance_remarks.begin());
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

TEST_P(StoreContractTest, SameMeetingTwiceInABatchKeepsTheLater) {
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

TEST_P(StoreContractTest, RejectsWhatItCannotStoreBeforeWriting) {
  auto store = Open();
  Meeting old = SmallMeeting("SSR2", 1, D(1850, 1, 1));
  Result<ImportReport> result = store->Import({{}, {Imported(old, "1")}});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(result.error().message, "SSR2 plenary #1: date: not a date in the years 1900..2999");

  Roster twice = Ssr2Roster();
  twice.people.push_back(twice.people[0]);
  result = store->Import({twice, {}});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message, "roster SSR2: James Gannon is listed twice");
  EXPECT_TRUE(Ok(store->Meetings()).empty());
  EXPECT_TRUE(Ok(store->Rosters()).empty());
}

TEST_P(StoreContractTest, FindsActionsByOwnerNameAliasOrFoldedSpelling) {
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

TEST_P(StoreContractTest, FiltersOpenAndOverdueActionsInRegisterOrder) {
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

TEST_P(StoreContractTest, ListsDecisionsOldestFirst) {
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

TEST_P(StoreContractTest, RegisterItemsKeepTheGroupsWordsOfTheirLatestMention) {
  Meeting first;
  first.key = {"IRSG", "Teleconference", DatedMeetingNumber(D(2025, 9, 23), TimeOfDay{14, 0})};
  first.date = D(2025, 9, 23);
  first.actions = {Item("Alice to draft the charter review text", {})};
  first.actions[0].written_status = "in progress";
  first.actions[0].due_phrase = "before the next plenary";
  Meeting second;
  second.key = {"IRSG", "Teleconference", DatedMeetingNumber(D(2025, 10, 7), std::nullopt)};
  second.date = D(2025, 10, 7);
  second.actions = {
      Item("Alice to draft the charter review text", {}, {}, ActionStatus::kComplete)};
  second.actions[0].source = ActionSource::kReview;
  second.actions[0].written_status = "done";
  auto store = Open();
  ASSERT_TRUE(store->Import({{}, {Imported(first, "1"), Imported(second, "2")}}).ok());

  std::vector<Meeting> meetings = Ok(store->Meetings());
  ASSERT_EQ(meetings.size(), 2u);
  EXPECT_EQ(meetings[0], first);
  EXPECT_EQ(meetings[1], second);
  std::vector<RegisteredAction> items = Ok(store->Actions({}));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].meeting, first.key);
  EXPECT_EQ(items[0].item.status, ActionStatus::kComplete);
  EXPECT_EQ(items[0].item.written_status, "done");
  EXPECT_EQ(items[0].item.due_phrase, "before the next plenary");
  RegisteredAction item = Ok(store->Action(items[0].id));
  ASSERT_EQ(item.history.size(), 2u);
  EXPECT_EQ(item.history[1].meeting, second.key);
  EXPECT_EQ(item.history[1].change, "completed; status: in progress -> done");
}

TEST_P(StoreContractTest, RoundTripsMembershipDatesSubTeamsAndAMeetingsSubTeam) {
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

TEST_P(StoreContractTest, RoundTripsAddressesOptOutsAndOrganisations) {
  Roster roster = RosterWithSubTeams();
  roster.people[0].email = "dm@example.org";
  roster.people[1].reminders = false;
  roster.people[1].email = "jg@example.org";
  roster.people[0].affiliation = "GNSO";
  roster.people[0].capacity = Capacity::kRepresentative;
  roster.people[1].capacity = Capacity::kIndividual;
  roster.organisations = {{"Staff", "staff@example.org"}, {"ICANN Org", "org@example.org"}};
  auto store = Open();
  ASSERT_TRUE(store->Import({roster, {}}).ok());
  EXPECT_EQ(Ok(store->FindRoster("SSR2")), std::optional<Roster>(roster));
  EXPECT_EQ(Ok(store->Import({roster, {}})).roster, ImportOutcome::kUnchanged);

  Roster changed = roster;
  changed.people[0].email = std::nullopt;
  changed.people[1].reminders = true;
  changed.people[0].affiliation = "ccNSO";
  changed.people[1].capacity = std::nullopt;
  changed.organisations.pop_back();
  EXPECT_EQ(Ok(store->Import({changed, {}})).roster, ImportOutcome::kUpdated);
  store.reset();
  store = Open();
  EXPECT_EQ(Ok(store->FindRoster("SSR2")), std::optional<Roster>(changed));
  EXPECT_EQ(QueryInt("SELECT count(*) FROM organisation_addresses"), 1);

  // Through export and restore, as copy-db moves it.
  auto snapshot = store->Export();
  ASSERT_TRUE(snapshot.ok()) << snapshot.error().message;
  std::string copy_url = FreshUrl();
  auto copy = OpenStore(copy_url);
  ASSERT_TRUE(copy.ok());
  ASSERT_TRUE((*copy)->Restore(*snapshot).ok());
  EXPECT_EQ(Ok((*copy)->FindRoster("SSR2")), std::optional<Roster>(changed));
}

TEST_P(StoreContractTest, RejectsSubTeamsAndMembershipsItCannotStore) {
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

TEST_P(StoreContractTest, ReimportingTheSameNotesChangesNothing) {
  ImportBatch batch{Ssr2Roster(), {Imported(FullMeeting(), "a1")}};
  ASSERT_TRUE(Open()->Import(batch).ok());
  std::string before = ExportJson(*Open());

  batch.meetings[0].meeting.key.group = "ssr2";
  auto store = Open();
  ImportReport report = Ok(store->Import(batch));
  EXPECT_EQ(report.roster, ImportOutcome::kUnchanged);
  ASSERT_EQ(report.meetings.size(), 1u);
  EXPECT_EQ(report.meetings[0].outcome, ImportOutcome::kUnchanged);
  EXPECT_EQ(ExportJson(*store), before);
}

TEST_P(StoreContractTest, FailedBatchChangesNothing) {
  ASSERT_TRUE(Open()->Import({Ssr2Roster(), {Imported(FullMeeting(), "a1")}}).ok());
  auto store = Open();
  std::string before = ExportJson(*store);

  Roster changed = Ssr2Roster();
  changed.people.pop_back();
  Meeting fine = SmallMeeting("RDS", 1, D(2017, 6, 2));
  Meeting broken = SmallMeeting("SSR2", 13, D(2017, 6, 30));
  broken.actions.push_back(Item("Broken", {}));
  broken.actions[0].status = static_cast<ActionStatus>(42);  // fails the CHECK on status
  Result<ImportReport> result =
      store->Import({changed, {Imported(fine, "b"), Imported(broken, "c")}});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::kStorage);
  std::string message = result.error().message;
  std::transform(message.begin(), message.end(), message.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  EXPECT_NE(message.find("check constraint"), std::string::npos) << message;
  EXPECT_EQ(ExportJson(*store), before);
  EXPECT_EQ(ExportJson(*Open()), before);
}

TEST_P(StoreContractTest, RegisterEditsMergesAndUnmergesSurviveReopening) {
  Meeting later = SmallMeeting("SSR2", 13, D(2017, 6, 30));
  later.actions = {Item("ICANN Org and JB to book the rooms", {}, {}, ActionStatus::kOpen)};
  later.actions[0].source = ActionSource::kReview;
  ASSERT_TRUE(
      Open()->Import({Ssr2Roster(), {Imported(FullMeeting(), "1"), Imported(later, "2")}}).ok());
  auto store = Open();
  std::vector<std::int64_t> ids = Ids(Ok(store->Actions({})));
  ASSERT_EQ(ids.size(), 4u);
  ActionEdit edit;
  edit.status = ActionStatus::kComplete;
  edit.note = "Sent";
  edit.who = "Jennifer Bryce";
  edit.effective = D(2017, 7, 2);
  EXPECT_EQ(Ok(store->EditAction(ids[0], edit)).item.status, ActionStatus::kComplete);
  ASSERT_TRUE(store->MergeActions(ids[0], ids[3], edit).ok());
  EXPECT_EQ(Ok(store->Actions({})).size(), 3u);
  EXPECT_EQ(store->MergeActions(ids[0], ids[3], edit).error().kind, ErrorKind::kConflict);

  store = Open();
  RegisteredAction merged = Ok(store->Action(ids[3]));
  EXPECT_EQ(merged.merged_into, ids[0]);
  RegisteredAction kept = Ok(store->Action(ids[0]));
  EXPECT_EQ(kept.item.status, ActionStatus::kComplete);
  ASSERT_FALSE(kept.history.empty());
  EXPECT_EQ(kept.history.front().change, "created");
  EXPECT_EQ(kept.history.front().meeting, FullMeeting().key);
  bool by_hand = false;
  for (const ActionChange& c : kept.history) by_hand |= c.who == "Jennifer Bryce" && c.event_id;
  EXPECT_TRUE(by_hand);

  ASSERT_TRUE(store->UnmergeAction(ids[3]).ok());
  EXPECT_EQ(Ids(Ok(store->Actions({}))), ids);
  EXPECT_EQ(store->UnmergeAction(ids[3]).error().kind, ErrorKind::kConflict);
  EXPECT_EQ(store->Action(999999).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(store->EditAction(999999, edit).error().kind, ErrorKind::kNotFound);
}

TEST_P(StoreContractTest, ExportRestoresIntoAnEmptyStoreIdsAndAll) {
  auto store = Open();
  ASSERT_TRUE(store->Import({RosterWithSubTeams(), {Imported(FullMeeting(), "1")}}).ok());
  ActionEdit edit;
  edit.due = std::optional<Date>(D(2017, 8, 1));
  edit.owners = std::vector<Owner>{{"Steve Conte", OwnerKind::kPerson}};
  edit.who = "JB";
  edit.effective = D(2017, 7, 1);
  std::int64_t first = Ids(Ok(store->Actions({})))[0];
  ASSERT_TRUE(store->EditAction(first, edit).ok());
  Snapshot snapshot = Ok(store->Export());
  std::string json = SnapshotJson(snapshot);

  EXPECT_EQ(store->Restore(snapshot).error().kind, ErrorKind::kConflict);

  auto copy = OpenAt(FreshUrl());
  ASSERT_TRUE(copy->Restore(snapshot).ok());
  EXPECT_EQ(ExportJson(*copy), json);
  EXPECT_EQ(Ok(copy->Action(first)).history, Ok(store->Action(first)).history);
  // Ids continue after the restored ones: a new item never takes an old id.
  Meeting next = SmallMeeting("SSR2", 20, D(2018, 1, 1));
  next.actions = {Item("Something new", {})};
  ASSERT_TRUE(copy->Import({{}, {Imported(next, "n")}}).ok());
  std::vector<RegisteredAction> all = Ok(copy->Actions({}));
  EXPECT_GT(all.back().id, Ids(Ok(store->Actions({}))).back());
}

TEST_P(StoreContractTest, RestoreRefusesASnapshotOfOtherTables) {
  Snapshot snapshot = Ok(Open()->Export());
  snapshot.tables[0].columns[1] = "nickname";
  Status status = Open()->Restore(snapshot);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::kInvalidInput);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContractTest, ::testing::Values(Backend::kSqlite),
                         BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, StoreContractTest, ::testing::Values(Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace plenary
