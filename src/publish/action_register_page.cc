// The action item register: open items by owner (overdue ones with how many
// days late), the items nobody owns or that have no due date, the closed items
// with the meeting that closed them, and each item's history under its own
// anchor.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/date.h"
#include "core/text.h"
#include "publish/registers.h"

namespace plenary::publish_detail {
namespace {

Cell C(std::string text) { return Cell{Plain(std::move(text)), ""}; }

Cell ItemCell(const RegisteredAction& a) {
  return Cell{Linked(fmt::format("#{}", a.id), Link{"", ItemAnchor(a.id)}), ""};
}

Cell MeetingCell(const MeetingKey& key) {
  return Cell{Linked(MeetingLabel(key), Link{MeetingPageId(key), ""}), ""};
}

// The item's text, and the group's word for its status when it wrote one.
Cell ActionCell(const RegisteredAction& a) {
  Text text = Plain(a.item.text);
  if (!a.item.written_status.empty()) {
    text.push_back(Span{" "});
    text.push_back(Span{"[" + a.item.written_status + "]", std::nullopt, true});
  }
  return Cell{std::move(text), ""};
}

std::string LateText(const RegisteredAction& a, Date today) {
  int days = DaysOverdue(a, today);
  return days > 0 ? "overdue, " + DaysLateText(days) : "";
}

std::vector<const RegisteredAction*> OpenItems(const GroupRegisters& r) {
  std::vector<const RegisteredAction*> open;
  for (const RegisteredAction& a : r.actions)
    if (a.item.status == ActionStatus::kOpen) open.push_back(&a);
  return open;
}

Table OpenTable(const std::string& caption, const std::vector<const RegisteredAction*>& items,
                Date today, bool with_owner) {
  Table t{caption, {"Item", "Action"}, {}, false};
  if (with_owner) t.header.push_back("Owner");
  t.header.insert(t.header.end(), {"Due", "Overdue", "Raised at"});
  for (const RegisteredAction* a : items) {
    std::vector<Cell> row{ItemCell(*a), ActionCell(*a)};
    if (with_owner)
      row.push_back(C(a->item.owners.empty() ? "no owner" : OwnerNames(a->item.owners)));
    row.push_back(C(DueText(a->item)));
    row.push_back(C(LateText(*a, today)));
    row.push_back(MeetingCell(a->meeting));
    t.rows.push_back(std::move(row));
  }
  return t;
}

void AddByOwner(Document& doc, const GroupRegisters& r) {
  std::map<std::string, std::vector<const RegisteredAction*>> by_owner;
  for (const RegisteredAction* a : OpenItems(r))
    for (const Owner& o : a->item.owners) by_owner[o.name].push_back(a);
  doc.content.push_back(Heading{2, "Open items by owner", "open"});
  if (by_owner.empty()) doc.content.push_back(Paragraph{Plain("No open item has an owner.")});
  for (const auto& [owner, items] : by_owner) {
    doc.content.push_back(Heading{3, owner, "owner-" + Slug(owner)});
    doc.content.push_back(OpenTable("Open items of " + owner, items, r.today, false));
  }
}

void AddCalledOut(Document& doc, const GroupRegisters& r) {
  std::vector<const RegisteredAction*> no_owner, no_due;
  for (const RegisteredAction* a : OpenItems(r)) {
    if (a->item.owners.empty()) no_owner.push_back(a);
    if (!a->item.due) no_due.push_back(a);
  }
  doc.content.push_back(Heading{2, "Open items without an owner", "no-owner"});
  if (no_owner.empty())
    doc.content.push_back(Paragraph{Plain("None: every open item has an owner.")});
  else
    doc.content.push_back(OpenTable("Open items without an owner", no_owner, r.today, false));
  doc.content.push_back(Heading{2, "Open items without a due date", "no-due"});
  if (no_due.empty())
    doc.content.push_back(Paragraph{Plain("None: every open item has a due date.")});
  else
    doc.content.push_back(OpenTable("Open items without a due date", no_due, r.today, true));
}

// The change that closed the item: the last one that completed or cancelled it.
const ActionChange* ClosingChange(const RegisteredAction& a) {
  for (auto c = a.history.rbegin(); c != a.history.rend(); ++c)
    if (c->change == "completed" || c->change == "cancelled") return &*c;
  return nullptr;
}

Cell ClosedBy(const RegisteredAction& a) {
  const ActionChange* c = ClosingChange(a);
  if (!c) return C("not recorded");
  if (c->meeting) return MeetingCell(*c->meeting);
  std::string who = c->who.empty() ? "by hand" : "by " + c->who;
  return C(fmt::format("{}, {}", who, FormatIsoDate(c->date)));
}

void AddClosed(Document& doc, const GroupRegisters& r) {
  Table t{"Completed and cancelled items",
          {"Item", "Action", "Owner", "Status", "Closed at"},
          {},
          false};
  for (const RegisteredAction& a : r.actions) {
    if (a.item.status == ActionStatus::kOpen) continue;
    t.rows.push_back({ItemCell(a), C(a.item.text), C(OwnerNames(a.item.owners)),
                      C(StatusText(a.item)), ClosedBy(a)});
  }
  doc.content.push_back(Heading{2, "Completed and cancelled", "closed"});
  if (t.rows.empty())
    doc.content.push_back(Paragraph{Plain("None yet.")});
  else
    doc.content.push_back(std::move(t));
}

Text ChangeText(const ActionChange& c) {
  Text t{Span{FormatIsoDate(c.date) + ", "}};
  if (c.meeting)
    t.push_back(Span{MeetingLabel(*c.meeting), Link{MeetingPageId(*c.meeting), ""}, false});
  else
    t.push_back(Span{c.who.empty() ? "by hand" : "by " + c.who});
  t.push_back(Span{": " + c.change});
  if (!c.words.empty()) t.push_back(Span{" (\u201C" + c.words + "\u201D)"});
  return t;
}

void AddHistories(Document& doc, const GroupRegisters& r) {
  doc.content.push_back(Heading{2, "Item histories", "history"});
  for (const RegisteredAction& a : r.actions) {
    doc.content.push_back(
        Heading{3, fmt::format("#{} ({})", a.id, StatusText(a.item)), ItemAnchor(a.id)});
    doc.content.push_back(Paragraph{Plain(a.item.text)});
    List changes;
    for (const ActionChange& c : a.history) changes.items.push_back(ChangeText(c));
    if (a.status_note) changes.items.push_back(Plain("Status note: " + *a.status_note));
    if (!changes.items.empty()) doc.content.push_back(std::move(changes));
  }
}

}  // namespace

Document ActionsDocument(const GroupRegisters& r) {
  Document doc{kActionsPage, r.group + " action items", r.group + "/Action items", {}};
  doc.navigation = NavigationBar(r, kActionsPage);
  std::vector<const RegisteredAction*> open = OpenItems(r);
  std::size_t overdue = std::count_if(open.begin(), open.end(),
                                      [&](const auto* a) { return DaysOverdue(*a, r.today) > 0; });
  doc.content.push_back(Paragraph{
      Plain(fmt::format("As of {}: {} open ({} overdue), {} closed.", FormatIsoDate(r.today),
                        open.size(), overdue, r.actions.size() - open.size()))});
  AddByOwner(doc, r);
  AddCalledOut(doc, r);
  AddClosed(doc, r);
  AddHistories(doc, r);
  return doc;
}

}  // namespace plenary::publish_detail
