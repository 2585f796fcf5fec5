#include "publish/mediawiki/api.h"

#include <fmt/format.h>

#include <algorithm>
#include <thread>

namespace plenary::mediawiki {

using nlohmann::json;

namespace {

Result<ApiAnswer> ReadAnswer(const std::string& url, const HttpResponse& response) {
  if (response.status >= 300 && response.status < 400)
    return Error::IO(fmt::format(
        "{}: HTTP {}, a redirect: give the address it points to (plenary does not follow "
        "redirects with a password)",
        url, response.status));
  if (response.status != 200)
    return Error::IO(fmt::format("{}: HTTP {}{}", url, response.status,
                                 response.status == 404 ? " (is this the wiki's api.php?)" : ""));
  ApiAnswer answer;
  answer.body = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (answer.body.is_discarded() || !answer.body.is_object())
    return Error::IO(fmt::format(
        "{}: the answer is not JSON from MediaWiki's API (is this the wiki's api.php?)", url));
  if (auto errors = answer.body.find("errors");
      errors != answer.body.end() && errors->is_array() && !errors->empty()) {
    answer.error_code = JsonString(errors->front(), "code");
    answer.error_text = MessageText(errors->front());
  } else if (auto error = answer.body.find("error"); error != answer.body.end()) {
    answer.error_code = JsonString(*error, "code");
    answer.error_text = JsonString(*error, "info");
  }
  if (!answer.error_text.empty() && answer.error_code.empty()) answer.error_code = "unknown";
  return answer;
}

}  // namespace

std::string MessageText(const json& message) {
  if (message.is_string()) return message.get<std::string>();
  std::string text = JsonString(message, "text");
  return text.empty() ? message.dump() : text;
}

std::string JsonString(const json& object, const char* key) {
  if (!object.is_object()) return {};
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Api::Api(std::string url, ApiOptions options, HttpSession session)
    : url_(std::move(url)), options_(std::move(options)), session_(std::move(session)) {}

Result<Api> Api::Open(std::string api_url, ApiOptions options) {
  Result<HttpSession> session = HttpSession::Open(options.http);
  if (!session) return session.error();
  return Api(std::move(api_url), std::move(options), std::move(*session));
}

Result<ApiAnswer> Api::Call(FormFields params, bool post) {
  FormFields common = {{"format", "json"},
                       {"formatversion", "2"},
                       {"errorformat", "plaintext"},
                       {"maxlag", std::to_string(options_.maxlag_seconds)}};
  params.insert(params.begin(), common.begin(), common.end());
  for (int attempt = 0;; ++attempt) {
    Result<HttpResponse> response = post ? session_.Post(url_, params) : session_.Get(url_, params);
    if (!response) return response.error();
    bool unavailable = response->status == 503 && response->retry_after_seconds;
    Result<ApiAnswer> answer =
        unavailable ? Result<ApiAnswer>(ApiAnswer{}) : ReadAnswer(url_, *response);
    if (!answer) return answer.error();
    if (!unavailable && answer->error_code != "maxlag") return answer;
    if (attempt >= options_.max_retries)
      return Error::IO(fmt::format("{}: the wiki is busy ({}); gave up after {} attempts", url_,
                                   unavailable ? "HTTP 503" : answer->error_text, attempt + 1));
    std::chrono::seconds wait{response->retry_after_seconds.value_or(5)};
    std::this_thread::sleep_for(std::min(wait, options_.max_retry_wait));
  }
}

Result<json> Api::Query(FormFields params) {
  Result<ApiAnswer> answer = Call(std::move(params), /*post=*/false);
  if (!answer) return answer.error();
  if (!answer->error_code.empty())
    return Error::IO(fmt::format("{}: {}: {}", url_, answer->error_code, answer->error_text));
  return std::move(answer->body);
}

Result<std::string> Api::Token(const std::string& type) {
  Result<json> body = Query({{"action", "query"}, {"meta", "tokens"}, {"type", type}});
  if (!body) return body.error();
  std::string token = JsonString((*body)["query"]["tokens"], (type + "token").c_str());
  if (token.empty()) return Error::IO(fmt::format("{}: the answer holds no {} token", url_, type));
  return token;
}

Result<std::string> Api::Login(const std::string& user, const std::string& password) {
  Result<std::string> login_token = Token("login");
  if (!login_token) return login_token.error();
  Result<ApiAnswer> answer = Call(
      {{"action", "login"}, {"lgname", user}, {"lgpassword", password}, {"lgtoken", *login_token}},
      /*post=*/true);
  if (!answer) return answer.error();
  if (!answer->error_code.empty())
    return Error::InvalidInput(fmt::format("the wiki refused the login of {}: {}: {}", user,
                                           answer->error_code, answer->error_text));
  const json& login = answer->body["login"];
  if (JsonString(login, "result") != "Success") {
    std::string reason = login.contains("reason") ? MessageText(login["reason"]) : login.dump();
    return Error::InvalidInput(fmt::format("the wiki refused the login of {}: {}", user, reason));
  }
  std::string account = JsonString(login, "lgusername");
  if (account.empty()) return Error::IO(fmt::format("{}: the login answer names no user", url_));
  Result<std::string> csrf = Token("csrf");
  if (!csrf) return csrf.error();
  // An anonymous session's edit token is "+\": the login did not hold.
  if (*csrf == "+\\")
    return Error::IO(
        fmt::format("{}: logged in as {}, but the wiki did not keep the session", url_, account));
  csrf_token_ = std::move(*csrf);
  return account;
}

}  // namespace plenary::mediawiki
