// Reading ASF board minutes: the real 120 KB minutes of 2014-02-19
// (../shared/corpus/asf, when it is beside the checkout) with and without a
// roster, and the minutes of tests/data/asf repeated to a given size, to show
// the cost is linear.
//   build/board_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <string>

#include "importers/board/board_layout.h"
#include "importers/board/board_minutes.h"
#include "importers/roster_file.h"

namespace plenary {
namespace {

std::string ReadPath(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<Roster> AsfRosters() {
  auto source = SourceText::Load(
      "roster", ReadPath(std::string(PLENARY_SOURCE_DIR) + "/tests/data/asf/asf-board-roster.txt"));
  if (!source.ok()) return {};
  auto roster = ReadRoster(*source);
  return roster.ok() ? std::vector<Roster>{*roster} : std::vector<Roster>{};
}

void ReadAll(benchmark::State& state, const std::string& bytes, const ReadOptions& options) {
  for (auto _ : state) {
    auto source = SourceText::Load("board.txt", bytes);
    auto read = ReadAsfBoardMinutes(*source, options);
    if (!read.ok()) {
      state.SkipWithError(read.error().message.c_str());
      return;
    }
    benchmark::DoNotOptimize(read->meetings.front().actions.size());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(bytes.size()));
}

void BM_ReadCorpusMinutes(benchmark::State& state) {
  std::string bytes;
  for (const char* up : {"/../shared/corpus/", "/../../shared/corpus/"})
    if (bytes.empty())
      bytes = ReadPath(std::string(PLENARY_SOURCE_DIR) + up + "asf/board_minutes_2014_02_19.txt");
  if (bytes.empty()) {
    state.SkipWithError("../shared/corpus/asf is not beside this checkout");
    return;
  }
  ReadOptions options;
  if (state.range(0)) options.rosters = AsfRosters();
  ReadAll(state, bytes, options);
}
BENCHMARK(BM_ReadCorpusMinutes)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// The April minutes with their committee reports repeated `range` times.
void BM_ReadSyntheticMinutes(benchmark::State& state) {
  std::string april =
      ReadPath(std::string(PLENARY_SOURCE_DIR) + "/tests/data/asf/board_minutes_2014_04_16.txt");
  std::size_t from = april.find("    A. Apache Flex Project");
  std::size_t to = april.find("    Committee reports approved");
  if (from == std::string::npos || to == std::string::npos) {
    state.SkipWithError("tests/data/asf/board_minutes_2014_04_16.txt changed");
    return;
  }
  std::string reports;
  for (int i = 0; i < state.range(0); ++i) {
    reports += fmt::format(
        "    {}. Apache Project{} Project [Someone / Greg]\n\n       See Attachment {}\n\n"
        "       @Greg: follow up on the report of Project{}\n\n",
        board::ItemLabel(static_cast<std::size_t>(i)), i, i, i);
  }
  std::string bytes = april.substr(0, from) + reports + april.substr(to);
  ReadOptions options;
  options.rosters = AsfRosters();
  ReadAll(state, bytes, options);
}
BENCHMARK(BM_ReadSyntheticMinutes)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace plenary

BENCHMARK_MAIN();
