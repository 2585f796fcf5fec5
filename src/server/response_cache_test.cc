// The response cache: its bound, and that a cached answer is never wrong,
// over every site route on both back ends. Two workers share one cache, as in
// plenary serve, and a third connection writes as another process would
// (`plenary import` beside the server): a private group's answer never
// reaches someone who may not see it, and every write (an import, an edit, a
// role, a token, publicity) makes the next read current on every worker.
#include "server/response_cache.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <set>
#include <sstream>

#include "app/credentials.h"
#include "app/importing.h"
#include "server/api_common.h"
#include "server/auth.h"
#include "server/serve.h"
#include "server/url_codec.h"
#include "store/store_test_backends.h"

namespace plenary {
namespace {

using store_testing::Backend;
using store_testing::BackendTest;

std::shared_ptr<const HttpResponse> Answer(std::string body) {
  auto r = std::make_shared<HttpResponse>();
  r->body = std::move(body);
  return r;
}

TEST(ResponseCacheBound, NeverHoldsMoreThanItsBytesAndDropsTheLeastRecentlyUsed) {
  const std::size_t entry = ResponseCache::Cost("k00", *Answer(std::string(1000, 'x')));
  ResponseCache cache(10 * entry);
  for (int i = 0; i < 10; ++i) {
    std::string key = "k0" + std::to_string(i);
    cache.Keep(key, Answer(std::string(1000, 'x')), cache.generation());
  }
  EXPECT_EQ(cache.stats().entries, 10u);
  EXPECT_EQ(cache.stats().bytes, 10 * entry);
  ASSERT_NE(cache.Find("k00"), nullptr);  // now the most recently used
  for (int i = 10; i < 15; ++i) {
    cache.Keep("k" + std::to_string(i), Answer(std::string(1000, 'y')), cache.generation());
    EXPECT_LE(cache.stats().bytes, cache.max_bytes());
  }
  EXPECT_EQ(cache.stats().evicted, 5u);
  EXPECT_NE(cache.Find("k00"), nullptr);
  for (int i = 1; i <= 5; ++i) EXPECT_EQ(cache.Find("k0" + std::to_string(i)), nullptr) << i;
  for (int i = 6; i < 15; ++i)
    EXPECT_NE(cache.Find((i < 10 ? "k0" : "k") + std::to_string(i)), nullptr) << i;
}

TEST(ResponseCacheBound, KeepsNoAnswerLargerThanAnEighthOfIt) {
  ResponseCache cache(8 * 4096);
  cache.Keep("big", Answer(std::string(4096, 'x')), cache.generation());
  EXPECT_EQ(cache.Find("big"), nullptr);
  cache.Keep("small", Answer(std::string(100, 'x')), cache.generation());
  EXPECT_NE(cache.Find("small"), nullptr);
  ResponseCache off(0);
  off.Keep("small", Answer("x"), off.generation());
  EXPECT_EQ(off.Find("small"), nullptr);
}

TEST(ResponseCacheBound, AnAnswerBegunBeforeAChangeIsNotKeptAfterIt) {
  ResponseCache cache(1 << 20);
  cache.Keep("a", Answer("old"), cache.generation());
  const std::uint64_t begun = cache.generation();
  cache.Invalidate();  // a worker saw the database change meanwhile
  EXPECT_EQ(cache.Find("a"), nullptr);
  cache.Keep("b", Answer("read before the change"), begun);
  EXPECT_EQ(cache.Find("b"), nullptr);
  EXPECT_EQ(cache.stats().bytes, 0u);
}

TEST(ResponseCacheRoutes, EveryGetRouteIsCachedOrSaysWhyNot) {
  Router router;
  AddSiteRoutes(router);
  std::set<std::string_view> cached(CachedReadRoutes().begin(), CachedReadRoutes().end());
  std::set<std::string_view> uncached(UncachedReadRoutes().begin(), UncachedReadRoutes().end());
  std::size_t gets = 0;
  for (const RouteInfo& route : router.Routes()) {
    if (route.method != "GET") {
      EXPECT_FALSE(route.cached) << route.pattern;
      continue;
    }
    ++gets;
    EXPECT_NE(cached.count(route.pattern) + uncached.count(route.pattern), 0u)
        << route.pattern << ": add it to CachedReadRoutes or UncachedReadRoutes";
    EXPECT_EQ(route.cached, cached.count(route.pattern) == 1) << route.pattern;
  }
  EXPECT_EQ(gets, cached.size() + uncached.size());
}

std::string ReadSource(const std::string& path) {
  std::ifstream in(std::string(PLENARY_SOURCE_DIR) + "/" + path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Who asks: an API token, a session cookie (with its CSRF token), or nobody.
struct Caller {
  std::string authorization;
  std::string cookie;
  std::string csrf;
};

// The sample roster with one more member.
std::string RosterWithZoe() {
  std::string roster = ReadSource("examples/ssr2/ssr2-roster.txt");
  const std::string after = "Steve Conte | staff | SC\n";
  roster.insert(roster.find(after) + after.size(), "Zoe Cachetest | member | ZC\n");
  return roster;
}

class ResponseCacheTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    for (WorkerResources* worker : {&a_, &b_, &writer_}) {
      auto store = OpenStore(url_);
      ASSERT_TRUE(store.ok()) << store.error().message;
      auto site = OpenSiteStore(url_);
      ASSERT_TRUE(site.ok()) << site.error().message;
      *worker = WorkerResources{std::move(*store), std::move(*site), &context_, {}};
    }
    writer_.context = nullptr;
    context_.response_cache = &cache_;
    AddSiteRoutes(router_);
    Import("examples/ssr2/ssr2-plenary-15.txt", ReadSource("examples/ssr2/ssr2-roster.txt"));
    admin_ = AddCaller("admin", true, std::nullopt);
    member_ = AddCaller("member", false, GroupRole::kMember);
    outsider_ = AddCaller("outsider", false, std::nullopt);
  }
  void TearDown() override {
    a_ = {}, b_ = {}, writer_ = {};
    BackendTest::TearDown();
  }

  void Import(const std::string& notes, const std::string& roster) {
    ImportRequest request{
        {{"notes.txt", ReadSource(notes)}}, NamedInput{"roster", roster}, std::nullopt};
    auto plan = PlanImport(request, {});
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    auto imported = writer_.store->Import(plan->batch);
    ASSERT_TRUE(imported.ok()) << imported.error().message;
  }

  Caller AddCaller(const std::string& login, bool admin, std::optional<GroupRole> role) {
    auto user = writer_.site->CreateUser({login, login, "", "", admin});
    EXPECT_TRUE(user.ok());
    if (role) {
      EXPECT_TRUE(writer_.site->SetGrant(user->id, "SSR2", role).ok());
    }
    ids_[login] = user->id;
    Caller caller;
    const std::string token = NewApiToken();
    auto api_token = writer_.site->CreateApiToken(user->id, "t", TokenDigest(token), 0);
    EXPECT_TRUE(api_token.ok());
    token_ids_[login] = api_token->id;
    caller.authorization = "Bearer " + token;
    caller.cookie = NewToken();
    caller.csrf = NewToken();
    EXPECT_TRUE(
        writer_.site->CreateSession(TokenDigest(caller.cookie), user->id, caller.csrf, 4e9).ok());
    return caller;
  }

  // GET `target` on `worker`, by token or, with `by_cookie`, by session.
  HttpResponse Get(WorkerResources& worker, const std::string& target,
                   const std::optional<Caller>& who, bool by_cookie = false,
                   const std::string& if_none_match = "") {
    HttpRequest r;
    r.method = "GET";
    r.target = target;
    std::size_t q = target.find('?');
    r.path = target.substr(0, q);
    if (q != std::string::npos) r.query = ParseForm(target.substr(q + 1)).value();
    r.client = "127.0.0.1:5000";
    r.headers.Add("Host", "127.0.0.1:8080");
    if (who && !by_cookie) r.headers.Add("Authorization", who->authorization);
    if (who && by_cookie) r.headers.Add("Cookie", "plenary_session=" + who->cookie);
    if (!if_none_match.empty()) r.headers.Add("If-None-Match", if_none_match);
    return router_.Handle(r, worker);
  }

  // Runs `round` until one of its reads is served from the cache (at most 50
  // times). On PostgreSQL the change mark is the cluster's: a test writing in
  // another schema at the same moment empties the cache (never stale, emptied
  // for nothing), so one round may see no hit; every round's checks must hold.
  template <typename Round>
  void UntilAHit(Round round) {
    for (int i = 0; i < 50; ++i) {
      const std::uint64_t before = cache_.stats().hits;
      round();
      if (HasFailure() || cache_.stats().hits > before) return;
    }
    ADD_FAILURE() << "no read was served from the cache in 50 rounds";
  }

  SiteContext context_;
  ResponseCache cache_{std::size_t{8} << 20};
  Router router_;
  WorkerResources a_, b_, writer_;  // two workers of one server; another process
  Caller admin_, member_, outsider_;
  std::map<std::string, std::int64_t> ids_, token_ids_;
};

TEST_P(ResponseCacheTest, APrivateGroupsAnswerReachesOnlyWhoMaySeeIt) {
  UntilAHit([&] {
    for (const std::string target : {"/api/v1/groups/SSR2/actions?status=open", "/g/SSR2"}) {
      SCOPED_TRACE(target);
      const bool page = target[1] == 'g';
      EXPECT_EQ(Get(a_, target, member_, page).status, 200);
      EXPECT_EQ(Get(a_, target, member_, page).status, 200);
      EXPECT_EQ(Get(a_, target, std::nullopt).status, 404);
      EXPECT_EQ(Get(b_, target, outsider_, page).status, 404);
      EXPECT_EQ(Get(a_, target, outsider_, page).status, 404);
    }
  });
  // Made public: the public sees it; made private again: the public's kept
  // answer is not served.
  ASSERT_TRUE(writer_.site->SetGroupPublic("SSR2", true).ok());
  EXPECT_EQ(Get(a_, "/g/SSR2", std::nullopt).status, 200);
  EXPECT_EQ(Get(b_, "/g/SSR2", std::nullopt).status, 200);
  EXPECT_EQ(Get(b_, "/api/v1/groups/SSR2/actions?status=open", std::nullopt).status, 200);
  ASSERT_TRUE(writer_.site->SetGroupPublic("SSR2", false).ok());
  EXPECT_EQ(Get(a_, "/g/SSR2", std::nullopt).status, 404);
  EXPECT_EQ(Get(b_, "/g/SSR2", std::nullopt).status, 404);
  EXPECT_EQ(Get(b_, "/api/v1/groups/SSR2/actions?status=open", std::nullopt).status, 404);
}

TEST_P(ResponseCacheTest, ARevokedRoleOrTokenTakesEffectOnTheNextRead) {
  const std::string target = "/api/v1/groups/SSR2/decisions";
  EXPECT_EQ(Get(a_, target, member_).status, 200);
  EXPECT_EQ(Get(b_, target, member_).status, 200);
  ASSERT_TRUE(writer_.site->SetGrant(ids_["member"], "SSR2", std::nullopt).ok());
  EXPECT_EQ(Get(a_, target, member_).status, 404);
  EXPECT_EQ(Get(b_, target, member_).status, 404);
  EXPECT_EQ(Get(a_, target, admin_).status, 200);
  ASSERT_TRUE(writer_.site->RevokeApiToken(token_ids_["admin"]).ok());
  EXPECT_EQ(Get(a_, target, admin_).status, 401);
  EXPECT_EQ(Get(b_, target, admin_).status, 401);
}

TEST_P(ResponseCacheTest, EveryWriteMakesTheNextReadCurrentOnEveryWorker) {
  auto open_items = [&](WorkerResources& w) {
    HttpResponse r = Get(w, "/api/v1/groups/SSR2/actions?status=open", admin_);
    EXPECT_EQ(r.status, 200);
    return nlohmann::json::parse(r.body)["total"].get<int>();
  };
  const int before = open_items(a_);
  ASSERT_GT(before, 0);
  EXPECT_EQ(open_items(b_), before);
  EXPECT_EQ(open_items(a_), before);
  const std::int64_t first = nlohmann::json::parse(
      Get(a_, "/api/v1/groups/SSR2/actions?status=open", admin_).body)["items"][0]["id"];
  const std::string item_page = "/g/SSR2/actions/" + std::to_string(first);
  const std::string page_before = Get(b_, item_page, admin_, true).body;
  // An edit by another process.
  ActionEdit done;
  done.status = ActionStatus::kComplete;
  done.who = "test";
  done.effective = Today();
  ASSERT_TRUE(writer_.store->EditAction(first, done).ok());
  EXPECT_EQ(open_items(a_), before - 1);
  EXPECT_EQ(open_items(b_), before - 1);
  EXPECT_NE(Get(b_, item_page, admin_, true).body, page_before);
  // An edit on a worker's own connection, seen by the other worker.
  ActionEdit reopened = done;
  reopened.status = ActionStatus::kOpen;
  ASSERT_TRUE(b_.store->EditAction(first, reopened).ok());
  EXPECT_EQ(open_items(a_), before);
  EXPECT_EQ(open_items(b_), before);
  // An import (a roster with one more person).
  const std::string people = "/api/v1/groups/SSR2/people";
  const std::string people_before = Get(a_, people, admin_).body;
  EXPECT_EQ(Get(b_, people, admin_).body, people_before);
  Import("examples/ssr2/ssr2-plenary-15.txt", RosterWithZoe());
  EXPECT_NE(Get(a_, people, admin_).body, people_before);
  EXPECT_NE(Get(a_, people, admin_).body.find("Zoe Cachetest"), std::string::npos);
  EXPECT_NE(Get(b_, people, admin_).body.find("Zoe Cachetest"), std::string::npos);
  EXPECT_GT(cache_.stats().invalidations, 2u);
}

TEST_P(ResponseCacheTest, EachSessionGetsThePageWithItsOwnCsrfToken) {
  Caller second = member_;
  second.cookie = NewToken();
  second.csrf = NewToken();
  ASSERT_TRUE(
      writer_.site->CreateSession(TokenDigest(second.cookie), ids_["member"], second.csrf, 4e9)
          .ok());
  UntilAHit([&] {
    for (WorkerResources* w : {&a_, &b_}) {
      std::string first_page = Get(*w, "/g/SSR2/actions", member_, true).body;
      std::string second_page = Get(*w, "/g/SSR2/actions", second, true).body;
      EXPECT_NE(first_page.find(member_.csrf), std::string::npos);
      EXPECT_EQ(first_page.find(second.csrf), std::string::npos);
      EXPECT_NE(second_page.find(second.csrf), std::string::npos);
      EXPECT_EQ(second_page.find(member_.csrf), std::string::npos);
    }
  });
  // Signed out: the session's pages are no longer its.
  ASSERT_TRUE(writer_.site->DeleteSession(TokenDigest(second.cookie)).ok());
  EXPECT_EQ(Get(a_, "/g/SSR2/actions", second, true).status, 404);
}

TEST_P(ResponseCacheTest, AnUnchangedAnswerIsNotModifiedAndAChangedOneHasANewEtag) {
  const std::string target = "/api/v1/groups/SSR2/people";
  HttpResponse first = Get(a_, target, admin_);
  ASSERT_EQ(first.status, 200);
  const std::string etag = first.headers.Get("ETag");
  ASSERT_FALSE(etag.empty());
  HttpResponse again = Get(b_, target, admin_, false, etag);
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.headers.Get("ETag"), etag);
  EXPECT_EQ(Get(b_, target, admin_).body, first.body);
  // A page gets an ETag too.
  HttpResponse page = Get(a_, "/g/SSR2", admin_, true);
  EXPECT_EQ(Get(a_, "/g/SSR2", admin_, true, page.headers.Get("ETag")).status, 304);
  // After a change the old ETag no longer matches.
  Import("examples/ssr2/ssr2-plenary-15.txt", RosterWithZoe());
  HttpResponse changed = Get(a_, target, admin_, false, etag);
  EXPECT_EQ(changed.status, 200);
  EXPECT_NE(changed.headers.Get("ETag"), etag);
}

TEST_P(ResponseCacheTest, TurnedOffItKeepsNothingAndAnswersTheSame) {
  ResponseCache off(0);
  const std::string with = Get(a_, "/g/SSR2/decisions", admin_, true).body;
  context_.response_cache = &off;
  EXPECT_EQ(Get(a_, "/g/SSR2/decisions", admin_, true).body, with);
  EXPECT_EQ(Get(a_, "/g/SSR2/decisions", admin_, true).body, with);
  EXPECT_EQ(off.stats().stored, 0u);
  EXPECT_EQ(off.stats().hits, 0u);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ResponseCacheTest, ::testing::Values(Backend::kSqlite),
                         store_testing::BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, ResponseCacheTest, ::testing::Values(Backend::kPostgres),
                         store_testing::BackendName);

TEST(ResponseKeyTest, NamesTheDayWhoAsksAndTheTarget) {
  HttpRequest request;
  request.method = "GET";
  request.target = "/g/SSR2/actions?overdue=1";
  WorkerResources resources;
  RouteCall call{request, {}, resources, Viewer{}};
  const std::string anonymous = ResponseKey(call, "2026-12-03");
  EXPECT_NE(anonymous, ResponseKey(call, "2026-12-04"));
  call.viewer.user = User{7, "pat", "Pat", "", false, {}};
  const std::string by_token = ResponseKey(call, "2026-12-03");
  call.viewer.by_session = true;
  call.viewer.session_token_sha256 = "abc";
  const std::string by_session = ResponseKey(call, "2026-12-03");
  call.viewer.session_token_sha256 = "abd";
  const std::string other_session = ResponseKey(call, "2026-12-03");
  std::set<std::string> keys{anonymous, by_token, by_session, other_session};
  EXPECT_EQ(keys.size(), 4u);
  HttpRequest other = request;
  other.target = "/g/SSR2/actions?overdue=0";
  RouteCall other_call{other, {}, resources, Viewer{}};
  EXPECT_NE(ResponseKey(other_call, "2026-12-03"), anonymous);
}

}  // namespace
}  // namespace plenary
