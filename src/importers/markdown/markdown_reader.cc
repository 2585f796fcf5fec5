#include "importers/markdown/markdown_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/date.h"
#include "core/directory.h"
#include "core/matching.h"
#include "core/meeting_label.h"
#include "core/text.h"
#include "importers/markdown/markdown_blocks.h"
#include "importers/markdown/markdown_vocabulary.h"
#include "importers/notes_phrases.h"

namespace plenary {
namespace markdown {
namespace {

// The blocks of one meeting: [begin, end) of Document::blocks; `title` is the
// heading that started it, if one did.
struct Segment {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::optional<std::size_t> title;
};

// Whether a dated heading after the first meeting's title starts another
// meeting: it names a kind of meeting or the same group, or is a date alone
// or a day of a series ("Day 2: 2024-03-19").
bool NamesAMeeting(std::string_view heading, const std::optional<std::string>& group) {
  if (MeetingKindIn(heading)) return true;
  if (group && GroupIn(heading) == group) return true;
  auto date = FindDate(heading);
  std::string rest = std::string(heading.substr(0, date->pos)) +
                     std::string(heading.substr(date->pos + date->length));
  auto words = SplitWords(rest);
  return words.empty() || std::any_of(words.begin(), words.end(), [](std::string_view w) {
           return StartsWithNoCase(w, "day");
         });
}

constexpr std::string_view kNothingHeld =
    "read as Markdown minutes, but it holds nothing a meeting record holds: no attendance "
    "(Present:, Attendees, Regrets), no action items and no decisions";

std::string_view FrontValue(const FrontMatter& fm, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    auto it = fm.values.find(std::string(key));
    if (it != fm.values.end() && !it->second.empty()) return it->second;
  }
  return {};
}

class Reader {
 public:
  Reader(const SourceText& source, const ReadOptions& options, Document doc)
      : source_(source), options_(options), doc_(std::move(doc)) {}

  Result<Minutes> Read();

 private:
  std::vector<Segment> Segments() const;
  bool HoldsARecord();
  Status ChooseGroup(const std::vector<Segment>& segments);
  Result<Meeting> ReadMeeting(const Segment& segment);
  Status DateMeeting(const Segment& segment, Meeting& m);
  void ReadBlocks(const Segment& segment, Meeting& m);
  void ReadBlock(const Block& b, Meeting& m);
  bool AddNames(const Block& b, std::string_view text, Section list, Meeting& m);
  void EnterLabelSection(Section s);
  void AddAction(const Block& b, std::string_view text, Meeting& m);
  void AddDecision(const Block& b, std::string_view text, Meeting& m);
  void Finish(Meeting& m);
  void Notice(int line, const std::string& message) {
    minutes_.notices.push_back(source_.Describe(line, 0, "notice: " + message));
  }
  int TitleLine() const;

  const SourceText& source_;
  const ReadOptions& options_;
  Document doc_;
  Minutes minutes_;
  std::string group_;
  std::string document_kind_ = "Meeting";  // what the first level-1 heading names
  const Roster* roster_ = nullptr;
  std::optional<Directory> directory_;
  std::vector<std::pair<std::string, int>> unknown_names_;  // without a roster

