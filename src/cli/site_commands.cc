#include "cli/site_commands.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <pwd.h>
#include <termios.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <ostream>

#include "app/credentials.h"
#include "app/editing.h"
#include "cli/text_table.h"
#include "core/text.h"
#include "plenary/site.h"
#include "publish/site_json.h"

namespace plenary {
namespace {

int Usage(const CliContext& ctx, const std::string& message) {
  ctx.err << "plenary: error: " << message << '\n';
  return kExitUsage;
}

std::string StripNewline(std::string line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  return line;
}

// One line typed at the terminal with echo off.
std::optional<std::string> ReadHidden(const char* prompt) {
  std::cerr << prompt << std::flush;
  termios old{};
  bool hidden = tcgetattr(STDIN_FILENO, &old) == 0;
  if (hidden) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  bool got = static_cast<bool>(std::getline(std::cin, line));
  if (hidden) tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::cerr << '\n';
  if (!got) return std::nullopt;
  return StripNewline(line);
}

// The password: the first line of --password-file; else typed twice at a
// terminal; else one line of standard input (for scripts).
Result<std::string> ReadPassword(const std::optional<std::string>& file) {
  std::string line;
  if (file) {
    std::ifstream in(*file, std::ios::binary);
    if (!in) return Error::IO(fmt::format("cannot read {}", *file));
    std::getline(in, line);
    line = StripNewline(line);
  } else if (isatty(STDIN_FILENO)) {
    auto first = ReadHidden("New password: ");
    auto second = ReadHidden("Repeat it: ");
    if (!first || !second) return Error::InvalidInput("no password given");
    if (*first != *second) return Error::InvalidInput("the passwords differ");
    line = *first;
  } else if (!std::getline(std::cin, line)) {
    return Error::InvalidInput("no password given on standard input");
  } else {
    line = StripNewline(line);
  }
  if (line.size() < 8) return Error::InvalidInput("password: at least 8 characters, please");
  return line;
}

// "GROUP=ROLE"; `allow_none` accepts ROLE "none" (remove the grant).
Result<std::pair<std::string, std::optional<GroupRole>>> ParseGrant(const std::string& text,
                                                                    bool allow_none) {
  std::size_t eq = text.rfind('=');
  if (eq == std::string::npos || eq == 0)
    return Error::InvalidInput(
        fmt::format("grant '{}': expected GROUP=member|secretariat", PrintableText(text)));
  std::string group = text.substr(0, eq), role_text = text.substr(eq + 1);
  if (allow_none && EqualsNoCase(role_text, "none"))
    return std::pair{group, std::optional<GroupRole>{}};
  std::optional<GroupRole> role = ParseGroupRole(role_text);
  if (!role)
    return Error::InvalidInput(fmt::format("grant '{}': the role is member or secretariat{}",
                                           PrintableText(text), allow_none ? " or none" : ""));
  return std::pair{group, role};
}

struct Opened {
  std::unique_ptr<Store> store;
  std::unique_ptr<SiteStore> site;
};

Result<Opened> OpenBoth(const CliContext& ctx) {
  auto store = OpenStore(ctx.db);
  if (!store.ok()) return store.error();
  auto site = OpenSiteStore(ctx.db);
  if (!site.ok()) return site.error();
  return Opened{std::move(*store), std::move(*site)};
}

std::string OsUser() {
  if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name) return pw->pw_name;
  if (const char* user = std::getenv("USER"); user && *user) return user;
  return std::to_string(geteuid());
}

}  // namespace

Actor CommandLineActor() { return Actor::CommandLine(OsUser()); }

