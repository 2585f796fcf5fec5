// Writing a published set to a directory without touching what did not
// change, so that a rerun leaves mtimes alone and rsync, wikis and calendar
// clients see no spurious updates.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
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

Status WriteBytes(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) return Error::IO(fmt::format("{}: cannot write", path.string()));
  return Status::Ok();
}

// A page replaces its file in one step (a temporary file renamed over it), so
// that a reader of the directory never sees half a page.
Status WriteAtomically(const fs::path& path, const std::string& content) {
  fs::path temp = path;
  temp += ".plenary-tmp";
  if (Status s = WriteBytes(temp, content); !s) return s;
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) return Error::IO(fmt::format("{}: {}", path.string(), ec.message()));
  return Status::Ok();
}

// The directories of one set, each looked at once: those this set created
// hold nothing but what it writes, so a page there is written straight into
// its file (nothing to compare with, no earlier page to keep whole). A first
// publication of a meeting's minutes creates its directory and its seven
// pages: a third of the system calls it made before.
class Directories {
 public:
  // Whether `dir` exists now because this set created it.
  Result<bool> Ensure(const fs::path& dir) {
    if (auto known = fresh_.find(dir); known != fresh_.end()) return known->second;
    std::error_code ec;
    const bool created = fs::create_directories(dir, ec);
    if (ec) return Error::IO(fmt::format("{}: {}", dir.string(), ec.message()));
    fresh_.emplace(dir, created);
    return created;
  }

 private:
  std::map<fs::path, bool> fresh_;
};

}  // namespace

Result<WriteReport> WritePages(const std::string& dir, const std::vector<PublishedPage>& pages) {
  WriteReport report;
  Directories directories;
  std::set<std::string> written;
  for (const PublishedPage& page : pages) {
    if (!SafeRelativePath(page.file))
      return Error::Internal(fmt::format("refusing to write page file '{}'", page.file));
    fs::path path = fs::path(dir) / page.file;
    auto fresh = directories.Ensure(path.parent_path());
    if (!fresh.ok()) return fresh.error();
    if (*fresh && !written.count(page.file)) {
      if (Status s = WriteBytes(path, page.content); !s) return s.error();
    } else if (ReadIfExists(path) == page.content) {
      report.unchanged.push_back(page.file);
      continue;
    } else if (Status s = WriteAtomically(path, page.content); !s) {
      return s.error();
    }
    written.insert(page.file);
    report.written.push_back(page.file);
  }
  return report;
}

}  // namespace plenary
