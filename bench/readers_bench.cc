// Reading throughput of the minutes readers, in bytes/s: each reader on the
// dev records of its format (skipped when ../shared is absent) and on a large
// generated file of repeated records, to show the cost is linear in the input.
//   build/readers_bench [--benchmark_filter=Markdown]
// Each format adds its own BM_<Format>Corpus / BM_<Format>Generated pair.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "importers/formats.h"
#include "importers/markdown/markdown_reader.h"
#include "importers/source_text.h"

namespace plenary {
namespace {

const std::string kCorpus = std::string(PLENARY_SOURCE_DIR) + "/../shared/corpus/";
// Large enough for the generated inputs; the readers' own limit is 4 MiB.
const SourceLimits kBenchLimits{64 * 1024 * 1024, 16 * 1024};

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Reads every input with `read` per iteration; reports bytes/s and meetings.
template <typename ReadFn>
void ReadInputs(benchmark::State& state, const std::vector<std::string>& inputs, ReadFn read) {
  std::vector<SourceText> sources;
  std::size_t bytes = 0;
  for (const std::string& input : inputs) {
    auto source = SourceText::Load("bench", input, kBenchLimits);
    if (!source.ok()) {
      state.SkipWithError(source.error().message.c_str());
      return;
    }
    bytes += input.size();
    sources.push_back(std::move(*source));
  }
  std::size_t meetings = 0;
  for (auto _ : state) {
    meetings = 0;
    for (const SourceText& source : sources) {
      auto minutes = read(source, ReadOptions{});
      if (!minutes.ok()) {
        state.SkipWithError(minutes.error().message.c_str());
        return;
      }
      meetings += minutes->meetings.size();
      benchmark::DoNotOptimize(minutes);
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["meetings"] = static_cast<double>(meetings);
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}

// ---- every format on its dev records --------------------------------------

// Each format's dev records in ../shared/corpus, read through the format's
// row of the table (what `plenary import --format NAME` runs).
void BM_FormatCorpus(benchmark::State& state, std::string format, int year,
                     std::vector<std::string> files) {
  std::vector<std::string> inputs;
  for (const std::string& file : files) {
    auto bytes = ReadFile(kCorpus + file);
    if (!bytes) {
      state.SkipWithError("../shared/corpus is not beside this checkout");
      return;
    }
    inputs.push_back(std::move(*bytes));
  }
  const MinutesFormat* row = FindMinutesFormat(format);
  if (!row) {
    state.SkipWithError("no such format");
    return;
  }
  ReadInputs(state, inputs, [&](const SourceText& source, const ReadOptions&) {
    ReadOptions options;
    options.group = "BENCH";
    options.year = year;
    return row->read(source, options);
  });
}
BENCHMARK_CAPTURE(BM_FormatCorpus, icann_notes, "icann-notes", 2017, {"icann/ssr2-plenary-15.txt"})
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_FormatCorpus, icann_wiki, "icann-wiki", 2018, {"icann/ssr2-plenary-41-wiki.txt"})
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_FormatCorpus, w3c_irc, "w3c-irc", 2014,
                  {"w3c-irc/sample-public.txt", "w3c-irc/sample-member.txt",
                   "w3c-irc/sample-fancy.txt", "w3c-irc/sample-team.txt",
                   "w3c-irc/sample-slides.txt"})
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_FormatCorpus, meetbot_json, "meetbot-json", 2021,
                  {"meetbot/hcoop-2021-04-13.log.json"})
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_FormatCorpus, asf_board_minutes, "asf-board-minutes", 2014,
                  {"asf/board_minutes_2014_02_19.txt"})
    ->Unit(benchmark::kMicrosecond);

// ---- markdown ------------------------------------------------------------

void BM_MarkdownCorpus(benchmark::State& state) {
  std::vector<std::string> inputs;
  for (const char* file :
       {"ietf/irsg-2022-05-31.md", "ietf/irsg-2023-06-27.md", "ietf/iab-agenda-2024-05-28.md"}) {
    auto bytes = ReadFile(kCorpus + file);
    if (!bytes) {
      state.SkipWithError("../shared/corpus/ietf is not beside this checkout");
      return;
    }
    inputs.push_back(std::move(*bytes));
  }
  ReadInputs(state, inputs, ReadMarkdownMinutes);
}
BENCHMARK(BM_MarkdownCorpus)->Unit(benchmark::kMicrosecond);

// One file of `meetings` sessions (a day each), each with attendance, an
// action item review in status groups, new items and decisions: about 1.4 KB
// a meeting.
std::string MarkdownSessions(int meetings) {
  std::string out = "---\ntitle: ABC meetings\ngroup: ABC\n---\n\n# ABC Teleconferences\n\n";
  for (int i = 0; i < meetings; ++i) {
    int year = 2000 + i / 336, month = 1 + (i / 28) % 12, day = 1 + i % 28;
    out += fmt::format("## ABC Teleconference {:04}-{:02}-{:02} 0730 PDT\n\n", year, month, day);
    out +=
        "Present: Ann Able (Chair), Ben Baker, Cleo Carter, Dev Dalton, Eve Eames\n"
        "Regrets: Fay Fisher\n\n### Action Item Review\n\nDone:\n\n";
    out += fmt::format("* {:04}-{:02}-01: Ann Able to send the report {} out for review.\n\n", year,
                       month, i);
    out += "In Progress:\n\n";
    for (int k = 0; k < 4; ++k)
      out += fmt::format(
          "* {:04}-{:02}-01: Ben Baker and Cleo Carter to follow up on item {} of topic {}\n"
          "    with the working group chairs.\n",
          year, month, k, i % 50);
    out += "\n### New action items\n\n";
    out += fmt::format("- [ ] Dev Dalton to draft the note on topic {} by {:04}-{:02}-{:02}\n",
                       i % 50, year + 1, month, day);
    out += "- [x] Eve Eames to book the room\n\n### Decisions\n\n";
    out += fmt::format("- Agreed to publish document {} for community review.\n\n", i);
    out +=
        "### Discussion\n\n| Topic | Lead |\n|---|---|\n| Planning | Ann Able |\n\n"
        "Ben Baker summarised the status of the drafts and the group discussed the schedule.\n\n";
  }
  return out;
}

void BM_MarkdownGenerated(benchmark::State& state) {
  ReadInputs(state, {MarkdownSessions(static_cast<int>(state.range(0)))}, ReadMarkdownMinutes);
}
// 9,800 meetings is about 10 MB.
BENCHMARK(BM_MarkdownGenerated)->RangeMultiplier(8)->Range(16, 9800)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace plenary

BENCHMARK_MAIN();
