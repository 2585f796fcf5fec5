// The PostgreSQL back end as a loadable part. Its code and libpq/libpqxx (and
// the twenty libraries they bring: Kerberos, LDAP, TLS...) are not linked
// into the plenary binary, so that a command on the embedded SQLite register
// does not pay for loading them: OpenStore on a postgresql:// URL loads the
// module plenary-postgres.so, whose code hands its openers over with
// ProvidePostgresBackend when it is loaded. A program that links the back
// end's code itself (the test binary, the benchmarks) provides it at start
// and loads nothing. doc/performance.md ("Starting a process").
#pragma once

#include <memory>
#include <string>

#include "plenary/result.h"
#include "plenary/site.h"
#include "plenary/store.h"

namespace plenary {

struct PostgresBackend {
  Result<std::unique_ptr<Store>> (*open_store)(const std::string& url) = nullptr;
  Result<std::unique_ptr<SiteStore>> (*open_site)(const std::string& url) = nullptr;
};

// Called by the back end's code when it starts (store/postgres/pg_backend.cc);
// the first call wins. Thread-safe.
void ProvidePostgresBackend(PostgresBackend backend);

// The back end: the one provided, else the one the module provides once
// loaded from beside the running binary (the build tree) or from the
// installed modules' directory (PLENARY_MODULE_DIR, relative to the binary's
// directory: ../lib/<multiarch>/plenary). kIO naming each place tried and the
// loader's reason when none has it.
Result<PostgresBackend> LoadPostgresBackend();

}  // namespace plenary
