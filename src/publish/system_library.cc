#include "publish/system_library.h"

namespace plenary {

Result<void*> OpenSystemLibrary(const char* soname, const char* package) {
  void* handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = dlerror();
    return Error::IO(std::string("cannot load ") + soname + " (Debian's " + package +
                     "): " + (why ? why : "unknown reason"));
  }
  return handle;
}

}  // namespace plenary
