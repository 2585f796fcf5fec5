#include "server/auth.h"

#include <fmt/format.h>

#include <chrono>

#include "app/credentials.h"
#include "core/text.h"
#include "server/responses.h"
#include "server/url_codec.h"

namespace plenary {
namespace {

std::int64_t NowUnix() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

HttpResponse Unauthorized(std::string detail) {
  HttpResponse r = Problem(401, std::move(detail));
  r.headers.Set("WWW-Authenticate", "Bearer realm=\"plenary\"");
  return r;
}

Admission ServerFailure(const Error& error) { return {Viewer{}, ErrorResponse(error)}; }

// The csrf_token field of a multipart/form-data body: the part whose
// Content-Disposition names it, up to the CRLF that ends it.
std::optional<std::string> MultipartField(std::string_view body, std::string_view name) {
  const std::string marker = fmt::format("name=\"{}\"", name);
  std::size_t at = body.find(marker);
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t start = body.find("\r\n\r\n", at);
  if (start == std::string_view::npos) return std::nullopt;
  start += 4;
  std::size_t end = body.find("\r\n", start);
  if (end == std::string_view::npos) return std::nullopt;
  return std::string(body.substr(start, end - start));
}

std::optional<std::string> SentCsrfToken(const HttpRequest& request) {
  if (const std::string* header = request.headers.Find(kCsrfHeader)) return *header;
  const std::string type = AsciiLower(request.headers.Get("Content-Type"));
  if (type.rfind("application/x-www-form-urlencoded", 0) == 0) {
    auto form = ParseForm(request.body);
    if (!form.ok()) return std::nullopt;
    if (const std::string* field = FindParam(*form, kCsrfField)) return *field;
  } else if (type.rfind("multipart/form-data", 0) == 0) {
    return MultipartField(request.body, kCsrfField);
  }
  return std::nullopt;
}

// An Origin header that names another site than the one asked (Host).
bool CrossOrigin(const HttpRequest& request) {
  const std::string* origin = request.headers.Find("Origin");
  if (!origin) return false;
  std::size_t scheme = origin->find("://");
  if (scheme == std::string::npos) return true;  // "null" and the like
  return !EqualsNoCase(origin->substr(scheme + 3), request.headers.Get("Host"));
}

Result<Viewer> ByToken(SiteStore& site, std::string_view token) {
  auto user = site.FindApiToken(TokenDigest(token));
  if (!user.ok()) return user.error();
  Viewer viewer;
  viewer.user = std::move(*user);
  return viewer;
}

Result<Viewer> BySession(SiteStore& site, const std::string& token) {
  const std::string digest = TokenDigest(token);
  auto session = site.FindSession(digest, NowUnix());
  if (!session.ok()) return session.error();
  Viewer viewer;
  if (!*session) return viewer;
  viewer.user = std::move((*session)->user);
  viewer.by_session = true;
  viewer.session_token_sha256 = digest;
  viewer.csrf_token = std::move((*session)->csrf_token);
  return viewer;
}

// The hash an unknown login is checked against, so that it costs the same
// time as a known login with a wrong password.
const std::string& DecoyHash() {
  static const std::string hash = HashPassword("decoy password", DefaultPasswordCost()).value();
  return hash;
}

}  // namespace

bool IsSafeMethod(std::string_view method) {
  return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

std::optional<std::string> CookieValue(const HttpRequest& request, std::string_view name) {
  for (const auto& [field, value] : request.headers.fields()) {
    if (!EqualsNoCase(field, "Cookie")) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      std::size_t semi = rest.find(';');
      std::string_view pair = Trim(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
      std::size_t eq = pair.find('=');
      if (eq != std::string_view::npos && pair.substr(0, eq) == name)
        return std::string(pair.substr(eq + 1));
    }
  }
  return std::nullopt;
}

bool CsrfTokenValid(const HttpRequest& request, const Viewer& viewer) {
  if (!viewer.by_session) return true;
  auto sent = SentCsrfToken(request);
  return sent && !viewer.csrf_token.empty() && SecretsEqual(*sent, viewer.csrf_token);
}

Actor ActorOf(const Viewer& viewer) {
  return viewer.user ? Actor::SignedIn(*viewer.user) : Actor::Anonymous();
}

std::string ClientAddress(const HttpRequest& request) {
  std::size_t colon = request.client.rfind(':');
  std::string host = colon == std::string::npos ? request.client : request.client.substr(0, colon);
  if (host.size() > 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
  return host;
}

Admission Authenticate(const HttpRequest& request, WorkerResources& resources) {
  const bool unsafe = !IsSafeMethod(request.method);
  if (unsafe && CrossOrigin(request))
    return {Viewer{}, Problem(403, "a change sent from another site is refused")};
  if (!resources.site) return {};
  Viewer viewer;
  if (const std::string* authorization = request.headers.Find("Authorization")) {
    std::string_view text = Trim(*authorization);
    if (text.size() < 8 || !EqualsNoCase(text.substr(0, 7), "Bearer "))
      return {Viewer{}, Unauthorized("expected Authorization: Bearer <API token>")};
    auto by_token = ByToken(*resources.site, Trim(text.substr(7)));
    if (!by_token.ok()) return ServerFailure(by_token.error());
    if (!by_token->user) return {Viewer{}, Unauthorized("unknown or revoked API token")};
    return {std::move(*by_token), std::nullopt};
  }
  if (auto cookie = CookieValue(request, kSessionCookie); cookie && !cookie->empty()) {
    auto by_session = BySession(*resources.site, *cookie);
    if (!by_session.ok()) return ServerFailure(by_session.error());
    viewer = std::move(*by_session);
  }
  if (unsafe && !CsrfTokenValid(request, viewer))
    return {Viewer{}, Problem(403, "missing or wrong CSRF token: reload the page and try again")};
  return {std::move(viewer), std::nullopt};
}

std::string SessionCookie(const SiteContext& context, std::string_view token) {
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{}", kSessionCookie, token,
                     context.session_lifetime.count(), context.secure_cookies ? "; Secure" : "");
}

Result<SignInResult> SignIn(SiteStore& site, SiteContext& context, std::string_view login,
                            std::string_view password, std::string_view client_address) {
  SignInResult result;
  LoginRateLimiter& limiter = context.login_limiter;
  if (!limiter.Allowed(login, client_address)) {
    result.outcome = SignInResult::Outcome::kRateLimited;
    return result;
  }
  auto found = site.FindLogin(std::string(login));
  if (!found.ok()) return found.error();
  const bool known = found->has_value() && !(*found)->second.empty();
  const bool match = VerifyPassword(known ? (*found)->second : DecoyHash(), password) && known;
  if (!match) {
    limiter.RecordFailure(login, client_address);
    return result;
  }
  limiter.RecordSuccess(login);
  const std::string token = NewToken();
  result.csrf_token = NewToken();
  User user = std::move((*found)->first);
  if (Status s = site.CreateSession(TokenDigest(token), user.id, result.csrf_token,
                                    NowUnix() + context.session_lifetime.count());
      !s)
    return s.error();
  result.outcome = SignInResult::Outcome::kSignedIn;
  result.user = std::move(user);
  result.set_cookie = SessionCookie(context, token);
  return result;
}

Result<std::string> SignOut(SiteStore& site, const SiteContext& context, const Viewer& viewer) {
  if (viewer.by_session && !viewer.session_token_sha256.empty())
    if (Status s = site.DeleteSession(viewer.session_token_sha256); !s) return s.error();
  return fmt::format("{}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{}", kSessionCookie,
                     context.secure_cookies ? "; Secure" : "");
}

}  // namespace plenary
