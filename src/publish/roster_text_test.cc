#include "publish/roster_text.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "importers/roster_file.h"

namespace plenary {
namespace {

Roster Read(const std::string& text) {
  auto source = SourceText::Load("roster", text);
  EXPECT_TRUE(source.ok());
  auto roster = ReadRoster(*source);
  EXPECT_TRUE(roster.ok()) << (roster.ok() ? "" : roster.error().message);
  return roster.ok() ? *roster : Roster{};
}

TEST(RosterText, TheSampleRosterReadsBackTheSame) {
  std::ifstream in(std::string(PLENARY_SOURCE_DIR) + "/examples/ssr2/ssr2-roster.txt");
  std::stringstream text;
  text << in.rdbuf();
  const Roster original = Read(text.str());
  ASSERT_FALSE(original.people.empty());
  EXPECT_EQ(Read(RosterText(original)), original);
}

TEST(RosterText, MembershipDatesAliasesAndSubTeamsAreWritten) {
  const Roster r = Read(
      "group: X\nactive: 2017-01-01 to\nAnn Lee | member | | 2017-02-01 to\n"
      "Bo Chan | liaison | BC | to 2018-01-01\nCy Dee | staff\n"
      "subteam: Alpha | lead: Ann Lee | members: Ann Lee, BC\n");
  EXPECT_EQ(RosterText(r),
            "group: X\nactive: 2017-01-01 to\n\nAnn Lee | member |  | 2017-02-01 to\n"
            "Bo Chan | liaison | BC | to 2018-01-01\nCy Dee | staff\n\n"
            "subteam: Alpha | lead: Ann Lee | members: Ann Lee, Bo Chan\n");
  EXPECT_EQ(Read(RosterText(r)), r);
}

TEST(RosterText, AddressesOptOutsAndOrganisationsAreWritten) {
  const Roster r = Read(
      "group: X\nAnn Lee | member | email: ann@example.org\n"
      "Bo Chan | liaison | BC | to 2018-01-01 | reminders: no | capacity: individual\n"
      "Cy Dee | member | affiliation: GNSO\n"
      "organisation: Secretariat | email: staff@example.org\n");
  EXPECT_EQ(RosterText(r),
            "group: X\n\nAnn Lee | member | email: ann@example.org\n"
            "Bo Chan | liaison | BC | to 2018-01-01 | reminders: no | capacity: individual\n"
            "Cy Dee | member | affiliation: GNSO\n\n"
            "organisation: Staff | email: staff@example.org\n");
  EXPECT_EQ(Read(RosterText(r)), r);
}

}  // namespace
}  // namespace plenary
