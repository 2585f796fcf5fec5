// Signing in and out from the pages. The sign-in form is protected against
// login CSRF (another site signing a browser into an account of its choosing)
// by a double-submit token: GET /login sets a random token in a short-lived
// SameSite=Strict cookie and in the form, and POST /login accepts only the
// two equal. Passwords are checked, rate-limited and sessions opened by
// server/auth's SignIn, the same as the API's.
#include "app/credentials.h"
#include "server/auth.h"
#include "server/page_routes.h"
#include "server/page_support.h"
#include "server/pages/site_pages.h"
#include "server/url_codec.h"

namespace plenary {
namespace {

constexpr std::string_view kLoginCsrfCookie = "plenary_login_csrf";
constexpr std::size_t kMaxLoginBytes = 256;

SiteContext& ContextOf(WorkerResources& resources) {
  static SiteContext fallback;
  return resources.context ? *resources.context : fallback;
}

// Where to go after signing in: a local path only ("/g/SSR2"), never another
// site ("//evil.example", "https://...").
std::string SafeNext(const std::string& next) {
  if (next.size() < 1 || next.size() > 500 || next[0] != '/' ||
      (next.size() > 1 && (next[1] == '/' || next[1] == '\\')))
    return "/";
  return next;
}

HttpResponse LoginPage(RouteCall& call, int status, pages::LoginPage page) {
  const std::string token = NewToken();
  pages::Frame f;
  f.title = "Sign in";
  f.viewer = PageViewer(call);
  f.viewer.csrf_token = token;
  HttpResponse r = HtmlPage(status, f, pages::RenderLogin(page, f.viewer));
  r.headers.Set("Set-Cookie", std::string(kLoginCsrfCookie) + "=" + token +
                                  "; Path=/login; Max-Age=3600; HttpOnly; SameSite=Strict" +
                                  (ContextOf(call.resources).secure_cookies ? "; Secure" : ""));
  return r;
}

HttpResponse ShowLogin(RouteCall& call) {
  const std::string* next = FindParam(call.request.query, "next");
  return LoginPage(call, 200, {"", "", next ? SafeNext(*next) : "/"});
}

HttpResponse Login(RouteCall& call) {
  if (!call.resources.site) return ErrorPage(call, Error::Internal("no site tables"));
  auto form = ParseForm(call.request.body);
  if (!form.ok()) return ErrorPage(call, form.error());
  const std::string login = Field(*form, "login");
  const std::string password = Field(*form, "password");
  const std::string next = SafeNext(Field(*form, "next"));
  const auto cookie = CookieValue(call.request, kLoginCsrfCookie);
  const std::string token = Field(*form, pages::kCsrfField);
  if (!cookie || cookie->empty() || !SecretsEqual(*cookie, token))
    return LoginPage(call, 403, {login, "The form was out of date; please sign in again.", next});
  if (login.empty() || password.empty() || login.size() > kMaxLoginBytes ||
      password.size() > kMaxPasswordBytes)
    return LoginPage(call, 400, {login, "Give your login and password.", next});
  auto result = SignIn(*call.resources.site, ContextOf(call.resources), login, password,
                       ClientAddress(call.request));
  if (!result.ok()) return ErrorPage(call, result.error());
  using Outcome = SignInResult::Outcome;
  if (result->outcome == Outcome::kRateLimited)
    return LoginPage(call, 429, {login, "Too many failed attempts; try again later.", next});
  if (result->outcome == Outcome::kRefused)
    return LoginPage(call, 401, {login, "Wrong login or password.", next});
  HttpResponse r = Redirect(next);
  r.headers.Add("Set-Cookie", result->set_cookie);
  r.headers.Add("Set-Cookie", std::string(kLoginCsrfCookie) + "=; Path=/login; Max-Age=0");
  return r;
}

HttpResponse Logout(RouteCall& call) {
  auto form = CheckedForm(call);
  if (!form.ok()) return ErrorPage(call, form.error());
  auto cookie = SignOut(*call.resources.site, ContextOf(call.resources), call.viewer);
  if (!cookie.ok()) return ErrorPage(call, cookie.error());
  HttpResponse r = Redirect("/login");
  r.headers.Set("Set-Cookie", *cookie);
  return r;
}

}  // namespace

void AddSessionPageRoutes(Router& router) {
  router.Add("GET", "/login", ShowLogin);
  router.Add("POST", "/login", Login);
  router.Add("POST", "/logout", Logout);
}

}  // namespace plenary
