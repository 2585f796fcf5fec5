// `plenary serve`: the web app and JSON API over the register.
#include <ostream>

#include "cli/commands.h"
#include "server/serve.h"

namespace plenary {

int RunServe(const CliContext& ctx, const ServeCommand& command) {
  ServeOptions options;
  options.db = ctx.db;
  options.listen = command.listen;
  options.threads = command.threads;
  options.workers = command.workers;
  options.access_log = command.access_log;
  options.access_log_json = command.log_format == "json";
  options.secure_cookies = command.secure_cookies;
  options.response_cache_bytes = static_cast<std::size_t>(command.response_cache_mb) << 20;
  options.parse_limits.cpu_seconds = command.parse_cpu_seconds;
  // CPU time runs behind the clock on a busy machine: the deadline allows for it.
  options.parse_limits.wall = std::chrono::seconds(3 * command.parse_cpu_seconds);
  options.parse_limits.address_space_bytes = static_cast<std::uint64_t>(command.parse_memory_mb)
                                             << 20;
  if (command.request_timeout_ms > 0) {
    options.limits.request_timeout = std::chrono::milliseconds(command.request_timeout_ms);
    options.limits.write_timeout = std::chrono::milliseconds(command.request_timeout_ms);
  }
  Status served = Serve(options, ctx.out);
  if (!served.ok()) return Fail(ctx, served.error());
  return kExitOk;
}

}  // namespace plenary
