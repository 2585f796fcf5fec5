#include "importers/icann/wiki_page.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "core/date.h"
#include "core/directory.h"
#include "core/subteam.h"
#include "core/text.h"
#include "importers/icann_header.h"
#include "importers/notes_phrases.h"

namespace plenary {
namespace {

enum class Label {
  kAttendees,
  kGuests,
  kStaff,
  kApologies,
  kIgnored,  // recordings, transcripts: links that copy as a word ("EN", "here")
  kDecisions,
  kActions,
  kAgenda,
  kCallDetails,
  kNone,
};

bool IsList(Label label) {
  return label == Label::kAttendees || label == Label::kGuests || label == Label::kStaff ||
         label == Label::kApologies;
}

Label LabelNamed(std::string_view key, std::string_view group) {
  std::string k = FoldName(key);
  auto any = [&](std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), k) != names.end();
  };
  if (any({"review team members", "rt members", "members", "members present", "attendees",
           "attendance", "participants", "present", "team members"}) ||
      (!group.empty() && k == FoldName(std::string(group) + " members")))
    return Label::kAttendees;
  if (any({"observers", "observer", "guests", "guest", "invited guests", "presenters", "speakers"}))
    return Label::kGuests;
  if (any({"icann organization", "icann organisation", "icann org", "icann staff", "staff",
           "support staff", "icann org staff", "org"}))
    return Label::kStaff;
  if (any({"apologies", "apology", "regrets", "apologies received", "absent with apologies",
           "absent", "not present"}))
    return Label::kApologies;
  if (any({"zoom chat", "chat", "audio", "mp3", "slides", "documents", "dial-in", "meeting id",
           "passcode"}))
    return Label::kIgnored;
  if (any({"agenda", "proposed agenda", "draft agenda", "meeting agenda"})) return Label::kAgenda;
  if (any({"call details", "meeting details", "call information", "call info"}))
    return Label::kCallDetails;
  // Labels worded otherwise, by their last word or a word they hold:
  // "SSR2 Review Team Members", "Guests/Observers", "Apologies/Absent",
  // "Zoom recording & chat".
  std::vector<std::string> words = ContentWords(key);
  auto has = [&](std::string_view w) {
    return std::find(words.begin(), words.end(), w) != words.end();
  };
  if (has("recording") || has("transcript")) return Label::kIgnored;
  if (has("apology") || has("apologie") || has("regret")) return Label::kApologies;
  if (has("observer") || has("guest")) return Label::kGuests;
  if (!words.empty() && words.back() == "member") return Label::kAttendees;
  if (!words.empty() && (words.back() == "staff" || k == "technical writer")) return Label::kStaff;
  return Label::kNone;
}

struct LabelLine {
  Label label = Label::kNone;
  std::string_view rest;  // after the colon
};

// "Review Team Members:  A, B", "Action Items:", "Decisions Reached:",
// "Call Details"; nullopt for any other line.
std::optional<LabelLine> ReadLabel(std::string_view text, std::string_view group) {
  std::size_t colon = text.find(':');
  std::string_view rest = colon == std::string_view::npos ? "" : Trim(text.substr(colon + 1));
  if (IsActionTableHeading(text)) return LabelLine{Label::kActions, rest};
  if (IsDecisionsHeading(text)) return LabelLine{Label::kDecisions, rest};
  std::string_view key = colon == std::string_view::npos ? text : text.substr(0, colon);
  if (SplitWords(key, 6).size() > 5) return std::nullopt;
  Label label = LabelNamed(key, group);
  if (label == Label::kNone) return std::nullopt;
  // A list needs its colon; a heading may stand alone ("Call Details").
  if (colon == std::string_view::npos && label != Label::kAgenda && label != Label::kCallDetails)
    return std::nullopt;
  return LabelLine{label, rest};
}

int FirstNonBlankLine(const SourceText& source) {
  for (int n = 1; n <= static_cast<int>(source.line_count()); ++n)
    if (!Trim(source.line(n)).empty()) return n;
  return 0;
}

