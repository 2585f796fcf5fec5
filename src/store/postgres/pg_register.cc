#include "store/postgres/pg_register.h"

#include <fmt/format.h>

#include <charconv>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/date.h"
#include "core/register.h"
#include "store/list_queries.h"
#include "store/owned_items.h"
#include "store/postgres/pg_queries.h"
#include "store/postgres/pg_search.h"

namespace plenary::pg {
namespace {

Owner OwnerAt(const pqxx::row& row, pqxx::row::size_type name) {
  return {row[name].c_str(), EnumAt(row[name + 1], ParseOwnerKind)};
}

// The mentions of the group's meetings, or of those `only` names.
GroupMentions LoadGroupMentions(pqxx::transaction_base& tx, Id group_id,
                                const std::set<std::int64_t>* only) {
  GroupMentions out;
  Id last_row = 0;
  std::optional<std::string> listed;
  if (only) listed = IdArray({only->begin(), only->end()});
  for (const pqxx::row& row : tx.exec_params(
           "SELECT m.id, g.short_name, m.kind, m.number, m.date, a.position, a.text, a.due, "
           "a.status, a.source, a.raised_by, a.raised_by_kind, a.line, a.written_status, "
           "a.due_phrase, a.item_id, o.name, o.kind, a.id "
           // Meeting by meeting and mention by mention through the keys
           // (`OFFSET 0`: ItemRowsOfGroup says why): 0.23 -> 0.10 s for a
           // group of 1,000 meetings among 50.
           "FROM meetings m JOIN groups g ON g.id = m.group_id CROSS JOIN LATERAL "
           "(SELECT * FROM action_mentions a WHERE a.meeting_id = m.id OFFSET 0) a "
           "LEFT JOIN LATERAL "
           "(SELECT * FROM action_mention_owners o WHERE o.action_id = a.id OFFSET 0) o ON true "
           "WHERE m.group_id = $1 AND ($2::bigint[] IS NULL OR m.id = ANY($2::bigint[])) "
           "ORDER BY m.id, a.position, o.position",
           group_id, listed)) {
    Id meeting_id = row[0].as<Id>();
    if (out.meetings.empty() || out.meetings.back().meeting_id != meeting_id)
      out.meetings.push_back(
          {meeting_id, {row[1].c_str(), row[2].c_str(), row[3].as<int>()}, DateAt(row[4]), {}});
    auto& mentions = out.meetings.back().mentions;
    if (Id row_id = row[18].as<Id>(); row_id != last_row) {
      mentions.push_back(ActionItemAt(row, 6));
      last_row = row_id;
      if (!row[15].is_null()) out.previous[{meeting_id, row[5].as<int>()}] = row[15].as<Id>();
    }
    if (!row[16].is_null()) mentions.back().owners.push_back(OwnerAt(row, 16));
  }
  return out;
}

RegisterEvent EventAt(const pqxx::row& row) {
  RegisterEvent e;
  e.id = row[0].as<Id>();
  e.kind = std::string_view(row[1].c_str()) == "merge" ? RegisterEventKind::kMerge
                                                       : RegisterEventKind::kSet;
  e.item = {row[2].as<Id>(), row[3].as<int>()};
  if (!row[4].is_null()) e.other = MentionRef{row[4].as<Id>(), row[5].as<int>()};
  if (!row[6].is_null()) e.status = EnumAt(row[6], ParseActionStatus);
  if (row[7].as<bool>()) e.due = OptionalDateAt(row[8]);
  if (!row[9].is_null()) {
    e.owners = ParseEventOwners(row[9].c_str());
    if (!e.owners) Corrupt(row[9]);
  }
  e.note = row[10].c_str();
  e.who = row[11].c_str();
  e.at = row[12].c_str();
  e.effective = DateAt(row[13]);
  return e;
}

std::vector<RegisterEvent> LoadEvents(pqxx::transaction_base& tx, Id group_id) {
  std::vector<RegisterEvent> events;
  for (const pqxx::row& row : tx.exec_params(
           "SELECT id, kind, item_meeting_id, item_position, other_meeting_id, other_position, "
           "status, due_set, due, owners, note, who, "
           "to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), effective "
           "FROM register_events WHERE group_id = $1 ORDER BY id",
           group_id))
    events.push_back(EventAt(row));
  return events;
}

std::vector<MeetingMentions> LoadMeetingKeys(pqxx::transaction_base& tx, Id group_id) {
  std::vector<MeetingMentions> meetings;
  for (const pqxx::row& row :
       tx.exec_params("SELECT m.id, g.short_name, m.kind, m.number, m.date FROM meetings m "
                      "JOIN groups g ON g.id = m.group_id WHERE m.group_id = $1 ORDER BY m.id",
                      group_id))
    meetings.push_back(
        {row[0].as<Id>(), {row[1].c_str(), row[2].c_str(), row[3].as<int>()}, DateAt(row[4]), {}});
  return meetings;
}

// The rows of a group's items in `table` (keyed by item_id), read item by
// item through the table's key: `OFFSET 0` keeps PostgreSQL from turning
// this into a join, which it plans as a parallel scan of the whole table
// hashed against the group's items (the installation's rows, where the
// group's are wanted: 0.1-0.3 s a table at 50 groups x 20,000 items, against
// 24-90 ms item by item; one group alone reads 30-60 ms slower this way).
std::string ItemRowsOfGroup(std::string_view columns, std::string_view table,
                            std::string_view order) {
  return fmt::format(
      "SELECT {} FROM register_items r CROSS JOIN LATERAL "
      "(SELECT * FROM {} x WHERE x.item_id = r.id OFFSET 0) x WHERE r.group_id = $1 "
      "ORDER BY {}",
      columns, table, order);
}

// The group's register_notices rows, in order.
std::vector<StoredRegisterRows::Notice> LoadNoticeRows(pqxx::transaction_base& tx, Id group_id) {
  std::vector<StoredRegisterRows::Notice> notices;
  for (const pqxx::row& row :
       tx.exec_params("SELECT meeting_id, line, message FROM register_notices WHERE group_id = $1 "
                      "ORDER BY position",
                      group_id))
    notices.push_back({IdOrNull(row[0]), row[1].as<int>(), row[2].c_str()});
  return notices;
}

StoredRegisterRows LoadStoredRows(pqxx::transaction_base& tx, Id group_id) {
  StoredRegisterRows out;
  for (const pqxx::row& row : tx.exec_params(
           "SELECT id, origin_meeting_id, text, due, status, source, raised_by, raised_by_kind, "
           "line, written_status, due_phrase, status_note, merged_into, awaits_next "
           "FROM register_items WHERE group_id = $1 ORDER BY replay_position",
           group_id))
    out.items.push_back({row[0].as<Id>(), row[1].as<Id>(), ActionItemAt(row, 2),
                         TextOrNull(row[11]), IdOrNull(row[12]).value_or(0), row[13].c_str()});
  for (const pqxx::row& row :
       tx.exec_params(ItemRowsOfGroup("x.item_id, x.name, x.kind", "register_item_owners",
                                      "x.item_id, x.position"),
                      group_id))
    out.owners.push_back({row[0].as<Id>(), OwnerAt(row, 1)});
  for (const pqxx::row& row : tx.exec_params(
           ItemRowsOfGroup("x.item_id, x.text", "register_match_texts", "x.item_id, x.position"),
           group_id))
    out.match_texts.push_back({row[0].as<Id>(), row[1].c_str()});
  for (const pqxx::row& row :
       tx.exec_params(ItemRowsOfGroup("x.item_id, x.meeting_id, x.date, x.event_id, x.change, "
                                      "x.words, x.who",
                                      "register_history", "x.item_id, x.position"),
                      group_id)) {
    StoredRegisterRows::Change c{row[0].as<Id>(), IdOrNull(row[1]), {}};
    c.change.date = DateAt(row[2]);
    c.change.event_id = IdOrNull(row[3]);
    c.change.change = row[4].c_str();
    c.change.words = row[5].c_str();
    c.change.who = row[6].c_str();
    out.history.push_back(std::move(c));
  }
  // Meeting by meeting, for the same reason (0.3 s -> 24 ms at 50 groups).
  for (const pqxx::row& row : tx.exec_params(
           "SELECT a.item_id, a.meeting_id, a.position FROM meetings m CROSS JOIN LATERAL "
           "(SELECT * FROM action_mentions a WHERE a.meeting_id = m.id OFFSET 0) a "
           "WHERE m.group_id = $1 AND a.item_id IS NOT NULL",
           group_id))
    out.mentions.push_back({row[0].as<Id>(), {row[1].as<Id>(), row[2].as<int>()}});
  out.notices = LoadNoticeRows(tx, group_id);
  return out;
}

// The notices of the group, in order, their meetings' keys from `meetings`.
std::vector<RegisterDiagnostic> LoadNotices(pqxx::transaction_base& tx, Id group_id,
                                            const std::vector<MeetingMentions>& meetings) {
  StoredRegisterRows rows;
  rows.notices = LoadNoticeRows(tx, group_id);
  return AssembleStoredRegister(std::move(rows), meetings).diagnostics;
}

constexpr const char* kMatchTextsOfItems =
    "SELECT item_id, text FROM register_match_texts WHERE item_id = ANY($1::bigint[]) "
    "ORDER BY item_id, position";

// The match texts of the items `ids`, by item, in order.
std::map<Id, std::vector<std::string>> MatchTextsOf(pqxx::transaction_base& tx,
                                                    const std::vector<Id>& ids) {
  std::map<Id, std::vector<std::string>> texts;
  for (const pqxx::row& row : tx.exec_params(kMatchTextsOfItems, IdArray(ids)))
    texts[row[0].as<Id>()].push_back(row[1].c_str());
  return texts;
}

// What extending the group's register needs of it (PartialRegister; the
// SQLite store's LoadPartialRegister says more).
PartialRegister LoadPartialRegister(pqxx::transaction_base& tx, Id group_id,
                                    const std::vector<MeetingMentions>& meetings) {
  PartialRegister out;
  pqxx::result items = tx.exec_params(
      "SELECT r.id, r.status, r.merged_into, r.awaits_next, r.words, r.replay_position, "
      "CASE WHEN r.merged_into IS NOT NULL THEN "
      "(SELECT m.replay_position FROM register_items m WHERE m.id = r.merged_into) END "
      "FROM register_items r WHERE r.group_id = $1 ORDER BY r.replay_position",
      group_id);
  out.reg.items.reserve(items.size());
  std::vector<Id> without_words;
  for (const pqxx::row& row : items) {
    const std::size_t at = out.reg.items.size();
    if (row[5].as<std::int64_t>() != static_cast<std::int64_t>(at))
      throw CorruptRow("corrupt database: register items out of their places");
    RegisterItem& item = out.reg.items.emplace_back();
    item.id = row[0].as<Id>();
    item.state.status = EnumAt(row[1], ParseActionStatus);
    if (!row[2].is_null()) {
      if (row[6].is_null()) throw CorruptRow("corrupt database: a register row names no item");
      item.merged_into_id = row[2].as<Id>();
      item.merged_into = row[6].as<std::size_t>();
    }
    if (row[3].size() > 0) item.awaits_next = row[3].c_str();
    if (row[4].is_null()) {
      without_words.push_back(item.id);
      continue;
    }
    AddItemWordsBlob(out, at, tx.unesc_raw(row[4].c_str()));
  }
  for (const RegisterItem& item : out.reg.items)
    if (item.merged_into && *item.merged_into >= out.reg.items.size())
      throw CorruptRow("corrupt database: a register row names no item");
  if (!without_words.empty()) {
    std::map<Id, std::vector<std::string>> texts = MatchTextsOf(tx, without_words);
    for (std::size_t at = 0; at < out.reg.items.size(); ++at)
      if (auto it = texts.find(out.reg.items[at].id); it != texts.end())
        AddItemWords(out, at, ItemWordsOfTexts(it->second));
  }
  out.reg.diagnostics = LoadNotices(tx, group_id, meetings);
  return out;
}

// Reads a stored item whole when a partial replay needs it
// (RegisterItemLoader), in one statement: a round trip costs more than its
// rows.
class PgItemLoader : public RegisterItemLoader {
 public:
  PgItemLoader(pqxx::transaction_base& tx, const std::vector<MeetingMentions>& meetings) : tx_(tx) {
    for (const MeetingMentions& m : meetings) by_id_[m.meeting_id] = &m;
  }

