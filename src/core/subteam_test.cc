#include "core/subteam.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

using Words = std::vector<std::string>;

Roster TwoSubTeams() {
  Roster r;
  r.group.short_name = "SSR2";
  r.subteams = {{"SSR1 review", std::nullopt, {}},
                {"Security", std::nullopt, {}},
                {"ICANN Security", std::nullopt, {}}};
  return r;
}

TEST(SubTeam, WordsIgnoreCaseDiacriticsPunctuationAndSubTeamWords) {
  EXPECT_EQ(SubTeamWords("SSR1 Review Subteam"), (Words{"ssr1", "review"}));
  EXPECT_EQ(SubTeamWords("ICANN Security Sub-team Call"), (Words{"icann", "security", "call"}));
  EXPECT_EQ(SubTeamWords("sub team: Réview"), Words{"review"});
  EXPECT_EQ(SubTeamWords("Subteams"), Words{});
  EXPECT_EQ(SubTeamWords("Sub Committee"), (Words{"sub", "committee"}));
}

TEST(SubTeam, KindNamesTheLongestMatchingSubTeam) {
  Roster r = TwoSubTeams();
  EXPECT_EQ(SubTeamNamedBy("SSR1 Review Subteam", r), &r.subteams[0]);
  EXPECT_EQ(SubTeamNamedBy("ICANN Security Sub-team", r), &r.subteams[2]);
  EXPECT_EQ(SubTeamNamedBy("Security Sub team", r), &r.subteams[1]);
  EXPECT_EQ(SubTeamNamedBy("Plenary", r), nullptr);
  EXPECT_EQ(SubTeamNamedBy("SSR1 Implementation Review", r), nullptr);  // words must be together
  EXPECT_EQ(SubTeamNamedBy("SSR10 Review", r), nullptr);                // whole words only
}

TEST(SubTeam, FindByName) {
  Roster r = TwoSubTeams();
  EXPECT_EQ(FindSubTeam(r, "ssr1 review sub-team"), &r.subteams[0]);
  EXPECT_EQ(FindSubTeam(r, "review"), nullptr);
  EXPECT_EQ(FindSubTeam(r, ""), nullptr);
}

TEST(SubTeam, MeetingOfARecordedOrNamedSubTeam) {
  Roster r = TwoSubTeams();
  Meeting m;
  m.key = {"SSR2", "ICANN Security Subteam", 2};
  EXPECT_EQ(SubTeamOf(m, &r), &r.subteams[2]);  // imported before the roster named it
  m.subteam = "Security";
  EXPECT_EQ(SubTeamOf(m, &r), &r.subteams[1]);
  m.subteam = "Disbanded";
  EXPECT_EQ(SubTeamOf(m, &r), &r.subteams[2]);
  EXPECT_EQ(SubTeamOf(m, nullptr), nullptr);
  m.key.kind = "Plenary";
  EXPECT_EQ(SubTeamOf(m, &r), nullptr);
}

}  // namespace
}  // namespace plenary
