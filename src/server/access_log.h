// The access log: one line per response, written whole:
//   2026-11-24T18:48:19Z 127.0.0.1:53211 GET /api/v1/groups 200 345 0.412ms
// (time, client, method, path, status, body bytes, milliseconds from the
// request read to the response written). Only the path is logged, never the
// query string or any header, so tokens and cookies never reach the log.
// Bytes outside printable ASCII are written as \xHH. With --log-format json,
// the same fields as one JSON object per line:
//   {"time":"2026-11-24T18:48:19Z","client":"127.0.0.1:53211","method":"GET",
//    "path":"/api/v1/groups","status":200,"bytes":345,"ms":0.412}
// (invalid UTF-8 in the path as U+FFFD). Thread-safe.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>

#include "server/http_server.h"

namespace plenary {

std::string FormatAccessLine(const Exchange& exchange, std::chrono::system_clock::time_point now);
std::string FormatAccessJson(const Exchange& exchange, std::chrono::system_clock::time_point now);

class AccessLog {
 public:
  // Does not own `out`.
  explicit AccessLog(std::FILE* out, bool json = false) : out_(out), json_(json) {}
  void Write(const Exchange& exchange);

 private:
  std::FILE* out_;
  bool json_;
  std::mutex mutex_;
};

}  // namespace plenary
