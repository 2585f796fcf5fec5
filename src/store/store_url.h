// Store URLs: which back end a URL names, and the form of it that may be
// printed. A PostgreSQL URL may carry a password (postgresql://u:PASS@h/db or
// ?password=PASS); every message that names a store uses RedactUrl.
#pragma once

#include <string>
#include <string_view>

namespace plenary {

// True for "postgresql://..." and "postgres://..." (scheme case ignored).
bool IsPostgresUrl(std::string_view url);

// `url` with any password replaced by "***": the userinfo's password and a
// "password" query parameter. Other text is returned unchanged.
std::string RedactUrl(std::string_view url);

// `message` with every occurrence of the password `url` carries replaced by
// "***": for messages from libraries that might echo it.
std::string RedactPasswordIn(std::string message, std::string_view url);

}  // namespace plenary
