#include "store/sqlite/sqlite_register.h"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "core/date.h"
#include "core/register.h"
#include "store/list_queries.h"
#include "store/owned_items.h"
#include "store/sqlite/sqlite_queries.h"
#include "store/sqlite/sqlite_search.h"

namespace plenary::sqlite {

// The per-meeting action items of schema 1 become what they always were: the
// mentions the notes make. The register is what the replay makes of them.
// register_items.id is the item's stable id (core AssignItemIds); the next
// new id is kept in register_counter so that an id is never given twice.
const std::string_view kRegisterSchema = R"sql(
ALTER TABLE action_items RENAME TO action_mentions;
ALTER TABLE action_owners RENAME TO action_mention_owners;
ALTER TABLE action_mentions ADD COLUMN item_id INTEGER;
DROP INDEX action_items_by_status_due;

CREATE TABLE register_items (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  replay_position INTEGER NOT NULL,
  origin_meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  origin_position INTEGER NOT NULL,
  text TEXT NOT NULL,
  due TEXT CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  status TEXT NOT NULL CHECK (status IN ('open', 'complete', 'cancelled')),
  source TEXT NOT NULL CHECK (source IN ('table', 'notes', 'review')),
  raised_by TEXT,
  raised_by_kind TEXT CHECK (raised_by_kind IN ('person', 'organisation', 'unresolved')),
  line INTEGER NOT NULL,
  status_note TEXT,
  merged_into INTEGER,
  UNIQUE (group_id, replay_position)
) STRICT;

CREATE INDEX register_items_by_status_due ON register_items (status, due);

CREATE TABLE register_item_owners (
  item_id INTEGER NOT NULL REFERENCES register_items (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'unresolved')),
  PRIMARY KEY (item_id, position)
) WITHOUT ROWID, STRICT;

CREATE TABLE register_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('set', 'merge')),
  item_meeting_id INTEGER NOT NULL,
  item_position INTEGER NOT NULL,
  other_meeting_id INTEGER,
  other_position INTEGER,
  status TEXT CHECK (status IN ('open', 'complete', 'cancelled')),
  due_set INTEGER NOT NULL CHECK (due_set IN (0, 1)),
  due TEXT CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  owners TEXT,
  note TEXT NOT NULL,
  who TEXT NOT NULL,
  at TEXT NOT NULL,
  effective TEXT NOT NULL CHECK (effective GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
) STRICT;

CREATE TABLE register_history (
  item_id INTEGER NOT NULL REFERENCES register_items (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  date TEXT NOT NULL,
  meeting_id INTEGER REFERENCES meetings (id),
  event_id INTEGER REFERENCES register_events (id) ON DELETE CASCADE,
  change TEXT NOT NULL,
  words TEXT NOT NULL,
  who TEXT NOT NULL,
  PRIMARY KEY (item_id, position)
) WITHOUT ROWID, STRICT;

CREATE TABLE register_notices (
  group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  meeting_id INTEGER REFERENCES meetings (id),
  line INTEGER NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY (group_id, position)
) WITHOUT ROWID, STRICT;

CREATE TABLE register_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  next_item_id INTEGER NOT NULL
) STRICT;
INSERT INTO register_counter (id, next_item_id)
  VALUES (1, (SELECT coalesce(max(id), 0) + 1 FROM action_mentions));
)sql";

MentionWriter::MentionWriter(SQLite::Database& db)
    : db_(db),
      insert_(db,
              "INSERT INTO action_mentions (text, due, status, source, raised_by, "
              "raised_by_kind, line, written_status, due_phrase, meeting_id, position, item_id) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      owner_(db,
             "INSERT INTO action_mention_owners (action_id, position, name, kind) "
             "VALUES (?, ?, ?, ?)") {}

void MentionWriter::Insert(Id meeting_id, std::size_t position, const ActionItem& mention,
                           std::optional<Id> item_id) {
  ActionColumns c = ColumnsOf(mention);
  Run(insert_, c.text, c.due, c.status, c.source, c.raised_by, c.raised_by_kind, c.line,
      c.written_status, c.due_phrase, meeting_id, position, item_id);
  Id id = db_.getLastInsertRowid();
  for (std::size_t j = 0; j < mention.owners.size(); ++j)
    Run(owner_, id, j, mention.owners[j].name, OwnerKindName(mention.owners[j].kind));
}

