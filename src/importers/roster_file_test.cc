#include "importers/roster_file.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

Result<Roster> Read(std::string_view text) {
  auto source = SourceText::Load("roster.txt", text);
  if (!source.ok()) return source.error();
  return ReadRoster(*source);
}

std::string FirstLineOfError(std::string_view text) {
  auto roster = Read(text);
  EXPECT_FALSE(roster.ok());
  return roster.ok() ? "" : roster.error().message.substr(0, roster.error().message.find('\n'));
}

TEST(RosterFile, ReadsGroupPeopleRolesAndAliases) {
  auto roster = Read(
      "# comment\ngroup: SSR2\nname: Second SSR Review Team\n"
      "active: 2017-03-01 to 2021-01-31\n\n"
      "Zarko Kecic | member | ZK, Žarko Kečić\nKaveh Ranjbar | liaison | KR\n"
      "Steve Conte | staff |\n");
  ASSERT_TRUE(roster.ok()) << roster.error().message;
  EXPECT_EQ(roster->group.short_name, "SSR2");
  EXPECT_EQ(roster->group.full_name, "Second SSR Review Team");
  EXPECT_EQ(roster->group.active_from, Date{std::chrono::year{2017} / 3 / 1});
  EXPECT_EQ(roster->group.active_to, Date{std::chrono::year{2021} / 1 / 31});
  ASSERT_EQ(roster->people.size(), 3u);
  EXPECT_EQ(roster->people[0], (Person{"Zarko Kecic", Role::kMember, {"ZK", "Žarko Kečić"}}));
  EXPECT_EQ(roster->people[1].role, Role::kLiaison);
  EXPECT_TRUE(roster->people[2].aliases.empty());
}

TEST(RosterFile, Errors) {
  EXPECT_EQ(FirstLineOfError("James Gannon | member\n"),
            "roster.txt:1:1: roster has no 'group: NAME' line");
  EXPECT_EQ(FirstLineOfError("group: SSR2\nJames Gannon | chair | JG\n"),
            "roster.txt:2:16: expected a role: member, staff, liaison or observer");
  EXPECT_EQ(FirstLineOfError("group: SSR2\nA B | member | AB\nC D | member | AB\n"),
            "roster.txt:3:16: 'AB' already names A B");
  EXPECT_EQ(FirstLineOfError("group: SSR2\nA B | member\nA B | staff\n"),
            "roster.txt:3:1: A B is listed twice");
  EXPECT_EQ(FirstLineOfError("group: SSR2\nactive: 2021-01-31 to 2017-03-01\n"),
            "roster.txt:2:23: the active period ends before it starts");
  EXPECT_EQ(FirstLineOfError("group: SSR2\nactive: March 2017\n"),
            "roster.txt:2:9: expected 'active: YYYY-MM-DD to YYYY-MM-DD'");
  EXPECT_EQ(FirstLineOfError("group: SSR2\nchair: Emily\n"),
            "roster.txt:2:1: unknown setting 'chair': expected group, name, active, subteam or "
            "organisation");
  EXPECT_EQ(FirstLineOfError("group: SSR2\nA B | member | AB | 2017 | more\n"),
            "roster.txt:2:1: expected 'NAME | ROLE | ALIASES | DATES' (and 'email: ADDRESS', "
            "'reminders: yes|no', 'affiliation: ORG', 'capacity: representative|individual') (2 "
            "to 4 fields), found 5");
}

