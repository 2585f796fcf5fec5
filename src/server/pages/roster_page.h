// A group's roster: its people and sub-teams, and, for the secretariat, the
// roster as text in a form (POST /g/GROUP/roster, field "roster") that
// replaces it when it reads without error.
#pragma once

#include <optional>
#include <string>

#include "plenary/model.h"
#include "server/pages/layout.h"

namespace plenary::pages {

struct RosterPage {
  std::string group;
  std::optional<Roster> roster;  // none: the group has no roster yet
  bool may_edit = false;
  // When a submitted roster was refused: the text as sent and the located
  // error, so the form shows both.
  std::optional<std::string> submitted;
  std::string error;
};
html::TrustedHtml RenderRoster(const RosterPage& page, const Viewer& viewer);

}  // namespace plenary::pages
