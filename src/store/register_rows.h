// Back-end-neutral pieces of the stores: how model values become column values
// and back, and what a rebuild of a group's register writes. The SQLite and
// PostgreSQL back ends both use these, so the two cannot drift apart.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <optional>
#include <set>
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

// groups.owner_names: every owner of the register's items not merged into
// another, each once, sorted (by name, then kind); a register update stores
// it in EventOwnersJson's form, and "My items" reads a person's names from it.
std::vector<Owner> OwnerNamesOf(const Register& reg);

// groups.owner_counts: how many of the register's items not merged into
// another each owner name owns, by status, so that "My items" counts a
// person's items without reading them. Rows of (names, status, count): one
// name, the items that name owns; two or more, the items whose distinct owner
// names are exactly those (what a count over several names must not count
// twice). As JSON, [[["A"], "open", 3], [["A", "B"], "open", 1], ...].
struct OwnerCounts {
  struct Row {
    std::vector<std::string> names;  // sorted, distinct
    ActionStatus status = ActionStatus::kOpen;
    std::int64_t items = 0;
    friend bool operator==(const Row&, const Row&) = default;
  };
  std::vector<Row> rows;  // sorted by names, then status; each once
  // The items one of `names` (distinct) owns, with `status` if one is given.
  std::size_t Of(const std::vector<std::string>& names, std::optional<ActionStatus> status) const;
  friend bool operator==(const OwnerCounts&, const OwnerCounts&) = default;
};
OwnerCounts OwnerCountsOf(const Register& reg);

// What an item adds to the owner names and counts above: nothing when it is
// merged into another; its owners under its status otherwise.
struct OwnerShare {
  bool merged = false;
  ActionStatus status = ActionStatus::kOpen;
  std::vector<Owner> owners;
};
OwnerShare ShareOf(const RegisterItem& item);
// The counts once items whose shares were `before` have `after` (items
// created: no share before; an item's two shares in either list, in any
// order): what OwnerCountsOf the register would give, from `kept`, what it
// gave before. CorruptRow when `kept` does not hold the shares taken away.
OwnerCounts CountsAfter(const OwnerCounts& kept, const std::vector<OwnerShare>& before,
                        const std::vector<OwnerShare>& after);
// The owner names likewise: a name one of `before` had and none of `after`
// has stays when `owned_elsewhere` says another item has it.
template <typename OwnedElsewhere>
std::vector<Owner> NamesAfter(const std::vector<Owner>& kept, const std::vector<OwnerShare>& before,
                              const std::vector<OwnerShare>& after,
                              const OwnedElsewhere& owned_elsewhere);
// groups.open_items: the register's open items not merged into another (the
// group list's count, kept so that it is not a count over the group's items).
std::int64_t OpenItemsOf(const Register& reg);
std::string OwnerCountsJson(const OwnerCounts& counts);
// Nullopt for text this store did not write. Rows are put in order and rows
// of the same names and status added, whatever order the text has (the
// migration that fills the column writes sets in no set order).
std::optional<OwnerCounts> ParseOwnerCounts(std::string_view text);

// register_items.words: the words of an item's match texts, text by text in
// their order, each as its number of words and then its words
// (RegisterReplay::WordingWords): what a PartialRegister takes of the item,
// in one value of its own row: 8 bytes each, least significant first
// (WordsBlob), a BLOB in SQLite and a bytea in PostgreSQL.
std::vector<std::uint64_t> ItemWords(const RegisterReplay& replay, std::size_t item);
std::vector<std::uint64_t> ItemWordsOfTexts(const std::vector<std::string>& match_texts);
std::string WordsBlob(const std::vector<std::uint64_t>& numbers);
// The item at `item` of `partial` takes the wordings `numbers` (ItemWords'
// form) or `blob` (WordsBlob's) hold. CorruptRow when they are not such.
void AddItemWords(PartialRegister& partial, std::size_t item,
                  const std::vector<std::uint64_t>& numbers);
void AddItemWordsBlob(PartialRegister& partial, std::size_t item, std::string_view blob);

// What a replay needs of a group, as a back end reads it: every meeting's
// mentions (meetings in id order) and the item each mention belonged to in the
// previous replay.
struct GroupMentions {
  std::vector<MeetingMentions> meetings;
  std::map<MentionRef, std::int64_t> previous;
};

// A meeting's store id by (group, kind, number), for writing history rows.
using MeetingIds = std::map<std::tuple<std::string, std::string, int>, std::int64_t>;

// The inputs a write adds to a group's register: meetings created and an
// event recorded. When they all come after every input the stored register
// has replayed (IsTail), the store extends it instead of
// replaying the group's history; both end in the same register, ids included.
struct RegisterTail {
  std::vector<MeetingMentions> meetings;
  std::vector<RegisterEvent> events;
};
// Whether every input of `tail` replays after every meeting of `replayed`
// (the group's other meetings; mentions not needed) and every event of
// `replayed_events` (the group's other events).
bool IsTail(const RegisterTail& tail, const std::vector<MeetingMentions>& replayed,
            const std::vector<RegisterEvent>& replayed_events);

