#include "importers/board/board_minutes.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/date.h"
#include "core/meeting_label.h"
#include "core/text.h"
#include "importers/board/board_reader.h"
#include "importers/board/board_time.h"

namespace plenary {
namespace board {
namespace {

constexpr std::string_view kMinutesTitle = "Board of Directors Meeting Minutes";
constexpr std::string_view kAgendaTitle = "Board of Directors Meeting Agenda";
constexpr int kTitleWithin = 12;  // non-blank lines from the top

// The line (1-based) of the title `title` among the first lines, or 0.
int TitleLine(const SourceText& source, std::string_view title) {
  int seen = 0;
  for (int n = 1; n <= static_cast<int>(source.line_count()) && seen < kTitleWithin; ++n) {
    std::string_view text = Trim(source.line(n));
    if (text.empty()) continue;
    ++seen;
    if (EqualsNoCase(CollapseSpaces(text), title)) return n;
  }
  return 0;
}

Detection Detect(const SourceText& source, std::string_view title) {
  if (TitleLine(source, title) == 0)
    return {0, fmt::format("no title line '{}' at the top", title)};
  return {90, fmt::format("the title '{}'", title)};
}

enum class Kind {
  kCallToOrder, kRollCall, kMinutes, kReports, kSpecialOrders, kReview, kNewActions,
  kAdjournment, kOther
};

Kind KindOf(const Section& section) {
  std::string t = AsciiLower(section.title);
  auto has = [&](std::string_view w) { return t.find(w) != std::string::npos; };
  if (has("call to order")) return Kind::kCallToOrder;
  if (has("roll call")) return Kind::kRollCall;
  if (has("minutes")) return Kind::kMinutes;
  if (has("special order")) return Kind::kSpecialOrders;
  if (has("action item") && (has("review") || has("outstanding"))) return Kind::kReview;
  if (has("action item")) return Kind::kNewActions;
  if (has("report")) return Kind::kReports;
  if (has("adjourn")) return Kind::kAdjournment;
  return Kind::kOther;
}

}  // namespace

Status BoardReader::ReadTitle(int& title_line) {
  std::string_view title = IsAgenda() ? kAgendaTitle : kMinutesTitle;
  title_line = TitleLine(source_, title);
  if (title_line == 0) {
    return source_.ErrorAt(1, 0,
                           fmt::format("not ASF board {}: no title line '{}' at the top",
                                       IsAgenda() ? "agenda" : "minutes", title));
  }
  for (int n = 1; n < title_line; ++n)
    if (FoldName(Line(n)).find("apache software foundation") != std::string::npos)
      names_group_ = true;
  int n = title_line + 1;
  while (n <= static_cast<int>(source_.line_count()) && Trim(Line(n)).empty()) ++n;
  if (n > static_cast<int>(source_.line_count()))
    return source_.ErrorAt(title_line, 0, "the title is not followed by the meeting's date");
  std::string_view date_text = Trim(Line(n));
  // "Wednesday, February 19, 2014": the weekday adds nothing.
  if (auto words = SplitWords(date_text); words.size() > 1) {
    std::string_view first = words[0];
    if (!first.empty() && first.back() == ',') first.remove_suffix(1);
    if (WeekdayFromName(first) >= 0) date_text = Trim(date_text.substr(words[0].size()));
  }
  auto written = ParseWrittenDate(date_text);
  if (!written || written->year == 0) {
    return source_.ErrorAt(n, 0,
                           "expected the meeting's date under the title, such as 'February "
                           "19, 2014'");
  }
  Date date{std::chrono::year{written->year},
            std::chrono::month{static_cast<unsigned>(written->month)},
            std::chrono::day{static_cast<unsigned>(written->day)}};
  if (!date.ok()) return source_.ErrorAt(n, 0, "no such day");
  if (written->year < 1900 || written->year > 2100)
    return source_.ErrorAt(n, 0, "a meeting date outside the years 1900..2100");
  meeting_.date = date;
  title_line = n;
  return Status::Ok();
}

Status BoardReader::ChooseGroup(int title_line) {
  for (const Roster& roster : options_.rosters) {
    const Group& g = roster.group;
    bool named = options_.group ? EqualsNoCase(g.short_name, *options_.group)
                                : (EqualsNoCase(g.short_name, "ASF") ||
                                   FoldName(g.full_name).find("apache software foundation") !=
                                       std::string::npos);
    if (named) roster_ = &roster;
  }
  if (roster_)
    meeting_.key.group = roster_->group.short_name;
  else if (options_.group)
    meeting_.key.group = *options_.group;
  else if (names_group_)
    meeting_.key.group = "ASF";
  else
    return source_.ErrorAt(title_line, 0,
                           "the record names no group (no 'The Apache Software Foundation' "
                           "above the title): pass --group NAME");
  return Status::Ok();
}

std::optional<TimeOfDay> BoardReader::ReadTime(const Paragraph& p, std::size_t from,
                                               std::string_view what, std::optional<char> like,
                                               char* meridiem) {
  auto time = FindWrittenTime(p.text, from);
  if (!time) return std::nullopt;
  if (meridiem) *meridiem = time->meridiem;
  auto zone = ZoneAfter(p.text, time->end, meeting_.date);
  int offset = scheduled_offset_;
  if (zone) {
    offset = zone->offset_minutes;
  } else if (!scheduled_utc_) {
    offset = UsDaylightSaving(meeting_.date) ? -7 * 60 : -8 * 60;
    Notice(p.first, 0,
           fmt::format("the {} gives no time zone; taken as US Pacific time, where the board "
                       "meets",
                       what));
  }
  if (what == "scheduled start") scheduled_offset_ = offset;
  return ToUtc(ClockOf(*time, like), offset);
}

void BoardReader::ReadCallToOrder(const Section& section) {
  for (const Paragraph& p : ParagraphsOf(source_, section.line + 1, section.end)) {
    std::string lower = AsciiLower(p.text);
    std::size_t scheduled = lower.find("scheduled for");
    if (scheduled != std::string::npos && !scheduled_utc_)
      scheduled_utc_ = ReadTime(p, scheduled, "scheduled start", std::nullopt,
                                &scheduled_meridiem_);
    std::size_t began = lower.find("began at");
    if (began != std::string::npos && !IsAgenda() && !meeting_.start_utc) {
      std::optional<char> like;
      if (scheduled_meridiem_) like = scheduled_meridiem_;
      meeting_.start_utc = ReadTime(p, began, "start", like, nullptr);
    }
  }
  if (!meeting_.start_utc) meeting_.start_utc = scheduled_utc_;
  if (!meeting_.start_utc) Notice(section.line, 0, "no start time found in the call to order");
}

void BoardReader::ReadRollCall(const Section& section) {
  int list = -1;
  int list_indent = 0;
  for (int n = section.line + 1; n < section.end; ++n) {
    std::string_view text = Trim(Line(n));
    if (text.empty()) continue;
    int indent = IndentOf(Line(n));
    if (text.back() == ':' && text.size() < 80) {
      std::string lower = AsciiLower(text);
      auto has = [&](std::string_view w) { return lower.find(w) != std::string::npos; };
      // "Non-director officers present:" lists officers.
      int base = has("officer") ? 2 : has("director") ? 0 : has("guest") ? 4 : -1;
      if (base >= 0) {
        list = base + (base < 4 && has("absent") ? 1 : 0);
        list_indent = indent;
        continue;
      }
    }
    if (list < 0 || indent <= list_indent) {
      list = -1;
      continue;
    }
    if (EqualsNoCase(text, "none") || EqualsNoCase(text, "none.")) continue;
    AddRollCallName(n, list, text);
  }
  if (IsAgenda()) {
    Notice(section.line, 0,
           "an agenda's roll call says who is expected; it is not recorded as attendance (the "
           "minutes will say who came)");
  }
}

void BoardReader::AddRollCallName(int n, int list, std::string_view written) {
  std::string_view name = written;
  std::string_view remark;
  std::size_t open = written.find(" (");
  if (open != std::string_view::npos && written.back() == ')') {
    name = written.substr(0, open);
    remark = written.substr(open + 2, written.size() - open - 3);
  } else {
    for (std::string_view dash : {" - ", " -- ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
      std::size_t at = written.find(dash);
      if (at == std::string_view::npos) continue;
      name = written.substr(0, at);
      remark = written.substr(at + dash.size());
      break;
    }
  }
  roll_call_.push_back({n, list, CollapseSpaces(name), CollapseSpaces(remark)});
}

void BoardReader::ResolveRollCall() {
  if (!roster_) {
    roll_call_roster_.group.short_name = meeting_.key.group;
    for (const Listed& l : roll_call_) {
      if (l.list >= 4) continue;
      bool known = std::any_of(roll_call_roster_.people.begin(), roll_call_roster_.people.end(),
                               [&](const Person& p) { return p.name == l.name; });
      if (!known)
        roll_call_roster_.people.push_back({l.name, l.list < 2 ? Role::kMember : Role::kStaff});
    }
  }
  directory_.emplace(roster_ ? roster_ : &roll_call_roster_, meeting_.key.group);
  if (IsAgenda()) return;
  for (const Listed& l : roll_call_) {
    std::string name = l.name;
    if (const Person* p = directory_->FindPerson(l.name)) {
      name = p->name;
    } else if (roster_ && l.list < 4) {
      Notice(l.line, 0,
             fmt::format("'{}' matches nobody on the {} roster; kept as written", l.name,
                         roster_->group.short_name));
    }
    std::vector<std::string>* into = l.list == 0   ? &meeting_.attendees
                                     : l.list == 1 ? &meeting_.apologies
                                     : l.list == 2 ? &meeting_.staff
                                     : l.list == 4 ? &meeting_.guests
                                                   : nullptr;
    if (!into) continue;  // an absent officer who is not a director is not expected
    if (std::find(into->begin(), into->end(), name) == into->end()) into->push_back(name);
    if (!l.remark.empty()) meeting_.attendance_remarks.push_back({name, l.remark});
  }
}

void BoardReader::ReadAdjournment(const Section& section, AgendaSection& agenda) {
  for (const Paragraph& p : ParagraphsOf(source_, section.line + 1, section.end)) {
    std::string note = p.text;
    if (auto time = FindWrittenTime(p.text)) {
      auto zone = ZoneAfter(p.text, time->end, meeting_.date);
      std::optional<char> like;
      if (scheduled_meridiem_) like = scheduled_meridiem_;
      TimeOfDay utc =
          ToUtc(ClockOf(*time, like), zone ? zone->offset_minutes : scheduled_offset_);
      note += fmt::format(", {} UTC", FormatTime(utc));
    }
    agenda.notes.push_back(std::move(note));
  }
}

Result<Minutes> BoardReader::Read() {
  int title_line = 0;
  if (Status s = ReadTitle(title_line); !s.ok()) return s.error();
  std::vector<Section> sections = ReadSections(source_, title_line + 1);
  if (sections.empty()) {
    return source_.ErrorAt(title_line, 0,
                           "no numbered sections follow (' 1. Call to order', ' 2. Roll "
                           "Call', ...)");
  }
  if (Status s = ChooseGroup(title_line); !s.ok()) return s.error();
  meeting_.key.kind = "Board";
  scheduled_offset_ = UsDaylightSaving(meeting_.date) ? -7 * 60 : -8 * 60;
  for (const Section& section : sections) {
    if (KindOf(section) == Kind::kCallToOrder) ReadCallToOrder(section);
    if (KindOf(section) == Kind::kRollCall) ReadRollCall(section);
  }
  ResolveRollCall();
  for (const Section& section : sections) {
    AgendaSection agenda{section.title, {}, section.line};
    for (const Item& item : section.items) agenda.notes.push_back(item.title);
    switch (KindOf(section)) {
      case Kind::kMinutes:
        if (!IsAgenda()) ReadMinutesApprovals(section);
        break;
      case Kind::kReports:
      case Kind::kOther:
        for (const Item& item : section.items) ReadItemRemarks(section, item);
        if (!IsAgenda()) ReadSectionApprovals(section);
        break;
      case Kind::kSpecialOrders:
        if (!IsAgenda())
          for (const Item& item : section.items) ReadSpecialOrder(section, item);
        break;
      case Kind::kReview:
        ReadReview(section, ActionSource::kReview);
        break;
      case Kind::kNewActions:
        ReadReview(section, ActionSource::kTable);
        break;
      case Kind::kAdjournment:
        ReadAdjournment(section, agenda);
        break;
      default:
        break;
    }
    meeting_.agenda.push_back(std::move(agenda));
  }
  auto by_line = [](const auto& a, const auto& b) { return a.line < b.line; };
  std::stable_sort(meeting_.actions.begin(), meeting_.actions.end(), by_line);
  std::stable_sort(meeting_.decisions.begin(), meeting_.decisions.end(), by_line);
  meeting_.key.number = DatedMeetingNumber(
      meeting_.date, scheduled_utc_ ? scheduled_utc_ : meeting_.start_utc);
  if (!IsAgenda() && meeting_.attendees.empty() && meeting_.decisions.empty() &&
      meeting_.actions.empty()) {
    return source_.ErrorAt(title_line, 0,
                           "these minutes record no roll call, decision or action item");
  }
  minutes_.meetings.push_back(std::move(meeting_));
  return std::move(minutes_);
}

}  // namespace board

Detection DetectAsfBoardMinutes(const SourceText& source) {
  return board::Detect(source, board::kMinutesTitle);
}

Detection DetectAsfBoardAgenda(const SourceText& source) {
  return board::Detect(source, board::kAgendaTitle);
}

Result<Minutes> ReadAsfBoardMinutes(const SourceText& source, const ReadOptions& options) {
  return board::BoardReader(source, options, board::Record::kMinutes).Read();
}

Result<Minutes> ReadAsfBoardAgenda(const SourceText& source, const ReadOptions& options) {
  return board::BoardReader(source, options, board::Record::kAgenda).Read();
}

}  // namespace plenary
