// The register at the size of a long-lived group: 1,000 meetings, 20,000 items
// (with reviews of earlier items), 30 members. Prints the time to import the
// whole history, to import one more meeting into it (in the process that
// keeps the register, and in a store opened for the import, as `plenary
// import` is), to re-import the last meeting edited (a replay of the group),
// to make one manual change, and
// per-query latency, for SQLite and, with PLENARY_BENCH_PG_URL, PostgreSQL,
// side by side; then the rate of the whole-history import next to a bare
// SQLite bulk insert of the same rows, measured in the same run, into plain
// tables and into a fresh store's own tables.
//   build/register_bench [--benchmark_filter=...]
//   bench/run_register_bench.sh    (starts a throwaway PostgreSQL for the run)
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <malloc.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <pqxx/pqxx>
#include <random>
#include <variant>

#include "bench_history.h"
#include "core/date.h"
#include "plenary/store.h"

namespace plenary {
namespace {

// PLENARY_BENCH_MEETINGS overrides the size (for profiling a smaller run).
const int kMeetings = [] {
  const char* v = std::getenv("PLENARY_BENCH_MEETINGS");
  return v ? std::max(2, std::atoi(v)) : 1000;
}();
using bench::History;
using bench::kNewItemsPerMeeting;
using bench::kReviewsPerMeeting;

// The back ends measured: SQLite always; PostgreSQL when PLENARY_BENCH_PG_URL
// names a server (bench/run_register_bench.sh starts a throwaway one). Each
// run gets a fresh store: a new SQLite file, or a new PostgreSQL schema.
struct Backend {
  std::string name;
  std::string server;  // PostgreSQL: the server's URL
};

std::vector<Backend> Backends() {
  std::vector<Backend> backends{{"sqlite", ""}};
  if (const char* url = std::getenv("PLENARY_BENCH_PG_URL"); url && *url)
    backends.push_back({"postgresql", url});
  return backends;
}

std::filesystem::path BenchDir() {
  return std::filesystem::temp_directory_path() / "plenary-register-bench";
}
std::filesystem::path StoreFile() { return BenchDir() / "r.db"; }

std::unique_ptr<Store> FreshStore(const Backend& backend, std::string* opened_url = nullptr) {
  static int fresh = 0;
  std::string url;
  if (backend.server.empty()) {
    std::filesystem::remove_all(BenchDir());
    std::filesystem::create_directories(BenchDir());
    url = StoreFile().string();
  } else {
    std::string schema = fmt::format("bench_{}_{}", getpid(), ++fresh);
    pqxx::connection connection(backend.server);
    pqxx::nontransaction(connection)
        .exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
    url = backend.server + (backend.server.find('?') == std::string::npos ? "?" : "&") +
          "options=-csearch_path%3D" + schema;
  }
  auto store = OpenStore(url);
  if (!store.ok()) {
    fmt::print(stderr, "register_bench: {}\n", store.error().message);
    std::exit(1);
  }
  if (opened_url) *opened_url = url;
  return std::move(store).value();
}

// The rows the whole-history import wrote (every table Export gives: the
// search index apart), for the bare bulk insert to write again.
Snapshot& WrittenRows() {
  static Snapshot rows;
  return rows;
}

// The import's search documents (which Export leaves out: a restore
// rebuilds them), read from its file.
SnapshotTable& SearchDocuments() {
  static SnapshotTable docs;
  return docs;
}

// Every row of `table` of the SQLite file `path`, its columns named.
SnapshotTable ReadTable(const std::filesystem::path& path, const std::string& table) {
  SnapshotTable t{table, {}, {}};
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, ("SELECT * FROM " + table).c_str(), -1, &st, nullptr) == SQLITE_OK) {
    for (int c = 0; c < sqlite3_column_count(st); ++c)
      t.columns.push_back(sqlite3_column_name(st, c));
    while (sqlite3_step(st) == SQLITE_ROW) {
      std::vector<SnapshotValue>& row = t.rows.emplace_back();
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        if (sqlite3_column_type(st, c) == SQLITE_INTEGER)
          row.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(st, c)));
        else if (sqlite3_column_type(st, c) == SQLITE_NULL)
          row.emplace_back();
        else
          row.emplace_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, c))));
      }
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return t;
}

std::size_t RowCount(const Snapshot& snapshot) {
  std::size_t rows = 0;
  for (const SnapshotTable& t : snapshot.tables) rows += t.rows.size();
  return rows;
}