  // The walk's state inside one meeting.
  Section section_ = Section::kOther;
  int section_level_ = 0;
  std::optional<StatusGroup> status_;
  int status_depth_ = -1;  // list depth of the status item; 0: a label or heading
  int last_action_depth_ = -1;
  int last_action_line_ = -1;  // the paragraph line the last action was, if it was one
  std::vector<std::pair<std::string, int>> names_seen_;
};

int Reader::TitleLine() const {
  for (const Block& b : doc_.blocks)
    if (b.kind == Block::kHeading) return b.line;
  return 1;
}

std::vector<Segment> Reader::Segments() const {
  std::vector<std::size_t> starts;
  int level = 0;
  std::optional<std::string> group;
  for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
    const Block& b = doc_.blocks[i];
    if (b.kind != Block::kHeading || !IsMeetingTitle(b.text)) continue;
    if (level == 0) {
      level = b.level;
      group = GroupIn(b.text);
    } else if (b.level > level || !NamesAMeeting(b.text, group)) {
      continue;  // "# IETF 114 planning, July 23, 2022" inside a meeting's minutes
    }
    starts.push_back(i);
  }
  std::vector<Segment> out;
  if (starts.empty()) return {{0, doc_.blocks.size(), std::nullopt}};
  for (std::size_t k = 0; k < starts.size(); ++k) {
    std::size_t begin = k == 0 ? 0 : starts[k];
    std::size_t end = k + 1 < starts.size() ? starts[k + 1] : doc_.blocks.size();
    out.push_back({begin, end, starts[k]});
  }
  return out;
}

// Whether any block is attendance, an action or a decision, read before the
// date and group are asked for, so that a README is refused as what it is.
bool Reader::HoldsARecord() {
  directory_.emplace(nullptr, "");
  const std::size_t notices = minutes_.notices.size();
  Meeting scratch;
  scratch.date = Date{std::chrono::year{2000} / 1 / 1};  // due dates need a day to resolve near
  ReadBlocks({0, doc_.blocks.size(), std::nullopt}, scratch);
  minutes_.notices.resize(notices);
  unknown_names_.clear();
  directory_.reset();
  return !(scratch.attendees.empty() && scratch.apologies.empty() && scratch.staff.empty() &&
           scratch.guests.empty() && scratch.actions.empty() && scratch.decisions.empty());
}

Status Reader::ChooseGroup(const std::vector<Segment>& segments) {
  std::string named(FrontValue(doc_.front_matter, {"group", "team", "wg", "committee"}));
  int title_line = 0;  // the title that named the group, when no front matter did
  if (named.empty()) {
    std::vector<std::pair<std::string_view, int>> titles;
    if (segments[0].title) {
      const Block& t = doc_.blocks[*segments[0].title];
      titles.push_back({t.text, t.line});
    }
    for (const Block& b : doc_.blocks)
      if (b.kind == Block::kHeading && b.level == 1) titles.push_back({b.text, b.line});
    std::string_view fm_title = FrontValue(doc_.front_matter, {"title"});
    if (!fm_title.empty()) titles.push_back({fm_title, 2});
    for (const auto& [title, line] : titles) {
      if (auto g = GroupIn(title)) {
        named = *g;
        title_line = line;
        break;
      }
    }
  }
  std::string wanted = options_.group ? *options_.group : named;
  for (const Roster& roster : options_.rosters)
    if (!wanted.empty() && EqualsNoCase(roster.group.short_name, wanted)) roster_ = &roster;
  if (roster_)
    group_ = roster_->group.short_name;
  else if (options_.group)
    group_ = *options_.group;
  else
    group_ = named;
  if (group_.empty())
    return source_.ErrorAt(TitleLine(), 0,
                           "no group: the record names none (front matter 'group:' or a title "
                           "such as 'IRSG Teleconference 2025-09-23'); pass --group NAME");
  if (title_line > 0 && !options_.group)
    Notice(title_line, fmt::format("group '{}' taken from the title", group_));
  directory_.emplace(roster_, group_);
  for (const Block& b : doc_.blocks) {
    if (b.kind != Block::kHeading || b.level != 1) continue;
    if (auto kind = MeetingKindIn(b.text)) document_kind_ = *kind;
    break;
  }
  return Status::Ok();
}

Status Reader::DateMeeting(const Segment& segment, Meeting& m) {
  std::optional<FoundDate> date;
  int line = 0;
  std::string_view title_text;
  if (segment.title) {
    const Block& t = doc_.blocks[*segment.title];
    date = FindDate(t.text);
    title_text = t.text;
    line = t.line;
  }
  for (std::size_t i = segment.begin; !date && i < segment.end; ++i) {
    const Block& b = doc_.blocks[i];
    if (b.kind == Block::kHeading) continue;
    auto label = ReadLabelLine(b.text);
    if (label && label->kind == LabelLine::kDate) {
      date = FindDate(label->rest);
      if (!date) {
        if (auto w = ParseWrittenDate(label->rest))
          return source_.ErrorAt(b.line, 0, "the meeting's date has no year; write it in full");
        continue;
      }
      line = b.line;
      title_text = b.text;
    }
  }
  // "Minutes of the May 31, 2022 IRSG Teleconference": a title line near the top.
  for (std::size_t i = segment.begin; !date && i < segment.end && i < segment.begin + 12; ++i) {
    const Block& b = doc_.blocks[i];
    std::string lower = AsciiLower(b.text);
    bool titled = lower.find("minutes") != std::string::npos ||
                  lower.find("meeting") != std::string::npos || MeetingKindIn(b.text);
    if (titled && IsMeetingTitle(b.text)) {
      date = FindDate(b.text);
      line = b.line;
      title_text = b.text;
      Notice(line,
             fmt::format("meeting date {} taken from '{}'", FormatIsoDate(date->date), b.text));
    }
  }
  if (!date && doc_.front_matter.end_line > 0) {
    // A wiki's `date:` is when the page was last edited (a timestamp), not
    // the meeting's day; a plain day is taken.
    std::string_view fm_date =
        FrontValue(doc_.front_matter, {"meeting_date", "meeting-date", "date"});
    std::string_view fm_title = FrontValue(doc_.front_matter, {"title"});
    if (auto d = ParseIsoDate(Trim(fm_date))) {
      date = FoundDate{*d, 0, 0};
    } else if (auto t = FindDate(fm_title)) {
      date = t;
      title_text = fm_title;
    }
    line = 1;
    if (date)
      Notice(1,
             fmt::format("meeting date {} taken from the front matter", FormatIsoDate(date->date)));
  }
  if (!date)
    return source_.ErrorAt(segment.title ? doc_.blocks[*segment.title].line : TitleLine(), 0,
                           "no meeting date: give one in a title ('# IRSG Teleconference "
                           "2025-09-23'), a 'Date:' line or the front matter ('date: "
                           "2025-09-23')");
  m.date = date->date;
  if (!title_text.empty()) {
    std::size_t after = date->pos + date->length;
    if (auto time = FindStartTime(title_text, after)) {
      m.start_utc = time->utc;
      Notice(line, fmt::format("start '{}' read as {} UTC", time->written, FormatTime(time->utc)));
    } else if (HasClockTime(title_text, after)) {
      Notice(line, "a start time without a zone plenary knows; no start recorded");
    }
  }
  std::optional<std::string> kind;
  if (!title_text.empty()) kind = MeetingKindIn(title_text);
  m.key = {group_, kind ? *kind : document_kind_, DatedMeetingNumber(m.date, m.start_utc)};
  return Status::Ok();
}

// Adds the names `text` lists; false (and the attendance list ends, for a
// paragraph line) when it is not a list of names.
bool Reader::AddNames(const Block& b, std::string_view text, Section list, Meeting& m) {
  auto entries = ReadNameEntries(text);
  if (!entries) {
    if (b.kind == Block::kLine && b.level == 0) section_ = Section::kOther;
    return false;
  }
  for (const NameEntry& e : *entries) {
    if (IsNothing(e.name)) continue;  // "Regrets: None"
    Section where = list;
    std::string name = e.name;
    if (roster_) {
      if (const Person* p = directory_->FindPerson(name)) {
        name = p->name;
        if (p->role == Role::kStaff) where = Section::kStaff;
        if (p->role == Role::kObserver && where == Section::kAttendees) where = Section::kGuests;
      } else {
        Notice(b.line,
               fmt::format("'{}' matches nobody on the {} roster; kept as written", name, group_));
      }
    } else {
      unknown_names_.push_back({name, b.line});
    }
    if (!e.remark.empty()) {
      if (auto by_remark = SectionOfRemark(e.remark);
          by_remark && *by_remark != where && list != Section::kApologies) {
        where = *by_remark;
        std::string_view list_name = where == Section::kStaff    ? "staff"
                                     : where == Section::kGuests ? "guests"
                                                                 : "apologies";
        Notice(b.line,
               fmt::format("'{}' listed with {} by the remark '{}'", name, list_name, e.remark));
      } else if (IsAttendanceRemark(e.remark)) {
        m.attendance_remarks.push_back({name, e.remark});
      }
    }
    std::vector<std::string>& into = where == Section::kApologies ? m.apologies
                                     : where == Section::kGuests  ? m.guests
                                     : where == Section::kStaff   ? m.staff
                                                                  : m.attendees;
    bool listed = false;
    for (auto* l : {&m.attendees, &m.apologies, &m.guests, &m.staff})
      if (std::find(l->begin(), l->end(), name) != l->end()) listed = true;
    if (listed) continue;
    into.push_back(name);
    names_seen_.push_back({name, b.line});
  }
  return true;
}

// A label line ("Present:", "Regrets", "Action items:") opens a list that the
// next heading of any level closes.
void Reader::EnterLabelSection(Section s) {
  section_ = s;
  section_level_ = 7;
  status_.reset();
  status_depth_ = -1;
  last_action_depth_ = -1;
}

void Reader::AddAction(const Block& b, std::string_view text, Meeting& m) {
  ActionItem item;
  item.text = std::string(text);
  item.line = b.line;
  bool in_actions = section_ == Section::kActions || section_ == Section::kActionReview;
  item.source = !in_actions                          ? ActionSource::kNotes
                : section_ == Section::kActionReview ? ActionSource::kReview
                                                     : ActionSource::kTable;
  if (status_) {
    item.status = status_->status;
    item.written_status = status_->written;
    item.source = in_actions ? (status_->carried ? ActionSource::kReview : ActionSource::kTable)
                             : item.source;
  }
  if (b.checked) {
    item.status = *b.checked ? ActionStatus::kComplete : item.status;
    if (*b.checked) item.written_status = "done";
  }
  if (b.struck && item.status == ActionStatus::kOpen) {
    item.status = ActionStatus::kComplete;
    item.written_status = "done";
    Notice(b.line, "a struck-through action read as done");
  }
  std::string_view body = WithoutRaisedOnDate(text);
  if (auto owners = OwnerListAtStart(body, *directory_)) {
    item.owners = owners->owners;
  } else if (!body.empty() && body[0] == '@') {
    std::size_t end = body.find_first_of(" :,");
    item.owners.push_back(directory_->ResolveOwner(body.substr(0, end)));
  }
  for (const Owner& o : item.owners) {
    if (o.kind != OwnerKind::kUnresolved) continue;
    if (roster_)
      Notice(b.line, fmt::format("owner '{}' matches nobody on the {} roster; kept as written",
                                 o.name, group_));
    else
      unknown_names_.push_back({o.name, b.line});
  }
  if (auto due = FindDueSuffix(body)) {
    if (due->due.kind == DueText::kDate) {
      item.due = ResolveWrittenDate(due->due.date, m.date);
      if (!item.due)
        Notice(b.line,
               fmt::format("due '{}' names no real day; no due date recorded", due->phrase));
    }
  } else {
    std::string lower = AsciiLower(body);
    for (std::string_view cue :
         {" by the next ", " before the next ", " by next ", " before next "}) {
      std::size_t at = lower.find(cue);
      if (at == std::string::npos) continue;
      std::string_view phrase = Trim(body.substr(at + 1));
      while (!phrase.empty() && (phrase.back() == '.' || phrase.back() == ')'))
        phrase.remove_suffix(1);
      item.due_phrase = std::string(phrase);
      break;
    }
  }
  m.actions.push_back(std::move(item));
  last_action_depth_ = b.kind == Block::kItem ? b.level : 0;
  last_action_line_ = b.kind == Block::kLine ? b.line : -1;
}

void Reader::AddDecision(const Block& b, std::string_view text, Meeting& m) {
  text = Trim(text);
  if (text.empty() || IsNothing(text)) return;
  m.decisions.push_back({std::string(text), b.line, ""});
}

// A minutes approval ("The minutes of the 30 May call were approved") is a
// decision wherever it stands.
bool ApprovesMinutes(std::string_view text) {
  std::string lower = AsciiLower(text);
  return lower.find("minutes") != std::string::npos &&
         (lower.find(" approved") != std::string::npos ||
          lower.find(" adopted") != std::string::npos) &&
         lower.find('?') == std::string::npos;
}

void Reader::ReadBlock(const Block& b, Meeting& m) {
  if (b.kind == Block::kHeading) {
    Section s = ClassifySection(b.text);
    auto status = ReadStatusGroup(b.text);
    bool in_actions = section_ == Section::kActions || section_ == Section::kActionReview;
    if (status && in_actions) {
      status_ = status;
      status_depth_ = 0;
      last_action_depth_ = -1;
      return;
    }
    if (s != Section::kOther) {
      // "### Regrets" under "## Attendance" keeps the attendance section's level.
      if (!(IsAttendance(s) && IsAttendance(section_) && b.level > section_level_))
        section_level_ = b.level;
      section_ = s;
      status_.reset();
      status_depth_ = -1;
      last_action_depth_ = -1;
    } else if (b.level <= section_level_ || section_ == Section::kOther) {
      section_ = Section::kOther;
      section_level_ = b.level;
      status_.reset();
    }
    m.agenda.push_back({b.text, {}, b.line});
    return;
  }
  if (!m.agenda.empty() && m.agenda.back().notes.size() < 200 && !b.text.empty())
    m.agenda.back().notes.push_back(b.text);

  if (b.kind == Block::kTableRow) {
    if (b.header_row || b.cells.empty()) return;
    if (IsAttendance(section_)) AddNames(b, b.cells[0], section_, m);
    if (section_ == Section::kDecisions) AddDecision(b, b.text, m);
    if (section_ == Section::kActions || section_ == Section::kActionReview)
      AddAction(b, b.cells[0], m);
    return;
  }
  const std::string& text = b.text;
  if (text.empty()) return;
  auto label = ReadLabelLine(text);
  if (label && label->kind == LabelLine::kAction) return AddAction(b, label->rest, m);
  if (label && label->kind == LabelLine::kDecision) return AddDecision(b, label->rest, m);
  if (label && label->kind == LabelLine::kDate) return;
  if (label && label->kind == LabelLine::kChair) {
    if (!label->rest.empty()) (void)AddNames(b, label->rest, Section::kAttendees, m);
    return;
  }
  bool in_actions = section_ == Section::kActions || section_ == Section::kActionReview;
  if (in_actions) {
    if (auto status = ReadStatusGroup(text)) {
      status_ = status;
      status_depth_ = b.kind == Block::kItem ? b.level : 0;
      last_action_depth_ = -1;
      return;
    }
    // A detail under an action ("- Check back August 2024") belongs to it.
    bool detail = last_action_depth_ >= 0 && !m.actions.empty() &&
                  ((b.kind == Block::kItem && b.level > last_action_depth_) ||
                   (b.kind == Block::kLine && b.level >= 1 && b.level >= last_action_depth_));
    if (detail) {
      std::string& t = m.actions.back().text;
      char end = t.empty() ? '.' : t.back();
      t += (std::string_view(".!?)").find(end) != std::string_view::npos ? " " : ". ") + text;
      return;
    }
    // The wrapped rest of an action written as a paragraph line.
    if (b.kind == Block::kLine && last_action_line_ == b.line - 1 && !m.actions.empty() &&
        !OwnerListAtStart(WithoutRaisedOnDate(text), *directory_)) {
      m.actions.back().text += " " + text;
      last_action_line_ = b.line;
      return;
    }
    if (b.kind == Block::kItem && status_depth_ > 0 && b.level <= status_depth_) {
      status_.reset();
      status_depth_ = -1;
    }
    if (b.kind == Block::kItem || b.checked ||
        OwnerListAtStart(WithoutRaisedOnDate(text), *directory_))
      return AddAction(b, text, m);
    return;
  }
  if (label && label->kind == LabelLine::kSection) {
    EnterLabelSection(label->section);
    if (!label->rest.empty() && IsAttendance(label->section))
      (void)AddNames(b, label->rest, label->section, m);
    return;
  }
  if (b.kind != Block::kItem || b.level == 1) {
    // A label standing alone has at most four words: counted first, as
    // most paragraphs have more.
    if (SplitWords(text, 5).size() <= 4) {
      Section standalone = ClassifySection(text);
      if (standalone != Section::kOther) return EnterLabelSection(standalone);
    }
  }
  // HackMD-style attendance: "- [x] Name" was there, "- [ ] Name" was not.
  if (b.checked && IsAttendance(section_) &&
      AddNames(b, text, *b.checked ? section_ : Section::kApologies, m))
    return;
  if (b.checked) return AddAction(b, text, m);
  if (IsAttendance(section_) && AddNames(b, text, section_, m)) return;
  if (section_ == Section::kDecisions) return AddDecision(b, text, m);
  if (ApprovesMinutes(text)) return AddDecision(b, text, m);
}

void Reader::ReadBlocks(const Segment& segment, Meeting& m) {
  section_ = Section::kOther;
  section_level_ = 0;
  status_.reset();
  status_depth_ = -1;
  last_action_depth_ = -1;
  last_action_line_ = -1;
  names_seen_.clear();
  for (std::size_t i = segment.begin; i < segment.end; ++i) {
    if (segment.title && i == *segment.title) {
      section_ = Section::kOther;
      section_level_ = doc_.blocks[i].level;
      continue;
    }
    ReadBlock(doc_.blocks[i], m);
  }
}

void Reader::Finish(Meeting&) {
  // Attendance lists are tens of names; a hostile file's thousands are not compared.
  constexpr std::size_t kCompared = 200;
  for (std::size_t i = 0; i < names_seen_.size() && i < kCompared; ++i)
    for (std::size_t j = i + 1; j < names_seen_.size() && j < kCompared; ++j)
      if (LikelySamePerson(names_seen_[i].first, names_seen_[j].first))
        Notice(names_seen_[j].second,
               fmt::format("'{}' and '{}' may be one person misspelled; both kept",
                           names_seen_[i].first, names_seen_[j].first));
}

Result<Meeting> Reader::ReadMeeting(const Segment& segment) {
  Meeting m;
  if (Status dated = DateMeeting(segment, m); !dated.ok()) return dated.error();
  ReadBlocks(segment, m);
  Finish(m);
  return m;
}

Result<Minutes> Reader::Read() {
  std::vector<Segment> segments = Segments();
  if (!HoldsARecord()) return source_.ErrorAt(TitleLine(), 0, kNothingHeld);
  if (Status group = ChooseGroup(segments); !group.ok()) return group.error();
  std::set<std::pair<std::string, int>> keys;
  for (const Segment& segment : segments) {
    auto meeting = ReadMeeting(segment);
    if (!meeting.ok()) return meeting.error();
    bool empty = meeting->attendees.empty() && meeting->apologies.empty() &&
                 meeting->staff.empty() && meeting->guests.empty() && meeting->actions.empty() &&
                 meeting->decisions.empty();
    int line = segment.title ? doc_.blocks[*segment.title].line : TitleLine();
    if (empty) {
      if (segments.size() > 1)
        Notice(line, "this meeting holds no attendance, action or decision; skipped");
      continue;
    }
    if (!keys.insert({meeting->key.kind, meeting->key.number}).second)
      return source_.ErrorAt(line, 0,
                             fmt::format("a second meeting {} on the same day; give each its "
                                         "start time (e.g. '14:00 UTC') in its title",
                                         MeetingLabel(meeting->key)));
    minutes_.meetings.push_back(std::move(*meeting));
  }
  if (minutes_.meetings.empty()) return source_.ErrorAt(TitleLine(), 0, kNothingHeld);
  if (!unknown_names_.empty()) {
    Notice(unknown_names_.front().second,
           fmt::format("no roster for {}: {} names kept as written (import a roster with "
                       "--roster to resolve them)",
                       group_, unknown_names_.size()));
  }
  return std::move(minutes_);
}

}  // namespace
}  // namespace markdown

