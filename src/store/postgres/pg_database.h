// One connection to a plenary PostgreSQL database, and the transactions both
// PostgreSQL stores (PostgresStore, PostgresSiteStore) run on it.
//
// Writes run in SERIALIZABLE transactions retried whole on a serialization
// failure or deadlock (SQLSTATE 40001, 40P01), up to kWriteAttempts times with
// a growing, jittered pause (pg_store.h says why that is enough). Reads run in
// REPEATABLE READ READ ONLY transactions: one consistent snapshot per call.
// Every failure becomes an Error whose message starts with the URL with its
// password redacted and never carries the password; no exception leaves a
// Write or Read. Not thread-safe: one per thread.
#pragma once

#include <chrono>
#include <exception>
#include <memory>
#include <pqxx/pqxx>
#include <string>

#include "plenary/result.h"
#include "store/register_rows.h"

namespace plenary::pg {

class Database {
 public:
  static constexpr int kWriteAttempts = 30;

  // Connects to `url` and migrates the database to the current schema
  // (pg_migrations.h). Error::Storage when the server cannot be reached or
  // the migration fails.
  static Result<std::unique_ptr<Database>> Open(const std::string& url);

  // Runs `body(tx)` (returning a Result<T>) in a write transaction, committed
  // when the result is ok, rolled back otherwise. After kWriteAttempts
  // serialization failures: Error::Conflict.
  template <typename T, typename Body>
  Result<T> Write(Body&& body);
  // Runs `body(tx)` in a read-only transaction.
  template <typename T, typename Body>
  Result<T> Read(Body&& body);

  // The server's current snapshot (pg_current_snapshot(), outside any
  // transaction of ours): it moves whenever a transaction of the cluster
  // that was given a transaction id (one that wrote) commits or aborts.
  // One round trip; Store::ChangeMark.
  Result<std::string> CurrentSnapshot();

  // Write transactions retried after a serialization failure since Open.
  int retries() const { return retries_; }

 private:
  explicit Database(const std::string& url) : url_(url), connection_(url) {}
  Error Failure(const std::exception& e, ErrorKind kind) const;
  static void PauseBeforeRetry(int attempt);

  std::string url_;  // as given, for redacting messages; never printed
  pqxx::connection connection_;
  int retries_ = 0;
};

template <typename T, typename Body>
Result<T> Database::Write(Body&& body) {
  for (int attempt = 1;; ++attempt) {
    try {
      pqxx::transaction<pqxx::serializable> tx(connection_);
      Result<T> result = body(static_cast<pqxx::transaction_base&>(tx));
      if (result.ok()) tx.commit();
      return result;
    } catch (const pqxx::transaction_rollback& e) {
      // serialization_failure, deadlock_detected, statement_completion_unknown
      if (dynamic_cast<const pqxx::statement_completion_unknown*>(&e) != nullptr ||
          attempt >= kWriteAttempts)
        return Failure(e, ErrorKind::kConflict);
      ++retries_;
      PauseBeforeRetry(attempt);
    } catch (const CorruptRow& e) {
      return Failure(e, ErrorKind::kStorage);
    } catch (const pqxx::failure& e) {
      return Failure(e, ErrorKind::kStorage);
    } catch (const std::exception& e) {
      return Failure(e, ErrorKind::kInternal);
    }
  }
}

template <typename T, typename Body>
Result<T> Database::Read(Body&& body) {
  try {
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(connection_);
    Result<T> result = body(static_cast<pqxx::transaction_base&>(tx));
    tx.commit();
    return result;
  } catch (const CorruptRow& e) {
    return Failure(e, ErrorKind::kStorage);
  } catch (const pqxx::failure& e) {
    return Failure(e, ErrorKind::kStorage);
  } catch (const std::exception& e) {
    return Failure(e, ErrorKind::kInternal);
  }
}

}  // namespace plenary::pg