TEST(RosterFile, ReadsAddressesOptOutsAndOrganisations) {
  auto roster = Read(
      "group: SSR2\n"
      "Denise Michel | member | DM | email: denise@example.org\n"
      "Geoff Huston | member | email: gh@example.net | reminders: no\n"
      "Eric Osterweil | member | EO | 2017-08-01 to | E-mail: eo@example.com | reminders: yes\n"
      "Kaveh Ranjbar | liaison\n"
      "organisation: ICANN Org | email: ssr2-staff@icann.org\n"
      "organization: Secretariat | email: secretariat@icann.org\n"
      "organisation: Subteam rapporteurs | email: rapporteurs@example.org\n");
  ASSERT_TRUE(roster.ok()) << roster.error().message;
  ASSERT_EQ(roster->people.size(), 4u);
  Person denise{"Denise Michel", Role::kMember, {"DM"}};
  denise.email = "denise@example.org";
  EXPECT_EQ(roster->people[0], denise);
  EXPECT_EQ(roster->people[1].email, "gh@example.net");
  EXPECT_TRUE(roster->people[1].aliases.empty());
  EXPECT_FALSE(roster->people[1].reminders);
  EXPECT_EQ(roster->people[2].email, "eo@example.com");
  EXPECT_EQ(roster->people[2].aliases, std::vector<std::string>{"EO"});
  EXPECT_TRUE(roster->people[2].member_from.has_value());
  EXPECT_TRUE(roster->people[2].reminders);
  EXPECT_EQ(roster->people[3].email, std::nullopt);
  EXPECT_TRUE(roster->people[3].reminders);
  // Organisations by the directory's names ("Secretariat" is Staff), others as written.
  EXPECT_EQ(roster->organisations,
            (std::vector<OrganisationAddress>{{"ICANN Org", "ssr2-staff@icann.org"},
                                              {"Staff", "secretariat@icann.org"},
                                              {"Subteam rapporteurs", "rapporteurs@example.org"}}));
}

TEST(RosterFile, ReadsAffiliationsAndCapacities) {
  auto roster = Read(
      "group: SSR2\n"
      "Denise Michel | member | DM | affiliation: GNSO | capacity: Representative\n"
      "Geoff Huston | member | affiliation:  Number  Resource Organization \n"
      "Kaveh Ranjbar | liaison | capacity: individual\n");
  ASSERT_TRUE(roster.ok()) << roster.error().message;
  EXPECT_EQ(roster->people[0].affiliation, "GNSO");
  EXPECT_EQ(roster->people[0].capacity, Capacity::kRepresentative);
  EXPECT_EQ(roster->people[0].aliases, std::vector<std::string>{"DM"});
  EXPECT_EQ(roster->people[1].affiliation, "Number Resource Organization");
  EXPECT_EQ(roster->people[1].capacity, std::nullopt);
  EXPECT_EQ(roster->people[2].affiliation, "");
  EXPECT_EQ(roster->people[2].capacity, Capacity::kIndividual);
  EXPECT_EQ(FirstLineOfError("group: SSR2\nA B | member | capacity: chair\n"),
            "roster.txt:2:16: expected 'capacity: representative' or 'capacity: individual'");
  EXPECT_EQ(FirstLineOfError("group: SSR2\nA B | member | affiliation:\n"),
            "roster.txt:2:16: expected 'affiliation: ORGANISATION'");
  EXPECT_EQ(FirstLineOfError("group: SSR2\nA B | member | affiliation: GAC | affiliation: ALAC\n"),
            "roster.txt:2:35: affiliation: is given twice");
}

TEST(RosterFile, AddressErrors) {
  EXPECT_EQ(FirstLineOfError("group: SSR2\nA B | member | AB | email: a b@example.org\n"),
            "roster.txt:2:28: expected an e-mail address 'NAME@DOMAIN.TLD'");
  EXPECT_EQ(FirstLineOfError("group: SSR2\nA B | member | email:\n"),
            "roster.txt:2:16: expected an e-mail address 'NAME@DOMAIN.TLD'");
  EXPECT_EQ(FirstLineOfError("group: SSR2\nA B | member | email: a@b.org | email: c@d.org\n"),
            "roster.txt:2:33: email: is given twice");
  EXPECT_EQ(FirstLineOfError("group: SSR2\nA B | member | reminders: maybe\n"),
            "roster.txt:2:16: expected 'reminders: yes' or 'reminders: no'");
  EXPECT_EQ(FirstLineOfError("group: SSR2\nA B | member | reminders: no | reminders: yes\n"),
            "roster.txt:2:32: reminders: is given twice");
  EXPECT_EQ(FirstLineOfError("group: SSR2\norganisation: Staff\n"),
            "roster.txt:2:1: expected 'organisation: NAME | email: ADDRESS'");
  EXPECT_EQ(FirstLineOfError("group: SSR2\norganisation: Staff | email: staff@localhost\n"),
            "roster.txt:2:30: expected an e-mail address 'NAME@DOMAIN.TLD'");
  EXPECT_EQ(FirstLineOfError("group: SSR2\nDenise Michel | member | DM\n"
                             "organisation: DM | email: dm@example.org\n"),
            "roster.txt:3:15: 'DM' is Denise Michel, a person: give a person's address on their "
            "own line ('| email: ADDRESS')");
  EXPECT_EQ(FirstLineOfError("group: SSR2\norganisation: Staff | email: a@example.org\n"
                             "organisation: ICANN Staff | email: b@example.org\n"),
            "roster.txt:3:15: Staff is given an address twice (first on line 2)");
}

