// The cost of reading an upload in a sandboxed child process (what `plenary
// serve` does, app/isolated_import.h) against reading it in this process
// (what `plenary import` does), for the SSR2 example with its roster.
//   build/isolated_import_bench   (needs build/plenary, the child's binary)
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "app/importing.h"
#include "app/isolated_import.h"

namespace plenary {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

ImportRequest Ssr2Request() {
  const std::string dir = PLENARY_SOURCE_DIR "/examples/ssr2/";
  ImportRequest request;
  request.notes.push_back({"ssr2-plenary-15.txt", ReadFile(dir + "ssr2-plenary-15.txt")});
  request.roster = NamedInput{"ssr2-roster.txt", ReadFile(dir + "ssr2-roster.txt")};
  return request;
}

void BM_PlanInProcess(benchmark::State& state) {
  const ImportRequest request = Ssr2Request();
  for (auto _ : state) {
    auto plan = PlanImport(request, {});
    if (!plan.ok()) state.SkipWithError(plan.error().message.c_str());
    benchmark::DoNotOptimize(plan);
  }
}
BENCHMARK(BM_PlanInProcess)->Unit(benchmark::kMillisecond);

void BM_PlanIsolated(benchmark::State& state) {
  const ImportRequest request = Ssr2Request();
  const IsolatedImportPlanner planner(PLENARY_BINARY);
  for (auto _ : state) {
    auto plan = planner.Plan(request, {});
    if (!plan.ok()) state.SkipWithError(plan.error().message.c_str());
    benchmark::DoNotOptimize(plan);
  }
}
BENCHMARK(BM_PlanIsolated)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace plenary

BENCHMARK_MAIN();
