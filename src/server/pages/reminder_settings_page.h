// "My reminders" (GET /my/reminders): for each group whose roster lists the
// signed-in user's person, the address their reminders go to and whether
// they want them, each with a form (POST /my/reminders) to change it
// (doc/reminders.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "server/pages/layout.h"

namespace plenary::pages {

struct ReminderSettings {
  std::string group;
  std::optional<std::string> email;
  bool reminders = true;
};

struct MyRemindersPage {
  std::string person;  // empty: the account is linked to nobody
  std::vector<ReminderSettings> groups;
};

html::TrustedHtml RenderMyReminders(const MyRemindersPage& page, const Viewer& viewer);

}  // namespace plenary::pages
