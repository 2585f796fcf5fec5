#include "server/url_codec.h"

#include <fmt/format.h>

#include "core/text.h"

namespace plenary {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Result<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c == '%') {
      int hi = i + 1 < text.size() ? HexValue(text[i + 1]) : -1;
      int lo = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
      if (hi < 0 || lo < 0) return Error::InvalidInput("malformed percent-escape");
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += c;
    }
  }
  if (out.find('\0') != std::string::npos) return Error::InvalidInput("NUL byte in the request");
  if (FindInvalidUtf8(out) != std::string::npos)
    return Error::InvalidInput("invalid UTF-8 in the request");
  return out;
}

Result<QueryParams> ParseForm(std::string_view text, const FormLimits& limits) {
  QueryParams params;
  while (!text.empty()) {
    std::size_t amp = text.find('&');
    std::string_view piece = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (piece.empty()) continue;
    if (params.size() == limits.max_pairs)
      return Error::InvalidInput(fmt::format("more than {} parameters", limits.max_pairs));
    std::size_t eq = piece.find('=');
    auto name = PercentDecode(piece.substr(0, eq), true);
    if (!name.ok()) return name.error();
    if (name->size() > limits.max_name_bytes) return Error::InvalidInput("parameter name too long");
    std::string value;
    if (eq != std::string_view::npos) {
      auto decoded = PercentDecode(piece.substr(eq + 1), true);
      if (!decoded.ok()) return decoded.error();
      value = std::move(*decoded);
    }
    params.emplace_back(std::move(*name), std::move(value));
  }
  return params;
}

std::string PercentEncode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved)
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

}  // namespace plenary
