#include "store/sqlite/sqlite_queries.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/date.h"
#include "store/sqlite/sqlite_lists.h"
#include "store/sqlite/sqlite_register.h"

namespace plenary::sqlite {
namespace {

// Meetings by id, for attaching the rows of their child tables.
class MeetingIndex {
 public:
  void Add(Id id, Meeting meeting) {
    index_[id] = meetings_.size();
    meetings_.push_back(std::move(meeting));
  }
  Meeting& At(Id id) {
    auto it = index_.find(id);
    if (it == index_.end()) throw CorruptRow(fmt::format("corrupt database: no meeting {}", id));
    return meetings_[it->second];
  }
  std::vector<Meeting> Take() && { return std::move(meetings_); }
  // The ids in the order the meetings were added.
  std::vector<Id> Order() const {
    std::vector<Id> ids(meetings_.size());
    for (const auto& [id, i] : index_) ids[i] = id;
    return ids;
  }

 private:
  std::vector<Meeting> meetings_;
  std::unordered_map<Id, std::size_t> index_;
};

// The key held in columns first (group), first + 1 (kind), first + 2 (number).
MeetingKey KeyAt(const SQLite::Statement& row, int first) {
  return {row.getColumn(first).getString(), row.getColumn(first + 1).getString(),
          row.getColumn(first + 2).getInt()};
}

// Only the meetings whose ids are listed, when some are: the WHERE clause on
// `column` and its parameters.
struct MeetingIds {
  std::vector<Id> ids;
  bool all = true;
  std::string Where(std::string_view column) const {
    if (all) return "";
    std::string where = fmt::format(" WHERE {} IN (", column);
    for (std::size_t i = 0; i < ids.size(); ++i) where += i ? ", ?" : "?";
    return where + ")";
  }
  void Bind(SQLite::Statement& st) const {
    for (std::size_t i = 0; i < ids.size(); ++i) st.bind(static_cast<int>(i) + 1, ids[i]);
  }
};

void ReadMeetingRows(SQLite::Statement& rows, MeetingIndex& index) {
  while (rows.executeStep()) {
    Meeting meeting;
    meeting.key = KeyAt(rows, 1);
    meeting.date = DateAt(rows.getColumn(4));
    meeting.start_utc = OptionalTimeAt(rows.getColumn(5));
    meeting.record_url = TextOrNull(rows.getColumn(6));
    meeting.subteam = TextOrNull(rows.getColumn(7));
    index.Add(rows.getColumn(0).getInt64(), std::move(meeting));
  }
}

MeetingIndex LoadMeetingRows(SQLite::Database& db) {
  SQLite::Statement rows(db,
                         "SELECT m.id, g.short_name, m.kind, m.number, m.date, m.start_utc, "
                         "m.record_url, m.subteam FROM meetings m "
                         "JOIN groups g ON g.id = m.group_id "
                         "ORDER BY m.date, m.kind, m.number, m.id");
  MeetingIndex index;
  ReadMeetingRows(rows, index);
  return index;
}

void LoadParticipants(SQLite::Database& db, MeetingIndex& index, const MeetingIds& only) {
  SQLite::Statement rows(db, "SELECT meeting_id, role, name FROM meeting_participants" +
                                 only.Where("meeting_id") + " ORDER BY meeting_id, role, position");
  only.Bind(rows);
  while (rows.executeStep()) {
    Meeting& meeting = index.At(rows.getColumn(0).getInt64());
    std::string role = rows.getColumn(1).getString();
    std::vector<std::string>* names = ParticipantList(meeting, role);
    if (names == nullptr) Corrupt(rows.getColumn(1));
    names->push_back(rows.getColumn(2).getString());
  }
  SQLite::Statement remarks(db, "SELECT meeting_id, name, remark FROM attendance_remarks" +
                                    only.Where("meeting_id") + " ORDER BY meeting_id, position");
  only.Bind(remarks);
  while (remarks.executeStep()) {
    index.At(remarks.getColumn(0).getInt64())
        .attendance_remarks.push_back(
            {remarks.getColumn(1).getString(), remarks.getColumn(2).getString()});
  }
}

void LoadAgenda(SQLite::Database& db, MeetingIndex& index, const MeetingIds& only) {
  SQLite::Statement rows(db,
                         "SELECT s.meeting_id, s.id, s.heading, s.line, n.text "
                         "FROM agenda_sections s LEFT JOIN agenda_notes n ON n.section_id = s.id" +
                             only.Where("s.meeting_id") +
                             " ORDER BY s.meeting_id, s.position, n.position");
  only.Bind(rows);
  AgendaSection* section = nullptr;
  Id section_id = 0;
  while (rows.executeStep()) {
    if (section == nullptr || rows.getColumn(1).getInt64() != section_id) {
      std::vector<AgendaSection>& agenda = index.At(rows.getColumn(0).getInt64()).agenda;
      agenda.push_back({rows.getColumn(2).getString(), {}, rows.getColumn(3).getInt()});
      section = &agenda.back();
      section_id = rows.getColumn(1).getInt64();
    }
    if (!rows.getColumn(4).isNull()) section->notes.push_back(rows.getColumn(4).getString());
  }
}

void LoadMeetingDecisions(SQLite::Database& db, MeetingIndex& index, const MeetingIds& only) {
  SQLite::Statement rows(db, "SELECT meeting_id, text, line, body FROM decisions" +
                                 only.Where("meeting_id") + " ORDER BY meeting_id, position");
  only.Bind(rows);
  while (rows.executeStep()) {
    index.At(rows.getColumn(0).getInt64())
        .decisions.push_back({rows.getColumn(1).getString(), rows.getColumn(2).getInt(),
                              rows.getColumn(3).getString()});
  }
}

// Each meeting's action items as its notes gave them (its mentions), in order.
void LoadMeetingActions(SQLite::Database& db, MeetingIndex& index, const MeetingIds& only) {
  SQLite::Statement rows(db,
                         "SELECT a.id, a.meeting_id, a.text, a.due, a.status, a.source, "
                         "a.raised_by, a.raised_by_kind, a.line, a.written_status, "
                         "a.due_phrase, o.name, o.kind "
                         "FROM action_mentions a "
                         "LEFT JOIN action_mention_owners o ON o.action_id = a.id" +
                             only.Where("a.meeting_id") +
                             " ORDER BY a.meeting_id, a.position, o.position");
  only.Bind(rows);
  Id last = 0;
  ActionItem* item = nullptr;
  while (rows.executeStep()) {
    Id id = rows.getColumn(0).getInt64();
    if (item == nullptr || id != last) {
      auto& actions = index.At(rows.getColumn(1).getInt64()).actions;
      actions.push_back(ActionItemAt(rows, 2));
      item = &actions.back();
      last = id;
    }
    if (!rows.getColumn(11).isNull())
      item->owners.push_back(
          {rows.getColumn(11).getString(), EnumAt(rows.getColumn(12), ParseOwnerKind)});
  }
}

}  // namespace

std::optional<GroupRow> FindGroup(SQLite::Database& db, const std::string& short_name) {
  SQLite::Statement query(db, kFindGroupSql);
  return FindGroup(query, short_name);
}

std::optional<GroupRow> FindGroup(SQLite::Statement& query, const std::string& short_name) {
  Bind(query, short_name);
  if (!query.executeStep()) return std::nullopt;
  return GroupRow{query.getColumn(0).getInt64(), query.getColumn(1).getInt() != 0};
}

namespace {

std::vector<SubTeam> LoadSubTeams(SQLite::Database& db, StatementCache& statements, Id group_id) {
  LentStatement lent = statements.Lend(db,
                                       "SELECT s.id, s.name, l.name, p.name FROM subteams s "
                                       "LEFT JOIN people l ON l.id = s.leader_id "
                                       "LEFT JOIN subteam_members m ON m.subteam_id = s.id "
                                       "LEFT JOIN people p ON p.id = m.person_id "
                                       "WHERE s.group_id = ? ORDER BY s.position, m.position");
  SQLite::Statement& rows = *lent;
  Bind(rows, group_id);
  std::vector<SubTeam> subteams;
  Id subteam_id = 0;
  while (rows.executeStep()) {
    if (subteams.empty() || rows.getColumn(0).getInt64() != subteam_id) {
      subteams.push_back({rows.getColumn(1).getString(), TextOrNull(rows.getColumn(2)), {}});
      subteam_id = rows.getColumn(0).getInt64();
    }
    if (!rows.getColumn(3).isNull())
      subteams.back().members.push_back(rows.getColumn(3).getString());
  }
  return subteams;
}

}  // namespace

Roster LoadRoster(SQLite::Database& db, Id group_id) {
  StatementCache statements;
  return LoadRoster(db, statements, group_id);
}

Roster LoadRoster(SQLite::Database& db, StatementCache& statements, Id group_id) {
  Roster roster;
  LentStatement lent_group = statements.Lend(
      db, "SELECT short_name, full_name, active_from, active_to FROM groups WHERE id = ?");
  SQLite::Statement& group = *lent_group;
  Bind(group, group_id);
  if (!group.executeStep())
    throw CorruptRow(fmt::format("corrupt database: no group {}", group_id));
  roster.group = {group.getColumn(0).getString(), group.getColumn(1).getString(),
                  OptionalDateAt(group.getColumn(2)), OptionalDateAt(group.getColumn(3))};
  LentStatement lent_people =
      statements.Lend(db,
                      "SELECT p.id, p.name, p.role, a.alias, p.member_from, p.member_to, "
                      "p.email, p.reminders, p.affiliation, p.capacity FROM people p LEFT "
                      "JOIN person_aliases a ON a.person_id = p.id "
                      "WHERE p.group_id = ? ORDER BY p.position, a.position");
  SQLite::Statement& people = *lent_people;
  Bind(people, group_id);
  Id person_id = 0;
  while (people.executeStep()) {
    if (roster.people.empty() || people.getColumn(0).getInt64() != person_id) {
      roster.people.push_back({people.getColumn(1).getString(),
                               EnumAt(people.getColumn(2), ParseRole),
                               {},
                               OptionalDateAt(people.getColumn(4)),
                               OptionalDateAt(people.getColumn(5)),
                               TextOrNull(people.getColumn(6)),
                               people.getColumn(7).getInt() != 0,
                               people.getColumn(8).getString(),
                               people.getColumn(9).isNull()
                                   ? std::nullopt
                                   : std::optional(EnumAt(people.getColumn(9), ParseCapacity))});
      person_id = people.getColumn(0).getInt64();
    }
    if (!people.getColumn(3).isNull())
      roster.people.back().aliases.push_back(people.getColumn(3).getString());
  }
  roster.subteams = LoadSubTeams(db, statements, group_id);
  LentStatement lent_organisations =
      statements.Lend(db,
                      "SELECT name, email FROM organisation_addresses "
                      "WHERE group_id = ? ORDER BY position");
  SQLite::Statement& organisations = *lent_organisations;
  Bind(organisations, group_id);
  while (organisations.executeStep())
    roster.organisations.push_back(
        {organisations.getColumn(0).getString(), organisations.getColumn(1).getString()});
  return roster;
}

std::optional<Roster> RosterOf(SQLite::Database& db, Id group_id) {
  SQLite::Statement has(db, "SELECT roster_saved_at IS NOT NULL FROM groups WHERE id = ?");
  Bind(has, group_id);
  if (!has.executeStep() || has.getColumn(0).getInt() == 0) return std::nullopt;
  return LoadRoster(db, group_id);
}

std::vector<Roster> LoadRosters(SQLite::Database& db) {
  SQLite::Statement rows(
      db, "SELECT id FROM groups WHERE roster_saved_at IS NOT NULL ORDER BY short_name, id");
  std::vector<Id> ids;
  while (rows.executeStep()) ids.push_back(rows.getColumn(0).getInt64());
  std::vector<Roster> rosters;
  for (Id id : ids) rosters.push_back(LoadRoster(db, id));
  return rosters;
}

std::vector<Meeting> LoadMeetings(SQLite::Database& db) {
  MeetingIndex index = LoadMeetingRows(db);
  const MeetingIds all;
  LoadParticipants(db, index, all);
  LoadAgenda(db, index, all);
  LoadMeetingDecisions(db, index, all);
  LoadMeetingActions(db, index, all);
  return std::move(index).Take();
}

std::vector<Meeting> LoadMeetingsOf(SQLite::Database& db, SQLite::Statement& rows,
                                    std::vector<Id>& ids, MeetingParts parts) {
  MeetingIndex index;
  ReadMeetingRows(rows, index);
  MeetingIds only{index.Order(), false};
  if (parts != MeetingParts::kKeyOnly && !only.ids.empty()) LoadParticipants(db, index, only);
  if (parts == MeetingParts::kEverything && !only.ids.empty()) {
    LoadAgenda(db, index, only);
    LoadMeetingDecisions(db, index, only);
    LoadMeetingActions(db, index, only);
  }
  ids = std::move(only.ids);
  return std::move(index).Take();
}

std::vector<RegisteredAction> LoadActions(SQLite::Database& db, const ActionQuery& query) {
  std::vector<RegisteredAction> rows = LoadRegisterItems(db, query);
  if (!query.owner) return rows;
  return FilterByOwner(std::move(rows), LoadRosters(db), *query.owner);
}

std::vector<RegisteredDecision> LoadDecisions(SQLite::Database& db) {
  SQLite::Statement rows(db,
                         "SELECT d.id, d.text, d.line, g.short_name, m.kind, m.number, m.date, "
                         "d.body "
                         "FROM decisions d JOIN meetings m ON m.id = d.meeting_id "
                         "JOIN groups g ON g.id = m.group_id "
                         "ORDER BY m.date, m.id, d.position");
  std::vector<RegisteredDecision> decisions;
  while (rows.executeStep()) {
    decisions.push_back(
        {rows.getColumn(0).getInt64(),
         {rows.getColumn(1).getString(), rows.getColumn(2).getInt(), rows.getColumn(7).getString()},
         KeyAt(rows, 3),
         DateAt(rows.getColumn(6))});
  }
  return decisions;
}

}  // namespace plenary::sqlite
