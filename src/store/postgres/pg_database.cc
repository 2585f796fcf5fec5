#include "store/postgres/pg_database.h"

#include <fmt/format.h>

#include <algorithm>
#include <random>
#include <thread>

#include "store/postgres/pg_migrations.h"
#include "store/store_url.h"

namespace plenary::pg {

Result<std::unique_ptr<Database>> Database::Open(const std::string& url) {
  try {
    std::unique_ptr<Database> db(new Database(url));
    // Dates travel as ISO text both ways; the server's defaults may differ.
    // Notices (an empty text-search query) would go to stderr. No parallel
    // workers: every statement plenary runs reads a range of an index (a page
    // of a list, a group's rows), and starting a worker cost more than the
    // statement (an action list's first page with ?q= over the million
    // installation: 7.7 ms with one worker, the work in it 0.2 ms; My items'
    // owner names, 6-8 ms a group). No JIT compilation: it starts where a
    // plan's estimated cost passes jit_above_cost, which reading a group's
    // 20,000 items does, and compiling took 11 ms of a 30 ms statement.
    pqxx::nontransaction(db->connection_)
        .exec(
            "SET datestyle = 'ISO, YMD'; SET client_min_messages = warning; "
            "SET max_parallel_workers_per_gather = 0; SET jit = off");
    if (Status migrated = MigratePostgresSchema(db->connection_); !migrated)
      return Error::Storage(
          fmt::format("{}: {}", RedactUrl(url), RedactPasswordIn(migrated.error().message, url)));
    return db;
  } catch (const std::exception& e) {
    return Error::Storage(fmt::format("{}: {}", RedactUrl(url), RedactPasswordIn(e.what(), url)));
  }
}

Result<std::string> Database::CurrentSnapshot() {
  try {
    pqxx::nontransaction tx(connection_);
    return tx.exec1("SELECT pg_current_snapshot()::text")[0].as<std::string>();
  } catch (const std::exception& e) {
    return Failure(e, ErrorKind::kStorage);
  }
}

Error Database::Failure(const std::exception& e, ErrorKind kind) const {
  return {kind, fmt::format("{}: {}", RedactUrl(url_), RedactPasswordIn(e.what(), url_))};
}

// A pause before retry `attempt` (1, 2, ...): up to 2^attempt ms, at most
// 200 ms, jittered so that writers that collided do not collide again.
void Database::PauseBeforeRetry(int attempt) {
  thread_local std::minstd_rand random(std::random_device{}());
  int ceiling = std::min(200, 1 << std::min(attempt, 8));
  std::uniform_int_distribution<int> pause(1, ceiling);
  std::this_thread::sleep_for(std::chrono::milliseconds(pause(random)));
}

}  // namespace plenary::pg
