#include "store/postgres/pg_queries.h"

#include <fmt/format.h>

#include <string>
#include <unordered_map>
#include <utility>

namespace plenary::pg {
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

MeetingKey KeyAt(const pqxx::row& row, pqxx::row::size_type first) {
  return {row[first].c_str(), row[first + 1].c_str(), row[first + 2].as<int>()};
}

// Only the meetings whose ids are listed, when some are: the WHERE clause on
// `column` (one array parameter, $1).
struct MeetingIds {
  std::vector<Id> ids;
  bool all = true;
  std::string Where(std::string_view column) const {
    return all ? "" : fmt::format(" WHERE {} = ANY ($1::bigint[])", column);
  }
  pqxx::result Exec(pqxx::transaction_base& tx, const std::string& sql) const {
    if (all) return tx.exec(sql);
    std::string array = "{";
    for (std::size_t i = 0; i < ids.size(); ++i) array += (i ? "," : "") + std::to_string(ids[i]);
    return tx.exec_params(sql, array + "}");
  }
};

void ReadMeetingRows(const pqxx::result& rows, MeetingIndex& index) {
  for (const pqxx::row& row : rows) {
    Meeting meeting;
    meeting.key = KeyAt(row, 1);
    meeting.date = DateAt(row[4]);
    meeting.start_utc = OptionalTimeAt(row[5]);
    meeting.record_url = TextOrNull(row[6]);
    meeting.subteam = TextOrNull(row[7]);
    index.Add(row[0].as<Id>(), std::move(meeting));
  }
}

MeetingIndex LoadMeetingRows(pqxx::transaction_base& tx) {
  MeetingIndex index;
  ReadMeetingRows(
      tx.exec("SELECT m.id, g.short_name, m.kind, m.number, m.date, m.start_utc, m.record_url, "
              "m.subteam FROM meetings m JOIN groups g ON g.id = m.group_id "
              "ORDER BY m.date, m.kind, m.number, m.id"),
      index);
  return index;
}

void LoadParticipants(pqxx::transaction_base& tx, MeetingIndex& index, const MeetingIds& only) {
  for (const pqxx::row& row :
       only.Exec(tx, "SELECT meeting_id, role, name FROM meeting_participants" +
                         only.Where("meeting_id") + " ORDER BY meeting_id, role, position")) {
    Meeting& meeting = index.At(row[0].as<Id>());
    std::string_view role = row[1].c_str();
    std::vector<std::string>* names = ParticipantList(meeting, role);
    if (names == nullptr) Corrupt(row[1]);
    names->push_back(row[2].c_str());
  }
  for (const pqxx::row& row :
       only.Exec(tx, "SELECT meeting_id, name, remark FROM attendance_remarks" +
                         only.Where("meeting_id") + " ORDER BY meeting_id, position"))
    index.At(row[0].as<Id>()).attendance_remarks.push_back({row[1].c_str(), row[2].c_str()});
}

void LoadAgenda(pqxx::transaction_base& tx, MeetingIndex& index, const MeetingIds& only) {
  AgendaSection* section = nullptr;
  Id section_id = 0;
  for (const pqxx::row& row : only.Exec(
           tx,
           "SELECT s.meeting_id, s.id, s.heading, s.line, n.text "
           "FROM agenda_sections s LEFT JOIN agenda_notes n ON n.section_id = s.id" +
               only.Where("s.meeting_id") + " ORDER BY s.meeting_id, s.position, n.position")) {
    if (section == nullptr || row[1].as<Id>() != section_id) {
      std::vector<AgendaSection>& agenda = index.At(row[0].as<Id>()).agenda;
      agenda.push_back({row[2].c_str(), {}, row[3].as<int>()});
      section = &agenda.back();
      section_id = row[1].as<Id>();
    }
    if (!row[4].is_null()) section->notes.push_back(row[4].c_str());
  }
}

void LoadMeetingDecisions(pqxx::transaction_base& tx, MeetingIndex& index, const MeetingIds& only) {
  for (const pqxx::row& row :
       only.Exec(tx, "SELECT meeting_id, text, line, body FROM decisions" +
                         only.Where("meeting_id") + " ORDER BY meeting_id, position"))
    index.At(row[0].as<Id>())
        .decisions.push_back({row[1].c_str(), row[2].as<int>(), row[3].c_str()});
}

// Each meeting's action items as its notes gave them (its mentions), in order.
void LoadMeetingActions(pqxx::transaction_base& tx, MeetingIndex& index, const MeetingIds& only) {
  Id last = 0;
  ActionItem* item = nullptr;
  for (const pqxx::row& row : only.Exec(
           tx,
           "SELECT a.id, a.meeting_id, a.text, a.due, a.status, a.source, a.raised_by, "
           "a.raised_by_kind, a.line, a.written_status, a.due_phrase, o.name, o.kind "
           "FROM action_mentions a "
           "LEFT JOIN action_mention_owners o ON o.action_id = a.id" +
               only.Where("a.meeting_id") + " ORDER BY a.meeting_id, a.position, o.position")) {
    if (item == nullptr || row[0].as<Id>() != last) {
      auto& actions = index.At(row[1].as<Id>()).actions;
      actions.push_back(ActionItemAt(row, 2));
      item = &actions.back();
      last = row[0].as<Id>();
    }
    if (!row[11].is_null())
      item->owners.push_back({row[11].c_str(), EnumAt(row[12], ParseOwnerKind)});
  }
}

}  // namespace

