#include "store/postgres/pg_search.h"

#include <algorithm>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "core/meeting_label.h"
#include "store/search_pages.h"
#include "store/site_rows.h"

namespace plenary::pg {
namespace {

// Diacritics folded the way SQLite's remove_diacritics does for Latin
// letters: each character of the first string becomes the one at the same
// place in the second. search_docs.words is computed from the folded text.
constexpr std::string_view kSearchTables = R"sql(
CREATE FUNCTION plenary_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN translate($1,
  'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìí'
  'îïñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘ'
  'ęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľŁłŃńŅ'
  'ņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲ'
  'ųŴŵŶŷŸŹźŻżŽžƀƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨ'
  'ǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚț'
  'ȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗ'
  'ḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿ'
  'ṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧ'
  'ṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏ'
  'ẐẑẒẓẔẕẖẗẘẙẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽ'
  'ẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụ'
  'ỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ',
  'AAAAAACEEEEIIIINOOOOOOUUUUYaaaaaaceeeeii'
  'iinoooooouuuuyyAaAaAaCcCcCcCcDdDdEeEeEeE'
  'eEeGgGgGgGgHhHhIiIiIiIiIiJjKkLlLlLlLlNnN'
  'nNnOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuU'
  'uWwYyYZzZzZzbOoUuAaIiOoUuUuUuUuUuAaAaGgK'
  'kOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTt'
  'HhAaEeOoOoOoOoYyAaBbBbBbCcDdDdDdDdDdEeEe'
  'EeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMm'
  'MmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSs'
  'SsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYy'
  'ZzZzZzhtwyAaAaAaAaAaAaAaAaAaAaAaAaEeEeEe'
  'EeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUu'
  'UuUuUuUuUuUuYyYyYyYy');

CREATE TABLE search_docs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('note', 'meeting', 'decision', 'action')),
  group_id bigint NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  action_id bigint,
  body text NOT NULL,
  words tsvector GENERATED ALWAYS AS (to_tsvector('simple', plenary_fold(body))) STORED
);
CREATE INDEX search_docs_words ON search_docs USING gin (words);
CREATE INDEX search_docs_by_meeting ON search_docs (meeting_id, kind);
CREATE INDEX search_docs_by_group ON search_docs (group_id, kind);
CREATE INDEX search_docs_by_action ON search_docs (action_id) WHERE action_id IS NOT NULL;
)sql";

// Bytes 0x02/0x03 mark matches in snippets, so they are blanked out of the
// indexed text.
#define PLENARY_CLEAN(x) "translate(" x ", chr(2) || chr(3), '  ')"

constexpr std::string_view kInsertDoc =
    "INSERT INTO search_docs (kind, group_id, meeting_id, action_id, body) ";

constexpr std::string_view kMeetingDocs[] = {
    "SELECT 'note', m.group_id, m.id, NULL::bigint, " PLENARY_CLEAN("n.text")
    " FROM agenda_notes n JOIN agenda_sections s ON s.id = n.section_id "
    "JOIN meetings m ON m.id = s.meeting_id",
    "SELECT 'meeting', m.group_id, m.id, NULL::bigint, " PLENARY_CLEAN("s.heading")
    " FROM agenda_sections s JOIN meetings m ON m.id = s.meeting_id",
    "SELECT 'decision', m.group_id, m.id, NULL::bigint, " PLENARY_CLEAN("d.text")
    " FROM decisions d JOIN meetings m ON m.id = d.meeting_id",
};

#define PLENARY_ACTION_BODY PLENARY_CLEAN("r.text || coalesce(' ' || r.status_note, '')")
constexpr std::string_view kActionDocs =
    "SELECT 'action', r.group_id, r.origin_meeting_id, r.id, " PLENARY_ACTION_BODY
    " FROM register_items r WHERE r.merged_into IS NULL";

// The listed items' documents as they should be, and as they are.
constexpr std::string_view kListedActionDocs =
    "SELECT r.id, r.origin_meeting_id, " PLENARY_ACTION_BODY
    " FROM register_items r WHERE r.merged_into IS NULL AND r.id = ANY($1::bigint[])";
constexpr std::string_view kListedIndexedDocs =
    "SELECT id, action_id, meeting_id, body FROM search_docs WHERE action_id = ANY($1::bigint[])";

#undef PLENARY_ACTION_BODY
#undef PLENARY_CLEAN