namespace {

int RunUserAdd(const CliContext& ctx, const SiteCommands& c) {
  std::vector<GroupGrant> grants;
  for (const std::string& text : c.grants) {
    auto grant = ParseGrant(text, false);
    if (!grant.ok()) return Usage(ctx, grant.error().message);
    grants.push_back({grant->first, *grant->second});
  }
  auto password = ReadPassword(c.password_file);
  if (!password.ok()) return Fail(ctx, password.error());
  auto hash = HashPassword(*password, DefaultPasswordCost());
  if (!hash.ok()) return Fail(ctx, hash.error());
  auto opened = OpenBoth(ctx);
  if (!opened.ok()) return Fail(ctx, opened.error());
  Editing editing(*opened->store, *opened->site);
  auto user =
      editing.AddUser(CommandLineActor(), {c.login, c.name, c.person, *hash, c.admin}, grants);
  if (!user.ok()) return Fail(ctx, user.error());
  ctx.out << PrintableText(fmt::format("user {} added (#{})", user->login, user->id)) << '\n';
  return kExitOk;
}

std::string GrantsText(const User& user) {
  std::string out;
  for (const GroupGrant& g : user.grants)
    out += (out.empty() ? "" : ", ") + g.group + "=" + std::string(GroupRoleName(g.role));
  return out;
}

int RunUserList(const CliContext& ctx, SiteStore& site, bool json) {
  auto users = site.Users();
  if (!users.ok()) return Fail(ctx, users.error());
  if (json) {
    auto array = nlohmann::ordered_json::array();
    for (const User& u : *users) array.push_back(UserJson(u));
    ctx.out << array.dump(2) << '\n';
    return kExitOk;
  }
  TextTable table({"Id", "Login", "Name", "Person", "Admin", "Grants"});
  for (const User& u : *users)
    table.AddRow({std::to_string(u.id), u.login, u.display_name, u.person, u.admin ? "yes" : "",
                  GrantsText(u)});
  table.Print(ctx.out);
  if (users->empty()) ctx.out << "no users (plenary user add LOGIN)\n";
  return kExitOk;
}

int RunUserGrant(const CliContext& ctx, Editing& editing, const SiteCommands& c) {
  auto grant = ParseGrant(c.grant, true);
  if (!grant.ok()) return Usage(ctx, grant.error().message);
  if (Status s = editing.SetGrant(CommandLineActor(), c.login, grant->first, grant->second); !s)
    return Fail(ctx, s.error());
  ctx.out << PrintableText(fmt::format("{}: {}", c.login, c.grant)) << '\n';
  return kExitOk;
}

int RunUserPasswd(const CliContext& ctx, Editing& editing, const SiteCommands& c) {
  auto password = ReadPassword(c.password_file);
  if (!password.ok()) return Fail(ctx, password.error());
  auto hash = HashPassword(*password, DefaultPasswordCost());
  if (!hash.ok()) return Fail(ctx, hash.error());
  if (Status s = editing.SetPasswordHash(CommandLineActor(), c.login, *hash); !s)
    return Fail(ctx, s.error());
  ctx.out << PrintableText(fmt::format("password of {} changed", c.login)) << '\n';
  return kExitOk;
}

int RunTokenCreate(const CliContext& ctx, Editing& editing, const SiteCommands& c) {
  auto token = editing.CreateApiToken(CommandLineActor(), c.login, c.name);
  if (!token.ok()) return Fail(ctx, token.error());
  ctx.err << fmt::format("token #{} for {}; it is shown only now, keep it safe:\n", token->token.id,
                         PrintableText(c.login));
  ctx.out << token->secret << '\n';
  return kExitOk;
}

int RunAudit(const CliContext& ctx, SiteStore& site, const SiteCommands& c) {
  auto entries = site.Audit({c.group_filter, std::nullopt, c.limit});
  if (!entries.ok()) return Fail(ctx, entries.error());
  if (c.json) {
    auto array = nlohmann::ordered_json::array();
    for (const AuditEntry& e : *entries) array.push_back(AuditEntryJson(e));
    ctx.out << array.dump(2) << '\n';
    return kExitOk;
  }
  TextTable table({"When (UTC)", "Who", "What", "Group", "Target"});
  for (const AuditEntry& e : *entries)
    table.AddRow({AuditEntryJson(e)["at"].get<std::string>(), e.who, e.action, e.group, e.target});
  table.Print(ctx.out);
  if (entries->empty()) ctx.out << "no changes recorded\n";
  return kExitOk;
}

int RunSearch(const CliContext& ctx, SiteStore& site, const SiteCommands& c) {
  SearchQuery query;
  for (const std::string& w : c.words) query.text += (query.text.empty() ? "" : " ") + w;
  query.limit = c.limit;
  if (c.group_filter) {
    query.groups = {*c.group_filter};
  } else {
    auto groups = site.Groups();  // the command line sees every group
    if (!groups.ok()) return Fail(ctx, groups.error());
    query.groups = std::move(*groups);
  }
  auto hits = site.Search(query);
  if (!hits.ok()) return Fail(ctx, hits.error());
  if (c.json) {
    auto array = nlohmann::ordered_json::array();
    for (const SearchHit& h : *hits) array.push_back(SearchHitJson(h));
    ctx.out << array.dump(2) << '\n';
    return kExitOk;
  }
  for (const SearchHit& h : *hits) {
    auto json = SearchHitJson(h);
    std::string what = h.kind == SearchKind::kAction ? fmt::format("action #{}", h.action_id)
                                                     : json["kind"].get<std::string>();
    ctx.out << PrintableText(fmt::format("{} {}, {}: {}", h.group, h.meeting, h.date, what))
            << '\n';
    ctx.out << "    " << PrintableText(h.snippet) << '\n';
  }
  if (hits->empty()) ctx.out << "nothing found\n";
  return kExitOk;
}

// Commands that only read need a register that exists.
std::optional<int> RunReading(const CliContext& ctx, const SiteCommands& c) {
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  auto site = OpenSiteStore(ctx.db);
  if (!site.ok()) return Fail(ctx, site.error());
  if (*c.user_list) return RunUserList(ctx, **site, c.json);
  if (*c.audit) return RunAudit(ctx, **site, c);
  return RunSearch(ctx, **site, c);
}

}  // namespace