  RegisterItem Load(std::int64_t id) override { return std::move(LoadMany({id}).front()); }

  std::vector<RegisterItem> LoadMany(const std::vector<std::int64_t>& ids) override {
    std::unordered_map<std::int64_t, RegisterItem> read;
    for (const pqxx::row& row : tx_.exec_params(
             "SELECT r.id, r.origin_meeting_id, r.origin_position, r.text, r.due, r.status, "
             "r.source, r.raised_by, r.raised_by_kind, r.line, r.written_status, r.due_phrase, "
             "r.status_note, "
             "(SELECT json_agg(json_build_array(o.name, o.kind) ORDER BY o.position) "
             " FROM register_item_owners o WHERE o.item_id = r.id), "
             "(SELECT json_agg(t.text ORDER BY t.position) "
             " FROM register_match_texts t WHERE t.item_id = r.id), "
             "(SELECT json_agg(json_build_array(h.meeting_id, h.date, h.event_id, h.change, "
             " h.words, h.who) ORDER BY h.position) FROM register_history h "
             " WHERE h.item_id = r.id) "
             "FROM register_items r WHERE r.id = ANY($1::bigint[])",
             IdArray(ids)))
      read.emplace(row[0].as<Id>(), ItemAt(row));
    std::vector<RegisterItem> items;
    for (std::int64_t id : ids) {
      auto it = read.find(id);
      if (it == read.end()) throw CorruptRow("corrupt database: a register row names no item");
      items.push_back(std::move(it->second));
    }
    return items;
  }

