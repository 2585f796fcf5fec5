// multipart/form-data bodies (RFC 7578), as a browser sends a form with a
// file input: each part's name and content, a file part's content taken as
// its text. Hostile input gives an error, never a partial result.
#pragma once

#include <string_view>

#include "plenary/result.h"
#include "server/http_message.h"

namespace plenary {

// The boundary parameter of a "multipart/form-data; boundary=..." content
// type; InvalidInput when absent, empty or over 70 characters (RFC 2046).
Result<std::string> MultipartBoundary(std::string_view content_type);

// Every part of `body` as name=content pairs, in order; a file part is named
// by its field and its filename is left out. InvalidInput on a missing
// boundary line, a part without a name, or more than `max_parts` parts.
Result<QueryParams> ParseMultipart(std::string_view body, std::string_view boundary,
                                   std::size_t max_parts = 64);

}  // namespace plenary
