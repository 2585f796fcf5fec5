// One installation, a million items (issue 15 §3): GROUPS groups of MEETINGS
// meetings each (default 50 x 1,000: 20,000 items a group, 1,000,000 in all;
// bench_history.h, members belonging to several groups), next to an
// installation of the first of those groups alone, on SQLite and on
// PostgreSQL. Prints, for each installation in the same run: the database's
// size, one more meeting imported into one group, the first page of one
// group's open items and of its items with a common and a rare word (the
// action list's ?q=), a member's "My items" across every group they belong
// to, and search (top 20) for a common word, a rare one (the first group's
// code name, in its texts alone) and a word rare in each group but in every
// group's texts (bench_history.h: every group has the same words); then each
// figure of the large installation as a ratio to the single group's, and the
// targets.
// `plenary serve`'s memory is measured by bench/million_bench.sh.
//   build/million_bench [--tiny] [--data DIR] [--groups N] [--meetings M]
//                       [--backend sqlite|postgresql|both]
// PLENARY_BENCH_PG_URL names a PostgreSQL server (bench/million_bench.sh
// starts one that keeps its data between runs). The installations are built
// once and kept: SQLite files in DIR (default build/million-data), PostgreSQL
// schemas named by the size; each run imports 8 more meetings into the
// first group of each (the figure "one more meeting").
// --tiny: 2 groups x 10 meetings (200 items each), built afresh (in
// build/million-tiny unless --data), SQLite only unless PLENARY_BENCH_PG_URL
// is set; exits 1 when a figure could
// not be measured (ctest runs it so that the bench cannot rot).
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "bench_history.h"
#include "plenary/site.h"
#include "plenary/store.h"