  std::optional<std::int64_t> ItemOf(const MentionRef& ref) override {
    pqxx::result row = tx_.exec_params(
        "SELECT item_id FROM action_mentions WHERE meeting_id = $1 AND position = $2",
        ref.meeting_id, ref.position);
    if (row.empty()) return std::nullopt;
    return IdOrNull(row[0][0]);
  }

 private:
  // An item as LoadMany's statement gives it.
  RegisterItem ItemAt(const pqxx::row& row) const {
    RegisterItem item;
    item.id = row[0].as<Id>();
    const MeetingMentions& origin = Meeting(row[1].as<Id>());
    item.origin = origin.key;
    item.origin_date = origin.date;
    item.mentions.push_back({origin.meeting_id, row[2].as<int>()});
    item.state = ActionItemAt(row, 3);
    item.status_note = TextOrNull(row[12]);
    try {
      for (const nlohmann::json& o : Json(row[13])) {
        std::optional<OwnerKind> kind = ParseOwnerKind(o.at(1).get<std::string>());
        if (!kind) Corrupt(row[13]);
        item.state.owners.push_back({o.at(0).get<std::string>(), *kind});
      }
      for (const nlohmann::json& t : Json(row[14]))
        item.match_texts.push_back(t.get<std::string>());
      for (const nlohmann::json& h : Json(row[15])) {
        ActionChange c;
        if (!h.at(0).is_null()) c.meeting = Meeting(h.at(0).get<Id>()).key;
        std::optional<Date> date = ParseIsoDate(h.at(1).get<std::string>());
        if (!date) Corrupt(row[15]);
        c.date = *date;
        if (!h.at(2).is_null()) c.event_id = h.at(2).get<Id>();
        c.change = h.at(3).get<std::string>();
        c.words = h.at(4).get<std::string>();
        c.who = h.at(5).get<std::string>();
        item.history.push_back(std::move(c));
      }
    } catch (const nlohmann::json::exception&) {
      throw CorruptRow("corrupt database: a register item's rows");
    }
    return item;
  }