// Seconds per whole-history import on SQLite and per bare bulk insert: the
// fastest of their iterations (kWholeRuns each), for the ratios.
std::map<std::string, double>& Seconds() {
  static std::map<std::string, double> seconds;
  return seconds;
}
void KeepFastest(const std::string& what, double seconds) {
  auto [it, added] = Seconds().emplace(what, seconds);
  if (!added) it->second = std::min(it->second, seconds);
}
constexpr int kWholeRuns = 3;

void ImportWholeHistory(benchmark::State& state, const Backend& backend) {
  ImportBatch batch = History(kMeetings);
  for (auto _ : state) {
    state.PauseTiming();
    auto store = FreshStore(backend);
    state.ResumeTiming();
    auto start = std::chrono::steady_clock::now();
    auto report = store->Import(batch);
    if (!report.ok()) state.SkipWithError(report.error().message.c_str());
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    state.PauseTiming();
    if (backend.server.empty()) {
      KeepFastest("import", took.count());
      if (auto rows = store->Export(); rows.ok()) WrittenRows() = std::move(rows).value();
      store.reset();
      SearchDocuments() = ReadTable(StoreFile(), "search_docs");
    }
    state.ResumeTiming();
  }
  state.counters["meetings"] = kMeetings;
  state.counters["mentions"] = kMeetings * (kNewItemsPerMeeting + kReviewsPerMeeting);
}

// The floor for writing the whole history: the rows the import wrote, put
// into plain tables (no keys, indexes or constraints) of a fresh SQLite file
// with one prepared statement per table in one transaction, the same
// synchronous setting and journal mode as the store.
// Each table's rows with one prepared statement per table.
void InsertRows(sqlite3* db, const std::vector<const SnapshotTable*>& tables) {
  for (const SnapshotTable* t : tables) {
    std::vector<std::string> marks(t->columns.size(), "?");
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db,
                       fmt::format("INSERT INTO {} ({}) VALUES ({})", t->name,
                                   fmt::join(t->columns, ", "), fmt::join(marks, ", "))
                           .c_str(),
                       -1, &insert, nullptr);
    for (const auto& row : t->rows) {
      for (std::size_t c = 0; c < row.size(); ++c) {
        int index = static_cast<int>(c) + 1;
        if (const auto* i = std::get_if<std::int64_t>(&row[c]))
          sqlite3_bind_int64(insert, index, *i);
        else if (const auto* text = std::get_if<std::string>(&row[c]))
          sqlite3_bind_text(insert, index, text->data(), static_cast<int>(text->size()),
                            SQLITE_STATIC);
        else
          sqlite3_bind_null(insert, index);
      }
      if (sqlite3_step(insert) != SQLITE_DONE) {
        fmt::print(stderr, "register_bench: {}: {}\n", t->name, sqlite3_errmsg(db));
        std::exit(1);
      }
      sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
  }
}

void BareSqliteBulkInsert(benchmark::State& state) {
  const Snapshot& snapshot = WrittenRows();
  if (snapshot.tables.empty()) return state.SkipWithError("run ImportWholeHistory/sqlite first");
  auto path = BenchDir() / "bare.db";
  std::vector<const SnapshotTable*> tables;
  for (const SnapshotTable& t : snapshot.tables) tables.push_back(&t);
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::remove(path);
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", nullptr, nullptr,
                 nullptr);
    for (const SnapshotTable& t : snapshot.tables)
      sqlite3_exec(db, fmt::format("CREATE TABLE {} ({})", t.name, fmt::join(t.columns, ", ")).c_str(),
                   nullptr, nullptr, nullptr);
    state.ResumeTiming();
    auto start = std::chrono::steady_clock::now();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    InsertRows(db, tables);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    KeepFastest("bare", took.count());
    state.PauseTiming();
    sqlite3_close(db);
    state.ResumeTiming();
  }
  state.counters["rows"] = static_cast<double>(RowCount(snapshot));
}

