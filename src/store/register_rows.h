// Back-end-neutral pieces of the stores: how model values become column values
// and back, and what a rebuild of a group's register writes. The SQLite and
// PostgreSQL back ends both use these, so the two cannot drift apart.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/register.h"
#include "plenary/model.h"
#include "plenary/store.h"

namespace plenary {

// A stored value that breaks the schema's invariants: the database was
// changed by something other than plenary. Stores turn it into Error::Storage.
class CorruptRow : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "HH:MM" as stored for a meeting's start (00:00..23:59), or nullopt.
std::optional<TimeOfDay> ParseStoredTime(std::string_view text);

// "YYYY-MM-DD", or nullopt.
std::optional<std::string> IsoDateOrNull(const std::optional<Date>& date);

// An action item's own columns, as both back ends store them (owners apart):
// action_mentions and register_items have these.
struct ActionColumns {
  std::string text;
  std::optional<std::string> due;
  std::string status;
  std::string source;
  std::optional<std::string> raised_by;
  std::optional<std::string> raised_by_kind;
  int line = 0;
  std::string written_status;  // '' when the notes wrote none
  std::string due_phrase;      // '' when none
};
ActionColumns ColumnsOf(const ActionItem& item);

// meeting_participants.role: "attendee", "staff", "apology" or "guest" names
// the list of `meeting` it belongs to; nullptr for any other text.
std::vector<std::string>* ParticipantList(Meeting& meeting, std::string_view role);

// register_events.owners: a JSON array of {"name", "kind"}; ParseEventOwners
// gives nullopt for text this store did not write.
std::string EventOwnersJson(const std::vector<Owner>& owners);
std::optional<std::vector<Owner>> ParseEventOwners(std::string_view text);

// What a replay needs of a group, as a back end reads it: every meeting's
// mentions (meetings in id order) and the item each mention belonged to in the
// previous replay.
struct GroupMentions {
  std::vector<MeetingMentions> meetings;
  std::map<MentionRef, std::int64_t> previous;
};

// A meeting's store id by (group, kind, number), for writing history rows.
using MeetingIds = std::map<std::tuple<std::string, std::string, int>, std::int64_t>;

// What a rebuild writes: the replayed register with ids assigned, and the
// store's next unused item id afterwards.
struct RegisterRebuild {
  Register reg;
  MeetingIds meeting_ids;
  std::int64_t next_id = 0;
};
RegisterRebuild PlanRebuild(GroupMentions input, std::vector<RegisterEvent> events,
                            std::int64_t next_id);
// The store id of the meeting `key` names, when it is one of the group's.
std::optional<std::int64_t> MeetingIdOf(const MeetingIds& ids,
                                        const std::optional<MeetingKey>& key);

// The items among `rows` one of whose owners `owner` names (Directory::Names
// with the roster of the item's group, when it has one).
std::vector<RegisteredAction> FilterByOwner(std::vector<RegisteredAction> rows,
                                            const std::vector<Roster>& rosters,
                                            const std::string& owner);

// Likely duplicate pairs among the open items `open` (core FindDuplicates).
std::vector<DuplicatePair> DuplicatesAmong(std::vector<RegisteredAction> open);

}  // namespace plenary
