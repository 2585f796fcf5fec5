// The one translation unit that includes Boost.Beast (each costs ~12 s to
// compile; see /work/shared/STACK.md).
#include "server/http_server.h"

#include <fmt/format.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "server/url_codec.h"

namespace plenary {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

class Server;

// One client connection, on one io_context: all its handlers run on that
// context's single thread, so its state needs no lock.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, Server& server);
  ~Connection();
  void Start();
  // From any thread: an idle connection closes now; one reading a request or
  // awaiting its response closes after answering it.
  void Drain() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      bool reading = self->parser_ && self->parser_->got_some();
      if (!self->busy_ && !reading) self->Close();
    });
  }

 private:
  void Read();
  void OnRead(beast::error_code ec);
  void Dispatch();
  void Send(HttpResponse response);
  void OnWritten(bool close, beast::error_code ec);
  void Close();

  tcp::socket& socket() { return stream_.socket(); }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> response_;
  Server& server_;
  std::string client_;
  bool busy_ = false;  // a request read whose response is not written yet
  bool closed_ = false;
  bool head_ = false;
  bool keep_alive_ = true;
  unsigned version_ = 11;
  std::string method_, path_;
  Clock::time_point started_;
};

class Server final : public HttpServer {
 public:
  Server(const HttpServerOptions& options, RequestHandler handler, ExchangeObserver observer)
      : options_(options),
        handler_(std::move(handler)),
        observer_(std::move(observer)),
        contexts_(MakeContexts(options.threads)),
        acceptor_(*contexts_[0]),
        signals_(*contexts_[0]),
        drain_timer_(*contexts_[0]) {
    for (auto& c : contexts_) guards_.emplace_back(c->get_executor());
  }

  Status Bind();
  std::uint16_t port() const override { return port_; }
  void Run() override;
  void Drain() override {
    net::post(*contexts_[0], [this] { StartDraining(); });
  }

  const HttpLimits& limits() const { return options_.limits; }
  bool draining() const { return draining_.load(); }
  const RequestHandler& handler() const { return handler_; }
  void Observe(const Exchange& exchange) const {
    if (observer_) observer_(exchange);
  }
  void Register(const std::shared_ptr<Connection>& c) {
    std::lock_guard lock(mutex_);
    connections_.emplace(c.get(), c);
    live_.fetch_add(1);
  }
  void Unregister(Connection* c);

 private:
  static std::vector<std::unique_ptr<net::io_context>> MakeContexts(int threads) {
    std::vector<std::unique_ptr<net::io_context>> contexts;
    for (int i = 0; i < std::max(1, threads); ++i)
      contexts.push_back(std::make_unique<net::io_context>(1));
    return contexts;
  }
  void Accept();
  void StartDraining();

  HttpServerOptions options_;
  RequestHandler handler_;
  ExchangeObserver observer_;
  std::vector<std::unique_ptr<net::io_context>> contexts_;
  std::vector<net::executor_work_guard<net::io_context::executor_type>> guards_;
  tcp::acceptor acceptor_;
  net::signal_set signals_;
  net::steady_timer drain_timer_;
  std::uint16_t port_ = 0;
  std::size_t next_context_ = 0;
  std::atomic<bool> draining_{false};
  std::atomic<int> live_{0};
  std::mutex mutex_;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> connections_;
};

Connection::Connection(tcp::socket socket, Server& server)
    : stream_(std::move(socket)), server_(server) {
  beast::error_code ec;
  auto peer = stream_.socket().remote_endpoint(ec);
  if (!ec) client_ = fmt::format("{}:{}", peer.address().to_string(), peer.port());
}

Connection::~Connection() { server_.Unregister(this); }

void Connection::Start() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Read(); });
}

void Connection::Read() {
  if (server_.draining()) return Close();
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(server_.limits().max_header_bytes));
  parser_->body_limit(server_.limits().max_body_bytes);
  stream_.expires_after(server_.limits().request_timeout);
  http::async_read(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnRead(ec); });
}

void Connection::OnRead(beast::error_code ec) {
  if (closed_ || ec == net::error::operation_aborted) return;
  if (ec == http::error::end_of_stream || ec == beast::error::timeout) return Close();
  if (ec) {
    int status = ec == http::error::header_limit ? 431
                 : ec == http::error::body_limit ? 413
                 : parser_->got_some()           ? 400
                                                 : 0;
    if (status == 0) return Close();
    busy_ = true;
    keep_alive_ = false;
    started_ = Clock::now();
    method_.clear();
    path_.clear();
    return Send(HttpResponse::Text(status, std::string(StatusReason(status)) + "\n"));
  }
  Dispatch();
}