// The same rows, with the import's search documents, written the same bare
// way into a fresh store's own tables: its keys, indexes, checks and foreign
// keys (checked at the commit); the full-text index is then built from the
// documents in one pass (FTS5's 'rebuild'; through the store's trigger, a
// row a statement, SQLite 3.40's FTS5 writes its pending words out at every
// statement: 20,000 documents took 370 ms that way, 52 ms in one statement).
// What SQLite itself costs to hold what the import holds; the import's time
// beyond it is plenary's (reading the batch, matching every mention,
// deciding each row).
void BareSqliteIntoStoreTables(benchmark::State& state) {
  const Snapshot& snapshot = WrittenRows();
  if (snapshot.tables.empty() || SearchDocuments().rows.empty())
    return state.SkipWithError("run ImportWholeHistory/sqlite first");
  auto path = BenchDir() / "schema.db";
  std::vector<const SnapshotTable*> tables;
  for (const SnapshotTable& t : snapshot.tables) tables.push_back(&t);
  tables.push_back(&SearchDocuments());
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::remove(path);
    if (auto store = OpenStore(path.string()); !store.ok()) {
      state.SkipWithError(store.error().message.c_str());
      return;
    }
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -8192", nullptr, nullptr,
                 nullptr);
    for (const SnapshotTable* t : tables)  // a fresh store's own rows (its counter)
      sqlite3_exec(db, ("DELETE FROM " + t->name).c_str(), nullptr, nullptr, nullptr);
    sqlite3_exec(db, "DROP TRIGGER search_docs_insert", nullptr, nullptr, nullptr);
    sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
    state.ResumeTiming();
    auto start = std::chrono::steady_clock::now();
    sqlite3_exec(db, "BEGIN; PRAGMA defer_foreign_keys = ON", nullptr, nullptr, nullptr);
    InsertRows(db, tables);
    sqlite3_exec(db, "INSERT INTO search_text (search_text) VALUES ('rebuild')", nullptr, nullptr,
                 nullptr);
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
      state.SkipWithError(sqlite3_errmsg(db));
      sqlite3_close(db);
      return;
    }
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    KeepFastest("schema", took.count());
    state.PauseTiming();
    sqlite3_close(db);
    state.ResumeTiming();
  }
  state.counters["rows"] = static_cast<double>(RowCount(snapshot) + SearchDocuments().rows.size());
}

// A register of kMeetings meetings per back end, imported once, and the
// meetings after them, one for each ImportOneMoreMeeting iteration.
struct Loaded {
  std::unique_ptr<Store> store;
  std::string url;                   // to open the store again, as another process would
  std::vector<MeetingImport> next;   // for ImportOneMoreMeeting
  std::vector<MeetingImport> later;  // for ImportOneMoreMeetingInANewProcess, dated after
  std::vector<MeetingImport> last;   // then imported through `store`, untimed
  std::size_t items = 0;
};

constexpr int kMoreMeetings = 3;

Loaded& LoadedRegister(const Backend& backend) {
  static std::map<std::string, Loaded> loaded;
  Loaded& l = loaded[backend.name];
  if (l.store) return l;
  ImportBatch batch = History(kMeetings + 2 * kMoreMeetings + 1);
  l.last.assign(batch.meetings.end() - 1, batch.meetings.end());
  l.later.assign(batch.meetings.end() - 1 - kMoreMeetings, batch.meetings.end() - 1);
  l.next.assign(batch.meetings.end() - 1 - 2 * kMoreMeetings,
                batch.meetings.end() - 1 - kMoreMeetings);
  batch.meetings.resize(static_cast<std::size_t>(kMeetings));
  l.store = FreshStore(backend, &l.url);
  if (!l.store->Import(batch).ok()) std::abort();
  l.items = l.store->Actions({})->size();
  return l;
}

// A meeting dated after every other: the register is extended.
void ImportOneMoreMeeting(benchmark::State& state, const Backend& backend) {
  Loaded& l = LoadedRegister(backend);
  std::size_t next = 0;
  for (auto _ : state) {
    if (next == l.next.size()) return state.SkipWithError("no meeting left to import");
    auto report = l.store->Import({std::nullopt, {l.next[next++]}});
    if (!report.ok()) state.SkipWithError(report.error().message.c_str());
  }
  state.counters["register_items"] = static_cast<double>(l.items);
}

// The same in a store opened for it, as `plenary import` is: the register
// kept in memory by a long-running process (`plenary serve`) is not there,
// and the import reads it back from the store before extending it.
void ImportOneMoreMeetingInANewProcess(benchmark::State& state, const Backend& backend) {
  Loaded& l = LoadedRegister(backend);
  malloc_trim(0);  // see below
  std::size_t next = 0;
  for (auto _ : state) {
    if (next == l.later.size()) return state.SkipWithError("no meeting left to import");
    state.PauseTiming();
    auto store = OpenStore(l.url);
    if (!store.ok()) return state.SkipWithError(store.error().message.c_str());
    state.ResumeTiming();
    auto report = (*store)->Import({std::nullopt, {l.later[next++]}});
    if (!report.ok()) state.SkipWithError(report.error().message.c_str());
    state.PauseTiming();
    store->reset();
    // What the store freed goes back as a new process would start: glibc
    // otherwise sorts its tens of thousands of small blocks at the next
    // large allocation, inside the next import's time.
    malloc_trim(0);
    state.ResumeTiming();
  }
  // The kept store reads the register back once, so that the writes after
  // are measured on a kept register again.
  if (!l.store->Import({std::nullopt, l.last}).ok()) state.SkipWithError("the last import failed");
}

