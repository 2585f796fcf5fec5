// Test data shared by the store suites: the SSR2 roster, a meeting with
// every field set, and small helpers for building and reading results.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plenary/store.h"

namespace plenary::store_testing {

inline Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

inline Roster Ssr2Roster() {
  return {{"SSR2", "Second Security, Stability, and Resiliency Review Team", D(2017, 3, 1),
           D(2019, 12, 31)},
          {{"James Gannon", Role::kMember, {"JG", "James"}},
           {"Žarko Kečić", Role::kMember, {"ZK"}},
           {"Jennifer Bryce", Role::kStaff, {"JB"}},
           {"Steve Conte", Role::kLiaison, {}}}};
}

inline Meeting FullMeeting() {
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
  m.actions[0].written_status = "in progress";
  m.actions[3].due_phrase = "before the next plenary";
  m.decisions = {{"The ToR are adopted", 50, "Resolved: the ToR are adopted.\nAs amended."},
                 {"Meet weekly", 51}};
  m.guests = {"Ana Guest", "Bob <b>Observer</b>"};
  m.attendance_remarks = {{"Žarko Kečić", "joined at 14:45"}, {"Ana Guest", "left at 15:00"}};
  return m;
}

// A meeting with only its key and date.
inline Meeting SmallMeeting(std::string group, int number, Date date) {
  Meeting m;
  m.key = {std::move(group), "plenary", number};
  m.date = date;
  return m;
}

inline ActionItem Item(std::string text, std::vector<Owner> owners, std::optional<Date> due = {},
                       ActionStatus status = ActionStatus::kOpen) {
  return {std::move(text), std::move(owners), due, status, ActionSource::kTable, {}, 1};
}

inline MeetingImport Imported(Meeting meeting, std::string sha256) {
  return {std::move(meeting), {"notes.txt", std::move(sha256)}};
}

template <typename T>
const T& Ok(const Result<T>& result) {
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.value();
}

inline std::vector<std::string> Texts(const std::vector<RegisteredAction>& actions) {
  std::vector<std::string> texts;
  for (const RegisteredAction& a : actions) texts.push_back(a.item.text);
  return texts;
}

inline std::vector<std::int64_t> Ids(const std::vector<RegisteredAction>& actions) {
  std::vector<std::int64_t> ids;
  for (const RegisteredAction& a : actions) ids.push_back(a.id);
  return ids;
}

// Rows as a plenary of schema version 4 left them (the same SQL on both back
// ends; ids from 100 so that PostgreSQL's identities do not collide): a
// meeting with its attendance and a decision, one register item (#7) with its
// mention, owner and history.
inline constexpr const char* kVersion4Rows = R"sql(
INSERT INTO groups (id, short_name, full_name) VALUES (100, 'SSR2', 'Second SSR');
INSERT INTO meetings (id, group_id, kind, number, date, start_utc, source_name, source_sha256,
  imported_at) VALUES (100, 100, 'Plenary', 15, '2017-06-13', '14:00', 'n.txt', 'abc',
  '2026-11-01T00:00:00Z');
INSERT INTO meeting_participants (meeting_id, role, position, name) VALUES
  (100, 'attendee', 0, 'James Gannon'), (100, 'attendee', 1, 'Žarko Kečić'),
  (100, 'staff', 0, 'Jennifer Bryce'), (100, 'apology', 0, 'Denise Michel');
INSERT INTO decisions (id, meeting_id, position, text, line)
  VALUES (100, 100, 0, 'The ToR are adopted', 50);
INSERT INTO action_mentions (id, meeting_id, position, text, due, status, source, line, item_id)
  VALUES (107, 100, 0, 'Post attendance rates to the wiki.', '2017-06-23', 'open', 'table', 14, 7);
INSERT INTO action_mention_owners (action_id, position, name, kind)
  VALUES (107, 0, 'Staff', 'organisation');
INSERT INTO register_items (id, group_id, replay_position, origin_meeting_id, origin_position,
  text, due, status, source, line) VALUES (7, 100, 0, 100, 0,
  'Post attendance rates to the wiki.', '2017-06-23', 'open', 'table', 14);
INSERT INTO register_item_owners (item_id, position, name, kind)
  VALUES (7, 0, 'Staff', 'organisation');
INSERT INTO register_history (item_id, position, date, meeting_id, change, words, who)
  VALUES (7, 0, '2017-06-13', 100, 'created', 'Post attendance rates to the wiki.', '');
UPDATE register_counter SET next_item_id = 8;
)sql";

