#include "importers/icann_notes.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/subteam.h"
#include "importers/icann_header.h"
#include "importers/icann_notes_reader.h"

namespace plenary::icann {
namespace {

Field FieldNamed(std::string_view key) {
  std::string k = FoldName(key);
  for (std::string_view a : {"attendees", "attendance", "participants", "members", "present",
                             "members present", "rt members", "review team members", "observers",
                             "audio only", "guests", "guest", "presenters", "remote participants"})
    if (k == a) return Field::kAttendees;
  for (std::string_view s :
       {"staff", "icann staff", "icann org", "support staff", "staff present", "icann org staff"})
    if (k == s) return Field::kStaff;
  for (std::string_view s :
       {"apologies", "apology", "regrets", "apologies received", "absent with apologies"})
    if (k == s) return Field::kApologies;
  return Field::kNone;
}

}  // namespace

Column ColumnNamed(std::string_view header) {
  auto words = ContentWords(header);
  if (words.empty()) return Column::kOther;
  const std::string& w = words.front();
  if (w == "action" || w == "item" || w == "task" || w == "description") return Column::kAction;
  if (w == "owner" || w == "responsible" || w == "assigned" || w == "who" || w == "lead")
    return Column::kOwner;
  if (w == "due" || w == "deadline" || w == "date" || w == "target" || w == "when")
    return Column::kDue;
  if (w == "status") return Column::kStatus;
  return Column::kOther;
}

std::string_view FindUrl(std::string_view text) {
  std::size_t at = text.find("http://");
  if (at == std::string_view::npos) at = text.find("https://");
  if (at == std::string_view::npos) return {};
  std::size_t end = at;
  while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '>' &&
         text[end] != ')')
    ++end;
  std::string_view url = text.substr(at, end - at);
  while (!url.empty() && (url.back() == '.' || url.back() == ',')) url.remove_suffix(1);
  return url;
}

std::optional<std::pair<Field, std::string_view>> FieldLine(std::string_view text) {
  std::size_t colon = text.find(':');
  if (colon != std::string_view::npos) {
    Field field = FieldNamed(text.substr(0, colon));
    if (field != Field::kNone) return std::pair{field, text.substr(colon + 1)};
  }
  for (std::string_view dash : {" \xE2\x80\x93 ", " - ", " \xE2\x80\x94 "}) {  // "Apologies – X"
    std::size_t at = text.find(dash);
    if (at == std::string_view::npos) continue;
    Field field = FieldNamed(text.substr(0, at));
    if (field != Field::kNone) return std::pair{field, text.substr(at + dash.size())};
  }
  return std::nullopt;
}

Result<ImportedNotes> NotesReader::Read() {
  int n = 1;
  if (Status s = ReadHeader(n); !s.ok()) return s.error();
  bool after_blank = true;
  while (n <= LineCount()) {
    if (Blank(n)) {
      after_blank = true;
      ++n;
      continue;
    }
    std::string_view text = Text(n);
    if (IsHeading(text)) {
      if (IsEndOfMeeting(text)) break;
      if (IsSummaryHeading(text)) {
        in_summary_ = true;
        ++n;
      } else if (IsActionTableHeading(text)) {
        if (Status s = ReadTable(n); !s.ok()) return s.error();
        in_summary_ = true;
      } else {
        ReadDecisions(n);
        in_summary_ = true;
      }
      after_blank = true;
      continue;
    }
    if (in_summary_)
      ReadSummaryLine(n, after_blank);
    else
      ReadPreambleLine(n);
    after_blank = false;
    ++n;
  }
  if (Status s = ExtractFromSummary(); !s.ok()) return s.error();
  for (const Section& section : sections_) {
    AgendaSection agenda{section.heading, {}, section.line};
    for (const Note& note : section.notes) agenda.notes.push_back(note.text);
    meeting_.agenda.push_back(std::move(agenda));
  }
  std::stable_sort(meeting_.actions.begin(), meeting_.actions.end(),
                   [](const ActionItem& a, const ActionItem& b) { return a.line < b.line; });
  return std::move(result_);
}

Status NotesReader::ReadHeader(int& n) {
  while (n <= LineCount() && Blank(n)) ++n;
  auto header = ReadNotesHeader(source_, n);
  if (!header.ok()) return header.error();
  for (const Roster& roster : options_.rosters)
    if (EqualsNoCase(roster.group.short_name, header->group)) roster_ = &roster;
  auto date = ResolveMeetingDate(source_, *header, options_.year, roster_);
  if (!date.ok()) return date.error();
  meeting_.key = {roster_ ? roster_->group.short_name : header->group, header->kind,
                  header->number};
  meeting_.date = *date;
  meeting_.start_utc = header->start_utc;
  if (roster_) {
    if (const SubTeam* subteam = SubTeamNamedBy(header->kind, *roster_))
      meeting_.subteam = subteam->name;
  }
  directory_.emplace(roster_, meeting_.key.group);
  n = std::max(n, header->last_line) + 1;
  return Status::Ok();
}

void NotesReader::ReadPreambleLine(int n) {
  std::string_view text = Text(n);
  if (auto bulleted = AfterBullet(text)) text = *bulleted;
  auto words = ContentWords(text);
  bool names_record = std::find(words.begin(), words.end(), "record") != words.end();
  if (std::string_view url = FindUrl(text); !url.empty() && !meeting_.record_url && names_record) {
    meeting_.record_url = std::string(url);
    return;
  }
  auto field_line = FieldLine(text);
  if (field_line) {
    AddNames(field_line->first, n, field_line->second);
    last_field_ = field_line->first;
    last_field_line_ = n;
    return;
  }
  // A list that wraps onto the next line.
  if (last_field_ != Field::kNone && last_field_line_ == n - 1 &&
      text.find(':') == std::string_view::npos) {
    AddNames(last_field_, n, text);
    last_field_line_ = n;
    return;
  }
  if (StartsWithNoCase(text, "note:")) return;  // "NOTE: The official record ... here."
  Warn(n, 0, "line not understood before the first section; ignored");
}

void NotesReader::AddNames(Field field, int n, std::string_view list) {
  std::vector<std::string>& names = field == Field::kAttendees ? meeting_.attendees
                                    : field == Field::kStaff   ? meeting_.staff
                                                               : meeting_.apologies;
  for (std::string name : SplitNameList(list)) {
    if (IsNothing(name)) continue;
    if (const Person* person = directory_->FindPerson(name)) {
      name = person->name;
    } else if (directory_->has_roster()) {
      Warn(n, 0,
           fmt::format("'{}' matches nobody on the {} roster; kept as written", name,
                       meeting_.key.group));
    }
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
}

}  // namespace plenary::icann

namespace plenary {

Result<ImportedNotes> ReadIcannNotes(const SourceText& source, const NotesOptions& options) {
  return icann::NotesReader(source, options).Read();
}

}  // namespace plenary
