// A group's home, its meetings, one meeting's record, and its decisions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/attendance.h"
#include "plenary/model.h"
#include "publish/formats/html_writer.h"

namespace plenary::pages {

struct GroupHomePage {
  std::string group;
  std::string full_name;
  Date today;
  // The latest meeting: the next one starts from its open items.
  std::optional<Meeting> latest;
  std::vector<RegisteredAction> open;         // open items, register order
  std::vector<RegisteredDecision> decisions;  // the latest few, newest first
};
// Sections: the next meeting's agenda (review of open items, soonest due
// first), overdue items, all open items, latest decisions.
html::TrustedHtml RenderGroupHome(const GroupHomePage& page);

struct MeetingListPage {
  std::string group;
  std::vector<Meeting> meetings;  // newest first
};
html::TrustedHtml RenderMeetingList(const MeetingListPage& page);

struct MeetingPage {
  Meeting meeting;
  Date today;
  MeetingAttendance attendance;
  std::vector<RegisteredAction> actions;  // the register's items raised at it
};
html::TrustedHtml RenderMeeting(const MeetingPage& page);

struct DecisionListPage {
  std::string group;
  std::vector<RegisteredDecision> decisions;  // newest first
};
html::TrustedHtml RenderDecisionList(const DecisionListPage& page);

// The people of an attendance record under three headings, shared by the
// meeting page and the import preview.
void AttendanceLists(html::HtmlWriter& w, const MeetingAttendance& attendance);
// The meeting's guests and the remarks on its attendance, when it has any;
// shared likewise.
void GuestsAndRemarks(html::HtmlWriter& w, const Meeting& meeting);

}  // namespace plenary::pages
