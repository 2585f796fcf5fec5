// Import throughput: reading ICANN notes (bytes/s, by input size, to show the
// cost is linear) and writing meetings to SQLite (items/s).
//   build/import_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <filesystem>
#include <string>

#include "importers/icann_notes.h"
#include "plenary/store.h"

namespace plenary {
namespace {

// Notes shaped like SSR2 plenary #15, with `rows` action table rows and as
// many carried items and summary bullets.
std::string SyntheticNotes(int number, int rows) {
  std::string out = fmt::format(
      "SSR2 Plenary Meeting #{} - Tuesday 13 June 2017 @ 06:00 UTC\n\n"
      "Attendees: Emily Taylor, James Gannon, Zarko Kecic, Kaveh Ranjbar, Alain Aina\n"
      "Staff: Jennifer Bryce, Karen Mulberry, Yvette Guigneaux\n\n"
      "\tAction Items Plenary #{}\n\n\tAction\n\tOwner\n\tDue Date \n\n",
      number, number);
  for (int i = 0; i < rows; ++i) {
    out += fmt::format(
        "\tPrepare briefing {} on topic {} for the sub-team and circulate it.\n"
        "\tICANN Org, Staff\n\t{} June \n\n",
        i, i % 97, 1 + i % 30);
  }
  out +=
      "\tDecisions Made\n\n\tTeam agreed that sub-teams are free to progress work.\n\n"
      "SUMMARY NOTES:\n\nReview open action items list\n";
  for (int i = 0; i < rows; ++i)
    out += fmt::format("\xC2\xB7 Schedule remainder of SSR1 briefings, part {}: Due 23 June\n", i);
  out += "\nAOB\n";
  for (int i = 0; i < rows; ++i) {
    out += fmt::format(
        "\xC2\xB7 Suggestions on attendance, round {}. Staff to put log {} "
        "together similar to: https://example.org/log/{}\n",
        i, i, i);
  }
  return out + "\nEND OF MEETING\n";
}

void BM_ReadIcannNotes(benchmark::State& state) {
  std::string notes = SyntheticNotes(15, static_cast<int>(state.range(0)));
  NotesOptions options;
  for (auto _ : state) {
    auto source = SourceText::Load("bench.txt", notes);
    auto meeting = ReadIcannNotes(*source, options);
    if (!meeting.ok()) state.SkipWithError(meeting.error().message.c_str());
    benchmark::DoNotOptimize(meeting);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * notes.size()));
  state.counters["input_KiB"] = static_cast<double>(notes.size()) / 1024.0;
  state.counters["rows"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_ReadIcannNotes)->RangeMultiplier(4)->Range(4, 4096)->Unit(benchmark::kMicrosecond);

void BM_SqliteImport(benchmark::State& state) {
  const int meetings = static_cast<int>(state.range(0));
  ImportBatch batch;
  for (int m = 1; m <= meetings; ++m) {
    auto source = SourceText::Load("bench.txt", SyntheticNotes(m, 20));
    batch.meetings.push_back(
        {ReadIcannNotes(*source, {})->meeting, {"bench.txt", std::to_string(m)}});
  }
  std::size_t items = 0;
  for (const auto& m : batch.meetings) items += m.meeting.actions.size();
  auto dir = std::filesystem::temp_directory_path() / "plenary-bench";
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto store = OpenStore((dir / "bench.db").string());
    state.ResumeTiming();
    auto report = (*store)->Import(batch);
    if (!report.ok()) state.SkipWithError(report.error().message.c_str());
  }
  std::filesystem::remove_all(dir);
  state.counters["items/s"] = benchmark::Counter(static_cast<double>(items * state.iterations()),
                                                 benchmark::Counter::kIsRate);
  state.counters["meetings/s"] =
      benchmark::Counter(static_cast<double>(meetings * static_cast<long>(state.iterations())),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SqliteImport)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace plenary

BENCHMARK_MAIN();