const std::string kHead = "group: SSR2\nactive: 2017-03-01 to 2021-01-31\n";

TEST(RosterFile, ReadsMembershipDates) {
  auto roster = Read(kHead +
                     "A B | member | AB | 2017-08-01 to\n"
                     "C D | liaison | | to 2018-06-30\n"
                     "E F | member | EF | 2017-08-01 to 2018-06-30\n"
                     "G H | member | GH |\n"
                     "I J | staff\n");
  ASSERT_TRUE(roster.ok()) << roster.error().message;
  ASSERT_EQ(roster->people.size(), 5u);
  const Date aug{std::chrono::year{2017} / 8 / 1}, june{std::chrono::year{2018} / 6 / 30};
  EXPECT_EQ(roster->people[0], (Person{"A B", Role::kMember, {"AB"}, aug, std::nullopt}));
  EXPECT_EQ(roster->people[1], (Person{"C D", Role::kLiaison, {}, std::nullopt, june}));
  EXPECT_EQ(roster->people[2], (Person{"E F", Role::kMember, {"EF"}, aug, june}));
  EXPECT_EQ(roster->people[3], (Person{"G H", Role::kMember, {"GH"}}));
  EXPECT_EQ(roster->people[4], (Person{"I J", Role::kStaff, {}}));
}

TEST(RosterFile, MembershipDatesNeedNoActivePeriod) {
  auto roster = Read("group: SSR2\nA B | member | | 1999-01-01 to 2030-12-31\n");
  ASSERT_TRUE(roster.ok()) << roster.error().message;
  EXPECT_EQ(roster->people[0].member_to, Date{std::chrono::year{2030} / 12 / 31});
}

TEST(RosterFile, MembershipDateErrors) {
  const std::string expected =
      "expected membership dates 'YYYY-MM-DD to', 'to YYYY-MM-DD' or 'YYYY-MM-DD to YYYY-MM-DD'";
  EXPECT_EQ(FirstLineOfError(kHead + "A B | member | AB | 2017-08-01\n"),
            "roster.txt:3:21: " + expected);
  EXPECT_EQ(FirstLineOfError(kHead + "A B | member | AB | to\n"), "roster.txt:3:21: " + expected);
  EXPECT_EQ(FirstLineOfError(kHead + "A B | member | AB | August 2017 to\n"),
            "roster.txt:3:21: " + expected);
  EXPECT_EQ(FirstLineOfError(kHead + "A B | member | AB | 2017-08-01 to 2017-09-31\n"),
            "roster.txt:3:35: " + expected);
  EXPECT_EQ(FirstLineOfError(kHead + "A B | member | AB | 2018-08-01 to 2017-09-30\n"),
            "roster.txt:3:35: the membership ends before it starts");
  EXPECT_EQ(FirstLineOfError(kHead + "A B | member | AB | 2017-02-01 to\n"),
            "roster.txt:3:21: membership date 2017-02-01 is outside the group's active period "
            "(2017-03-01 to 2021-01-31)");
  EXPECT_EQ(FirstLineOfError(kHead + "A B | member | AB | to 2021-02-01\n"),
            "roster.txt:3:24: membership date 2021-02-01 is outside the group's active period "
            "(2017-03-01 to 2021-01-31)");
  // The active period may come after the people; an open one has no end.
  EXPECT_EQ(FirstLineOfError("group: SSR2\nA B | member | | 2017-01-01 to\n"
                             "active: 2017-03-01 to\n"),
            "roster.txt:2:18: membership date 2017-01-01 is outside the group's active period "
            "(from 2017-03-01)");
}