namespace {

Owner OwnerAt(const SQLite::Statement& row, int name, int kind) {
  return {row.getColumn(name).getString(), EnumAt(row.getColumn(kind), ParseOwnerKind)};
}

// The mentions of the group's meetings, or of those `only` names.
GroupMentions LoadGroupMentions(SQLite::Database& db, Id group_id,
                                const std::set<std::int64_t>* only) {
  SQLite::Statement rows(
      db,
      "SELECT m.id, g.short_name, m.kind, m.number, m.date, a.position, a.text, a.due, a.status, "
      "a.source, a.raised_by, a.raised_by_kind, a.line, a.written_status, a.due_phrase, "
      "a.item_id, o.name, o.kind, a.id "
      "FROM action_mentions a JOIN meetings m ON m.id = a.meeting_id "
      "JOIN groups g ON g.id = m.group_id "
      "LEFT JOIN action_mention_owners o ON o.action_id = a.id "
      "WHERE m.group_id = ?1 AND (?2 IS NULL OR m.id IN (SELECT value FROM json_each(?2))) "
      "ORDER BY m.id, a.position, o.position");
  Bind(rows, group_id,
       only ? std::optional<std::string>(nlohmann::json(*only).dump()) : std::nullopt);
  GroupMentions out;
  Id last_row = 0;
  while (rows.executeStep()) {
    Id meeting_id = rows.getColumn(0).getInt64();
    if (out.meetings.empty() || out.meetings.back().meeting_id != meeting_id) {
      out.meetings.push_back({meeting_id,
                              {rows.getColumn(1).getString(), rows.getColumn(2).getString(),
                               rows.getColumn(3).getInt()},
                              DateAt(rows.getColumn(4)),
                              {}});
    }
    auto& mentions = out.meetings.back().mentions;
    Id row_id = rows.getColumn(18).getInt64();
    if (row_id != last_row) {
      mentions.push_back(ActionItemAt(rows, 6));
      last_row = row_id;
      MentionRef ref{meeting_id, rows.getColumn(5).getInt()};
      if (!rows.getColumn(15).isNull()) out.previous[ref] = rows.getColumn(15).getInt64();
    }
    if (!rows.getColumn(16).isNull()) mentions.back().owners.push_back(OwnerAt(rows, 16, 17));
  }
  return out;
}

std::vector<RegisterEvent> LoadEvents(SQLite::Database& db, Id group_id) {
  SQLite::Statement rows(
      db,
      "SELECT id, kind, item_meeting_id, item_position, other_meeting_id, other_position, "
      "status, due_set, due, owners, note, who, at, effective FROM register_events "
      "WHERE group_id = ? ORDER BY id");
  Bind(rows, group_id);
  std::vector<RegisterEvent> events;
  while (rows.executeStep()) {
    RegisterEvent e;
    e.id = rows.getColumn(0).getInt64();
    e.kind = rows.getColumn(1).getString() == "merge" ? RegisterEventKind::kMerge
                                                      : RegisterEventKind::kSet;
    e.item = {rows.getColumn(2).getInt64(), rows.getColumn(3).getInt()};
    if (!rows.getColumn(4).isNull())
      e.other = MentionRef{rows.getColumn(4).getInt64(), rows.getColumn(5).getInt()};
    if (!rows.getColumn(6).isNull()) e.status = EnumAt(rows.getColumn(6), ParseActionStatus);
    if (rows.getColumn(7).getInt() != 0) e.due = OptionalDateAt(rows.getColumn(8));
    if (!rows.getColumn(9).isNull()) {
      e.owners = ParseEventOwners(rows.getColumn(9).getString());
      if (!e.owners) Corrupt(rows.getColumn(9));
    }
    e.note = rows.getColumn(10).getString();
    e.who = rows.getColumn(11).getString();
    e.at = rows.getColumn(12).getString();
    e.effective = DateAt(rows.getColumn(13));
    events.push_back(std::move(e));
  }
  return events;
}

std::vector<MeetingMentions> LoadMeetingKeys(SQLite::Database& db, Id group_id) {
  SQLite::Statement rows(db,
                         "SELECT m.id, g.short_name, m.kind, m.number, m.date FROM meetings m "
                         "JOIN groups g ON g.id = m.group_id WHERE m.group_id = ? ORDER BY m.id");
  Bind(rows, group_id);
  std::vector<MeetingMentions> meetings;
  while (rows.executeStep())
    meetings.push_back({rows.getColumn(0).getInt64(),
                        {rows.getColumn(1).getString(), rows.getColumn(2).getString(),
                         rows.getColumn(3).getInt()},
                        DateAt(rows.getColumn(4)),
                        {}});
  return meetings;
}

// Runs `sql` with the group's id and hands each row to `read`.
template <typename Read>
void EachRow(SQLite::Database& db, Id group_id, const char* sql, Read read) {
  SQLite::Statement rows(db, sql);
  Bind(rows, group_id);
  while (rows.executeStep()) read(rows);
}

// The group's register_notices rows, in order.
std::vector<StoredRegisterRows::Notice> LoadNoticeRows(SQLite::Database& db, Id group_id) {
  std::vector<StoredRegisterRows::Notice> notices;
  EachRow(db, group_id,
          "SELECT meeting_id, line, message FROM register_notices WHERE group_id = ? "
          "ORDER BY position",
          [&](SQLite::Statement& row) {
            StoredRegisterRows::Notice n;
            if (!row.getColumn(0).isNull()) n.meeting_id = row.getColumn(0).getInt64();
            n.line = row.getColumn(1).getInt();
            n.message = row.getColumn(2).getString();
            notices.push_back(std::move(n));
          });
  return notices;
}

StoredRegisterRows LoadStoredRows(SQLite::Database& db, Id group_id) {
  StoredRegisterRows out;
  EachRow(db, group_id,
          "SELECT id, origin_meeting_id, text, due, status, source, raised_by, raised_by_kind, "
          "line, written_status, due_phrase, status_note, merged_into, awaits_next "
          "FROM register_items WHERE group_id = ? ORDER BY replay_position",
          [&](SQLite::Statement& row) {
            out.items.push_back({row.getColumn(0).getInt64(), row.getColumn(1).getInt64(),
                                 ActionItemAt(row, 2), TextOrNull(row.getColumn(11)),
                                 row.getColumn(12).isNull() ? 0 : row.getColumn(12).getInt64(),
                                 row.getColumn(13).getString()});
          });
  EachRow(db, group_id,
          "SELECT o.item_id, o.name, o.kind FROM register_item_owners o "
          "JOIN register_items r ON r.id = o.item_id WHERE r.group_id = ? "
          "ORDER BY r.replay_position, o.position",
          [&](SQLite::Statement& row) {
            out.owners.push_back({row.getColumn(0).getInt64(), OwnerAt(row, 1, 2)});
          });
  EachRow(db, group_id,
          "SELECT t.item_id, t.text FROM register_match_texts t "
          "JOIN register_items r ON r.id = t.item_id WHERE r.group_id = ? "
          "ORDER BY r.replay_position, t.position",
          [&](SQLite::Statement& row) {
            out.match_texts.push_back({row.getColumn(0).getInt64(), row.getColumn(1).getString()});
          });
  EachRow(db, group_id,
          "SELECT h.item_id, h.meeting_id, h.date, h.event_id, h.change, h.words, h.who "
          "FROM register_history h JOIN register_items r ON r.id = h.item_id "
          "WHERE r.group_id = ? ORDER BY r.replay_position, h.position",
          [&](SQLite::Statement& row) {
            StoredRegisterRows::Change c{row.getColumn(0).getInt64(), {}, {}};
            if (!row.getColumn(1).isNull()) c.meeting_id = row.getColumn(1).getInt64();
            c.change.date = DateAt(row.getColumn(2));
            if (!row.getColumn(3).isNull()) c.change.event_id = row.getColumn(3).getInt64();
            c.change.change = row.getColumn(4).getString();
            c.change.words = row.getColumn(5).getString();
            c.change.who = row.getColumn(6).getString();
            out.history.push_back(std::move(c));
          });
  EachRow(db, group_id,
          "SELECT a.item_id, a.meeting_id, a.position FROM action_mentions a "
          "JOIN meetings m ON m.id = a.meeting_id WHERE m.group_id = ? AND a.item_id IS NOT NULL",
          [&](SQLite::Statement& row) {
            out.mentions.push_back({row.getColumn(0).getInt64(),
                                    {row.getColumn(1).getInt64(), row.getColumn(2).getInt()}});
          });
  out.notices = LoadNoticeRows(db, group_id);
  return out;
}

std::int64_t NextItemId(SQLite::Database& db);

// The notices of the group, in order, their meetings' keys from `meetings`.
std::vector<RegisterDiagnostic> LoadNotices(SQLite::Database& db, Id group_id,
                                            const std::vector<MeetingMentions>& meetings) {
  StoredRegisterRows rows;
  rows.notices = LoadNoticeRows(db, group_id);
  return AssembleStoredRegister(std::move(rows), meetings).diagnostics;
}

// The match texts of item `id`, in order.
std::vector<std::string> MatchTextsOf(SQLite::Statement& texts, Id id) {
  std::vector<std::string> out;
  Bind(texts, id);
  while (texts.executeStep()) out.push_back(texts.getColumn(0).getString());
  return out;
}

constexpr const char* kMatchTextsOfItem =
    "SELECT text FROM register_match_texts WHERE item_id = ? ORDER BY position";

// What extending the group's register needs of it (PartialRegister): each
// item's row in a few columns, its match words among them (read from its
// match texts where the row has none: a store restored, or written before
// schema 19), the notices. An item's replay_position is its place in the
// register, so a merge names the item it went into by that.
PartialRegister LoadPartialRegister(SQLite::Database& db, Id group_id,
                                    const std::vector<MeetingMentions>& meetings) {
  PartialRegister out;
  {  // room for them first: moving 20,000 items as the list grows costs more than counting
    SQLite::Statement count(db, "SELECT count(*) FROM register_items WHERE group_id = ?");
    Bind(count, group_id);
    if (count.executeStep())
      out.reg.items.reserve(static_cast<std::size_t>(count.getColumn(0).getInt64()));
  }
  std::vector<std::size_t> without_words;
  EachRow(db, group_id,
          "SELECT r.id, r.status, r.merged_into, r.awaits_next, r.words, r.replay_position, "
          "CASE WHEN r.merged_into IS NOT NULL THEN "
          "(SELECT m.replay_position FROM register_items m WHERE m.id = r.merged_into) END "
          "FROM register_items r WHERE r.group_id = ? ORDER BY r.replay_position",
          [&](SQLite::Statement& row) {
            const std::size_t at = out.reg.items.size();
            if (row.getColumn(5).getInt64() != static_cast<std::int64_t>(at))
              throw CorruptRow("corrupt database: register items out of their places");
            RegisterItem& item = out.reg.items.emplace_back();
            item.id = row.getColumn(0).getInt64();
            item.state.status = EnumAt(row.getColumn(1), ParseActionStatus);
            if (!row.getColumn(2).isNull()) {
              if (row.getColumn(6).isNull())
                throw CorruptRow("corrupt database: a register row names no item");
              item.merged_into_id = row.getColumn(2).getInt64();
              item.merged_into = static_cast<std::size_t>(row.getColumn(6).getInt64());
            }
            if (row.getColumn(3).getBytes() > 0) item.awaits_next = row.getColumn(3).getString();
            const SQLite::Column words = row.getColumn(4);
            if (words.isNull())
              without_words.push_back(at);
            else
              AddItemWordsBlob(out, at,
                               {static_cast<const char*>(words.getBlob()),
                                static_cast<std::size_t>(words.getBytes())});
          });
  for (const RegisterItem& item : out.reg.items)
    if (item.merged_into && *item.merged_into >= out.reg.items.size())
      throw CorruptRow("corrupt database: a register row names no item");
  if (!without_words.empty()) {
    SQLite::Statement texts(db, kMatchTextsOfItem);
    for (std::size_t at : without_words)
      AddItemWords(out, at, ItemWordsOfTexts(MatchTextsOf(texts, out.reg.items[at].id)));
  }
  out.reg.diagnostics = LoadNotices(db, group_id, meetings);
  return out;
}

// Reads a stored item whole when a partial replay needs it (RegisterItemLoader).
class SqliteItemLoader : public RegisterItemLoader {
 public:
  SqliteItemLoader(SQLite::Database& db, const std::vector<MeetingMentions>& meetings)
      : meetings_(meetings),
        item_(db,
              "SELECT origin_meeting_id, origin_position, text, due, status, source, raised_by, "
              "raised_by_kind, line, written_status, due_phrase, status_note "
              "FROM register_items WHERE id = ?"),
        owners_(db,
                "SELECT name, kind FROM register_item_owners WHERE item_id = ? ORDER BY position"),
        texts_(db, kMatchTextsOfItem),
        history_(db,
                 "SELECT meeting_id, date, event_id, change, words, who FROM register_history "
                 "WHERE item_id = ? ORDER BY position"),
        mention_(db, "SELECT item_id FROM action_mentions WHERE meeting_id = ? AND position = ?") {
    for (const MeetingMentions& m : meetings_) by_id_[m.meeting_id] = &m;
  }