// The last meeting's notes edited and imported again: the group is replayed
// and only the rows that differ are written.
void ReimportLastMeeting(benchmark::State& state, const Backend& backend) {
  Loaded& l = LoadedRegister(backend);
  MeetingImport last = l.last.back();
  int version = 0;
  auto reimport = [&] {
    last.source.sha256 = "edited " + std::to_string(++version);
    last.meeting.actions.back().text += " (edited)";
    auto report = l.store->Import({std::nullopt, {last}});
    if (!report.ok()) state.SkipWithError(report.error().message.c_str());
  };
  // Once untimed, so that the store keeps the whole register: the writes of
  // stores opened for them (above) left it partly read, or not current.
  reimport();
  for (auto _ : state) reimport();
}

// `plenary actions done`, today: an open item completed, with a note.
void OneManualChange(benchmark::State& state, const Backend& backend) {
  Loaded& l = LoadedRegister(backend);
  auto open = l.store->Actions({true, std::nullopt, std::nullopt});
  if (!open.ok() || open->empty()) return state.SkipWithError("no open item");
  std::size_t next = 0;
  for (auto _ : state) {
    ActionEdit edit;
    edit.status = ActionStatus::kComplete;
    edit.note = "done, as reported by e-mail";
    edit.who = "bench";
    edit.effective = Date{std::chrono::year{2030} / 1 / 1};
    auto item = l.store->EditAction((*open)[next++ % open->size()].id, edit);
    if (!item.ok()) state.SkipWithError(item.error().message.c_str());
  }
}

// The same in a store opened for it, as `plenary actions done` is: the
// register is read back in part, the item changed read whole.
void OneManualChangeInANewProcess(benchmark::State& state, const Backend& backend) {
  Loaded& l = LoadedRegister(backend);
  auto open = l.store->Actions({true, std::nullopt, std::nullopt});
  if (!open.ok() || open->size() < 100) return state.SkipWithError("too few open items");
  malloc_trim(0);  // as ImportOneMoreMeetingInANewProcess
  std::size_t next = open->size() / 2;
  for (auto _ : state) {
    state.PauseTiming();
    auto store = OpenStore(l.url);
    if (!store.ok()) return state.SkipWithError(store.error().message.c_str());
    ActionEdit edit;
    edit.status = ActionStatus::kComplete;
    edit.note = "done, as reported by e-mail";
    edit.who = "bench";
    edit.effective = Date{std::chrono::year{2030} / 1 / 2};
    state.ResumeTiming();
    auto item = (*store)->EditAction((*open)[next++].id, edit);
    if (!item.ok()) state.SkipWithError(item.error().message.c_str());
    state.PauseTiming();
    store->reset();
    malloc_trim(0);
    state.ResumeTiming();
  }
}

void OpenItems(benchmark::State& state, const Backend& backend) {
  Store& store = *LoadedRegister(backend).store;
  for (auto _ : state) benchmark::DoNotOptimize(store.Actions({true, std::nullopt, std::nullopt}));
}

void OneOwnersItems(benchmark::State& state, const Backend& backend) {
  Store& store = *LoadedRegister(backend).store;
  for (auto _ : state) benchmark::DoNotOptimize(store.Actions({true, "m7", std::nullopt}));
}

void OverdueItems(benchmark::State& state, const Backend& backend) {
  Store& store = *LoadedRegister(backend).store;
  Date as_of{std::chrono::year{2010} / 1 / 1};
  for (auto _ : state) benchmark::DoNotOptimize(store.Actions({false, std::nullopt, as_of}));
}

void OneItemWithHistory(benchmark::State& state, const Backend& backend) {
  Store& store = *LoadedRegister(backend).store;
  std::int64_t id = 1;
  for (auto _ : state) {
    benchmark::DoNotOptimize(store.Action(id));
    id = id % 1000 + 1;
  }
}

void Duplicates(benchmark::State& state, const Backend& backend) {
  Store& store = *LoadedRegister(backend).store;
  for (auto _ : state) benchmark::DoNotOptimize(store.Duplicates());
}

