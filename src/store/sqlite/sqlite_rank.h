// Search's rank on SQLite: FTS5's bm25 with the per-word document counts
// bounded. FTS5's own bm25() counts, on its first call in a query, every
// document that holds each word of the query (its inverse document
// frequency), which for a common word over a million items is a walk of a
// million-entry doclist: 25 ms here, most of a search. plenary_bm25() is
// the same formula (k1 1.2, b 0.75, one column) with each count stopped at
// kRankCountBound: a word in fewer documents ranks as in bm25(); a word in
// more weighs as if it were in that many, which for a single word does not
// change the order and for several only evens out the weights of very
// common words (doc/performance.md).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>

namespace plenary::sqlite {

inline constexpr std::int64_t kRankCountBound = 10'000;

// Registers plenary_bm25(fts_table [, text]) on `db`'s FTS5 module: `text`,
// when given, is the row's text column as indexed, whose words it counts
// with the table's tokenizer instead of reading FTS5's stored length (the
// same number, without a lookup a row). Throws SQLite::Exception when the
// library has no FTS5.
void RegisterBoundedRank(SQLite::Database& db);

}  // namespace plenary::sqlite
