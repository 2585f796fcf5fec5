#include "store/store_url.h"

#include <optional>

#include "core/text.h"

namespace plenary {
namespace {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Where the userinfo's password lies: between the first ':' after "://" and
// the last '@' before the path (a raw '@' inside a password is tolerated).
std::optional<Span> UserinfoPassword(std::string_view url) {
  std::size_t start = url.find("://");
  if (start == std::string_view::npos) return std::nullopt;
  start += 3;
  std::size_t path = url.find_first_of("/?#", start);
  std::string_view authority =
      url.substr(start, path == std::string_view::npos ? url.npos : path - start);
  std::size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t colon = authority.find(':');
  if (colon == std::string_view::npos || colon > at) return std::nullopt;
  return Span{start + colon + 1, start + at};
}

// Where a "password=" query parameter's value lies.
std::optional<Span> QueryPassword(std::string_view url) {
  std::size_t query = url.find('?');
  while (query != std::string_view::npos) {
    std::size_t key = query + 1;
    if (EqualsNoCase(url.substr(key, 9), "password=")) {
      std::size_t end = url.find_first_of("&#", key + 9);
      return Span{key + 9, end == std::string_view::npos ? url.size() : end};
    }
    query = url.find('&', key);
  }
  return std::nullopt;
}

}  // namespace

bool IsPostgresUrl(std::string_view url) {
  return EqualsNoCase(url.substr(0, 13), "postgresql://") ||
         EqualsNoCase(url.substr(0, 11), "postgres://");
}

std::string RedactUrl(std::string_view url) {
  std::string out(url);
  // The query comes after the userinfo: redact it first so the userinfo's
  // offsets stay valid.
  for (auto find : {QueryPassword, UserinfoPassword}) {
    if (std::optional<Span> span = find(out); span && span->end > span->begin)
      out.replace(span->begin, span->end - span->begin, "***");
  }
  return out;
}

std::string RedactPasswordIn(std::string message, std::string_view url) {
  for (auto find : {UserinfoPassword, QueryPassword}) {
    std::optional<Span> span = find(url);
    if (!span || span->end <= span->begin) continue;
    std::string password(url.substr(span->begin, span->end - span->begin));
    for (std::size_t at = message.find(password); at != std::string::npos;
         at = message.find(password, at + 3))
      message.replace(at, password.size(), "***");
  }
  return message;
}

}  // namespace plenary
