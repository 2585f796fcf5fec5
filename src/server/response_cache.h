// plenary serve's rendered responses, kept between requests: a read route's
// 200 answer (JSON or a page) is served again without reading or rendering
// while the database is unchanged.
//
// What an answer depends on is its key: the day (what is overdue, the
// attendance page's last twelve months), who asks (the public; a user by API
// token; a signed-in session, whose pages carry its CSRF token), and the
// request target (path and query, as sent). The cached routes' handlers read
// no request header: Authorization and Cookie decide who asks, before the
// cache is consulted, and If-None-Match is answered from the entry. GET and
// HEAD share entries (the router answers HEAD as GET; the server drops the
// body).
//
// When it is valid: every worker asks its own Store for its ChangeMark
// (store.h) before each cached read; a mark other than the one it saw last
// means something was committed since (an import, an edit, a role or a
// publicity change, a session, by this server or any other process), and the
// worker empties the cache. An answer is kept only if nobody emptied the
// cache while it was being computed (the generation it began under is still
// current), so an answer read before a change is never kept after it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "server/http_message.h"
#include "server/router.h"

namespace plenary {

struct ResponseCacheStats {
  std::uint64_t hits = 0;
  std::uint64_t misses = 0;
  std::uint64_t stored = 0;
  std::uint64_t evicted = 0;        // to stay within the bound
  std::uint64_t invalidations = 0;  // the database changed
  std::size_t bytes = 0;            // held now, as Cost counts them
  std::size_t entries = 0;
};

// A bounded LRU map from keys to responses, with a generation that moves
// each time it is emptied. Thread-safe; entries are shared, never copied
// under the lock.
class ResponseCache {
 public:
  // At most `max_bytes` (keys, bodies, headers and a fixed overhead per
  // entry); an answer over max_bytes / kLargestShare is never kept. 0 keeps
  // nothing.
  explicit ResponseCache(std::size_t max_bytes);
  static constexpr std::size_t kLargestShare = 8;
  static constexpr std::size_t kEntryOverhead = 256;
  // What one entry counts against the bound.
  static std::size_t Cost(std::string_view key, const HttpResponse& response);

  std::size_t max_bytes() const { return max_bytes_; }
  std::uint64_t generation() const;
  // Forgets every entry and moves the generation on.
  void Invalidate();
  // The entry for `key`, most recently used now; null when absent.
  std::shared_ptr<const HttpResponse> Find(const std::string& key);
  // Keeps `response` under `key` when `generation` is still the current one
  // and it fits, evicting the least recently used entries as needed.
  void Keep(const std::string& key, std::shared_ptr<const HttpResponse> response,
            std::uint64_t generation);
  ResponseCacheStats stats() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const HttpResponse> response;
    std::size_t cost = 0;
  };
  void EvictOne();  // under mutex_

  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;  // keys in lru_
  std::uint64_t generation_ = 0;
  ResponseCacheStats stats_;
};

// The key of an answer to `call` (see above), as of `today` (YYYY-MM-DD).
std::string ResponseKey(const RouteCall& call, std::string_view today);

// Answers `call` with `handler` through the worker's shared cache
// (call.resources.context->response_cache; without one, or when the store
// cannot give its change mark, the handler answers alone). A 200 without
// Set-Cookie is kept, with an ETag (a digest of its body) added when it has
// none; an If-None-Match naming the entry's ETag is answered 304.
HttpResponse AnswerThroughCache(RouteCall& call, const RouteHandler& handler);

// The GET routes whose answers are kept, and those that are not, each with
// why (response_cache.cc). Every GET route of the site is in one list
// (response_cache_test).
const std::vector<std::string_view>& CachedReadRoutes();
const std::vector<std::string_view>& UncachedReadRoutes();

}  // namespace plenary
