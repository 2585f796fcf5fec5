#include "store/snapshot_tables.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace plenary {

const std::vector<SnapshotTableSpec>& SnapshotTables() {
  using T = SnapshotType;
  static const std::vector<SnapshotTableSpec> tables{
      {"groups",
       {{"id", T::kInt},
        {"short_name", T::kText},
        {"full_name", T::kText},
        {"active_from", T::kDate},
        {"active_to", T::kDate},
        {"roster_saved_at", T::kTimestamp}},
       "id"},
      {"people",
       {{"id", T::kInt},
        {"group_id", T::kInt},
        {"position", T::kInt},
        {"name", T::kText},
        {"role", T::kText},
        {"member_from", T::kDate},
        {"member_to", T::kDate},
        {"email", T::kText},
        {"reminders", T::kBool},
        {"affiliation", T::kText},
        {"capacity", T::kText}},
       "id"},
      {"person_aliases",
       {{"person_id", T::kInt}, {"position", T::kInt}, {"alias", T::kText}},
       "person_id, position"},
      {"subteams",
       {{"id", T::kInt},
        {"group_id", T::kInt},
        {"position", T::kInt},
        {"name", T::kText},
        {"leader_id", T::kInt}},
       "id"},
      {"subteam_members",
       {{"subteam_id", T::kInt}, {"position", T::kInt}, {"person_id", T::kInt}},
       "subteam_id, position"},
      {"organisation_addresses",
       {{"group_id", T::kInt}, {"position", T::kInt}, {"name", T::kText}, {"email", T::kText}},
       "group_id, position"},
      {"meetings",
       {{"id", T::kInt},
        {"group_id", T::kInt},
        {"kind", T::kText},
        {"number", T::kInt},
        {"date", T::kDate},
        {"start_utc", T::kText},
        {"record_url", T::kText},
        {"source_name", T::kText},
        {"source_sha256", T::kText},
        {"imported_at", T::kTimestamp},
        {"subteam", T::kText}},
       "id"},
      {"meeting_participants",
       {{"meeting_id", T::kInt}, {"role", T::kText}, {"position", T::kInt}, {"name", T::kText}},
       "meeting_id, role, position"},
      {"attendance_remarks",
       {{"meeting_id", T::kInt}, {"position", T::kInt}, {"name", T::kText}, {"remark", T::kText}},
       "meeting_id, position"},
      {"agenda_sections",
       {{"id", T::kInt},
        {"meeting_id", T::kInt},
        {"position", T::kInt},
        {"heading", T::kText},
        {"line", T::kInt}},
       "id"},
      {"agenda_notes",
       {{"section_id", T::kInt}, {"position", T::kInt}, {"text", T::kText}},
       "section_id, position"},
      {"decisions",
       {{"id", T::kInt},
        {"meeting_id", T::kInt},
        {"position", T::kInt},
        {"text", T::kText},
        {"line", T::kInt},
        {"body", T::kText}},
       "id"},
      {"action_mentions",
       {{"id", T::kInt},
        {"meeting_id", T::kInt},
        {"position", T::kInt},
        {"text", T::kText},
        {"due", T::kDate},
        {"status", T::kText},
        {"source", T::kText},
        {"raised_by", T::kText},
        {"raised_by_kind", T::kText},
        {"line", T::kInt},
        {"item_id", T::kInt},
        {"written_status", T::kText},
        {"due_phrase", T::kText}},
       "id"},
      {"action_mention_owners",
       {{"action_id", T::kInt}, {"position", T::kInt}, {"name", T::kText}, {"kind", T::kText}},
       "action_id, position"},
      {"register_events",
       {{"id", T::kInt},
        {"group_id", T::kInt},
        {"kind", T::kText},
        {"item_meeting_id", T::kInt},
        {"item_position", T::kInt},
        {"other_meeting_id", T::kInt},
        {"other_position", T::kInt},
        {"status", T::kText},
        {"due_set", T::kBool},
        {"due", T::kDate},
        {"owners", T::kText},
        {"note", T::kText},
        {"who", T::kText},
        {"at", T::kTimestamp},
        {"effective", T::kDate}},
       "id"},
      {"register_items",
       {{"id", T::kInt},
        {"group_id", T::kInt},
        {"replay_position", T::kInt},
        {"origin_meeting_id", T::kInt},
        {"origin_position", T::kInt},
        {"text", T::kText},
        {"due", T::kDate},
        {"status", T::kText},
        {"source", T::kText},
        {"raised_by", T::kText},
        {"raised_by_kind", T::kText},
        {"line", T::kInt},
        {"status_note", T::kText},
        {"merged_into", T::kInt},
        {"written_status", T::kText},
        {"due_phrase", T::kText},
        {"awaits_next", T::kText}},
       "id"},
      {"register_match_texts",
       {{"item_id", T::kInt}, {"position", T::kInt}, {"text", T::kText}},
       "item_id, position"},
      {"register_item_owners",
       {{"item_id", T::kInt}, {"position", T::kInt}, {"name", T::kText}, {"kind", T::kText}},
       "item_id, position"},
      {"register_history",
       {{"item_id", T::kInt},
        {"position", T::kInt},
        {"date", T::kDate},
        {"meeting_id", T::kInt},
        {"event_id", T::kInt},
        {"change", T::kText},
        {"words", T::kText},
        {"who", T::kText}},
       "item_id, position"},
      {"register_notices",
       {{"group_id", T::kInt},
        {"position", T::kInt},
        {"meeting_id", T::kInt},
        {"line", T::kInt},
        {"message", T::kText}},
       "group_id, position"},
      {"register_counter", {{"id", T::kInt}, {"next_item_id", T::kInt}}, "id"},
      // Work plans (migration 9).
      {"workplan_subteams",
       {{"id", T::kInt}, {"group_id", T::kInt}, {"position", T::kInt}, {"name", T::kText}},
       "id"},
      {"workplan_milestones",
       {{"id", T::kInt},
        {"group_id", T::kInt},
        {"subteam_id", T::kInt},
        {"position", T::kInt},
        {"name", T::kText},
        {"date", T::kDate}},
       "id"},
      {"workplan_subtopics",
       {{"id", T::kInt}, {"subteam_id", T::kInt}, {"position", T::kInt}, {"title", T::kText}},
       "id"},
      {"workplan_tasks",
       {{"id", T::kInt},
        {"subtopic_id", T::kInt},
        {"group_id", T::kInt},
        {"position", T::kInt},
        {"label", T::kText},
        {"title", T::kText},
        {"leader", T::kText},
        {"start", T::kDate},
        {"target", T::kDate},
        {"status", T::kText}},
       "id"},
      {"workplan_task_people",
       {{"task_id", T::kInt}, {"position", T::kInt}, {"name", T::kText}},
       "task_id, position"},
      {"workplan_task_items",
       {{"task_id", T::kInt}, {"position", T::kInt}, {"item_id", T::kInt}},
       "task_id, position"},
      // The site's tables (site.h). Sessions are left out: they are short-lived
      // and tied to the server that issued them; users log in again.
      {"users",
       {{"id", T::kInt},
        {"login", T::kText},
        {"display_name", T::kText},
        {"person", T::kText},
        {"password_hash", T::kText},
        {"admin", T::kBool},
        {"created_at", T::kTimestamp}},
       "id"},
      {"user_grants",
       {{"user_id", T::kInt}, {"group_name", T::kText}, {"role", T::kText}},
       "user_id, lower(group_name)"},
      {"api_tokens",
       {{"id", T::kInt},
        {"user_id", T::kInt},
        {"name", T::kText},
        {"token_sha256", T::kText},
        {"created_unix", T::kInt},
        {"revoked_unix", T::kInt}},
       "id"},
      {"public_groups", {{"group_name", T::kText}}, "lower(group_name)"},
      {"audit_log",
       {{"id", T::kInt},
        {"at_unix", T::kInt},
        {"who", T::kText},
        {"action", T::kText},
        {"group_name", T::kText},
        {"target", T::kText},
        {"before", T::kText},
        {"after", T::kText}},
       "id"},
      {"reminders_sent",
       {{"id", T::kInt},
        {"group_name", T::kText},
        {"recipient", T::kText},
        {"address", T::kText},
        {"day", T::kDate},
        {"sent_unix", T::kInt},
        {"message_id", T::kText},
        {"items", T::kText}},
       "id"},
  };
  return tables;
}

