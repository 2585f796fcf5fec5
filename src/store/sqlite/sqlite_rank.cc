#include "store/sqlite/sqlite_rank.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace plenary::sqlite {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr int kTextColumn = 0;  // search_text's body

// What one query's rows share: the average document length and each
// phrase's inverse document frequency, computed on the first row.
struct QueryWeights {
  double average_length = 1.0;
  std::vector<double> idf;
  std::vector<double> frequency;  // per phrase, of the current row
};

int CountBounded(const Fts5ExtensionApi*, Fts5Context*, void* user) {
  auto* count = static_cast<std::int64_t*>(user);
  return ++*count >= kRankCountBound ? SQLITE_DONE : SQLITE_OK;
}

QueryWeights* WeightsOf(const Fts5ExtensionApi* api, Fts5Context* fts, int& rc) {
  if (auto* cached = static_cast<QueryWeights*>(api->xGetAuxdata(fts, 0))) return cached;
  auto weights = std::make_unique<QueryWeights>();
  sqlite3_int64 rows = 0;
  sqlite3_int64 tokens = 0;
  if ((rc = api->xRowCount(fts, &rows)) != SQLITE_OK) return nullptr;
  if ((rc = api->xColumnTotalSize(fts, kTextColumn, &tokens)) != SQLITE_OK) return nullptr;
  if (rows > 0) weights->average_length = static_cast<double>(tokens) / static_cast<double>(rows);
  const int phrases = api->xPhraseCount(fts);
  for (int i = 0; i < phrases; ++i) {
    std::int64_t hits = 0;
    if ((rc = api->xQueryPhrase(fts, i, &hits, CountBounded)) != SQLITE_OK) return nullptr;
    double idf = std::log((static_cast<double>(rows) - static_cast<double>(hits) + 0.5) /
                          (static_cast<double>(hits) + 0.5));
    weights->idf.push_back(idf <= 0.0 ? 1e-6 : idf);
  }
  weights->frequency.resize(weights->idf.size());
  QueryWeights* kept = weights.release();
  rc = api->xSetAuxdata(fts, kept, [](void* p) { delete static_cast<QueryWeights*>(p); });
  return rc == SQLITE_OK ? kept : nullptr;  // xSetAuxdata frees it on failure
}

int CountToken(void* count, int flags, const char*, int, int, int) {
  // FTS5's column size counts a token and not its colocated synonyms
  // (fts5_storage.c, fts5StorageInsertCallback).
  if ((flags & FTS5_TOKEN_COLOCATED) == 0) ++*static_cast<int*>(count);
  return SQLITE_OK;
}

// The text column's length in tokens: FTS5's stored size, or, when the
// text is given as the function's argument, its tokens counted with the
// table's own tokenizer. A text read with the row it ranks costs less to
// count again than its size costs to look up in FTS5's docsize table (a
// b-tree seek a match: the matches of a rare word over a large
// installation are each on a page of their own).
int TextLength(const Fts5ExtensionApi* api, Fts5Context* fts, int given, sqlite3_value** values,
               int& length) {
  if (given > 0 && sqlite3_value_type(values[0]) == SQLITE_TEXT) {
    length = 0;
    const char* text = reinterpret_cast<const char*>(sqlite3_value_text(values[0]));
    return api->xTokenize(fts, text, sqlite3_value_bytes(values[0]), &length, CountToken);
  }
  return api->xColumnSize(fts, kTextColumn, &length);
}

// fts5_aux.c's fts5Bm25Function over the text column: lengths are the
// text's, not counting search_text's group_id column (a word that is a
// group's id), so scores are what they were with the text alone.
void BoundedBm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int given,
                 sqlite3_value** values) {
  int rc = SQLITE_OK;
  QueryWeights* w = WeightsOf(api, fts, rc);
  int instances = 0;
  if (w) rc = api->xInstCount(fts, &instances);
  if (rc != SQLITE_OK || !w) {
    sqlite3_result_error_code(result, rc == SQLITE_OK ? SQLITE_ERROR : rc);
    return;
  }
  std::fill(w->frequency.begin(), w->frequency.end(), 0.0);
  for (int i = 0; i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    if ((rc = api->xInst(fts, i, &phrase, &column, &offset)) != SQLITE_OK) break;
    if (phrase >= 0 && static_cast<std::size_t>(phrase) < w->frequency.size())
      w->frequency[static_cast<std::size_t>(phrase)] += 1.0;
  }
  int length = 0;
  if (rc == SQLITE_OK) rc = TextLength(api, fts, given, values, length);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  double score = 0.0;
  for (std::size_t i = 0; i < w->idf.size(); ++i) {
    const double f = w->frequency[i];
    score += w->idf[i] * (f * (kK1 + 1.0)) /
             (f + kK1 * (1.0 - kB + kB * static_cast<double>(length) / w->average_length));
  }
  sqlite3_result_double(result, -score);
}

fts5_api* Fts5Of(SQLite::Database& db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db.getHandle(), "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  return api;
}

}  // namespace

void RegisterBoundedRank(SQLite::Database& db) {
  fts5_api* api = Fts5Of(db);
  if (!api || api->iVersion < 2)
    throw SQLite::Exception("this SQLite has no FTS5 (search needs it)", SQLITE_ERROR);
  const int rc = api->xCreateFunction(api, "plenary_bm25", nullptr, BoundedBm25, nullptr);
  if (rc != SQLITE_OK) throw SQLite::Exception("FTS5: cannot add plenary_bm25", rc);
}

}  // namespace plenary::sqlite