// What kVersion4Rows hold, as the store gives them back.
inline Meeting Version4Meeting() {
  Meeting m;
  m.key = {"SSR2", "Plenary", 15};
  m.date = D(2017, 6, 13);
  m.start_utc = TimeOfDay{14, 0};
  m.attendees = {"James Gannon", "Žarko Kečić"};
  m.staff = {"Jennifer Bryce"};
  m.apologies = {"Denise Michel"};
  m.decisions = {{"The ToR are adopted", 50}};
  m.actions = {{"Post attendance rates to the wiki.",
                {{"Staff", OwnerKind::kOrganisation}},
                D(2017, 6, 23),
                ActionStatus::kOpen,
                ActionSource::kTable,
                std::nullopt,
                14}};
  return m;
}

// The next meeting after kVersion4Rows, with what schema 5 added: guests,
// attendance remarks, a resolution's body, the group's words for a status.
inline Meeting Version5Meeting() {
  Meeting m;
  m.key = {"SSR2", "Plenary", 16};
  m.date = D(2017, 6, 20);
  m.attendees = {"James Gannon"};
  m.guests = {"Ana Guest"};
  m.attendance_remarks = {{"James Gannon", "joined at 14:20"}};
  m.decisions = {{"Resolution 2017.06.20", 30, "Resolved, that the ToR are published."}};
  m.actions = {{"Post attendance rates to the wiki",
                {},
                std::nullopt,
                ActionStatus::kComplete,
                ActionSource::kReview,
                std::nullopt,
                12,
                "done",
                ""}};
  return m;
}

// Checks a store migrated from kVersion4Rows: the old rows intact, then the
// new fields written and read back, item #7 completed by the next meeting.
inline void ExpectVersion4RowsMigrated(Store& store) {
  EXPECT_EQ(Ok(store.Meetings()), std::vector<Meeting>{Version4Meeting()});
  std::vector<RegisteredAction> items = Ok(store.Actions({}));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].id, 7);
  EXPECT_EQ(items[0].item.text, "Post attendance rates to the wiki.");
  EXPECT_EQ(items[0].item.written_status, "");
  EXPECT_EQ(Ok(store.Action(7)).history.size(), 1u);

  ASSERT_TRUE(store.Import({{}, {Imported(Version5Meeting(), "v5")}}).ok());
  EXPECT_EQ(Ok(store.Meetings()), (std::vector<Meeting>{Version4Meeting(), Version5Meeting()}));
  items = Ok(store.Actions({}));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].id, 7);
  EXPECT_EQ(items[0].item.status, ActionStatus::kComplete);
  EXPECT_EQ(items[0].item.written_status, "done");
  std::vector<RegisteredDecision> decisions = Ok(store.Decisions());
  ASSERT_EQ(decisions.size(), 2u);
  EXPECT_EQ(decisions[1].decision.body, "Resolved, that the ToR are published.");
}

// Membership dates, sub-teams (with and without a lead or members) and a
// meeting's sub-team.
inline Roster RosterWithSubTeams() {
  Roster roster = Ssr2Roster();
  roster.people[0].member_to = D(2018, 6, 30);
  roster.people[1].member_from = D(2017, 8, 1);
  roster.subteams = {{"SSR1 review", "Žarko Kečić", {"Žarko Kečić", "James Gannon"}},
                     {"ICANN Security", std::nullopt, {"Steve Conte"}},
                     {"Future challenges", std::nullopt, {}}};
  return roster;
}

