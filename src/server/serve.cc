#include "server/serve.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdio>
#include <memory>
#include <thread>

#include "plenary/site.h"
#include "plenary/store.h"
#include "server/access_log.h"
#include "server/api.h"
#include "server/auth.h"
#include "server/page_routes.h"
#include "server/response_cache.h"
#include "server/responses.h"
#include "server/worker_pool.h"
#include "store/store_url.h"

namespace plenary {
namespace {

Result<WorkerResources> OpenResources(const std::string& url, SiteContext& context) {
  auto store = OpenStore(url);
  if (!store.ok()) return store.error();
  auto site = OpenSiteStore(url);
  if (!site.ok()) return site.error();
  return WorkerResources{std::move(*store), std::move(*site), &context};
}

struct LogFile {
  std::FILE* file = stderr;
  ~LogFile() {
    if (file != stderr) std::fclose(file);
  }
};

}  // namespace

Result<std::pair<std::string, std::uint16_t>> ParseListenAddress(const std::string& text) {
  std::size_t colon = text.rfind(':');
  auto bad = Error::InvalidInput(
      fmt::format("--listen {}: expected HOST:PORT, e.g. 127.0.0.1:8080", text));
  if (colon == std::string::npos || colon == 0) return bad;
  std::string host = text.substr(0, colon);
  if (host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned port = 0;
  const char* first = text.data() + colon + 1;
  const char* last = text.data() + text.size();
  auto [end, ec] = std::from_chars(first, last, port);
  if (ec != std::errc() || end != last || first == last || port > 65535 || host.empty()) return bad;
  return std::pair{host, static_cast<std::uint16_t>(port)};
}

void AddSiteRoutes(Router& router) {
  router.SetAuthenticator(Authenticate);
  AddApiRoutes(router);
  AddPageRoutes(router);
  for (std::string_view pattern : CachedReadRoutes()) router.CacheAnswers(pattern);
}

Status Serve(const ServeOptions& options, std::ostream& out) {
  auto address = ParseListenAddress(options.listen);
  if (!address.ok()) return address.error();
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  SiteContext context;
  context.secure_cookies = options.secure_cookies;
  // Uploads are read by a child process running this very binary.
  IsolatedImportPlanner planner("/proc/self/exe", options.parse_limits);
  context.import_planner = &planner;
  ResponseCache responses(options.response_cache_bytes);
  context.response_cache = &responses;
  const int worker_count = options.workers > 0 ? options.workers : 2 * cores;
  auto pool = WorkerPool::Start(worker_count, [&] { return OpenResources(options.db, context); });
  if (!pool.ok()) return pool.error();
  LogFile log;
  if (options.access_log && *options.access_log != "-") {
    log.file = std::fopen(options.access_log->c_str(), "a");
    if (!log.file) {
      log.file = stderr;
      return Error::IO(fmt::format("cannot open the access log {}", *options.access_log));
    }
  }
  AccessLog access_log(log.file, options.access_log_json);
  Router router;
  AddSiteRoutes(router);

  WorkerPool& workers = **pool;
  RequestHandler handler = [&](HttpRequest request, Responder respond) {
    auto shared = std::make_shared<HttpRequest>(std::move(request));
    bool queued = workers.Submit([&router, shared, respond](WorkerResources& resources) {
      respond(router.Handle(*shared, resources));
    });
    if (!queued) {
      HttpResponse busy = Problem(503, "the server is busy; try again shortly");
      busy.headers.Set("Retry-After", "1");
      respond(std::move(busy));
    }
  };
  HttpServerOptions server_options;
  server_options.host = address->first;
  server_options.port = address->second;
  server_options.threads = options.threads > 0 ? options.threads : cores;
  server_options.limits = options.limits;
  auto server =
      HttpServer::Listen(server_options, handler, [&](const Exchange& e) { access_log.Write(e); });
  if (!server.ok()) return server.error();
  std::string host =
      address->first.find(':') != std::string::npos ? "[" + address->first + "]" : address->first;
  // What an operator checks first: where, on which register, with how much.
  out << fmt::format(
             "plenary: listening on http://{}:{} (register {}, {} network threads, {} "
             "database workers)",
             host, (*server)->port(), RedactUrl(options.db), server_options.threads, worker_count)
      << std::endl;
  (*server)->Run();
  workers.Stop();
  out << "plenary: stopped" << std::endl;
  return Status::Ok();
}

}  // namespace plenary
