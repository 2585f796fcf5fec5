// plenary: the secretariat's register of meetings, action items, decisions
// and attendance. This file only wires the command line to src/cli/commands.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "cli/commands.h"

namespace {

plenary::Date Today() {
  return plenary::Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

std::string DefaultDb() {
  const char* env = std::getenv("PLENARY_DB");
  return env && *env ? env : "plenary.db";
}

int Run(int argc, char** argv) {
  CLI::App app{"plenary: the register of a group's meetings, action items, decisions and "
               "attendance, read from meeting notes.",
               "plenary"};
  app.set_version_flag("--version", "plenary 0.1.0");
  std::string db = DefaultDb();
  app.add_option("--db", db, "Register: an SQLite file, or sqlite:PATH (default $PLENARY_DB or ./plenary.db)");
  app.require_subcommand(1);

  plenary::ImportCommand import;
  auto* import_cmd = app.add_subcommand("import", "Read meeting notes into the register (one transaction)");
  import_cmd->add_option("FILE", import.files, "Notes files")->required();
  import_cmd->add_option("--roster", import.roster, "Roster file of the group (see doc/roster-format.md)");
  import_cmd->add_option("--year", import.year, "Year of meetings whose header gives none")
      ->check(CLI::Range(1900, 2999));
  import_cmd->add_flag("--dry-run", import.dry_run, "Show what would be recorded; write nothing");
  import_cmd->add_flag("--json", import.json, "With --dry-run: print the meetings as JSON");

  bool json = false;
  auto* meetings_cmd = app.add_subcommand("meetings", "List meetings, oldest first");
  meetings_cmd->add_flag("--json", json, "Print JSON (see doc/cli.md)");

  plenary::ActionsCommand actions;
  auto* actions_cmd = app.add_subcommand("actions", "List action items");
  actions_cmd->add_flag("--open", actions.open_only, "Only open items");
  actions_cmd->add_option("--owner", actions.owner, "Only items of this owner (name, alias or initials)");
  actions_cmd->add_flag("--overdue", actions.overdue, "Only open items due before --as-of");
  actions_cmd->add_option("--as-of", actions.as_of, "Date for --overdue, YYYY-MM-DD (default today)");
  actions_cmd->add_flag("--json", actions.json, "Print JSON (see doc/cli.md)");

  auto* decisions_cmd = app.add_subcommand("decisions", "List decisions, oldest first");
  decisions_cmd->add_flag("--json", json, "Print JSON (see doc/cli.md)");
  auto* attendance_cmd = app.add_subcommand("attendance", "Show the attendance log");
  attendance_cmd->add_flag("--json", json, "Print JSON (see doc/cli.md)");
  auto* roster_cmd = app.add_subcommand("roster", "Show the rosters loaded");
  roster_cmd->add_flag("--json", json, "Print JSON (see doc/cli.md)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return plenary::kExitUsage;
  }

  plenary::CliContext ctx{db, std::cout, std::cerr, Today()};
  if (*import_cmd) return plenary::RunImport(ctx, import);
  if (*meetings_cmd) return plenary::RunMeetings(ctx, json);
  if (*actions_cmd) return plenary::RunActions(ctx, actions);
  if (*decisions_cmd) return plenary::RunDecisions(ctx, json);
  if (*attendance_cmd) return plenary::RunAttendance(ctx, json);
  if (*roster_cmd) return plenary::RunRoster(ctx, json);
  return plenary::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "plenary: error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "plenary: error: unexpected failure\n";
  }
  return plenary::kExitFailure;
}
