#include "store/sqlite/sqlite_site.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <map>
#include <utility>

#include "core/text.h"
#include "store/list_queries.h"
#include "store/site_rows.h"
#include "store/sqlite/sqlite_lists.h"
#include "store/sqlite/sqlite_search.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_values.h"

namespace plenary {
namespace sqlite {
namespace {

// Times are Unix seconds. Secrets are never stored: sessions and API tokens
// by the SHA-256 of the token, passwords as crypto_pwhash_str strings. Grants
// and public flags name groups as text, not by id, so that a group may be
// granted before its first import. The audit log is append-only.
constexpr std::string_view kSiteTables = R"sql(
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  login TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (login <> ''),
  display_name TEXT NOT NULL DEFAULT '',
  person TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL DEFAULT '',
  admin INTEGER NOT NULL DEFAULT 0 CHECK (admin IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE user_grants (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  group_name TEXT NOT NULL COLLATE NOCASE CHECK (group_name <> ''),
  role TEXT NOT NULL CHECK (role IN ('member', 'secretariat')),
  PRIMARY KEY (user_id, group_name)
) WITHOUT ROWID, STRICT;

CREATE TABLE sessions (
  token_sha256 TEXT PRIMARY KEY CHECK (length(token_sha256) = 64),
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  expires_unix INTEGER NOT NULL
) WITHOUT ROWID, STRICT;
CREATE INDEX sessions_by_expiry ON sessions (expires_unix);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_sha256 TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
  created_unix INTEGER NOT NULL,
  revoked_unix INTEGER
) STRICT;

CREATE TABLE public_groups (
  group_name TEXT PRIMARY KEY COLLATE NOCASE CHECK (group_name <> '')
) WITHOUT ROWID, STRICT;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at_unix INTEGER NOT NULL,
  who TEXT NOT NULL,
  action TEXT NOT NULL,
  group_name TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
  target TEXT NOT NULL DEFAULT '',
  before TEXT NOT NULL DEFAULT '',
  after TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX audit_log_by_group ON audit_log (group_name, id);
CREATE INDEX audit_log_by_target ON audit_log (target, id);
)sql";

}  // namespace

std::string_view SiteSchema() {
  static const std::string sql = std::string(kSiteTables) + std::string(SearchSchema());
  return sql;
}

}  // namespace sqlite

namespace {

constexpr std::string_view kUserColumns =
    "SELECT u.id, u.login, u.display_name, u.person, u.admin, u.password_hash, g.group_name, "
    "g.role FROM users u LEFT JOIN user_grants g ON g.user_id = u.id ";

// Users with their grants and password hashes, from kUserColumns rows ordered
// by user.
std::vector<std::pair<User, std::string>> ReadUsers(SQLite::Statement& rows) {
  std::vector<std::pair<User, std::string>> users;
  while (rows.executeStep()) {
    std::int64_t id = rows.getColumn(0).getInt64();
    if (users.empty() || users.back().first.id != id) {
      User u;
      u.id = id;
      u.login = rows.getColumn(1).getString();
      u.display_name = rows.getColumn(2).getString();
      u.person = rows.getColumn(3).getString();
      u.admin = rows.getColumn(4).getInt() != 0;
      users.emplace_back(std::move(u), rows.getColumn(5).getString());
    }
    if (!rows.getColumn(6).isNull()) {
      GroupRole role = RoleOf(rows.getColumn(7).getString());
      users.back().first.grants.push_back({rows.getColumn(6).getString(), role});
    }
  }
  return users;
}

std::optional<User> LoadUser(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement rows(db, std::string(kUserColumns) + "WHERE u.id = ? ORDER BY g.group_name");
  sqlite::Bind(rows, id);
  auto users = ReadUsers(rows);
  if (users.empty()) return std::nullopt;
  return std::move(users.front().first);
}

bool UserExists(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement row(db, "SELECT 1 FROM users WHERE id = ?");
  sqlite::Bind(row, id);
  return row.executeStep();
}

Error NoUser(std::int64_t id) { return Error::NotFound(fmt::format("no user #{}", id)); }

}  // namespace

