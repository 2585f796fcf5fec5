#include "publish/curl_library.h"

#include <dlfcn.h>

#include <string>

namespace plenary {

namespace {

// The functions are looked up by name and cast to the type their declaration
// in <curl/curl.h> gives: the same function, so the call is well defined.
template <typename F>
bool Take(void* handle, const char* name, F& slot, std::string& missing) {
  void* symbol = dlsym(handle, name);
  if (!symbol) {
    missing = name;
    return false;
  }
  slot = reinterpret_cast<F>(symbol);
  return true;
}

Result<CurlLibrary> Open() {
  constexpr const char* kSoname = "libcurl.so.4";
  void* handle = dlopen(kSoname, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = dlerror();
    return Error::IO(std::string("cannot load ") + kSoname + " (Debian's libcurl4): " +
                     (why ? why : "unknown reason"));
  }
  CurlLibrary lib;
  std::string missing;
  bool ok = Take(handle, "curl_easy_init", lib.easy_init, missing) &&
            Take(handle, "curl_easy_setopt", lib.easy_setopt, missing) &&
            Take(handle, "curl_easy_perform", lib.easy_perform, missing) &&
            Take(handle, "curl_easy_getinfo", lib.easy_getinfo, missing) &&
            Take(handle, "curl_easy_cleanup", lib.easy_cleanup, missing) &&
            Take(handle, "curl_easy_strerror", lib.easy_strerror, missing) &&
            Take(handle, "curl_slist_append", lib.slist_append, missing) &&
            Take(handle, "curl_slist_free_all", lib.slist_free_all, missing);
  if (!ok) return Error::IO(std::string(kSoname) + " has no function " + missing);
  auto global_init =
      reinterpret_cast<decltype(&::curl_global_init)>(dlsym(handle, "curl_global_init"));
  if (!global_init || global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
    return Error::IO(std::string(kSoname) + ": curl_global_init failed");
  return lib;
}

}  // namespace

Result<const CurlLibrary*> LoadCurl() {
  static const Result<CurlLibrary> loaded = Open();  // once, thread-safe (C++11 statics)
  if (!loaded) return loaded.error();
  return &*loaded;
}

}  // namespace plenary
