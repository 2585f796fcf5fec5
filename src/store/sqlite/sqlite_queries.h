// Reading the register back out of the SQLite store's schema (migrations.cc).
// Each function may throw SQLite::Exception or CorruptRow; the caller
// (SqliteStore) provides the read transaction and the error handling.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>
#include <vector>

#include "plenary/store.h"
#include "store/sqlite/sqlite_values.h"

namespace plenary::sqlite {

struct GroupRow {
  Id id = 0;
  bool has_roster = false;  // false: known only from meetings' headers
};

// The group named `short_name`, compared case-insensitively (ASCII).
std::optional<GroupRow> FindGroup(SQLite::Database& db, const std::string& short_name);
// The same with `query` prepared from kFindGroupSql (a cached statement).
inline constexpr const char* kFindGroupSql =
    "SELECT id, roster_saved_at IS NOT NULL FROM groups WHERE short_name = ?";
std::optional<GroupRow> FindGroup(SQLite::Statement& query, const std::string& short_name);

class StatementCache;  // sqlite_lists.h

// The roster of the group with id `group_id`: its people in roster order.
Roster LoadRoster(SQLite::Database& db, Id group_id);
// The same with the connection's kept statements (My items reads a roster
// per group: preparing its four statements was most of each read).
Roster LoadRoster(SQLite::Database& db, StatementCache& statements, Id group_id);

// The roster of the group with id `group_id`, if it has one.
std::optional<Roster> RosterOf(SQLite::Database& db, Id group_id);

// Rosters of the groups that have one, by short name.
std::vector<Roster> LoadRosters(SQLite::Database& db);

// Every meeting, fully populated, by (date, kind, number).
std::vector<Meeting> LoadMeetings(SQLite::Database& db);

// The meetings `rows` selects (LoadMeetings' columns: id, group, kind, number,
// date, start_utc, record_url, subteam), in its order, with everything they
// hold (as much as `parts` asks); `ids` gets their ids in the same order.
std::vector<Meeting> LoadMeetingsOf(SQLite::Database& db, SQLite::Statement& rows,
                                    std::vector<Id>& ids,
                                    MeetingParts parts = MeetingParts::kEverything);

// Register items (sqlite_register.h) matching `query`, in register order, with
// the owner filter of Directory::Names. `query.owner` must be valid UTF-8.
std::vector<RegisteredAction> LoadActions(SQLite::Database& db, const ActionQuery& query);

// Decisions in register order (meeting date, meeting id, position).
std::vector<RegisteredDecision> LoadDecisions(SQLite::Database& db);

}  // namespace plenary::sqlite
