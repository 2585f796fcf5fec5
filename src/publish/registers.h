// A group's registers as the publication model: what the Store holds for one
// group (LoadRegisters), and the pages built from it (BuildDocuments, a pure
// function of the registers and the publishing day). doc/publishing.md
// describes every page.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/meeting_label.h"  // MeetingLabel: "Plenary #15", "Teleconference 2025-09-23"
#include "plenary/model.h"
#include "plenary/result.h"
#include "plenary/store.h"
#include "publish/document.h"

namespace plenary {

struct GroupRegisters {
  std::string group;                          // short name, as the register spells it
  std::optional<Roster> roster;               // none: known only from meetings' headers
  std::vector<Meeting> meetings;              // oldest first
  std::vector<RegisteredAction> actions;      // register order, with history; no merged items
  std::vector<RegisteredDecision> decisions;  // register order
  Date today;
  std::optional<WorkPlan> workplan;  // the sub-teams' work plans, when the group has one
  // The meetings' stored attendance, one for each meeting in the same order
  // (the web app's attendance page); empty: computed from the meetings.
  std::vector<MeetingAttendance> attendance;
};

// The registers of the group named `group` (case-insensitive), or of every
// group when none, in short-name order. NotFound for an unknown group.
// A group's registers are read from that group's rows only.
Result<std::vector<GroupRegisters>> LoadRegisters(Store& store,
                                                  const std::optional<std::string>& group,
                                                  Date today);

// The items of `group` that `plan` may link (ActionListQuery::work_plan_links),
// in register order, without history: all that LinkItemsToTasks,
// the work plan pages and their JSON read of a group's items, read in pages
// so that a large register is never held whole.
Result<std::vector<RegisteredAction>> WorkPlanItems(Store& store, const std::string& group,
                                                    const WorkPlan& plan);

// What the work plan pages show of the group named `group` (as the store
// spells it): its roster, work plan and WorkPlanItems; no meetings,
// decisions or other items. NotFound for an unknown group.
Result<GroupRegisters> LoadWorkPlanRegisters(Store& store, const std::string& group, Date today);

// The page ids of the set (Document::id).
inline constexpr const char* kIndexPage = "index";
inline constexpr const char* kActionsPage = "action-items";
inline constexpr const char* kDecisionsPage = "decisions";
inline constexpr const char* kAttendancePage = "attendance";
inline constexpr const char* kAgendaPage = "agenda";
inline constexpr const char* kWorkPlanPage = "workplan";
// "plenary-15" for Plenary #15.
std::string MeetingPageId(const MeetingKey& key);
// "attendance-2017-06".
std::string MonthPageId(const Date& first_of_month);
// "item-4": the anchor of an item's history in the action register.
std::string ItemAnchor(std::int64_t id);

// Lower-case ASCII letters and digits, every other run of characters one
// '-'; "group" when nothing is left. File names and anchors.
std::string Slug(std::string_view text);

// Every page of the group: the index, each meeting's record, the action item
// register, the decisions register, the attendance log, each month's
// participation, the next meeting's agenda and, when the group has one, the
// sub-teams' work plans (publish/workplan_pages.h).
DocumentSet BuildDocuments(const GroupRegisters& registers);

// Only each meeting's record, for formats whose links are file links (HTML,
// Markdown): the wiki formats name the other pages by their titles, so they
// need the whole set.
DocumentSet BuildMeetingDocuments(const GroupRegisters& registers);

// Only the participation page of the month starting `first_of_month`.
Document BuildMonthDocument(const GroupRegisters& registers, Date first_of_month);

// The pieces the builders share (register_pages.cc, attendance_pages.cc,
// agenda_page.cc).
namespace publish_detail {

// "2017-06-23"; the due in words when it names no day ("before the next
// plenary"); "no due date".
std::string DueText(const ActionItem& item);
// "open", or "open (in progress)" with the group's own word for it.
std::string StatusText(const ActionItem& item);
// "ICANN Org, Denise Michel"; "" for none.
std::string OwnerNames(const std::vector<Owner>& owners);
// Days `action` is late on `today`; 0 when not open, not due or not late.
int DaysOverdue(const RegisteredAction& action, Date today);
// "3 days late", "1 day late".
std::string DaysLateText(int days);
// The links bar every page starts with.
Text NavigationBar(const GroupRegisters& registers, const std::string& current);
// The months (first days) with a group-wide or sub-team meeting, oldest first.
std::vector<Date> MeetingMonths(const GroupRegisters& registers);
// The next meeting's expected date: the last group-wide meeting plus the
// median interval between group-wide meetings, repeated until it is not
// before `today`; none with fewer than two meetings.
std::optional<Date> NextMeetingDate(const GroupRegisters& registers);
// The headings of the last group-wide meeting that more than half of the last
// four repeat (all of them with one meeting), but for the review of action
// items, which the agenda always has.
std::vector<std::string> StandingItems(const GroupRegisters& registers);
// `name` made a title MediaWiki accepts as it is (publish/wiki_title.cc):
// the characters titles may not hold (# < > [ ] { } |, controls, DEL) and
// the sequences they may not contain (three tildes, which a save would
// expand into a signature; HTML entities; %-escapes; "." and ".." path
// segments; a leading ':') become '-'; underscores are spaces and runs of
// spaces one, trimmed (so "__TOC__" cannot be read as a magic word in a link
// to the page); over 255 bytes, the middle is cut at
// character boundaries and "…" put there, keeping the end (the meeting's
// number). Names that differ only in what is replaced may end up equal.
std::string WikiTitle(std::string_view name);
DocumentSet BuildSet(const GroupRegisters& registers);
// Each builder's pages.
Document IndexDocument(const GroupRegisters& registers);
Document MeetingDocument(const GroupRegisters& registers, std::size_t index);
Document ActionsDocument(const GroupRegisters& registers);
Document DecisionsDocument(const GroupRegisters& registers);
Document AttendanceDocument(const GroupRegisters& registers);
Document AgendaDocument(const GroupRegisters& registers);

}  // namespace publish_detail

}  // namespace plenary
