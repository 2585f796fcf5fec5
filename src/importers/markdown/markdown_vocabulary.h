// The words Markdown minutes use for their parts, whichever group wrote them:
// section headings and labels (Attendance, Regrets, Action items, Decisions),
// action status groups (DONE, In Progress, On Hold, New), meeting titles with
// their date, start time and kind, and attendance entries with a role or
// handle. Pure functions over the text of one block.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "plenary/model.h"

namespace plenary::markdown {

enum class Section {
  kOther,
  kAttendees,     // Attendance, Present, Attendees, Roll call, Participants
  kApologies,     // Regrets, Apologies, Absent
  kGuests,        // Guests, Observers
  kStaff,         // Staff, Secretariat
  kActions,       // Action items, Actions, New action items
  kActionReview,  // Action Item Review, Open action items, Previous actions
  kDecisions,     // Decisions, Resolutions
};

bool IsAttendance(Section s);

// A heading's or label's words without numbering ("1.4."), a trailing colon,
// a duration (" - 5 mins") or a parenthesised remark, lower case.
std::string LabelWords(std::string_view text);
// The same, stopped once it is longer than `at_most` bytes (then longer than
// `at_most`, but not necessarily whole).
std::string LabelWords(std::string_view text, std::size_t at_most);

// What a heading (or a label line standing alone) names.
Section ClassifySection(std::string_view heading);

// A status group of actions ("DONE", "In Progress:", "On Hold"): the status
// as written, lower case, and what it means.
struct StatusGroup {
  std::string written;
  ActionStatus status = ActionStatus::kOpen;
  bool carried = true;  // everything but "new" speaks of earlier items
};
std::optional<StatusGroup> ReadStatusGroup(std::string_view text);

// "Label: rest" where the label is a word of the vocabulary. `kind` says
// which.
struct LabelLine {
  enum Kind { kSection, kAction, kDecision, kDate, kChair } kind = kSection;
  Section section = Section::kOther;  // kSection
  std::string_view rest;              // after the colon, trimmed
};
std::optional<LabelLine> ReadLabelLine(std::string_view text);

// A whole date with its year in `text`: "2024-05-29", "May 31, 2022",
// "23 September 2025", "Tuesday, 13 June 2017". `pos`/`length` locate it.
struct FoundDate {
  Date date;
  std::size_t pos = 0;
  std::size_t length = 0;
};
std::optional<FoundDate> FindDate(std::string_view text);

// A start time after `from` in `text` with a zone that says its offset
// ("0730 PDT", "14:00 UTC", "9:30am EST", "10:00 (UTC+2)"), in UTC; the
// written time and zone for the notice. nullopt without a known zone.
struct FoundTime {
  TimeOfDay utc;
  std::string written;
  int day_shift = 0;  // -1/+1 when UTC is on the day before/after
};
std::optional<FoundTime> FindStartTime(std::string_view text, std::size_t from);
// Whether `text` has a clock time at all (to say why no start was taken).
bool HasClockTime(std::string_view text, std::size_t from);

// The kind of meeting a title names ("Teleconference", "Telechat", "Call"),
// capitalised; nullopt when it names none.
std::optional<std::string> MeetingKindIn(std::string_view title);
// The group a title names: its first acronym ("IRSG", "IAB", "TSC") before the
// date, skipping "Minutes", "Agenda", "Draft".
std::optional<std::string> GroupIn(std::string_view title);
// Whether a heading with a date starts a meeting: not "Approval of the
// minutes of ...", "Next meeting", "Upcoming ...".
bool IsMeetingTitle(std::string_view heading);

// One attendance entry: "Dirk Kutscher (IRTF Chair)", "Rich Trott
// (@Trott)", "Carsten Bormann, T2TRG Chair", "Jane Doe - Example Corp".
struct NameEntry {
  std::string name;
  std::string remark;  // the role, affiliation, handle or remark; may be empty
};
// The entries of a line ("Alice Smith, Bob Jones and Carol Lee"), or nullopt
// when the line is not a list of names (a sentence, a number).
std::optional<std::vector<NameEntry>> ReadNameEntries(std::string_view line);

// Where a remark puts a person: staff ("Secretariat", "staff"), guests
// ("Guest", "Observer"), or nullopt for the list's own.
std::optional<Section> SectionOfRemark(std::string_view remark);
// A remark about attendance itself ("joined at 10:45", "left early").
bool IsAttendanceRemark(std::string_view remark);

// Two names in one record that are likely one person misspelled ("Neils" /
// "Niels"): the same length within one, and at most two edits apart.
bool LikelySamePerson(std::string_view a, std::string_view b);

}  // namespace plenary::markdown