namespace plenary {
namespace {

using Clock = std::chrono::steady_clock;
using bench::GroupShape;
using bench::History;

struct Options {
  bool tiny = false;
  std::string data = "build/million-data";
  int groups = 50;
  int meetings = 1000;
  std::string backend = "both";
  std::string pg_server;
};

// The people pool: each group takes kMembers consecutive members from a
// group-dependent start, so a person belongs to kMembers * groups / pool groups.
int Pool(int groups) { return std::max(bench::kMembers, groups * 3); }

GroupShape ShapeOf(int group, int groups) {
  return {fmt::format("G{:02}", group), group * 3, Pool(groups)};
}

// The member whose items "My items" lists, and the groups they belong to.
const std::string kPerson = "Member 7";

std::vector<std::string> GroupsOf(const std::string& person, int groups) {
  std::vector<std::string> mine;
  for (int g = 0; g < groups; ++g) {
    Roster r = bench::BenchRoster(ShapeOf(g, groups));
    for (const Person& p : r.people)
      if (p.name == person) mine.push_back(r.group.short_name);
  }
  return mine;
}

std::vector<std::string> AllGroups(int groups) {
  std::vector<std::string> all;
  for (int g = 0; g < groups; ++g) all.push_back(ShapeOf(g, groups).name);
  return all;
}

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct Timings {
  std::vector<double> ms;
  double Percentile(double p) const {
    if (ms.empty()) return 0;
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    std::size_t at = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(at, sorted.size() - 1)];
  }
};

Timings Time(int iterations, const std::function<void()>& run) {
  Timings t;
  for (int i = 0; i < iterations; ++i) {
    auto start = Clock::now();
    run();
    t.ms.push_back(Ms(Clock::now() - start));
  }
  return t;
}

[[noreturn]] void Fail(const std::string& what) {
  fmt::print(stderr, "million_bench: {}\n", what);
  std::exit(1);
}

// Where an installation lives on a back end.
struct Installation {
  std::string label;  // "one group" or "N groups"
  int groups = 0;
  std::string url;
  std::string schema;  // PostgreSQL
  std::string path;    // SQLite
};

std::string SchemaUrl(const std::string& server, const std::string& schema) {
  return server + (server.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
         schema;
}

bool Exists(const Installation& in, const std::string& server) {
  if (!in.path.empty()) return std::filesystem::exists(in.path);
  pqxx::connection c(server);
  pqxx::nontransaction tx(c);
  return !tx.exec_params("SELECT 1 FROM pg_namespace WHERE nspname = $1", in.schema).empty();
}

// --tiny starts afresh every run.
void Remove(const Installation& in, const std::string& server) {
  if (!in.path.empty()) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(in.path + suffix);
    return;
  }
  pqxx::connection c(server);
  pqxx::nontransaction(c).exec("DROP SCHEMA IF EXISTS " + in.schema + " CASCADE");
}

// Builds the installation under a temporary name and renames it when every
// group is in, so that an interrupted build is never taken for a whole one.
void Build(const Installation& in, const Options& o) {
  std::string url;
  if (!in.path.empty()) {
    std::filesystem::create_directories(std::filesystem::path(in.path).parent_path());
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(in.path + ".new" + suffix);
    url = in.path + ".new";
  } else {
    pqxx::connection c(o.pg_server);
    pqxx::nontransaction(c).exec("DROP SCHEMA IF EXISTS " + in.schema +
                                 "_new CASCADE; CREATE SCHEMA " + in.schema + "_new");
    url = SchemaUrl(o.pg_server, in.schema + "_new");
  }
  auto store = OpenStore(url);
  if (!store.ok()) Fail(store.error().message);
  auto start = Clock::now();
  for (int g = 0; g < in.groups; ++g) {
    auto report = (*store)->Import(History(o.meetings, ShapeOf(g, o.groups)));
    if (!report.ok()) Fail(report.error().message);
    if (in.groups > 1 && ((g + 1) % 5 == 0 || g + 1 == in.groups))
      fmt::print(stderr, "million_bench: {} groups of {} imported, {:.0f} s\n", g + 1, in.groups,
                 Ms(Clock::now() - start) / 1000);
  }
  store->reset();
  if (!in.path.empty()) {
    std::filesystem::rename(in.path + ".new", in.path);
    for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(in.path + ".new" + suffix);
  } else {
    pqxx::connection c(o.pg_server);
    pqxx::nontransaction(c).exec("ALTER SCHEMA " + in.schema + "_new RENAME TO " + in.schema +
                                 "; ANALYZE");
  }
  fmt::print("built {} ({} items) in {:.1f} s\n", in.label,
             in.groups * o.meetings * bench::kNewItemsPerMeeting, Ms(Clock::now() - start) / 1000);
}

double SizeMb(const Installation& in, const Options& o) {
  if (!in.path.empty()) {
    double bytes = 0;
    for (const char* suffix : {"", "-wal"})
      if (std::filesystem::exists(in.path + suffix))
        bytes += static_cast<double>(std::filesystem::file_size(in.path + suffix));
    return bytes / 1e6;
  }
  pqxx::connection c(o.pg_server);
  pqxx::nontransaction tx(c);
  auto row = tx.exec_params1(
      "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c "
      "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'",
      in.schema);
  return static_cast<double>(row[0].as<std::int64_t>()) / 1e6;
}

struct Figures {
  double size_mb = 0;
  double first_write_ms = 0;   // the first meeting of the process (reads the register back)
  double more_meeting_ms = 0;  // median of the next ones
  double open_items_p50 = 0;
  std::size_t open_items = 0;
  double common_items_p50 = 0, rare_items_p50 = 0;  // the list's ?q=, first page
  std::size_t common_items = 0, rare_items = 0;
  double my_items_p50 = 0, my_items_p99 = 0;
  std::size_t my_items = 0;
  double common_p50 = 0, common_p99 = 0;
  std::size_t common_hits = 0;
  double rare_p50 = 0, rare_p99 = 0;  // the first group's code name: rare in the installation
  std::size_t rare_hits = 0;
  double every_p50 = 0, every_p99 = 0;  // a word rare in each group, in every group
  std::size_t every_hits = 0;
};

// A word of one item's text (the third of its first item, one of 4,096 the
// generator draws from): in 35 of a group's 20,000 items, and as rare in
// every group (1,750 matches over 50 groups).
std::string WordOfEveryGroup() {
  std::string text = History(1).meetings[0].meeting.actions[0].text;  // "Prepare the X ..."
  std::size_t from = text.find(' ', text.find(' ') + 1) + 1;
  return text.substr(from, text.find(' ', from) - from);
}

// A member's open items in every group they belong to: the first page, as
// /api/v1/me/actions and /my read it.
std::size_t MyItems(Store& store, const std::vector<std::string>& groups) {
  PageRequest page;
  page.limit = 50;
  auto items = store.OwnedActionPage({kPerson, groups, ActionStatus::kOpen}, page);
  if (!items.ok()) Fail(items.error().message);
  return items->total;
}

Figures Measure(const Installation& in, const Options& o) {
  Figures f;
  f.size_mb = SizeMb(in, o);
  auto opened = OpenStore(in.url);
  if (!opened.ok()) Fail(opened.error().message);
  Store& store = **opened;
  auto site = OpenSiteStore(in.url);
  if (!site.ok()) Fail(site.error().message);
  const std::string group = ShapeOf(0, o.groups).name;

  // One more meeting into the first group: the meetings after those there.
  auto summaries = store.GroupSummaries();
  if (!summaries.ok()) Fail(summaries.error().message);
  int have = 0;
  for (const GroupSummary& s : *summaries)
    if (s.group.short_name == group) have = static_cast<int>(s.meetings);
  constexpr int kMore = 8;  // the first reads the register back; the median of the 7 others
  ImportBatch more = History(have + kMore, ShapeOf(0, o.groups));
  Timings writes;
  for (int i = 0; i < kMore; ++i) {
    ImportBatch one;
    one.meetings.push_back(more.meetings[static_cast<std::size_t>(have + i)]);
    auto start = Clock::now();
    auto report = store.Import(one);
    if (!report.ok()) Fail(report.error().message);
    (i == 0 ? f.first_write_ms : writes.ms.emplace_back()) = Ms(Clock::now() - start);
  }
  f.more_meeting_ms = writes.Percentile(0.5);

  const int n = o.tiny ? 5 : 50;
  ActionListQuery open{group, ActionStatus::kOpen, {}, {}, {}, false};
  PageRequest first;
  first.limit = 50;
  f.open_items_p50 = Time(n, [&] {
                       auto page = store.ActionPage(open, first);
                       if (!page.ok()) Fail(page.error().message);
                       f.open_items = page->total;
                     }).Percentile(0.5);
  // The group's items with a word (the action list's ?q=), first page.
  auto with_word = [&](const std::string& word, std::size_t& total) {
    ActionListQuery q{group, {}, {}, {}, {}, false};
    q.words = word;
    return Time(n,
                [&] {
                  auto page = store.ActionPage(q, first);
                  if (!page.ok()) Fail(page.error().message);
                  total = page->total;
                })
        .Percentile(0.5);
  };
  f.common_items_p50 = with_word("paper", f.common_items);
  f.rare_items_p50 = with_word(WordOfEveryGroup(), f.rare_items);

  // The figures whose p99 is reported are timed 500 times: the p99 of 50 or
  // 100 timings is their slowest or second slowest, one stall of the
  // machine in a sub-millisecond read.
  const int samples = o.tiny ? 5 : 500;
  const std::vector<std::string> mine = GroupsOf(kPerson, in.groups);
  Timings my = Time(samples, [&] { f.my_items = MyItems(store, mine); });
  f.my_items_p50 = my.Percentile(0.5);
  f.my_items_p99 = my.Percentile(0.99);

  const std::vector<std::string> all = AllGroups(in.groups);
  auto search = [&](const std::string& words, std::size_t& hits) {
    auto found = (*site)->Search(SearchQuery{words, all, 20});
    if (!found.ok()) Fail(found.error().message);
    hits = found->size();
  };
  Timings common = Time(samples, [&] { search("paper", f.common_hits); });
  f.common_p50 = common.Percentile(0.5);
  f.common_p99 = common.Percentile(0.99);
  Timings rare = Time(samples, [&] { search(ShapeOf(0, o.groups).CodeName(), f.rare_hits); });
  f.rare_p50 = rare.Percentile(0.5);
  f.rare_p99 = rare.Percentile(0.99);
  Timings every = Time(samples, [&] { search(WordOfEveryGroup(), f.every_hits); });
  f.every_p50 = every.Percentile(0.5);
  f.every_p99 = every.Percentile(0.99);
  return f;
}

struct Row {
  std::string name;
  double single, large;
  std::string unit;
  std::string target;  // "ratio" (within 1.5x) or an absolute bound on the large figure
  double bound = 0;
};

// Prints the two installations' figures side by side; false if a target is missed.
bool Report(const std::string& backend, const Installation& single, const Installation& large,
            const Figures& s, const Figures& l) {
  const double items_single = single.groups, items_large = large.groups;
  std::vector<Row> rows{
      {"database size per group", s.size_mb / items_single, l.size_mb / items_large, "MB", "ratio"},
      {"one more meeting (median of 7)", s.more_meeting_ms, l.more_meeting_ms, "ms", "ratio"},
      {"open items, first page of 50", s.open_items_p50, l.open_items_p50, "ms", "ratio"},
      {"items with a common word (?q=), first page", s.common_items_p50, l.common_items_p50, "ms",
       "ratio"},
      {"items with a rare word (?q=), first page", s.rare_items_p50, l.rare_items_p50, "ms",
       "ratio"},
      {"My items, p50", s.my_items_p50, l.my_items_p50, "ms", "ratio"},
      {"My items, p99", s.my_items_p99, l.my_items_p99, "ms", "ratio"},
      {"search common word top 20, p50", s.common_p50, l.common_p50, "ms", "ratio"},
      {"search common word top 20, p99", s.common_p99, l.common_p99, "ms", "at most", 20},
      {"search rare word top 20, p50", s.rare_p50, l.rare_p50, "ms", "ratio"},
      {"search rare word top 20, p99", s.rare_p99, l.rare_p99, "ms", "ratio"},
      // 35 matches in one group, all ranked; 1,750 over 50 groups, more than
      // the window of 1,000 that bounds the common word's ranking, and held
      // to the common word's bound.
      {"search a word of every group top 20, p50", s.every_p50, l.every_p50, "ms", "at most", 20},
      {"search a word of every group top 20, p99", s.every_p99, l.every_p99, "ms", "at most", 20},
  };
  fmt::print("\n{}: {} and {}\n", backend, single.label, large.label);
  fmt::print("| figure | {} | {} | ratio | target | met |\n|---|---|---|---|---|---|\n",
             single.label, large.label);
  bool met_all = true;
  for (const Row& r : rows) {
    const double ratio = r.single > 0 ? r.large / r.single : 0;
    const bool met = r.target == "ratio" ? ratio <= 1.5 : r.large <= r.bound;
    met_all = met_all && met;
    std::string target = r.target == "ratio" ? "≤ 1.5x" : fmt::format("≤ {} {}", r.bound, r.unit);
    fmt::print("| {} | {:.3f} {} | {:.3f} {} | {:.2f} | {} | {} |\n", r.name, r.single, r.unit,
               r.large, r.unit, ratio, target, met ? "yes" : "no");
  }
  fmt::print(
      "(database size: {:.1f} MB and {:.1f} MB in all; the first meeting of the process, which "
      "reads the group's register back: {:.0f} ms and {:.0f} ms; open items: {} and {}; items with "
      "the common word: {} and {}, with the rare word: {} and {}; My items "
      "({}): {} and {} open; hits: common {} / {}, rare {} / {}, of every group {} / {})\n",
      s.size_mb, l.size_mb, s.first_write_ms, l.first_write_ms, s.open_items, l.open_items,
      s.common_items, l.common_items, s.rare_items, l.rare_items, kPerson, s.my_items, l.my_items,
      s.common_hits, l.common_hits, s.rare_hits, l.rare_hits, s.every_hits, l.every_hits);
  return met_all;
}

// What --tiny holds the bench to: every figure was measured and found rows.
bool Sane(const Figures& f) {
  return f.size_mb > 0 && f.more_meeting_ms > 0 && f.open_items > 0 && f.my_items > 0 &&
         f.common_items > 0 && f.rare_items > 0 && f.common_hits > 0 && f.rare_hits > 0 &&
         f.every_hits > 0 && f.common_p99 > 0;
}

Options Parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Fail(a + " needs a value");
      return argv[++i];
    };
    if (a == "--tiny") {
      o.tiny = true;
    } else if (a == "--data") {
      o.data = value();
    } else if (a == "--groups") {
      o.groups = std::max(2, std::atoi(value().c_str()));
    } else if (a == "--meetings") {
      o.meetings = std::max(2, std::atoi(value().c_str()));
    } else if (a == "--backend") {
      o.backend = value();
    } else {
      Fail("unknown argument " + a);
    }
  }
  if (const char* url = std::getenv("PLENARY_BENCH_PG_URL"); url && *url) o.pg_server = url;
  if (o.tiny) {
    o.groups = 2;
    o.meetings = 10;
    if (o.data == Options().data) o.data = "build/million-tiny";
  }
  return o;
}