std::map<Id, Roster> LoadRostersOf(pqxx::transaction_base& tx, const std::vector<Id>& group_ids) {
  std::map<Id, Roster> rosters;
  if (group_ids.empty()) return rosters;
  const std::string ids = IdArray(group_ids);
  for (const pqxx::row& row :
       tx.exec_params("SELECT id, short_name, full_name, active_from, active_to FROM groups "
                      "WHERE id = ANY($1::bigint[])",
                      ids))
    rosters[row[0].as<Id>()].group = {row[1].c_str(), row[2].c_str(), OptionalDateAt(row[3]),
                                      OptionalDateAt(row[4])};
  for (Id id : group_ids)
    if (!rosters.contains(id)) throw CorruptRow(fmt::format("corrupt database: no group {}", id));
  Id person_id = 0;
  for (const pqxx::row& row :
       tx.exec_params("SELECT p.id, p.name, p.role, a.alias, p.member_from, p.member_to, "
                      "p.email, p.reminders, p.affiliation, p.capacity, p.group_id FROM people p "
                      "LEFT JOIN person_aliases a ON a.person_id = p.id "
                      "WHERE p.group_id = ANY($1::bigint[]) "
                      "ORDER BY p.group_id, p.position, a.position",
                      ids)) {
    std::vector<Person>& people = rosters.at(row[10].as<Id>()).people;
    if (people.empty() || row[0].as<Id>() != person_id) {
      people.push_back(
          {row[1].c_str(),
           EnumAt(row[2], ParseRole),
           {},
           OptionalDateAt(row[4]),
           OptionalDateAt(row[5]),
           TextOrNull(row[6]),
           row[7].as<bool>(),
           row[8].c_str(),
           row[9].is_null() ? std::nullopt : std::optional(EnumAt(row[9], ParseCapacity))});
      person_id = row[0].as<Id>();
    }
    if (!row[3].is_null()) people.back().aliases.push_back(row[3].c_str());
  }
  Id subteam_id = 0;
  for (const pqxx::row& row :
       tx.exec_params("SELECT s.id, s.name, l.name, p.name, s.group_id FROM subteams s "
                      "LEFT JOIN people l ON l.id = s.leader_id "
                      "LEFT JOIN subteam_members m ON m.subteam_id = s.id "
                      "LEFT JOIN people p ON p.id = m.person_id "
                      "WHERE s.group_id = ANY($1::bigint[]) "
                      "ORDER BY s.group_id, s.position, m.position",
                      ids)) {
    std::vector<SubTeam>& subteams = rosters.at(row[4].as<Id>()).subteams;
    if (subteams.empty() || row[0].as<Id>() != subteam_id) {
      subteams.push_back({row[1].c_str(), TextOrNull(row[2]), {}});
      subteam_id = row[0].as<Id>();
    }
    if (!row[3].is_null()) subteams.back().members.push_back(row[3].c_str());
  }
  for (const pqxx::row& row :
       tx.exec_params("SELECT name, email, group_id FROM organisation_addresses "
                      "WHERE group_id = ANY($1::bigint[]) ORDER BY group_id, position",
                      ids))
    rosters.at(row[2].as<Id>()).organisations.push_back({row[0].c_str(), row[1].c_str()});
  return rosters;
}

