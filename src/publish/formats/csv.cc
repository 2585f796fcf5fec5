#include <fmt/format.h>

#include "core/attendance.h"
#include "core/date.h"
#include "publish/attendance_log.h"
#include "publish/formats/data_formats.h"

namespace plenary {
namespace {

std::string Field(const std::string& value) {
  std::string v = value;
  if (!v.empty() && std::string_view("=+-@\t\r").find(v.front()) != std::string_view::npos)
    v.insert(v.begin(), '\'');
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string DateOrEmpty(const std::optional<Date>& d) { return d ? FormatIsoDate(*d) : ""; }

}  // namespace

std::string CsvRecord(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + Field(fields[i]);
  return out + "\r\n";
}

Result<std::vector<std::vector<std::string>>> ParseCsv(std::string_view text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {
      for (++i;; ++i) {
        if (i >= text.size()) return Error::InvalidInput("CSV: unterminated quoted field");
        if (text[i] == '"' && i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else if (text[i] == '"') {
          ++i;
          break;
        } else {
          field += text[i];
        }
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
        return Error::InvalidInput("CSV: text after a closing quote");
    }
    while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
      field += text[i++];
    record.push_back(std::move(field));
    field.clear();
    if (i < text.size() && text[i] == ',') {
      ++i;
      continue;
    }
    if (i < text.size() && text[i] == '\r') ++i;
    if (i < text.size() && text[i] == '\n') ++i;
    records.push_back(std::move(record));
    record.clear();
  }
  return records;
}

std::string ActionItemsCsv(const GroupRegisters& r) {
  using namespace publish_detail;
  std::string out =
      CsvRecord({"id", "action", "owners", "due", "status", "days_overdue", "raised_at",
                 "raised_on", "closed_at", "status_note", "written_status", "due_phrase"});
  for (const RegisteredAction& a : r.actions) {
    std::string closed;
    for (const ActionChange& c : a.history)
      if (c.change == "completed" || c.change == "cancelled")
        closed = c.meeting ? MeetingLabel(*c.meeting) : FormatIsoDate(c.date);
    int late = DaysOverdue(a, r.today);
    out += CsvRecord({std::to_string(a.id), a.item.text, OwnerNames(a.item.owners),
                      DateOrEmpty(a.item.due), std::string(ActionStatusName(a.item.status)),
                      late > 0 ? std::to_string(late) : "", MeetingLabel(a.meeting),
                      FormatIsoDate(a.meeting_date), closed, a.status_note.value_or(""),
                      a.item.written_status, a.item.due_phrase});
  }
  return out;
}

std::string DecisionsCsv(const GroupRegisters& r) {
  std::string out = CsvRecord({"id", "date", "meeting", "decision", "body"});
  for (const RegisteredDecision& d : r.decisions)
    out += CsvRecord({std::to_string(d.id), FormatIsoDate(d.meeting_date), MeetingLabel(d.meeting),
                      d.decision.text, d.decision.body});
  return out;
}

std::string AttendanceCsv(const GroupRegisters& r) {
  std::string out = CsvRecord({"meeting", "date", "subteam", "name", "presence"});
  const Roster* roster = r.roster ? &*r.roster : nullptr;
  for (const Meeting& m : r.meetings) {
    MeetingAttendance a = AttendanceOf(m, roster);
    auto row = [&](const std::string& name, std::string_view presence) {
      out += CsvRecord({MeetingLabel(m.key), FormatIsoDate(m.date), a.subteam.value_or(""), name,
                        std::string(presence)});
    };
    for (const PersonPresence& p : a.people) row(p.name, PresenceName(p.presence));
    for (const std::string& s : a.staff) row(s, "staff");
    for (const std::string& o : a.observers) row(o, "observer");
    for (const std::string& g : m.guests) row(g, "guest");
  }
  return out;
}

std::string ParticipationCsv(const GroupRegisters& r, std::optional<Date> month) {
  std::string out = CsvRecord(
      {"month", "block", "name", "role", "held", "present", "apologies", "absent", "rate"});
  GroupLog log{r.group, r.roster ? &*r.roster : nullptr, r.meetings};
  std::vector<Date> months = month ? std::vector<Date>{*month} : publish_detail::MeetingMonths(r);
  for (const Date& first : months) {
    Date last{first.year() / first.month() / std::chrono::last};
    for (const Block& block : BlocksOf(log, first, last)) {
      for (const Participation& p : ParticipationIn(block, first, last)) {
        bool rated = IsRatedMember(p);
        out += CsvRecord({FormatIsoDate(first).substr(0, 7), block.subteam.value_or(""), p.name,
                          p.role ? std::string(RoleName(*p.role)) : "not on the roster",
                          rated ? std::to_string(p.held) : "", std::to_string(p.present),
                          std::to_string(p.apologies), rated ? std::to_string(p.absent) : "",
                          p.rate ? fmt::format("{:.3f}", *p.rate) : ""});
      }
    }
  }
  return out;
}

}  // namespace plenary