  RegisterItem Load(std::int64_t id) override {
    RegisterItem item;
    item.id = id;
    Bind(item_, id);
    if (!item_.executeStep()) throw CorruptRow("corrupt database: a register row names no item");
    const MeetingMentions& origin = Meeting(item_.getColumn(0).getInt64());
    item.origin = origin.key;
    item.origin_date = origin.date;
    item.mentions.push_back({origin.meeting_id, item_.getColumn(1).getInt()});
    item.state = ActionItemAt(item_, 2);
    item.status_note = TextOrNull(item_.getColumn(11));
    Bind(owners_, id);
    while (owners_.executeStep()) item.state.owners.push_back(OwnerAt(owners_, 0, 1));
    item.match_texts = MatchTextsOf(texts_, id);
    Bind(history_, id);
    while (history_.executeStep()) {
      ActionChange c;
      if (!history_.getColumn(0).isNull())
        c.meeting = Meeting(history_.getColumn(0).getInt64()).key;
      c.date = DateAt(history_.getColumn(1));
      if (!history_.getColumn(2).isNull()) c.event_id = history_.getColumn(2).getInt64();
      c.change = history_.getColumn(3).getString();
      c.words = history_.getColumn(4).getString();
      c.who = history_.getColumn(5).getString();
      item.history.push_back(std::move(c));
    }
    return item;
  }

