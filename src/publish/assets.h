// The web app's static files (web/: stylesheet, script, icon), compiled into
// the binary at build time. Served under /static/NAME with a strong ETag
// (from the content) and, when the URL carries that ETag as ?v=, a year-long
// immutable cache.
#pragma once

#include <string>
#include <string_view>

namespace plenary {

struct Asset {
  std::string_view name;          // "style.css"
  std::string_view content_type;  // "text/css; charset=utf-8"
  std::string_view bytes;
  std::string etag;     // "\"<first 16 hex digits of SHA-256>\"", quotes included
  std::string version;  // the same digits, for ?v= in URLs
};

// The asset named `name` (no directories), or null.
const Asset* FindAsset(std::string_view name);

// "/static/NAME?v=VERSION": a URL that changes whenever the file does, so it
// may be cached for good. Precondition: the asset exists.
std::string AssetUrl(std::string_view name);

}  // namespace plenary