std::optional<int> RunSiteCommands(const CliContext& ctx, const SiteCommands& c) {
  if (*c.user_add) return RunUserAdd(ctx, c);
  if (*c.user_list || *c.audit || *c.search) return RunReading(ctx, c);
  if (!*c.user_grant && !*c.user_passwd && !*c.token_create && !*c.token_revoke && !*c.group_public)
    return std::nullopt;
  if (*c.group_public && c.on == c.off) return Usage(ctx, "give --on or --off");
  auto opened = OpenBoth(ctx);
  if (!opened.ok()) return Fail(ctx, opened.error());
  Editing editing(*opened->store, *opened->site);
  if (*c.user_grant) return RunUserGrant(ctx, editing, c);
  if (*c.user_passwd) return RunUserPasswd(ctx, editing, c);
  if (*c.token_create) return RunTokenCreate(ctx, editing, c);
  if (*c.token_revoke) {
    if (Status s = editing.RevokeApiToken(CommandLineActor(), c.token_id); !s)
      return Fail(ctx, s.error());
    ctx.out << fmt::format("token #{} revoked\n", c.token_id);
    return kExitOk;
  }
  if (Status s = editing.SetGroupPublic(CommandLineActor(), c.group, c.on); !s)
    return Fail(ctx, s.error());
  ctx.out << PrintableText(fmt::format("{} is {}", c.group, c.on ? "public" : "private")) << '\n';
  return kExitOk;
}

void AddSiteCommands(CLI::App& app, SiteCommands& c) {
  auto* user = app.add_subcommand("user", "Accounts of the web app");
  user->require_subcommand(1);
  c.user_add = user->add_subcommand("add", "Add a user (asks for the password)");
  c.user_add->add_option("LOGIN", c.login, "Login name")->required();
  c.user_add->add_option("--name", c.name, "Display name");
  c.user_add->add_option("--person", c.person, "Their name in the rosters (for My items)");
  c.user_add->add_flag("--admin", c.admin, "May do everything");
  c.user_add->add_option("--grant", c.grants, "GROUP=member|secretariat (repeat for several)");
  c.user_add->add_option("--password-file", c.password_file, "Read the password from this file");
  c.user_list = user->add_subcommand("list", "List users and their grants");
  c.user_list->add_flag("--json", c.json, "Print JSON (see doc/cli.md)");
  c.user_grant = user->add_subcommand("grant", "Grant, change or remove (ROLE none) a role");
  c.user_grant->add_option("LOGIN", c.login, "Login name")->required();
  c.user_grant->add_option("GRANT", c.grant, "GROUP=member|secretariat|none")->required();
  c.user_passwd = user->add_subcommand("passwd", "Set a user's password");
  c.user_passwd->add_option("LOGIN", c.login, "Login name")->required();
  c.user_passwd->add_option("--password-file", c.password_file, "Read it from this file");

  auto* token = app.add_subcommand("token", "API tokens for scripts");
  token->require_subcommand(1);
  c.token_create = token->add_subcommand("create", "Create a token (printed once)");
  c.token_create->add_option("LOGIN", c.login, "Whose token")->required();
  c.token_create->add_option("--name", c.name, "What it is for")->required();
  c.token_revoke = token->add_subcommand("revoke", "Revoke a token");
  c.token_revoke->add_option("ID", c.token_id, "Token id")->required();

  auto* group = app.add_subcommand("group", "Groups' settings");
  group->require_subcommand(1);
  c.group_public = group->add_subcommand("public", "Make a group public or private");
  c.group_public->add_option("GROUP", c.group, "Group short name")->required();
  c.group_public->add_flag("--on", c.on, "Anyone may read it");
  c.group_public->add_flag("--off", c.off, "Only its members may read it");

  c.audit = app.add_subcommand("audit", "The audit log, newest first");
  c.audit->add_option("--group", c.group_filter, "Only this group");
  c.audit->add_option("--limit", c.limit, "At most this many entries (default 100)");
  c.audit->add_flag("--json", c.json, "Print JSON (see doc/cli.md)");

  c.search = app.add_subcommand("search", "Search notes, action items and decisions");
  c.search->add_option("WORDS", c.words, "Words to find (all of them)")->required();
  c.search->add_option("--group", c.group_filter, "Only this group");
  c.search->add_option("--limit", c.limit, "At most this many hits (default 100)");
  c.search->add_flag("--json", c.json, "Print JSON (see doc/cli.md)");
}

}  // namespace plenary