  std::optional<std::int64_t> ItemOf(const MentionRef& ref) override {
    Bind(mention_, ref.meeting_id, ref.position);
    if (!mention_.executeStep() || mention_.getColumn(0).isNull()) return std::nullopt;
    return mention_.getColumn(0).getInt64();
  }

 private:
  const MeetingMentions& Meeting(std::int64_t id) const {
    auto it = by_id_.find(id);
    if (it == by_id_.end()) throw CorruptRow("corrupt database: a register row names no meeting");
    return *it->second;
  }

  const std::vector<MeetingMentions>& meetings_;
  std::unordered_map<std::int64_t, const MeetingMentions*> by_id_;
  SQLite::Statement item_, owners_, texts_, history_, mention_;
};

// The group's register inputs as stored, and the mentions of the meetings
// the change created that are not written yet (InputChange::
// unwritten_mentions) as the batch has them: what the store will hold.
class StoredRegisterSource : public RegisterSource {
 public:
  StoredRegisterSource(SQLite::Database& db, Id group_id, const InputChange& change)
      : db_(db), group_id_(group_id), unwritten_(change.unwritten_mentions) {}
  std::vector<MeetingMentions> Meetings() override {
    meetings_ = LoadMeetingKeys(db_, group_id_);
    return meetings_;
  }
  PartialRegister StoredPartial() override {
    return LoadPartialRegister(db_, group_id_, meetings_);
  }
  RegisterItemLoader& Loader() override {
    if (!loader_) loader_ = std::make_unique<SqliteItemLoader>(db_, meetings_);
    return *loader_;
  }
  std::optional<KeptOwners> Kept() override {
    SQLite::Statement row(db_, "SELECT owner_names, owner_counts FROM groups WHERE id = ?");
    Bind(row, group_id_);
    if (!row.executeStep() || row.getColumn(0).isNull() || row.getColumn(1).isNull())
      return std::nullopt;
    return KeptOwners{KeptOwnerNames(row.getColumn(0).getString()),
                      KeptOwnerCounts(row.getColumn(1).getString())};
  }
  std::vector<OwnerShare> SharesOf(const std::vector<std::int64_t>& ids) override {
    std::vector<OwnerShare> shares;
    if (ids.empty()) return shares;
    SQLite::Statement rows(
        db_,
        "SELECT r.id, r.status, r.merged_into IS NOT NULL, o.name, o.kind FROM register_items r "
        "LEFT JOIN register_item_owners o ON o.item_id = r.id "
        "WHERE r.id IN (SELECT value FROM json_each(?)) ORDER BY r.id, o.position");
    Bind(rows, nlohmann::json(ids).dump());
    Id last = 0;
    while (rows.executeStep()) {
      if (Id id = rows.getColumn(0).getInt64(); shares.empty() || id != last) {
        shares.push_back(
            {rows.getColumn(2).getInt() != 0, EnumAt(rows.getColumn(1), ParseActionStatus), {}});
        last = id;
      }
      if (!rows.getColumn(3).isNull()) shares.back().owners.push_back(OwnerAt(rows, 3, 4));
    }
    return shares;
  }
  bool OwnedElsewhere(const Owner& owner, const std::vector<std::int64_t>& except) override {
    SQLite::Statement row(
        db_,
        "SELECT 1 FROM register_item_owners o JOIN register_items r ON r.id = o.item_id "
        "WHERE o.name = ? AND o.kind = ? AND r.group_id = ? AND r.merged_into IS NULL "
        "AND r.id NOT IN (SELECT value FROM json_each(?)) LIMIT 1");
    Bind(row, owner.name, OwnerKindName(owner.kind), group_id_, nlohmann::json(except).dump());
    return row.executeStep();
  }
  std::vector<RegisterEvent> Events() override { return LoadEvents(db_, group_id_); }
  StoredRegisterRows StoredRows() override { return LoadStoredRows(db_, group_id_); }
  GroupMentions Mentions(const std::set<std::int64_t>* only) override {
    if (unwritten_.empty()) return LoadGroupMentions(db_, group_id_, only);
    if (meetings_.empty()) Meetings();
    std::set<std::int64_t> stored;  // of `only`, those written
    if (only)
      for (std::int64_t id : *only)
        if (!unwritten_.count(id)) stored.insert(id);
    GroupMentions out;
    if (!only || !stored.empty()) out = LoadGroupMentions(db_, group_id_, only ? &stored : nullptr);
    for (const MeetingMentions& m : meetings_) {
      auto it = unwritten_.find(m.meeting_id);
      if (it == unwritten_.end() || it->second->empty()) continue;  // no row, as stored
      if (only && !only->count(m.meeting_id)) continue;
      out.meetings.push_back(m);
      out.meetings.back().mentions = *it->second;
    }
    std::sort(out.meetings.begin(), out.meetings.end(),
              [](const auto& a, const auto& b) { return a.meeting_id < b.meeting_id; });
    return out;
  }
  std::int64_t NextItemId() override { return sqlite::NextItemId(db_); }
  std::optional<std::int64_t> Token() override {
    SQLite::Statement query(db_, "SELECT register_token FROM groups WHERE id = ?");
    Bind(query, group_id_);
    if (!query.executeStep() || query.getColumn(0).isNull()) return std::nullopt;
    return query.getColumn(0).getInt64();
  }

