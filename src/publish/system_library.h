// A library of Debian's that plenary opens when a command first needs it
// rather than linking it, so that every other command does not pay for
// mapping and relocating it (and what it brings) at start: libcurl
// (publish/curl_library) and libical with ICU (publish/formats/ical_library).
// The package that ships the library is a Depends of plenary's package.
// doc/performance.md ("Starting a process") has the figures.
#pragma once

#include <dlfcn.h>

#include <string>

#include "plenary/result.h"

namespace plenary {

// dlopen(soname) for the life of the process (RTLD_NOW | RTLD_LOCAL). kIO
// naming the library, its Debian package and the loader's reason.
Result<void*> OpenSystemLibrary(const char* soname, const char* package);

// Looks `name` up in `handle` and stores it in `slot`, cast to the type its
// declaration in the library's header gives (the same function, so a call
// through it is well defined). False, with `missing` naming it, when absent.
template <typename F>
bool TakeFunction(void* handle, const char* name, F& slot, std::string& missing) {
  void* symbol = dlsym(handle, name);
  if (!symbol) {
    missing = name;
    return false;
  }
  slot = reinterpret_cast<F>(symbol);
  return true;
}

}  // namespace plenary
