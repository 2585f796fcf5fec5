// What every worker shares for the whole life of the server: how sessions are
// made and the login rate limiter (one for the process, so that spreading
// attempts across workers gains an attacker nothing), and how uploads are read.
#pragma once

#include <chrono>

#include "app/rate_limiter.h"

namespace plenary {

class IsolatedImportPlanner;
class ResponseCache;

struct SiteContext {
  // Mark the session cookie Secure (sent over HTTPS only): on whenever the
  // site is reached through TLS (a proxy in front of plenary serve).
  bool secure_cookies = false;
  std::chrono::seconds session_lifetime{14 * 24 * 3600};
  LoginRateLimiter login_limiter{LoginRateLimiter::Limits{}};
  // Reads what users upload in a child process (app/isolated_import.h); null:
  // in this process (tests of the routes alone).
  const IsolatedImportPlanner* import_planner = nullptr;
  // The read routes' answers kept between requests (server/response_cache.h);
  // null: none kept.
  ResponseCache* response_cache = nullptr;
};

}  // namespace plenary