 private:
  SQLite::Database& db_;
  Id group_id_;
  const std::map<std::int64_t, const std::vector<ActionItem>*>& unwritten_;
  std::vector<MeetingMentions> meetings_;  // as Meetings() read them
  std::unique_ptr<SqliteItemLoader> loader_;
};

std::optional<std::string> OwnerName(const std::optional<Owner>& o) {
  return o ? std::optional<std::string>(o->name) : std::nullopt;
}
std::optional<std::string> OwnerKindText(const std::optional<Owner>& o) {
  return o ? std::optional<std::string>(std::string(OwnerKindName(o->kind))) : std::nullopt;
}
std::optional<std::string> IdOrNull(std::int64_t id) {
  return id ? std::optional<std::string>(std::to_string(id)) : std::nullopt;
}

// The statements a rebuild writes with, prepared once for all its items.
// The mentions of `unwritten` meetings are not stored yet: they are left to
// WriteMentions.
class RegisterWriter {
 public:
  RegisterWriter(SQLite::Database& db, const MeetingIds& meetings,
                 const std::map<std::int64_t, const std::vector<ActionItem>*>& unwritten)
      : meetings_(meetings),
        unwritten_(unwritten),
        item_(db,
              "INSERT INTO register_items (id, group_id, replay_position, origin_meeting_id, "
              "origin_position, text, due, status, source, raised_by, raised_by_kind, line, "
              "status_note, merged_into, written_status, due_phrase, awaits_next, words) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS INTEGER), ?, ?, ?, ?)"),
        owner_(db,
               "INSERT INTO register_item_owners (item_id, position, name, kind) "
               "VALUES (?, ?, ?, ?)"),
        history_(db,
                 "INSERT INTO register_history (item_id, position, date, meeting_id, event_id, "
                 "change, words, who) VALUES (?, ?, ?, CAST(? AS INTEGER), CAST(? AS INTEGER), "
                 "?, ?, ?)"),
        match_text_(db,
                    "INSERT INTO register_match_texts (item_id, position, text) VALUES (?, ?, ?)"),
        mention_(db,
                 "UPDATE action_mentions SET item_id = ? WHERE meeting_id = ? AND position = ?") {}

  void Write(Id group_id, std::size_t position, const RegisterReplay& replay) {
    const RegisterItem& item = replay.Current().items[position];
    const ActionItem& s = item.state;
    Run(item_, item.id, group_id, position, item.mentions.front().meeting_id,
        item.mentions.front().position, s.text, IsoDateOrNull(s.due),
        std::string(ActionStatusName(s.status)), std::string(ActionSourceName(s.source)),
        OwnerName(s.raised_by), OwnerKindText(s.raised_by), s.line, item.status_note,
        IdOrNull(item.merged_into_id), s.written_status, s.due_phrase, item.awaits_next,
        BlobValue{WordsBlob(ItemWords(replay, position))});
    for (std::size_t i = 0; i < item.match_texts.size(); ++i)
      Run(match_text_, item.id, i, item.match_texts[i]);
    for (std::size_t i = 0; i < s.owners.size(); ++i)
      Run(owner_, item.id, i, s.owners[i].name, std::string(OwnerKindName(s.owners[i].kind)));
    for (std::size_t i = 0; i < item.history.size(); ++i) {
      const ActionChange& h = item.history[i];
      Run(history_, item.id, i, FormatIsoDate(h.date), MeetingIdOf(h.meeting),
          h.event_id ? std::optional<std::string>(std::to_string(*h.event_id)) : std::nullopt,
          h.change, h.words, h.who);
    }
    for (const MentionRef& ref : item.mentions)
      if (!unwritten_.count(ref.meeting_id)) Run(mention_, item.id, ref.meeting_id, ref.position);
  }

