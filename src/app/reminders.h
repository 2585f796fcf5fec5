// Who is reminded of what (`plenary remind`, doc/reminders.md): for one
// group, each owner with open items that are overdue, due within a window, or
// (when the group's next meeting falls within that window) all of them, to be
// ready to address at the meeting. Pure: the registers and a day in, the
// reminders out; composing and sending them is publish/reminder_mail and
// publish/mail/smtp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plenary/model.h"
#include "publish/registers.h"

namespace plenary {

struct ReminderOptions {
  Date as_of;           // the day the reminders are for
  int window_days = 7;  // "due soon": due within this many days after as_of
};

enum class ReminderReason {
  kOverdue,        // due before as_of
  kDueSoon,        // due from as_of to as_of + window
  kBeforeMeeting,  // open, to be addressed at the next meeting
};

struct ReminderItem {
  RegisteredAction action;
  ReminderReason reason = ReminderReason::kOverdue;
  int days_overdue = 0;  // kOverdue only
};

// Why a reminder cannot be sent, when it cannot.
enum class Unreachable {
  kNo,          // it has an address
  kNoAddress,   // the roster gives the owner no address
  kOptedOut,    // the person asked for no reminders ("reminders: no")
  kUnresolved,  // the owner is a name the roster does not know
};

struct Reminder {
  std::string group;
  Owner owner;
  std::optional<std::string> address;
  Unreachable unreachable = Unreachable::kNo;
  Date as_of;
  int window_days = 7;
  std::optional<Date> next_meeting;  // when it falls within the window
  // Overdue (most days late first), then due soon (soonest first), then the
  // rest for the meeting, in register order.
  std::vector<ReminderItem> items;
};

// One reminder per owner of the group with anything to be reminded of, in
// the owners' name order. Closed and merged items are never included; items
// with no owner have nobody to remind. An organisation's address comes from
// the roster's `organisation:` lines (names compared folded), a person's from
// their line, unless they opted out.
std::vector<Reminder> PlanReminders(const GroupRegisters& registers,
                                    const ReminderOptions& options);

// "overdue", "due soon", "for the meeting".
std::string_view ReminderReasonName(ReminderReason reason);
// "no address", "opted out", "not on the roster"; "" for kNo.
std::string_view UnreachableText(Unreachable unreachable);

}  // namespace plenary