// The page's title: the first of its first few lines that reads as a title
// (a page copied from the browser may start with its breadcrumbs); 0 if none.
int TitleLine(const SourceText& source) {
  constexpr int kLinesBeforeTitle = 8;
  int seen = 0;
  for (int n = 1; n <= static_cast<int>(source.line_count()) && seen < kLinesBeforeTitle; ++n) {
    std::string_view text = Trim(source.line(n));
    if (text.empty()) continue;
    ++seen;
    std::size_t hash = text.find('#');
    if (hash == std::string_view::npos || hash + 1 >= text.size() || text[hash + 1] < '0' ||
        text[hash + 1] > '9')
      continue;
    if (ReadNotesHeader(source, n).ok()) return n;
  }
  return 0;
}

std::size_t Indentation(std::string_view raw) {
  std::size_t i = 0;
  while (i < raw.size()) {
    if (raw[i] == ' ' || raw[i] == '\t')
      ++i;
    else if (raw.substr(i, 2) == "\xC2\xA0")
      i += 2;
    else
      break;
  }
  return i;
}

// "1. Welcome" -> "Welcome".
std::string_view AfterNumber(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  return Trim(text.substr(std::min(text.size(), i + 1)));
}

// A list's entries between commas or semicolons outside parentheses, each
// with its parenthesised remark ("Boban Krsic (joined at 14:20)").
struct ListPart {
  std::string text;
  std::string remark;
};

std::vector<ListPart> SplitListParts(std::string_view list) {
  std::vector<ListPart> parts(1);
  int depth = 0;
  for (char c : list) {
    if (c == '(' && ++depth == 1) continue;
    if (c == ')' && depth > 0) {
      if (--depth == 0) parts.back().remark += ' ';
      continue;
    }
    if (depth > 0)
      parts.back().remark += c;
    else if (c == ',' || c == ';')
      parts.emplace_back();
    else
      parts.back().text += c;
  }
  for (ListPart& part : parts) part.remark = CollapseSpaces(part.remark);
  return parts;
}

// What a section of the page holds, in order, with wrapped lines joined.
struct Entry {
  Label section = Label::kNone;
  std::string text;
  int line = 0;
  int last_line = 0;
  std::size_t indent = 0;
  bool numbered = false;
};

class WikiPageReader {
 public:
  WikiPageReader(const SourceText& source, const ReadOptions& options)
      : source_(source), options_(options) {}

  Result<Minutes> Read();

 private:
  int LineCount() const { return static_cast<int>(source_.line_count()); }
  std::string_view Text(int n) const { return Trim(source_.line(n)); }
  int ColumnOf(int n, std::string_view written) const {
    std::size_t at = written.empty() ? std::string_view::npos : source_.line(n).find(written);
    return at == std::string_view::npos ? 0 : ColumnOfByte(source_.line(n), at);
  }
  void Notice(int n, int column, std::string_view message) {
    minutes_.notices.push_back(source_.Describe(n, column, "notice: " + std::string(message)));
  }
  void NoticeName(int n, const Directory::NameMatch& match) {
    std::string notice = directory_->NameNotice(match);
    if (!notice.empty()) Notice(n, ColumnOf(n, match.written), notice);
  }

  Status ReadTitle(int& n);
  bool RepeatsTitle(int n) const;
  void ReadLine(int n, bool after_blank);
  void AddNames(Label label, int n, std::string_view list);
  void ReadCallDetails(int n, std::string_view text);
  Status ReadEntries();
  Status AddAction(std::string_view text, int n, ActionSource source);
  Status ResolveDue(ActionItem& item, const DueWords& due, int n);
  void AddDecision(std::string_view text, int n);

  const SourceText& source_;
  const ReadOptions& options_;
  Minutes minutes_;
  Meeting meeting_;
  const Roster* roster_ = nullptr;
  std::optional<Directory> directory_;
  int title_line_ = 0;
  NotesHeader header_;
  Label section_ = Label::kNone;
  int section_entries_ = 0;  // entries since the section's label
  bool said_none_ = false;   // the label said "None"
  Label list_label_ = Label::kNone;
  int list_line_ = 0;
  bool names_without_roster_ = false;
  std::vector<Entry> entries_;
  std::unordered_set<std::string> decision_keys_;
};

