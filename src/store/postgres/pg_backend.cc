// Hands the PostgreSQL back end to OpenStore when this code starts: at the
// start of a program that links it, or when plenary-postgres.so is loaded
// (store/postgres_module.h).
#include <memory>
#include <string>

#include "store/postgres/pg_site.h"
#include "store/postgres/pg_store.h"
#include "store/postgres_module.h"

namespace plenary {

namespace {

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url) {
  Result<std::unique_ptr<PostgresStore>> store = PostgresStore::Open(url);
  if (!store) return store.error();
  return std::unique_ptr<Store>(std::move(store).value());
}

Result<std::unique_ptr<SiteStore>> OpenPostgresSite(const std::string& url) {
  Result<std::unique_ptr<PostgresSiteStore>> site = PostgresSiteStore::Open(url);
  if (!site) return site.error();
  return std::unique_ptr<SiteStore>(std::move(site).value());
}

[[maybe_unused]] const bool kProvided = [] {
  ProvidePostgresBackend({&OpenPostgresStore, &OpenPostgresSite});
  return true;
}();

}  // namespace

}  // namespace plenary
