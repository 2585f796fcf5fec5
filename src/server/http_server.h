// The HTTP/1.1 server: Boost.Beast on Boost.Asio, one io_context per thread,
// behind plenary's own HttpRequest/HttpResponse (this header includes no
// Boost). It reads requests with limits and timeouts, hands each complete one
// to the RequestHandler, and writes the response the handler gives back, from
// whatever thread it is given on.
//
// Contracts:
//  - A header block over limits.max_header_bytes is answered 431, a body over
//    limits.max_body_bytes 413 (as soon as Content-Length says so), a
//    malformed request 400; each then closes the connection.
//  - A request that does not arrive whole within request_timeout, or a
//    keep-alive connection idle that long, is closed without a response; a
//    response not taken by the client within write_timeout is dropped. Other
//    connections are served meanwhile.
//  - Run() returns after Drain() (or SIGTERM/SIGINT when handle_signals):
//    the listener closes at once, idle connections are closed, requests
//    begun (partly read, or awaiting their response) are answered, each
//    then closing its connection, and Run returns when none is left, or
//    after drain_timeout at the latest.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "importers/source_text.h"
#include "plenary/result.h"
#include "server/http_message.h"

namespace plenary {

struct HttpLimits {
  std::size_t max_header_bytes = 8 * 1024;
  // Notes are at most SourceLimits::max_bytes; a little more for a JSON
  // envelope around them.
  std::size_t max_body_bytes = SourceLimits{}.max_bytes + 64 * 1024;
  std::chrono::milliseconds request_timeout{15'000};
  std::chrono::milliseconds write_timeout{15'000};
  std::chrono::milliseconds drain_timeout{10'000};
};

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (see HttpServer::port)
  int threads = 1;            // network threads, each with its own io_context
  HttpLimits limits;
  bool handle_signals = true;  // SIGTERM and SIGINT drain the server
};

// Called once per response, from any thread; the server writes it on the
// connection's own thread.
using Responder = std::function<void(HttpResponse)>;
// Called on a network thread for each complete request. It must not block:
// database work belongs on the worker pool, which calls the responder.
using RequestHandler = std::function<void(HttpRequest, Responder)>;
// Called on a network thread after each response is written (or abandoned):
// the access log.
struct Exchange {
  std::string method;  // empty when no request was read whole
  std::string path;    // the target's path, never its query
  std::string client;
  int status = 0;
  std::size_t body_bytes = 0;
  std::chrono::microseconds elapsed{0};
};
using ExchangeObserver = std::function<void(const Exchange&)>;

class HttpServer {
 public:
  // Binds and listens (IO error when the address is taken or invalid); the
  // server accepts nothing until Run.
  static Result<std::unique_ptr<HttpServer>> Listen(const HttpServerOptions& options,
                                                    RequestHandler handler,
                                                    ExchangeObserver observer = {});
  virtual ~HttpServer() = default;
  // The bound port (the chosen one when options.port was 0).
  virtual std::uint16_t port() const = 0;
  // Serves on options.threads threads (this one included) until drained.
  virtual void Run() = 0;
  // Starts draining; safe from any thread and from a signal-free context.
  virtual void Drain() = 0;
};

}  // namespace plenary
