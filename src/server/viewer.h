// Who is asking: the signed-in user (by session cookie or API token), or
// nobody (the public).
#pragma once

#include <optional>
#include <string>

#include "plenary/site.h"

namespace plenary {

struct Viewer {
  std::optional<User> user;  // nullopt: the public
  bool by_session = false;   // signed in by cookie: unsafe requests need the CSRF token
  std::string session_token_sha256;
  std::string csrf_token;
};

}  // namespace plenary
