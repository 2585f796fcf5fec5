// Reading rosters, meetings and decisions back out of the PostgreSQL schema.
// Each function may throw pqxx exceptions or CorruptRow; the caller
// (PostgresStore) provides the transaction and the error handling.
#pragma once

#include <map>
#include <pqxx/pqxx>
#include <vector>

#include "plenary/store.h"
#include "store/postgres/pg_values.h"

namespace plenary::pg {

// The roster of the group with id `group_id`: its people in roster order.
Roster LoadRoster(pqxx::transaction_base& tx, Id group_id);
// The rosters of the groups `group_ids`, by id, in four statements whatever
// their number (My items reads a roster for each group asked for).
std::map<Id, Roster> LoadRostersOf(pqxx::transaction_base& tx, const std::vector<Id>& group_ids);
// The roster of the group with id `group_id`, if it has one.
std::optional<Roster> RosterOf(pqxx::transaction_base& tx, Id group_id);
// Rosters of the groups that have one, by short name.
std::vector<Roster> LoadRosters(pqxx::transaction_base& tx);
// Every meeting, fully populated, by (date, kind, number).
std::vector<Meeting> LoadMeetings(pqxx::transaction_base& tx);
// The meetings `rows` holds (LoadMeetings' columns: id, group, kind, number,
// date, start_utc, record_url, subteam), in its order, with everything they
// hold (as much as `parts` asks); `ids` gets their ids in the same order.
std::vector<Meeting> LoadMeetingsOf(pqxx::transaction_base& tx, const pqxx::result& rows,
                                    std::vector<Id>& ids,
                                    MeetingParts parts = MeetingParts::kEverything);
// Decisions in register order (meeting date, meeting id, position).
std::vector<RegisteredDecision> LoadDecisions(pqxx::transaction_base& tx);

}  // namespace plenary::pg
