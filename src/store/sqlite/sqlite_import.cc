#include "store/sqlite/sqlite_import.h"

#include <fmt/format.h>

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/date.h"
#include "store/batch_checks.h"
#include "store/sqlite/sqlite_attendance.h"
#include "store/sqlite/sqlite_queries.h"
#include "store/sqlite/sqlite_register.h"
#include "store/sqlite/sqlite_search.h"
#include "store/sqlite/sqlite_values.h"

namespace plenary::sqlite {
namespace {

Id EnsureGroup(SQLite::Database& db, const std::string& short_name) {
  if (std::optional<GroupRow> group = FindGroup(db, short_name)) return group->id;
  Run(db, "INSERT INTO groups (short_name) VALUES (?)", short_name);
  return db.getLastInsertRowid();
}

std::optional<std::string> CapacityOrNull(const std::optional<Capacity>& capacity) {
  if (!capacity) return std::nullopt;
  return std::string(CapacityName(*capacity));
}

// The people's ids by canonical name.
std::map<std::string, Id> WritePeople(SQLite::Database& db, Id group_id,
                                      const std::vector<Person>& people) {
  SQLite::Statement person(db,
                           "INSERT INTO people (group_id, position, name, role, member_from, "
                           "member_to, email, reminders, affiliation, capacity) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement alias(
      db, "INSERT INTO person_aliases (person_id, position, alias) VALUES (?, ?, ?)");
  std::map<std::string, Id> ids;
  for (std::size_t i = 0; i < people.size(); ++i) {
    Run(person, group_id, i, people[i].name, RoleName(people[i].role),
        IsoDateOrNull(people[i].member_from), IsoDateOrNull(people[i].member_to), people[i].email,
        people[i].reminders ? 1 : 0, people[i].affiliation, CapacityOrNull(people[i].capacity));
    Id person_id = db.getLastInsertRowid();
    ids[people[i].name] = person_id;
    for (std::size_t j = 0; j < people[i].aliases.size(); ++j)
      Run(alias, person_id, j, people[i].aliases[j]);
  }
  return ids;
}

void WriteSubTeams(SQLite::Database& db, Id group_id, const std::vector<SubTeam>& subteams,
                   const std::map<std::string, Id>& person_ids) {
  SQLite::Statement subteam(
      db, "INSERT INTO subteams (group_id, position, name, leader_id) VALUES (?, ?, ?, ?)");
  SQLite::Statement member(
      db, "INSERT INTO subteam_members (subteam_id, position, person_id) VALUES (?, ?, ?)");
  for (std::size_t i = 0; i < subteams.size(); ++i) {
    const std::optional<std::string>& leader = subteams[i].leader;
    Bind(subteam, group_id, i, subteams[i].name);
    if (leader) {
      BindValue(subteam, 4, person_ids.at(*leader));
    } else {
      subteam.bind(4);  // NULL; reset() keeps the previous row's bindings
    }
    subteam.exec();
    Id subteam_id = db.getLastInsertRowid();
    for (std::size_t j = 0; j < subteams[i].members.size(); ++j)
      Run(member, subteam_id, j, person_ids.at(subteams[i].members[j]));
  }
}

void WriteOrganisationAddresses(SQLite::Database& db, Id group_id,
                                const std::vector<OrganisationAddress>& organisations) {
  Run(db, "DELETE FROM organisation_addresses WHERE group_id = ?", group_id);
  SQLite::Statement row(db,
                        "INSERT INTO organisation_addresses (group_id, position, name, email) "
                        "VALUES (?, ?, ?, ?)");
  for (std::size_t i = 0; i < organisations.size(); ++i)
    Run(row, group_id, i, organisations[i].name, organisations[i].email);
}

ImportOutcome SaveRoster(SQLite::Database& db, const Roster& roster) {
  const Group& group = roster.group;
  std::optional<GroupRow> stored = FindGroup(db, group.short_name);
  bool had_roster = stored && stored->has_roster;
  if (had_roster && LoadRoster(db, stored->id) == roster) return ImportOutcome::kUnchanged;
  Id id = stored ? stored->id : EnsureGroup(db, group.short_name);
  Run(db,
      "UPDATE groups SET short_name = ?, full_name = ?, active_from = ?, active_to = ?, "
      "roster_saved_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
      group.short_name, group.full_name, IsoDateOrNull(group.active_from),
      IsoDateOrNull(group.active_to), id);
  Run(db, "DELETE FROM subteams WHERE group_id = ?", id);
  Run(db, "DELETE FROM people WHERE group_id = ?", id);
  WriteSubTeams(db, id, roster.subteams, WritePeople(db, id, roster.people));
  WriteOrganisationAddresses(db, id, roster.organisations);
  ForgetGroupAttendance(db, id);
  RewriteKeptPeople(db, id);  // who is on the roster, and their names, may have changed
  return had_roster ? ImportOutcome::kUpdated : ImportOutcome::kCreated;
}

// The connection and its kept statements, for writing a batch's meetings.
struct Connection {
  SQLite::Database& db;
  StatementCache& statements;
  LentStatement operator[](const std::string& sql) { return statements.Lend(db, sql); }
};

using sqlite::Run;  // the statement and connection forms, beside this one

template <typename... Values>
void Run(Connection& st, const std::string& sql, const Values&... values) {
  Run(st.db, st.statements, sql, values...);
}

struct StoredMeeting {
  Id id = 0;
  std::string sha256;
  std::optional<Date> date;
};

std::optional<StoredMeeting> FindMeeting(Connection& st, Id group_id, const MeetingKey& key) {
  LentStatement query =
      st["SELECT id, source_sha256, date FROM meetings "
         "WHERE group_id = ? AND kind = ? AND number = ?"];
  Bind(*query, group_id, key.kind, key.number);
  if (!query->executeStep()) return std::nullopt;
  return StoredMeeting{query->getColumn(0).getInt64(), query->getColumn(1).getString(),
                       ParseIsoDate(query->getColumn(2).getString())};
}

// Whether the stored meeting holds attendance or decisions: its minutes.
bool RecordsTheMeeting(Connection& st, Id meeting_id) {
  LentStatement query =
      st["SELECT EXISTS (SELECT 1 FROM meeting_participants WHERE meeting_id = ?) "
         "OR EXISTS (SELECT 1 FROM decisions WHERE meeting_id = ?)"];
  Bind(*query, meeting_id, meeting_id);
  return query->executeStep() && query->getColumn(0).getInt() != 0;
}

std::optional<std::string> StartOrNull(const Meeting& meeting) {
  if (!meeting.start_utc) return std::nullopt;
  return FormatTime(*meeting.start_utc);
}

Id InsertMeeting(Connection& st, Id group_id, const MeetingImport& import) {
  const Meeting& m = import.meeting;
  Run(st,
      "INSERT INTO meetings (group_id, kind, number, date, start_utc, record_url, source_name, "
      "source_sha256, imported_at, subteam) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)",
      group_id, m.key.kind, m.key.number, FormatIsoDate(m.date), StartOrNull(m), m.record_url,
      import.source.name, import.source.sha256, m.subteam);
  return st.db.getLastInsertRowid();
}

// Rewrites the meeting's own row and drops the children that are replaced
// wholesale; action items are matched by position instead (WriteActions).
void ResetMeeting(Connection& st, Id id, const MeetingImport& import) {
  const Meeting& m = import.meeting;
  Run(st,
      "UPDATE meetings SET date = ?, start_utc = ?, record_url = ?, source_name = ?, "
      "source_sha256 = ?, imported_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), subteam = ? "
      "WHERE id = ?",
      FormatIsoDate(m.date), StartOrNull(m), m.record_url, import.source.name, import.source.sha256,
      m.subteam, id);
  for (const char* sql : {"DELETE FROM meeting_participants WHERE meeting_id = ?",
                          "DELETE FROM attendance_remarks WHERE meeting_id = ?",
                          "DELETE FROM agenda_sections WHERE meeting_id = ?",
                          "DELETE FROM decisions WHERE meeting_id = ?"})
    Run(st, sql, id);
}

void WriteParticipants(Connection& st, Id meeting_id, const Meeting& meeting) {
  LentStatement insert =
      st["INSERT INTO meeting_participants (meeting_id, role, position, name) VALUES (?, ?, ?, ?)"];
  auto write = [&](std::string_view role, const std::vector<std::string>& names) {
    for (std::size_t i = 0; i < names.size(); ++i) Run(*insert, meeting_id, role, i, names[i]);
  };
  write("attendee", meeting.attendees);
  write("staff", meeting.staff);
  write("apology", meeting.apologies);
  write("guest", meeting.guests);
  LentStatement remark =
      st["INSERT INTO attendance_remarks (meeting_id, position, name, remark) VALUES (?, ?, ?, ?)"];
  for (std::size_t i = 0; i < meeting.attendance_remarks.size(); ++i)
    Run(*remark, meeting_id, i, meeting.attendance_remarks[i].name,
        meeting.attendance_remarks[i].remark);
}

void WriteAgenda(Connection& st, Id meeting_id, const std::vector<AgendaSection>& agenda) {
  LentStatement section =
      st["INSERT INTO agenda_sections (meeting_id, position, heading, line) VALUES (?, ?, ?, ?)"];
  LentStatement note = st["INSERT INTO agenda_notes (section_id, position, text) VALUES (?, ?, ?)"];
  for (std::size_t i = 0; i < agenda.size(); ++i) {
    Run(*section, meeting_id, i, agenda[i].heading, agenda[i].line);
    Id section_id = st.db.getLastInsertRowid();
    for (std::size_t j = 0; j < agenda[i].notes.size(); ++j)
      Run(*note, section_id, j, agenda[i].notes[j]);
  }
}

void WriteDecisions(Connection& st, Id meeting_id, const std::vector<Decision>& decisions) {
  LentStatement insert =
      st["INSERT INTO decisions (meeting_id, position, text, line, body) VALUES (?, ?, ?, ?, ?)"];
  for (std::size_t i = 0; i < decisions.size(); ++i)
    Run(*insert, meeting_id, i, decisions[i].text, decisions[i].line, decisions[i].body);
}

std::optional<Id> ActionIdAt(Connection& st, Id meeting_id, std::size_t position) {
  LentStatement find = st["SELECT id FROM action_mentions WHERE meeting_id = ? AND position = ?"];
  Bind(*find, meeting_id, position);
  if (!find->executeStep()) return std::nullopt;
  return find->getColumn(0).getInt64();
}

// Writes each item over the stored one at the same position, keeping its id,
// then adds the extra ones and deletes the leftovers (their owners cascade).
// A new meeting's are written by the register update, with their items' ids
// (InputChange::unwritten_mentions).
void RewriteActions(Connection& st, Id meeting_id, const std::vector<ActionItem>& actions) {
  LentStatement update =
      st["UPDATE action_mentions SET text = ?, due = ?, status = ?, source = ?, "
         "raised_by = ?, raised_by_kind = ?, line = ?, written_status = ?, "
         "due_phrase = ? WHERE id = ?"];
  LentStatement owner =
      st["INSERT INTO action_mention_owners (action_id, position, name, kind) VALUES (?, ?, ?, ?)"];
  std::optional<MentionWriter> added;
  for (std::size_t i = 0; i < actions.size(); ++i) {
    std::optional<Id> id = ActionIdAt(st, meeting_id, i);
    if (!id) {
      if (!added) added.emplace(st.db);
      added->Insert(meeting_id, i, actions[i], std::nullopt);
      continue;
    }
    ActionColumns c = ColumnsOf(actions[i]);
    Run(*update, c.text, c.due, c.status, c.source, c.raised_by, c.raised_by_kind, c.line,
        c.written_status, c.due_phrase, *id);
    Run(st, "DELETE FROM action_mention_owners WHERE action_id = ?", *id);
    const std::vector<Owner>& owners = actions[i].owners;
    for (std::size_t j = 0; j < owners.size(); ++j)
      Run(*owner, *id, j, owners[j].name, OwnerKindName(owners[j].kind));
  }
  Run(st, "DELETE FROM action_mentions WHERE meeting_id = ? AND position >= ?", meeting_id,
      actions.size());
}

// Writes a batch's meetings with the connection's kept statements, prepared
// once for all of them.
class MeetingWriter {
 public:
  MeetingWriter(SQLite::Database& db, StatementCache& statements) : st_{db, statements} {}

