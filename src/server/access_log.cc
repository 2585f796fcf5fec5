#include "server/access_log.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

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

std::string FormatAccessJson(const Exchange& exchange, std::chrono::system_clock::time_point now) {
  auto ms = std::chrono::time_point_cast<std::chrono::milliseconds>(now);
  nlohmann::ordered_json line = {{"time", fmt::format("{:%FT%T}Z", ms)},
                                 {"client", exchange.client},
                                 {"method", exchange.method},
                                 {"path", exchange.path},
                                 {"status", exchange.status},
                                 {"bytes", exchange.body_bytes},
                                 {"ms", static_cast<double>(exchange.elapsed.count()) / 1000.0}};
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void AccessLog::Write(const Exchange& exchange) {
  auto now = std::chrono::system_clock::now();
  std::string line = json_ ? FormatAccessJson(exchange, now) : FormatAccessLine(exchange, now);
  std::lock_guard lock(mutex_);
  std::fwrite(line.data(), 1, line.size(), out_);
  std::fflush(out_);
}

}  // namespace plenary