  static nlohmann::json Json(const pqxx::field& field) {
    if (field.is_null()) return nlohmann::json::array();
    return nlohmann::json::parse(field.c_str());
  }
  const MeetingMentions& Meeting(std::int64_t id) const {
    auto it = by_id_.find(id);
    if (it == by_id_.end()) throw CorruptRow("corrupt database: a register row names no meeting");
    return *it->second;
  }

  pqxx::transaction_base& tx_;
  std::unordered_map<std::int64_t, const MeetingMentions*> by_id_;
};

class StoredRegisterSource : public RegisterSource {
 public:
  StoredRegisterSource(pqxx::transaction_base& tx, Id group_id) : tx_(tx), group_id_(group_id) {}
  std::vector<MeetingMentions> Meetings() override {
    meetings_ = LoadMeetingKeys(tx_, group_id_);
    return meetings_;
  }
  PartialRegister StoredPartial() override {
    return LoadPartialRegister(tx_, group_id_, meetings_);
  }
  RegisterItemLoader& Loader() override {
    if (!loader_) loader_ = std::make_unique<PgItemLoader>(tx_, meetings_);
    return *loader_;
  }
  std::optional<KeptOwners> Kept() override {
    pqxx::result row =
        tx_.exec_params("SELECT owner_names, owner_counts FROM groups WHERE id = $1", group_id_);
    if (row.empty() || row[0][0].is_null() || row[0][1].is_null()) return std::nullopt;
    return KeptOwners{KeptOwnerNames(row[0][0].c_str()), KeptOwnerCounts(row[0][1].c_str())};
  }
  std::vector<OwnerShare> SharesOf(const std::vector<std::int64_t>& ids) override {
    std::vector<OwnerShare> shares;
    if (ids.empty()) return shares;
    Id last = 0;
    for (const pqxx::row& row : tx_.exec_params(
             "SELECT r.id, r.status, r.merged_into IS NOT NULL, o.name, o.kind "
             "FROM register_items r LEFT JOIN register_item_owners o ON o.item_id = r.id "
             "WHERE r.id = ANY($1::bigint[]) ORDER BY r.id, o.position",
             IdArray(ids))) {
      if (Id id = row[0].as<Id>(); shares.empty() || id != last) {
        shares.push_back({row[2].as<bool>(), EnumAt(row[1], ParseActionStatus), {}});
        last = id;
      }
      if (!row[3].is_null()) shares.back().owners.push_back(OwnerAt(row, 3));
    }
    return shares;
  }
  bool OwnedElsewhere(const Owner& owner, const std::vector<std::int64_t>& except) override {
    return !tx_.exec_params(
                   "SELECT 1 FROM register_item_owners o JOIN register_items r ON r.id = o.item_id "
                   "WHERE o.name = $1 AND o.kind = $2 AND r.group_id = $3 "
                   "AND r.merged_into IS NULL AND r.id <> ALL($4::bigint[]) LIMIT 1",
                   owner.name, std::string(OwnerKindName(owner.kind)), group_id_, IdArray(except))
                .empty();
  }
  std::vector<RegisterEvent> Events() override { return LoadEvents(tx_, group_id_); }
  StoredRegisterRows StoredRows() override { return LoadStoredRows(tx_, group_id_); }
  GroupMentions Mentions(const std::set<std::int64_t>* only) override {
    return LoadGroupMentions(tx_, group_id_, only);
  }
  std::int64_t NextItemId() override {
    pqxx::result counter = tx_.exec("SELECT next_item_id FROM register_counter WHERE id = 1");
    if (counter.empty()) throw CorruptRow("corrupt database: no register_counter");
    return counter[0][0].as<std::int64_t>();
  }
  std::optional<std::int64_t> Token() override {
    pqxx::result row =
        tx_.exec_params("SELECT register_token FROM groups WHERE id = $1", group_id_);
    if (row.empty()) return std::nullopt;
    return IdOrNull(row[0][0]);
  }

