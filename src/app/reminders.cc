#include "app/reminders.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "core/text.h"

namespace plenary {
namespace {

std::optional<ReminderItem> Classify(const RegisteredAction& action, const ReminderOptions& o,
                                     bool meeting_in_window) {
  const std::chrono::sys_days today{o.as_of};
  if (action.item.due) {
    const std::chrono::sys_days due{*action.item.due};
    if (due < today)
      return ReminderItem{action, ReminderReason::kOverdue,
                          static_cast<int>((today - due).count())};
    if (due <= today + std::chrono::days{o.window_days})
      return ReminderItem{action, ReminderReason::kDueSoon, 0};
  }
  if (meeting_in_window) return ReminderItem{action, ReminderReason::kBeforeMeeting, 0};
  return std::nullopt;
}

bool ItemOrder(const ReminderItem& a, const ReminderItem& b) {
  if (a.reason != b.reason) return a.reason < b.reason;
  if (a.reason == ReminderReason::kOverdue && a.days_overdue != b.days_overdue)
    return a.days_overdue > b.days_overdue;
  if (a.reason == ReminderReason::kDueSoon && a.action.item.due != b.action.item.due)
    return *a.action.item.due < *b.action.item.due;
  return false;  // stable_sort keeps register order
}

void Address(const std::optional<Roster>& roster, Reminder& r) {
  r.unreachable = Unreachable::kNoAddress;
  if (r.owner.kind == OwnerKind::kUnresolved) {
    r.unreachable = Unreachable::kUnresolved;
    return;
  }
  if (!roster) return;
  if (r.owner.kind == OwnerKind::kPerson) {
    for (const Person& p : roster->people) {
      if (p.name != r.owner.name) continue;
      if (!p.reminders) {
        r.unreachable = Unreachable::kOptedOut;
      } else if (p.email) {
        r.address = p.email;
        r.unreachable = Unreachable::kNo;
      }
      return;
    }
    return;
  }
  for (const OrganisationAddress& o : roster->organisations) {
    if (FoldName(o.name) == FoldName(r.owner.name)) {
      r.address = o.email;
      r.unreachable = Unreachable::kNo;
      return;
    }
  }
}

}  // namespace

std::vector<Reminder> PlanReminders(const GroupRegisters& registers,
                                    const ReminderOptions& options) {
  std::optional<Date> next = publish_detail::NextMeetingDate(registers);
  const std::chrono::sys_days today{options.as_of};
  bool meeting_in_window =
      next && std::chrono::sys_days{*next} >= today &&
      std::chrono::sys_days{*next} <= today + std::chrono::days{options.window_days};
  std::map<std::string, Reminder> by_owner;
  for (const RegisteredAction& action : registers.actions) {
    if (action.item.status != ActionStatus::kOpen || action.merged_into != 0) continue;
    std::optional<ReminderItem> item = Classify(action, options, meeting_in_window);
    if (!item) continue;
    for (const Owner& owner : action.item.owners) {
      auto [it, added] = by_owner.try_emplace(owner.name);
      Reminder& r = it->second;
      if (added) {
        r.group = registers.group;
        r.owner = owner;
        r.as_of = options.as_of;
        r.window_days = options.window_days;
        if (meeting_in_window) r.next_meeting = next;
      }
      r.items.push_back(*item);
    }
  }
  std::vector<Reminder> reminders;
  for (auto& [name, r] : by_owner) {
    std::stable_sort(r.items.begin(), r.items.end(), ItemOrder);
    Address(registers.roster, r);
    reminders.push_back(std::move(r));
  }
  return reminders;
}

std::string_view ReminderReasonName(ReminderReason reason) {
  switch (reason) {
    case ReminderReason::kOverdue:
      return "overdue";
    case ReminderReason::kDueSoon:
      return "due soon";
    case ReminderReason::kBeforeMeeting:
      return "for the meeting";
  }
  return "";
}

std::string_view UnreachableText(Unreachable unreachable) {
  switch (unreachable) {
    case Unreachable::kNo:
      return "";
    case Unreachable::kNoAddress:
      return "no address";
    case Unreachable::kOptedOut:
      return "opted out";
    case Unreachable::kUnresolved:
      return "not on the roster";
  }
  return "";
}

}  // namespace plenary