// What writing `after` over the stored `before` changes: the rows of the
// items that differ (or are gone) are deleted, those of `after` that differ
// are written, and the notices from the first that differs are rewritten.
struct RegisterDiff {
  std::vector<std::int64_t> deleted;   // ids of `before`'s items whose rows go
  std::vector<std::size_t> written;    // positions in `after` of the items to write
  std::size_t notices_from = 0;        // first position of the notices to rewrite
};
RegisterDiff DiffRegisters(const Register& before, const Register& after);

// What a write changed of a group's inputs: the meetings it created, the
// event it recorded, and whether anything else changed (a meeting
// re-imported, a merge undone), which calls for a replay of the group: from
// `replay_from`, the earliest date the change reaches (a re-imported
// meeting's old or new date, an undone merge's effective date), or from the
// first meeting when that is unknown (a register a migration left empty).
struct InputChange {
  std::set<std::int64_t> created_meetings;
  std::optional<std::int64_t> recorded_event;
  bool replay = false;
  std::optional<Date> replay_from;
  // Created meetings whose action mentions are not written yet, by meeting
  // id (SQLite): the register update reads them from the batch, which
  // outlives it, rather than back from the store, and writes each with the
  // id of its item in one insert, rather than an insert and an update.
  std::map<std::int64_t, const std::vector<ActionItem>*> unwritten_mentions;
  // Calls for a replay from `from`, or from an earlier date already asked.
  void ReplayFrom(Date from);
};

// Adds what importing meeting `meeting_id` of group `group_id` did to
// `changes` (per group): a created meeting is added, an updated one calls for
// a replay from the earlier of its dates before (`stored`) and after
// (`imported`), an unchanged one changes nothing.
void NoteImported(std::map<std::int64_t, InputChange>& changes, std::int64_t group_id,
                  std::int64_t meeting_id, ImportOutcome outcome, std::optional<Date> stored,
                  Date imported);

// A group's stored register as a back end reads it, table by table.
struct StoredRegisterRows {
  struct Item {
    std::int64_t id = 0;
    std::int64_t origin_meeting_id = 0;
    ActionItem state;  // owners apart
    std::optional<std::string> status_note;
    std::int64_t merged_into = 0;
    std::string awaits_next;
  };
  struct Change {
    std::int64_t item_id = 0;
    std::optional<std::int64_t> meeting_id;
    ActionChange change;  // meeting apart
  };
  struct Notice {
    std::optional<std::int64_t> meeting_id;
    int line = 0;
    std::string message;
  };
  std::vector<Item> items;                                    // in replay order
  std::vector<std::pair<std::int64_t, Owner>> owners;         // by item, in order
  std::vector<std::pair<std::int64_t, std::string>> match_texts;  // by item, in order
  std::vector<Change> history;                                // by item, in order
  std::vector<std::pair<std::int64_t, MentionRef>> mentions;  // item id, mention; any order
  std::vector<Notice> notices;                                // in order
};
// The register the rows hold, as the replay that wrote them left it;
// `meetings`: the group's meetings (mentions not needed). CorruptRow for a
// row that names a meeting or item the group does not have; a mention whose
// item is not the group's belongs to no item.
Register AssembleStoredRegister(StoredRegisterRows rows,
                                const std::vector<MeetingMentions>& meetings);

// What a back end reads of a group for an update of its register, inside the
// write's transaction, after the change's own rows are written.
class RegisterSource {
 public:
  virtual ~RegisterSource() = default;
  // Every meeting of the group, without mentions.
  virtual std::vector<MeetingMentions> Meetings() = 0;
  virtual std::vector<RegisterEvent> Events() = 0;
  // The register's rows (AssembleStoredRegister makes the register of them).
  virtual StoredRegisterRows StoredRows() = 0;
  // The mentions of the meetings `only` names, or of every meeting.
  virtual GroupMentions Mentions(const std::set<std::int64_t>* only) = 0;
  virtual std::int64_t NextItemId() = 0;
  // groups.register_token: what the last write of the register stored.
  virtual std::optional<std::int64_t> Token() = 0;
  // What extending the stored register needs of it (a PartialRegister: each
  // item's state in a few columns, its wordings' words, the notices), and
  // what reads the rest of an item when the replay needs it, in this
  // transaction.
  virtual PartialRegister StoredPartial() = 0;
  virtual RegisterItemLoader& Loader() = 0;
  // groups.owner_names and groups.owner_counts as the last write of the
  // register kept them; nullopt when they are not kept.
  struct KeptOwners {
    std::vector<Owner> names;
    OwnerCounts counts;
  };
  virtual std::optional<KeptOwners> Kept() = 0;
  // The shares of the stored items `ids` (OwnerShare), in any order.
  virtual std::vector<OwnerShare> SharesOf(const std::vector<std::int64_t>& ids) = 0;
  // Whether a stored item of the group other than `except`, not merged into
  // another, has `owner` among its owners.
  virtual bool OwnedElsewhere(const Owner& owner, const std::vector<std::int64_t>& except) = 0;
};

