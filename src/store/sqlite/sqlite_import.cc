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
#include "core/text.h"
#include "store/sqlite/sqlite_queries.h"
#include "store/sqlite/sqlite_search.h"
#include "store/sqlite/sqlite_values.h"

namespace plenary::sqlite {
namespace {

std::string MeetingName(const MeetingKey& key) {
  return fmt::format("{} {} {}", key.group, key.kind, key.number);
}

Status CheckDate(const Date& date, std::string_view what) {
  if (date.ok() && ParseIsoDate(FormatIsoDate(date))) return Status::Ok();
  return Error::InvalidInput(fmt::format("{}: not a date in the years 1900..2999", what));
}

Status CheckPerson(const std::string& group, const Person& person) {
  for (const std::optional<Date>& date : {person.member_from, person.member_to}) {
    if (!date) continue;
    std::string what = fmt::format("roster {}: membership of {}", group, person.name);
    if (Status s = CheckDate(*date, what); !s) return s;
  }
  if (person.member_from && person.member_to && *person.member_to < *person.member_from)
    return Error::InvalidInput(
        fmt::format("roster {}: the membership of {} ends before it starts", group, person.name));
  return Status::Ok();
}

// Sub-teams are stored by person id: their lead and members must be people
// of the roster, by canonical name.
Status CheckSubTeams(const Roster& roster, const std::set<std::string>& people) {
  const std::string& group = roster.group.short_name;
  std::set<std::string> names;
  for (const SubTeam& subteam : roster.subteams) {
    std::string what = fmt::format("roster {}: sub-team '{}'", group, subteam.name);
    if (subteam.name.empty()) return Error::InvalidInput(what + ": no name");
    if (!names.insert(subteam.name).second) return Error::InvalidInput(what + " is listed twice");
    std::set<std::string> members;
    for (const std::string& member : subteam.members) {
      if (!people.count(member))
        return Error::InvalidInput(fmt::format("{}: {} is not on the roster", what, member));
      if (!members.insert(member).second)
        return Error::InvalidInput(fmt::format("{}: {} is listed twice", what, member));
    }
    if (subteam.leader && !people.count(*subteam.leader))
      return Error::InvalidInput(
          fmt::format("{}: its lead {} is not on the roster", what, *subteam.leader));
  }
  return Status::Ok();
}

Status CheckRoster(const Roster& roster) {
  const Group& group = roster.group;
  if (group.short_name.empty()) return Error::InvalidInput("roster: the group has no short name");
  for (const std::optional<Date>& date : {group.active_from, group.active_to}) {
    if (!date) continue;
    if (Status s = CheckDate(*date, "roster " + group.short_name + ": active period"); !s) return s;
  }
  std::set<std::string> names;
  for (const Person& person : roster.people) {
    if (!names.insert(person.name).second)
      return Error::InvalidInput(
          fmt::format("roster {}: {} is listed twice", group.short_name, person.name));
    if (Status s = CheckPerson(group.short_name, person); !s) return s;
  }
  return CheckSubTeams(roster, names);
}

Status CheckMeeting(const Meeting& meeting) {
  std::string name = MeetingName(meeting.key);
  if (meeting.key.group.empty())
    return Error::InvalidInput(
        fmt::format("meeting {} {}: no group named", meeting.key.kind, meeting.key.number));
  if (Status s = CheckDate(meeting.date, name + ": date"); !s) return s;
  if (const auto& t = meeting.start_utc;
      t && (t->hour < 0 || t->hour > 23 || t->minute < 0 || t->minute > 59))
    return Error::InvalidInput(name + ": start time is not a time of day");
  if (meeting.subteam && meeting.subteam->empty())
    return Error::InvalidInput(name + ": the sub-team has no name");
  for (std::size_t i = 0; i < meeting.actions.size(); ++i) {
    const std::optional<Date>& due = meeting.actions[i].due;
    if (!due) continue;
    std::string what = fmt::format("{}: due date of action item {}", name, i + 1);
    if (Status s = CheckDate(*due, what); !s) return s;
  }
  return Status::Ok();
}

// The meetings to apply: the last occurrence of each key, in batch order.
std::vector<const MeetingImport*> LastOfEachKey(const std::vector<MeetingImport>& meetings) {
  using KeyTuple = std::tuple<std::string, std::string, int>;
  std::map<KeyTuple, std::size_t> last;
  for (std::size_t i = 0; i < meetings.size(); ++i) {
    const MeetingKey& key = meetings[i].meeting.key;
    last[{AsciiLower(key.group), key.kind, key.number}] = i;
  }
  std::vector<const MeetingImport*> kept;
  for (std::size_t i = 0; i < meetings.size(); ++i) {
    const MeetingKey& key = meetings[i].meeting.key;
    if (last[{AsciiLower(key.group), key.kind, key.number}] == i) kept.push_back(&meetings[i]);
  }
  return kept;
}

Id EnsureGroup(SQLite::Database& db, const std::string& short_name) {
  if (std::optional<GroupRow> group = FindGroup(db, short_name)) return group->id;
  Run(db, "INSERT INTO groups (short_name) VALUES (?)", short_name);
  return db.getLastInsertRowid();
}

// The people's ids by canonical name.
std::map<std::string, Id> WritePeople(SQLite::Database& db, Id group_id,
                                      const std::vector<Person>& people) {
  SQLite::Statement person(db,
                           "INSERT INTO people (group_id, position, name, role, member_from, "
                           "member_to) VALUES (?, ?, ?, ?, ?, ?)");
  SQLite::Statement alias(
      db, "INSERT INTO person_aliases (person_id, position, alias) VALUES (?, ?, ?)");
  std::map<std::string, Id> ids;
  for (std::size_t i = 0; i < people.size(); ++i) {
    Run(person, group_id, i, people[i].name, RoleName(people[i].role),
        IsoDateOrNull(people[i].member_from), IsoDateOrNull(people[i].member_to));
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
  return had_roster ? ImportOutcome::kUpdated : ImportOutcome::kCreated;
}

struct StoredMeeting {
  Id id = 0;
  std::string sha256;
};

std::optional<StoredMeeting> FindMeeting(SQLite::Database& db, Id group_id, const MeetingKey& key) {
  SQLite::Statement query(db,
                          "SELECT id, source_sha256 FROM meetings "
                          "WHERE group_id = ? AND kind = ? AND number = ?");
  Bind(query, group_id, key.kind, key.number);
  if (!query.executeStep()) return std::nullopt;
  return StoredMeeting{query.getColumn(0).getInt64(), query.getColumn(1).getString()};
}

std::optional<std::string> StartOrNull(const Meeting& meeting) {
  if (!meeting.start_utc) return std::nullopt;
  return FormatTime(*meeting.start_utc);
}

Id InsertMeeting(SQLite::Database& db, Id group_id, const MeetingImport& import) {
  const Meeting& m = import.meeting;
  Run(db,
      "INSERT INTO meetings (group_id, kind, number, date, start_utc, record_url, source_name, "
      "source_sha256, imported_at, subteam) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)",
      group_id, m.key.kind, m.key.number, FormatIsoDate(m.date), StartOrNull(m), m.record_url,
      import.source.name, import.source.sha256, m.subteam);
  return db.getLastInsertRowid();
}

// Rewrites the meeting's own row and drops the children that are replaced
// wholesale; action items are matched by position instead (WriteActions).
void ResetMeeting(SQLite::Database& db, Id id, const MeetingImport& import) {
  const Meeting& m = import.meeting;
  Run(db,
      "UPDATE meetings SET date = ?, start_utc = ?, record_url = ?, source_name = ?, "
      "source_sha256 = ?, imported_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), subteam = ? "
      "WHERE id = ?",
      FormatIsoDate(m.date), StartOrNull(m), m.record_url, import.source.name, import.source.sha256,
      m.subteam, id);
  for (const char* sql : {"DELETE FROM meeting_participants WHERE meeting_id = ?",
                          "DELETE FROM agenda_sections WHERE meeting_id = ?",
                          "DELETE FROM decisions WHERE meeting_id = ?"})
    Run(db, sql, id);
}

void WriteParticipants(SQLite::Database& db, Id meeting_id, const Meeting& meeting) {
  SQLite::Statement insert(
      db,
      "INSERT INTO meeting_participants (meeting_id, role, position, name) VALUES (?, ?, ?, ?)");
  auto write = [&](std::string_view role, const std::vector<std::string>& names) {
    for (std::size_t i = 0; i < names.size(); ++i) Run(insert, meeting_id, role, i, names[i]);
  };
  write("attendee", meeting.attendees);
  write("staff", meeting.staff);
  write("apology", meeting.apologies);
}

void WriteAgenda(SQLite::Database& db, Id meeting_id, const std::vector<AgendaSection>& agenda) {
  SQLite::Statement section(
      db, "INSERT INTO agenda_sections (meeting_id, position, heading, line) VALUES (?, ?, ?, ?)");
  SQLite::Statement note(db,
                         "INSERT INTO agenda_notes (section_id, position, text) VALUES (?, ?, ?)");
  for (std::size_t i = 0; i < agenda.size(); ++i) {
    Run(section, meeting_id, i, agenda[i].heading, agenda[i].line);
    Id section_id = db.getLastInsertRowid();
    for (std::size_t j = 0; j < agenda[i].notes.size(); ++j)
      Run(note, section_id, j, agenda[i].notes[j]);
  }
}

void WriteDecisions(SQLite::Database& db, Id meeting_id, const std::vector<Decision>& decisions) {
  SQLite::Statement insert(
      db, "INSERT INTO decisions (meeting_id, position, text, line) VALUES (?, ?, ?, ?)");
  for (std::size_t i = 0; i < decisions.size(); ++i)
    Run(insert, meeting_id, i, decisions[i].text, decisions[i].line);
}

// An action item's own columns, as stored.
struct ActionColumns {
  std::string text;
  std::optional<std::string> due;
  std::string_view status;
  std::string_view source;
  std::optional<std::string> raised_by;
  std::optional<std::string> raised_by_kind;
  int line = 0;
};

ActionColumns ColumnsOf(const ActionItem& item) {
  ActionColumns c{item.text,
                  IsoDateOrNull(item.due),
                  ActionStatusName(item.status),
                  ActionSourceName(item.source),
                  {},
                  {},
                  item.line};
  if (item.raised_by) {
    c.raised_by = item.raised_by->name;
    c.raised_by_kind = std::string(OwnerKindName(item.raised_by->kind));
  }
  return c;
}

std::optional<Id> ActionIdAt(SQLite::Database& db, Id meeting_id, std::size_t position) {
  SQLite::Statement find(db,
                         "SELECT id FROM action_mentions WHERE meeting_id = ? AND position = ?");
  Bind(find, meeting_id, position);
  if (!find.executeStep()) return std::nullopt;
  return find.getColumn(0).getInt64();
}

// Writes each item over the stored one at the same position, keeping its id,
// then adds the extra ones and deletes the leftovers (their owners cascade).
void WriteActions(SQLite::Database& db, Id meeting_id, const std::vector<ActionItem>& actions) {
  SQLite::Statement update(db,
                           "UPDATE action_mentions SET text = ?, due = ?, status = ?, source = ?, "
                           "raised_by = ?, raised_by_kind = ?, line = ? WHERE id = ?");
  SQLite::Statement insert(db,
                           "INSERT INTO action_mentions (text, due, status, source, raised_by, "
                           "raised_by_kind, line, meeting_id, position) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement clear_owners(db, "DELETE FROM action_mention_owners WHERE action_id = ?");
  SQLite::Statement owner(
      db,
      "INSERT INTO action_mention_owners (action_id, position, name, kind) VALUES (?, ?, ?, ?)");
  for (std::size_t i = 0; i < actions.size(); ++i) {
    ActionColumns c = ColumnsOf(actions[i]);
    std::optional<Id> id = ActionIdAt(db, meeting_id, i);
    if (id) {
      Run(update, c.text, c.due, c.status, c.source, c.raised_by, c.raised_by_kind, c.line, *id);
      Run(clear_owners, *id);
    } else {
      Run(insert, c.text, c.due, c.status, c.source, c.raised_by, c.raised_by_kind, c.line,
          meeting_id, i);
      id = db.getLastInsertRowid();
    }
    const std::vector<Owner>& owners = actions[i].owners;
    for (std::size_t j = 0; j < owners.size(); ++j)
      Run(owner, *id, j, owners[j].name, OwnerKindName(owners[j].kind));
  }
  Run(db, "DELETE FROM action_mentions WHERE meeting_id = ? AND position >= ?", meeting_id,
      actions.size());
}

ImportOutcome SaveMeeting(SQLite::Database& db, const MeetingImport& import) {
  const Meeting& meeting = import.meeting;
  Id group_id = EnsureGroup(db, meeting.key.group);
  std::optional<StoredMeeting> stored = FindMeeting(db, group_id, meeting.key);
  if (stored && stored->sha256 == import.source.sha256) return ImportOutcome::kUnchanged;
  Id id = 0;
  if (stored) {
    id = stored->id;
    ResetMeeting(db, id, import);
  } else {
    id = InsertMeeting(db, group_id, import);
  }
  WriteParticipants(db, id, meeting);
  WriteAgenda(db, id, meeting.agenda);
  WriteDecisions(db, id, meeting.decisions);
  WriteActions(db, id, meeting.actions);
  IndexMeeting(db, id);
  return stored ? ImportOutcome::kUpdated : ImportOutcome::kCreated;
}

}  // namespace

Status CheckImportBatch(const ImportBatch& batch) {
  if (batch.roster) {
    if (Status s = CheckRoster(*batch.roster); !s) return s;
  }
  for (const MeetingImport& import : batch.meetings) {
    if (Status s = CheckMeeting(import.meeting); !s) return s;
  }
  return Status::Ok();
}

ImportReport WriteImportBatch(SQLite::Database& db, const ImportBatch& batch) {
  ImportReport report;
  if (batch.roster) report.roster = SaveRoster(db, *batch.roster);
  for (const MeetingImport* import : LastOfEachKey(batch.meetings))
    report.meetings.push_back({import->meeting.key, SaveMeeting(db, *import)});
  return report;
}

}  // namespace plenary::sqlite
