#include "server/access_log.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

const auto kNow = std::chrono::sys_days{std::chrono::year{2026} / 11 / 24} +
                  std::chrono::hours{18} + std::chrono::minutes{48} +
                  std::chrono::milliseconds{19123};

TEST(AccessLog, TextLine) {
  Exchange e{"GET", "/api/v1/groups", "127.0.0.1:53211", 200, 345, std::chrono::microseconds{412}};
  EXPECT_EQ(FormatAccessLine(e, kNow),
            "2026-11-24T18:48:19Z 127.0.0.1:53211 GET /api/v1/groups 200 345 0.412ms\n");
}

TEST(AccessLog, JsonLineIsOneObjectEvenForAHostilePath) {
  Exchange e{"GET", "/a\"b\n\xff", "127.0.0.1:53211", 404, 12, std::chrono::microseconds{1500}};
  EXPECT_EQ(FormatAccessJson(e, kNow),
            "{\"time\":\"2026-11-24T18:48:19Z\",\"client\":\"127.0.0.1:53211\","
            "\"method\":\"GET\",\"path\":\"/a\\\"b\\n\xef\xbf\xbd\",\"status\":404,\"bytes\":12,"
            "\"ms\":1.5}\n");
}

}  // namespace
}  // namespace plenary
