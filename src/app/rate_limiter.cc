#include "app/rate_limiter.h"

#include <algorithm>
#include <utility>

#include "core/text.h"

namespace plenary {
namespace {

std::string LoginKey(std::string_view login) { return "l:" + AsciiLower(login); }
std::string AddressKey(std::string_view address) { return "a:" + std::string(address); }

}  // namespace

LoginRateLimiter::LoginRateLimiter(Limits limits, Clock clock)
    : limits_(limits), clock_(std::move(clock)) {}

bool LoginRateLimiter::Within(const std::string& key, int limit,
                              std::chrono::steady_clock::time_point now) {
  auto it = windows_.find(key);
  if (it == windows_.end()) return true;
  if (now - it->second.start >= limits_.window) {
    windows_.erase(it);
    return true;
  }
  return it->second.failures < limit;
}

bool LoginRateLimiter::Allowed(std::string_view login, std::string_view address) {
  std::lock_guard lock(mutex_);
  auto now = clock_();
  bool by_login = Within(LoginKey(login), limits_.failures_per_login, now);
  bool by_address = Within(AddressKey(address), limits_.failures_per_address, now);
  return by_login && by_address;
}

void LoginRateLimiter::Count(const std::string& key, std::chrono::steady_clock::time_point now) {
  auto it = windows_.find(key);
  if (it != windows_.end() && now - it->second.start >= limits_.window) {
    windows_.erase(it);
    it = windows_.end();
  }
  if (it == windows_.end()) {
    MakeRoom(now);
    it = windows_.emplace(key, Window{now, 0}).first;
  }
  ++it->second.failures;
}

// Drops windows that have passed; if the table is still full (many addresses
// at once), the oldest window goes, so memory stays bounded.
void LoginRateLimiter::MakeRoom(std::chrono::steady_clock::time_point now) {
  if (windows_.size() < limits_.max_tracked) return;
  std::erase_if(windows_,
                [&](const auto& entry) { return now - entry.second.start >= limits_.window; });
  if (windows_.size() < limits_.max_tracked) return;
  auto oldest = std::min_element(
      windows_.begin(), windows_.end(),
      [](const auto& a, const auto& b) { return a.second.start < b.second.start; });
  windows_.erase(oldest);
}

void LoginRateLimiter::RecordFailure(std::string_view login, std::string_view address) {
  std::lock_guard lock(mutex_);
  auto now = clock_();
  Count(LoginKey(login), now);
  Count(AddressKey(address), now);
}

void LoginRateLimiter::RecordSuccess(std::string_view login) {
  std::lock_guard lock(mutex_);
  windows_.erase(LoginKey(login));
}

}  // namespace plenary
