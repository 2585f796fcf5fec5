// Registers full of hostile text ("<script>", "|", "]]", "{{", "}}", quotes,
// newlines, "&", wiki signatures and magic words, a spreadsheet formula), for
// the escaping tests of every format and of the real wiki.
#pragma once

#include <chrono>
#include <string>

#include "publish/registers.h"

namespace plenary::testing {

inline const std::string kHostile =
    "<script>alert('x')</script> | ]] [[Main Page]] {{Delete}} }} \"q\" & &amp; ''b'' "
    "~~~~ __TOC__\n= Heading =\n* item";
inline const std::string kFormula = "=HYPERLINK(\"http://evil\")";

inline Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

// One group whose every name and text is hostile: a meeting, an item owned
// by a hostile name, a decision.
inline GroupRegisters HostileRegisters() {
  GroupRegisters r;
  r.group = "X|]]{{";
  r.today = D(2017, 7, 20);
  Meeting m;
  m.key = {r.group, "Plenary " + kHostile, 1};
  m.date = D(2017, 6, 13);
  m.start_utc = TimeOfDay{6, 0};
  m.attendees = {kHostile, "Ann"};
  m.apologies = {kFormula};
  m.record_url = "javascript:alert(1)";
  m.agenda = {AgendaSection{kHostile, {kHostile}, 3}};
  m.decisions = {Decision{kHostile, 4}, Decision{kHostile, 5, kHostile}};
  m.guests = {kHostile};
  m.attendance_remarks = {AttendanceRemark{kHostile, kHostile}};
  r.meetings.push_back(m);
  RegisteredAction a;
  a.id = 7;
  a.item.text = kHostile;
  a.item.owners = {Owner{kHostile, OwnerKind::kUnresolved}};
  a.item.due = D(2017, 7, 1);
  a.item.written_status = kHostile;
  a.item.due_phrase = kHostile;
  a.meeting = m.key;
  a.meeting_date = m.date;
  a.history = {ActionChange{m.date, m.key, std::nullopt, "created", kHostile, ""}};
  r.actions.push_back(a);
  r.decisions.push_back(RegisteredDecision{3, Decision{kHostile, 4}, m.key, m.date});
  r.decisions.push_back(RegisteredDecision{4, Decision{kHostile, 5, kHostile}, m.key, m.date});
  return r;
}

}  // namespace plenary::testing