  std::optional<std::string> MeetingIdOf(const std::optional<MeetingKey>& key) const {
    std::optional<std::int64_t> id = plenary::MeetingIdOf(meetings_, key);
    return id ? std::optional<std::string>(std::to_string(*id)) : std::nullopt;
  }

 private:
  const MeetingIds& meetings_;
  const std::map<std::int64_t, const std::vector<ActionItem>*>& unwritten_;
  SQLite::Statement item_, owner_, history_, match_text_, mention_;
};

// Writes the mentions of the meetings the change created, each with the id
// of the item the replay took it to (`written`: the items the update wrote,
// which hold every mention it applied).
void WriteMentions(SQLite::Database& db, const InputChange& change, const Register& reg,
                   const std::vector<std::size_t>& written) {
  if (change.unwritten_mentions.empty()) return;
  std::map<std::int64_t, std::vector<std::optional<Id>>> items;  // by meeting, by position
  for (const auto& [meeting_id, mentions] : change.unwritten_mentions)
    items[meeting_id].resize(mentions->size());
  for (std::size_t i : written)
    for (const MentionRef& ref : reg.items[i].mentions)
      if (auto it = items.find(ref.meeting_id);
          it != items.end() && static_cast<std::size_t>(ref.position) < it->second.size())
        it->second[static_cast<std::size_t>(ref.position)] = reg.items[i].id;
  MentionWriter writer(db);
  for (const auto& [meeting_id, mentions] : change.unwritten_mentions)
    for (std::size_t i = 0; i < mentions->size(); ++i)
      writer.Insert(meeting_id, i, (*mentions)[i], items[meeting_id][i]);
}

// The notices from position `from` on.
void WriteNotices(SQLite::Database& db, Id group_id, const Register& reg,
                  const MeetingIds& meetings, std::size_t from) {
  Run(db, "DELETE FROM register_notices WHERE group_id = ? AND position >= ?", group_id, from);
  SQLite::Statement insert(db,
                           "INSERT INTO register_notices (group_id, position, meeting_id, line, "
                           "message) VALUES (?, ?, CAST(? AS INTEGER), ?, ?)");
  for (std::size_t i = from; i < reg.diagnostics.size(); ++i) {
    const RegisterDiagnostic& d = reg.diagnostics[i];
    std::optional<std::int64_t> meeting = MeetingIdOf(meetings, d.meeting);
    Run(insert, group_id, i,
        meeting ? std::optional<std::string>(std::to_string(*meeting)) : std::nullopt, d.line,
        d.message);
  }
}

std::int64_t NextItemId(SQLite::Database& db) {
  SQLite::Statement query(db, "SELECT next_item_id FROM register_counter WHERE id = 1");
  if (!query.executeStep()) throw CorruptRow("corrupt database: no register_counter");
  return query.getColumn(0).getInt64();
}

}  // namespace

void UpdateRegister(SQLite::Database& db, Id group_id, const InputChange& change,
                    RegisterCache& cache) {
  StoredRegisterSource source(db, group_id, change);
  RegisterUpdate update = PlanRegisterUpdate(source, group_id, change, cache);
  const Register& reg = *update.reg;
  std::vector<std::int64_t> touched = update.diff.deleted;
  SQLite::Statement erase(db, "DELETE FROM register_items WHERE id = ?");
  for (std::int64_t id : update.diff.deleted) Run(erase, id);
  RegisterWriter writer(db, update.meeting_ids, change.unwritten_mentions);
  for (std::size_t i : update.diff.written) {
    writer.Write(group_id, i, *update.replay);
    touched.push_back(reg.items[i].id);
  }
  WriteMentions(db, change, reg, update.diff.written);
  WriteNotices(db, group_id, reg, update.meeting_ids, update.diff.notices_from);
  Run(db, "UPDATE register_counter SET next_item_id = ? WHERE id = 1", update.next_id);
  Run(db,
      "UPDATE groups SET register_token = ?, owner_names = ?, owner_counts = ?, open_items = ? "
      "WHERE id = ?",
      update.token, EventOwnersJson(update.owner_names), OwnerCountsJson(update.owner_counts),
      update.open_items, group_id);
  WriteKeptPeople(db, group_id, update.owner_names, update.owner_counts);
  IndexGroupActions(db, group_id, touched);
}

void WriteKeptPeople(SQLite::Database& db, Id group_id, const std::vector<Owner>& candidates,
                     const OwnerCounts& counts) {
  Run(db, "DELETE FROM person_owner_names WHERE group_id = ?", group_id);
  std::optional<Roster> roster = RosterOf(db, group_id);
  if (!roster) return;
  SQLite::Statement insert(
      db,
      "INSERT OR IGNORE INTO person_owner_names (person, group_id, names, "
      "open_items, complete_items, cancelled_items) VALUES (?, ?, ?, ?, ?, ?)");
  for (const auto& [person, kept] : KeptPeople(*roster, candidates, counts))
    Run(insert, person, group_id, KeptNamesJson(kept.names), kept.items[0], kept.items[1],
        kept.items[2]);
}

