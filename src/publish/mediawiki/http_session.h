// One HTTP client session over libcurl, for talking to a web API such as
// MediaWiki's api.php: cookies are kept in memory for the session's lifetime
// (never written to disk), every request has a timeout and a User-Agent,
// redirects are not followed (a POST carrying a password must not be replayed
// to another host), and only http and https are spoken.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "plenary/result.h"

namespace plenary::mediawiki {

// Name/value pairs, sent in order, URL-encoded.
using FormFields = std::vector<std::pair<std::string, std::string>>;

struct HttpOptions {
  std::string user_agent;
  std::chrono::milliseconds timeout{30'000};  // whole request
  std::chrono::milliseconds connect_timeout{10'000};
  std::size_t max_body_bytes = 64u << 20;  // a longer answer is an error
};

struct HttpResponse {
  long status = 0;
  std::string body;
  std::optional<int> retry_after_seconds;  // from a Retry-After header in seconds
};

class HttpSession {
 public:
  // Fails (kInternal) only if libcurl cannot allocate a handle.
  static Result<HttpSession> Open(HttpOptions options);
  HttpSession(HttpSession&&) noexcept;
  HttpSession& operator=(HttpSession&&) noexcept;
  ~HttpSession();

  // Any HTTP status is a response; a transport failure (resolution,
  // connection, timeout, TLS, an oversized answer, a scheme other than
  // http(s)) is an IO error naming the URL but never the fields, which may
  // hold secrets.
  Result<HttpResponse> Get(const std::string& url, const FormFields& query);
  Result<HttpResponse> Post(const std::string& url, const FormFields& form);

  struct State;  // opaque: the libcurl handle and the transfer in progress

 private:
  explicit HttpSession(std::unique_ptr<State> state);
  Result<HttpResponse> Perform(const std::string& url);
  std::unique_ptr<State> state_;
};

// "a=1&b=x%20y": each name and value percent-encoded.
std::string EncodeForm(const FormFields& fields);

}  // namespace plenary::mediawiki
