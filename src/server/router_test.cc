#include "server/router.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace plenary {
namespace {

HttpRequest Get(std::string method, std::string path) {
  HttpRequest r;
  r.method = std::move(method);
  r.path = std::move(path);
  return r;
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router_.Add("GET", "/api/v1/groups/{group}/actions/{id}", [](RouteCall& call) {
      return HttpResponse::Text(200, call.Param("group") + "|" + call.Param("id"));
    });
    router_.Add("PATCH", "/api/v1/groups/{group}/actions/{id}",
                [](RouteCall&) { return HttpResponse::Text(200, "patched"); });
    router_.Add("GET", "/boom",
                [](RouteCall&) -> HttpResponse { throw std::runtime_error("broken"); });
  }
  HttpResponse Handle(const HttpRequest& r) { return router_.Handle(r, resources_); }

  Router router_;
  WorkerResources resources_;
};

TEST_F(RouterTest, MatchesParametersPercentDecodedPerSegment) {
  EXPECT_EQ(Handle(Get("GET", "/api/v1/groups/SSR2/actions/4")).body, "SSR2|4");
  EXPECT_EQ(Handle(Get("GET", "/api/v1/groups/a%2Fb%20c/actions/4")).body, "a/b c|4");
  EXPECT_EQ(Handle(Get("HEAD", "/api/v1/groups/x/actions/4")).body, "x|4");
}

TEST_F(RouterTest, AnswersUnknownPaths404AndOtherMethods405WithAllow) {
  EXPECT_EQ(Handle(Get("GET", "/api/v1/groups/SSR2/actions")).status, 404);
  EXPECT_EQ(Handle(Get("GET", "/api/v1/groups//actions/4")).status, 404);
  EXPECT_EQ(Handle(Get("GET", "/api/v1/groups/SSR2/actions/4/")).status, 404);
  HttpResponse r = Handle(Get("DELETE", "/api/v1/groups/SSR2/actions/4"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.headers.Get("allow"), "GET, PATCH");
  EXPECT_EQ(r.headers.Get("Content-Type"), "application/problem+json");
}

TEST_F(RouterTest, RefusesBadEscapesInThePath) {
  EXPECT_EQ(Handle(Get("GET", "/api/v1/groups/%ZZ/actions/4")).status, 400);
  EXPECT_EQ(Handle(Get("GET", "/api/v1/groups/%00/actions/4")).status, 400);
}

TEST_F(RouterTest, TurnsAnEscapedExceptionInto500) {
  HttpResponse r = Handle(Get("GET", "/boom"));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("broken"), std::string::npos);
}

TEST_F(RouterTest, AuthenticatorRefusalReplacesTheHandler) {
  router_.SetAuthenticator([](const HttpRequest&, WorkerResources&) {
    Admission a;
    a.refusal = HttpResponse::Text(401, "who are you");
    return a;
  });
  EXPECT_EQ(Handle(Get("GET", "/api/v1/groups/x/actions/1")).status, 401);
  EXPECT_EQ(Handle(Get("GET", "/nowhere")).status, 404);
}

TEST_F(RouterTest, ListsItsRoutes) {
  auto routes = router_.Routes();
  ASSERT_EQ(routes.size(), 3u);
  EXPECT_EQ(routes[1].method, "PATCH");
  EXPECT_EQ(routes[1].pattern, "/api/v1/groups/{group}/actions/{id}");
}

}  // namespace
}  // namespace plenary
