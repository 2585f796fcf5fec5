#include "store/sqlite/sqlite_search.h"

#include <algorithm>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/meeting_label.h"
#include "core/text.h"
#include "store/search_pages.h"
#include "store/site_rows.h"

namespace plenary::sqlite {
namespace {

// search_docs holds the text as indexed; search_text is an external-content
// FTS5 table over it, so the text is kept once more, not twice, and snippet()
// reads it back from search_docs. Bytes 0x02/0x03 mark matches in snippets,
// so they are blanked out of the indexed text.
constexpr std::string_view kSearchTables = R"sql(
CREATE TABLE search_docs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('note', 'meeting', 'decision', 'action')),
  group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  action_id INTEGER,
  body TEXT NOT NULL
) STRICT;
CREATE INDEX search_docs_by_meeting ON search_docs (meeting_id, kind);
CREATE INDEX search_docs_by_group ON search_docs (group_id, kind);
CREATE INDEX search_docs_by_action ON search_docs (action_id) WHERE action_id IS NOT NULL;
CREATE VIRTUAL TABLE search_text USING fts5(
  body, content = 'search_docs', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER search_docs_insert AFTER INSERT ON search_docs BEGIN
  INSERT INTO search_text (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
  INSERT INTO search_text (search_text, rowid, body) VALUES ('delete', old.id, old.body);
END;
)sql";

#define PLENARY_CLEAN(x) "replace(replace(" x ", char(2), ' '), char(3), ' ')"

constexpr std::string_view kInsertDoc =
    "INSERT INTO search_docs (kind, group_id, meeting_id, action_id, body) ";

// A meeting's summary notes, agenda headings and decisions.
constexpr std::string_view kMeetingDocs[] = {
    "SELECT 'note', m.group_id, m.id, NULL, " PLENARY_CLEAN("n.text")
    " FROM agenda_notes n JOIN agenda_sections s ON s.id = n.section_id "
    "JOIN meetings m ON m.id = s.meeting_id",
    "SELECT 'meeting', m.group_id, m.id, NULL, " PLENARY_CLEAN("s.heading")
    " FROM agenda_sections s JOIN meetings m ON m.id = s.meeting_id",
    "SELECT 'decision', m.group_id, m.id, NULL, " PLENARY_CLEAN("d.text")
    " FROM decisions d JOIN meetings m ON m.id = d.meeting_id",
};

// A register item is found by its text and its status note.
#define PLENARY_ACTION_BODY PLENARY_CLEAN("r.text || coalesce(' ' || r.status_note, '')")
constexpr std::string_view kActionDocs =
    "SELECT 'action', r.group_id, r.origin_meeting_id, r.id, " PLENARY_ACTION_BODY
    " FROM register_items r WHERE r.merged_into IS NULL";

// `+group_id`: the rows are found by action_id (IndexGroupActions lists the
// ids), not by scanning the group's.
constexpr std::string_view kStaleActionDocs =
    "DELETE FROM search_docs WHERE +group_id = ?1 AND kind = 'action' AND NOT EXISTS ("
    "SELECT 1 FROM register_items r WHERE r.id = search_docs.action_id "
    "AND r.merged_into IS NULL AND r.origin_meeting_id = search_docs.meeting_id "
    "AND " PLENARY_ACTION_BODY " = search_docs.body)";

constexpr std::string_view kNewActionDocs =
    " AND +r.group_id = ?1 AND NOT EXISTS (SELECT 1 FROM search_docs d "
    "WHERE d.action_id = r.id AND d.meeting_id = r.origin_meeting_id "
    "AND d.body = " PLENARY_ACTION_BODY ")";

#undef PLENARY_ACTION_BODY
#undef PLENARY_CLEAN

std::string FillStatements() {
  std::string sql;
  for (std::string_view docs : kMeetingDocs)
    sql += std::string(kInsertDoc) + std::string(docs) + ";\n";
  sql += std::string(kInsertDoc) + std::string(kActionDocs) + ";\n";
  return sql;
}

}  // namespace

std::string_view SearchSchema() {
  static const std::string sql = std::string(kSearchTables) + FillStatements();
  return sql;
}

// One statement for the meeting's notes, headings and decisions: SQLite
// 3.40's FTS5 writes its pending words out as a new segment at the end of
// every statement that wrote to it (doc/performance.md), so three
// statements made three segments a meeting for FTS5 to merge.
void IndexMeeting(SQLite::Database& db, StatementCache& cache, Id meeting_id, bool indexed_before) {
  static const std::string kInsert = [] {
    std::string selects;
    for (std::string_view docs : kMeetingDocs)
      selects += (selects.empty() ? "" : " UNION ALL ") + std::string(docs) + " WHERE m.id = ?1";
    return std::string(kInsertDoc) + selects;
  }();
  if (indexed_before)
    Run(db, cache, "DELETE FROM search_docs WHERE meeting_id = ? AND kind <> 'action'", meeting_id);
  Run(db, cache, kInsert, meeting_id);
}

void IndexGroupActions(SQLite::Database& db, Id group_id, const std::vector<std::int64_t>& ids) {
  std::string list = nlohmann::json(ids).dump();
  Run(db, std::string(kStaleActionDocs) + " AND action_id IN (SELECT value FROM json_each(?2))",
      group_id, list);
  Run(db,
      std::string(kInsertDoc) + std::string(kActionDocs) + std::string(kNewActionDocs) +
          " AND r.id IN (SELECT value FROM json_each(?2))",
      group_id, list);
}

void RebuildSearchIndex(SQLite::Database& db) {
  db.exec("DELETE FROM search_docs");
  db.exec(FillStatements());
}