Installation Place(const std::string& backend, int groups, const Options& o) {
  Installation in;
  in.groups = groups;
  in.label = groups == 1 ? "one group" : fmt::format("{} groups", groups);
  const std::string name = fmt::format("million_{}_of_{}x{}_v3", groups, o.groups, o.meetings);
  if (backend == "sqlite") {
    in.path = (std::filesystem::path(o.data) / (name + ".db")).string();
    in.url = in.path;
  } else {
    in.schema = o.tiny ? name + "_tiny" : name;
    in.url = SchemaUrl(o.pg_server, in.schema);
  }
  return in;
}

}  // namespace
}  // namespace plenary

int main(int argc, char** argv) {
  using namespace plenary;
  Options o = Parse(argc, argv);
  std::vector<std::string> backends;
  if (o.backend != "postgresql") backends.push_back("sqlite");
  if (o.backend != "sqlite" && !o.pg_server.empty()) backends.push_back("postgresql");
  if (o.backend == "postgresql" && o.pg_server.empty()) Fail("PLENARY_BENCH_PG_URL is not set");
  bool sane = true;
  for (const std::string& backend : backends) {
    Installation single = Place(backend, 1, o);
    Installation large = Place(backend, o.groups, o);
    for (const Installation* in : {&single, &large}) {
      if (o.tiny) Remove(*in, o.pg_server);
      if (Exists(*in, o.pg_server))
        fmt::print("{}: {} kept from an earlier run ({})\n", backend, in->label,
                   in->path.empty() ? in->schema : in->path);
      else
        Build(*in, o);
    }
    Figures s = Measure(single, o);
    Figures l = Measure(large, o);
    Report(backend, single, large, s, l);
    sane = sane && Sane(s) && Sane(l);
    fmt::print("{}_URLS\t{}\t{}\t{}\n", backend, single.url, large.url, large.groups);
  }
  if (!sane) Fail("a figure could not be measured (nothing found where rows were expected)");
  return 0;
}
