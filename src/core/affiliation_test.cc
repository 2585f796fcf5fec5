#include "core/affiliation.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

Person Member(std::string name, std::string affiliation, Role role = Role::kMember) {
  Person p{std::move(name), role, {}};
  p.affiliation = std::move(affiliation);
  return p;
}

Participation Row(std::string name, int held, int present, int apologies) {
  Participation p;
  p.name = std::move(name);
  p.role = Role::kMember;
  p.held = held;
  p.present = present;
  p.apologies = apologies;
  p.absent = held - present - apologies;
  if (held) p.rate = static_cast<double>(present) / held;
  return p;
}

TEST(ParticipationByAffiliation, SumsAppointeesPerOrganisationThoseWithNoneLast) {
  Roster roster;
  roster.people = {Member("Ann", ""),
                   Member("Bo", "GNSO"),
                   Member("Cy", "ALAC"),
                   Member("Di", "gnso"),
                   Member("Ed", "SSAC", Role::kLiaison),
                   Member("Fay", "GNSO", Role::kStaff)};
  std::vector<Participation> rows = {
      Row("Ann", 4, 1, 1), Row("Bo", 4, 4, 0),  Row("Cy", 2, 0, 2),     Row("Di", 4, 2, 1),
      Row("Ed", 4, 3, 0),  Row("Fay", 0, 3, 0), Row("Walk In", 0, 1, 0)};
  auto sums = ParticipationByAffiliation(rows, roster);
  ASSERT_EQ(sums.size(), 4u);
  EXPECT_EQ(sums[0].affiliation, "GNSO");
  EXPECT_EQ(sums[0].members, (std::vector<std::string>{"Bo", "Di"}));
  EXPECT_EQ(sums[0].held, 8);
  EXPECT_EQ(sums[0].present, 6);
  EXPECT_EQ(sums[0].apologies, 1);
  EXPECT_EQ(sums[0].absent, 1);
  EXPECT_DOUBLE_EQ(*sums[0].rate, 0.75);
  EXPECT_EQ(sums[1].affiliation, "ALAC");
  EXPECT_DOUBLE_EQ(*sums[1].rate, 0.0);
  EXPECT_EQ(sums[2].affiliation, "SSAC");  // a liaison is an appointee; staff are not
  EXPECT_EQ(sums[3].affiliation, "");
  EXPECT_EQ(sums[3].members, std::vector<std::string>{"Ann"});
}

TEST(ParticipationByAffiliation, CountsEachCapacityAndLeavesTheUnstatedOut) {
  Roster roster;
  roster.people = {Member("Bo", "GNSO"), Member("Di", "GNSO"), Member("Ed", "GNSO"),
                   Member("Cy", "ALAC")};
  roster.people[0].capacity = Capacity::kRepresentative;
  roster.people[1].capacity = Capacity::kIndividual;
  roster.people[3].capacity = Capacity::kRepresentative;
  auto sums = ParticipationByAffiliation(
      {Row("Bo", 2, 2, 0), Row("Di", 2, 1, 0), Row("Ed", 2, 0, 0), Row("Cy", 2, 2, 0)}, roster);
  ASSERT_EQ(sums.size(), 2u);
  EXPECT_EQ(sums[0].representatives, 1);
  EXPECT_EQ(sums[0].individuals, 1);  // Ed states no capacity
  EXPECT_EQ(sums[1].representatives, 1);
  EXPECT_EQ(sums[1].individuals, 0);
}

TEST(RosterAffiliations, OnlyAppointeesAffiliationsOnceEachInRosterOrder) {
  Roster roster;
  roster.people = {Member("Ann", ""), Member("Fay", "GNSO", Role::kStaff)};
  EXPECT_FALSE(HasAffiliations(roster));
  roster.people.push_back(Member("Ed", "SSAC", Role::kLiaison));
  EXPECT_TRUE(HasAffiliations(roster));
  roster.people.push_back(Member("Bo", "GNSO"));
  roster.people.push_back(Member("Di", "ssac"));
  EXPECT_EQ(RosterAffiliations(roster), (std::vector<std::string>{"SSAC", "GNSO"}));
}

TEST(ParticipationByAffiliation, NoMeetingsHeldIsNoRate) {
  Roster roster;
  roster.people = {Member("Bo", "GNSO")};
  auto sums = ParticipationByAffiliation({Row("Bo", 0, 0, 0)}, roster);
  ASSERT_EQ(sums.size(), 1u);
  EXPECT_EQ(sums[0].rate, std::nullopt);
}

}  // namespace
}  // namespace plenary