template <typename Body>
auto SqliteSiteStore::Guarded(Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const std::exception& e) {
    return Error::Storage(fmt::format("{}: {}", path_, e.what()));
  }
}

Result<std::unique_ptr<SqliteSiteStore>> SqliteSiteStore::Open(const std::string& path) {
  auto db = sqlite::OpenDatabase(path);
  if (!db.ok()) return db.error();
  return std::unique_ptr<SqliteSiteStore>(new SqliteSiteStore(path, std::move(db).value()));
}

// Every request of the web app asks who its API token is and whether its
// group is public: both are read once per change of the database. Bounded:
// a full map is emptied (unknown tokens are not kept at all).
struct SqliteSiteStore::Cache {
  static constexpr std::size_t kEntries = 1024;

  // Forgets everything when the database changed since the last call.
  void Check(SQLite::Database& db) {
    if (!watch.Changed(db)) return;
    users_by_token.clear();
    public_groups.clear();
  }
  template <typename Map>
  static void Room(Map& map) {
    if (map.size() >= kEntries) map.clear();
  }

  sqlite::ChangeWatch watch;
  std::map<std::string, User> users_by_token;  // by the token's digest
  std::map<std::string, bool> public_groups;   // by the name asked
};

SqliteSiteStore::SqliteSiteStore(std::string path, std::unique_ptr<SQLite::Database> db)
    : path_(std::move(path)), db_(std::move(db)), cache_(std::make_unique<Cache>()) {}

SqliteSiteStore::~SqliteSiteStore() = default;

