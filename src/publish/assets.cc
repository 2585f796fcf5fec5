#include "publish/assets.h"

#include <cassert>
#include <vector>


namespace plenary {
namespace embedded {
struct File {
  const char* name;
  const unsigned char* data;
  std::size_t size;
  const char* sha256;  // of the bytes, hex, computed by the build
};
extern const File kWebFiles[];
extern const std::size_t kWebFileCount;
}  // namespace embedded

namespace {

std::string_view ContentType(std::string_view name) {
  const auto dot = name.rfind('.');
  const std::string_view ext = dot == std::string_view::npos ? "" : name.substr(dot + 1);
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "js") return "text/javascript; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "ico") return "image/x-icon";
  return "application/octet-stream";
}

// Built once, on first use; the table never changes after that.
const std::vector<Asset>& Assets() {
  static const std::vector<Asset> assets = [] {
    std::vector<Asset> all;
    for (std::size_t i = 0; i < embedded::kWebFileCount; ++i) {
      const embedded::File& f = embedded::kWebFiles[i];
      Asset a;
      a.name = f.name;
      a.content_type = ContentType(a.name);
      a.bytes = std::string_view(reinterpret_cast<const char*>(f.data), f.size);
      a.version = std::string(f.sha256).substr(0, 16);
      a.etag = '"' + a.version + '"';
      all.push_back(std::move(a));
    }
    return all;
  }();
  return assets;
}

}  // namespace

const Asset* FindAsset(std::string_view name) {
  for (const Asset& a : Assets())
    if (a.name == name) return &a;
  return nullptr;
}

std::string AssetUrl(std::string_view name) {
  const Asset* a = FindAsset(name);
  assert(a != nullptr);
  return "/static/" + std::string(name) + (a ? "?v=" + a->version : "");
}

}  // namespace plenary
