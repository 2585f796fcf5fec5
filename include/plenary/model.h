// The secretariat's domain: groups, people, meetings, action items, decisions.
//
// Plain values with no I/O. Importers build them from notes, stores persist
// them, publishers and the CLI turn them into text.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plenary {

// A calendar date (proleptic Gregorian). Always ok() when held by the model.
using Date = std::chrono::year_month_day;

struct TimeOfDay {
  int hour = 0;    // 0..23
  int minute = 0;  // 0..59
  friend bool operator==(const TimeOfDay&, const TimeOfDay&) = default;
};

enum class Role { kMember, kStaff, kLiaison, kObserver };

// The capacity a member serves in for their appointing organisation.
enum class Capacity { kRepresentative, kIndividual };

struct Person {
  std::string name;  // canonical spelling, as the roster gives it
  Role role = Role::kMember;
  std::vector<std::string> aliases;  // initials, other spellings
  // Membership dates, inclusive; none: from the group's start / to its end.
  std::optional<Date> member_from;
  std::optional<Date> member_to;
  // Where reminders of their items go (doc/reminders.md); none: nowhere, and
  // `plenary remind` lists them instead.
  std::optional<std::string> email;
  bool reminders = true;  // false: they asked for no reminders
  // The organisation that appointed them (an ICANN review team's SO or AC:
  // "GNSO", "ALAC", ...; or "Board"; elsewhere any affiliation), as the
  // roster writes it; empty: none given.
  std::string affiliation;
  std::optional<Capacity> capacity;
  friend bool operator==(const Person&, const Person&) = default;
};

// A sub-team of a group ("SSR1 review"): its meetings are those whose kind
// names it; participation is counted over its members.
struct SubTeam {
  std::string name;
  std::optional<std::string> leader;  // canonical name of a roster person
  std::vector<std::string> members;   // canonical names of roster people
  friend bool operator==(const SubTeam&, const SubTeam&) = default;
};

struct Group {
  std::string short_name;  // "SSR2": how notes' headers name the group
  std::string full_name;
  std::optional<Date> active_from;
  std::optional<Date> active_to;
  friend bool operator==(const Group&, const Group&) = default;
};

// The address of an organisation or role that owns items ("ICANN Org",
// "Staff"): its reminders go there, e.g. to the secretariat's list.
struct OrganisationAddress {
  std::string name;  // as the directory names the organisation, or as written
  std::string email;
  friend bool operator==(const OrganisationAddress&, const OrganisationAddress&) = default;
};

struct Roster {
  Group group;
  std::vector<Person> people;
  std::vector<SubTeam> subteams;
  std::vector<OrganisationAddress> organisations;
  friend bool operator==(const Roster&, const Roster&) = default;
};

// Who an action item is for: a person of the roster, an organisation or role
// ("ICANN Org", "Staff", "Team"), or a name that matched neither and is kept
// exactly as the notes wrote it.
enum class OwnerKind { kPerson, kOrganisation, kUnresolved };

struct Owner {
  std::string name;
  OwnerKind kind = OwnerKind::kUnresolved;
  friend bool operator==(const Owner&, const Owner&) = default;
};

enum class ActionStatus { kOpen, kComplete, kCancelled };

// Where in the notes an item was recorded.
enum class ActionSource {
  kTable,   // the meeting's action item table
  kNotes,   // a sentence in the summary notes ("Staff to ...")
  kReview,  // the review of open action items carried from earlier meetings
};

struct ActionItem {
  std::string text;           // whole, as written (continuations joined)
  std::vector<Owner> owners;  // empty: unassigned
  std::optional<Date> due;    // none: TBD or not given
  ActionStatus status = ActionStatus::kOpen;
  ActionSource source = ActionSource::kTable;
  std::optional<Owner> raised_by;  // "(GH)" at the end of the text
  int line = 0;                    // 1-based line in the notes
  // The status as the record wrote it, lower case ("in progress", "on hold",
  // "new", "done", "dropped"); empty when it wrote none. `status` says whether
  // the item is open or closed; this keeps the group's own word.
  std::string written_status;
  // A due date in words that names no day yet ("before the next plenary"),
  // kept so that a person (or the next meeting's import) can resolve it.
  std::string due_phrase;
  friend bool operator==(const ActionItem&, const ActionItem&) = default;
};

struct Decision {
  std::string text;  // the decision, or a resolution's title
  int line = 0;
  std::string body;  // a resolution's whole text, when it has one apart from its title
  friend bool operator==(const Decision&, const Decision&) = default;
};

struct AgendaSection {
  std::string heading;
  std::vector<std::string> notes;  // bullets, in order, bullet marks removed
  int line = 0;
  friend bool operator==(const AgendaSection&, const AgendaSection&) = default;
};

struct AttendanceRemark {
  std::string name;
  std::string remark;
  friend bool operator==(const AttendanceRemark&, const AttendanceRemark&) = default;
};

// The identity of a meeting within the register: (group, kind, number).
// Most groups identify a meeting by its date, not by a number: such a meeting's
// number is DatedMeetingNumber(date, start) (core/meeting_label.h), a value no
// numbered series reaches, and it is shown as its date (MeetingLabel).
struct MeetingKey {
  std::string group;
  std::string kind;
  int number = 0;
  friend bool operator==(const MeetingKey&, const MeetingKey&) = default;
};

struct Meeting {
  MeetingKey key;
  Date date;
  std::optional<TimeOfDay> start_utc;
  std::vector<std::string> attendees;
  std::vector<std::string> staff;
  std::vector<std::string> apologies;
  std::vector<AgendaSection> agenda;
  std::optional<std::string> record_url;
  // The roster sub-team this meeting is of, when its kind names one.
  std::optional<std::string> subteam;
  std::vector<ActionItem> actions;
  std::vector<Decision> decisions;
  std::vector<std::string> guests;  // observers and guests: there, not members
  // Remarks on someone's attendance, as the record gives them ("joined at
  // 10:45", "left at 11:30"), for names in the lists above.
  std::vector<AttendanceRemark> attendance_remarks;
  friend bool operator==(const Meeting&, const Meeting&) = default;
};

