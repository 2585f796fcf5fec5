#include "server/pages/parts.h"

#include <fmt/format.h>

#include "core/date.h"
#include "server/pages/layout.h"

namespace plenary::pages {

std::string MeetingPath(const MeetingKey& key) {
  return GroupPath(key.group, "meetings/" + html::UrlSegment(key.kind) + "/" +
                                  html::UrlSegment(MeetingNumberText(key.number)));
}

std::string DueText(const ActionItem& item) {
  if (item.due) return FormatIsoDate(*item.due);
  return item.due_phrase.empty() ? "—" : item.due_phrase;
}

std::string ActionPath(const std::string& group, std::int64_t id) {
  return GroupPath(group, "actions/" + std::to_string(id));
}

std::string OwnersText(const std::vector<Owner>& owners) {
  std::string out;
  for (const Owner& o : owners) out += (out.empty() ? "" : ", ") + o.name;
  return out.empty() ? "unassigned" : out;
}

bool IsOverdue(const ActionItem& item, const Date& today) {
  return item.status == ActionStatus::kOpen && item.due && *item.due < today;
}

void StatusBadge(html::HtmlWriter& w, const ActionItem& item, const Date& today) {
  const std::string status(ActionStatusName(item.status));
  w.Element("span", status, {{"class", "status status-" + status}});
  if (!item.written_status.empty())
    w.Text(" ").Element("span", item.written_status, {{"class", "status status-written"}});
  if (IsOverdue(item, today)) w.Text(" ").Element("span", "overdue", {{"class", "overdue"}});
}

void ActionTable(html::HtmlWriter& w, const std::vector<RegisteredAction>& items, const Date& today,
                 std::string_view caption, bool show_group) {
  w.Open("div", {{"class", "table-wrap"}}).Open("table", {{"class", "actions"}});
  w.Element("caption", caption, {{"class", "vh"}});
  w.Open("thead").Open("tr");
  for (std::string_view h : {"#", "Action", "Owners", "Due", "Status", "From"})
    w.Element("th", h, {{"scope", "col"}});
  w.Close("tr").Close("thead").Open("tbody");
  for (const RegisteredAction& a : items) {
    const std::string path = ActionPath(a.meeting.group, a.id);
    w.Open("tr", {{"data-id", std::to_string(a.id)}});
    w.Open("td", {{"class", "num"}}).Link(path, "#" + std::to_string(a.id)).Close("td");
    w.Open("td").Link(path, a.item.text).Close("td");
    w.Element("td", OwnersText(a.item.owners));
    w.Element("td", DueText(a.item), {{IsOverdue(a.item, today) ? "class" : "", "overdue"}});
    w.Open("td");
    StatusBadge(w, a.item, today);
    w.Close("td");
    const std::string from = (show_group ? a.meeting.group + " " : "") + MeetingLabel(a.meeting);
    w.Open("td").Link(MeetingPath(a.meeting), from).Close("td");
    w.Close("tr");
  }
  w.Close("tbody").Close("table").Close("div");
  if (items.empty()) w.Element("p", "No action items.", {{"class", "muted"}});
}

}  // namespace plenary::pages
