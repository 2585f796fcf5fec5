#include "core/attendance.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// Alain a member throughout; Boban joined in August; Cathy left at the end
// of June; Kaveh a liaison; Jennifer staff; Pat an observer.
Roster TestRoster() {
  Roster r;
  r.group = {"SSR2", "", D(2017, 3, 1), D(2021, 1, 31)};
  r.people = {{"Alain Aina", Role::kMember, {"AA"}},
              {"Boban Kršić", Role::kMember, {"BK"}, D(2017, 8, 1), std::nullopt},
              {"Cathy Handley", Role::kMember, {"CH"}, std::nullopt, D(2017, 6, 30)},
              {"Kaveh Ranjbar", Role::kLiaison, {"KR"}},
              {"Jennifer Bryce", Role::kStaff, {"JB"}},
              {"Pat Kane", Role::kObserver, {}}};
  r.subteams = {{"SSR1 review", "Cathy Handley", {"Cathy Handley", "Boban Kršić"}}};
  return r;
}

Meeting MeetingOn(Date date, std::vector<std::string> attendees,
                  std::vector<std::string> apologies = {}, std::string kind = "Plenary") {
  Meeting m;
  m.key = {"SSR2", std::move(kind), 1};
  m.date = date;
  m.attendees = std::move(attendees);
  m.apologies = std::move(apologies);
  return m;
}

TEST(Attendance, MembershipDecidesWhoIsExpected) {
  Roster roster = TestRoster();
  Meeting july = MeetingOn(D(2017, 7, 4), {"Alain Aina", "Pat Kane"}, {"Kaveh Ranjbar"});
  july.staff = {"Jennifer Bryce", "Steve Conte"};
  MeetingAttendance a = AttendanceOf(july, &roster);
  EXPECT_EQ(a.people, (std::vector<PersonPresence>{
                          {"Alain Aina", Presence::kPresent, Standing::kExpected},
                          {"Kaveh Ranjbar", Presence::kApology, Standing::kExpected}}));
  EXPECT_EQ(a.staff, (std::vector<std::string>{"Jennifer Bryce", "Steve Conte"}));
  EXPECT_EQ(a.observers, std::vector<std::string>{"Pat Kane"});
  EXPECT_EQ(a.not_on_roster, std::vector<std::string>{"Steve Conte"});
  EXPECT_EQ(a.subteam, std::nullopt);

  // In June Cathy is a member and Boban not yet; on the day she leaves she still is.
  Meeting june = MeetingOn(D(2017, 6, 30), {"Alain Aina"});
  EXPECT_EQ(
      AttendanceOf(june, &roster).people,
      (std::vector<PersonPresence>{{"Alain Aina", Presence::kPresent, Standing::kExpected},
                                   {"Cathy Handley", Presence::kAbsent, Standing::kExpected},
                                   {"Kaveh Ranjbar", Presence::kAbsent, Standing::kExpected}}));
}

TEST(Attendance, NamesResolveThroughTheRosterAndUnknownNamesAreKept) {
  Roster roster = TestRoster();
  // Imported before the roster: names as the notes wrote them.
  Meeting m = MeetingOn(D(2017, 8, 8), {"AA", "boban krsic", "Mystery Guest"},
                        {"Alain Aina", "Someone Else", "Mystery Guest"});
  m.staff = {"JB", "KR"};
  MeetingAttendance a = AttendanceOf(m, &roster);
  EXPECT_EQ(a.people, (std::vector<PersonPresence>{
                          {"Alain Aina", Presence::kPresent, Standing::kExpected},
                          {"Boban Kršić", Presence::kPresent, Standing::kExpected},
                          {"Kaveh Ranjbar", Presence::kPresent, Standing::kExpected},
                          {"Mystery Guest", Presence::kPresent, Standing::kNotOnRoster},
                          {"Someone Else", Presence::kApology, Standing::kNotOnRoster}}));
  EXPECT_EQ(a.staff, std::vector<std::string>{"Jennifer Bryce"});
  EXPECT_EQ(a.not_on_roster, (std::vector<std::string>{"Mystery Guest", "Someone Else"}));
}

TEST(Attendance, RosterPeopleOutsideTheirMembershipAreGuests) {
  Roster roster = TestRoster();
  MeetingAttendance a = AttendanceOf(MeetingOn(D(2017, 7, 4), {"Boban Kršić"}), &roster);
  EXPECT_EQ(a.people.back(), (PersonPresence{"Boban Kršić", Presence::kPresent, Standing::kGuest}));
  EXPECT_EQ(a.people.size(), 3u);
}

TEST(Attendance, WithoutARosterOnlyNamedPeopleAreListed) {
  MeetingAttendance a = AttendanceOf(MeetingOn(D(2017, 7, 4), {"A"}, {"B", "A"}), nullptr);
  EXPECT_EQ(a.people,
            (std::vector<PersonPresence>{{"A", Presence::kPresent, Standing::kNotOnRoster},
                                         {"B", Presence::kApology, Standing::kNotOnRoster}}));
  EXPECT_TRUE(a.not_on_roster.empty());
}