Detection DetectMarkdown(const SourceText& source) {
  int headings = 0, lists = 0, tables = 0;
  bool front_matter = source.line_count() > 1 && Trim(source.line(1)) == "---";
  const int count = static_cast<int>(std::min<std::size_t>(source.line_count(), 400));
  for (int n = 1; n <= count; ++n) {
    std::string_view line = source.line(n);
    std::string_view t = Trim(line);
    if (t.size() >= 2 && t[0] == '#') {
      std::size_t hashes = t.find_first_not_of('#');
      if (hashes != std::string_view::npos && hashes <= 6 && t[hashes] == ' ') ++headings;
    }
    if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ') ++lists;
    if (t.size() >= 3 && t[0] == '|' && t.find("---") != std::string_view::npos) ++tables;
  }
  int confidence = 0;
  std::string clue;
  auto add = [&](int points, std::string_view what) {
    confidence += points;
    clue += (clue.empty() ? "" : ", ") + std::string(what);
  };
  if (headings > 0) add(headings >= 3 ? 30 : 20, "ATX headings");
  if (front_matter) add(10, "YAML front matter");
  if (lists > 0) add(5, "list items");
  if (tables > 0) add(5, "a table");
  if (confidence == 0) return {0, "no '# heading', front matter, list or table"};
  return {std::min(confidence, 45), "Markdown: " + clue};
}

Result<Minutes> ReadMarkdownMinutes(const SourceText& source, const ReadOptions& options) {
  auto doc = markdown::ParseDocument(source);
  if (!doc.ok()) return doc.error();
  return markdown::Reader(source, options, std::move(*doc)).Read();
}

}  // namespace plenary
