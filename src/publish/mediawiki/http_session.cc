#include "publish/mediawiki/http_session.h"

#include <fmt/format.h>

#include <charconv>
#include <string_view>

#include "publish/curl_library.h"

namespace plenary::mediawiki {

struct HttpSession::State {
  HttpOptions options;
  const CurlLibrary* lib = nullptr;
  CURL* curl = nullptr;
  std::string body;
  std::optional<int> retry_after;
  bool oversized = false;
  // Kept alive while a POST is performed: libcurl does not copy the fields.
  std::string post_fields;

  ~State() {
    if (curl) lib->easy_cleanup(curl);
  }
};

namespace {

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* state = static_cast<HttpSession::State*>(user);
  size_t bytes = size * count;
  if (state->body.size() + bytes > state->options.max_body_bytes) {
    state->oversized = true;
    return 0;  // makes libcurl fail the transfer with CURLE_WRITE_ERROR
  }
  state->body.append(data, bytes);
  return bytes;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

// Only the delay-in-seconds form of Retry-After; an HTTP date is ignored.
size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* state = static_cast<HttpSession::State*>(user);
  std::string_view line(data, size * count);
  constexpr std::string_view kName = "retry-after:";
  if (line.size() > kName.size()) {
    bool match = true;
    for (size_t i = 0; i < kName.size() && match; ++i) match = (line[i] | 0x20) == kName[i];
    if (match) {
      std::string_view value = Trim(line.substr(kName.size()));
      int seconds = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
      if (ec == std::errc() && end == value.data() + value.size() && seconds >= 0)
        state->retry_after = seconds;
    }
  }
  return size * count;
}

// RFC 3986's percent-encoding: every byte but the unreserved characters
// (letters, digits, '-', '.', '_', '~') as %XX, as curl_easy_escape does.
std::string Escape(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string EncodeForm(const FormFields& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    out += Escape(name) + '=' + Escape(value);
  }
  return out;
}

Result<HttpSession> HttpSession::Open(HttpOptions options) {
  Result<const CurlLibrary*> loaded = LoadCurl();
  if (!loaded) return loaded.error();
  const CurlLibrary* lib = *loaded;
  auto state = std::make_unique<State>();
  state->options = std::move(options);
  state->lib = lib;
  state->curl = lib->easy_init();
  if (!state->curl) return Error::Internal("libcurl could not create a handle");
  CURL* c = state->curl;
  lib->easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  lib->easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  lib->easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  lib->easy_setopt(c, CURLOPT_COOKIEFILE, "");  // in-memory cookie engine
  lib->easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
  lib->easy_setopt(c, CURLOPT_USERAGENT, state->options.user_agent.c_str());
  lib->easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(state->options.timeout.count()));
  lib->easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(state->options.connect_timeout.count()));
  lib->easy_setopt(c, CURLOPT_WRITEFUNCTION, OnBody);
  lib->easy_setopt(c, CURLOPT_HEADERFUNCTION, OnHeader);
  return HttpSession(std::move(state));
}

HttpSession::HttpSession(std::unique_ptr<State> state) : state_(std::move(state)) {
  const CurlLibrary* lib = state_->lib;
  lib->easy_setopt(state_->curl, CURLOPT_WRITEDATA, state_.get());
  lib->easy_setopt(state_->curl, CURLOPT_HEADERDATA, state_.get());
}
HttpSession::HttpSession(HttpSession&&) noexcept = default;
HttpSession& HttpSession::operator=(HttpSession&&) noexcept = default;
HttpSession::~HttpSession() = default;

Result<HttpResponse> HttpSession::Get(const std::string& url, const FormFields& query) {
  std::string full = url;
  if (!query.empty()) full += (url.find('?') == std::string::npos ? '?' : '&') + EncodeForm(query);
  state_->lib->easy_setopt(state_->curl, CURLOPT_HTTPGET, 1L);
  return Perform(full);
}

Result<HttpResponse> HttpSession::Post(const std::string& url, const FormFields& form) {
  state_->post_fields = EncodeForm(form);
  const CurlLibrary* lib = state_->lib;
  lib->easy_setopt(state_->curl, CURLOPT_POSTFIELDS, state_->post_fields.c_str());
  lib->easy_setopt(state_->curl, CURLOPT_POSTFIELDSIZE_LARGE,
                   static_cast<curl_off_t>(state_->post_fields.size()));
  Result<HttpResponse> response = Perform(url);
  // The fields may hold a password: do not keep them past the request.
  std::fill(state_->post_fields.begin(), state_->post_fields.end(), '\0');
  state_->post_fields.clear();
  return response;
}

Result<HttpResponse> HttpSession::Perform(const std::string& url) {
  State& s = *state_;
  const CurlLibrary* lib = s.lib;
  s.body.clear();
  s.retry_after.reset();
  s.oversized = false;
  lib->easy_setopt(s.curl, CURLOPT_URL, url.c_str());
  CURLcode code = lib->easy_perform(s.curl);
  // The URL of a GET carries its query; name only the part before it.
  std::string shown = url.substr(0, url.find('?'));
  if (s.oversized)
    return Error::IO(
        fmt::format("{}: the answer is larger than {} bytes", shown, s.options.max_body_bytes));
  if (code != CURLE_OK) return Error::IO(fmt::format("{}: {}", shown, lib->easy_strerror(code)));
  HttpResponse response;
  lib->easy_getinfo(s.curl, CURLINFO_RESPONSE_CODE, &response.status);
  response.body = std::move(s.body);
  response.retry_after_seconds = s.retry_after;
  return response;
}

}  // namespace plenary::mediawiki
