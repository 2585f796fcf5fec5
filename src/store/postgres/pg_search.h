// The search index of the PostgreSQL store: one row per searchable text (a
// summary note, an agenda heading, a decision, a register item) in
// search_docs, with a stored tsvector column (GIN-indexed) that PostgreSQL
// computes from the text. The writers (pg_import.cc, pg_register.cc) call the
// Index* functions in their own transaction, so the index is never behind the
// registers, exactly as the SQLite store does with FTS5 (sqlite_search.h).
//
// Matching: the 'simple' configuration (no stemming, no stop words, like
// SQLite's unicode61) over the text with its diacritics folded away by
// plenary_fold(), a translate() over Latin letters; a query is
// plainto_tsquery, so every word must occur and no tsquery syntax in what a
// person typed has any effect. Ranked by ts_rank within the newest matches
// (search_pages.h).
#pragma once

#include <pqxx/pqxx>
#include <string_view>
#include <vector>

#include "plenary/site.h"
#include "store/list_queries.h"
#include "store/postgres/pg_values.h"
#include "store/search_pages.h"

namespace plenary::pg {

// The function, table and indexes of the index, and the statements that fill
// it from what a database already holds (part of migration 4).
std::string_view SearchSchema();

// Replaces the index rows of meeting `meeting_id`'s notes, headings and
// decisions with what is stored now.
void IndexMeeting(pqxx::transaction_base& tx, Id meeting_id);

// Replaces the index rows of the register items `ids` (an id may name an
// item that is gone, whose rows just go).
void IndexGroupActions(pqxx::transaction_base& tx, const std::vector<Id>& ids);

// Empties the index and fills it again from every meeting and item (after
// Restore, which does not carry it).
void RebuildSearchIndex(pqxx::transaction_base& tx);

// Every statement of SearchIndex with sample values, for the plan test.
std::vector<std::pair<std::string, SqlQuery>> SearchQueriesForPlans();

// The page of hits for `query` (already checked: CheckSearchQuery) in the
// groups it names that `cursor` starts (store/search_pages.h: the newest
// matches ranked by ts_rank, then older ones).
SearchResults SearchIndex(pqxx::transaction_base& tx, const SearchQuery& query,
                          const SearchCursor& cursor);

}  // namespace plenary::pg
