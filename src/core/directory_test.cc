#include "core/directory.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

Roster TestRoster() {
  Roster r;
  r.group.short_name = "SSR2";
  r.people = {{"James Gannon", Role::kMember, {"JG"}},
              {"Žarko Kečić", Role::kMember, {"ZK", "Zarko Kecic"}},
              {"James Bond", Role::kObserver, {}},
              {"Emily Taylor", Role::kMember, {"ET"}}};
  return r;
}

TEST(Directory, PeopleByNameAliasInitialsAndUniqueFirstName) {
  Roster r = TestRoster();
  Directory d(&r, "SSR2");
  EXPECT_EQ(d.FindPerson("james gannon")->name, "James Gannon");
  EXPECT_EQ(d.FindPerson("ZARKO KECIC")->name, "Žarko Kečić");
  EXPECT_EQ(d.FindPerson("JG")->name, "James Gannon");
  EXPECT_EQ(d.FindPerson("jg"), nullptr);  // initials only in capitals
  EXPECT_EQ(d.FindPerson("Emily")->name, "Emily Taylor");
  EXPECT_EQ(d.FindPerson("James"), nullptr);  // two Jameses: ambiguous, never guessed
}

TEST(Directory, OwnersAndLeadingOwners) {
  Roster r = TestRoster();
  Directory d(&r, "SSR2");
  EXPECT_EQ(d.ResolveOwner("ICANN org"), (Owner{"ICANN Org", OwnerKind::kOrganisation}));
  EXPECT_EQ(d.ResolveOwner("Board"), (Owner{"ICANN Board", OwnerKind::kOrganisation}));
  EXPECT_EQ(d.ResolveOwner("SSR2 RT"), (Owner{"Team", OwnerKind::kOrganisation}));
  EXPECT_EQ(d.ResolveOwner(" Someone  Else "), (Owner{"Someone Else", OwnerKind::kUnresolved}));
  auto lead = d.LeadingOwner("ICANN OCTO team tracking action items: Share links");
  ASSERT_TRUE(lead);
  EXPECT_EQ(lead->owner.name, "ICANN OCTO");
  EXPECT_EQ(d.LeadingOwner("JG to draft")->owner.name, "James Gannon");
  EXPECT_FALSE(d.LeadingOwner("Observers: Keep interactions as-is"));
  EXPECT_FALSE(d.LeadingOwner("Send written responses"));
}

TEST(Directory, OwnerQueriesAsPeopleTypeThem) {
  Roster r = TestRoster();
  Directory d(&r, "SSR2");
  Owner james{"James Gannon", OwnerKind::kPerson};
  EXPECT_TRUE(d.Names(james, "james gannon"));
  EXPECT_TRUE(d.Names(james, "jg"));  // initials typed in lower case are fine in a query
  EXPECT_FALSE(d.Names(james, "James"));
  EXPECT_TRUE(d.Names({"Žarko Kečić", OwnerKind::kPerson}, "zarko kecic"));
  Owner org{"ICANN Org", OwnerKind::kOrganisation};
  EXPECT_TRUE(d.Names(org, "icann"));
  EXPECT_FALSE(d.Names(org, "board"));
  EXPECT_TRUE(d.Names({"XY", OwnerKind::kUnresolved}, "xy"));
  EXPECT_FALSE(d.Names(james, ""));
}

TEST(Directory, WithoutRosterOnlyOrganisationsResolve) {
  Directory d(nullptr, "SSR2");
  EXPECT_EQ(d.FindPerson("JG"), nullptr);
  EXPECT_EQ(d.ResolveOwner("JG").kind, OwnerKind::kUnresolved);
  EXPECT_EQ(d.ResolveOwner("Staff").kind, OwnerKind::kOrganisation);
}

