// A group's home, its meetings, one meeting's record, and its decisions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/attendance.h"
#include "plenary/model.h"
#include "publish/formats/html_writer.h"

namespace plenary::pages {

// The home page's lists as the store reads them, counted and cut to what the
// page shows (kHomeRows rows each, the five soonest due).
struct HomeLists {
  std::vector<RegisteredAction> soonest;  // open items, soonest due first
  std::vector<RegisteredAction> overdue;  // the first overdue items, register order
  std::size_t overdue_total = 0;
  std::vector<RegisteredAction> open;  // the first open items, register order
  std::size_t open_total = 0;
};
inline constexpr std::size_t kHomeRows = 25;
inline constexpr std::size_t kHomeSoonest = 5;

struct GroupHomePage {
  std::string group;
  std::string full_name;
  Date today;
  // The latest meeting: the next one starts from its open items.
  std::optional<Meeting> latest;
  std::vector<RegisteredAction> open;         // open items, register order
  std::vector<RegisteredDecision> decisions;  // the latest few, newest first
  // When set, the lists come from here and `open` is not read.
  std::optional<HomeLists> lists = std::nullopt;
};
// Sections: the next meeting's agenda (review of open items, soonest due
// first), overdue items, all open items, latest decisions.
html::TrustedHtml RenderGroupHome(const GroupHomePage& page);

// Where a long list's page is: its number (kListPerPage rows a page) and the
// rows of the whole list; total 0: the rows given are the whole list.
struct ListPosition {
  int page = 1;
  std::size_t total = 0;
};
inline constexpr std::size_t kListPerPage = 100;

struct MeetingListPage {
  std::string group;
  std::vector<Meeting> meetings;  // newest first
  ListPosition position = {};
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
  ListPosition position = {};
};
html::TrustedHtml RenderDecisionList(const DecisionListPage& page);

// The people of an attendance record under three headings, shared by the
// meeting page and the import preview.
void AttendanceLists(html::HtmlWriter& w, const MeetingAttendance& attendance);
// The meeting's guests and the remarks on its attendance, when it has any;
// shared likewise.
void GuestsAndRemarks(html::HtmlWriter& w, const Meeting& meeting);

}  // namespace plenary::pages
