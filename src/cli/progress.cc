// The status line: "\r", the text, then "erase to the end of the line".
#include "cli/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>

namespace plenary {
namespace {

bool ColorWanted() {
  const char* no_color = std::getenv("NO_COLOR");
  return !(no_color && *no_color);
}

bool DumbTerminal() {
  const char* term = std::getenv("TERM");
  return term && std::string_view(term) == "dumb";
}

void WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n <= 0) return;  // progress is a courtesy: never an error
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace

ProgressLine::ProgressLine(bool quiet, std::string_view unit)
    : ProgressLine(2, !quiet && ::isatty(2) == 1, unit) {}

ProgressLine::ProgressLine(int fd, bool terminal, std::string_view unit)
    : fd_(fd),
      enabled_(terminal && !DumbTerminal()),
      color_(ColorWanted()),
      unit_(unit),
      start_(std::chrono::steady_clock::now()) {}

ProgressLine::~ProgressLine() { Finish(); }

std::string ProgressLine::Format(std::size_t done, std::size_t total, std::string_view what,
                                 std::size_t items, std::string_view unit, double seconds) {
  std::string line = fmt::format("[{}/{}] {}", done, total, what);
  if (items > 0) line += fmt::format(": {} items", items);
  line += fmt::format("{} {:.1f} s", items > 0 ? "," : ":", seconds);
  if (seconds > 0 && done > 0)
    line += fmt::format(", {:.1f} {}/s", static_cast<double>(done) / seconds, unit);
  return line;
}

void ProgressLine::Update(std::size_t done, std::size_t total, std::string_view what,
                          std::size_t items) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && done < total && what == what_ && now - last_ < std::chrono::milliseconds(100))
    return;
  last_ = now;
  what_ = what;
  double seconds = std::chrono::duration<double>(now - start_).count();
  std::string line = Format(done, total, what, items, unit_, seconds);
  if (color_) {
    std::size_t counter = line.find(']') + 1;
    line = "\x1b[1m" + line.substr(0, counter) + "\x1b[0m" + line.substr(counter);
  }
  WriteAll(fd_, "\r" + line + "\x1b[K");
  drawn_ = true;
}

void ProgressLine::Finish() {
  if (!drawn_) return;
  WriteAll(fd_, "\r\x1b[K");
  drawn_ = false;
}

}  // namespace plenary
