#include "server/router.h"

#include <exception>
#include <iostream>
#include <stdexcept>

#include "server/response_cache.h"
#include "server/responses.h"
#include "server/url_codec.h"

namespace plenary {
namespace {

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path.empty() || path.front() != '/') return segments;
  path.remove_prefix(1);
  for (;;) {
    std::size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool IsParameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

constexpr std::size_t kMaxPathSegments = 32;

}  // namespace

const std::string& RouteCall::Param(std::string_view name) const {
  static const std::string kEmpty;
  for (const auto& [n, v] : params)
    if (n == name) return v;
  return kEmpty;
}

void Router::Add(std::string method, std::string pattern, RouteHandler handler) {
  Route route{std::move(method), std::move(pattern), {}, std::move(handler)};
  for (std::string_view s : SplitPath(route.pattern)) route.segments.emplace_back(s);
  routes_.push_back(std::move(route));
}

void Router::CacheAnswers(std::string_view pattern) {
  for (Route& r : routes_)
    if (r.method == "GET" && r.pattern == pattern) {
      r.cached = true;
      return;
    }
  throw std::logic_error("no GET route " + std::string(pattern) + " to cache");
}

std::vector<RouteInfo> Router::Routes() const {
  std::vector<RouteInfo> out;
  for (const Route& r : routes_) out.push_back({r.method, r.pattern, r.cached});
  return out;
}

HttpResponse Router::Handle(const HttpRequest& request, WorkerResources& resources) const {
  try {
    return Dispatch(request, resources);
  } catch (const std::exception& e) {
    std::cerr << "plenary serve: " << request.method << ' ' << request.path << ": " << e.what()
              << '\n';
  } catch (...) {
    std::cerr << "plenary serve: " << request.method << ' ' << request.path << ": failure\n";
  }
  return Problem(500, "the server failed; the details are in its log");
}

HttpResponse Router::Dispatch(const HttpRequest& request, WorkerResources& resources) const {
  std::vector<std::string_view> raw = SplitPath(request.path);
  if (raw.empty() || raw.size() > kMaxPathSegments) return Problem(404, "no such page");
  std::vector<std::string> path;
  for (std::string_view s : raw) {
    auto decoded = PercentDecode(s);
    if (!decoded.ok()) return Problem(400, decoded.error().message);
    path.push_back(std::move(*decoded));
  }
  const std::string method = request.method == "HEAD" ? std::string("GET") : request.method;
  std::string allowed;
  for (const Route& route : routes_) {
    if (route.segments.size() != path.size()) continue;
    std::vector<std::pair<std::string, std::string>> params;
    bool match = true;
    for (std::size_t i = 0; i < path.size() && match; ++i) {
      if (IsParameter(route.segments[i])) {
        match = !path[i].empty();
        params.emplace_back(route.segments[i].substr(1, route.segments[i].size() - 2), path[i]);
      } else {
        match = route.segments[i] == path[i];
      }
    }
    if (!match) continue;
    if (route.method != method) {
      if (allowed.find(route.method) == std::string::npos)
        allowed += (allowed.empty() ? "" : ", ") + route.method;
      continue;
    }
    Admission admission;
    if (authenticator_) admission = authenticator_(request, resources);
    if (admission.refusal) return std::move(*admission.refusal);
    RouteCall call{request, std::move(params), resources, std::move(admission.viewer)};
    if (route.cached) return AnswerThroughCache(call, route.handler);
    return route.handler(call);
  }
  if (allowed.empty()) return Problem(404, "no such page");
  HttpResponse r = Problem(405, "method not allowed here");
  r.headers.Set("Allow", allowed);
  return r;
}

}  // namespace plenary
