#include "publish/curl_library.h"

#include <string>

#include "publish/system_library.h"

namespace plenary {

namespace {

Result<CurlLibrary> Open() {
  constexpr const char* kSoname = "libcurl.so.4";
  auto opened = OpenSystemLibrary(kSoname, "libcurl4");
  if (!opened) return opened.error();
  void* handle = *opened;
  CurlLibrary lib;
  std::string missing;
  bool ok = TakeFunction(handle, "curl_easy_init", lib.easy_init, missing) &&
            TakeFunction(handle, "curl_easy_setopt", lib.easy_setopt, missing) &&
            TakeFunction(handle, "curl_easy_perform", lib.easy_perform, missing) &&
            TakeFunction(handle, "curl_easy_getinfo", lib.easy_getinfo, missing) &&
            TakeFunction(handle, "curl_easy_cleanup", lib.easy_cleanup, missing) &&
            TakeFunction(handle, "curl_easy_strerror", lib.easy_strerror, missing) &&
            TakeFunction(handle, "curl_slist_append", lib.slist_append, missing) &&
            TakeFunction(handle, "curl_slist_free_all", lib.slist_free_all, missing);
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