// FullMeeting with one more item, "Send the draft to the Board" (the ICANN
// Board's), merged into another item that is then given to Denise Michel:
// the Board owns only a merged item. For what a group's owner list holds.
inline void ImportABoardItemMergedAndReassigned(Store& store) {
  Meeting first = FullMeeting();
  first.actions.push_back(
      Item("Send the draft to the Board", {{"ICANN Board", OwnerKind::kOrganisation}}));
  ASSERT_TRUE(store.Import({Ssr2Roster(), {Imported(first, "1")}}).ok());
  auto items = store.Actions({});
  ASSERT_TRUE(items.ok() && items->size() >= 2u);
  auto board = std::find_if(items->begin(), items->end(), [](const RegisteredAction& a) {
    return a.item.text == "Send the draft to the Board";
  });
  ASSERT_NE(board, items->end());
  std::int64_t into = board == items->begin() ? items->back().id : items->front().id;
  ActionEdit by{std::nullopt, std::nullopt, std::nullopt, "", "tester", D(2030, 1, 1)};
  ASSERT_TRUE(store.MergeActions(into, board->id, by).ok());
  ActionEdit owners{
      std::nullopt, std::nullopt, std::vector<Owner>{{"Denise Michel", OwnerKind::kPerson}},
      "",           "tester",     D(2030, 1, 2)};
  ASSERT_TRUE(store.EditAction(into, owners).ok());
}

// A meeting after ImportABoardItemMergedAndReassigned's whose items have
// several owners, one of them twice under two names ("JG" and "James Gannon",
// as an import that does not resolve names leaves them), one complete.
inline void ImportItemsOfSeveralOwners(Store& store) {
  Meeting m = SmallMeeting("SSR2", 13, D(2017, 7, 7));
  const Owner james{"James Gannon", OwnerKind::kPerson}, jg{"JG", OwnerKind::kUnresolved},
      zarko{"Žarko Kečić", OwnerKind::kPerson}, staff{"Staff", OwnerKind::kOrganisation};
  m.actions = {Item("Circulate the outline", {james, zarko}),
               Item("Check the outline's references", {james, jg}),
               Item("Book the face-to-face room", {staff, zarko}),
               Item("Send the travel forms", {jg, staff, zarko}, {}, ActionStatus::kComplete),
               Item("Ask the Board for a date", {jg})};
  auto report = store.Import({std::nullopt, {Imported(m, "13")}});
  ASSERT_TRUE(report.ok()) << report.error().message;
}

// My items' count of `person`'s items in `group`, for each status and for
// any, against the items it lists and the group's own owner filter
// (ActionQuery::owner), which reads every item.
inline void ExpectMyItemsCountedAsListed(Store& store, const std::string& person,
                                         const std::string& group) {
  ActionQuery q;
  q.owner = person;
  q.group = group;
  auto items = store.Actions(q);
  ASSERT_TRUE(items.ok()) << items.error().message;
  for (std::optional<ActionStatus> status :
       {std::optional<ActionStatus>(), std::optional(ActionStatus::kOpen),
        std::optional(ActionStatus::kComplete)}) {
    std::size_t expected = 0;
    for (const RegisteredAction& a : *items)
      if (!a.merged_into && (!status || a.item.status == *status)) ++expected;
    PageRequest all;
    all.limit = 1000;
    auto page = store.OwnedActionPage({person, {group}, status}, all);
    ASSERT_TRUE(page.ok()) << page.error().message;
    EXPECT_EQ(page->total, expected)
        << person << ", " << (status ? ActionStatusName(*status) : "any");
    EXPECT_EQ(page->items.size(), expected) << person;
  }
}

}  // namespace plenary::store_testing
