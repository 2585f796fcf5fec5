#include "store/postgres_module.h"

#include <dlfcn.h>

#include <filesystem>
#include <mutex>
#include <optional>
#include <system_error>
#include <vector>

#ifndef PLENARY_MODULE_DIR
#define PLENARY_MODULE_DIR "../lib/plenary"
#endif

namespace plenary {

namespace {

constexpr const char* kModuleFile = "plenary-postgres.so";

std::mutex& BackendMutex() {
  static std::mutex mutex;
  return mutex;
}

std::optional<PostgresBackend>& Provided() {
  static std::optional<PostgresBackend> backend;
  return backend;
}

std::optional<PostgresBackend> Current() {
  std::lock_guard lock(BackendMutex());
  return Provided();
}

// Where the module may be: beside the binary, then the installed directory
// relative to it (so a package unpacked under another root finds its own).
std::vector<std::filesystem::path> ModulePlaces() {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {std::filesystem::path(kModuleFile)};
  std::filesystem::path dir = exe.parent_path();
  return {dir / kModuleFile, (dir / PLENARY_MODULE_DIR / kModuleFile).lexically_normal()};
}

}  // namespace

void ProvidePostgresBackend(PostgresBackend backend) {
  std::lock_guard lock(BackendMutex());
  if (!Provided()) Provided() = backend;
}

Result<PostgresBackend> LoadPostgresBackend() {
  if (std::optional<PostgresBackend> backend = Current()) return *backend;
  std::string tried;
  for (const std::filesystem::path& place : ModulePlaces()) {
    std::error_code ec;
    if (!std::filesystem::exists(place, ec)) {
      tried += "\n  " + place.string() + ": no such file";
      continue;
    }
    // Loaded for good: the module's code is then part of the process.
    if (!dlopen(place.c_str(), RTLD_NOW | RTLD_LOCAL)) {
      const char* why = dlerror();
      tried += "\n  " + place.string() + ": " + (why ? why : "cannot be loaded");
      continue;
    }
    if (std::optional<PostgresBackend> backend = Current()) return *backend;
    tried += "\n  " + place.string() + ": loaded, but it provided no back end";
  }
  return Error::IO("PostgreSQL support (" + std::string(kModuleFile) +
                   ") cannot be loaded; tried:" + tried);
}

}  // namespace plenary
