#include "server/multipart.h"

#include "core/text.h"

namespace plenary {
namespace {

// The value of `param` ("name", "boundary") in a header's parameters, with or
// without quotes.
std::optional<std::string> Parameter(std::string_view header, std::string_view param) {
  std::size_t at = 0;
  while ((at = header.find(param, at)) != std::string_view::npos) {
    const bool starts = at == 0 || header[at - 1] == ' ' || header[at - 1] == ';';
    at += param.size();
    if (!starts || at >= header.size() || header[at] != '=') continue;
    std::string_view rest = header.substr(at + 1);
    if (!rest.empty() && rest[0] == '"') {
      const std::size_t close = rest.find('"', 1);
      if (close == std::string_view::npos) return std::nullopt;
      return std::string(rest.substr(1, close - 1));
    }
    return std::string(Trim(rest.substr(0, rest.find(';'))));
  }
  return std::nullopt;
}

// The form field name of a part from its headers (Content-Disposition).
std::optional<std::string> PartName(std::string_view headers) {
  for (std::string_view line : SplitTrimmed(headers, '\n')) {
    if (AsciiLower(std::string(line.substr(0, 20))) != "content-disposition:") continue;
    return Parameter(line, "name");
  }
  return std::nullopt;
}

}  // namespace

Result<std::string> MultipartBoundary(std::string_view content_type) {
  auto boundary = Parameter(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 70)
    return Error::InvalidInput("multipart/form-data without a usable boundary");
  return *boundary;
}

Result<QueryParams> ParseMultipart(std::string_view body, std::string_view boundary,
                                   std::size_t max_parts) {
  const std::string delimiter = "--" + std::string(boundary);
  if (body.substr(0, delimiter.size()) != delimiter)
    return Error::InvalidInput("the form does not start with its boundary");
  const std::string between = "\r\n" + delimiter;
  QueryParams parts;
  std::size_t at = delimiter.size();
  while (body.substr(at, 2) != "--") {
    if (body.substr(at, 2) != "\r\n") return Error::InvalidInput("malformed multipart form");
    at += 2;
    const std::size_t headers_end = body.find("\r\n\r\n", at);
    const std::size_t next = body.find(between, at);
    if (headers_end == std::string_view::npos || next == std::string_view::npos ||
        headers_end > next)
      return Error::InvalidInput("malformed multipart form");
    auto name = PartName(body.substr(at, headers_end - at));
    if (!name || name->empty()) return Error::InvalidInput("a form part without a name");
    if (parts.size() == max_parts) return Error::InvalidInput("too many form parts");
    parts.emplace_back(*name, std::string(body.substr(headers_end + 4, next - headers_end - 4)));
    at = next + between.size();
  }
  return parts;
}

}  // namespace plenary
