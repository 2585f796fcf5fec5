// Which sub-team of a group a meeting is of. A roster may name sub-teams
// ("SSR1 review", "ICANN Security"); a meeting is a sub-team's when its
// header's kind names it ("SSR1 Review Subteam", "ICANN Security Sub-team").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plenary/model.h"

namespace plenary {

// The words that identify a sub-team in `text`: folded as FoldName, split on
// anything that is not a letter or digit, with the words that only say
// "sub-team" dropped ("subteam", "subteams", "sub team", "sub-team"). Empty
// when `text` has no other word. Input must be valid UTF-8.
std::vector<std::string> SubTeamWords(std::string_view text);

// The sub-team of `roster` called `name` (compared by SubTeamWords, so
// "SSR1 Review Sub-team" finds "SSR1 review"), or null.
const SubTeam* FindSubTeam(const Roster& roster, std::string_view name);

// The sub-team whose words appear, in order and together, among the words of
// a meeting's `kind`; when several do, the one with the most words (the first
// in the roster among equals). Null when none does.
const SubTeam* SubTeamNamedBy(std::string_view kind, const Roster& roster);

// The sub-team `meeting` is of under `roster`: the one its recorded subteam
// names when the roster still has it, else the one its kind names (a roster
// may gain sub-teams after the notes were imported). Null for a meeting of
// the whole group, or when `roster` is null.
const SubTeam* SubTeamOf(const Meeting& meeting, const Roster* roster);

}  // namespace plenary
