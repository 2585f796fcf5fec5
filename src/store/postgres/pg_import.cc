#include "store/postgres/pg_import.h"

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "store/batch_checks.h"
#include "store/postgres/pg_attendance.h"
#include "store/postgres/pg_queries.h"
#include "store/postgres/pg_register.h"
#include "store/postgres/pg_search.h"
#include "store/register_rows.h"

namespace plenary::pg {
namespace {

Id EnsureGroup(pqxx::transaction_base& tx, const std::string& short_name) {
  if (std::optional<GroupRow> group = FindGroup(tx, short_name)) return group->id;
  return tx.exec_params1("INSERT INTO groups (short_name) VALUES ($1) RETURNING id", short_name)[0]
      .as<Id>();
}

// The people's ids by canonical name.
std::map<std::string, Id> WritePeople(pqxx::transaction_base& tx, Id group_id,
                                      const std::vector<Person>& people) {
  std::map<std::string, Id> ids;
  for (std::size_t i = 0; i < people.size(); ++i) {
    const Person& p = people[i];
    Id person_id =
        tx.exec_params1(
              "INSERT INTO people (group_id, position, name, role, member_from, "
              "member_to, email, reminders, affiliation, capacity) VALUES ($1, $2, $3, $4, $5, "
              "$6, $7, $8, $9, $10) RETURNING id",
              group_id, i, p.name, std::string(RoleName(p.role)), IsoDateOrNull(p.member_from),
              IsoDateOrNull(p.member_to), p.email, p.reminders, p.affiliation,
              p.capacity ? std::optional<std::string>(CapacityName(*p.capacity)) : std::nullopt)[0]
            .as<Id>();
    ids[p.name] = person_id;
    for (std::size_t j = 0; j < p.aliases.size(); ++j)
      tx.exec_params0("INSERT INTO person_aliases (person_id, position, alias) VALUES ($1, $2, $3)",
                      person_id, j, p.aliases[j]);
  }
  return ids;
}

void WriteSubTeams(pqxx::transaction_base& tx, Id group_id, const std::vector<SubTeam>& subteams,
                   const std::map<std::string, Id>& person_ids) {
  for (std::size_t i = 0; i < subteams.size(); ++i) {
    std::optional<Id> leader;
    if (subteams[i].leader) leader = person_ids.at(*subteams[i].leader);
    Id subteam_id = tx.exec_params1(
                          "INSERT INTO subteams (group_id, position, name, leader_id) "
                          "VALUES ($1, $2, $3, $4) RETURNING id",
                          group_id, i, subteams[i].name, leader)[0]
                        .as<Id>();
    for (std::size_t j = 0; j < subteams[i].members.size(); ++j)
      tx.exec_params0(
          "INSERT INTO subteam_members (subteam_id, position, person_id) VALUES ($1, $2, $3)",
          subteam_id, j, person_ids.at(subteams[i].members[j]));
  }
}

void WriteOrganisationAddresses(pqxx::transaction_base& tx, Id group_id,
                                const std::vector<OrganisationAddress>& organisations) {
  tx.exec_params0("DELETE FROM organisation_addresses WHERE group_id = $1", group_id);
  for (std::size_t i = 0; i < organisations.size(); ++i)
    tx.exec_params0(
        "INSERT INTO organisation_addresses (group_id, position, name, email) "
        "VALUES ($1, $2, $3, $4)",
        group_id, i, organisations[i].name, organisations[i].email);
}

ImportOutcome SaveRoster(pqxx::transaction_base& tx, const Roster& roster) {
  const Group& group = roster.group;
  std::optional<GroupRow> stored = FindGroup(tx, group.short_name);
  bool had_roster = stored && stored->has_roster;
  if (had_roster && LoadRoster(tx, stored->id) == roster) return ImportOutcome::kUnchanged;
  Id id = stored ? stored->id : EnsureGroup(tx, group.short_name);
  tx.exec_params0(
      "UPDATE groups SET short_name = $1, full_name = $2, active_from = $3, active_to = $4, "
      "roster_saved_at = now() WHERE id = $5",
      group.short_name, group.full_name, IsoDateOrNull(group.active_from),
      IsoDateOrNull(group.active_to), id);
  tx.exec_params0("DELETE FROM subteams WHERE group_id = $1", id);
  tx.exec_params0("DELETE FROM people WHERE group_id = $1", id);
  WriteSubTeams(tx, id, roster.subteams, WritePeople(tx, id, roster.people));
  WriteOrganisationAddresses(tx, id, roster.organisations);
  ForgetGroupAttendance(tx, id);
  RewriteKeptPeople(tx, id);  // who is on the roster, and their names, may have changed
  return had_roster ? ImportOutcome::kUpdated : ImportOutcome::kCreated;
}

std::optional<std::string> StartOrNull(const Meeting& meeting) {
  if (!meeting.start_utc) return std::nullopt;
  return FormatTime(*meeting.start_utc);
}

// Writes the meeting's own row (new, or over the stored one) and drops the
// children that are replaced wholesale; action mentions are matched by
// position instead (WriteActions).
Id WriteMeetingRow(pqxx::transaction_base& tx, Id group_id, std::optional<Id> stored,
                   const MeetingImport& import) {
  const Meeting& m = import.meeting;
  if (!stored)
    return tx
        .exec_params1(
            "INSERT INTO meetings (group_id, kind, number, date, start_utc, record_url, "
            "source_name, source_sha256, imported_at, subteam) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9) RETURNING id",
            group_id, m.key.kind, m.key.number, FormatIsoDate(m.date), StartOrNull(m), m.record_url,
            import.source.name, import.source.sha256, m.subteam)[0]
        .as<Id>();
  tx.exec_params0(
      "UPDATE meetings SET date = $1, start_utc = $2, record_url = $3, source_name = $4, "
      "source_sha256 = $5, imported_at = now(), subteam = $6 WHERE id = $7",
      FormatIsoDate(m.date), StartOrNull(m), m.record_url, import.source.name, import.source.sha256,
      m.subteam, *stored);
  for (const char* sql : {"DELETE FROM meeting_participants WHERE meeting_id = $1",
                          "DELETE FROM attendance_remarks WHERE meeting_id = $1",
                          "DELETE FROM agenda_sections WHERE meeting_id = $1",
                          "DELETE FROM decisions WHERE meeting_id = $1"})
    tx.exec_params0(sql, *stored);
  return *stored;
}

void WriteParticipants(pqxx::transaction_base& tx, Id meeting_id, const Meeting& meeting) {
  auto write = [&](std::string_view role, const std::vector<std::string>& names) {
    for (std::size_t i = 0; i < names.size(); ++i)
      tx.exec_params0(
          "INSERT INTO meeting_participants (meeting_id, role, position, name) "
          "VALUES ($1, $2, $3, $4)",
          meeting_id, std::string(role), i, names[i]);
  };
  write("attendee", meeting.attendees);
  write("staff", meeting.staff);
  write("apology", meeting.apologies);
  write("guest", meeting.guests);
  for (std::size_t i = 0; i < meeting.attendance_remarks.size(); ++i)
    tx.exec_params0(
        "INSERT INTO attendance_remarks (meeting_id, position, name, remark) "
        "VALUES ($1, $2, $3, $4)",
        meeting_id, i, meeting.attendance_remarks[i].name, meeting.attendance_remarks[i].remark);
}

void WriteAgendaAndDecisions(pqxx::transaction_base& tx, Id meeting_id, const Meeting& meeting) {
  for (std::size_t i = 0; i < meeting.agenda.size(); ++i) {
    const AgendaSection& s = meeting.agenda[i];
    Id section_id = tx.exec_params1(
                          "INSERT INTO agenda_sections (meeting_id, position, heading, line) "
                          "VALUES ($1, $2, $3, $4) RETURNING id",
                          meeting_id, i, s.heading, s.line)[0]
                        .as<Id>();
    for (std::size_t j = 0; j < s.notes.size(); ++j)
      tx.exec_params0("INSERT INTO agenda_notes (section_id, position, text) VALUES ($1, $2, $3)",
                      section_id, j, s.notes[j]);
  }
  for (std::size_t i = 0; i < meeting.decisions.size(); ++i)
    tx.exec_params0(
        "INSERT INTO decisions (meeting_id, position, text, line, body) "
        "VALUES ($1, $2, $3, $4, $5)",
        meeting_id, i, meeting.decisions[i].text, meeting.decisions[i].line,
        meeting.decisions[i].body);
}

// A meeting's items as one JSON array, so that all of them are written in a
// few statements instead of a few per item: a long history is thousands.
std::string ActionsJson(const std::vector<ActionItem>& items) {
  auto nullable = [](const std::optional<std::string>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  nlohmann::json out = nlohmann::json::array();
  for (const ActionItem& item : items) {
    ActionColumns c = ColumnsOf(item);
    nlohmann::json owners = nlohmann::json::array();
    for (const Owner& o : item.owners)
      owners.push_back({{"name", o.name}, {"kind", OwnerKindName(o.kind)}});
    out.push_back({{"text", c.text},
                   {"due", nullable(c.due)},
                   {"status", c.status},
                   {"source", c.source},
                   {"raised_by", nullable(c.raised_by)},
                   {"raised_by_kind", nullable(c.raised_by_kind)},
                   {"line", c.line},
                   {"written_status", c.written_status},
                   {"due_phrase", c.due_phrase},
                   {"owners", std::move(owners)}});
  }
  return out.dump();
}

// Writes each item over the stored mention at the same position, keeping its
// id (and so the register item it belongs to), adds the extra ones and
// deletes the leftovers (their owners cascade). $2 is ActionsJson.
constexpr std::string_view kUpsertMentions =
    "INSERT INTO action_mentions (meeting_id, position, text, due, status, source, raised_by, "
    "raised_by_kind, line, written_status, due_phrase) "
    "SELECT $1, e.ord - 1, e.v->>'text', (e.v->>'due')::date, e.v->>'status', e.v->>'source', "
    "e.v->>'raised_by', e.v->>'raised_by_kind', (e.v->>'line')::integer, "
    "e.v->>'written_status', e.v->>'due_phrase' "
    "FROM json_array_elements($2::json) WITH ORDINALITY AS e (v, ord) "
    "ON CONFLICT (meeting_id, position) DO UPDATE SET text = EXCLUDED.text, "
    "due = EXCLUDED.due, status = EXCLUDED.status, source = EXCLUDED.source, "
    "raised_by = EXCLUDED.raised_by, raised_by_kind = EXCLUDED.raised_by_kind, "
    "line = EXCLUDED.line, written_status = EXCLUDED.written_status, "
    "due_phrase = EXCLUDED.due_phrase";

constexpr std::string_view kInsertMentionOwners =
    "INSERT INTO action_mention_owners (action_id, position, name, kind) "
    "SELECT a.id, o.ord - 1, o.v->>'name', o.v->>'kind' "
    "FROM json_array_elements($2::json) WITH ORDINALITY AS e (v, ord) "
    "JOIN action_mentions a ON a.meeting_id = $1 AND a.position = e.ord - 1 "
    "CROSS JOIN json_array_elements(e.v->'owners') WITH ORDINALITY AS o (v, ord)";

void WriteActions(pqxx::transaction_base& tx, Id meeting_id, const std::vector<ActionItem>& items) {
  std::string json = ActionsJson(items);
  tx.exec_params0("DELETE FROM action_mentions WHERE meeting_id = $1 AND position >= $2",
                  meeting_id, items.size());
  tx.exec_params0(
      "DELETE FROM action_mention_owners WHERE action_id IN "
      "(SELECT id FROM action_mentions WHERE meeting_id = $1)",
      meeting_id);
  tx.exec_params0(std::string(kUpsertMentions), meeting_id, json);
  tx.exec_params0(std::string(kInsertMentionOwners), meeting_id, json);
}

ImportOutcome SaveMeeting(pqxx::transaction_base& tx, const MeetingImport& import,
                          std::map<Id, InputChange>& changes) {
  const Meeting& meeting = import.meeting;
  Id group_id = EnsureGroup(tx, meeting.key.group);
  pqxx::result stored = tx.exec_params(
      "SELECT id, source_sha256, date::text FROM meetings "
      "WHERE group_id = $1 AND kind = $2 AND number = $3",
      group_id, meeting.key.kind, meeting.key.number);
  std::optional<Id> stored_id;
  std::optional<Date> stored_date;
  if (!stored.empty()) {
    stored_date = ParseIsoDate(stored[0][2].c_str());
    if (stored[0][1].c_str() == import.source.sha256) return ImportOutcome::kUnchanged;
    stored_id = stored[0][0].as<Id>();
    // An agenda after the minutes of its meeting leaves them (batch_checks.h).
    if (WrittenBeforeTheMeeting(meeting) &&
        tx.exec_params1("SELECT EXISTS (SELECT 1 FROM meeting_participants WHERE meeting_id = $1) "
                        "OR EXISTS (SELECT 1 FROM decisions WHERE meeting_id = $1)",
                        *stored_id)[0]
            .as<bool>())
      return ImportOutcome::kUnchanged;
  }
  Id id = WriteMeetingRow(tx, group_id, stored_id, import);
  WriteParticipants(tx, id, meeting);
  ForgetMeetingAttendance(tx, id);
  WriteAgendaAndDecisions(tx, id, meeting);
  WriteActions(tx, id, meeting.actions);
  IndexMeeting(tx, id);
  ImportOutcome outcome = stored_id ? ImportOutcome::kUpdated : ImportOutcome::kCreated;
  NoteImported(changes, group_id, id, outcome, stored_date, meeting.date);
  return outcome;
}

}  // namespace

std::optional<GroupRow> FindGroup(pqxx::transaction_base& tx, const std::string& short_name) {
  pqxx::result rows = tx.exec_params(
      "SELECT id, roster_saved_at IS NOT NULL, register_token FROM groups "
      "WHERE short_name_key = lower($1::text COLLATE \"C\")",
      short_name);
  if (rows.empty()) return std::nullopt;
  GroupRow group{rows[0][0].as<Id>(), rows[0][1].as<bool>(), std::nullopt};
  if (!rows[0][2].is_null()) group.register_token = rows[0][2].as<std::int64_t>();
  return group;
}

ImportReport WriteImportBatch(pqxx::transaction_base& tx, const ImportBatch& batch,
                              std::map<Id, InputChange>& changes) {
  ImportReport report;
  if (batch.roster) report.roster = SaveRoster(tx, *batch.roster);
  for (const MeetingImport* import : LastOfEachKey(batch.meetings))
    report.meetings.push_back({import->meeting.key, SaveMeeting(tx, *import, changes)});
  return report;
}

}  // namespace plenary::pg
