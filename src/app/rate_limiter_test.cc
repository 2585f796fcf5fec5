#include "app/rate_limiter.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace plenary {
namespace {

using namespace std::chrono_literals;

class RateLimiterTest : public ::testing::Test {
 protected:
  LoginRateLimiter::Clock Clock() {
    return [this] { return now_; };
  }
  std::chrono::steady_clock::time_point now_{};
};

TEST_F(RateLimiterTest, ALoginIsRefusedAfterItsFailuresUntilTheWindowPasses) {
  LoginRateLimiter limiter({3, 100, 60s, 1000}, Clock());
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(limiter.Allowed("alice", "10.0.0.1"));
    limiter.RecordFailure("alice", "10.0.0.1");
  }
  EXPECT_FALSE(limiter.Allowed("alice", "10.0.0.1"));
  EXPECT_FALSE(limiter.Allowed("ALICE", "10.0.0.2")) << "from any address, in any case";
  EXPECT_TRUE(limiter.Allowed("bob", "10.0.0.1"));
  now_ += 59s;
  EXPECT_FALSE(limiter.Allowed("alice", "10.0.0.1"));
  now_ += 1s;
  EXPECT_TRUE(limiter.Allowed("alice", "10.0.0.1"));
}

TEST_F(RateLimiterTest, AnAddressTryingManyLoginsIsRefused) {
  LoginRateLimiter limiter({3, 5, 60s, 1000}, Clock());
  for (int i = 0; i < 5; ++i) limiter.RecordFailure("user" + std::to_string(i), "10.0.0.9");
  EXPECT_FALSE(limiter.Allowed("someone-else", "10.0.0.9"));
  EXPECT_TRUE(limiter.Allowed("someone-else", "10.0.0.8"));
}

TEST_F(RateLimiterTest, SuccessForgetsTheLoginsFailures) {
  LoginRateLimiter limiter({3, 100, 60s, 1000}, Clock());
  limiter.RecordFailure("alice", "a");
  limiter.RecordFailure("alice", "a");
  limiter.RecordSuccess("Alice");
  limiter.RecordFailure("alice", "a");
  limiter.RecordFailure("alice", "a");
  EXPECT_TRUE(limiter.Allowed("alice", "a"));
}

TEST_F(RateLimiterTest, MemoryStaysBoundedUnderManyAddresses) {
  LoginRateLimiter limiter({3, 1, 60s, 10}, Clock());
  for (int i = 0; i < 100; ++i) {
    now_ += 1ms;
    limiter.RecordFailure("alice", "addr" + std::to_string(i));
  }
  EXPECT_FALSE(limiter.Allowed("bob", "addr99")) << "the newest are kept";
}

TEST_F(RateLimiterTest, IsSafeAcrossThreads) {
  LoginRateLimiter limiter({4001, 1000000, 60s, 100000}, Clock());
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&limiter] {
      for (int i = 0; i < 1000; ++i) {
        limiter.RecordFailure("alice", "a");
        (void)limiter.Allowed("alice", "a");
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_TRUE(limiter.Allowed("alice", "a")) << "4000 failures counted, none twice";
  limiter.RecordFailure("alice", "a");
  EXPECT_FALSE(limiter.Allowed("alice", "a")) << "and none lost";
}

}  // namespace
}  // namespace plenary
