// The SQLite back end of SiteStore: accounts, grants, sessions, API tokens,
// public groups, the audit log and search, in the registers' database file.
//
// Tables: migration 4 (SiteSchema()). Logins and group names are compared
// without regard to ASCII case (COLLATE NOCASE). Grants and public flags are
// kept by group name, so a group may be granted or published before its first
// import. Every SQLite failure is Error::Storage prefixed with the file's
// path; no exception leaves this class. Not thread-safe: one per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "plenary/site.h"

namespace SQLite {
class Database;
}  // namespace SQLite

namespace plenary {

namespace sqlite {
// Migration 4: the site's tables and the search index (sqlite_search.h).
std::string_view SiteSchema();
// Appends `entries` to the audit log, in the caller's transaction.
void InsertAudit(SQLite::Database& db, const std::vector<AuditEntry>& entries);
}  // namespace sqlite

// Beyond SiteStore's contract:
//  - CreateUser: InvalidInput for an empty or over-long login (> 64 bytes),
//    control characters or invalid UTF-8 in any field.
//  - SetGrant, SetPasswordHash, RevokeApiToken: NotFound for an unknown user
//    or token. A revoked token stays listed in the table with its revocation
//    time, and FindApiToken no longer accepts it.
//  - CreateSession removes sessions that have expired.
//  - Search: InvalidInput for text over 1,000 bytes or invalid UTF-8 in the
//    text or group names; limit is capped at 500.
class SqliteSiteStore final : public SiteStore {
 public:
  // Opens the database at `path` as SqliteStore::Open does (creating and
  // migrating it, so the registers' tables exist too).
  static Result<std::unique_ptr<SqliteSiteStore>> Open(const std::string& path);

  ~SqliteSiteStore() override;
  SqliteSiteStore(const SqliteSiteStore&) = delete;
  SqliteSiteStore& operator=(const SqliteSiteStore&) = delete;

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
  SqliteSiteStore(std::string path, std::unique_ptr<SQLite::Database> db);

  template <typename Body>
  auto Guarded(Body&& body) -> decltype(body());

  std::string path_;
  std::unique_ptr<SQLite::Database> db_;
  // Tokens' users and groups' publicity as last read, kept until the
  // database changes (sqlite_lists.h ChangeWatch), at most Cache::kEntries each.
  struct Cache;
  std::unique_ptr<Cache> cache_;
};

}  // namespace plenary