// The register of the group a Store wrote last, as its replay left it, with
// the token that write stored beside it (groups.register_token, a random
// number): while the stored token is still that one, nothing else has
// written the register since, and the next write goes on from the kept
// replay instead of reading the register back. One group is kept, so a
// Store holds at most one register in memory.
class RegisterCache {
 public:
  RegisterCache();
  // The replay kept for `group` if `stored` is the token it was kept with
  // (it leaves the cache), else nullptr.
  std::unique_ptr<RegisterReplay> Take(std::int64_t group, std::optional<std::int64_t> stored);
  // Keeps `replay` for `group` under a new token, which it returns.
  std::int64_t Keep(std::int64_t group, std::unique_ptr<RegisterReplay> replay);
  const RegisterReplay& Kept() const { return *replay_; }

 private:
  std::int64_t group_ = 0;
  std::int64_t token_ = 0;
  std::unique_ptr<RegisterReplay> replay_;
  std::mt19937_64 random_;
};

// The groups whose register a schema migration left to be replayed (2
// created the register, 8 emptied it): groups with action mentions and no
// register item. Every write replays or extends a group's register in its
// own transaction, so no group's register is ever partly missing; this is a
// few index probes a group where a pass over every mention took 0.7-1.2 s of
// every open of a million-item SQLite file. Columns: group id.
inline constexpr std::string_view kStaleRegisterGroupsSql =
    "SELECT g.id FROM groups g WHERE "
    "EXISTS (SELECT 1 FROM meetings m JOIN action_mentions a ON a.meeting_id = m.id "
    "WHERE m.group_id = g.id) AND "
    "NOT EXISTS (SELECT 1 FROM register_items r WHERE r.group_id = g.id) ORDER BY g.id";

// An item's history as both back ends read it (Store::Action, and
// ActionQuery::with_history): the columns of register_history h, from column
// 1 on (column 0: the item's id), and the joins that name each row's meeting.
inline constexpr std::string_view kHistoryColumns =
    "SELECT h.item_id, h.date, hg.short_name, hm.kind, hm.number, h.event_id, h.change, "
    "h.words, h.who ";
inline constexpr std::string_view kHistoryNames =
    "LEFT JOIN meetings hm ON hm.id = h.meeting_id "
    "LEFT JOIN groups hg ON hg.id = hm.group_id ";

// The register before and after `change`, and the rows that differ: the
// stored register extended by the change when it is a tail (IsTail), the
// group replayed otherwise, from the earliest date the change reaches (the
// inputs before it applied as the stored register says they went:
// RegisterReplay::ApplyAllAsBefore). With PLENARY_REGISTER_REPLAY=always in the
// environment every change replays the group (how the register was kept
// before it was extended: the property test's reference and the bench's
// comparison).
struct RegisterUpdate {
  const Register* reg = nullptr;  // after the change, kept in the cache
  // The replay that made it (its items' words: RegisterReplay::WordingWords).
  // Items a partial replay did not load are as PartialRegister has them; the
  // diff writes only items it loaded or created.
  const RegisterReplay* replay = nullptr;
  // groups.owner_names, owner_counts and open_items after the change.
  std::vector<Owner> owner_names;
  OwnerCounts owner_counts;
  std::int64_t open_items = 0;
  MeetingIds meeting_ids;
  std::int64_t next_id = 0;  // the store's next unused item id afterwards
  RegisterDiff diff;
  std::int64_t token = 0;  // to store in groups.register_token
};
RegisterUpdate PlanRegisterUpdate(RegisterSource& source, std::int64_t group_id,
                                  const InputChange& change, RegisterCache& cache);

// The replay order of `meetings` (mentions not needed): meeting id -> rank.
std::map<std::int64_t, std::size_t> ReplayRanks(std::vector<MeetingMentions> meetings);
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

// OwnerNamesOf's order: by name, then kind.
bool OwnerNameBefore(const Owner& a, const Owner& b);

template <typename OwnedElsewhere>
std::vector<Owner> NamesAfter(const std::vector<Owner>& kept, const std::vector<OwnerShare>& before,
                              const std::vector<OwnerShare>& after,
                              const OwnedElsewhere& owned_elsewhere) {
  auto held = [](const std::vector<OwnerShare>& shares) {
    std::set<Owner, decltype(&OwnerNameBefore)> owners(&OwnerNameBefore);
    for (const OwnerShare& s : shares)
      if (!s.merged) owners.insert(s.owners.begin(), s.owners.end());
    return owners;
  };
  const auto now = held(after), had = held(before);
  std::set<Owner, decltype(&OwnerNameBefore)> names(&OwnerNameBefore);
  for (const Owner& o : kept)
    if (now.count(o) || !had.count(o) || owned_elsewhere(o)) names.insert(o);
  names.insert(now.begin(), now.end());
  return {names.begin(), names.end()};
}

}  // namespace plenary
