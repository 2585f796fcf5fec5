// Routes requests to handlers by method and path pattern. Each module (the
// JSON API, the pages, the sign-in routes) registers its routes on one Router;
// the router runs on a worker thread with that worker's resources.
//
// Patterns are literal segments and {name} segments, each of which matches one
// non-empty path segment, percent-decoded: "/api/v1/groups/{group}/actions/{id}".
// A path no pattern matches is 404; a path some pattern matches with another
// method is 405 with an Allow header. HEAD is answered by the GET route.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "server/http_message.h"
#include "server/viewer.h"
#include "server/worker_pool.h"

namespace plenary {

// What a handler is given.
struct RouteCall {
  const HttpRequest& request;
  std::vector<std::pair<std::string, std::string>> params;  // from the pattern, decoded
  WorkerResources& resources;
  Viewer viewer;

  // The path parameter `name` (empty when the pattern has none).
  const std::string& Param(std::string_view name) const;
  Store& store() const { return *resources.store; }
};

using RouteHandler = std::function<HttpResponse(RouteCall&)>;

// Decides who is asking before any handler runs. An answer in `refusal` is
// sent instead of calling the handler (a bad token, a missing CSRF token).
struct Admission {
  Viewer viewer;
  std::optional<HttpResponse> refusal;
};
using Authenticator = std::function<Admission(const HttpRequest&, WorkerResources&)>;

struct RouteInfo {
  std::string method;
  std::string pattern;
  bool cached = false;  // answered through the response cache
};

class Router {
 public:
  void Add(std::string method, std::string pattern, RouteHandler handler);
  // Answers the GET route `pattern` through the response cache
  // (server/response_cache.h). std::logic_error when no GET route has it.
  void CacheAnswers(std::string_view pattern);
  // Without one, every request is from the public.
  void SetAuthenticator(Authenticator authenticator) { authenticator_ = std::move(authenticator); }

  // Never throws: an exception escaping a handler is a 500.
  HttpResponse Handle(const HttpRequest& request, WorkerResources& resources) const;
  std::vector<RouteInfo> Routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;  // "{name}" for a parameter
    RouteHandler handler;
    bool cached = false;
  };
  HttpResponse Dispatch(const HttpRequest& request, WorkerResources& resources) const;

  std::vector<Route> routes_;
  Authenticator authenticator_;
};

}  // namespace plenary