Status WikiPageReader::ReadTitle(int& n) {
  n = TitleLine(source_);
  if (n == 0) n = FirstNonBlankLine(source_);  // to say what is wrong with it
  if (n == 0)
    return source_.ErrorAt(1, 0,
                           "empty page: expected a title like 'SSR2 Plenary #41 - 30 August 2018'");
  for (int before = 1; before < n; ++before)
    if (!Text(before).empty()) Notice(before, 0, "before the page's title; ignored");
  auto header = ReadNotesHeader(source_, n);
  if (!header.ok()) return header.error();
  header_ = *header;
  title_line_ = n;
  for (const Roster& roster : options_.rosters)
    if (EqualsNoCase(roster.group.short_name, header_.group)) roster_ = &roster;
  auto date = ResolveMeetingDate(source_, header_, options_.year, roster_);
  if (!date.ok()) return date.error();
  meeting_.key = {roster_ ? roster_->group.short_name : header_.group, header_.kind,
                  header_.number};
  meeting_.date = *date;
  meeting_.start_utc = header_.start_utc;
  if (roster_) {
    if (const SubTeam* subteam = SubTeamNamedBy(header_.kind, *roster_))
      meeting_.subteam = subteam->name;
  }
  directory_.emplace(roster_, meeting_.key.group);
  n = std::max(n, header_.last_line) + 1;
  return Status::Ok();
}

// The title again (the page's name above its first heading), or its date line.
bool WikiPageReader::RepeatsTitle(int n) const {
  if (Text(n) == Text(title_line_)) return true;
  if (Text(n).find('#') == std::string_view::npos) return false;
  auto again = ReadNotesHeader(source_, n);
  return again.ok() && again->number == header_.number && EqualsNoCase(again->group, header_.group);
}

void WikiPageReader::AddNames(Label label, int n, std::string_view list) {
  std::vector<std::string>& names = label == Label::kAttendees ? meeting_.attendees
                                    : label == Label::kGuests  ? meeting_.guests
                                    : label == Label::kStaff   ? meeting_.staff
                                                               : meeting_.apologies;
  for (const ListPart& part : SplitListParts(list)) {
    std::vector<std::string> written_names = SplitNameList(part.text);
    for (const std::string& written : written_names) {
      if (IsNothing(written)) continue;
      Directory::NameMatch match = directory_->MatchPerson(written);
      NoticeName(n, match);
      if (!directory_->has_roster()) names_without_roster_ = true;
      if (std::find(names.begin(), names.end(), match.owner.name) == names.end())
        names.push_back(match.owner.name);
      // "Boban Krsic (joined at 14:20)": a remark on one person's attendance.
      if (written_names.size() == 1 && !part.remark.empty())
        meeting_.attendance_remarks.push_back({match.owner.name, part.remark});
    }
  }
}

void WikiPageReader::ReadCallDetails(int n, std::string_view text) {
  bool other_zone = false;
  auto start = StartTimeUtc(text, &other_zone);
  if (other_zone) {
    Notice(n, 0, "a time not in UTC; plenary records start times in UTC, so none is recorded");
    return;
  }
  if (!start) return;
  if (!meeting_.start_utc) {
    meeting_.start_utc = start;
  } else if (*meeting_.start_utc != *start) {
    Notice(n, 0,
           fmt::format("start {} UTC differs from the title's {} UTC; the title's is kept",
                       FormatTime(*start), FormatTime(*meeting_.start_utc)));
  }
}

