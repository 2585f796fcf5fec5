// The search index of the SQLite store: one row per searchable text (a
// summary note, an agenda heading, a decision, a register item) in
// search_docs, mirrored into the FTS5 table search_text by triggers. The
// writers (sqlite_import.cc, sqlite_register.cc) call the Index* functions in
// their own transaction, so the index is never behind the registers.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string_view>
#include <vector>

#include "plenary/site.h"
#include "store/list_queries.h"
#include "store/search_pages.h"
#include "store/sqlite/sqlite_lists.h"
#include "store/sqlite/sqlite_values.h"

namespace plenary::sqlite {

// The tables and triggers of the index, and the statements that fill it from
// what a database already holds (part of migration 4).
std::string_view SearchSchema();

// Replaces the index rows of meeting `meeting_id`'s notes, headings and
// decisions with what is stored now (a meeting never `indexed_before` has
// none to replace). The caller holds a write transaction.
void IndexMeeting(SQLite::Database& db, StatementCache& cache, Id meeting_id, bool indexed_before);

// Brings the index rows of the register items `ids` of group `group_id` up
// to date (an id may name an item that is gone): only items whose text,
// status note or origin changed are rewritten.
void IndexGroupActions(SQLite::Database& db, Id group_id, const std::vector<std::int64_t>& ids);

// Empties the index and fills it again from every meeting and item (after
// Restore, which does not carry it).
void RebuildSearchIndex(SQLite::Database& db);

// Every statement of SearchIndex with sample values, for the plan test.
std::vector<std::pair<std::string, SqlQuery>> SearchQueriesForPlans();

// The page of hits for `query` in the groups it names that `cursor` starts
// (store/search_pages.h: the newest matches ranked by bm25, then older ones).
SearchResults SearchIndex(SQLite::Database& db, const SearchQuery& query,
                          const SearchCursor& cursor);

}  // namespace plenary::sqlite
