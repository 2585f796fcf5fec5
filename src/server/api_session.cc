// Signing in and out over the API (a session cookie, as the pages use), and
// who is signed in.
#include <fmt/format.h>

#include "app/credentials.h"
#include "core/text.h"
#include "publish/site_json.h"
#include "server/api.h"
#include "server/api_common.h"
#include "server/auth.h"
#include "server/responses.h"
#include "server/url_codec.h"

namespace plenary {
namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t kMaxLoginBytes = 256;

SiteContext& ContextOf(WorkerResources& resources) {
  static SiteContext fallback;
  return resources.context ? *resources.context : fallback;
}

struct Credentials {
  std::string login;
  std::string password;
};

// {login, password} as JSON, or the same fields of an urlencoded form.
Result<Credentials> CredentialsOf(const HttpRequest& request) {
  Credentials c;
  const std::string type = AsciiLower(request.headers.Get("Content-Type"));
  if (type.rfind("application/x-www-form-urlencoded", 0) == 0) {
    auto form = ParseForm(request.body);
    if (!form.ok()) return form.error();
    const std::string* login = FindParam(*form, "login");
    const std::string* password = FindParam(*form, "password");
    if (login) c.login = *login;
    if (password) c.password = *password;
  } else {
    auto body = JsonBody(request);
    if (!body.ok()) return body.error();
    const nlohmann::json& login = (*body)["login"];
    const nlohmann::json& password = (*body)["password"];
    if (!login.is_string() || !password.is_string())
      return Error::InvalidInput("expected {\"login\": ..., \"password\": ...}");
    c.login = login.get<std::string>();
    c.password = password.get<std::string>();
  }
  if (c.login.empty() || c.password.empty())
    return Error::InvalidInput("login and password needed");
  if (c.login.size() > kMaxLoginBytes || c.password.size() > kMaxPasswordBytes)
    return Error::InvalidInput("login or password too long");
  return c;
}

HttpResponse NoStore(HttpResponse response) {
  response.headers.Set("Cache-Control", "no-store");
  return response;
}

json SessionJson(const Viewer& viewer) {
  return {{"signed_in", viewer.user.has_value()},
          {"user", viewer.user ? UserJson(*viewer.user) : json(nullptr)},
          {"csrf_token", viewer.by_session ? json(viewer.csrf_token) : json(nullptr)}};
}

HttpResponse ShowSession(RouteCall& call) {
  return NoStore(JsonResponse(200, SessionJson(call.viewer)));
}

HttpResponse Login(RouteCall& call) {
  if (!call.resources.site) return Problem(503, "accounts are not available");
  auto credentials = CredentialsOf(call.request);
  if (!credentials.ok()) return ErrorResponse(credentials.error());
  auto result = SignIn(*call.resources.site, ContextOf(call.resources), credentials->login,
                       credentials->password, ClientAddress(call.request));
  if (!result.ok()) return ErrorResponse(result.error());
  using Outcome = SignInResult::Outcome;
  if (result->outcome == Outcome::kRateLimited) {
    HttpResponse r = Problem(429, "too many failed sign-ins; try again later");
    r.headers.Set("Retry-After", "900");
    return r;
  }
  if (result->outcome == Outcome::kRefused) return Problem(401, "wrong login or password");
  Viewer viewer;
  viewer.user = result->user;
  viewer.by_session = true;
  viewer.csrf_token = result->csrf_token;
  HttpResponse r = NoStore(JsonResponse(200, SessionJson(viewer)));
  r.headers.Set("Set-Cookie", result->set_cookie);
  return r;
}

HttpResponse Logout(RouteCall& call) {
  if (!call.resources.site) return Problem(503, "accounts are not available");
  auto cookie = SignOut(*call.resources.site, ContextOf(call.resources), call.viewer);
  if (!cookie.ok()) return ErrorResponse(cookie.error());
  HttpResponse r;
  r.status = 204;
  r.headers.Set("Set-Cookie", *cookie);
  return NoStore(std::move(r));
}

}  // namespace

void AddSessionRoutes(Router& router) {
  router.Add("GET", "/api/v1/session", ShowSession);
  router.Add("POST", "/api/v1/session", Login);
  router.Add("DELETE", "/api/v1/session", Logout);
}

}  // namespace plenary