void RewriteKeptPeople(SQLite::Database& db, Id group_id) {
  SQLite::Statement row(db, "SELECT owner_names, owner_counts FROM groups WHERE id = ?");
  Bind(row, group_id);
  if (row.executeStep() && !row.getColumn(0).isNull() && !row.getColumn(1).isNull()) {
    const std::vector<Owner> names = KeptOwnerNames(row.getColumn(0).getString());
    const OwnerCounts counts = KeptOwnerCounts(row.getColumn(1).getString());
    row.reset();
    WriteKeptPeople(db, group_id, names, counts);
  } else {
    row.reset();
    Run(db, "DELETE FROM person_owner_names WHERE group_id = ?", group_id);
  }
}

void FillKeptPeople(SQLite::Database& db) {
  std::vector<Id> ids;
  SQLite::Statement groups(db, "SELECT id FROM groups ORDER BY id");
  while (groups.executeStep()) ids.push_back(groups.getColumn(0).getInt64());
  for (Id id : ids) RewriteKeptPeople(db, id);
}

void RebuildRegister(SQLite::Database& db, Id group_id, RegisterCache& cache) {
  UpdateRegister(db, group_id, InputChange{{}, std::nullopt, true}, cache);
}

void FillItemWords(SQLite::Database& db) {
  std::vector<Id> ids;
  SQLite::Statement without(db, "SELECT id FROM register_items WHERE words IS NULL ORDER BY id");
  while (without.executeStep()) ids.push_back(without.getColumn(0).getInt64());
  SQLite::Statement texts(db, kMatchTextsOfItem);
  SQLite::Statement update(db, "UPDATE register_items SET words = ? WHERE id = ?");
  for (Id id : ids)
    Run(update, BlobValue{WordsBlob(ItemWordsOfTexts(MatchTextsOf(texts, id)))}, id);
}

bool RebuildStaleRegisters(SQLite::Database& db) {
  SQLite::Statement stale(db, std::string(kStaleRegisterGroupsSql));
  std::vector<Id> groups;
  while (stale.executeStep()) groups.push_back(stale.getColumn(0).getInt64());
  RegisterCache cache;
  for (Id group : groups) RebuildRegister(db, group, cache);
  return !groups.empty();
}

namespace {

constexpr std::string_view kItemColumns =
    "SELECT r.id, r.text, r.due, r.status, r.source, r.raised_by, r.raised_by_kind, r.line, "
    "r.written_status, r.due_phrase, g.short_name, m.kind, m.number, m.date, r.status_note, "
    "r.merged_into, o.name, o.kind "
    "FROM register_items r JOIN meetings m ON m.id = r.origin_meeting_id "
    "JOIN groups g ON g.id = r.group_id "
    "LEFT JOIN register_item_owners o ON o.item_id = r.id ";

std::vector<RegisteredAction> ReadItems(SQLite::Statement& rows) {
  std::vector<RegisteredAction> items;
  while (rows.executeStep()) {
    std::int64_t id = rows.getColumn(0).getInt64();
    if (items.empty() || items.back().id != id) {
      RegisteredAction a;
      a.id = id;
      a.item = ActionItemAt(rows, 1);
      a.meeting = {rows.getColumn(10).getString(), rows.getColumn(11).getString(),
                   rows.getColumn(12).getInt()};
      a.meeting_date = DateAt(rows.getColumn(13));
      a.status_note = TextOrNull(rows.getColumn(14));
      a.merged_into = rows.getColumn(15).isNull() ? 0 : rows.getColumn(15).getInt64();
      items.push_back(std::move(a));
    }
    if (!rows.getColumn(16).isNull()) items.back().item.owners.push_back(OwnerAt(rows, 16, 17));
  }
  return items;
}

// One item's history; LoadHistory reads it.
const std::string& HistorySql() {
  static const std::string sql = std::string(kHistoryColumns) + "FROM register_history h " +
                                 std::string(kHistoryNames) +
                                 "WHERE h.item_id = ? ORDER BY h.position";
  return sql;
}

ActionChange HistoryAt(SQLite::Statement& rows) {
  ActionChange c;
  c.date = DateAt(rows.getColumn(1));
  if (!rows.getColumn(2).isNull())
    c.meeting = MeetingKey{rows.getColumn(2).getString(), rows.getColumn(3).getString(),
                           rows.getColumn(4).getInt()};
  if (!rows.getColumn(5).isNull()) c.event_id = rows.getColumn(5).getInt64();
  c.change = rows.getColumn(6).getString();
  c.words = rows.getColumn(7).getString();
  c.who = rows.getColumn(8).getString();
  return c;
}

std::vector<ActionChange> LoadHistory(SQLite::Statement& rows, std::int64_t id) {
  Bind(rows, id);
  std::vector<ActionChange> history;
  while (rows.executeStep()) history.push_back(HistoryAt(rows));
  return history;
}

}  // namespace

std::vector<RegisteredAction> LoadRegisterItems(SQLite::Database& db, const ActionQuery& query) {
  std::string where = "WHERE r.merged_into IS NULL";
  if (query.overdue_as_of)
    where += " AND r.status = 'open' AND r.due < ?";
  else if (query.open_only)
    where += " AND r.status = 'open'";
  if (query.group) where += " AND g.short_name = ?";  // the column's collation is NOCASE
  auto bind = [&](SQLite::Statement& st) {
    int parameter = 1;
    if (query.overdue_as_of) st.bind(parameter++, FormatIsoDate(*query.overdue_as_of));
    if (query.group) st.bind(parameter++, *query.group);
  };
  SQLite::Statement rows(db, std::string(kItemColumns) + where +
                                 " ORDER BY m.date, r.group_id, r.replay_position, o.position");
  bind(rows);
  std::vector<RegisteredAction> items = ReadItems(rows);
  if (!query.with_history) return items;
  // The histories of the same items, in one statement.
  std::unordered_map<std::int64_t, std::size_t> at;
  for (std::size_t i = 0; i < items.size(); ++i) at.emplace(items[i].id, i);
  SQLite::Statement history(db, std::string(kHistoryColumns) +
                                    "FROM register_items r JOIN groups g ON g.id = r.group_id "
                                    "JOIN register_history h ON h.item_id = r.id " +
                                    std::string(kHistoryNames) + where +
                                    " ORDER BY h.item_id, h.position");
  bind(history);
  while (history.executeStep()) {
    auto found = at.find(history.getColumn(0).getInt64());
    if (found != at.end()) items[found->second].history.push_back(HistoryAt(history));
  }
  return items;
}

