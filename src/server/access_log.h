// The access log: one line per response, written whole:
//   2026-11-24T18:48:19Z 127.0.0.1:53211 GET /api/v1/groups 200 345 0.412ms
// (time, client, method, path, status, body bytes, milliseconds from the
// request read to the response written). Only the path is logged, never the
// query string or any header, so tokens and cookies never reach the log.
// Bytes outside printable ASCII are written as \xHH. Thread-safe.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>

#include "server/http_server.h"

namespace plenary {

std::string FormatAccessLine(const Exchange& exchange, std::chrono::system_clock::time_point now);

class AccessLog {
 public:
  // Does not own `out`.
  explicit AccessLog(std::FILE* out) : out_(out) {}
  void Write(const Exchange& exchange);

 private:
  std::FILE* out_;
  std::mutex mutex_;
};

}  // namespace plenary
