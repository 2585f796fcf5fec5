// What every JSON API handler shares: who may see or change a group, JSON
// request bodies, pagination and ETags.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "app/editing.h"
#include "plenary/model.h"
#include "plenary/result.h"
#include "plenary/store.h"
#include "server/access.h"
#include "server/router.h"

namespace plenary {

// The group's short name as stored, when it exists and `call.viewer` may see
// it. A private group is NotFound to those outside it, exactly as a group that
// does not exist, so that its existence does not leak.
Result<std::string> VisibleGroup(RouteCall& call, const std::string& name);
// The refusal of a change to a group the viewer may see but not change: 403
// (the group's existence is no secret to them).
HttpResponse Forbidden(const std::string& what);

// The audited editing service (app/editing.h) over this worker's stores:
// every change the API makes goes through it. Throws std::logic_error (a
// 500) on a worker without site tables.
Editing EditingOf(RouteCall& call);

// The request's body as a JSON object. InvalidInput when it is not
// application/json, not JSON, nested deeper than 32 levels, or not an object.
Result<nlohmann::json> JsonBody(const HttpRequest& request);

struct Paging {
  std::size_t page = 1;       // 1-based
  std::size_t per_page = 50;  // at most kMaxPerPage
  static constexpr std::size_t kMaxPerPage = 500;
};
// From ?page=N&per_page=M; InvalidInput for non-numbers or out-of-range values.
Result<Paging> PagingOf(const HttpRequest& request);

// The [first, last) indices of the page among `total` items.
std::pair<std::size_t, std::size_t> PageRange(const Paging& paging, std::size_t total);
// {items: `items` (the page), page, per_page, total, next (the next page's
// address, or null)}, with a Link header
// (rel="next"/"prev") carrying the request's other query parameters.
HttpResponse PagedJson(const HttpRequest& request, const Paging& paging, std::size_t total,
                       nlohmann::ordered_json items);

// The group's meeting of `kind` (without regard to case) and `number`, with
// everything it holds, or nullopt: found among the group's meeting keys, then
// read alone by its date.
Result<std::optional<Meeting>> FindMeeting(Store& store, const std::string& group,
                                           const std::string& kind, int number);

// A list's page as the client asks for it: ?cursor=C (a page's `next`) or
// ?page=N, and ?limit=M (or its older name ?per_page=M); InvalidInput for
// values out of range or for both a cursor and a page.
struct ListRequest {
  Paging paging;      // page (1 with a cursor) and per_page (= limit)
  PageRequest store;  // what the store reads: cursor or offset, and limit
};
Result<ListRequest> ListRequestOf(const HttpRequest& request);
// {items, page, per_page, total, next}: `next` is the address of the next
// page (the request's other parameters and cursor=`next_cursor`), or null on
// the last page; the Link header carries it as rel="next" (and rel="prev"
// for page numbers).
HttpResponse ListJson(const HttpRequest& request, const ListRequest& list, std::size_t total,
                      const std::string& next_cursor, nlohmann::ordered_json items);

// A 200 JSON response with an ETag (a digest of the body); 304 with no body
// when the request's If-None-Match names it.
HttpResponse CacheableJson(const HttpRequest& request, HttpResponse response);
// The ETag of a body: its SHA-256, quoted.
std::string BodyEtag(std::string_view body);
// Whether the request's If-None-Match names `etag` (or is "*").
bool IfNoneMatchNames(const HttpRequest& request, const std::string& etag);

// An optional YYYY-MM-DD query parameter; InvalidInput when malformed.
Result<std::optional<Date>> DateParam(const HttpRequest& request, std::string_view name);

// The path parameter `name` as a positive id; InvalidInput otherwise.
Result<std::int64_t> IdParam(const RouteCall& call, std::string_view name);

// Who the audit and the item's history name for a change: the user's login.
std::string ChangedBy(const RouteCall& call);

Date Today();

}  // namespace plenary
