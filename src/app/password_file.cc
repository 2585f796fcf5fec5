#include "app/password_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace plenary {

namespace {

constexpr off_t kMaxBytes = 4096;

// The checks are made on the open descriptor, so the file read is the file
// checked.
Result<std::string> ReadChecked(int fd, const std::string& path) {
  struct stat st {};
  if (fstat(fd, &st) != 0) return Error::IO(fmt::format("{}: {}", path, std::strerror(errno)));
  if (!S_ISREG(st.st_mode))
    return Error::InvalidInput(fmt::format("{}: the password file is not a regular file", path));
  if (st.st_mode & S_IROTH)
    return Error::InvalidInput(fmt::format(
        "{}: the password file is readable by every user; make it private (chmod 600 {})", path,
        path));
  if (st.st_size > kMaxBytes)
    return Error::InvalidInput(
        fmt::format("{}: the password file is over {} bytes", path, kMaxBytes));
  std::string bytes(static_cast<size_t>(st.st_size), '\0');
  size_t got = 0;
  while (got < bytes.size()) {
    ssize_t n = read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Error::IO(fmt::format("{}: {}", path, std::strerror(errno)));
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  bytes.resize(got);
  return bytes;
}

}  // namespace

Result<std::string> ReadPasswordFile(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return Error::IO(fmt::format("{}: {}", path, std::strerror(errno)));
  Result<std::string> bytes = ReadChecked(fd, path);
  close(fd);
  if (!bytes) return bytes;
  std::string password = std::move(*bytes);
  if (!password.empty() && password.back() == '\n') password.pop_back();
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (password.empty())
    return Error::InvalidInput(fmt::format("{}: the password file is empty", path));
  if (password.find_first_of("\r\n") != std::string::npos)
    return Error::InvalidInput(fmt::format("{}: the password file holds more than one line", path));
  return password;
}

}  // namespace plenary
