// The register at the size of a long-lived group: 1,000 meetings, 20,000 items
// (with reviews of earlier items), 30 members. Prints the time to import the
// whole history, to import one more meeting into it, and per-query latency.
//   build/register_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
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

std::filesystem::path FreshDir() {
  auto dir = std::filesystem::temp_directory_path() / "plenary-register-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

void BM_ImportWholeHistory(benchmark::State& state) {
  ImportBatch batch = History(kMeetings);
  for (auto _ : state) {
    state.PauseTiming();
    auto store = OpenStore((FreshDir() / "r.db").string());
    state.ResumeTiming();
    auto report = (*store)->Import(batch);
    if (!report.ok()) state.SkipWithError(report.error().message.c_str());
  }
  state.counters["meetings"] = kMeetings;
  state.counters["mentions"] = kMeetings * (kNewItemsPerMeeting + kReviewsPerMeeting);
}
BENCHMARK(BM_ImportWholeHistory)->Unit(benchmark::kMillisecond)->Iterations(1);

class RegisterFixture : public benchmark::Fixture {
 public:
  void SetUp(const benchmark::State&) override {
    if (store_) return;
    ImportBatch batch = History(kMeetings + 1);
    next_ = batch.meetings.back();
    batch.meetings.pop_back();
    auto opened = OpenStore((FreshDir() / "r.db").string());
    store_ = std::move(opened.value());
    auto report = store_->Import(batch);
    if (!report.ok()) std::abort();
    items_ = store_->Actions({})->size();
  }
  static inline std::unique_ptr<Store> store_;
  static inline MeetingImport next_;
  static inline std::size_t items_ = 0;
};

BENCHMARK_DEFINE_F(RegisterFixture, ImportOneMoreMeeting)(benchmark::State& state) {
  int version = 0;
  for (auto _ : state) {
    next_.source.sha256 = std::to_string(++version);  // a changed file each time: a full replay
    auto report = store_->Import({std::nullopt, {next_}});
    if (!report.ok()) state.SkipWithError(report.error().message.c_str());
  }
  state.counters["register_items"] = static_cast<double>(items_);
}
BENCHMARK_REGISTER_F(RegisterFixture, ImportOneMoreMeeting)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

BENCHMARK_DEFINE_F(RegisterFixture, OpenItems)(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(store_->Actions({true, std::nullopt, std::nullopt}));
}
BENCHMARK_REGISTER_F(RegisterFixture, OpenItems)->Unit(benchmark::kMillisecond);

BENCHMARK_DEFINE_F(RegisterFixture, OneOwnersItems)(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(store_->Actions({true, "m7", std::nullopt}));
}
BENCHMARK_REGISTER_F(RegisterFixture, OneOwnersItems)->Unit(benchmark::kMillisecond);

BENCHMARK_DEFINE_F(RegisterFixture, OverdueItems)(benchmark::State& state) {
  Date as_of{std::chrono::year{2010} / 1 / 1};
  for (auto _ : state) benchmark::DoNotOptimize(store_->Actions({false, std::nullopt, as_of}));
}
BENCHMARK_REGISTER_F(RegisterFixture, OverdueItems)->Unit(benchmark::kMillisecond);

BENCHMARK_DEFINE_F(RegisterFixture, OneItemWithHistory)(benchmark::State& state) {
  std::int64_t id = 1;
  for (auto _ : state) {
    benchmark::DoNotOptimize(store_->Action(id));
    id = id % 1000 + 1;
  }
}
BENCHMARK_REGISTER_F(RegisterFixture, OneItemWithHistory)->Unit(benchmark::kMicrosecond);

BENCHMARK_DEFINE_F(RegisterFixture, Duplicates)(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(store_->Duplicates());
}
BENCHMARK_REGISTER_F(RegisterFixture, Duplicates)->Unit(benchmark::kMillisecond)->Iterations(2);

}  // namespace
}  // namespace plenary

BENCHMARK_MAIN();
