// The CLI's commands for the web app's site: `plenary user ...`, `token ...`,
// `group public`, `audit`, `search`. Writes go through app/editing as the
// trusted actor "cli:<OS user>", so they are audited like the web's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/authorizer.h"
#include "cli/commands.h"

namespace CLI {
class App;
}  // namespace CLI

namespace plenary {

struct SiteCommands {
  CLI::App* user_add = nullptr;
  CLI::App* user_list = nullptr;
  CLI::App* user_grant = nullptr;
  CLI::App* user_passwd = nullptr;
  CLI::App* token_create = nullptr;
  CLI::App* token_revoke = nullptr;
  CLI::App* group_public = nullptr;
  CLI::App* audit = nullptr;
  CLI::App* search = nullptr;

  std::string login;
  std::string name;
  std::string person;
  bool admin = false;
  std::vector<std::string> grants;  // GROUP=ROLE
  std::optional<std::string> password_file;
  std::string grant;  // GROUP=ROLE|none
  std::int64_t token_id = 0;
  std::string group;
  bool on = false, off = false;
  std::optional<std::string> group_filter;
  int limit = 100;
  std::vector<std::string> words;
  bool json = false;
};

// Declares the commands on `app`; their options are parsed into `commands`.
void AddSiteCommands(CLI::App& app, SiteCommands& commands);

// Runs the site command that was parsed, or nullopt if none was.
std::optional<int> RunSiteCommands(const CliContext& ctx, const SiteCommands& commands);

// The actor the command line acts as: "cli:<OS user>".
Actor CommandLineActor();

}  // namespace plenary
