#include "server/pages/action_pages.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/date.h"
#include "core/text.h"
#include "server/pages/parts.h"
#include "server/url_codec.h"

namespace plenary::pages {
namespace {

using html::HtmlWriter;

void Option(HtmlWriter& w, std::string_view value, std::string_view label, bool selected) {
  w.Element("option", label, {{"value", value}, {selected ? "selected" : "", "selected"}});
}

void FilterForm(HtmlWriter& w, const ActionListPage& p) {
  const ActionFilter& f = p.filter;
  w.Open("form",
         {{"class", "filters"}, {"method", "get"}, {"action", GroupPath(p.group, "actions")}});
  w.Open("label").Text("Owner");
  w.Void("input", {{"type", "text"}, {"name", "owner"}, {"value", f.owner}, {"list", "owners"}});
  w.Close("label");
  w.Open("datalist", {{"id", "owners"}});
  for (const std::string& o : p.owners) w.Void("option", {{"value", o}});
  w.Close("datalist");
  w.Open("label").Text("Status").Open("select", {{"name", "status"}});
  Option(w, "", "any", f.status.empty());
  for (std::string_view s : {"open", "complete", "cancelled"}) Option(w, s, s, f.status == s);
  w.Close("select").Close("label");
  w.Open("label").Text("Meeting").Open("select", {{"name", "meeting"}});
  Option(w, "", "any", f.meeting.empty());
  for (const MeetingKey& m : p.meetings) {
    const std::string value = fmt::format("{}/{}", m.kind, MeetingNumberText(m.number));
    Option(w, value, MeetingLabel(m), f.meeting == value);
  }
  w.Close("select").Close("label");
  w.Open("label").Text("Text");
  w.Void("input", {{"type", "search"}, {"name", "q"}, {"value", f.text}});
  w.Close("label");
  w.Open("label", {{"class", "check"}});
  w.Void("input", {{"type", "checkbox"},
                   {"name", "overdue"},
                   {"value", "1"},
                   {f.overdue ? "checked" : "", "checked"}});
  w.Text(" Overdue only").Close("label");
  w.Element("button", "Filter", {{"type", "submit"}});
  w.Close("form");
}

void Facts(HtmlWriter& w, const ActionItemPage& p) {
  const RegisteredAction& a = p.item;
  w.Open("dl", {{"class", "facts"}});
  w.Element("dt", "Status").Open("dd");
  StatusBadge(w, a.item, p.today);
  if (a.merged_into) {
    w.Text(" — merged into ")
        .Link(ActionPath(p.group, a.merged_into), "#" + std::to_string(a.merged_into));
  }
  w.Close("dd");
  w.Element("dt", "Owners").Element("dd", OwnersText(a.item.owners));
  w.Element("dt", "Due")
      .Element("dd", a.item.due                   ? FormatIsoDate(*a.item.due)
                     : !a.item.due_phrase.empty() ? a.item.due_phrase
                                                  : "no date");
  if (a.status_note) w.Element("dt", "Latest note").Element("dd", *a.status_note);
  w.Element("dt", "From").Open("dd").Link(MeetingPath(a.meeting), MeetingLabel(a.meeting));
  w.Text(fmt::format(", {} (line {}, {})", FormatIsoDate(a.meeting_date), a.item.line,
                     ActionSourceName(a.item.source)));
  w.Close("dd");
  if (a.item.raised_by) w.Element("dt", "Raised by").Element("dd", a.item.raised_by->name);
  w.Close("dl");
}

void History(HtmlWriter& w, const RegisteredAction& a) {
  w.Element("h2", "History");
  w.Open("ol", {{"class", "history"}});
  for (const ActionChange& c : a.history) {
    w.Open("li").Element("time", FormatIsoDate(c.date), {{"datetime", FormatIsoDate(c.date)}});
    w.Text(" ");
    if (c.meeting)
      w.Link(MeetingPath(*c.meeting), MeetingLabel(*c.meeting));
    else
      w.Text("by " + c.who);
    w.Text(": " + c.change);
    if (!c.words.empty()) w.Element("blockquote", c.words);
    w.Close("li");
  }
  w.Close("ol");
}

void NoteField(HtmlWriter& w, std::string_view id) {
  w.Open("label", {{"for", id}}).Text("Note").Close("label");
  w.Void("input", {{"type", "text"}, {"id", id}, {"name", "note"}});
}

void StatusForms(HtmlWriter& w, const ActionItemPage& p, const Viewer& v, const std::string& base) {
  if (p.item.item.status == ActionStatus::kOpen) {
    OpenPostForm(w, v, base + "/done", "stack");
    w.Element("h3", "Mark done");
    NoteField(w, "done-note");
    w.Element("button", "Mark done", {{"type", "submit"}});
    w.Close("form");
  } else {
    OpenPostForm(w, v, base + "/reopen", "stack");
    w.Element("h3", "Reopen");
    NoteField(w, "reopen-note");
    w.Element("button", "Reopen", {{"type", "submit"}, {"class", "secondary"}});
    w.Close("form");
  }
}

void EditForms(HtmlWriter& w, const ActionItemPage& p, const Viewer& v, const std::string& base) {
  const ActionItem& item = p.item.item;
  OpenPostForm(w, v, base + "/due", "stack");
  w.Element("h3", "Move the due date");
  w.Open("label", {{"for", "due"}}).Text("Due date (empty: none)").Close("label");
  w.Void("input", {{"type", "date"},
                   {"id", "due"},
                   {"name", "due"},
                   {"value", item.due ? FormatIsoDate(*item.due) : ""}});
  NoteField(w, "due-note");
  w.Element("button", "Set due date", {{"type", "submit"}});
  w.Close("form");

  std::string owners;
  for (const Owner& o : item.owners) owners += (owners.empty() ? "" : ", ") + o.name;
  OpenPostForm(w, v, base + "/owners", "stack");
  w.Element("h3", "Change owners");
  w.Open("label", {{"for", "owners"}}).Text("Owners, separated by commas").Close("label");
  w.Void("input", {{"type", "text"}, {"id", "owners"}, {"name", "owners"}, {"value", owners}});
  NoteField(w, "owners-note");
  w.Element("button", "Set owners", {{"type", "submit"}});
  w.Close("form");

  if (p.merge_candidates.empty()) return;
  OpenPostForm(w, v, base + "/merge", "stack", "Fold the chosen item into this one?");
  w.Element("h3", "Merge a duplicate into this item");
  w.Open("label", {{"for", "merge-from"}}).Text("Duplicate item").Close("label");
  w.Open("select", {{"id", "merge-from"}, {"name", "from"}});
  for (const RegisteredAction& c : p.merge_candidates) {
    const std::string label = html::Shorten(fmt::format("#{} {}", c.id, c.item.text), 120);
    w.Element("option", label, {{"value", std::to_string(c.id)}});
  }
  w.Close("select");
  w.Element("button", "Merge", {{"type", "submit"}});
  w.Close("form");
}

}  // namespace

std::string ActionListPath(const std::string& group, const ActionFilter& f) {
  std::string query;
  auto add = [&](std::string_view name, const std::string& value) {
    if (value.empty()) return;
    query += query.empty() ? "?" : "&";
    query += std::string(name) + "=" + PercentEncode(value);
  };
  add("owner", f.owner);
  add("status", f.status);
  add("overdue", f.overdue ? "1" : "");
  add("meeting", f.meeting);
  add("q", f.text);
  add("page", f.page > 1 ? std::to_string(f.page) : "");
  return GroupPath(group, "actions") + query;
}

// A long register is shown a page at a time: a page of 20,000 rows helps nobody
// and costs megabytes.
html::TrustedHtml RenderActionList(const ActionListPage& p) {
  HtmlWriter w;
  w.Element("h1", "Action items");
  FilterForm(w, p);
  const std::size_t total = p.total.value_or(p.items.size());
  const std::size_t first =
      std::min(total, (std::size_t(std::max(p.filter.page, 1)) - 1) * kActionsPerPage);
  const std::size_t last =
      p.total ? first + p.items.size() : std::min(total, first + kActionsPerPage);
  std::string count = fmt::format("{} item{}", total, total == 1 ? "" : "s");
  if (total > kActionsPerPage && last > first)
    count += fmt::format(", {}–{} shown", first + 1, last);
  w.Element("p", count, {{"class", "muted"}, {"role", "status"}});
  if (p.total)
    ActionTable(w, p.items, p.today, "Action items");
  else
    ActionTable(w, std::vector<RegisteredAction>(p.items.begin() + first, p.items.begin() + last),
                p.today, "Action items");
  if (first > 0 || last < total) {
    w.Open("nav", {{"aria-label", "Pages"}, {"class", "pager"}});
    ActionFilter f = p.filter;
    if (first > 0) {
      f.page = std::max(p.filter.page, 1) - 1;
      w.Link(ActionListPath(p.group, f), "Previous page", {{"rel", "prev"}});
    }
    if (last < total) {
      f.page = std::max(p.filter.page, 1) + 1;
      if (first > 0) w.Text(" · ");
      w.Link(ActionListPath(p.group, f), "Next page", {{"rel", "next"}});
    }
    w.Close("nav");
  }
  return std::move(w).Done();
}

html::TrustedHtml RenderActionItem(const ActionItemPage& p, const Viewer& v) {
  HtmlWriter w;
  const std::string base = ActionPath(p.group, p.item.id);
  w.Element("h1", fmt::format("Action item #{}", p.item.id));
  w.Element("p", p.item.item.text, {{"class", "lead"}});
  Facts(w, p);
  const bool changeable = !p.item.merged_into && (p.may_edit || p.may_complete);
  if (changeable) {
    w.Open("section", {{"aria-labelledby", "change-heading"}});
    w.Element("h2", "Change", {{"id", "change-heading"}});
    w.Open("div", {{"class", "cards"}});
    StatusForms(w, p, v, base);
    if (p.may_edit) EditForms(w, p, v, base);
    w.Close("div").Close("section");
  }
  History(w, p.item);
  return std::move(w).Done();
}

html::TrustedHtml RenderMyItems(const MyItemsPage& p) {
  HtmlWriter w;
  w.Element("h1", "My items");
  if (p.person.empty()) {
    w.Element("p", "Your account is not linked to a name on a roster, so no items are yours.");
    return std::move(w).Done();
  }
  w.Element("p", "Action items whose owners include " + p.person + ".", {{"class", "muted"}});
  w.Open("p").Text("Where reminders of them go: ").Link("/my/reminders", "My reminders").Close("p");
  auto shown = [&](const std::vector<RegisteredAction>& items, std::size_t total) {
    if (items.size() < total)
      w.Element("p", fmt::format("{} of {} shown; the API's /api/v1/me/actions lists them all.",
                                 items.size(), total),
                {{"class", "muted"}});
  };
  w.Element("h2", "Open");
  ActionTable(w, p.open, p.today, "My open items", true);
  shown(p.open, p.open_total);
  WriteMyTasks(w, p.tasks);
  w.Element("h2", "Done or cancelled");
  ActionTable(w, p.closed, p.today, "My closed items", true);
  shown(p.closed, p.closed_total);
  return std::move(w).Done();
}

}  // namespace plenary::pages
