// Test data shared by the store suites: the SSR2 roster, a meeting with
// every field set, and small helpers for building and reading results.
#pragma once

#include <gtest/gtest.h>

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
  m.decisions = {{"The ToR are adopted", 50}, {"Meet weekly", 51}};
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

}  // namespace plenary::store_testing