// The SSR2 people as the review team's wiki pages write them.
Roster WikiRoster() {
  Roster r;
  r.group.short_name = "SSR2";
  r.people = {{"Alain Aina", Role::kMember, {"AA"}},
              {"Kerry-Ann Barrett", Role::kMember, {"KAB", "Kerry Ann Barrett"}},
              {"James Gannon", Role::kMember, {"JG"}},
              {"Mohamad Amin Hasbini", Role::kMember, {"MAH", "Amin Hasbini"}},
              {"Geoff Huston", Role::kMember, {"GH"}},
              {"Zarko Kecic", Role::kMember, {"ZK", "Žarko Kečić"}},
              {"Boban Krsic", Role::kMember, {"BK", "Boban Kršić"}},
              {"Eric Osterweil", Role::kMember, {"EO"}},
              {"Denise Michel", Role::kMember, {}},
              {"Dennis Michel", Role::kObserver, {}},
              {"Emily Taylor", Role::kMember, {"ET"}},
              {"Emily Brown", Role::kStaff, {}},
              {"Steve Conte", Role::kStaff, {"SC"}}};
  return r;
}

using Rule = Directory::NameRule;

void ExpectTaken(const Directory& d, std::string_view written, std::string_view name, Rule rule) {
  SCOPED_TRACE(std::string(written));
  auto m = d.MatchPerson(written);
  EXPECT_EQ(m.owner.name, name);
  EXPECT_EQ(m.owner.kind, OwnerKind::kPerson);
  EXPECT_EQ(m.rule, rule);
}

TEST(DirectoryNames, TheRostersOwnSpellingsAreNoGuess) {
  Roster r = WikiRoster();
  Directory d(&r, "SSR2");
  ExpectTaken(d, "geoff  huston", "Geoff Huston", Rule::kName);
  ExpectTaken(d, "Amin Hasbini", "Mohamad Amin Hasbini", Rule::kAlias);
  ExpectTaken(d, "JG", "James Gannon", Rule::kAlias);
  ExpectTaken(d, "Žarko Kecic", "Zarko Kecic", Rule::kName);  // diacritics: folded alike
  EXPECT_FALSE(d.MatchPerson("Geoff Huston").guessed());
  EXPECT_EQ(d.NameNotice(d.MatchPerson("Geoff Huston")), "");
}

TEST(DirectoryNames, FirstNameSurnameAndTitle) {
  Roster r = WikiRoster();
  Directory d(&r, "SSR2");
  ExpectTaken(d, "Zarko", "Zarko Kecic", Rule::kFirstName);
  ExpectTaken(d, "Kerry-Ann", "Kerry-Ann Barrett", Rule::kFirstName);
  ExpectTaken(d, "Kerry Ann", "Kerry-Ann Barrett", Rule::kFirstName);
  ExpectTaken(d, "Hasbini", "Mohamad Amin Hasbini", Rule::kSurname);
  ExpectTaken(d, "Dr Hasbini", "Mohamad Amin Hasbini", Rule::kSurname);
  ExpectTaken(d, "Mr. Osterweil", "Eric Osterweil", Rule::kSurname);
  EXPECT_EQ(d.MatchPerson("Ms Michel").rule, Rule::kAmbiguous);  // Denise and Dennis Michel
  auto titled = d.MatchPerson("Dr Hasbini");
  EXPECT_EQ(titled.title, "Dr");
  EXPECT_EQ(d.NameNotice(titled),
            "'Dr Hasbini' taken as Mohamad Amin Hasbini: title 'Dr' dropped, the only person on "
            "the roster with that surname");
  EXPECT_EQ(d.NameNotice(d.MatchPerson("Dr Geoff Huston")),
            "'Dr Geoff Huston' taken as Geoff Huston: title 'Dr' dropped");
}

TEST(DirectoryNames, InitialsWithOrWithoutSpaces) {
  Roster r = WikiRoster();
  Directory d(&r, "SSR2");
  ExpectTaken(d, "J Gannon", "James Gannon", Rule::kInitialAndSurname);
  ExpectTaken(d, "J. Gannon", "James Gannon", Rule::kInitialAndSurname);
  ExpectTaken(d, "James G.", "James Gannon", Rule::kInitialAndSurname);
  ExpectTaken(d, "J. G.", "James Gannon", Rule::kInitials);
  ExpectTaken(d, "J G", "James Gannon", Rule::kInitials);
  EXPECT_EQ(d.MatchPerson("DM").rule, Rule::kAmbiguous);  // Denise and Dennis Michel
  EXPECT_EQ(d.MatchPerson("DM").candidates,
            (std::vector<std::string>{"Denise Michel", "Dennis Michel"}));
  ExpectTaken(d, "EO", "Eric Osterweil", Rule::kAlias);
  EXPECT_EQ(d.MatchPerson("j g").rule, Rule::kNone);  // initials only in capitals
}