 private:
  pqxx::transaction_base& tx_;
  Id group_id_;
  std::vector<MeetingMentions> meetings_;  // as Meetings() read them
  std::unique_ptr<PgItemLoader> loader_;
};

// A nullable text as COPY takes it: a null pointer is NULL. The pointer is
// into `value`, which must outlive the row written.
const char* Nullable(const std::optional<std::string>& value) {
  return value ? value->c_str() : nullptr;
}

std::optional<std::string> Text(const std::optional<Id>& id) {
  return id ? std::optional<std::string>(std::to_string(*id)) : std::nullopt;
}

std::optional<std::string> OwnerKindText(const std::optional<Owner>& o) {
  return o ? std::optional<std::string>(std::string(OwnerKindName(o->kind))) : std::nullopt;
}

// The items, their owners and their histories, each table in one COPY: a
// rebuild writes every item of the group, tens of thousands for a long-lived
// group, and a statement per row costs a round trip each.
void WriteItems(pqxx::transaction_base& tx, Id group_id, const RegisterReplay& replay,
                const std::vector<std::size_t>& written) {
  const std::vector<RegisterItem>& items = replay.Current().items;
  pqxx::stream_to rows(
      tx, "register_items",
      std::vector<std::string>{"id", "group_id", "replay_position", "origin_meeting_id",
                               "origin_position", "text", "due", "status", "source", "raised_by",
                               "raised_by_kind", "line", "status_note", "merged_into",
                               "written_status", "due_phrase", "awaits_next", "words"});
  for (std::size_t i : written) {
    const RegisterItem& item = items[i];
    const ActionItem& s = item.state;
    auto due = IsoDateOrNull(s.due);
    auto raised_by = s.raised_by ? std::optional<std::string>(s.raised_by->name) : std::nullopt;
    auto raised_by_kind = OwnerKindText(s.raised_by);
    auto merged = Text(item.merged_into_id ? std::optional<Id>(item.merged_into_id) : std::nullopt);
    rows << std::make_tuple(
        item.id, group_id, i, item.mentions.front().meeting_id, item.mentions.front().position,
        s.text, Nullable(due), std::string(ActionStatusName(s.status)),
        std::string(ActionSourceName(s.source)), Nullable(raised_by), Nullable(raised_by_kind),
        s.line, Nullable(item.status_note), Nullable(merged), s.written_status, s.due_phrase,
        item.awaits_next, tx.esc_raw(WordsBlob(ItemWords(replay, i))));
  }
  rows.complete();
  pqxx::stream_to owners(tx, "register_item_owners",
                         std::vector<std::string>{"item_id", "position", "name", "kind"});
  for (std::size_t w : written)
    for (std::size_t i = 0; i < items[w].state.owners.size(); ++i)
      owners << std::make_tuple(items[w].id, i, items[w].state.owners[i].name,
                                std::string(OwnerKindName(items[w].state.owners[i].kind)));
  owners.complete();
  pqxx::stream_to texts(tx, "register_match_texts",
                        std::vector<std::string>{"item_id", "position", "text"});
  for (std::size_t w : written)
    for (std::size_t i = 0; i < items[w].match_texts.size(); ++i)
      texts << std::make_tuple(items[w].id, i, items[w].match_texts[i]);
  texts.complete();
}

void WriteHistories(pqxx::transaction_base& tx, const std::vector<RegisterItem>& items,
                    const std::vector<std::size_t>& written, const MeetingIds& meetings) {
  pqxx::stream_to history(tx, "register_history",
                          std::vector<std::string>{"item_id", "position", "date", "meeting_id",
                                                   "event_id", "change", "words", "who"});
  for (std::size_t w : written) {
    const RegisterItem& item = items[w];
    for (std::size_t i = 0; i < item.history.size(); ++i) {
      const ActionChange& h = item.history[i];
      auto meeting = Text(MeetingIdOf(meetings, h.meeting));
      auto event = Text(h.event_id);
      history << std::make_tuple(item.id, i, FormatIsoDate(h.date), Nullable(meeting),
                                 Nullable(event), h.change, h.words, h.who);
    }
  }
  history.complete();
}

// Which item each mention now belongs to: COPY into a scratch table, then
// one UPDATE, planned with the table's real size.
void LinkMentions(pqxx::transaction_base& tx, const std::vector<RegisterItem>& items,
                  const std::vector<std::size_t>& written) {
  tx.exec0(
      "CREATE TEMP TABLE IF NOT EXISTS register_mention_links (item_id bigint, "
      "meeting_id bigint, position integer) ON COMMIT DELETE ROWS");
  tx.exec0("TRUNCATE register_mention_links");
  pqxx::stream_to links(tx, "register_mention_links",
                        std::vector<std::string>{"item_id", "meeting_id", "position"});
  for (std::size_t w : written)
    for (const MentionRef& ref : items[w].mentions)
      links << std::make_tuple(items[w].id, ref.meeting_id, ref.position);
  links.complete();
  // A temporary table has no statistics until it is analysed: the planner
  // took it for 1,700 rows and hashed the whole of action_mentions (9.4 ms
  // at 30,000 mentions for the two links of one manual change; 0.07 ms
  // through the (meeting_id, position) index once analysed).
  tx.exec0("ANALYZE register_mention_links");
  tx.exec0(
      "UPDATE action_mentions a SET item_id = l.item_id FROM register_mention_links l "
      "WHERE a.meeting_id = l.meeting_id AND a.position = l.position "
      "AND a.item_id IS DISTINCT FROM l.item_id");
}

}  // namespace

void UpdateRegister(pqxx::transaction_base& tx, Id group_id, const InputChange& change,
                    RegisterCache& cache) {
  StoredRegisterSource source(tx, group_id);
  RegisterUpdate update = PlanRegisterUpdate(source, group_id, change, cache);
  const Register& reg = *update.reg;
  const std::vector<std::size_t>& written = update.diff.written;
  if (!update.diff.deleted.empty())
    tx.exec_params0("DELETE FROM register_items WHERE id = ANY($1::bigint[])",
                    IdArray(update.diff.deleted));
  if (!written.empty()) {
    WriteItems(tx, group_id, *update.replay, written);
    WriteHistories(tx, reg.items, written, update.meeting_ids);
    LinkMentions(tx, reg.items, written);
  }
  tx.exec_params0("DELETE FROM register_notices WHERE group_id = $1 AND position >= $2", group_id,
                  update.diff.notices_from);
  for (std::size_t i = update.diff.notices_from; i < reg.diagnostics.size(); ++i) {
    const RegisterDiagnostic& d = reg.diagnostics[i];
    tx.exec_params0(
        "INSERT INTO register_notices (group_id, position, meeting_id, line, message) "
        "VALUES ($1, $2, $3, $4, $5)",
        group_id, i, Param(MeetingIdOf(update.meeting_ids, d.meeting)), d.line, d.message);
  }
  tx.exec_params0("UPDATE register_counter SET next_item_id = $1 WHERE id = 1", update.next_id);
  tx.exec_params0(
      "UPDATE groups SET register_token = $1, owner_names = $2, owner_counts = $3, "
      "open_items = $4 WHERE id = $5",
      update.token, EventOwnersJson(update.owner_names), OwnerCountsJson(update.owner_counts),
      update.open_items, group_id);
  WriteKeptPeople(tx, group_id, update.owner_names, update.owner_counts);
  std::vector<std::int64_t> touched = update.diff.deleted;
  for (std::size_t i : written) touched.push_back(reg.items[i].id);
  IndexGroupActions(tx, touched);
}

void WriteKeptPeople(pqxx::transaction_base& tx, Id group_id, const std::vector<Owner>& candidates,
                     const OwnerCounts& counts) {
  tx.exec_params0("DELETE FROM person_owner_names WHERE group_id = $1", group_id);
  std::optional<Roster> roster = RosterOf(tx, group_id);
  if (!roster) return;
  // One statement for every person: a round trip each would cost more than
  // the rows.
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& [person, kept] : KeptPeople(*roster, candidates, counts))
    rows.push_back({{"person", person},
                    {"names", KeptNamesJson(kept.names)},
                    {"open", kept.items[0]},
                    {"complete", kept.items[1]},
                    {"cancelled", kept.items[2]}});
  if (rows.empty()) return;
  tx.exec_params0(
      "INSERT INTO person_owner_names (person, group_id, names, open_items, complete_items, "
      "cancelled_items) SELECT r.person, $1, r.names, r.open, r.complete, r.cancelled "
      "FROM json_to_recordset($2::json) AS r(person text, names text, open bigint, "
      "complete bigint, cancelled bigint) ON CONFLICT DO NOTHING",
      group_id, rows.dump());
}

