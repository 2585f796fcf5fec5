// Who is asking, decided once per request before any handler runs: the user
// of an API token (Authorization: Bearer) or of a session cookie, else the
// public. And what protects a signed-in browser from other sites: changes
// made with a session cookie must carry the session's CSRF token, and a change
// whose Origin names another site is refused.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/authorizer.h"
#include "plenary/result.h"
#include "plenary/site.h"
#include "server/http_message.h"
#include "server/router.h"
#include "server/site_context.h"
#include "server/viewer.h"

namespace plenary {

inline constexpr std::string_view kSessionCookie = "plenary_session";
inline constexpr std::string_view kCsrfField = "csrf_token";     // form field
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";  // or this header

// The router's authenticator (Router::SetAuthenticator):
//  - "Authorization: Bearer TOKEN": the token's user; an unknown or revoked
//    token, or another scheme, is 401 (never quietly the public, so that a
//    script notices).
//  - else the session cookie: its user while the session lives; an unknown or
//    expired one is the public.
//  - a request that is not GET/HEAD/OPTIONS, signed in by cookie, without the
//    session's CSRF token (CsrfTokenValid): 403.
//  - a request that is not GET/HEAD/OPTIONS whose Origin header is present
//    and names another host than the Host header: 403.
// A failing site store is 500.
Admission Authenticate(const HttpRequest& request, WorkerResources& resources);

bool IsSafeMethod(std::string_view method);

// Whether the request carries the viewer's CSRF token, in the X-CSRF-Token
// header or the csrf_token field of an urlencoded or multipart form body
// (compared in constant time). True for a viewer not signed in by cookie.
bool CsrfTokenValid(const HttpRequest& request, const Viewer& viewer);

// The value of the cookie `name` in the request's Cookie headers, if sent.
std::optional<std::string> CookieValue(const HttpRequest& request, std::string_view name);

// The viewer as the authorizer and the audit log name them.
Actor ActorOf(const Viewer& viewer);

// The client's address without its port ("127.0.0.1:5321" -> "127.0.0.1").
std::string ClientAddress(const HttpRequest& request);

// Signing in with a password, for the API and the sign-in page alike.
struct SignInResult {
  enum class Outcome { kSignedIn, kRefused, kRateLimited };
  Outcome outcome = Outcome::kRefused;
  std::optional<User> user;  // when signed in
  std::string csrf_token;    // the new session's
  std::string set_cookie;    // the Set-Cookie header value that carries it
};

// Checks `password` for `login` (an unknown login takes as long as a wrong
// password), rate-limited per login and per client address by the context's
// limiter, and opens a session. Errors: the site store's.
Result<SignInResult> SignIn(SiteStore& site, SiteContext& context, std::string_view login,
                            std::string_view password, std::string_view client_address);

// Ends the viewer's session (if signed in by cookie) and returns the
// Set-Cookie header value that clears the cookie.
Result<std::string> SignOut(SiteStore& site, const SiteContext& context, const Viewer& viewer);

// The Set-Cookie value carrying a session token: HttpOnly, SameSite=Lax,
// Path=/, Max-Age of the session's lifetime, Secure when configured.
std::string SessionCookie(const SiteContext& context, std::string_view token);

}  // namespace plenary
