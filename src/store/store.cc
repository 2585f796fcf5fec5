#include "plenary/store.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/text.h"
#include "plenary/site.h"
#include "store/postgres_module.h"
#include "store/sqlite/sqlite_site.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store_url.h"

namespace plenary {

std::string_view ImportOutcomeName(ImportOutcome outcome) {
  switch (outcome) {
    case ImportOutcome::kCreated:
      return "created";
    case ImportOutcome::kUpdated:
      return "updated";
    case ImportOutcome::kUnchanged:
      return "unchanged";
  }
  return "?";
}

namespace {

// The scheme of a URL ("postgresql" in "postgresql://..."), when `url` starts
// with one: RFC 3986 syntax, at least two characters so that a Windows drive
// ("C:\...") stays a path.
std::optional<std::string_view> SchemeOf(std::string_view url) {
  std::size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon < 2) return std::nullopt;
  std::string_view scheme = url.substr(0, colon);
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!alpha(scheme[0])) return std::nullopt;
  for (char c : scheme) {
    if (!alpha(c) && !digit(c) && c != '+' && c != '-' && c != '.') return std::nullopt;
  }
  return scheme;
}

// The SQLite file `url` names: "sqlite:PATH" or a bare path. Other schemes are
// refused naming only the scheme, since the rest of a URL may hold a password.
Result<std::string> SqlitePathOf(const std::string& url) {
  std::optional<std::string_view> scheme = SchemeOf(url);
  std::string path = url;
  if (scheme && EqualsNoCase(*scheme, "sqlite")) {
    path = url.substr(scheme->size() + 1);
  } else if (scheme) {
    return Error::InvalidInput(
        "store URL scheme '" + std::string(*scheme) +
        "' is not supported; use sqlite:PATH, a file path, or postgresql://...");
  }
  if (path.empty()) return Error::InvalidInput("store URL names no database file");
  return path;
}

}  // namespace

Result<std::unique_ptr<Store>> OpenStore(const std::string& url) {
  if (IsPostgresUrl(url)) {
    Result<PostgresBackend> postgres = LoadPostgresBackend();
    if (!postgres) return postgres.error();
    return postgres->open_store(url);
  }
  Result<std::string> path = SqlitePathOf(url);
  if (!path) return path.error();
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(*path);
  if (!store) return store.error();
  return std::unique_ptr<Store>(std::move(store).value());
}

Result<std::unique_ptr<SiteStore>> OpenSiteStore(const std::string& url) {
  if (IsPostgresUrl(url)) {
    Result<PostgresBackend> postgres = LoadPostgresBackend();
    if (!postgres) return postgres.error();
    return postgres->open_site(url);
  }
  Result<std::string> path = SqlitePathOf(url);
  if (!path) return path.error();
  Result<std::unique_ptr<SqliteSiteStore>> site = SqliteSiteStore::Open(*path);
  if (!site) return site.error();
  return std::unique_ptr<SiteStore>(std::move(site).value());
}

}  // namespace plenary
