// Login attempts, rate-limited: after too many failures for one login, or from
// one client address, within a window, further attempts are refused until
// that window has passed. In memory, for one server process; thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace plenary {

class LoginRateLimiter {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  struct Limits {
    int failures_per_login = 5;     // guessing one account's password
    int failures_per_address = 20;  // one client trying many accounts
    std::chrono::seconds window{15 * 60};
    std::size_t max_tracked = 100000;  // keys kept at most; the oldest go first
  };

  explicit LoginRateLimiter(Limits limits, Clock clock = std::chrono::steady_clock::now);

  // Whether an attempt to sign in as `login` from `address` may be checked
  // now. Logins are compared without regard to ASCII case.
  bool Allowed(std::string_view login, std::string_view address);
  // A wrong password (or unknown login): counts against both.
  void RecordFailure(std::string_view login, std::string_view address);
  // A successful sign-in forgets the login's failures (not the address's).
  void RecordSuccess(std::string_view login);

 private:
  struct Window {
    std::chrono::steady_clock::time_point start;
    int failures = 0;
  };

  bool Within(const std::string& key, int limit, std::chrono::steady_clock::time_point now);
  void Count(const std::string& key, std::chrono::steady_clock::time_point now);
  void MakeRoom(std::chrono::steady_clock::time_point now);

  Limits limits_;
  Clock clock_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> windows_;  // "l:" login or "a:" address
};

}  // namespace plenary