std::string FillStatements() {
  std::string sql;
  for (std::string_view docs : kMeetingDocs)
    sql += std::string(kInsertDoc) + std::string(docs) + ";\n";
  sql += std::string(kInsertDoc) + std::string(kActionDocs) + ";\n";
  return sql;
}

// The matches of $1's words in the groups whose ids are the array $2. The
// tsquery and the ids are written out (not taken from a CTE or a subquery) so
// that the planner sees both: for a common word it walks the primary key
// backwards and stops at the LIMIT, for a rare one it reads the GIN index and
// sorts the few matches, and either way it knows how much of the table the
// groups hold. Given the groups' names in a subquery, over 50 groups it
// looked each match's group up again (a common word's window: 1.8-2.5 ms,
// against 0.6 ms with the ids), or ANDed the word's matches with the
// groups' every document (25 ms).
constexpr std::string_view kMatches =
    "FROM search_docs d WHERE d.words @@ plainto_tsquery('simple', plenary_fold($1)) "
    "AND d.group_id = ANY($2::bigint[])";

// The ids of the groups named by the JSON array $1, as a bigint[] literal.
constexpr std::string_view kGroupIds =
    "SELECT coalesce(array_agg(id ORDER BY id), '{}')::text FROM groups WHERE short_name_key IN "
    "(SELECT lower(value COLLATE \"C\") FROM json_array_elements_text($1::json))";

// The hits of the documents listed in $2 (a bigint[] literal), highlighted
// with the folded words and the words as typed, so that a query typed with
// or without the text's diacritics is highlighted where they agree.
constexpr std::string_view kHits = R"sql(
SELECT d.id, d.kind, g.short_name, m.kind, m.number, m.date::text, d.action_id,
       ts_headline('simple', d.body,
                   plainto_tsquery('simple', plenary_fold($1)) || plainto_tsquery('simple', $1),
                   'StartSel=' || chr(2) || ',StopSel=' || chr(3) || ',MaxWords=24,MinWords=12')
FROM search_docs d JOIN groups g ON g.id = d.group_id JOIN meetings m ON m.id = d.meeting_id
WHERE d.id = ANY($2::bigint[])
)sql";

std::string WindowSql() {
  return "SELECT w.id, -ts_rank(w.words, plainto_tsquery('simple', plenary_fold($1))) FROM ("
         "SELECT d.id, d.words " +
         std::string(kMatches) +
         " AND d.id <= $3 ORDER BY d.id DESC LIMIT $4) w ORDER BY w.id DESC";
}

std::string OlderSql() {
  return "SELECT d.id " + std::string(kMatches) + " AND d.id < $3 ORDER BY d.id DESC LIMIT $4";
}

class PgSearchSource final : public SearchSource {
 public:
  PgSearchSource(pqxx::transaction_base& tx, std::string text, std::string groups)
      : tx_(tx), text_(std::move(text)), groups_(std::move(groups)) {}

  // ts_rank is computed for the window's rows only, outside the LIMIT.
  std::vector<std::pair<std::int64_t, double>> Window(std::int64_t top,
                                                      std::size_t count) override {
    pqxx::result rows = tx_.exec_params(WindowSql(), text_, groups_,
                                        top > 0 ? top : std::numeric_limits<std::int64_t>::max(),
                                        static_cast<std::int64_t>(count));
    std::vector<std::pair<std::int64_t, double>> window;
    for (const pqxx::row& row : rows)
      window.emplace_back(row[0].as<std::int64_t>(), row[1].as<double>());
    return window;
  }

  std::vector<std::int64_t> Older(std::int64_t before, std::size_t count) override {
    pqxx::result rows =
        tx_.exec_params(OlderSql(), text_, groups_, before, static_cast<std::int64_t>(count));
    std::vector<std::int64_t> ids;
    for (const pqxx::row& row : rows) ids.push_back(row[0].as<std::int64_t>());
    return ids;
  }