void WikiPageReader::ReadLine(int n, bool after_blank) {
  std::string_view raw = source_.line(n);
  std::string_view text = Text(n);
  auto bullet = AfterBullet(text);
  auto add_entry = [&](Label section, std::string_view entry, bool numbered) {
    entries_.push_back({section, std::string(entry), n, n, Indentation(raw), numbered});
    ++section_entries_;
  };
  if (!bullet) {
    if (auto label = ReadLabel(text, meeting_.key.group)) {
      list_label_ = Label::kNone;
      if (IsList(label->label)) {
        AddNames(label->label, n, label->rest);
        list_label_ = label->label;
        list_line_ = n;
        section_ = Label::kNone;
      } else if (label->label != Label::kIgnored) {
        section_ = label->label;
        section_entries_ = 0;
        said_none_ = !label->rest.empty() && IsNothing(label->rest);
        if (section_ == Label::kCallDetails)
          ReadCallDetails(n, label->rest);
        else if (!label->rest.empty() && !said_none_ && section_ != Label::kAgenda)
          add_entry(section_, label->rest, false);
      }
      return;
    }
    if (section_ == Label::kCallDetails) return ReadCallDetails(n, text);
    if (IsNumberedLine(text)) {
      // Numbered actions or decisions right under their label are theirs; a
      // numbered list after the bullets is the agenda.
      bool own = (section_ == Label::kActions || section_ == Label::kDecisions) && !said_none_ &&
                 (section_entries_ == 0 || entries_.back().numbered);
      if (!own) section_ = Label::kAgenda;
      return add_entry(section_, AfterNumber(text), true);
    }
    if (list_label_ != Label::kNone && list_line_ == n - 1 &&
        text.find(':') == std::string_view::npos) {
      AddNames(list_label_, n, text);  // a list that wraps
      list_line_ = n;
      return;
    }
    if (!after_blank && !entries_.empty() && entries_.back().last_line == n - 1 &&
        ContinuesNote(entries_.back().text, text)) {
      entries_.back().text += ' ';
      entries_.back().text += text;
      entries_.back().last_line = n;
      return;
    }
    if (section_ == Label::kAgenda && !after_blank && !entries_.empty() &&
        entries_.back().last_line == n - 1) {
      return add_entry(section_, text, false);  // a note of the agenda item above
    }
    // A heading of the page's own ("Notes", "Discussion"): its bullets are
    // notes under it, never the actions or decisions above it.
    if (after_blank && SplitWords(text, 7).size() <= 6 && text.find(':') == std::string_view::npos &&
        text.find_last_of(".?!") != text.size() - 1) {
      section_ = Label::kAgenda;
      section_entries_ = 0;
      return add_entry(section_, text, true);
    }
    return Notice(n, 0, "line not understood; ignored");
  }
  if (section_ == Label::kCallDetails) return ReadCallDetails(n, *bullet);
  if (section_ == Label::kNone)
    return Notice(n, 0, "bullet outside a section of the page; ignored");
  // A deeper bullet under an action or a decision belongs to it.
  if ((section_ == Label::kActions || section_ == Label::kDecisions) && !entries_.empty() &&
      entries_.back().section == section_ && Indentation(raw) > entries_.back().indent &&
      section_entries_ > 0) {
    entries_.back().text += ' ';
    entries_.back().text += *bullet;
    entries_.back().last_line = n;
    return;
  }
  add_entry(section_, *bullet, false);
}

Status WikiPageReader::ResolveDue(ActionItem& item, const DueWords& due, int n) {
  const int column = ColumnOf(n, due.phrase);
  DueReading reading = ReadDue(due, meeting_.date);
  if (reading.no_such_day)
    return source_.ErrorAt(n, column, fmt::format("no such day: '{}'", due.phrase));
  item.due = reading.due;
  item.due_phrase = std::move(reading.due_phrase);
  if (!reading.notice.empty()) Notice(n, column, reading.notice);
  return Status::Ok();
}

Status WikiPageReader::AddAction(std::string_view text, int n, ActionSource source) {
  ActionItem item;
  item.source = source;
  item.line = n;
  std::string_view body = Trim(text);
  for (std::string_view prefix : {"action item:", "action:"})
    if (StartsWithNoCase(body, prefix)) body = Trim(body.substr(prefix.size()));
  if (auto due = FindDueWords(body)) {
    if (Status s = ResolveDue(item, *due, n); !s.ok()) return s;
    body = due->before;
  }
  if (auto owners = OwnersAtStart(body, *directory_)) {
    for (const Directory::NameMatch& match : owners->owners) {
      item.owners.push_back(match.owner);
      NoticeName(n, match);
      if (!directory_->has_roster() && match.owner.kind != OwnerKind::kOrganisation)
        names_without_roster_ = true;
    }
    std::string_view rest = Trim(body.substr(owners->length));
    if (!rest.empty() && rest.front() == ':') body = Trim(rest.substr(1));  // "JG: draft ..."
  } else {
    Notice(n, ColumnOf(n, body), "the action names no owner at its start; recorded unassigned");
  }
  item.text = CollapseSpaces(body);
  if (item.text.empty() || IsNothing(item.text)) return Status::Ok();
  if (auto mark = RaisedByMark(item.text)) item.raised_by = directory_->ResolveOwner(*mark);
  meeting_.actions.push_back(std::move(item));
  return Status::Ok();
}

void WikiPageReader::AddDecision(std::string_view text, int n) {
  std::string decision = CollapseSpaces(text);
  if (decision.empty() || IsNothing(decision)) return;
  if (!decision_keys_.insert(DecisionKey(decision)).second) return;
  meeting_.decisions.push_back({std::move(decision), n, ""});
}