TEST(Attendance, SubTeamMeetingsExpectTheSubTeam) {
  Roster roster = TestRoster();
  Meeting m = MeetingOn(D(2017, 8, 8), {"Alain Aina"}, {}, "SSR1 Review Subteam");
  MeetingAttendance a = AttendanceOf(m, &roster);
  EXPECT_EQ(a.subteam, "SSR1 review");
  // Cathy left in June: only Boban is expected; Alain came as a guest.
  EXPECT_EQ(a.people,
            (std::vector<PersonPresence>{{"Boban Kršić", Presence::kAbsent, Standing::kExpected},
                                         {"Alain Aina", Presence::kPresent, Standing::kGuest}}));
}

TEST(Attendance, IsMemberOnIsInclusive) {
  Person p{"A", Role::kMember, {}, D(2017, 8, 1), D(2018, 6, 30)};
  EXPECT_FALSE(IsMemberOn(p, D(2017, 7, 31)));
  EXPECT_TRUE(IsMemberOn(p, D(2017, 8, 1)));
  EXPECT_TRUE(IsMemberOn(p, D(2018, 6, 30)));
  EXPECT_FALSE(IsMemberOn(p, D(2018, 7, 1)));
  EXPECT_TRUE(IsMemberOn(Person{"B", Role::kMember, {}}, D(1999, 1, 1)));
}

Participation Row(std::string name, std::optional<Role> role, int held, int present, int apologies,
                  int absent, std::optional<double> rate) {
  return {std::move(name), role, held, present, apologies, absent, rate};
}

std::vector<Meeting> Summer() {
  Meeting june = MeetingOn(D(2017, 6, 13), {"Alain Aina", "Cathy Handley", "Walk In"});
  june.staff = {"Jennifer Bryce"};
  return {june, MeetingOn(D(2017, 7, 4), {"Alain Aina", "Boban Kršić"}, {"Kaveh Ranjbar"}),
          MeetingOn(D(2017, 8, 8), {"Boban Kršić", "Pat Kane"}, {"Alain Aina"}),
          MeetingOn(D(2017, 8, 10), {"Boban Kršić"}, {}, "SSR1 Review Sub-team Call"),
          MeetingOn(D(2017, 9, 5), {"Alain Aina"})};
}

TEST(Participation, CountsMeetingsHeldWhileAMember) {
  Roster roster = TestRoster();
  auto rows = ParticipationOver(Summer(), &roster, D(2017, 6, 1), D(2017, 8, 31), std::nullopt);
  EXPECT_EQ(rows, (std::vector<Participation>{
                      Row("Alain Aina", Role::kMember, 3, 2, 1, 0, 2.0 / 3),
                      Row("Boban Kršić", Role::kMember, 1, 1, 0, 0, 1.0),
                      Row("Cathy Handley", Role::kMember, 1, 1, 0, 0, 1.0),
                      Row("Kaveh Ranjbar", Role::kLiaison, 3, 0, 1, 2, 0.0),
                      Row("Jennifer Bryce", Role::kStaff, 0, 1, 0, 0, std::nullopt),
                      Row("Pat Kane", Role::kObserver, 0, 1, 0, 0, std::nullopt),
                      Row("Walk In", std::nullopt, 0, 1, 0, 0, std::nullopt)}));
}

TEST(Participation, APersonWithNoMeetingsHasNoRate) {
  Roster roster = TestRoster();
  // September: Cathy has left (not listed); Boban has no meeting but is a member.
  auto rows = ParticipationOver(Summer(), &roster, D(2017, 9, 6), D(2017, 9, 30), std::nullopt);
  EXPECT_EQ(rows, (std::vector<Participation>{
                      Row("Alain Aina", Role::kMember, 0, 0, 0, 0, std::nullopt),
                      Row("Boban Kršić", Role::kMember, 0, 0, 0, 0, std::nullopt),
                      Row("Kaveh Ranjbar", Role::kLiaison, 0, 0, 0, 0, std::nullopt)}));
}

TEST(Participation, SubTeamCountsItsMeetingsAndItsMembers) {
  Roster roster = TestRoster();
  auto rows =
      ParticipationOver(Summer(), &roster, D(2017, 1, 1), D(2017, 12, 31), "SSR1 Review Subteam");
  EXPECT_EQ(rows, (std::vector<Participation>{
                      Row("Cathy Handley", Role::kMember, 0, 0, 0, 0, std::nullopt),
                      Row("Boban Kršić", Role::kMember, 1, 1, 0, 0, 1.0)}));
  EXPECT_TRUE(
      ParticipationOver(Summer(), &roster, D(2017, 1, 1), D(2017, 12, 31), "No such team").empty());
}

TEST(Participation, GroupWideCountsNoSubTeamMeeting) {
  Roster roster = TestRoster();
  auto rows = ParticipationOver(Summer(), &roster, D(2017, 8, 9), D(2017, 8, 31), std::nullopt);
  for (const Participation& row : rows) EXPECT_EQ(row.held, 0) << row.name;
}

TEST(Participation, WithoutARosterEveryoneIsNotOnTheRoster) {
  auto rows = ParticipationOver(Summer(), nullptr, D(2017, 6, 1), D(2017, 6, 30), std::nullopt);
  EXPECT_EQ(rows, (std::vector<Participation>{
                      Row("Alain Aina", std::nullopt, 0, 1, 0, 0, std::nullopt),
                      Row("Cathy Handley", std::nullopt, 0, 1, 0, 0, std::nullopt),
                      Row("Walk In", std::nullopt, 0, 1, 0, 0, std::nullopt),
                      Row("Jennifer Bryce", std::nullopt, 0, 1, 0, 0, std::nullopt)}));
}

}  // namespace
}  // namespace plenary
