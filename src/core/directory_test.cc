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

}  // namespace
}  // namespace plenary
