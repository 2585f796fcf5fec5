#include "server/http_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "http_test_client.h"

namespace plenary {
namespace {

using namespace std::chrono_literals;
using namespace http_testing;

// A server on a free port that answers "METHOD PATH BODY-SIZE", after
// `delay` on a thread of its own (as the worker pool would).
class HttpServerTest : public ::testing::Test {
 protected:
  void Start(HttpLimits limits = {}, std::chrono::milliseconds delay = 0ms) {
    HttpServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.limits = limits;
    options.handle_signals = false;
    auto handler = [this, delay](HttpRequest request, Responder respond) {
      ++received_;
      std::thread([=, request = std::move(request)] {
        std::this_thread::sleep_for(delay);
        std::string text =
            request.method + " " + request.path + " " + std::to_string(request.body.size());
        for (const auto& [name, value] : request.query) text += " " + name + "=" + value;
        respond(HttpResponse::Text(200, text));
      }).detach();
    };
    auto server = HttpServer::Listen(options, handler, [this](const Exchange& e) {
      if (e.status == 200) ++answered_;
    });
    ASSERT_TRUE(server.ok()) << server.error().message;
    server_ = std::move(*server);
    runner_ = std::thread([this] { server_->Run(); });
  }
  void TearDown() override {
    if (server_) server_->Drain();
    if (runner_.joinable()) runner_.join();
  }
  std::uint16_t port() const { return server_->port(); }

  std::unique_ptr<HttpServer> server_;
  std::thread runner_;
  std::atomic<int> answered_{0};
  std::atomic<int> received_{0};
};

TEST_F(HttpServerTest, AnswersWithDecodedQuery) {
  Start();
  Reply r = Request(port(), "GET", "/a/b%20c?x=1+2&y=%C3%A9");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "GET /a/b%20c 0 x=1 2 y=\xC3\xA9");
  EXPECT_EQ(r.Header("server"), "plenary");
}

TEST_F(HttpServerTest, KeepsTheConnectionAliveBetweenRequests) {
  Start();
  int fd = Connect(port());
  ASSERT_GE(fd, 0);
  std::string two = "GET /one HTTP/1.1\r\nHost: x\r\n\r\nGET /two HTTP/1.1\r\nHost: x\r\n\r\n";
  ASSERT_TRUE(SendAll(fd, two));
  std::string raw;
  for (int i = 0; i < 50 && raw.find("/two") == std::string::npos; ++i) raw += ReadAll(fd, 100ms);
  close(fd);
  EXPECT_NE(raw.find("GET /one 0"), std::string::npos) << raw;
  EXPECT_NE(raw.find("GET /two 0"), std::string::npos) << raw;
}

TEST_F(HttpServerTest, RefusesAMalformedQueryWith400) {
  Start();
  EXPECT_EQ(Request(port(), "GET", "/x?a=%zz").status, 400);
  EXPECT_EQ(Request(port(), "GET", "/x?a=%00").status, 400);
}

TEST_F(HttpServerTest, RefusesAnOversizeHeaderWith431) {
  Start();
  Reply r = Request(port(), "GET", "/", "", {"X-Big: " + std::string(9000, 'a')});
  EXPECT_EQ(r.status, 431);
  EXPECT_EQ(answered_.load(), 0);
}

TEST_F(HttpServerTest, RefusesAnOversizeBodyWith413BeforeReadingIt) {
  HttpLimits limits;
  limits.max_body_bytes = 1000;
  Start(limits);
  int fd = Connect(port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(SendAll(fd, "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n"));
  Reply r = ParseReply(ReadAll(fd, 5s));
  close(fd);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(Request(port(), "POST", "/x", std::string(1000, 'b')).body, "POST /x 1000");
  EXPECT_EQ(Request(port(), "POST", "/x", std::string(1001, 'b')).status, 413);
}

TEST_F(HttpServerTest, CutsOffASlowClientWhileServingOthers) {
  HttpLimits limits;
  limits.request_timeout = 400ms;
  Start(limits);
  int slow = Connect(port());
  ASSERT_GE(slow, 0);
  const std::string header =
      "GET /slow HTTP/1.1\r\nHost: x\r\nX-Padding: aaaaaaaaaaaaaaaaaaaa\r\n\r\n";
  auto started = std::chrono::steady_clock::now();
  bool cut_off = false;
  int served_meanwhile = 0;
  for (char c : header) {
    if (!SendAll(slow, std::string(1, c))) {
      cut_off = true;
      break;
    }
    if (Request(port(), "GET", "/other").status == 200) ++served_meanwhile;
    pollfd p{slow, POLLIN, 0};
    if (poll(&p, 1, 40) > 0) {
      char byte;
      if (recv(slow, &byte, 1, 0) <= 0) {
        cut_off = true;
        break;
      }
    }
  }
  auto elapsed = std::chrono::steady_clock::now() - started;
  close(slow);
  EXPECT_TRUE(cut_off) << "the slow client sent its whole header";
  EXPECT_LT(elapsed, 3s);
  EXPECT_GE(served_meanwhile, 3);
}

TEST_F(HttpServerTest, ClosesAnIdleKeepAliveConnection) {
  HttpLimits limits;
  limits.request_timeout = 300ms;
  Start(limits);
  int fd = Connect(port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(SendAll(fd, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n"));
  std::string raw = ReadAll(fd, 2s);  // returns when the server closes
  close(fd);
  EXPECT_EQ(ParseReply(raw).status, 200);
}

TEST_F(HttpServerTest, AnswersMalformedRequestsWith400) {
  Start();
  int fd = Connect(port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(SendAll(fd, "GARBAGE\x01 / HTTP/1.1\r\n\r\n"));
  Reply r = ParseReply(ReadAll(fd, 2s));
  close(fd);
  EXPECT_EQ(r.status, 400);
}

TEST_F(HttpServerTest, DrainingAnswersTheRequestInFlightThenStops) {
  Start({}, 500ms);
  Reply reply;
  std::thread client([&] { reply = Request(port(), "GET", "/inflight"); });
  // A loaded machine may take a while to run the client: wait for the request.
  for (int i = 0; i < 400 && received_ == 0; ++i) std::this_thread::sleep_for(5ms);
  ASSERT_EQ(received_, 1);
  int idle = Connect(port());
  ASSERT_GE(idle, 0);
  std::this_thread::sleep_for(50ms);
  server_->Drain();
  client.join();
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "GET /inflight 0");
  EXPECT_EQ(ReadAll(idle, 2s), "");  // closed without a response
  close(idle);
  runner_.join();
  EXPECT_LT(Connect(port()), 0) << "still accepting after draining";
}

}  // namespace
}  // namespace plenary
