// The PostgreSQL back end of SiteStore: accounts, grants, sessions, API
// tokens, public groups, the audit log and search, in the registers'
// database, on its own connection (pg_database.h: transactions, retries,
// errors without the password).
//
// Tables: migration 4 (SiteSchema()), the same tables and columns as SQLite's
// (doc/schema.md), so that Export/Restore and copy-db carry them. Logins and
// group names are compared without regard to ASCII case, as SQLite's NOCASE
// does. The details beyond SiteStore's contract are SqliteSiteStore's
// (sqlite_site.h); the shared suite (src/store/site_store_test.cc) holds both
// to them. Not thread-safe: one per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "plenary/site.h"

namespace pqxx {
class transaction_base;
}  // namespace pqxx

namespace plenary {
namespace pg {
class Database;
// Migration 4: the site's tables and the search index (pg_search.h).
std::string_view SiteSchema();
// Appends `entries` to the audit log, in the caller's transaction.
void InsertAudit(pqxx::transaction_base& tx, const std::vector<AuditEntry>& entries);
}  // namespace pg

class PostgresSiteStore final : public SiteStore {
 public:
  // Connects to the database `url` names and migrates it, as
  // PostgresStore::Open does (the registers' tables exist too).
  static Result<std::unique_ptr<PostgresSiteStore>> Open(const std::string& url);

  ~PostgresSiteStore() override;
  PostgresSiteStore(const PostgresSiteStore&) = delete;
  PostgresSiteStore& operator=(const PostgresSiteStore&) = delete;

  Result<User> CreateUser(const NewUser& user) override;
  Result<User> FindUser(std::int64_t id) override;
  Result<std::optional<std::pair<User, std::string>>> FindLogin(const std::string& login) override;
  Result<std::vector<User>> Users() override;
  Status SetPasswordHash(std::int64_t user_id, const std::string& hash,
                         const std::vector<AuditEntry>& audit = {}) override;
  Status SetGrant(std::int64_t user_id, const std::string& group,
                  std::optional<GroupRole> role,
                  const AuditOf<User>& audit = nullptr) override;
  Status CreateSession(const std::string& token_sha256, std::int64_t user_id,
                       const std::string& csrf_token, std::int64_t expires_unix) override;
  Result<std::optional<Session>> FindSession(const std::string& token_sha256,
                                             std::int64_t now_unix) override;
  Status DeleteSession(const std::string& token_sha256) override;
  Result<ApiToken> CreateApiToken(std::int64_t user_id, const std::string& name,
                                  const std::string& token_sha256, std::int64_t now_unix,
                                  const AuditOf<ApiToken>& audit = nullptr) override;
  Result<std::optional<User>> FindApiToken(const std::string& token_sha256) override;
  Status RevokeApiToken(std::int64_t token_id, const std::vector<AuditEntry>& audit = {}) override;
  Status SetGroupPublic(const std::string& group, bool is_public,
                        const std::vector<AuditEntry>& audit = {}) override;
  Result<bool> GroupIsPublic(const std::string& group) override;
  Result<std::vector<std::string>> Groups() override;
  Status AppendAudit(const AuditEntry& entry) override;
  Result<std::vector<AuditEntry>> Audit(const AuditQuery& query) override;
  Result<ListPage<AuditEntry>> AuditPage(const std::string& group,
                                         const PageRequest& page) override;
  Result<SearchResults> SearchPage(const SearchQuery& query) override;
  Result<bool> RecordReminder(const SentReminder& sent) override;
  Result<std::vector<SentReminder>> RemindersSent(const std::string& group,
                                                  const std::string& day) override;

 private:
  explicit PostgresSiteStore(std::unique_ptr<pg::Database> db);

  std::unique_ptr<pg::Database> db_;
};

}  // namespace plenary
