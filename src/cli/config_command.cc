// `plenary config check`: what the configuration file says, checked.
#include <fmt/format.h>

#include <ostream>

#include "app/password_file.h"
#include "cli/commands.h"
#include "cli/config_file.h"

namespace plenary {

int RunConfigCheck(const CliContext& ctx, const Config& config) {
  ctx.out << DescribeConfig(config);
  int status = kExitOk;
  for (const SettingSpec& spec : ConfigSettings()) {
    if (spec.kind != SettingKind::kSecretFile) continue;
    std::string name = fmt::format("{}.{}", spec.table, spec.key);
    const std::string* path = config.Text(name);
    if (!path) continue;
    // Read to check it is a private one-line file; the secret is not kept.
    Result<std::string> secret = ReadPasswordFile(*path);
    if (!secret.ok()) {
      ctx.err << fmt::format("plenary: error: {} ({}): {}\n", name, config.Find(name)->origin,
                             secret.error().message);
      status = kExitFailure;
    }
  }
  return status;
}

}  // namespace plenary
