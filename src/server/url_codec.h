// Percent-decoding and application/x-www-form-urlencoded parsing (query
// strings and form bodies), with limits: hostile input gives an error, never
// a partial result.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "plenary/result.h"
#include "server/http_message.h"

namespace plenary {

struct FormLimits {
  std::size_t max_pairs = 256;
  std::size_t max_name_bytes = 256;
};

// Decodes %XX escapes (and '+' as a space when `plus_is_space`). Fails on a
// malformed escape, a NUL byte or invalid UTF-8 in the result.
Result<std::string> PercentDecode(std::string_view text, bool plus_is_space = false);

// Parses "a=1&b=two+words&c" (c has an empty value). Empty pieces are
// skipped. Fails on a malformed escape, invalid UTF-8, too many pairs or a
// too-long name.
Result<QueryParams> ParseForm(std::string_view text, const FormLimits& limits = {});

// Encodes every byte but unreserved ones (A-Z a-z 0-9 - . _ ~) as %XX.
std::string PercentEncode(std::string_view text);

}  // namespace plenary
