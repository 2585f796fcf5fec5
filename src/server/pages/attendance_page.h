// A group's attendance: the grid of meetings by people, each person's
// participation over all meetings, and the monthly rate as a table and an
// SVG bar chart (the table is the chart's accessible equivalent).
#pragma once

#include <string>
#include <vector>

#include "core/attendance.h"
#include "plenary/model.h"
#include "publish/formats/html_writer.h"

namespace plenary::pages {

struct MonthRate {
  std::string month;  // "2017-06"
  int present = 0;    // over every rated person's expected meetings
  int held = 0;
};

struct AttendancePage {
  std::string group;
  std::vector<MeetingAttendance> meetings;  // the group's own, oldest first
  std::vector<Participation> people;        // over all of them
  std::vector<MonthRate> months;            // oldest first
};

// The page's values from one group's meetings (any order) and roster (or
// null): the meetings of no sub-team, as `plenary attendance` counts them.
AttendancePage BuildAttendancePage(const std::string& group, std::vector<Meeting> meetings,
                                   const Roster* roster);

html::TrustedHtml RenderAttendance(const AttendancePage& page);

}  // namespace plenary::pages