  ImportOutcome Save(const MeetingImport& import, std::map<Id, InputChange>& changes) {
    const Meeting& meeting = import.meeting;
    Id group_id = GroupId(meeting.key.group);
    std::optional<StoredMeeting> stored = FindMeeting(st_, group_id, meeting.key);
    if (stored && stored->sha256 == import.source.sha256) return ImportOutcome::kUnchanged;
    if (stored && WrittenBeforeTheMeeting(meeting) && RecordsTheMeeting(st_, stored->id))
      return ImportOutcome::kUnchanged;  // an agenda after the minutes (batch_checks.h)
    Id id = 0;
    if (stored) {
      id = stored->id;
      ResetMeeting(st_, id, import);
      ForgetMeetingAttendance(st_.db, st_.statements, id);
    } else {
      id = InsertMeeting(st_, group_id, import);
    }
    WriteParticipants(st_, id, meeting);
    WriteAgenda(st_, id, meeting.agenda);
    WriteDecisions(st_, id, meeting.decisions);
    if (stored) RewriteActions(st_, id, meeting.actions);
    IndexMeeting(st_.db, st_.statements, id, stored.has_value());
    ImportOutcome outcome = stored ? ImportOutcome::kUpdated : ImportOutcome::kCreated;
    NoteImported(changes, group_id, id, outcome, stored ? stored->date : std::nullopt,
                 meeting.date);
    if (!stored) changes[group_id].unwritten_mentions[id] = &meeting.actions;
    return outcome;
  }

 private:
  Id GroupId(const std::string& short_name) {
    auto it = group_ids_.find(short_name);
    if (it == group_ids_.end())
      it = group_ids_.emplace(short_name, EnsureGroup(st_.db, short_name)).first;
    return it->second;
  }

  Connection st_;
  std::map<std::string, Id> group_ids_;
};

}  // namespace

ImportReport WriteImportBatch(SQLite::Database& db, StatementCache& cache, const ImportBatch& batch,
                              std::map<Id, InputChange>& changes) {
  ImportReport report;
  if (batch.roster) report.roster = SaveRoster(db, *batch.roster);
  MeetingWriter writer(db, cache);
  for (const MeetingImport* import : LastOfEachKey(batch.meetings))
    report.meetings.push_back({import->meeting.key, writer.Save(*import, changes)});
  return report;
}

}  // namespace plenary::sqlite
