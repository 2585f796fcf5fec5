// The register at the size of a long-lived group: 1,000 meetings, 20,000 items
// (with reviews of earlier items), 30 members. Prints the time to import the
// whole history, to import one more meeting into it, and per-query latency,
// for SQLite and, with PLENARY_BENCH_PG_URL, PostgreSQL, side by side.
//   build/register_bench [--benchmark_filter=...]
//   bench/run_register_bench.sh    (starts a throwaway PostgreSQL for the run)
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <pqxx/pqxx>
#include <random>

#include "core/date.h"
#include "plenary/store.h"

namespace plenary {
namespace {

// PLENARY_BENCH_MEETINGS overrides the size (for profiling a smaller run).
const int kMeetings = [] {
  const char* v = std::getenv("PLENARY_BENCH_MEETINGS");
  return v ? std::max(2, std::atoi(v)) : 1000;
}();
constexpr int kNewItemsPerMeeting = 20;
constexpr int kReviewsPerMeeting = 10;
constexpr int kMembers = 30;

std::string Word(std::mt19937& random) {
  static const char* kSyllables[] = {"ka",  "ri", "to",  "mel", "san", "dor", "vi", "len",
                                     "pra", "gu", "zen", "tal", "bo",  "nir", "fe", "quo"};
  std::uniform_int_distribution<int> pick(0, 15);
  return std::string(kSyllables[pick(random)]) + kSyllables[pick(random)] +
         kSyllables[pick(random)];
}

Roster BenchRoster() {
  Roster r;
  r.group = {"BENCH", "Benchmark Review Team", Date{std::chrono::year{2000} / 1 / 1},
             Date{std::chrono::year{2040} / 12 / 31}};
  for (int i = 0; i < kMembers; ++i)
    r.people.push_back({fmt::format("Member {}", i), Role::kMember, {fmt::format("M{}", i)}});
  return r;
}

// A group history: every meeting adds items and reviews some open earlier ones.
ImportBatch History(int meetings) {
  std::mt19937 random(42);
  ImportBatch batch;
  batch.roster = BenchRoster();
  std::vector<std::string> texts;
  const Date start{std::chrono::year{2001} / 1 / 2};
  for (int m = 0; m < meetings; ++m) {
    Meeting meeting;
    meeting.key = {"BENCH", "Plenary", m + 1};
    meeting.date = Date{std::chrono::sys_days{start} + std::chrono::days{7 * m}};
    for (int i = 0; i < kMembers; i += 2) meeting.attendees.push_back(fmt::format("Member {}", i));
    for (int i = 0; i < kNewItemsPerMeeting; ++i) {
      ActionItem item;
      item.text = fmt::format("Prepare the {} {} {} paper on {} for the {} session.", Word(random),
                              Word(random), Word(random), Word(random), Word(random));
      item.owners = {{fmt::format("Member {}", random() % kMembers), OwnerKind::kPerson}};
      item.due = Date{std::chrono::sys_days{meeting.date} + std::chrono::days{14}};
      item.line = i + 1;
      texts.push_back(item.text);
      meeting.actions.push_back(std::move(item));
    }
    for (int i = 0; i < kReviewsPerMeeting && m > 0; ++i) {
      ActionItem review;
      review.source = ActionSource::kReview;
      review.text = texts[random() % (texts.size() - kNewItemsPerMeeting)];
      review.text.resize(review.text.size() - 9);  // "session." dropped: a shortened mention
      if (i % 3 == 0) review.status = ActionStatus::kComplete;
      review.due = Date{std::chrono::sys_days{meeting.date} + std::chrono::days{7}};
      review.line = 100 + i;
      meeting.actions.push_back(std::move(review));
    }
    batch.meetings.push_back({std::move(meeting), {"bench.txt", std::to_string(m)}});
  }
  return batch;
}

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

std::unique_ptr<Store> FreshStore(const Backend& backend) {
  static int fresh = 0;
  std::string url;
  if (backend.server.empty()) {
    auto dir = std::filesystem::temp_directory_path() / "plenary-register-bench";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    url = (dir / "r.db").string();
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
  return std::move(store).value();
}

void ImportWholeHistory(benchmark::State& state, const Backend& backend) {
  ImportBatch batch = History(kMeetings);
  for (auto _ : state) {
    state.PauseTiming();
    auto store = FreshStore(backend);
    state.ResumeTiming();
    auto report = store->Import(batch);
    if (!report.ok()) state.SkipWithError(report.error().message.c_str());
  }
  state.counters["meetings"] = kMeetings;
  state.counters["mentions"] = kMeetings * (kNewItemsPerMeeting + kReviewsPerMeeting);
}

// A register of kMeetings meetings per back end, imported once, and the
// meeting after them.
struct Loaded {
  std::unique_ptr<Store> store;
  MeetingImport next;
  std::size_t items = 0;
};

Loaded& LoadedRegister(const Backend& backend) {
  static std::map<std::string, Loaded> loaded;
  Loaded& l = loaded[backend.name];
  if (l.store) return l;
  ImportBatch batch = History(kMeetings + 1);
  l.next = batch.meetings.back();
  batch.meetings.pop_back();
  l.store = FreshStore(backend);
  if (!l.store->Import(batch).ok()) std::abort();
  l.items = l.store->Actions({})->size();
  return l;
}

void ImportOneMoreMeeting(benchmark::State& state, const Backend& backend) {
  Loaded& l = LoadedRegister(backend);
  int version = 0;
  for (auto _ : state) {
    l.next.source.sha256 = std::to_string(++version);  // a changed file each time: a full replay
    auto report = l.store->Import({std::nullopt, {l.next}});
    if (!report.ok()) state.SkipWithError(report.error().message.c_str());
  }
  state.counters["register_items"] = static_cast<double>(l.items);
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
    fmt::print("\n{:<24}", "register, " + std::to_string(kMeetings) + " meetings");
    for (const Backend& b : backends) fmt::print("{:>16}", b.name);
    fmt::print("\n");
    for (const std::string& bench : order_) {
      fmt::print("{:<24}", bench);
      for (const Backend& b : backends) fmt::print("{:>16}", times_[bench][b.name]);
      fmt::print("\n");
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
        ->Iterations(1);
    benchmark::RegisterBenchmark(name("ImportOneMoreMeeting").c_str(), ImportOneMoreMeeting, b)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(3);
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
