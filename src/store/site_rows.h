// What both back ends of SiteStore share: the checks on what a caller hands
// in, and the neutral forms of roles and search hits as the tables hold them.
#pragma once

#include <string>
#include <string_view>

#include "plenary/result.h"
#include "plenary/site.h"

namespace plenary {

inline constexpr std::size_t kMaxLogin = 64;
inline constexpr std::size_t kMaxSiteField = 1000;
inline constexpr std::size_t kMaxSearchText = 1000;
inline constexpr int kMaxSearchHits = 500;

// InvalidInput when `value` is over `limit` bytes, not UTF-8, or holds a
// control character; the message starts with `what`.
Status CheckSiteField(std::string_view what, std::string_view value,
                      std::size_t limit = kMaxSiteField);
// An empty or over-long login, or any field CheckSiteField refuses.
Status CheckNewUser(const NewUser& user);
// A group name for a grant or a public flag: not empty, CheckSiteField.
Status CheckGroupName(std::string_view group);
// Search text over kMaxSearchText bytes, or text or group names not UTF-8.
Status CheckSearchQuery(const SearchQuery& query);

// True when `text` has a byte that can be part of a word (an ASCII letter or
// digit, or any byte of a multi-byte UTF-8 character).
bool HasSearchWords(std::string_view text);

// The FTS5 query that finds every one of `text`'s words in a document's text
// (the index's `body` column, not its `group_id`), each a quoted string so
// that no FTS5 syntax in it ("*", "NEAR(", "-", ":", quotes) has effect;
// empty when `text` has no words. At most 32 words are kept.
std::string FtsQueryOf(std::string_view text);

// "member" / "secretariat", as user_grants.role holds them.
std::string_view RoleName(GroupRole role);
GroupRole RoleOf(std::string_view name);

// search_docs.kind ("note", "meeting", "decision", "action").
SearchKind SearchKindOf(std::string_view kind);

// Fills hit.snippet and hit.highlights from a snippet whose matches are
// marked by bytes 0x02 (start) and 0x03 (end), the marks both back ends ask
// their full-text engines for (and blank out of the indexed text).
void SetMarkedSnippet(SearchHit& hit, std::string_view marked);

}  // namespace plenary