Status WikiPageReader::ReadEntries() {
  for (const Entry& entry : entries_) {
    switch (entry.section) {
      case Label::kDecisions:
        AddDecision(entry.text, entry.line);
        break;
      case Label::kActions:
        if (IsNothing(entry.text)) break;
        if (Status s = AddAction(entry.text, entry.line, ActionSource::kTable); !s.ok()) return s;
        break;
      default:  // the agenda: numbered items and the notes under them
        if (entry.numbered || meeting_.agenda.empty()) {
          meeting_.agenda.push_back({entry.numbered ? entry.text : "", {}, entry.line});
          if (entry.numbered) break;
        }
        meeting_.agenda.back().notes.push_back(entry.text);
        if (StartsWithNoCase(entry.text, "action:") ||
            StartsWithNoCase(entry.text, "action item:")) {
          if (Status s = AddAction(entry.text, entry.line, ActionSource::kNotes); !s.ok()) return s;
        } else if (auto decision = DecisionIn(entry.text, *directory_)) {
          AddDecision(*decision, entry.line);
        }
        break;
    }
  }
  return Status::Ok();
}

Result<Minutes> WikiPageReader::Read() {
  int n = 0;
  if (Status s = ReadTitle(n); !s.ok()) return s.error();
  bool after_blank = true;
  for (; n <= LineCount(); ++n) {
    if (Text(n).empty()) {
      after_blank = true;
      continue;
    }
    if (!RepeatsTitle(n)) ReadLine(n, after_blank);
    after_blank = false;
  }
  if (Status s = ReadEntries(); !s.ok()) return s.error();
  if (meeting_.attendees.empty() && meeting_.staff.empty() && meeting_.apologies.empty() &&
      meeting_.guests.empty() && meeting_.actions.empty() && meeting_.decisions.empty() &&
      meeting_.agenda.empty()) {
    return source_.ErrorAt(title_line_, 0,
                           "a title but nothing a meeting record holds: expected lists such as "
                           "'Review Team Members:', 'Decisions Reached:' or 'Action Items:'");
  }
  if (names_without_roster_) {
    Notice(title_line_, 0,
           fmt::format("no roster for {}: names are kept as written (load one with --roster)",
                       meeting_.key.group));
  }
  minutes_.meetings.push_back(std::move(meeting_));
  return std::move(minutes_);
}

// The page's own words: labels e-mailed notes do not use.
std::string_view WikiClue(std::string_view text) {
  std::size_t colon = text.find(':');
  std::string key = FoldName(colon == std::string_view::npos ? text : text.substr(0, colon));
  for (std::string_view strong : {"review team members", "icann organization", "icann organisation",
                                  "call details", "audio recording", "zoom recording", "transcript",
                                  "adobe connect recording", "chat transcript"})
    if (key == strong) return strong;
  return {};
}

}  // namespace

Detection DetectIcannWikiPage(const SourceText& source) {
  constexpr std::string_view kMissed =
      "no title such as 'SSR2 Plenary #41 - 30 August 2018' followed by a wiki page's labels "
      "('Review Team Members:', 'ICANN Organization:', 'Call Details')";
  int first = TitleLine(source);
  if (first == 0) return {0, std::string(kMissed)};
  std::string_view title = Trim(source.line(first));
  std::vector<std::string_view> clues;
  for (int n = first + 1; n <= static_cast<int>(source.line_count()); ++n) {
    std::string_view raw = source.line(n);
    std::string_view text = Trim(raw);
    if (text.empty() || Indentation(raw) > 0 || AfterBullet(text)) continue;
    std::string_view clue = text == title ? std::string_view("the title again") : WikiClue(text);
    if (!clue.empty() && std::find(clues.begin(), clues.end(), clue) == clues.end())
      clues.push_back(clue);
  }
  if (clues.empty()) return {0, std::string(kMissed)};
  std::string said;
  for (std::size_t i = 0; i < clues.size() && i < 3; ++i)
    said += (i == 0 ? "" : ", ") + std::string(clues[i]);
  int confidence = std::min(95, 70 + 5 * static_cast<int>(clues.size()));
  return {confidence, "a title line and a wiki page's labels (" + said + ")"};
}

Result<Minutes> ReadIcannWikiPage(const SourceText& source, const ReadOptions& options) {
  return WikiPageReader(source, options).Read();
}

}  // namespace plenary
