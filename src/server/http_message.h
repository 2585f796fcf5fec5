// plenary's own HTTP request and response: plain values that the router, the
// API and the pages use, so that only http_server.cc needs Boost.Beast.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plenary {

// Header fields in arrival order; names compared without regard to ASCII case.
class HttpHeaders {
 public:
  void Add(std::string name, std::string value) {
    fields_.emplace_back(std::move(name), std::move(value));
  }
  // Replaces every field of that name with one.
  void Set(std::string_view name, std::string value);
  // The first field of that name, or nullptr.
  const std::string* Find(std::string_view name) const;
  std::string Get(std::string_view name) const {
    const std::string* v = Find(name);
    return v ? *v : std::string();
  }
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// Decoded name=value pairs of a query string or an urlencoded form, in order.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

// The first value of `name`, or nullptr.
const std::string* FindParam(const QueryParams& params, std::string_view name);

struct HttpRequest {
  std::string method;  // "GET", "POST", ... as sent (HEAD is answered as GET)
  std::string target;  // as sent: path and query, still percent-encoded
  std::string path;    // the target's path, still percent-encoded
  QueryParams query;   // the target's query, decoded
  HttpHeaders headers;
  std::string body;
  std::string client;  // the peer's address, "127.0.0.1:53211"
};

struct HttpResponse {
  int status = 200;
  HttpHeaders headers;
  std::string body;
  bool close = false;  // close the connection after sending

  static HttpResponse Text(int status, std::string body,
                           std::string content_type = "text/plain; charset=utf-8");
};

// The standard reason phrase of a status ("Not Found"), or "Unknown".
std::string_view StatusReason(int status);

}  // namespace plenary