Status CheckSnapshot(const Snapshot& snapshot) {
  const std::vector<SnapshotTableSpec>& specs = SnapshotTables();
  if (snapshot.tables.size() != specs.size())
    return Error::InvalidInput(fmt::format("snapshot has {} tables, this plenary has {}",
                                           snapshot.tables.size(), specs.size()));
  for (std::size_t t = 0; t < specs.size(); ++t) {
    const SnapshotTable& table = snapshot.tables[t];
    const SnapshotTableSpec& spec = specs[t];
    bool same = table.name == spec.name && table.columns.size() == spec.columns.size();
    for (std::size_t c = 0; same && c < spec.columns.size(); ++c)
      same = table.columns[c] == spec.columns[c].name;
    if (!same)
      return Error::InvalidInput(
          fmt::format("snapshot table {} is not this plenary's {}", table.name, spec.name));
    for (const auto& row : table.rows) {
      if (row.size() != spec.columns.size())
        return Error::InvalidInput(
            fmt::format("snapshot table {}: a row of {} values", table.name, row.size()));
    }
  }
  return Status::Ok();
}

std::string SnapshotJson(const Snapshot& snapshot) {
  nlohmann::ordered_json tables = nlohmann::ordered_json::object();
  for (const SnapshotTable& table : snapshot.tables) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& row : table.rows) {
      nlohmann::ordered_json object = nlohmann::ordered_json::object();
      for (std::size_t c = 0; c < row.size() && c < table.columns.size(); ++c) {
        const SnapshotValue& v = row[c];
        if (const auto* i = std::get_if<std::int64_t>(&v))
          object[table.columns[c]] = *i;
        else if (const auto* s = std::get_if<std::string>(&v))
          object[table.columns[c]] = *s;
        else
          object[table.columns[c]] = nullptr;
      }
      rows.push_back(std::move(object));
    }
    tables[table.name] = std::move(rows);
  }
  nlohmann::ordered_json out = {{"format", "plenary-export"}, {"version", 1}, {"tables", tables}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace plenary