namespace {

// The matches of the query's words in the query's groups, by document id.
constexpr std::string_view kMatches =
    "FROM search_text JOIN search_docs d ON d.id = search_text.rowid "
    "WHERE search_text MATCH ?1 AND d.group_id IN (SELECT id FROM groups WHERE short_name IN "
    "(SELECT value FROM json_each(?2)))";

// plenary_bm25 is given each match's text, read with its document row for
// its group, and counts its words rather than look its length up in FTS5's
// docsize table (sqlite_rank.h): 1.30 -> 0.76 ms for a rare word's 1,000
// newest matches over 50 groups, whose rows are each on a page of their own.
std::string WindowSql() {
  return "SELECT search_text.rowid, plenary_bm25(search_text, d.body) " + std::string(kMatches) +
         " AND search_text.rowid <= ?3 ORDER BY search_text.rowid DESC LIMIT ?4";
}

std::string OlderSql() {
  return "SELECT search_text.rowid " + std::string(kMatches) +
         " AND search_text.rowid < ?3 ORDER BY search_text.rowid DESC LIMIT ?4";
}

// The hits listed in ?4 (a JSON array of document ids), with their
// snippets, read in one pass over the words' matches between the lowest and
// the highest of them (?2, ?3): a page's hits are among the window's
// matches, or the next ones. Looked up one by one (`rowid = ?`), each hit
// was a seek in every segment of the words' doclists: 20 hits of a common
// word over 50 groups took 2.0 ms against 0.5 ms in one group. `+` keeps
// the list from FTS5, which would look each id up again.
constexpr std::string_view kHitSql =
    "SELECT search_text.rowid, d.kind, g.short_name, m.kind, m.number, m.date, d.action_id, "
    "snippet(search_text, 0, char(2), char(3), '…', 16) "
    "FROM search_text JOIN search_docs d ON d.id = search_text.rowid "
    "JOIN groups g ON g.id = d.group_id JOIN meetings m ON m.id = d.meeting_id "
    "WHERE search_text MATCH ?1 AND search_text.rowid BETWEEN ?2 AND ?3 "
    "AND +search_text.rowid IN (SELECT value FROM json_each(?4))";

class SqliteSearchSource final : public SearchSource {
 public:
  SqliteSearchSource(SQLite::Database& db, std::string match, std::string groups)
      : db_(db), match_(std::move(match)), groups_(std::move(groups)) {}

  // bm25 (plenary_bm25, sqlite_rank.h: its word counts bounded) is computed
  // for the rows read only: the scan goes newest first and stops at `count`.
  std::vector<std::pair<std::int64_t, double>> Window(std::int64_t top,
                                                      std::size_t count) override {
    SQLite::Statement st(db_, WindowSql());
    Bind(st, match_, groups_, top > 0 ? top : std::numeric_limits<std::int64_t>::max(),
         static_cast<std::int64_t>(count));
    std::vector<std::pair<std::int64_t, double>> window;
    while (st.executeStep())
      window.emplace_back(st.getColumn(0).getInt64(), st.getColumn(1).getDouble());
    return window;
  }

  std::vector<std::int64_t> Older(std::int64_t before, std::size_t count) override {
    SQLite::Statement st(db_, OlderSql());
    Bind(st, match_, groups_, before, static_cast<std::int64_t>(count));
    std::vector<std::int64_t> ids;
    while (st.executeStep()) ids.push_back(st.getColumn(0).getInt64());
    return ids;
  }

  std::map<std::int64_t, SearchHit> Hits(const std::vector<std::int64_t>& ids) override {
    const auto [lowest, highest] = std::minmax_element(ids.begin(), ids.end());
    SQLite::Statement st(db_, std::string(kHitSql));
    Bind(st, match_, *lowest, *highest, nlohmann::json(ids).dump());
    std::map<std::int64_t, SearchHit> found;
    while (st.executeStep()) {
      SearchHit hit;
      hit.kind = SearchKindOf(st.getColumn(1).getString());
      hit.group = st.getColumn(2).getString();
      hit.meeting =
          MeetingLabel({hit.group, st.getColumn(3).getString(), st.getColumn(4).getInt()});
      hit.date = st.getColumn(5).getString();
      hit.action_id = st.getColumn(6).isNull() ? 0 : st.getColumn(6).getInt64();
      SetMarkedSnippet(hit, st.getColumn(7).getString());
      found.emplace(st.getColumn(0).getInt64(), std::move(hit));
    }
    return found;
  }

 private:
  SQLite::Database& db_;
  std::string match_;
  std::string groups_;
};

}  // namespace

std::vector<std::pair<std::string, SqlQuery>> SearchQueriesForPlans() {
  const std::string groups = R"(["G"])";
  return {{"search: the newest matches", {WindowSql(), {"\"word\"", groups, 9, 1000}}},
          {"search: older matches", {OlderSql(), {"\"word\"", groups, 9, 21}}},
          {"search: the hits", {std::string(kHitSql), {"\"word\"", 3, 9, "[3,5,9]"}}}};
}

SearchResults SearchIndex(SQLite::Database& db, const SearchQuery& query,
                          const SearchCursor& cursor) {
  std::string match = FtsQueryOf(query.text);
  if (match.empty() || query.groups.empty() || query.limit <= 0) return {};
  SqliteSearchSource source(db, std::move(match), nlohmann::json(query.groups).dump());
  return SearchPageOf(source, cursor,
                      static_cast<std::size_t>(std::min(query.limit, kMaxSearchHits)));
}

}  // namespace plenary::sqlite