Result<User> SqliteSiteStore::CreateUser(const NewUser& user) {
  if (Status valid = CheckNewUser(user); !valid) return valid.error();
  return Guarded([&]() -> Result<User> {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement taken(*db_, "SELECT 1 FROM users WHERE login = ?");
    sqlite::Bind(taken, user.login);
    if (taken.executeStep()) return Error::Conflict(fmt::format("login '{}' is taken", user.login));
    sqlite::Run(*db_,
                "INSERT INTO users (login, display_name, person, password_hash, admin, created_at) "
                "VALUES (?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                user.login, user.display_name, user.person, user.password_hash, user.admin ? 1 : 0);
    auto created = LoadUser(*db_, db_->getLastInsertRowid());
    transaction.commit();
    return std::move(*created);
  });
}

Result<User> SqliteSiteStore::FindUser(std::int64_t id) {
  return Guarded([&]() -> Result<User> {
    auto user = LoadUser(*db_, id);
    if (!user) return NoUser(id);
    return std::move(*user);
  });
}

Result<std::optional<std::pair<User, std::string>>> SqliteSiteStore::FindLogin(
    const std::string& login) {
  using Found = std::optional<std::pair<User, std::string>>;
  return Guarded([&]() -> Result<Found> {
    SQLite::Statement rows(*db_,
                           std::string(kUserColumns) + "WHERE u.login = ? ORDER BY g.group_name");
    sqlite::Bind(rows, login);
    auto users = ReadUsers(rows);
    if (users.empty()) return Found{};
    return Found{std::move(users.front())};
  });
}

Result<std::vector<User>> SqliteSiteStore::Users() {
  return Guarded([&]() -> Result<std::vector<User>> {
    SQLite::Statement rows(*db_,
                           std::string(kUserColumns) + "ORDER BY u.login, u.id, g.group_name");
    std::vector<User> users;
    for (auto& [user, hash] : ReadUsers(rows)) users.push_back(std::move(user));
    return users;
  });
}

Status SqliteSiteStore::SetPasswordHash(std::int64_t user_id, const std::string& hash,
                                        const std::vector<AuditEntry>& audit) {
  if (Status s = CheckSiteField("password hash", hash); !s) return s;
  auto result = Guarded([&]() -> Result<bool> {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    sqlite::Run(*db_, "UPDATE users SET password_hash = ? WHERE id = ?", hash, user_id);
    if (db_->getChanges() == 0) return NoUser(user_id);
    sqlite::InsertAudit(*db_, audit);
    transaction.commit();
    return true;
  });
  if (!result.ok()) return result.error();
  return Status::Ok();
}

Status SqliteSiteStore::SetGrant(std::int64_t user_id, const std::string& group,
                                 std::optional<GroupRole> role, const AuditOf<User>& audit) {
  if (Status s = CheckGroupName(group); !s) return s;
  auto result = Guarded([&]() -> Result<bool> {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    if (!UserExists(*db_, user_id)) return NoUser(user_id);
    if (role) {
      sqlite::Run(*db_,
                  "INSERT INTO user_grants (user_id, group_name, role) VALUES (?, ?, ?) "
                  "ON CONFLICT (user_id, group_name) DO UPDATE SET role = excluded.role",
                  user_id, group, RoleName(*role));
    } else {
      sqlite::Run(*db_, "DELETE FROM user_grants WHERE user_id = ? AND group_name = ?", user_id,
                  group);
    }
    if (audit) sqlite::InsertAudit(*db_, audit(*LoadUser(*db_, user_id)));
    transaction.commit();
    return true;
  });
  if (!result.ok()) return result.error();
  return Status::Ok();
}

Status SqliteSiteStore::CreateSession(const std::string& token_sha256, std::int64_t user_id,
                                      const std::string& csrf_token, std::int64_t expires_unix) {
  auto result = Guarded([&]() -> Result<bool> {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    if (!UserExists(*db_, user_id)) return NoUser(user_id);
    sqlite::Run(*db_, "DELETE FROM sessions WHERE expires_unix <= strftime('%s', 'now')");
    sqlite::Run(*db_,
                "INSERT INTO sessions (token_sha256, user_id, csrf_token, expires_unix) "
                "VALUES (?, ?, ?, ?)",
                token_sha256, user_id, csrf_token, expires_unix);
    transaction.commit();
    return true;
  });
  if (!result.ok()) return result.error();
  return Status::Ok();
}

Result<std::optional<Session>> SqliteSiteStore::FindSession(const std::string& token_sha256,
                                                            std::int64_t now_unix) {
  return Guarded([&]() -> Result<std::optional<Session>> {
    SQLite::Transaction transaction(*db_);
    SQLite::Statement row(*db_,
                          "SELECT user_id, csrf_token, expires_unix FROM sessions "
                          "WHERE token_sha256 = ? AND expires_unix > ?");
    sqlite::Bind(row, token_sha256, now_unix);
    if (!row.executeStep()) return std::optional<Session>{};
    auto user = LoadUser(*db_, row.getColumn(0).getInt64());
    if (!user) return std::optional<Session>{};
    Session session{std::move(*user), row.getColumn(1).getString(), row.getColumn(2).getInt64()};
    transaction.commit();
    return std::optional<Session>{std::move(session)};
  });
}

Status SqliteSiteStore::DeleteSession(const std::string& token_sha256) {
  auto result = Guarded([&]() -> Result<bool> {
    sqlite::Run(*db_, "DELETE FROM sessions WHERE token_sha256 = ?", token_sha256);
    return true;
  });
  if (!result.ok()) return result.error();
  return Status::Ok();
}

Result<ApiToken> SqliteSiteStore::CreateApiToken(std::int64_t user_id, const std::string& name,
                                                 const std::string& token_sha256,
                                                 std::int64_t now_unix,
                                                 const AuditOf<ApiToken>& audit) {
  if (Status s = CheckSiteField("token name", name); !s) return s.error();
  return Guarded([&]() -> Result<ApiToken> {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    if (!UserExists(*db_, user_id)) return NoUser(user_id);
    sqlite::Run(*db_,
                "INSERT INTO api_tokens (user_id, name, token_sha256, created_unix) "
                "VALUES (?, ?, ?, ?)",
                user_id, name, token_sha256, now_unix);
    ApiToken token{db_->getLastInsertRowid(), user_id, name, now_unix};
    if (audit) sqlite::InsertAudit(*db_, audit(token));
    transaction.commit();
    return token;
  });
}

Result<std::optional<User>> SqliteSiteStore::FindApiToken(const std::string& token_sha256) {
  return Guarded([&]() -> Result<std::optional<User>> {
    cache_->Check(*db_);
    auto cached = cache_->users_by_token.find(token_sha256);
    if (cached != cache_->users_by_token.end()) return std::optional<User>(cached->second);
    SQLite::Transaction transaction(*db_);
    SQLite::Statement row(*db_,
                          "SELECT user_id FROM api_tokens "
                          "WHERE token_sha256 = ? AND revoked_unix IS NULL");
    sqlite::Bind(row, token_sha256);
    if (!row.executeStep()) return std::optional<User>{};
    std::optional<User> user = LoadUser(*db_, row.getColumn(0).getInt64());
    transaction.commit();
    if (user) {
      Cache::Room(cache_->users_by_token);
      cache_->users_by_token.emplace(token_sha256, *user);
    }
    return user;
  });
}

Status SqliteSiteStore::RevokeApiToken(std::int64_t token_id,
                                       const std::vector<AuditEntry>& audit) {
  auto result = Guarded([&]() -> Result<bool> {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    sqlite::Run(*db_,
                "UPDATE api_tokens SET revoked_unix = coalesce(revoked_unix, strftime('%s', "
                "'now')) WHERE id = ?",
                token_id);
    if (db_->getChanges() == 0) return Error::NotFound(fmt::format("no API token #{}", token_id));
    sqlite::InsertAudit(*db_, audit);
    transaction.commit();
    return true;
  });
  if (!result.ok()) return result.error();
  return Status::Ok();
}

Status SqliteSiteStore::SetGroupPublic(const std::string& group, bool is_public,
                                       const std::vector<AuditEntry>& audit) {
  if (Status s = CheckGroupName(group); !s) return s;
  auto result = Guarded([&]() -> Result<bool> {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    if (is_public)
      sqlite::Run(*db_, "INSERT OR IGNORE INTO public_groups (group_name) VALUES (?)", group);
    else
      sqlite::Run(*db_, "DELETE FROM public_groups WHERE group_name = ?", group);
    sqlite::InsertAudit(*db_, audit);
    transaction.commit();
    return true;
  });
  if (!result.ok()) return result.error();
  return Status::Ok();
}

Result<bool> SqliteSiteStore::GroupIsPublic(const std::string& group) {
  return Guarded([&]() -> Result<bool> {
    cache_->Check(*db_);
    auto cached = cache_->public_groups.find(group);
    if (cached != cache_->public_groups.end()) return cached->second;
    SQLite::Statement row(*db_, "SELECT 1 FROM public_groups WHERE group_name = ?");
    sqlite::Bind(row, group);
    const bool is_public = row.executeStep();
    Cache::Room(cache_->public_groups);
    cache_->public_groups.emplace(group, is_public);
    return is_public;
  });
}

Result<std::vector<std::string>> SqliteSiteStore::Groups() {
  return Guarded([&]() -> Result<std::vector<std::string>> {
    SQLite::Statement rows(*db_, "SELECT short_name FROM groups ORDER BY short_name");
    std::vector<std::string> groups;
    while (rows.executeStep()) groups.push_back(rows.getColumn(0).getString());
    return groups;
  });
}

void sqlite::InsertAudit(SQLite::Database& db, const std::vector<AuditEntry>& entries) {
  for (const AuditEntry& e : entries)
    sqlite::Run(db,
                "INSERT INTO audit_log (at_unix, who, action, group_name, target, before, after) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                e.at_unix, e.who, e.action, e.group, e.target, e.before, e.after);
}

Status SqliteSiteStore::AppendAudit(const AuditEntry& e) {
  auto result = Guarded([&]() -> Result<bool> {
    sqlite::InsertAudit(*db_, {e});
    return true;
  });
  if (!result.ok()) return result.error();
  return Status::Ok();
}

Result<bool> SqliteSiteStore::RecordReminder(const SentReminder& r) {
  return Guarded([&]() -> Result<bool> {
    SQLite::Statement insert(*db_,
                             "INSERT INTO reminders_sent (group_name, recipient, address, day, "
                             "sent_unix, message_id, items) SELECT ?, ?, ?, ?, ?, ?, ? "
                             "WHERE NOT EXISTS (SELECT 1 FROM reminders_sent WHERE "
                             "lower(group_name) = lower(?1) AND recipient = ?2 AND day = ?4)");
    sqlite::Bind(insert, r.group, r.recipient, r.address, r.day, r.sent_unix, r.message_id,
                 r.items);
    return insert.exec() == 1;
  });
}

Result<std::vector<SentReminder>> SqliteSiteStore::RemindersSent(const std::string& group,
                                                                 const std::string& day) {
  return Guarded([&]() -> Result<std::vector<SentReminder>> {
    SQLite::Statement rows(*db_,
                           "SELECT group_name, recipient, address, day, sent_unix, message_id, "
                           "items FROM reminders_sent WHERE lower(group_name) = lower(?) AND "
                           "day = ? ORDER BY id");
    sqlite::Bind(rows, group, day);
    std::vector<SentReminder> sent;
    while (rows.executeStep()) {
      sent.push_back({rows.getColumn(0).getString(), rows.getColumn(1).getString(),
                      rows.getColumn(2).getString(), rows.getColumn(3).getString(),
                      rows.getColumn(4).getInt64(), rows.getColumn(5).getString(),
                      rows.getColumn(6).getString()});
    }
    return sent;
  });
}

namespace {

std::vector<AuditEntry> ReadAuditEntries(SQLite::Statement& rows) {
  std::vector<AuditEntry> entries;
  while (rows.executeStep()) {
    AuditEntry e;
    e.id = rows.getColumn(0).getInt64();
    e.at_unix = rows.getColumn(1).getInt64();
    e.who = rows.getColumn(2).getString();
    e.action = rows.getColumn(3).getString();
    e.group = rows.getColumn(4).getString();
    e.target = rows.getColumn(5).getString();
    e.before = rows.getColumn(6).getString();
    e.after = rows.getColumn(7).getString();
    entries.push_back(std::move(e));
  }
  return entries;
}

}  // namespace

Result<std::vector<AuditEntry>> SqliteSiteStore::Audit(const AuditQuery& query) {
  return Guarded([&]() -> Result<std::vector<AuditEntry>> {
    SQLite::Statement rows(*db_,
                           "SELECT id, at_unix, who, action, group_name, target, before, after "
                           "FROM audit_log WHERE (?1 IS NULL OR group_name = ?1) "
                           "AND (?2 IS NULL OR target = ?2) ORDER BY id DESC LIMIT ?3");
    sqlite::Bind(rows, query.group, query.target, std::max(0, query.limit));
    return ReadAuditEntries(rows);
  });
}

Result<ListPage<AuditEntry>> SqliteSiteStore::AuditPage(const std::string& group,
                                                        const PageRequest& page) {
  auto after = ParseCursor(page.cursor);
  if (!after.ok()) return after.error();
  return Guarded([&]() -> Result<ListPage<AuditEntry>> {
    SQLite::Transaction transaction(*db_);
    SqlQuery count = AuditCountSql(SqlDialect::kSqlite, group);
    SQLite::Statement counted(*db_, count.sql);
    sqlite::BindAll(counted, count);
    const std::size_t total =
        counted.executeStep() ? static_cast<std::size_t>(counted.getColumn(0).getInt64()) : 0;
    SqlQuery sql = AuditPageSql(SqlDialect::kSqlite, group, page, *after, page.limit + 1);
    SQLite::Statement rows(*db_, sql.sql);
    sqlite::BindAll(rows, sql);
    auto entries =
        PageOf(ReadAuditEntries(rows), page.limit, total, [](const AuditEntry& e) { return e.id; });
    transaction.commit();
    return entries;
  });
}

Result<SearchResults> SqliteSiteStore::SearchPage(const SearchQuery& query) {
  if (Status s = CheckSearchQuery(query); !s) return s.error();
  auto cursor = ParseSearchCursor(query.cursor);
  if (!cursor.ok()) return cursor.error();
  return Guarded([&]() -> Result<SearchResults> {
    SQLite::Transaction transaction(*db_);
    auto hits = sqlite::SearchIndex(*db_, query, *cursor);
    transaction.commit();
    return hits;
  });
}

}  // namespace plenary