// One step in an action item's life: what a meeting's notes or a person
// changed, and the words that said so.
struct ActionChange {
  Date date;
  std::optional<MeetingKey> meeting;     // a meeting's notes said it
  std::optional<std::int64_t> event_id;  // or a person changed it by hand
  std::string change;  // "created", "due 2017-06-23 -> 2017-06-30", "completed", "note: ..."
  std::string words;   // the notes' words, or the person's note
  std::string who;     // the person, for changes by hand
  friend bool operator==(const ActionChange&, const ActionChange&) = default;
};

// An action item as the register holds it: one identity for its whole life.
struct RegisteredAction {
  std::int64_t id = 0;
  ActionItem item;     // current state; source and line are those of its origin
  MeetingKey meeting;  // the meeting it came from
  Date meeting_date;
  std::optional<std::string> status_note;
  std::int64_t merged_into = 0;       // non-zero: folded into that item
  std::vector<ActionChange> history;  // filled when asked for
};

// Two open items that likely say the same thing.
struct DuplicatePair {
  std::int64_t a = 0;
  std::int64_t b = 0;
  double score = 0;
  std::string reason;
};

struct RegisteredDecision {
  std::int64_t id = 0;
  Decision decision;
  MeetingKey meeting;
  Date meeting_date;
};

// A sub-team's work plan (doc/workplan-format.md): subtopics broken into
// tasks, each led by a subtask leader, with milestones on the timeline.
enum class TaskStatus { kPlanned, kInProgress, kDone, kOnHold, kDropped };

struct WorkPlanTask {
  // How notes ("[task: DNS-2]"), the web app and the API address the task:
  // letters and digits, then "-" and a number; unique in its group.
  std::string label;
  std::string title;
  std::string leader;               // the subtask leader, canonical roster name
  std::vector<std::string> people;  // engaged (any sub-team), canonical names
  Date start;
  Date target;  // never before start
  TaskStatus status = TaskStatus::kPlanned;
  std::vector<std::int64_t> items;  // action items linked by hand, by register id
  friend bool operator==(const WorkPlanTask&, const WorkPlanTask&) = default;
};

struct Subtopic {
  std::string title;
  std::vector<WorkPlanTask> tasks;
  friend bool operator==(const Subtopic&, const Subtopic&) = default;
};

struct Milestone {
  std::string name;  // "Draft report", "Public comment"
  Date date;
  friend bool operator==(const Milestone&, const Milestone&) = default;
};

struct SubTeamPlan {
  std::string subteam;  // a roster sub-team's name, as the roster spells it
  std::vector<Subtopic> subtopics;
  std::vector<Milestone> milestones;  // the sub-team's own
  friend bool operator==(const SubTeamPlan&, const SubTeamPlan&) = default;
};

// A group's work plans: one per sub-team that has one, and the milestones of
// the whole group, shown on every sub-team's timeline.
struct WorkPlan {
  std::string group;
  std::vector<Milestone> milestones;
  std::vector<SubTeamPlan> subteams;
  friend bool operator==(const WorkPlan&, const WorkPlan&) = default;
};

std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view text);
std::string_view CapacityName(Capacity capacity);  // "representative", "individual"
std::optional<Capacity> ParseCapacity(std::string_view text);
std::string_view OwnerKindName(OwnerKind kind);
std::optional<OwnerKind> ParseOwnerKind(std::string_view text);
std::string_view ActionStatusName(ActionStatus status);
std::optional<ActionStatus> ParseActionStatus(std::string_view text);
std::string_view ActionSourceName(ActionSource source);
std::optional<ActionSource> ParseActionSource(std::string_view text);
// "planned", "in progress", "done", "on hold", "dropped".
std::string_view TaskStatusName(TaskStatus status);
std::optional<TaskStatus> ParseTaskStatus(std::string_view text);

// Who was at a meeting, as core/attendance computes it from the meeting's
// names and its group's roster.
enum class Presence { kPresent, kApology, kAbsent };

// Why a person is listed at a meeting.
enum class Standing {
  kExpected,     // a member or liaison the meeting expects (core/attendance.h)
  kGuest,        // on the roster, present or apologising, but not expected
                 // (outside their membership, or not of the meeting's sub-team)
  kNotOnRoster,  // named by the notes, matches nobody on the roster (or there
                 // is no roster)
};

struct PersonPresence {
  std::string name;
  Presence presence = Presence::kAbsent;
  Standing standing = Standing::kExpected;
  friend bool operator==(const PersonPresence&, const PersonPresence&) = default;
};

struct MeetingAttendance {
  MeetingKey key;
  Date date;
  std::optional<std::string> subteam;  // the roster's sub-team it is of
  // Expected people in roster order (sub-team order for a sub-team's
  // meeting), then guests in roster order, then names not on the roster in
  // the order the notes give them (present first, then apologies).
  std::vector<PersonPresence> people;
  // Staff listed at the meeting (the notes' staff line, and roster staff
  // named among the attendees), canonical names where the roster has them.
  std::vector<std::string> staff;
  std::vector<std::string> observers;  // roster observers who attended
  // Every name the notes give (attendees, staff, apologies) that matches
  // nobody on the roster; empty without a roster.
  std::vector<std::string> not_on_roster;
  friend bool operator==(const MeetingAttendance&, const MeetingAttendance&) = default;
};

}  // namespace plenary
