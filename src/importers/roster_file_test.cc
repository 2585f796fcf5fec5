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
  auto roster = Read("# comment\ngroup: SSR2\nname: Second SSR Review Team\n"
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
  EXPECT_EQ(FirstLineOfError("James Gannon | member\n"), "roster.txt:1:1: roster has no 'group: NAME' line");
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
            "roster.txt:2:1: unknown setting 'chair': expected group, name or active");
}

}  // namespace
}  // namespace plenary
