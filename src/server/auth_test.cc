// Who a request is from, over a real SQLite site store: API tokens, session
// cookies, CSRF tokens on cookie-authenticated changes, foreign origins, and
// signing in with the rate limiter.
#include "server/auth.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "app/credentials.h"
#include "core/text.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

HttpRequest Req(std::string method, std::vector<std::string> headers = {}, std::string body = "") {
  HttpRequest r;
  r.method = std::move(method);
  r.path = "/api/v1/groups";
  r.client = "10.0.0.7:4242";
  r.headers.Add("Host", "127.0.0.1:8080");
  for (const std::string& h : headers) {
    std::size_t colon = h.find(':');
    r.headers.Add(h.substr(0, colon), std::string(Trim(h.substr(colon + 1))));
  }
  r.body = std::move(body);
  return r;
}

class AuthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "plenary-auth-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    auto site = OpenSiteStore((dir_ / "r.db").string());
    ASSERT_TRUE(site.ok()) << site.error().message;
    resources_.site = std::move(*site);
    resources_.context = &context_;
    NewUser pat{"pat", "Pat", "James Gannon", HashPassword("s3cret!", {1, 8192}).value(), false};
    auto user = resources_.site->CreateUser(pat);
    ASSERT_TRUE(user.ok());
    token_ = NewApiToken();
    ASSERT_TRUE(resources_.site->CreateApiToken(user->id, "t", TokenDigest(token_), 0).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Signs pat in; the cookie's token and the session's CSRF token.
  std::pair<std::string, std::string> SignInPat() {
    auto in = SignIn(*resources_.site, context_, "pat", "s3cret!", "10.0.0.7");
    EXPECT_TRUE(in.ok());
    EXPECT_EQ(in->outcome, SignInResult::Outcome::kSignedIn);
    std::string cookie = in->set_cookie.substr(0, in->set_cookie.find(';'));
    return {cookie.substr(cookie.find('=') + 1), in->csrf_token};
  }

  fs::path dir_;
  SiteContext context_;
  WorkerResources resources_;
  std::string token_;
};

TEST_F(AuthTest, ABearerTokenNamesItsUserAndABadOneIs401) {
  Admission a = Authenticate(Req("GET", {"Authorization: Bearer " + token_}), resources_);
  ASSERT_FALSE(a.refusal);
  ASSERT_TRUE(a.viewer.user);
  EXPECT_EQ(a.viewer.user->login, "pat");
  EXPECT_FALSE(a.viewer.by_session);
  // Token-authenticated changes need no CSRF token: no browser sends them by itself.
  EXPECT_FALSE(Authenticate(Req("PATCH", {"Authorization: Bearer " + token_}), resources_).refusal);
  for (std::string bad : {"Bearer plenary_nope", "Basic cGF0OnMzY3JldCE=", "Bearer"}) {
    Admission refused = Authenticate(Req("GET", {"Authorization: " + bad}), resources_);
    ASSERT_TRUE(refused.refusal) << bad;
    EXPECT_EQ(refused.refusal->status, 401);
    EXPECT_FALSE(refused.viewer.user);
  }
}

TEST_F(AuthTest, ASessionCookieSignsInAndChangesNeedItsCsrfToken) {
  auto [cookie, csrf] = SignInPat();
  const std::string c = "Cookie: theme=dark; plenary_session=" + cookie;
  Admission get = Authenticate(Req("GET", {c}), resources_);
  ASSERT_FALSE(get.refusal);
  ASSERT_TRUE(get.viewer.user);
  EXPECT_TRUE(get.viewer.by_session);
  EXPECT_EQ(get.viewer.csrf_token, csrf);

  Admission without = Authenticate(Req("POST", {c}), resources_);
  ASSERT_TRUE(without.refusal);
  EXPECT_EQ(without.refusal->status, 403);
  EXPECT_EQ(Authenticate(Req("POST", {c, "X-CSRF-Token: wrong"}), resources_).refusal->status, 403);
  EXPECT_FALSE(Authenticate(Req("POST", {c, "X-CSRF-Token: " + csrf}), resources_).refusal);
  EXPECT_FALSE(Authenticate(Req("POST", {c, "Content-Type: application/x-www-form-urlencoded"},
                                "note=hi&csrf_token=" + csrf),
                            resources_)
                   .refusal);
  const std::string multipart =
      "--b\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" + csrf + "\r\n--b--\r\n";
  EXPECT_FALSE(
      Authenticate(Req("POST", {c, "Content-Type: multipart/form-data; boundary=b"}, multipart),
                   resources_)
          .refusal);
}