void RewriteKeptPeople(pqxx::transaction_base& tx, Id group_id) {
  pqxx::result row =
      tx.exec_params("SELECT owner_names, owner_counts FROM groups WHERE id = $1", group_id);
  if (!row.empty() && !row[0][0].is_null() && !row[0][1].is_null())
    WriteKeptPeople(tx, group_id, KeptOwnerNames(row[0][0].c_str()),
                    KeptOwnerCounts(row[0][1].c_str()));
  else
    tx.exec_params0("DELETE FROM person_owner_names WHERE group_id = $1", group_id);
}

void FillKeptPeople(pqxx::transaction_base& tx) {
  for (const pqxx::row& group : tx.exec("SELECT id FROM groups ORDER BY id"))
    RewriteKeptPeople(tx, group[0].as<Id>());
}

void FillItemWords(pqxx::transaction_base& tx) {
  std::vector<Id> ids;
  for (const pqxx::row& row :
       tx.exec("SELECT id FROM register_items WHERE words IS NULL ORDER BY id"))
    ids.push_back(row[0].as<Id>());
  // A statement for 10,000 items: an installation's items, a round trip
  // each, would take minutes, and all in one a document of hundreds of MB.
  constexpr std::size_t kBatch = 10'000;
  for (std::size_t first = 0; first < ids.size(); first += kBatch) {
    const auto from = ids.begin() + static_cast<std::ptrdiff_t>(first);
    const std::vector<Id> batch(
        from, from + static_cast<std::ptrdiff_t>(std::min(kBatch, ids.size() - first)));
    std::map<Id, std::vector<std::string>> texts = MatchTextsOf(tx, batch);
    nlohmann::json rows = nlohmann::json::array();
    for (Id id : batch)
      rows.push_back({{"id", id}, {"words", tx.esc_raw(WordsBlob(ItemWordsOfTexts(texts[id])))}});
    tx.exec_params0(
        "UPDATE register_items r SET words = w.words::bytea FROM "
        "json_to_recordset($1::json) AS w(id bigint, words text) WHERE r.id = w.id",
        rows.dump());
  }
}