TEST(DirectoryNames, MisspelledAndReordered) {
  Roster r = WikiRoster();
  Directory d(&r, "SSR2");
  ExpectTaken(d, "Geof Huston", "Geoff Huston", Rule::kOneLetterApart);
  ExpectTaken(d, "Eric Osterwiel", "Eric Osterweil", Rule::kOneLetterApart);  // swapped
  ExpectTaken(d, "Osterwiel", "Eric Osterweil", Rule::kOneLetterApart);
  ExpectTaken(d, "Gannon James", "James Gannon", Rule::kReordered);
  ExpectTaken(d, "Gannon, James", "James Gannon", Rule::kReordered);
  EXPECT_EQ(d.NameNotice(d.MatchPerson("Geof Huston")),
            "'Geof Huston' taken as Geoff Huston: one letter apart");
  // "Denise Michell" is one letter from Denise Michel only; "Denis Michel"
  // from both Denise and Dennis: never merged into one of them.
  ExpectTaken(d, "Denise Michell", "Denise Michel", Rule::kOneLetterApart);
  auto both = d.MatchPerson("Denis Michel");
  EXPECT_EQ(both.rule, Rule::kAmbiguous);
  EXPECT_EQ(both.owner, (Owner{"Denis Michel", OwnerKind::kUnresolved}));
  EXPECT_EQ(d.NameNotice(both),
            "'Denis Michel' could be Denise Michel or Dennis Michel; kept as written");
}

TEST(DirectoryNames, TwoFitOrNoneKeepsTheNameAsWritten) {
  Roster r = WikiRoster();
  Directory d(&r, "SSR2");
  auto emily = d.MatchPerson("Emily");
  EXPECT_EQ(emily.rule, Rule::kAmbiguous);
  EXPECT_EQ(emily.owner, (Owner{"Emily", OwnerKind::kUnresolved}));
  auto nobody = d.MatchPerson("Steve Ames");
  EXPECT_EQ(nobody.rule, Rule::kNone);
  EXPECT_EQ(nobody.owner, (Owner{"Steve Ames", OwnerKind::kUnresolved}));
  EXPECT_EQ(d.NameNotice(nobody),
            "'Steve Ames' matches nobody on the SSR2 roster; kept as written");
  EXPECT_EQ(d.MatchPerson("Eric").owner.name, "Eric Osterweil");
  EXPECT_EQ(d.MatchPerson("Erik").rule, Rule::kNone);  // short words are never one letter apart
  Directory none(nullptr, "SSR2");
  EXPECT_EQ(none.MatchPerson("Zarko").rule, Rule::kNone);
  EXPECT_EQ(none.NameNotice(none.MatchPerson("Zarko")), "");
}

TEST(DirectoryNames, OwnersOrganisationsAndRoles) {
  Roster r = WikiRoster();
  Directory d(&r, "SSR2");
  auto staff = d.MatchOwner("Staff");
  EXPECT_EQ(staff.owner, (Owner{"Staff", OwnerKind::kOrganisation}));
  EXPECT_FALSE(staff.guessed());
  EXPECT_EQ(d.MatchOwner("Review team members").owner, (Owner{"Team", OwnerKind::kOrganisation}));
  auto role = d.MatchOwner("Subteam rapporteurs");
  EXPECT_EQ(role.owner, (Owner{"Subteam rapporteurs", OwnerKind::kOrganisation}));
  EXPECT_EQ(role.rule, Rule::kRole);
  EXPECT_EQ(d.NameNotice(role),
            "'Subteam rapporteurs' taken as a role of the group, not a person; kept as written");
  EXPECT_EQ(d.MatchOwner("DNS SSR subteam lead").rule, Rule::kRole);
  EXPECT_EQ(d.MatchOwner("Geof Huston").owner, (Owner{"Geoff Huston", OwnerKind::kPerson}));
  EXPECT_EQ(d.MatchOwner("Lead").rule, Rule::kNone);
  Directory none(nullptr, "SSR2");
  EXPECT_EQ(none.MatchOwner("Subteam rapporteurs").rule, Rule::kRole);
  EXPECT_EQ(none.MatchOwner("ICANN org").owner.name, "ICANN Org");
}

}  // namespace
}  // namespace plenary
