#include "server/pages/reminder_settings_page.h"

namespace plenary::pages {

using html::HtmlWriter;

namespace {

void SettingsForm(HtmlWriter& w, const ReminderSettings& s, const Viewer& viewer) {
  const std::string id = "reminders-" + s.group;
  w.Open("section", {{"aria-labelledby", id}});
  w.Element("h2", s.group, {{"id", id}});
  w.Element("p", s.email ? "Your reminders go to " + *s.email + "."
                         : "The roster gives no address for you: you get no reminders.");
  if (!s.reminders) w.Element("p", "You asked for no reminders.");
  OpenPostForm(w, viewer, "/my/reminders", "stack");
  w.Void("input", {{"type", "hidden"}, {"name", "group"}, {"value", s.group}});
  const std::string email_id = "email-" + s.group;
  w.Element("label", "E-mail address", {{"for", email_id}});
  w.Void("input", {{"type", "email"},
                   {"id", email_id},
                   {"name", "email"},
                   {"value", s.email.value_or("")},
                   {"autocomplete", "email"}});
  const std::string box_id = "wanted-" + s.group;
  w.Open("p");
  w.Void("input", {{"type", "checkbox"},
                   {"id", box_id},
                   {"name", "reminders"},
                   {"value", "yes"},
                   {s.reminders ? "checked" : "", "checked"}});
  w.Element("label", " Send me reminders of my action items", {{"for", box_id}});
  w.Close("p");
  w.Element("button", "Save", {{"type", "submit"}});
  w.Close("form");
  w.Close("section");
}

}  // namespace

html::TrustedHtml RenderMyReminders(const MyRemindersPage& p, const Viewer& viewer) {
  HtmlWriter w;
  w.Element("h1", "My reminders");
  if (p.person.empty()) {
    w.Element("p", "Your account is not linked to a name on a roster, so no reminders are yours.");
    return std::move(w).Done();
  }
  w.Element("p",
            "Reminders of " + p.person +
                "'s overdue and soon-due action items are e-mailed to the address below, once a "
                "day at most. Leave the address empty, or untick the box, to get none.",
            {{"class", "muted"}});
  if (p.groups.empty()) w.Element("p", "No group's roster lists " + p.person + ".");
  for (const ReminderSettings& s : p.groups) SettingsForm(w, s, viewer);
  return std::move(w).Done();
}

}  // namespace plenary::pages
