// What an appointing organisation's members should carry back to it ("members
// of SO/ACs ... reporting back to groups"): for one group, one affiliation
// (the roster's `affiliation:`) and one period, the decisions taken, the items
// opened and completed, the open items its appointees own, and its
// appointees' attendance. Pure: the registers in, the report out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/attendance.h"
#include "plenary/model.h"
#include "plenary/store.h"
#include "publish/registers.h"

namespace plenary {

struct ReportBack {
  std::string group;
  std::string affiliation;  // as the roster first writes it
  Date from;
  Date to;
  std::vector<std::string> appointees;        // members and liaisons with that affiliation
  std::optional<std::string> contact;         // the roster's `organisation:` address of that name
  std::vector<RegisteredDecision> decisions;  // of the group's meetings in the period
  std::vector<RegisteredAction> opened;       // raised at a meeting in the period
  std::vector<RegisteredAction> completed;    // completed in the period
  std::vector<RegisteredAction> owned;        // open, with an appointee among the owners
  std::vector<Participation> attendance;      // the appointees', group-wide meetings
};

// NotFound when no member or liaison of the group's roster has the
// affiliation (compared folded), or the group has no roster.
Result<ReportBack> BuildReportBack(const GroupRegisters& registers, const std::string& affiliation,
                                   Date from, Date to);

// BuildReportBack's NotFound when `group`'s roster appoints nobody by
// `affiliation`, decided from the roster alone: before the group's items are
// read (a group's whole register, for an affiliation nobody has).
Status CheckAppointed(Store& store, const std::string& group, const std::string& affiliation);

// CheckAppointed, then BuildReportBack over `group`'s registers
// (LoadRegisters).
Result<ReportBack> ReadReportBack(Store& store, const std::string& group,
                                  const std::string& affiliation, Date from, Date to, Date today);

}  // namespace plenary