TEST_F(AuthTest, AnUnknownCookieIsThePublicAndSigningOutEndsTheSession) {
  Admission stranger = Authenticate(Req("GET", {"Cookie: plenary_session=made-up"}), resources_);
  EXPECT_FALSE(stranger.refusal);
  EXPECT_FALSE(stranger.viewer.user);
  auto [cookie, csrf] = SignInPat();
  Admission in = Authenticate(Req("GET", {"Cookie: plenary_session=" + cookie}), resources_);
  auto cleared = SignOut(*resources_.site, context_, in.viewer);
  ASSERT_TRUE(cleared.ok());
  EXPECT_NE(cleared->find("Max-Age=0"), std::string::npos);
  EXPECT_FALSE(
      Authenticate(Req("GET", {"Cookie: plenary_session=" + cookie}), resources_).viewer.user);
}

TEST_F(AuthTest, ChangesFromAnotherOriginAreRefused) {
  Admission foreign = Authenticate(
      Req("POST", {"Origin: https://evil.example", "Authorization: Bearer " + token_}), resources_);
  ASSERT_TRUE(foreign.refusal);
  EXPECT_EQ(foreign.refusal->status, 403);
  EXPECT_FALSE(Authenticate(Req("POST", {"Origin: http://127.0.0.1:8080"}), resources_).refusal);
  EXPECT_FALSE(Authenticate(Req("GET", {"Origin: https://evil.example"}), resources_).refusal);
}

TEST_F(AuthTest, TheCookieIsHttpOnlyLaxAndSecureWhenAsked) {
  std::string plain = SessionCookie(context_, "abc");
  EXPECT_EQ(plain.rfind("plenary_session=abc; Path=/;", 0), 0u) << plain;
  EXPECT_NE(plain.find("HttpOnly"), std::string::npos);
  EXPECT_NE(plain.find("SameSite=Lax"), std::string::npos);
  EXPECT_EQ(plain.find("Secure"), std::string::npos);
  context_.secure_cookies = true;
  EXPECT_NE(SessionCookie(context_, "abc").find("; Secure"), std::string::npos);
}

TEST_F(AuthTest, WrongPasswordsAreRateLimitedPerLogin) {
  for (int i = 0; i < 5; ++i) {
    auto wrong = SignIn(*resources_.site, context_, "pat", "guess", "10.0.0.7");
    ASSERT_TRUE(wrong.ok());
    EXPECT_EQ(wrong->outcome, SignInResult::Outcome::kRefused);
    EXPECT_TRUE(wrong->set_cookie.empty());
  }
  auto limited = SignIn(*resources_.site, context_, "pat", "s3cret!", "10.0.0.7");
  ASSERT_TRUE(limited.ok());
  EXPECT_EQ(limited->outcome, SignInResult::Outcome::kRateLimited);
  auto unknown = SignIn(*resources_.site, context_, "nobody", "s3cret!", "10.0.0.8");
  EXPECT_EQ(unknown->outcome, SignInResult::Outcome::kRefused);
}

TEST_F(AuthTest, TheClientAddressLosesItsPort) {
  HttpRequest r;
  r.client = "127.0.0.1:5321";
  EXPECT_EQ(ClientAddress(r), "127.0.0.1");
  r.client = "[::1]:5321";
  EXPECT_EQ(ClientAddress(r), "::1");
}

}  // namespace
}  // namespace plenary
