// The next meeting's agenda. plenary infers it from the register rather than
// asking for more configuration: the date from the group's usual interval
// between meetings, the standing items from the headings its recent meetings
// keep repeating (doc/publishing.md). "Review open action items" is always
// there, pre-filled with every open item, overdue first.
#include <fmt/format.h>

#include <algorithm>

#include "core/date.h"
#include "core/text.h"
#include "publish/registers.h"

namespace plenary::publish_detail {
namespace {

constexpr std::size_t kRecentMeetings = 4;

Cell C(std::string text) { return Cell{Plain(std::move(text)), ""}; }

std::vector<const Meeting*> GroupMeetings(const GroupRegisters& r) {
  std::vector<const Meeting*> out;
  for (const Meeting& m : r.meetings)
    if (!m.subteam) out.push_back(&m);
  return out;
}

bool IsReviewHeading(const std::string& heading) {
  std::string folded = FoldName(heading);
  return folded.find("action item") != std::string::npos;
}

}  // namespace

std::optional<Date> NextMeetingDate(const GroupRegisters& r) {
  std::vector<const Meeting*> meetings = GroupMeetings(r);
  if (meetings.size() < 2) return std::nullopt;
  std::vector<int> gaps;
  for (std::size_t i = 1; i < meetings.size(); ++i) {
    auto gap =
        std::chrono::sys_days{meetings[i]->date} - std::chrono::sys_days{meetings[i - 1]->date};
    if (gap.count() > 0) gaps.push_back(static_cast<int>(gap.count()));
  }
  if (gaps.empty()) return std::nullopt;
  std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
  std::chrono::days interval{gaps[gaps.size() / 2]};
  std::chrono::sys_days next = std::chrono::sys_days{meetings.back()->date} + interval;
  std::chrono::sys_days today{r.today};
  while (next < today) next += interval;
  return Date{next};
}

std::vector<std::string> StandingItems(const GroupRegisters& r) {
  std::vector<const Meeting*> meetings = GroupMeetings(r);
  if (meetings.empty()) return {};
  std::size_t first = meetings.size() > kRecentMeetings ? meetings.size() - kRecentMeetings : 0;
  std::size_t recent = meetings.size() - first;
  std::vector<std::string> items;
  for (const AgendaSection& s : meetings.back()->agenda) {
    if (IsReviewHeading(s.heading)) continue;
    std::size_t seen = 0;
    for (std::size_t i = first; i < meetings.size(); ++i)
      seen += std::any_of(
          meetings[i]->agenda.begin(), meetings[i]->agenda.end(),
          [&](const AgendaSection& o) { return FoldName(o.heading) == FoldName(s.heading); });
    if (recent == 1 || seen * 2 > recent) items.push_back(s.heading);
  }
  return items;
}

Document AgendaDocument(const GroupRegisters& r) {
  std::optional<Date> next = NextMeetingDate(r);
  Document doc{
      kAgendaPage, r.group + " agenda for the next meeting", r.group + "/Next meeting agenda", {}};
  doc.navigation = NavigationBar(r, kAgendaPage);
  doc.content.push_back(Paragraph{Plain(
      next ? fmt::format("Expected date: {} (the group's usual interval after its last meeting).",
                         FormatIsoDate(*next))
           : std::string("Date: to be set (not enough meetings to infer one)."))});
  doc.content.push_back(Heading{2, "Standing items", "standing"});
  List standing;
  for (const std::string& item : StandingItems(r)) standing.items.push_back(Plain(item));
  standing.items.push_back(Linked("Review open action items", Link{"", "review"}));
  doc.content.push_back(std::move(standing));

  std::vector<const RegisteredAction*> open;
  for (const RegisteredAction& a : r.actions)
    if (a.item.status == ActionStatus::kOpen) open.push_back(&a);
  std::stable_sort(open.begin(), open.end(), [&](const auto* a, const auto* b) {
    int la = DaysOverdue(*a, r.today), lb = DaysOverdue(*b, r.today);
    if (la != lb) return la > lb;
    if (a->item.due.has_value() != b->item.due.has_value()) return a->item.due.has_value();
    return a->item.due && *a->item.due < *b->item.due;
  });
  doc.content.push_back(Heading{2, "Review open action items", "review"});
  Table t{
      "Open action items, overdue first", {"Item", "Action", "Owner", "Due", "Overdue"}, {}, false};
  for (const RegisteredAction* a : open) {
    int late = DaysOverdue(*a, r.today);
    t.rows.push_back(
        {Cell{Linked(fmt::format("#{}", a->id), Link{kActionsPage, ItemAnchor(a->id)}), ""},
         C(a->item.written_status.empty() ? a->item.text
                                          : a->item.text + " (" + a->item.written_status + ")"),
         C(a->item.owners.empty() ? "no owner" : OwnerNames(a->item.owners)), C(DueText(a->item)),
         C(late > 0 ? DaysLateText(late) : "")});
  }
  if (t.rows.empty())
    doc.content.push_back(Paragraph{Plain("No open action items.")});
  else
    doc.content.push_back(std::move(t));
  return doc;
}

}  // namespace plenary::publish_detail