void RebuildRegister(pqxx::transaction_base& tx, Id group_id, RegisterCache& cache) {
  UpdateRegister(tx, group_id, InputChange{{}, std::nullopt, true}, cache);
}

bool RebuildStaleRegisters(pqxx::transaction_base& tx) {
  pqxx::result stale = tx.exec(std::string(kStaleRegisterGroupsSql));
  RegisterCache cache;
  for (const pqxx::row& row : stale) RebuildRegister(tx, row[0].as<Id>(), cache);
  return !stale.empty();
}

namespace {

constexpr std::string_view kItemColumns =
    "SELECT r.id, r.text, r.due, r.status, r.source, r.raised_by, r.raised_by_kind, r.line, "
    "r.written_status, r.due_phrase, g.short_name, m.kind, m.number, m.date, r.status_note, "
    "r.merged_into, o.name, o.kind "
    "FROM register_items r JOIN meetings m ON m.id = r.origin_meeting_id "
    "JOIN groups g ON g.id = r.group_id "
    "LEFT JOIN register_item_owners o ON o.item_id = r.id ";

std::vector<RegisteredAction> ReadItems(const pqxx::result& rows) {
  std::vector<RegisteredAction> items;
  for (const pqxx::row& row : rows) {
    std::int64_t id = row[0].as<std::int64_t>();
    if (items.empty() || items.back().id != id) {
      RegisteredAction a;
      a.id = id;
      a.item = ActionItemAt(row, 1);
      a.meeting = {row[10].c_str(), row[11].c_str(), row[12].as<int>()};
      a.meeting_date = DateAt(row[13]);
      a.status_note = TextOrNull(row[14]);
      a.merged_into = IdOrNull(row[15]).value_or(0);
      items.push_back(std::move(a));
    }
    if (!row[16].is_null()) items.back().item.owners.push_back(OwnerAt(row, 16));
  }
  return items;
}

ActionChange HistoryAt(const pqxx::row& row) {
  ActionChange c;
  c.date = DateAt(row[1]);
  if (!row[2].is_null()) c.meeting = MeetingKey{row[2].c_str(), row[3].c_str(), row[4].as<int>()};
  c.event_id = IdOrNull(row[5]);
  c.change = row[6].c_str();
  c.words = row[7].c_str();
  c.who = row[8].c_str();
  return c;
}

std::vector<ActionChange> LoadHistory(pqxx::transaction_base& tx, std::int64_t id) {
  std::vector<ActionChange> history;
  for (const pqxx::row& row :
       tx.exec_params(std::string(kHistoryColumns) + "FROM register_history h " +
                          std::string(kHistoryNames) + "WHERE h.item_id = $1 ORDER BY h.position",
                      id))
    history.push_back(HistoryAt(row));
  return history;
}

}  // namespace

std::vector<RegisteredAction> LoadRegisterItems(pqxx::transaction_base& tx,
                                                const ActionQuery& query) {
  std::string where = "WHERE r.merged_into IS NULL";
  if (query.overdue_as_of)
    where += " AND r.status = 'open' AND r.due < $1";
  else if (query.open_only)
    where += " AND r.status = 'open'";
  // Only the group's items (SQLite's LoadRegisterItems does the same).
  if (query.group)
    where += query.overdue_as_of ? " AND g.short_name_key = lower($2::text COLLATE \"C\")"
                                 : " AND g.short_name_key = lower($1::text COLLATE \"C\")";
  auto exec = [&](const std::string& sql) {
    if (query.overdue_as_of && query.group)
      return tx.exec_params(sql, FormatIsoDate(*query.overdue_as_of), *query.group);
    if (query.overdue_as_of) return tx.exec_params(sql, FormatIsoDate(*query.overdue_as_of));
    if (query.group) return tx.exec_params(sql, *query.group);
    return tx.exec(sql);
  };
  std::vector<RegisteredAction> items =
      ReadItems(exec(std::string(kItemColumns) + where +
                     " ORDER BY m.date, r.group_id, r.replay_position, o.position"));
  if (!query.with_history) return items;
  // The histories of the same items, in one statement, item by item through
  // the history's key (ItemRowsOfGroup says why).
  std::unordered_map<std::int64_t, std::size_t> at;
  for (std::size_t i = 0; i < items.size(); ++i) at.emplace(items[i].id, i);
  for (const pqxx::row& row :
       exec(std::string(kHistoryColumns) +
            "FROM register_items r JOIN groups g ON g.id = r.group_id CROSS JOIN LATERAL "
            "(SELECT * FROM register_history x WHERE x.item_id = r.id OFFSET 0) h " +
            std::string(kHistoryNames) + where + " ORDER BY h.item_id, h.position")) {
    auto found = at.find(row[0].as<std::int64_t>());
    if (found != at.end()) items[found->second].history.push_back(HistoryAt(row));
  }
  return items;
}