  std::map<std::int64_t, SearchHit> Hits(const std::vector<std::int64_t>& ids) override {
    std::string list = "{";
    for (std::int64_t id : ids) list += (list.size() > 1 ? "," : "") + std::to_string(id);
    list += "}";
    std::map<std::int64_t, SearchHit> found;
    for (const pqxx::row& row : tx_.exec_params(std::string(kHits), text_, list)) {
      SearchHit hit;
      hit.kind = SearchKindOf(row[1].c_str());
      hit.group = row[2].c_str();
      hit.meeting = MeetingLabel({hit.group, row[3].c_str(), row[4].as<int>()});
      hit.date = row[5].c_str();
      hit.action_id = row[6].is_null() ? 0 : row[6].as<std::int64_t>();
      SetMarkedSnippet(hit, row[7].c_str());
      found.emplace(row[0].as<std::int64_t>(), std::move(hit));
    }
    return found;
  }

 private:
  pqxx::transaction_base& tx_;
  std::string text_;
  std::string groups_;
};

}  // namespace

std::string_view SearchSchema() {
  static const std::string sql = std::string(kSearchTables) + FillStatements();
  return sql;
}

void IndexMeeting(pqxx::transaction_base& tx, Id meeting_id) {
  tx.exec_params0("DELETE FROM search_docs WHERE meeting_id = $1 AND kind <> 'action'", meeting_id);
  for (std::string_view docs : kMeetingDocs)
    tx.exec_params0(std::string(kInsertDoc) + std::string(docs) + " WHERE m.id = $1", meeting_id);
}

// Of the listed items' documents only those whose text or meeting changed
// are replaced: a meeting's reviews leave most texts as they were, and each
// document written costs an insertion into the full-text index for each of
// its words (most of one more meeting's time over a large installation,
// whose index pages are seldom in memory). The comparison is made here, on
// rows read through the ids (an array, whose length the planner knows:
// IdArray): a statement that compared each row's text (as SQLite's does) was
// planned as a scan of the group's rows whenever the statistics were stale,
// as they are right after a large import (seconds per write; 22 s for 20,000
// items).
void IndexGroupActions(pqxx::transaction_base& tx, const std::vector<Id>& ids) {
  if (ids.empty()) return;
  const std::string listed = IdArray(ids);
  std::map<Id, std::pair<Id, std::string>> wanted;  // item -> its meeting and text
  for (const pqxx::row& row : tx.exec_params(std::string(kListedActionDocs), listed))
    wanted.emplace(row[0].as<Id>(), std::pair{row[1].as<Id>(), std::string(row[2].c_str())});
  std::vector<Id> stale;
  for (const pqxx::row& row : tx.exec_params(std::string(kListedIndexedDocs), listed)) {
    auto it = wanted.find(row[1].as<Id>());
    if (it != wanted.end() && it->second.first == row[2].as<Id>() &&
        it->second.second == row[3].c_str())
      wanted.erase(it);  // indexed as it is (a second copy would be stale)
    else
      stale.push_back(row[0].as<Id>());
  }
  if (!stale.empty())
    tx.exec_params0("DELETE FROM search_docs WHERE id = ANY($1::bigint[])", IdArray(stale));
  if (wanted.empty()) return;
  std::vector<Id> missing;
  for (const auto& [id, doc] : wanted) missing.push_back(id);
  tx.exec_params0(
      std::string(kInsertDoc) + std::string(kActionDocs) + " AND r.id = ANY($1::bigint[])",
      IdArray(missing));
}

void RebuildSearchIndex(pqxx::transaction_base& tx) {
  tx.exec0("DELETE FROM search_docs");
  tx.exec0(FillStatements());
}

std::vector<std::pair<std::string, SqlQuery>> SearchQueriesForPlans() {
  const std::string groups = "{1}";
  return {{"search: the groups' ids", {std::string(kGroupIds), {R"(["G"])"}}},
          {"search: the newest matches", {WindowSql(), {"word", groups, 9, 1000}}},
          {"search: older matches", {OlderSql(), {"word", groups, 9, 21}}},
          {"search: the hits", {std::string(kHits), {"word", "{1,2,3}"}}}};
}

SearchResults SearchIndex(pqxx::transaction_base& tx, const SearchQuery& query,
                          const SearchCursor& cursor) {
  if (!HasSearchWords(query.text) || query.groups.empty() || query.limit <= 0) return {};
  std::string ids =
      tx.exec_params1(std::string(kGroupIds), nlohmann::json(query.groups).dump())[0].c_str();
  if (ids == "{}") return {};  // none of them exists
  PgSearchSource source(tx, query.text, std::move(ids));
  return SearchPageOf(source, cursor,
                      static_cast<std::size_t>(std::min(query.limit, kMaxSearchHits)));
}

}  // namespace plenary::pg
