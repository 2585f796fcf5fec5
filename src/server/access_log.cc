#include "server/access_log.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace plenary {
namespace {

std::string Printable(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (c > 0x20 && c < 0x7f && c != '\\')
      out += static_cast<char>(c);
    else
      out += fmt::format("\\x{:02x}", c);
  }
  return out.empty() ? "-" : out;
}

}  // namespace

std::string FormatAccessLine(const Exchange& exchange, std::chrono::system_clock::time_point now) {
  auto ms = std::chrono::time_point_cast<std::chrono::milliseconds>(now);
  return fmt::format("{:%FT%T}Z {} {} {} {} {} {:.3f}ms\n", ms, Printable(exchange.client),
                     Printable(exchange.method), Printable(exchange.path), exchange.status,
                     exchange.body_bytes, static_cast<double>(exchange.elapsed.count()) / 1000.0);
}

void AccessLog::Write(const Exchange& exchange) {
  std::string line = FormatAccessLine(exchange, std::chrono::system_clock::now());
  std::lock_guard lock(mutex_);
  std::fwrite(line.data(), 1, line.size(), out_);
  std::fflush(out_);
}

}  // namespace plenary