Roster LoadRoster(pqxx::transaction_base& tx, Id group_id) {
  return std::move(LoadRostersOf(tx, {group_id}).at(group_id));
}

std::optional<Roster> RosterOf(pqxx::transaction_base& tx, Id group_id) {
  pqxx::result has =
      tx.exec_params("SELECT roster_saved_at IS NOT NULL FROM groups WHERE id = $1", group_id);
  if (has.empty() || !has[0][0].as<bool>()) return std::nullopt;
  return LoadRoster(tx, group_id);
}

std::vector<Roster> LoadRosters(pqxx::transaction_base& tx) {
  std::vector<Id> ids;
  for (const pqxx::row& row : tx.exec("SELECT id FROM groups WHERE roster_saved_at IS NOT NULL "
                                      "ORDER BY short_name_key, id"))
    ids.push_back(row[0].as<Id>());
  std::map<Id, Roster> read = LoadRostersOf(tx, ids);
  std::vector<Roster> rosters;
  for (Id id : ids) rosters.push_back(std::move(read.at(id)));
  return rosters;
}

std::vector<Meeting> LoadMeetings(pqxx::transaction_base& tx) {
  MeetingIndex index = LoadMeetingRows(tx);
  const MeetingIds all;
  LoadParticipants(tx, index, all);
  LoadAgenda(tx, index, all);
  LoadMeetingDecisions(tx, index, all);
  LoadMeetingActions(tx, index, all);
  return std::move(index).Take();
}

std::vector<Meeting> LoadMeetingsOf(pqxx::transaction_base& tx, const pqxx::result& rows,
                                    std::vector<Id>& ids, MeetingParts parts) {
  MeetingIndex index;
  ReadMeetingRows(rows, index);
  MeetingIds only{index.Order(), false};
  if (parts != MeetingParts::kKeyOnly && !only.ids.empty()) LoadParticipants(tx, index, only);
  if (parts == MeetingParts::kEverything && !only.ids.empty()) {
    LoadAgenda(tx, index, only);
    LoadMeetingDecisions(tx, index, only);
    LoadMeetingActions(tx, index, only);
  }
  ids = std::move(only.ids);
  return std::move(index).Take();
}

std::vector<RegisteredDecision> LoadDecisions(pqxx::transaction_base& tx) {
  std::vector<RegisteredDecision> decisions;
  for (const pqxx::row& row :
       tx.exec("SELECT d.id, d.text, d.line, g.short_name, m.kind, m.number, m.date, d.body "
               "FROM decisions d JOIN meetings m ON m.id = d.meeting_id "
               "JOIN groups g ON g.id = m.group_id ORDER BY m.date, m.id, d.position"))
    decisions.push_back({row[0].as<Id>(),
                         {row[1].c_str(), row[2].as<int>(), row[7].c_str()},
                         KeyAt(row, 3),
                         DateAt(row[6])});
  return decisions;
}

}  // namespace plenary::pg
