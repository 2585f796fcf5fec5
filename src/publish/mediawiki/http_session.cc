#include "publish/mediawiki/http_session.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <charconv>
#include <mutex>
#include <string_view>

namespace plenary::mediawiki {

struct HttpSession::State {
  HttpOptions options;
  CURL* curl = nullptr;
  std::string body;
  std::optional<int> retry_after;
  bool oversized = false;
  // Kept alive while a POST is performed: libcurl does not copy the fields.
  std::string post_fields;

  ~State() {
    if (curl) curl_easy_cleanup(curl);
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

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string Escape(CURL* curl, const std::string& s) {
  char* escaped = curl_easy_escape(curl, s.data(), static_cast<int>(s.size()));
  std::string out = escaped ? escaped : "";
  curl_free(escaped);
  return out;
}

}  // namespace

std::string EncodeForm(const FormFields& fields) {
  InitCurlOnce();
  CURL* curl = curl_easy_init();
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    out += Escape(curl, name) + '=' + Escape(curl, value);
  }
  if (curl) curl_easy_cleanup(curl);
  return out;
}

Result<HttpSession> HttpSession::Open(HttpOptions options) {
  InitCurlOnce();
  auto state = std::make_unique<State>();
  state->options = std::move(options);
  state->curl = curl_easy_init();
  if (!state->curl) return Error::Internal("libcurl could not create a handle");
  CURL* c = state->curl;
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_COOKIEFILE, "");  // in-memory cookie engine
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(c, CURLOPT_USERAGENT, state->options.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(state->options.timeout.count()));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(state->options.connect_timeout.count()));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, OnHeader);
  return HttpSession(std::move(state));
}

HttpSession::HttpSession(std::unique_ptr<State> state) : state_(std::move(state)) {
  curl_easy_setopt(state_->curl, CURLOPT_WRITEDATA, state_.get());
  curl_easy_setopt(state_->curl, CURLOPT_HEADERDATA, state_.get());
}
HttpSession::HttpSession(HttpSession&&) noexcept = default;
HttpSession& HttpSession::operator=(HttpSession&&) noexcept = default;
HttpSession::~HttpSession() = default;

Result<HttpResponse> HttpSession::Get(const std::string& url, const FormFields& query) {
  std::string full = url;
  if (!query.empty()) full += (url.find('?') == std::string::npos ? '?' : '&') + EncodeForm(query);
  curl_easy_setopt(state_->curl, CURLOPT_HTTPGET, 1L);
  return Perform(full);
}

Result<HttpResponse> HttpSession::Post(const std::string& url, const FormFields& form) {
  state_->post_fields = EncodeForm(form);
  curl_easy_setopt(state_->curl, CURLOPT_POSTFIELDS, state_->post_fields.c_str());
  curl_easy_setopt(state_->curl, CURLOPT_POSTFIELDSIZE_LARGE,
                   static_cast<curl_off_t>(state_->post_fields.size()));
  Result<HttpResponse> response = Perform(url);
  // The fields may hold a password: do not keep them past the request.
  std::fill(state_->post_fields.begin(), state_->post_fields.end(), '\0');
  state_->post_fields.clear();
  return response;
}

Result<HttpResponse> HttpSession::Perform(const std::string& url) {
  State& s = *state_;
  s.body.clear();
  s.retry_after.reset();
  s.oversized = false;
  curl_easy_setopt(s.curl, CURLOPT_URL, url.c_str());
  CURLcode code = curl_easy_perform(s.curl);
  // The URL of a GET carries its query; name only the part before it.
  std::string shown = url.substr(0, url.find('?'));
  if (s.oversized)
    return Error::IO(
        fmt::format("{}: the answer is larger than {} bytes", shown, s.options.max_body_bytes));
  if (code != CURLE_OK) return Error::IO(fmt::format("{}: {}", shown, curl_easy_strerror(code)));
  HttpResponse response;
  curl_easy_getinfo(s.curl, CURLINFO_RESPONSE_CODE, &response.status);
  response.body = std::move(s.body);
  response.retry_after_seconds = s.retry_after;
  return response;
}

}  // namespace plenary::mediawiki