std::optional<RegisteredAction> LoadRegisterItem(SQLite::Database& db, std::int64_t id,
                                                 StatementCache* statements) {
  const std::string item_sql = std::string(kItemColumns) + "WHERE r.id = ? ORDER BY o.position";
  std::vector<RegisteredAction> items;
  if (statements) {
    LentStatement rows = statements->Lend(db, item_sql);
    Bind(*rows, id);
    items = ReadItems(*rows);
  } else {
    SQLite::Statement rows(db, item_sql);
    Bind(rows, id);
    items = ReadItems(rows);
  }
  if (items.empty()) return std::nullopt;
  if (statements) {
    LentStatement rows = statements->Lend(db, HistorySql());
    items.front().history = LoadHistory(*rows, id);
  } else {
    SQLite::Statement rows(db, HistorySql());
    items.front().history = LoadHistory(rows, id);
  }
  return std::move(items.front());
}

std::optional<ItemAnchor> FindItemAnchor(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement row(db,
                        "SELECT group_id, origin_meeting_id, origin_position, merged_into "
                        "FROM register_items WHERE id = ?");
  Bind(row, id);
  if (!row.executeStep()) return std::nullopt;
  return ItemAnchor{row.getColumn(0).getInt64(), row.getColumn(1).getInt64(),
                    row.getColumn(2).getInt(),
                    row.getColumn(3).isNull() ? 0 : row.getColumn(3).getInt64()};
}

void RecordEvent(SQLite::Database& db, const ItemAnchor& item, const ItemAnchor* other,
                 const ActionEdit& edit, RegisterCache& cache) {
  std::optional<std::string> owners;
  if (edit.owners) owners = EventOwnersJson(*edit.owners);
  SQLite::Statement insert(
      db,
      "INSERT INTO register_events (group_id, kind, item_meeting_id, item_position, "
      "other_meeting_id, other_position, status, due_set, due, owners, note, who, at, effective) "
      "VALUES (?, ?, ?, ?, CAST(? AS INTEGER), CAST(? AS INTEGER), ?, ?, ?, ?, ?, ?, "
      "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)");
  Run(insert, item.group_id, std::string(other ? "merge" : "set"), item.meeting_id, item.position,
      other ? std::optional<std::string>(std::to_string(other->meeting_id)) : std::nullopt,
      other ? std::optional<std::string>(std::to_string(other->position)) : std::nullopt,
      edit.status ? std::optional<std::string>(std::string(ActionStatusName(*edit.status)))
                  : std::nullopt,
      edit.due ? 1 : 0, edit.due ? IsoDateOrNull(*edit.due) : std::nullopt, owners, edit.note,
      edit.who, FormatIsoDate(edit.effective));
  UpdateRegister(db, item.group_id, InputChange{{}, db.getLastInsertRowid(), false}, cache);
}

bool DeleteMergeEvent(SQLite::Database& db, const ItemAnchor& from, RegisterCache& cache) {
  SQLite::Statement erase(db,
                          "DELETE FROM register_events WHERE kind = 'merge' AND group_id = ? "
                          "AND other_meeting_id = ? AND other_position = ? RETURNING effective");
  Bind(erase, from.group_id, from.meeting_id, from.position);
  InputChange change;
  while (erase.executeStep()) {
    std::optional<Date> effective = ParseIsoDate(erase.getColumn(0).getString());
    if (!effective) throw CorruptRow("corrupt database: a register event's date is not a date");
    change.ReplayFrom(*effective);
  }
  if (!change.replay) return false;
  UpdateRegister(db, from.group_id, change, cache);
  return true;
}

std::vector<DuplicatePair> FindRegisterDuplicates(SQLite::Database& db) {
  return DuplicatesAmong(LoadRegisterItems(db, ActionQuery{true, std::nullopt, std::nullopt}));
}

std::vector<RegisteredAction> ReadRegisterItems(SQLite::Statement& rows) { return ReadItems(rows); }

std::vector<RegisterNotice> LoadRegisterNotices(SQLite::Database& db) {
  SQLite::Statement rows(db,
                         "SELECT g.short_name, m.kind, m.number, n.line, n.message "
                         "FROM register_notices n JOIN groups g ON g.id = n.group_id "
                         "LEFT JOIN meetings m ON m.id = n.meeting_id "
                         "ORDER BY g.short_name, n.position");
  std::vector<RegisterNotice> notices;
  while (rows.executeStep()) {
    RegisterNotice n;
    n.group = rows.getColumn(0).getString();
    if (!rows.getColumn(1).isNull())
      n.meeting = MeetingKey{n.group, rows.getColumn(1).getString(), rows.getColumn(2).getInt()};
    n.line = rows.getColumn(3).getInt();
    n.message = rows.getColumn(4).getString();
    notices.push_back(std::move(n));
  }
  return notices;
}

}  // namespace plenary::sqlite
