// The phrases of meeting notes that carry meaning: bullets, sentences, due
// dates ("Due 23 June", "Due: 7 July"), status markers ("Mark action item as
// complete"), section headings, decisions ("Team agreed that ..."). Pure
// functions over text; the notes importers compose them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/directory.h"
#include "core/text.h"
#include "plenary/model.h"

namespace plenary {

// The text after a leading bullet mark ("·", "•", "◦", "▪", "-", "*", "–",
// "o") and its spaces, or nullopt when `line` (already trimmed) has none.
std::optional<std::string_view> AfterBullet(std::string_view line);

// Section headings, matched at the start of a trimmed, non-bullet line.
bool IsActionTableHeading(std::string_view line);  // "Action Items Plenary #15", "Action items:"
bool IsDecisionsHeading(std::string_view line);    // "Decisions Made ...", "Decisions Reached"
bool IsSummaryHeading(std::string_view line);      // "SUMMARY NOTES:", "Notes"
bool IsEndOfMeeting(std::string_view line);        // "END OF MEETING"
bool IsReviewOfActionsHeading(std::string_view line);  // "Review open action items list"
// "None", "N/A", "No decisions", "No action items": an explicitly empty list.
bool IsNothing(std::string_view text);

// "2. Review of draft report", "3) AOB": a numbered agenda line.
bool IsNumberedLine(std::string_view line);

// Whether an unbulleted `line` right after a note continues it (a wrapped
// bullet) rather than starting a new heading: it does when it starts in
// lower case, or when the note does not end a sentence; a numbered line never
// does.
bool ContinuesNote(std::string_view note, std::string_view line);

// What a due cell or a due phrase says.
struct DueText {
  enum Kind { kNone, kDate, kUnreadable } kind = kNone;  // kNone: "TBD", "", "N/A", "ongoing"
  WrittenDate date;
};
// A due-date cell: "23 June", "Due: 7 July", "30 June 2017", "TBD".
DueText ReadDueCell(std::string_view cell);

// A due phrase at the end of a sentence: "...: Due 23 June", "(due 30 June
// 2017)", "... by 7 July". `before` is the text without it.
struct DueSuffix {
  std::string_view before;
  std::string_view phrase;  // the date as written, for messages
  DueText due;
};
std::optional<DueSuffix> FindDueSuffix(std::string_view text);

// A due in words at the end of a sentence, as people write it beyond
// FindDueSuffix's dates: a weekday ("by COB Friday", "by Monday", "by end of
// day Tuesday 4 September"), the end of a month ("by the end of September"),
// a date after "before" ("before 5 September"), or words that name no day yet
// ("before the next plenary", "by next week", "ahead of the Brussels meeting").
// FindDueSuffix's own phrases ("by 5 September", "Due 23 June") come first.
struct DueWords {
  enum Kind {
    kNone,      // "Due TBD": no due date, nothing to keep
    kDate,      // a written date
    kWeekday,   // a weekday, maybe with its date
    kMonthEnd,  // the end of `date.month`
    kNoDay,     // words that name no day: kept as ActionItem::due_phrase
    kAfter,     // `after_days` days after the meeting ("tomorrow", "in two weeks")
    kPeriodEnd, // the end of the meeting's week (Friday), month or year ("by EOM")
    kMonthDay,  // `date.day` of a month: the first such day after the meeting ("by the 15th")
  } kind = kNone;
  std::string_view before;  // the sentence without the phrase
  std::string_view phrase;  // as written, from its first word ("by COB Friday")
  WrittenDate date;         // kDate; kWeekday when a date is written; kMonthEnd (day 0)
  int weekday = -1;         // kWeekday: 0 = Sunday
  int after_days = 0;       // kAfter
  char period = 0;          // kPeriodEnd: 'w', 'm' or 'y'
};
std::optional<DueWords> FindDueWords(std::string_view text);

// The day `due` names, read next to a meeting held on `meeting`: a written
// date as ResolveWrittenDate; a weekday alone, the first such day after the
// meeting; the end of a month, its last day. nullopt for kNone and kNoDay,
// and for a day that does not exist.
std::optional<Date> ResolveDueWords(const DueWords& due, const Date& meeting);

// What an action's due words come to next to a meeting held on `meeting`, and
// the guess made, so that the reader says it: a due date (a weekday alone
// taken as the first after the meeting; the end of a month as its last
// day), or words that name no day kept as the due phrase. `no_such_day` when
// the words name a day that does not exist ("by 31 June"): `notice` then
// says so, for a reader that takes it as a notice rather than an error.
struct DueReading {
  std::optional<Date> due;
  std::string due_phrase;  // kNoDay: the words, spaces collapsed
  std::string notice;      // the guess (or the day that is none); "" otherwise
  bool no_such_day = false;
};
DueReading ReadDue(const DueWords& due, const Date& meeting);

// The owners a sentence starts with, as people write them: "Eric and Boban
// to ...", "X, Y and Z to ...", "Staff to ...", "Review team members to ..."
// (the team itself), "Subteam rapporteurs to ..." (a role), "JG: draft ...".
// Each name is matched by Directory::MatchOwner, which says the rule that
// took it (for a notice); a name that looks like one (capitalised words,
// initials) but matches nobody is kept as written. `length` is the bytes of
// `text` the names take; what follows is " to ..." or ": ...".
struct LeadingOwners {
  std::vector<Directory::NameMatch> owners;  // in order, each owner once
  std::size_t length = 0;
};
std::optional<LeadingOwners> OwnersAtStart(std::string_view text, const Directory& directory);

// The status a whole sentence sets: "Mark action item as complete.", "Done.",
// "Withdrawn.", "No longer needed."; nullopt for any other sentence.
std::optional<ActionStatus> StatusMarker(std::string_view sentence);

// The decision a summary bullet records ("Team agreed that ...", "Decision:
// ...", "It was agreed to ..."), or nullopt.
std::optional<std::string> DecisionIn(std::string_view bullet, const Directory& directory);

// The owner a sentence starts with: a known name (Directory::LeadingOwner),
// or else two or three capitalised words, or initials, followed by "to" and a
// verb ("Pat Kane to circulate ..."), kept as written (kUnresolved) when the
// roster does not know them. `length` is the bytes of `text` the name takes.
std::optional<Directory::Leading> OwnerAtStart(std::string_view text, const Directory& directory);

// The owners a sentence starts with, for "X and Y to ...", "X, Y, and Z to
// ...", "X et al to ...": every name of the list before the first "to", each
// as OwnerAtStart would take it alone (a known name, or two or three
// capitalised words, or initials, or words starting "All"), "et al" dropped.
// nullopt unless every entry is a name and a verb follows "to". `length` is
// the bytes of `text` the list takes.
// (Markdown's strict form; OwnersAtStart above is the ICANN wiki's, which
// also takes roles and says which rule matched each name.)
struct OwnerList {
  std::vector<Owner> owners;
  std::size_t length = 0;
};
std::optional<OwnerList> OwnerListAtStart(std::string_view text, const Directory& directory);

// The action a sentence of the summary notes assigns: "Staff to put ... ",
// "JG to draft ...", "Action: ICANN Org to ...". `text` is what the item says.
struct NotedAction {
  std::string_view text;
  std::optional<Owner> owner;
};
std::optional<NotedAction> ActionIn(std::string_view sentence, const Directory& directory);

// The names in a list as notes write them: "Emily Taylor, James Gannon and
// Zarko Kecic", "JG/ET", "ICANN Org; Staff & Team". Parenthesised remarks
// ("(chair)") are dropped; spacing is collapsed; empty entries are skipped.
std::vector<std::string> SplitNameList(std::string_view list);

// A "(GH)" at the end of an action's text: who raised it.
std::optional<std::string_view> RaisedByMark(std::string_view text);

// The key under which two decisions are the same: their content words.
std::string DecisionKey(std::string_view text);

}  // namespace plenary
