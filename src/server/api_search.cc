// Search across the groups the viewer may read, and the signed-in viewer's
// own account and action items ("My items").
#include <fmt/format.h>

#include <charconv>

#include "core/text.h"
#include "publish/json.h"
#include "publish/site_json.h"
#include "server/api.h"
#include "server/api_common.h"
#include "server/auth.h"
#include "server/responses.h"
#include "server/url_codec.h"

namespace plenary {
namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t kMaxQueryBytes = 1000;
constexpr int kMaxHits = 200;

// The groups the viewer may read, or only `only` when given (and readable).
Result<std::vector<std::string>> ReadableGroups(RouteCall& call, const std::string* only) {
  std::vector<std::string> groups;
  if (!call.resources.site) return groups;
  auto all = call.resources.site->Groups();
  if (!all.ok()) return all.error();
  for (std::string& g : *all)
    if ((!only || EqualsNoCase(g, *only)) && MayRead(call, g)) groups.push_back(std::move(g));
  return groups;
}

Result<int> LimitOf(const HttpRequest& request) {
  const std::string* text = FindParam(request.query, "limit");
  if (!text) return 50;
  int limit = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), limit);
  if (ec != std::errc() || end != text->data() + text->size() || limit < 1 || limit > kMaxHits)
    return Error::InvalidInput(
        fmt::format("limit: expected a whole number from 1 to {}", kMaxHits));
  return limit;
}

// ?q=words[&group=G][&limit=N][&cursor=C]: hits in notes, items and
// decisions, a page at a time; `next` is the next page's address.
HttpResponse Search(RouteCall& call) {
  const std::string* q = FindParam(call.request.query, "q");
  if (!q || Trim(*q).empty()) return Problem(400, "q: give the words to find");
  if (q->size() > kMaxQueryBytes) return Problem(400, "q: too long");
  auto limit = LimitOf(call.request);
  if (!limit.ok()) return ErrorResponse(limit.error());
  auto groups = ReadableGroups(call, FindParam(call.request.query, "group"));
  if (!groups.ok()) return ErrorResponse(groups.error());
  const std::string* cursor = FindParam(call.request.query, "cursor");
  json items = json::array();
  std::string next;
  if (!groups->empty()) {
    auto page = call.resources.site->SearchPage(
        SearchQuery{*q, *groups, *limit, cursor ? *cursor : std::string()});
    if (!page.ok()) return ErrorResponse(page.error());
    for (const SearchHit& hit : page->hits) items.push_back(SearchHitJson(hit));
    if (!page->next.empty()) {
      next = call.request.path + "?";
      for (const auto& [name, value] : call.request.query)
        if (name != "cursor") next += PercentEncode(name) + "=" + PercentEncode(value) + "&";
      next += "cursor=" + PercentEncode(page->next);
    }
  }
  json body = {{"q", *q},
               {"total", items.size()},
               {"items", std::move(items)},
               {"next", next.empty() ? json(nullptr) : json(next)}};
  HttpResponse r = JsonResponse(200, body);
  r.headers.Set("Cache-Control", "private, no-cache");
  return r;
}

HttpResponse NotSignedIn() {
  HttpResponse r = Problem(401, "sign in first");
  r.headers.Set("WWW-Authenticate", "Bearer realm=\"plenary\"");
  return r;
}

HttpResponse ShowMe(RouteCall& call) {
  if (!call.viewer.user) return NotSignedIn();
  HttpResponse r = JsonResponse(200, UserJson(*call.viewer.user));
  r.headers.Set("Cache-Control", "no-store");
  return r;
}

// The items the viewer owns (by their roster name) in every group they may
// read, by item id, paged in the database (?page or ?cursor); ?status=open
// (the default) or all.
HttpResponse MyActions(RouteCall& call) {
  if (!call.viewer.user) return NotSignedIn();
  const std::string* status = FindParam(call.request.query, "status");
  if (status && *status != "open" && *status != "all")
    return Problem(400, "status: expected open or all");
  auto list = ListRequestOf(call.request);
  if (!list.ok()) return ErrorResponse(list.error());
  auto groups = ReadableGroups(call, nullptr);
  if (!groups.ok()) return ErrorResponse(groups.error());
  OwnedActionQuery query{call.viewer.user->person, std::move(*groups), std::nullopt};
  if (!status || *status == "open") query.status = ActionStatus::kOpen;
  auto page = call.store().OwnedActionPage(query, list->store);
  if (!page.ok()) return ErrorResponse(page.error());
  json items = json::array();
  for (const RegisteredAction& a : page->items) items.push_back(RegisteredActionJson(a));
  HttpResponse r = ListJson(call.request, *list, page->total, page->next, std::move(items));
  r.headers.Set("Cache-Control", "no-store");
  return r;
}

}  // namespace

void AddSearchRoutes(Router& router) {
  router.Add("GET", "/api/v1/search", Search);
  router.Add("GET", "/api/v1/me", ShowMe);
  router.Add("GET", "/api/v1/me/actions", MyActions);
}

}  // namespace plenary
