#include "server/responses.h"

#include <iostream>

namespace plenary {

HttpResponse JsonResponse(int status, const nlohmann::ordered_json& body) {
  return HttpResponse::Text(
      status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n",
      "application/json");
}

HttpResponse Problem(int status, std::string detail) {
  nlohmann::ordered_json body = {{"type", "about:blank"},
                                 {"title", std::string(StatusReason(status))},
                                 {"status", status},
                                 {"detail", std::move(detail)}};
  HttpResponse r = JsonResponse(status, body);
  r.headers.Set("Content-Type", "application/problem+json");
  return r;
}

HttpResponse ErrorResponse(const Error& error) {
  switch (error.kind) {
    case ErrorKind::kInvalidInput:
      return Problem(400, error.message);
    case ErrorKind::kNotFound:
      return Problem(404, error.message);
    case ErrorKind::kConflict:
      return Problem(409, error.message);
    case ErrorKind::kPermissionDenied:
      return Problem(403, error.message);
    case ErrorKind::kStorage:
    case ErrorKind::kIO:
    case ErrorKind::kInternal:
      break;
  }
  std::cerr << "plenary serve: " << ErrorKindName(error.kind) << ": " << error.message << '\n';
  return Problem(500, "the server failed; the details are in its log");
}

}  // namespace plenary
