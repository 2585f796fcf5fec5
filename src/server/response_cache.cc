#include "server/response_cache.h"

#include "core/date.h"
#include "server/api_common.h"
#include "server/site_context.h"

namespace plenary {

ResponseCache::ResponseCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

std::size_t ResponseCache::Cost(std::string_view key, const HttpResponse& response) {
  std::size_t cost = kEntryOverhead + key.size() + response.body.size();
  for (const auto& [name, value] : response.headers.fields()) cost += name.size() + value.size();
  return cost;
}

std::uint64_t ResponseCache::generation() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

void ResponseCache::Invalidate() {
  std::list<Entry> dropped;  // freed after the lock is let go
  {
    std::lock_guard lock(mutex_);
    ++generation_;
    ++stats_.invalidations;
    index_.clear();
    dropped.swap(lru_);
    stats_.bytes = 0;
    stats_.entries = 0;
  }
}

std::shared_ptr<const HttpResponse> ResponseCache::Find(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = index_.find(key);
  if (it == index_.end()) {
    ++stats_.misses;
    return nullptr;
  }
  ++stats_.hits;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->response;
}

void ResponseCache::EvictOne() {
  Entry& last = lru_.back();
  index_.erase(last.key);
  stats_.bytes -= last.cost;
  --stats_.entries;
  ++stats_.evicted;
  lru_.pop_back();
}

void ResponseCache::Keep(const std::string& key, std::shared_ptr<const HttpResponse> response,
                         std::uint64_t generation) {
  const std::size_t cost = Cost(key, *response);
  if (max_bytes_ == 0 || cost > max_bytes_ / kLargestShare) return;
  std::lock_guard lock(mutex_);
  if (generation != generation_) return;  // read before a change: stale now
  if (auto it = index_.find(key); it != index_.end()) {
    stats_.bytes -= it->second->cost;
    --stats_.entries;
    lru_.erase(it->second);
    index_.erase(it);
  }
  while (!lru_.empty() && stats_.bytes + cost > max_bytes_) EvictOne();
  lru_.push_front(Entry{key, std::move(response), cost});
  index_.emplace(lru_.front().key, lru_.begin());
  stats_.bytes += cost;
  ++stats_.entries;
  ++stats_.stored;
}

ResponseCacheStats ResponseCache::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

std::string ResponseKey(const RouteCall& call, std::string_view today) {
  std::string who = "public";
  if (call.viewer.user) {
    // A session's pages carry its CSRF token: one entry per session. A token's
    // answers depend on its user alone.
    who = call.viewer.by_session ? "session " + call.viewer.session_token_sha256
                                 : "user " + std::to_string(call.viewer.user->id);
  }
  std::string key;
  key.reserve(today.size() + who.size() + call.request.target.size() + 2);
  key.append(today).append(1, '\n').append(who).append(1, '\n').append(call.request.target);
  return key;
}

namespace {

// The entry itself, or 304 when the request's If-None-Match names its ETag.
HttpResponse Conditional(const HttpRequest& request, const HttpResponse& entry) {
  const std::string* etag = entry.headers.Find("ETag");
  if (etag && IfNoneMatchNames(request, *etag)) {
    HttpResponse not_modified;
    not_modified.status = 304;
    not_modified.headers.Set("ETag", *etag);
    if (const std::string* cache_control = entry.headers.Find("Cache-Control"))
      not_modified.headers.Set("Cache-Control", *cache_control);
    return not_modified;
  }
  return entry;
}

bool Keepable(const HttpResponse& response) {
  return response.status == 200 && !response.close && !response.headers.Find("Set-Cookie");
}

}  // namespace

HttpResponse AnswerThroughCache(RouteCall& call, const RouteHandler& handler) {
  ResponseCache* cache = call.resources.context ? call.resources.context->response_cache : nullptr;
  if (!cache || cache->max_bytes() == 0) return handler(call);
  auto mark = call.store().ChangeMark();
  if (!mark.ok()) return handler(call);
  if (*mark != call.resources.change_mark) {
    cache->Invalidate();
    call.resources.change_mark = std::move(*mark);
  }
  const std::uint64_t generation = cache->generation();
  const std::string key = ResponseKey(call, FormatIsoDate(Today()));
  if (auto entry = cache->Find(key)) return Conditional(call.request, *entry);
  HttpResponse response;
  if (call.request.headers.Find("If-None-Match")) {
    // The handler's own ETag check would answer 304, which is not kept.
    HttpRequest unconditional = call.request;
    unconditional.headers.Set("If-None-Match", "");
    RouteCall fresh{unconditional, call.params, call.resources, call.viewer};
    response = handler(fresh);
  } else {
    response = handler(call);
  }
  if (!Keepable(response)) return response;
  if (!response.headers.Find("ETag")) response.headers.Set("ETag", BodyEtag(response.body));
  auto kept = std::make_shared<const HttpResponse>(std::move(response));
  cache->Keep(key, kept, generation);
  return Conditional(call.request, *kept);
}

// The read routes whose answers depend only on the database, who asks and
// the day.
const std::vector<std::string_view>& CachedReadRoutes() {
  static const std::vector<std::string_view> routes{
      "/api/v1/groups",
      "/api/v1/groups/{group}",
      "/api/v1/groups/{group}/meetings",
      "/api/v1/groups/{group}/meetings/{kind}/{number}",
      "/api/v1/groups/{group}/decisions",
      "/api/v1/groups/{group}/people",
      "/api/v1/groups/{group}/actions",
      "/api/v1/groups/{group}/actions/{id}",
      "/api/v1/groups/{group}/attendance",
      "/api/v1/groups/{group}/report-back",
      "/api/v1/groups/{group}/workplan",
      "/",
      "/g/{group}",
      "/g/{group}/actions",
      "/g/{group}/actions/{id}",
      "/g/{group}/meetings",
      "/g/{group}/meetings/{kind}/{number}",
      "/g/{group}/decisions",
      "/g/{group}/attendance",
      "/g/{group}/report-back",
      "/g/{group}/roster",
      "/g/{group}/workplan",
      "/g/{group}/subteams/{subteam}",
      "/g/{group}/tasks/{label}",
  };
  return routes;
}

const std::vector<std::string_view>& UncachedReadRoutes() {
  static const std::vector<std::string_view> routes{
      "/healthz",                      // says whether the database answers now
      "/api/v1/session",               // carries the CSRF token; no-store
      "/api/v1/groups/{group}/audit",  // no-store, no ETag (doc/openapi.yaml)
      "/api/v1/me",                    // no-store; one lookup
      "/api/v1/me/actions",            // no-store, personal; across groups
      "/api/v1/search",                // no-store; any words, rarely asked twice
      "/login",                        // a new double-submit token and cookie each time
      "/my",                           // personal, across groups
      "/my/reminders",                 // a personal form
      "/search",                       // any words, rarely asked twice
      "/static/{name}",                // compiled in, already answered from memory with an ETag
      "/g/{group}/import",             // a form; nothing read but the group
  };
  return routes;
}

}  // namespace plenary
