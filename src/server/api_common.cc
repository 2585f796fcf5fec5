#include "server/api_common.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "app/importing.h"
#include "core/date.h"
#include "core/text.h"
#include "server/responses.h"
#include "server/url_codec.h"

namespace plenary {
namespace {

constexpr int kMaxJsonDepth = 32;

// nlohmann's parser keeps its own stack, but values nested thousands deep are
// still costly to build and to walk: refuse them before parsing.
bool NestedTooDeep(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

Result<std::size_t> PositiveParam(const HttpRequest& request, std::string_view name,
                                  std::size_t fallback, std::size_t max) {
  const std::string* text = FindParam(request.query, name);
  if (!text) return fallback;
  std::size_t value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || value == 0 || value > max)
    return Error::InvalidInput(fmt::format("{}: expected a whole number from 1 to {}", name, max));
  return value;
}

// The request's address with `page` as its page.
std::string PageUrl(const HttpRequest& request, std::size_t page) {
  std::string query;
  for (const auto& [name, value] : request.query) {
    if (name == "page") continue;
    query += PercentEncode(name) + "=" + PercentEncode(value) + "&";
  }
  return fmt::format("{}?{}page={}", request.path, query, page);
}

std::string PageLink(const HttpRequest& request, std::size_t page, std::string_view rel) {
  return fmt::format("<{}>; rel=\"{}\"", PageUrl(request, page), rel);
}

}  // namespace

Result<std::string> VisibleGroup(RouteCall& call, const std::string& name) {
  Store& store = call.store();
  std::optional<std::string> stored;
  auto roster = store.FindRoster(name);
  if (!roster.ok()) return roster.error();
  if (roster->has_value()) {
    stored = (*roster)->group.short_name;
  } else {
    auto groups = store.GroupSummaries();
    if (!groups.ok()) return groups.error();
    for (const GroupSummary& g : *groups)
      if (g.meetings > 0 && EqualsNoCase(g.group.short_name, name)) stored = g.group.short_name;
  }
  auto not_found = Error::NotFound(fmt::format("no group {}", name));
  if (!stored) return not_found;
  if (MayRead(call, *stored)) return *stored;
  return not_found;
}

HttpResponse Forbidden(const std::string& what) { return Problem(403, what); }

Editing EditingOf(RouteCall& call) {
  if (!call.resources.site) throw std::logic_error("a worker without site tables cannot edit");
  return Editing(call.store(), *call.resources.site);
}

Result<nlohmann::json> JsonBody(const HttpRequest& request) {
  std::string type = AsciiLower(request.headers.Get("Content-Type"));
  if (type.rfind("application/json", 0) != 0)
    return Error::InvalidInput("expected a JSON body (Content-Type: application/json)");
  if (NestedTooDeep(request.body)) return Error::InvalidInput("JSON nested too deep");
  auto body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return Error::InvalidInput("the body is not valid JSON");
  if (!body.is_object()) return Error::InvalidInput("the body must be a JSON object");
  return body;
}

Result<Paging> PagingOf(const HttpRequest& request) {
  Paging paging;
  auto page = PositiveParam(request, "page", 1, 1'000'000);
  if (!page.ok()) return page.error();
  auto per_page = PositiveParam(request, "per_page", paging.per_page, Paging::kMaxPerPage);
  if (!per_page.ok()) return per_page.error();
  paging.page = *page;
  paging.per_page = *per_page;
  return paging;
}

std::pair<std::size_t, std::size_t> PageRange(const Paging& paging, std::size_t total) {
  const std::size_t first = std::min(total, (paging.page - 1) * paging.per_page);
  return {first, std::min(total, first + paging.per_page)};
}

HttpResponse PagedJson(const HttpRequest& request, const Paging& paging, std::size_t total,
                       nlohmann::ordered_json items) {
  const std::size_t last = PageRange(paging, total).second;
  nlohmann::ordered_json body = {
      {"items", std::move(items)},
      {"page", paging.page},
      {"per_page", paging.per_page},
      {"total", total},
      {"next", last < total ? nlohmann::ordered_json(PageUrl(request, paging.page + 1))
                            : nlohmann::ordered_json(nullptr)}};
  HttpResponse response = JsonResponse(200, body);
  std::string links;
  if (last < total) links = PageLink(request, paging.page + 1, "next");
  if (paging.page > 1)
    links += (links.empty() ? "" : ", ") + PageLink(request, paging.page - 1, "prev");
  if (!links.empty()) response.headers.Set("Link", links);
  return response;
}

Result<std::optional<Meeting>> FindMeeting(Store& store, const std::string& group,
                                           const std::string& kind, int number) {
  PageRequest every;
  every.limit = 1'000'000;
  auto keys = store.MeetingPage({group, {}, {}, MeetingParts::kKeyOnly}, every);
  if (!keys.ok()) return keys.error();
  auto matches = [&](const Meeting& m) {
    return EqualsNoCase(m.key.kind, kind) && m.key.number == number;
  };
  auto key = std::find_if(keys->items.begin(), keys->items.end(), matches);
  if (key == keys->items.end()) return std::optional<Meeting>();
  auto that_day = store.MeetingPage({group, key->date, key->date, MeetingParts::kEverything}, every);
  if (!that_day.ok()) return that_day.error();
  for (Meeting& m : that_day->items)
    if (matches(m)) return std::optional<Meeting>(std::move(m));
  return std::optional<Meeting>();
}

Result<ListRequest> ListRequestOf(const HttpRequest& request) {
  auto paging = PagingOf(request);
  if (!paging.ok()) return paging.error();
  auto limit = PositiveParam(request, "limit", paging->per_page, Paging::kMaxPerPage);
  if (!limit.ok()) return limit.error();
  ListRequest list;
  list.paging = *paging;
  list.paging.per_page = *limit;
  list.store.limit = *limit;
  if (const std::string* cursor = FindParam(request.query, "cursor")) {
    if (FindParam(request.query, "page"))
      return Error::InvalidInput("cursor: give either cursor or page, not both");
    list.store.cursor = *cursor;
  } else {
    list.store.offset = (list.paging.page - 1) * list.paging.per_page;
  }
  return list;
}

HttpResponse ListJson(const HttpRequest& request, const ListRequest& list, std::size_t total,
                      const std::string& next_cursor, nlohmann::ordered_json items) {
  std::string next;
  if (!next_cursor.empty()) {
    next = request.path + "?";
    for (const auto& [name, value] : request.query) {
      if (name == "page" || name == "cursor") continue;
      next += PercentEncode(name) + "=" + PercentEncode(value) + "&";
    }
    next += "cursor=" + PercentEncode(next_cursor);
  }
  nlohmann::ordered_json body = {
      {"items", std::move(items)},
      {"page", list.paging.page},
      {"per_page", list.paging.per_page},
      {"total", total},
      {"next", next.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(next)}};
  HttpResponse response = JsonResponse(200, body);
  std::string links;
  if (!next.empty()) links = "<" + next + ">; rel=\"next\"";
  if (list.store.cursor.empty() && list.paging.page > 1)
    links += (links.empty() ? "" : ", ") + PageLink(request, list.paging.page - 1, "prev");
  if (!links.empty()) response.headers.Set("Link", links);
  return response;
}

std::string BodyEtag(std::string_view body) { return "\"" + Sha256Hex(body).substr(0, 32) + "\""; }

bool IfNoneMatchNames(const HttpRequest& request, const std::string& etag) {
  const std::string* match = request.headers.Find("If-None-Match");
  return match && (match->find(etag) != std::string::npos || Trim(*match) == "*");
}

HttpResponse CacheableJson(const HttpRequest& request, HttpResponse response) {
  std::string etag = BodyEtag(response.body);
  if (IfNoneMatchNames(request, etag)) {
    HttpResponse not_modified;
    not_modified.status = 304;
    not_modified.headers.Set("ETag", etag);
    not_modified.headers.Set("Cache-Control", "private, no-cache");
    return not_modified;
  }
  // What a viewer may see depends on who they are: no shared cache may keep it,
  // and the browser asks again (cheaply, with the ETag) each time.
  response.headers.Set("ETag", etag);
  response.headers.Set("Cache-Control", "private, no-cache");
  return response;
}

Result<std::optional<Date>> DateParam(const HttpRequest& request, std::string_view name) {
  const std::string* text = FindParam(request.query, name);
  if (!text) return std::optional<Date>{};
  auto date = ParseIsoDate(*text);
  if (!date) return Error::InvalidInput(fmt::format("{}: expected YYYY-MM-DD", name));
  return std::optional<Date>{*date};
}

Result<std::int64_t> IdParam(const RouteCall& call, std::string_view name) {
  const std::string& text = call.Param(name);
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0)
    return Error::InvalidInput(fmt::format("{}: expected a positive whole number", name));
  return id;
}

std::string ChangedBy(const RouteCall& call) {
  return call.viewer.user ? call.viewer.user->login : std::string("web");
}

Date Today() {
  return Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

}  // namespace plenary