// Collects every result and, at the end, prints one line per benchmark with
// each back end's time side by side.
class SideBySideReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      std::string name = run.benchmark_name();
      std::size_t slash = name.find('/');
      if (slash == std::string::npos) continue;
      double time = run.GetAdjustedRealTime();
      times_[name.substr(0, slash)][name.substr(slash + 1, name.find('/', slash + 1) - slash - 1)] =
          fmt::format("{:.3f} {}", time, benchmark::GetTimeUnitString(run.time_unit));
      if (std::find(order_.begin(), order_.end(), name.substr(0, slash)) == order_.end())
        order_.push_back(name.substr(0, slash));
    }
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    std::vector<Backend> backends = Backends();
    fmt::print("\n{:<36}", "register, " + std::to_string(kMeetings) + " meetings");
    for (const Backend& b : backends) fmt::print("{:>16}", b.name);
    fmt::print("\n");
    for (const std::string& bench : order_) {
      fmt::print("{:<36}", bench);
      for (const Backend& b : backends) fmt::print("{:>16}", times_[bench][b.name]);
      fmt::print("\n");
    }
    std::size_t rows = RowCount(WrittenRows());
    if (Seconds().count("import") && Seconds().count("bare") && rows > 0) {
      double import = static_cast<double>(rows) / Seconds()["import"];
      double bare = static_cast<double>(rows) / Seconds()["bare"];
      fmt::print(
          "\nwhole history on SQLite (each figure the fastest of {} runs): {} rows, {:.0f} "
          "rows/s; bare SQLite bulk insert of the same rows into plain tables (no keys, "
          "indexes or constraints): {:.0f} rows/s; ratio {:.2f}\n",
          kWholeRuns, rows, import, bare, import / bare);
    }
    if (Seconds().count("import") && Seconds().count("schema") && rows > 0) {
      fmt::print(
          "bare SQLite bulk insert of the same rows and the import's {} search documents into "
          "a fresh store's own tables (keys, indexes, checks, foreign keys; the full-text index "
          "built after): {:.0f} ms against the import's {:.0f} ms; ratio {:.2f} (target: at "
          "least 0.5)\n",
          SearchDocuments().rows.size(), Seconds()["schema"] * 1000, Seconds()["import"] * 1000,
          Seconds()["schema"] / Seconds()["import"]);
      if (Seconds().count("bare"))
        fmt::print(
            "(bare SQLite itself writes the same rows into the store's tables at {:.2f} of its "
            "rate into plain tables)\n",
            Seconds()["bare"] / Seconds()["schema"]);
    }
  }

 private:
  std::vector<std::string> order_;
  std::map<std::string, std::map<std::string, std::string>> times_;
};

}  // namespace
}  // namespace plenary

int main(int argc, char** argv) {
  using namespace plenary;
  for (const Backend& b : Backends()) {
    auto name = [&](const char* bench) { return std::string(bench) + "/" + b.name; };
    benchmark::RegisterBenchmark(name("ImportWholeHistory").c_str(), ImportWholeHistory, b)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(b.server.empty() ? kWholeRuns : 1);
    if (b.server.empty()) {
      benchmark::RegisterBenchmark("BareSqliteBulkInsert/sqlite", BareSqliteBulkInsert)
          ->Unit(benchmark::kMillisecond)
          ->Iterations(kWholeRuns);
      benchmark::RegisterBenchmark("BareSqliteIntoStoreTables/sqlite", BareSqliteIntoStoreTables)
          ->Unit(benchmark::kMillisecond)
          ->Iterations(kWholeRuns);
    }
    benchmark::RegisterBenchmark(name("ImportOneMoreMeeting").c_str(), ImportOneMoreMeeting, b)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(kMoreMeetings);
    // Before the manual changes, which are dated after every meeting: a
    // meeting imported after them would be out of order, and replayed.
    benchmark::RegisterBenchmark(name("ImportOneMoreMeetingInANewProcess").c_str(),
                                 ImportOneMoreMeetingInANewProcess, b)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(kMoreMeetings);
    benchmark::RegisterBenchmark(name("OneManualChange").c_str(), OneManualChange, b)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(10);
    benchmark::RegisterBenchmark(name("OneManualChangeInANewProcess").c_str(),
                                 OneManualChangeInANewProcess, b)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(3);
    benchmark::RegisterBenchmark(name("ReimportLastMeeting").c_str(), ReimportLastMeeting, b)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(2);
    benchmark::RegisterBenchmark(name("OpenItems").c_str(), OpenItems, b)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(name("OneOwnersItems").c_str(), OneOwnersItems, b)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(name("OverdueItems").c_str(), OverdueItems, b)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(name("OneItemWithHistory").c_str(), OneItemWithHistory, b)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(name("Duplicates").c_str(), Duplicates, b)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(2);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  SideBySideReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