std::vector<RegisteredAction> ReadRegisterItems(const pqxx::result& rows) {
  return ReadItems(rows);
}

std::optional<RegisteredAction> LoadRegisterItem(pqxx::transaction_base& tx, std::int64_t id) {
  std::vector<RegisteredAction> items = ReadItems(
      tx.exec_params(std::string(kItemColumns) + "WHERE r.id = $1 ORDER BY o.position", id));
  if (items.empty()) return std::nullopt;
  items.front().history = LoadHistory(tx, id);
  return std::move(items.front());
}

std::optional<ItemAnchor> FindItemAnchor(pqxx::transaction_base& tx, std::int64_t id) {
  pqxx::result rows = tx.exec_params(
      "SELECT group_id, origin_meeting_id, origin_position, merged_into FROM register_items "
      "WHERE id = $1",
      id);
  if (rows.empty()) return std::nullopt;
  return ItemAnchor{rows[0][0].as<Id>(), rows[0][1].as<Id>(), rows[0][2].as<int>(),
                    IdOrNull(rows[0][3]).value_or(0)};
}

void RecordEvent(pqxx::transaction_base& tx, const ItemAnchor& item, const ItemAnchor* other,
                 const ActionEdit& edit, RegisterCache& cache) {
  std::optional<std::string> owners;
  if (edit.owners) owners = EventOwnersJson(*edit.owners);
  tx.exec_params0(
      "INSERT INTO register_events (group_id, kind, item_meeting_id, item_position, "
      "other_meeting_id, other_position, status, due_set, due, owners, note, who, at, effective) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now(), $13)",
      item.group_id, std::string(other ? "merge" : "set"), item.meeting_id, item.position,
      Param(other ? std::optional<Id>(other->meeting_id) : std::nullopt),
      Param(other ? std::optional<Id>(other->position) : std::nullopt),
      edit.status ? std::optional<std::string>(std::string(ActionStatusName(*edit.status)))
                  : std::nullopt,
      edit.due.has_value(), edit.due ? IsoDateOrNull(*edit.due) : std::nullopt, owners, edit.note,
      edit.who, FormatIsoDate(edit.effective));
  Id event = tx.exec("SELECT lastval()")[0][0].as<Id>();
  UpdateRegister(tx, item.group_id, InputChange{{}, event, false}, cache);
}

bool DeleteMergeEvent(pqxx::transaction_base& tx, const ItemAnchor& from,
                      RegisterCache& cache) {
  pqxx::result erased = tx.exec_params(
      "DELETE FROM register_events WHERE kind = 'merge' AND group_id = $1 "
      "AND other_meeting_id = $2 AND other_position = $3 RETURNING effective::text",
      from.group_id, from.meeting_id, from.position);
  InputChange change;
  for (const pqxx::row& row : erased) {
    std::optional<Date> effective = ParseIsoDate(row[0].c_str());
    if (!effective) throw CorruptRow("corrupt database: a register event's date is not a date");
    change.ReplayFrom(*effective);
  }
  if (!change.replay) return false;
  UpdateRegister(tx, from.group_id, change, cache);
  return true;
}

std::vector<RegisterNotice> LoadRegisterNotices(pqxx::transaction_base& tx) {
  std::vector<RegisterNotice> notices;
  for (const pqxx::row& row : tx.exec("SELECT g.short_name, m.kind, m.number, n.line, n.message "
                                      "FROM register_notices n JOIN groups g ON g.id = n.group_id "
                                      "LEFT JOIN meetings m ON m.id = n.meeting_id "
                                      "ORDER BY g.short_name_key, n.position")) {
    RegisterNotice n;
    n.group = row[0].c_str();
    if (!row[1].is_null()) n.meeting = MeetingKey{n.group, row[1].c_str(), row[2].as<int>()};
    n.line = row[3].as<int>();
    n.message = row[4].c_str();
    notices.push_back(std::move(n));
  }
  return notices;
}

}  // namespace plenary::pg
