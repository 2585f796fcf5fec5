// What the web app keeps beside the registers: accounts and their roles per
// group, sessions, API tokens, which groups are public, the audit log and the
// search index. A second interface, not part of Store, so that a back end can
// serve the registers before it serves the site; each back end keeps these
// tables in the same database as its registers, with the same migrations.
//
// Secrets are never stored: sessions and API tokens are kept as the SHA-256 of
// the random token handed to the client, passwords as libsodium Argon2id
// strings (crypto_pwhash_str). Thread-safety: like Store, one object per
// thread (or a pool); the database serialises writers.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "plenary/result.h"
#include "plenary/store.h"  // AuditEntry, AuditOf

namespace plenary {

// What a user may do in one group. Admins may do everything everywhere.
enum class GroupRole {
  kMember,       // reads the group; marks their own items done with a note
  kSecretariat,  // edits the group: imports, edits items, merges, rosters
};

struct GroupGrant {
  std::string group;  // short name, compared without regard to ASCII case
  GroupRole role = GroupRole::kMember;
};

struct User {
  std::int64_t id = 0;
  std::string login;  // unique, compared without regard to ASCII case
  std::string display_name;
  std::string person;  // their name in the rosters ("My items"); may be empty
  bool admin = false;
  std::vector<GroupGrant> grants;
};

struct NewUser {
  std::string login;
  std::string display_name;
  std::string person;
  std::string password_hash;  // crypto_pwhash_str output; empty: no password login
  bool admin = false;
};

struct Session {
  User user;
  std::string csrf_token;  // per-session secret the forms echo back
  std::int64_t expires_unix = 0;
};

struct ApiToken {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string name;
  std::int64_t created_unix = 0;
};

struct AuditQuery {
  std::optional<std::string> group;
  std::optional<std::string> target;
  int limit = 100;
};

enum class SearchKind { kNote, kAction, kDecision, kMeeting };

struct SearchHit {
  SearchKind kind = SearchKind::kNote;
  std::string group;
  std::string meeting;         // "Plenary #15" style label
  std::string date;            // YYYY-MM-DD of the meeting
  std::int64_t action_id = 0;  // for kAction
  std::string snippet;         // plain text; the caller escapes it
  // The matched words in `snippet`: [begin, end) byte offsets, in order.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
};

struct SearchQuery {
  std::string text;                 // words as a person types them, not FTS syntax
  std::vector<std::string> groups;  // only these groups (the caller's visible ones)
  int limit = 50;
  std::string cursor;  // a page's `next`: the page after it; empty: the first page
};

// A page of hits and the cursor of the page after it (empty on the last).
struct SearchResults {
  std::vector<SearchHit> hits;
  std::string next;
};

// A reminder sent (`plenary remind`, doc/reminders.md): to whom, where, for
// which day and items. One per group, recipient and day.
struct SentReminder {
  std::string group;      // short name
  std::string recipient;  // the owner: a person's or an organisation's name
  std::string address;
  std::string day;  // YYYY-MM-DD, the day the reminder is for
  std::int64_t sent_unix = 0;
  std::string message_id;  // without angle brackets
  std::string items;       // the items' ids, comma-separated
};

class SiteStore {
 public:
  virtual ~SiteStore() = default;

  // Accounts. Conflict when the login is taken.
  virtual Result<User> CreateUser(const NewUser& user) = 0;
  virtual Result<User> FindUser(std::int64_t id) = 0;  // NotFound when absent
  // The user and their password hash, or nullopt for an unknown login.
  virtual Result<std::optional<std::pair<User, std::string>>> FindLogin(
      const std::string& login) = 0;
  virtual Result<std::vector<User>> Users() = 0;
  virtual Status SetPasswordHash(std::int64_t user_id, const std::string& hash,
                                 const std::vector<AuditEntry>& audit = {}) = 0;
  // Grants or changes the user's role in a group; nullopt removes it.
  virtual Status SetGrant(std::int64_t user_id, const std::string& group,
                          std::optional<GroupRole> role, const AuditOf<User>& audit = nullptr) = 0;

  // Sessions, by the SHA-256 (hex) of the cookie's token.
  virtual Status CreateSession(const std::string& token_sha256, std::int64_t user_id,
                               const std::string& csrf_token, std::int64_t expires_unix) = 0;
  // nullopt for an unknown or expired session.
  virtual Result<std::optional<Session>> FindSession(const std::string& token_sha256,
                                                     std::int64_t now_unix) = 0;
  virtual Status DeleteSession(const std::string& token_sha256) = 0;

  // API tokens, by the SHA-256 (hex) of the token.
  virtual Result<ApiToken> CreateApiToken(std::int64_t user_id, const std::string& name,
                                          const std::string& token_sha256,
                                          std::int64_t now_unix,
                                          const AuditOf<ApiToken>& audit = nullptr) = 0;
  virtual Result<std::optional<User>> FindApiToken(const std::string& token_sha256) = 0;
  virtual Status RevokeApiToken(std::int64_t token_id, const std::vector<AuditEntry>& audit = {}) = 0;

  // Group visibility: private unless marked public. Unknown groups are private.
  virtual Status SetGroupPublic(const std::string& group, bool is_public,
                                const std::vector<AuditEntry>& audit = {}) = 0;
  virtual Result<bool> GroupIsPublic(const std::string& group) = 0;
  // Every group the registers know (from a roster or a meeting), by short
  // name, sorted: what a visitor's visible groups are chosen from.
  virtual Result<std::vector<std::string>> Groups() = 0;

  // The writes above record `audit` in their own transaction (AuditOf in
  // store.h). The audit log, newest first.
  virtual Status AppendAudit(const AuditEntry& entry) = 0;
  virtual Result<std::vector<AuditEntry>> Audit(const AuditQuery& query) = 0;
  // One group's audit log (group compared without regard to case), newest
  // first, a page at a time in the database (store.h's PageRequest, whose
  // newest_first it ignores; the cursor is an entry's id).
  virtual Result<ListPage<AuditEntry>> AuditPage(const std::string& group,
                                                 const PageRequest& page) = 0;

  // Full-text search over meetings' notes, action items and decisions, kept
  // current by the store on every import and edit. Empty text: no hits.
  // Order: the newest 1,000 matches (store/search_pages.h: kSearchWindow)
  // best first, then every older match newest first; `limit` hits a page.
  // InvalidInput for a cursor no page gave.
  virtual Result<SearchResults> SearchPage(const SearchQuery& query) = 0;
  // The first page's hits.
  Result<std::vector<SearchHit>> Search(const SearchQuery& query) {
    auto page = SearchPage(query);
    if (!page.ok()) return page.error();
    return std::move(page->hits);
  }

  // The reminders log. RecordReminder is false, and writes nothing, when one
  // for the same group (ASCII case ignored), recipient and day is there.
  virtual Result<bool> RecordReminder(const SentReminder& sent) = 0;
  // Those of `group` for `day`, in the order recorded.
  virtual Result<std::vector<SentReminder>> RemindersSent(const std::string& group,
                                                          const std::string& day) = 0;
};

// Opens the site tables of the database named by `url` (as OpenStore),
// creating and migrating them as needed.
Result<std::unique_ptr<SiteStore>> OpenSiteStore(const std::string& url);

}  // namespace plenary
