// The responses every handler builds: JSON bodies, and errors as RFC 7807
// problem documents {type, title, status, detail}.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "plenary/result.h"
#include "server/http_message.h"

namespace plenary {

HttpResponse JsonResponse(int status, const nlohmann::ordered_json& body);
// application/problem+json; `detail` is plain text for a person.
HttpResponse Problem(int status, std::string detail);
// InvalidInput 400, PermissionDenied 403, NotFound 404, Conflict 409; storage, IO and internal
// failures 500 without their detail (which goes to stderr instead).
HttpResponse ErrorResponse(const Error& error);

}  // namespace plenary
