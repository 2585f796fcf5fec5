// `plenary serve`: the HTTP server, the worker pool and the routes, wired.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "app/isolated_import.h"
#include "plenary/result.h"
#include "server/http_server.h"
#include "server/router.h"

namespace plenary {

struct ServeOptions {
  std::string db;                         // store URL, as OpenStore takes it
  std::string listen = "127.0.0.1:8080";  // HOST:PORT, [V6]:PORT; port 0: any free port
  int threads = 0;                        // network threads; 0: one per core
  int workers = 0;                        // database workers; 0: two per core
  std::optional<std::string> access_log;  // a file to append to; none or "-": stderr
  bool access_log_json = false;           // one JSON object per line (server/access_log.h)
  HttpLimits limits;
  bool secure_cookies = false;  // the session cookie's Secure flag
  // The read routes' answers kept between requests, at most this many bytes
  // (server/response_cache.h); 0: none kept.
  std::size_t response_cache_bytes = std::size_t{32} << 20;
  // What one upload's reading may take: it runs in a child process
  // (app/isolated_import.h; doc/reliability.md).
  ParseLimits parse_limits;
};

// "127.0.0.1:8080" -> host and port; InvalidInput otherwise.
Result<std::pair<std::string, std::uint16_t>> ParseListenAddress(const std::string& text);

// Every route of the site: the JSON API, then the pages, and the
// authenticator that decides who asks (server/auth.h), with the read routes
// whose answers the response cache keeps (response_cache.h; kept only when
// the workers' SiteContext has a cache). New route modules add themselves
// here.
void AddSiteRoutes(Router& router);

// Opens the database (creating and migrating it), listens, prints
// "plenary: listening on http://HOST:PORT (register URL, N network threads, M
// database workers)" (the URL redacted) to `out`, and serves until SIGTERM
// or SIGINT, after which in-flight requests are answered. Errors: a bad
// address or one in use, a database that cannot be opened.
Status Serve(const ServeOptions& options, std::ostream& out);

}  // namespace plenary
