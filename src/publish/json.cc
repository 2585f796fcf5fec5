#include "publish/json.h"

#include "core/date.h"

namespace plenary {
namespace {

using json = nlohmann::ordered_json;

json DateOrNull(const std::optional<Date>& date) {
  return date ? json(FormatIsoDate(*date)) : json(nullptr);
}

json TextOrNull(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json MeetingRefJson(const MeetingKey& key, const Date& date) {
  return {{"group", key.group},
          {"kind", key.kind},
          {"number", key.number},
          {"date", FormatIsoDate(date)}};
}

}  // namespace

json ActionItemJson(const ActionItem& item) {
  json owners = json::array(), kinds = json::array();
  for (const Owner& o : item.owners) {
    owners.push_back(o.name);
    kinds.push_back(OwnerKindName(o.kind));
  }
  return {{"text", item.text},
          {"owners", owners},
          {"owner_kinds", kinds},
          {"due", DateOrNull(item.due)},
          {"status", ActionStatusName(item.status)},
          {"source", ActionSourceName(item.source)},
          {"raised_by", item.raised_by ? json(item.raised_by->name) : json(nullptr)},
          {"line", item.line},
          {"written_status", TextOrNull(item.written_status)},
          {"due_phrase", TextOrNull(item.due_phrase)}};
}

json MeetingJson(const Meeting& m) {
  json decisions = json::array(), bodies = json::array(), agenda = json::array(),
       actions = json::array(), remarks = json::array();
  for (const Decision& d : m.decisions) {
    decisions.push_back(d.text);
    bodies.push_back(TextOrNull(d.body));
  }
  for (const AttendanceRemark& r : m.attendance_remarks)
    remarks.push_back({{"name", r.name}, {"remark", r.remark}});
  for (const AgendaSection& s : m.agenda)
    agenda.push_back({{"heading", s.heading}, {"notes", s.notes}});
  for (const ActionItem& a : m.actions) actions.push_back(ActionItemJson(a));
  return {{"group", m.key.group},
          {"kind", m.key.kind},
          {"number", m.key.number},
          {"date", FormatIsoDate(m.date)},
          {"start_utc", m.start_utc ? json(FormatTime(*m.start_utc)) : json(nullptr)},
          {"record_url", m.record_url ? json(*m.record_url) : json(nullptr)},
          {"subteam", m.subteam ? json(*m.subteam) : json(nullptr)},
          {"attendees", m.attendees},
          {"staff", m.staff},
          {"apologies", m.apologies},
          {"decisions", decisions},
          {"agenda", agenda},
          {"actions", actions},
          {"guests", m.guests},
          {"attendance_remarks", remarks},
          {"decision_bodies", bodies}};
}

json RegisteredActionJson(const RegisteredAction& action) {
  json j = ActionItemJson(action.item);
  j["id"] = action.id;
  j["meeting"] = MeetingRefJson(action.meeting, action.meeting_date);
  j["status_note"] = action.status_note ? json(*action.status_note) : json(nullptr);
  j["merged_into"] = action.merged_into ? json(action.merged_into) : json(nullptr);
  if (!action.history.empty()) {
    json history = json::array();
    for (const ActionChange& c : action.history) history.push_back(ActionChangeJson(c));
    j["history"] = history;
  }
  return j;
}

json ActionChangeJson(const ActionChange& c) {
  json meeting = nullptr;
  if (c.meeting)
    meeting = {
        {"group", c.meeting->group}, {"kind", c.meeting->kind}, {"number", c.meeting->number}};
  return {{"date", FormatIsoDate(c.date)},
          {"meeting", meeting},
          {"event", c.event_id ? json(*c.event_id) : json(nullptr)},
          {"change", c.change},
          {"words", c.words},
          {"who", c.who}};
}

json DuplicatePairJson(const DuplicatePair& p) {
  return {{"a", p.a}, {"b", p.b}, {"score", p.score}, {"reason", p.reason}};
}

json RegisteredDecisionJson(const RegisteredDecision& d) {
  return {{"id", d.id},
          {"text", d.decision.text},
          {"meeting", MeetingRefJson(d.meeting, d.meeting_date)},
          {"body", TextOrNull(d.decision.body)}};
}

json RosterJson(const Roster& roster, bool with_addresses) {
  json people = json::array(), subteams = json::array(), organisations = json::array();
  for (const Person& p : roster.people) {
    json person = {{"name", p.name},
                   {"role", RoleName(p.role)},
                   {"aliases", p.aliases},
                   {"member_from", DateOrNull(p.member_from)},
                   {"member_to", DateOrNull(p.member_to)},
                   {"reminders", p.reminders},
                   {"affiliation", TextOrNull(p.affiliation)},
                   {"capacity", p.capacity ? json(CapacityName(*p.capacity)) : json(nullptr)}};
    if (with_addresses) person["email"] = p.email ? json(*p.email) : json(nullptr);
    people.push_back(std::move(person));
  }
  for (const OrganisationAddress& o : roster.organisations) {
    json organisation = {{"name", o.name}};
    if (with_addresses) organisation["email"] = o.email;
    organisations.push_back(std::move(organisation));
  }
  for (const SubTeam& s : roster.subteams)
    subteams.push_back({{"name", s.name},
                        {"lead", s.leader ? json(*s.leader) : json(nullptr)},
                        {"members", s.members}});
  return {{"group", roster.group.short_name},
          {"name", roster.group.full_name},
          {"active_from", DateOrNull(roster.group.active_from)},
          {"active_to", DateOrNull(roster.group.active_to)},
          {"people", people},
          {"subteams", subteams},
          {"organisations", organisations}};
}

}  // namespace plenary
