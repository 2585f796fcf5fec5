// Writing a published set to a directory without touching what did not
// change, so that a rerun leaves mtimes alone and rsync, wikis and calendar
// clients see no spurious updates.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "publish/pages.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

bool SafeRelativePath(const std::string& file) {
  if (file.empty() || file.front() == '/') return false;
  for (char c : file) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '/' || c == '-';
    if (!ok) return false;
  }
  for (const fs::path& part : fs::path(file))
    if (part == ".." || part == ".") return false;
  return true;
}

std::optional<std::string> ReadIfExists(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

Status WriteAtomically(const fs::path& path, const std::string& content) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return Error::IO(fmt::format("{}: {}", path.parent_path().string(), ec.message()));
  fs::path temp = path;
  temp += ".plenary-tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) return Error::IO(fmt::format("{}: cannot write", temp.string()));
  }
  fs::rename(temp, path, ec);
  if (ec) return Error::IO(fmt::format("{}: {}", path.string(), ec.message()));
  return Status::Ok();
}

}  // namespace

Result<WriteReport> WritePages(const std::string& dir, const std::vector<PublishedPage>& pages) {
  WriteReport report;
  for (const PublishedPage& page : pages) {
    if (!SafeRelativePath(page.file))
      return Error::Internal(fmt::format("refusing to write page file '{}'", page.file));
    fs::path path = fs::path(dir) / page.file;
    if (ReadIfExists(path) == page.content) {
      report.unchanged.push_back(page.file);
      continue;
    }
    if (Status s = WriteAtomically(path, page.content); !s) return s.error();
    report.written.push_back(page.file);
  }
  return report;
}

}  // namespace plenary
