// libcurl, loaded when a command first needs it (publishing to a MediaWiki,
// sending mail) rather than when plenary starts. libcurl and the thirty
// libraries it brings (TLS, Kerberos, LDAP, SSH, HTTP/2...) cost more to map
// and relocate than most commands take to run, so the binary does not link
// it: it opens libcurl.so.4 (Debian's libcurl4, a Depends of the package)
// and takes the few functions it calls from it. doc/performance.md
// ("Starting a process") has the figures.
#pragma once

#include <curl/curl.h>

#include "plenary/result.h"

namespace plenary {

// The functions plenary calls, with libcurl's own signatures.
struct CurlLibrary {
  decltype(&::curl_easy_init) easy_init = nullptr;
  decltype(&::curl_easy_setopt) easy_setopt = nullptr;
  decltype(&::curl_easy_perform) easy_perform = nullptr;
  decltype(&::curl_easy_getinfo) easy_getinfo = nullptr;
  decltype(&::curl_easy_cleanup) easy_cleanup = nullptr;
  decltype(&::curl_easy_strerror) easy_strerror = nullptr;
  decltype(&::curl_slist_append) slist_append = nullptr;
  decltype(&::curl_slist_free_all) slist_free_all = nullptr;
};

// libcurl, opened and initialised (curl_global_init) once per process,
// thread-safe; the library stays loaded until exit. kIO naming the loader's
// reason when libcurl.so.4 or one of the functions cannot be found.
Result<const CurlLibrary*> LoadCurl();

}  // namespace plenary