void Connection::Dispatch() {
  busy_ = true;
  started_ = Clock::now();
  stream_.expires_never();  // the handler's time is not the client's
  auto message = parser_->release();
  keep_alive_ = message.keep_alive();
  version_ = message.version();
  head_ = message.method() == http::verb::head;

  HttpRequest request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  request.client = client_;
  std::string_view target(message.target().data(), message.target().size());
  std::size_t q = target.find('?');
  request.path = std::string(target.substr(0, q));
  method_ = request.method;
  path_ = request.path;
  if (q != std::string_view::npos) {
    auto query = ParseForm(target.substr(q + 1));
    if (!query.ok()) return Send(HttpResponse::Text(400, query.error().message + "\n"));
    request.query = std::move(*query);
  }
  for (const auto& field : message)
    request.headers.Add(std::string(field.name_string()), std::string(field.value()));
  request.body = std::move(message.body());

  auto guard = std::make_shared<net::executor_work_guard<tcp::socket::executor_type>>(
      stream_.get_executor());
  Responder respond = [self = shared_from_this(), guard](HttpResponse response) {
    net::post(self->stream_.get_executor(), [self, response = std::move(response)]() mutable {
      self->Send(std::move(response));
    });
  };
  server_.handler()(std::move(request), std::move(respond));
}

void Connection::Send(HttpResponse response) {
  if (closed_) return;
  bool close = response.close || !keep_alive_ || server_.draining();
  http::response<http::string_body> res{static_cast<http::status>(response.status), version_};
  res.set(http::field::server, "plenary");
  for (const auto& [name, value] : response.headers.fields()) res.insert(name, value);
  res.body() = std::move(response.body);
  res.keep_alive(!close);
  res.prepare_payload();
  if (head_) res.body().clear();
  response_ = std::move(res);
  stream_.expires_after(server_.limits().write_timeout);
  http::async_write(stream_, response_,
                    [self = shared_from_this(), close](beast::error_code ec, std::size_t) {
                      self->OnWritten(close, ec);
                    });
}

void Connection::OnWritten(bool close, beast::error_code ec) {
  busy_ = false;
  auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started_);
  server_.Observe(Exchange{method_, path_, client_, static_cast<int>(response_.result_int()),
                           head_ ? 0 : response_.body().size(), elapsed});
  if (ec || close) return Close();
  Read();
}

void Connection::Close() {
  if (closed_) return;
  closed_ = true;
  beast::error_code ignored;
  socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream_.close();
}

void Server::Unregister(Connection* c) {
  {
    std::lock_guard lock(mutex_);
    connections_.erase(c);
  }
  if (live_.fetch_sub(1) == 1 && draining_.load())
    net::post(*contexts_[0], [this] { drain_timer_.cancel(); });
}

Status Server::Bind() {
  beast::error_code ec;
  auto address = net::ip::make_address(options_.host, ec);
  if (ec) return Error::InvalidInput(fmt::format("not an IP address: {}", options_.host));
  tcp::endpoint endpoint{address, options_.port};
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return Error::IO(
        fmt::format("cannot listen on {}:{}: {}", options_.host, options_.port, ec.message()));
  }
  port_ = acceptor_.local_endpoint().port();
  return Status::Ok();
}

void Server::Accept() {
  net::io_context& context = *contexts_[next_context_++ % contexts_.size()];
  acceptor_.async_accept(context, [this](beast::error_code ec, tcp::socket socket) {
    if (!acceptor_.is_open()) return;
    if (!ec) {
      socket.set_option(tcp::no_delay(true), ec);
      auto connection = std::make_shared<Connection>(std::move(socket), *this);
      Register(connection);
      connection->Start();
    }
    Accept();
  });
}

void Server::StartDraining() {
  if (draining_.exchange(true)) return;
  beast::error_code ignored;
  acceptor_.close(ignored);
  signals_.cancel(ignored);
  // A connection may be destroyed as its last reference here goes, and its
  // destructor unregisters it under mutex_: take them out of the lock first.
  std::vector<std::shared_ptr<Connection>> open;
  {
    std::lock_guard lock(mutex_);
    for (auto& [raw, weak] : connections_)
      if (auto c = weak.lock()) open.push_back(std::move(c));
  }
  for (const auto& c : open) c->Drain();
  open.clear();
  for (auto& guard : guards_) guard.reset();
  if (live_.load() == 0) return;
  drain_timer_.expires_after(options_.limits.drain_timeout);
  drain_timer_.async_wait([this](beast::error_code ec) {
    if (ec) return;
    for (auto& c : contexts_) c->stop();
  });
}

void Server::Run() {
  if (options_.handle_signals) {
    signals_.add(SIGTERM);
    signals_.add(SIGINT);
    signals_.async_wait([this](beast::error_code ec, int) {
      if (!ec) StartDraining();
    });
  }
  Accept();
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < contexts_.size(); ++i)
    threads.emplace_back([this, i] { contexts_[i]->run(); });
  contexts_[0]->run();
  for (auto& t : threads) t.join();
}

}  // namespace

Result<std::unique_ptr<HttpServer>> HttpServer::Listen(const HttpServerOptions& options,
                                                       RequestHandler handler,
                                                       ExchangeObserver observer) {
  auto server = std::make_unique<Server>(options, std::move(handler), std::move(observer));
  if (Status bound = server->Bind(); !bound.ok()) return bound.error();
  return std::unique_ptr<HttpServer>(std::move(server));
}

}  // namespace plenary