const std::string kPeople = kHead +
                            "Denise Michel | member | DM\n"
                            "Emily Taylor | member | ET\n"
                            "James Gannon | liaison | JG\n"
                            "Jennifer Bryce | staff | JB\n";

TEST(RosterFile, ReadsSubTeamsWithCanonicalNames) {
  auto roster = Read(kPeople +
                     "subteam: SSR1 review | lead: Denise | members: DM, emily taylor, JG\n"
                     "Sub-team: ICANN Security Sub-team | members: ET\n"
                     "subteam:  Future   challenges \n");
  ASSERT_TRUE(roster.ok()) << roster.error().message;
  ASSERT_EQ(roster->subteams.size(), 3u);
  EXPECT_EQ(
      roster->subteams[0],
      (SubTeam{"SSR1 review", "Denise Michel", {"Denise Michel", "Emily Taylor", "James Gannon"}}));
  EXPECT_EQ(roster->subteams[1],
            (SubTeam{"ICANN Security Sub-team", std::nullopt, {"Emily Taylor"}}));
  EXPECT_EQ(roster->subteams[2], (SubTeam{"Future challenges", std::nullopt, {}}));
}

TEST(RosterFile, SubTeamsMayComeBeforeTheirPeople) {
  auto roster =
      Read("group: SSR2\nsubteam: SSR1 review | members: DM\nDenise Michel | member | DM\n");
  ASSERT_TRUE(roster.ok()) << roster.error().message;
  EXPECT_EQ(roster->subteams[0].members, std::vector<std::string>{"Denise Michel"});
}

TEST(RosterFile, SubTeamErrors) {
  EXPECT_EQ(FirstLineOfError(kPeople + "subteam: SSR1 review | members: DM, XY\n"),
            "roster.txt:7:37: 'XY' matches nobody on the roster");
  EXPECT_EQ(FirstLineOfError(kPeople + "subteam: SSR1 review | lead: Nobody | members: DM\n"),
            "roster.txt:7:30: 'Nobody' matches nobody on the roster");
  EXPECT_EQ(FirstLineOfError(kPeople + "subteam: SSR1 review | lead: ET | members: DM, JG\n"),
            "roster.txt:7:30: the lead, Emily Taylor, is not one of the sub-team's members");
  EXPECT_EQ(FirstLineOfError(kPeople + "subteam: SSR1 review | lead: ET\n"),
            "roster.txt:7:30: the lead, Emily Taylor, is not one of the sub-team's members");
  EXPECT_EQ(FirstLineOfError(kPeople + "subteam: SSR1 review | members: DM\n"
                                       "subteam: SSR1 Review Subteam | members: ET\n"),
            "roster.txt:8:10: sub-team 'SSR1 Review Subteam' is listed twice (first on line 7)");
  EXPECT_EQ(FirstLineOfError(kPeople + "subteam: SSR1 review | members: DM, Denise Michel\n"),
            "roster.txt:7:37: Denise Michel is listed twice in the sub-team");
  EXPECT_EQ(FirstLineOfError(kPeople + "subteam: SSR1 review | members: DM, JB\n"),
            "roster.txt:7:37: Jennifer Bryce is staff; a sub-team's members are members or "
            "liaisons");
  EXPECT_EQ(FirstLineOfError(kPeople + "subteam: | members: DM\n"),
            "roster.txt:7:1: expected a sub-team name after 'subteam:'");
  EXPECT_EQ(FirstLineOfError(kPeople + "subteam: Sub-team | members: DM\n"),
            "roster.txt:7:10: a sub-team name needs a word other than 'sub-team'");
  EXPECT_EQ(FirstLineOfError(kPeople + "subteam: SSR1 review | chair: DM\n"),
            "roster.txt:7:24: expected 'lead: NAME' or 'members: NAME, NAME, ...'");
  EXPECT_EQ(FirstLineOfError(kPeople + "subteam: SSR1 review | lead: DM | lead: ET\n"),
            "roster.txt:7:35: the sub-team's lead is given twice");
  EXPECT_EQ(FirstLineOfError(kPeople + "subteam: SSR1 review | members: DM,, ET\n"),
            "roster.txt:7:24: expected 'members: NAME, NAME, ...'");
}

}  // namespace
}  // namespace plenary
