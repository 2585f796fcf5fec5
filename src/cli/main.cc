// plenary: the secretariat's register of meetings, action items, decisions
// and attendance. This file only wires the command line to src/cli/commands.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/isolated_import.h"
#include "cli/cli_manual.h"
#include "cli/commands.h"
#include "cli/config_file.h"
#include "cli/remind_command.h"
#include "cli/report_back_command.h"
#include "cli/site_commands.h"

namespace {

plenary::Date Today() {
  return plenary::Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

// A setting of the configuration file fills a command's field that its
// option left unset: the command line wins over the file.
void Fill(const plenary::Config& config, std::string_view name, const CLI::Option* option,
          std::string& field) {
  if (option->count() == 0)
    if (const std::string* text = config.Text(name)) field = *text;
}
void Fill(const plenary::Config& config, std::string_view name, const CLI::Option* option,
          std::optional<std::string>& field) {
  if (option->count() == 0 || (field && field->empty()))
    if (const std::string* text = config.Text(name)) field = *text;
}
void Fill(const plenary::Config& config, std::string_view name, const CLI::Option* option,
          int& field) {
  if (option->count() == 0)
    if (auto number = config.Number(name)) field = static_cast<int>(*number);
}
void Fill(const plenary::Config& config, std::string_view name, const CLI::Option* option,
          bool& field) {
  if (option->count() == 0)
    if (auto flag = config.Flag(name)) field = *flag;
}

// The register: --db, else $PLENARY_DB, else the file's database.url, else
// ./plenary.db. The first two are recorded in `config` as overrides, so that
// `plenary config check` shows what is in force.
std::string ResolveDb(plenary::Config& config, const CLI::Option* db_option,
                      const std::string& db) {
  if (db_option->count() > 0) {
    config.Override("database.url", db, "--db");
  } else if (const char* env = std::getenv("PLENARY_DB"); env && *env) {
    config.Override("database.url", std::string(env), "$PLENARY_DB");
  }
  const std::string* url = config.Text("database.url");
  return url ? *url : "plenary.db";
}

constexpr const char* kVersion = "plenary 0.1.0";

// Whether `cmd` was built (CommandWord) and named on the command line.
bool Chosen(const CLI::App* cmd) { return cmd != nullptr && *cmd; }

// `plenary __man DIR`: every manual page into DIR; `plenary __completion bash`:
// the completion script on standard output. Run by the build (CMakeLists.txt).
int WriteManual(const CLI::App& app, const std::string& dir) {
  std::filesystem::create_directories(dir);
  for (const auto& [name, page] : plenary::ManualPages(app, kVersion)) {
    std::ofstream out(std::filesystem::path(dir) / name, std::ios::binary | std::ios::trunc);
    out << page;
    if (!out.good()) {
      std::cerr << "plenary: error: cannot write " << dir << "/" << name << '\n';
      return plenary::kExitFailure;
    }
  }
  return plenary::kExitOk;
}

// The command argv names: its first word that is not a global option ("-q",
// "--db URL", "--config FILE"). Only that command's options are then built:
// building every command's (CLI11 options are not cheap) was a fifth of the
// instructions of `plenary minutes` on a meeting's log. Empty, and so every
// command built, for no command, a global --help or --version, a word that
// names no command (CLI11's own error then), and the build's __man and
// __completion.
std::string CommandWord(int argc, char** argv) {
  static constexpr std::string_view kCommands[] = {
      "import", "formats", "meetings", "workplan", "actions", "decisions", "attendance",
      "publish", "minutes", "roster", "export", "copy-db", "serve", "user", "token", "group",
      "audit", "search", "remind", "report-back", "config"};
  for (int i = 1; i < argc; ++i) {
    std::string_view word = argv[i];
    if (word == "--db" || word == "--config") {
      ++i;
      continue;
    }
    if (word.starts_with("--db=") || word.starts_with("--config=") || word == "-q" ||
        word == "--quiet")
      continue;
    for (std::string_view command : kCommands)
      if (word == command) return std::string(word);
    return "";
  }
  return "";
}

int Run(int argc, char** argv) {
  const std::string command_word = CommandWord(argc, argv);
  // Whether to build `name`'s subcommand (every one when no single command
  // was named).
  auto want = [&](std::string_view name) { return command_word.empty() || command_word == name; };
  CLI::App app{
      "plenary: the register of a group's meetings, action items, decisions and "
      "attendance, read from meeting notes.",
      "plenary"};
  app.set_version_flag("--version", kVersion);
  std::string db;
  auto* db_opt =
      app.add_option("--db", db,
                     "Register: an SQLite file, sqlite:PATH, or postgresql://USER@HOST/DB "
                     "(default $PLENARY_DB, else the configuration's database.url, else "
                     "./plenary.db)");
  std::optional<std::string> config_path;
  app.add_option("--config", config_path,
                 "Configuration file (default $PLENARY_CONFIG, else /etc/plenary/plenary.toml if "
                 "it exists; doc/configuration.md)");
  bool quiet = false;
  app.add_flag("-q,--quiet", quiet, "No progress line on long work (there is none off a terminal)");
  app.require_subcommand(1);

  // What each command's options fill, and the commands, built only for the
  // command named (CommandWord).
  plenary::ImportCommand import;
  bool json = false;
  plenary::WorkPlanCommand workplan;
  plenary::ActionsCommand actions;
  std::int64_t id = 0, other = 0;
  std::optional<std::string> who, note;
  plenary::ActionEditCommand edit;
  plenary::AttendanceCommand attendance;
  plenary::PublishCommand publish;
  plenary::MinutesCommand minutes;
  std::string copy_from, copy_to;
  plenary::ServeCommand serve;
  plenary::SiteCommands site;
  plenary::RemindCommand remind;
  plenary::ReportBackCommand report_back;
  std::string manual_dir, completion_shell;
  CLI::App* import_cmd = nullptr;
  CLI::App* formats_cmd = nullptr;
  CLI::App* meetings_cmd = nullptr;
  CLI::App* workplan_cmd = nullptr;
  CLI::App* actions_cmd = nullptr;
  CLI::App* show_cmd = nullptr;
  CLI::App* done_cmd = nullptr;
  CLI::App* set_cmd = nullptr;
  CLI::App* merge_cmd = nullptr;
  CLI::App* unmerge_cmd = nullptr;
  CLI::App* duplicates_cmd = nullptr;
  CLI::App* notices_cmd = nullptr;
  CLI::App* decisions_cmd = nullptr;
  CLI::App* attendance_cmd = nullptr;
  CLI::App* publish_cmd = nullptr;
  CLI::Option* mediawiki_opt = nullptr;
  CLI::Option* wiki_user_opt = nullptr;
  CLI::Option* wiki_password_opt = nullptr;
  CLI::App* minutes_cmd = nullptr;
  CLI::App* roster_cmd = nullptr;
  CLI::App* export_cmd = nullptr;
  CLI::App* copy_cmd = nullptr;
  CLI::App* serve_cmd = nullptr;
  CLI::Option* listen_opt = nullptr;
  CLI::Option* threads_opt = nullptr;
  CLI::Option* workers_opt = nullptr;
  CLI::Option* access_log_opt = nullptr;
  CLI::Option* log_format_opt = nullptr;
  CLI::Option* secure_cookies_opt = nullptr;
  CLI::Option* response_cache_opt = nullptr;
  CLI::App* remind_cmd = nullptr;
  CLI::App* report_back_cmd = nullptr;
  CLI::App* config_cmd = nullptr;
  CLI::App* config_check_cmd = nullptr;
  CLI::App* man_cmd = nullptr;
  CLI::App* completion_cmd = nullptr;
  if (want("import")) {
    import_cmd =
        app.add_subcommand("import", "Read meeting notes into the register (one transaction)");
    import_cmd->add_option("FILE", import.files, "Notes files (a work plan file is detected too)");
    import_cmd->add_option("--roster", import.roster,
                           "Roster file of the group (see doc/roster-format.md)");
    import_cmd
        ->add_option("--workplan", import.workplans,
                     "Work plan file of a group's sub-teams, repeatable (see doc/workplan-format.md)")
        ->allow_extra_args(false);
    import_cmd->add_option("--year", import.year, "Year of meetings whose header gives none")
        ->check(CLI::Range(1900, 2999));
    import_cmd->add_option("--format", import.format,
                           "Read every FILE as this format instead of detecting it (plenary formats)");
    import_cmd->add_option("--group", import.group,
                           "Group of records that do not name their group (its short name)");
    import_cmd->add_flag("--dry-run", import.dry_run, "Show what would be recorded; write nothing");
    import_cmd->add_flag("--json", import.json, "With --dry-run: print the meetings as JSON");

  }
  if (want("formats")) {
    formats_cmd = app.add_subcommand("formats", "List the formats plenary reads minutes in");
    formats_cmd->add_flag("--json", json, "Print JSON");
  }
  if (want("meetings")) {
    meetings_cmd = app.add_subcommand("meetings", "List meetings, oldest first");
    meetings_cmd->add_flag("--json", json, "Print JSON (see doc/cli.md)");
  }
  if (want("workplan")) {
    workplan_cmd = app.add_subcommand(
        "workplan", "Show the sub-teams' work plans: tasks, leaders, dates, items, milestones");
    workplan_cmd->add_option("--group", workplan.group, "Only this group's plan (short name)");
    workplan_cmd->add_option("--subteam", workplan.subteam, "Only this sub-team's plan");
    workplan_cmd->add_option("--as-of", workplan.as_of,
                             "Date that decides which tasks are overdue, YYYY-MM-DD (default today)");
    workplan_cmd->add_flag("--json", workplan.json, "Print JSON (see doc/cli.md)");
  }
  if (want("actions")) {
    actions_cmd = app.add_subcommand("actions", "List action items");
    actions_cmd->add_flag("--open", actions.open_only, "Only open items");
    actions_cmd->add_option("--owner", actions.owner,
                            "Only items of this owner (name, alias or initials)");
    actions_cmd->add_flag("--overdue", actions.overdue, "Only open items due before --as-of");
    actions_cmd->add_option("--as-of", actions.as_of,
                            "Date for --overdue, YYYY-MM-DD (default today)");
    actions_cmd->add_flag("--json", actions.json, "Print JSON (see doc/cli.md)");
    actions_cmd->require_subcommand(0, 1);

    auto add_who = [&](CLI::App* cmd) {
      cmd->add_option("--who", who, "Who makes the change (default $PLENARY_USER, else $USER)");
    };
    show_cmd = actions_cmd->add_subcommand("show", "Show one item with its history");
    show_cmd->add_option("ID", id, "Item id")->required();
    show_cmd->add_flag("--json", json, "Print JSON (see doc/cli.md)");

    done_cmd = actions_cmd->add_subcommand("done", "Mark an item complete");
    done_cmd->add_option("ID", edit.id, "Item id")->required();
    done_cmd->add_option("--note", edit.note, "Why, or how it was done");
    done_cmd->add_flag("--json", edit.json, "Print the item as JSON");
    done_cmd->add_option("--who", edit.who,
                         "Who makes the change (default $PLENARY_USER, else $USER)");
    set_cmd = actions_cmd->add_subcommand("set", "Change an item's status, due date or owners");
    set_cmd->add_option("ID", edit.id, "Item id")->required();
    set_cmd->add_option("--status", edit.status, "open, complete or cancelled");
    set_cmd->add_option("--due", edit.due, "YYYY-MM-DD, or none");
    set_cmd->add_option("--owner", edit.owners, "An owner (repeat for several); replaces the owners");
    set_cmd->add_option("--note", edit.note, "A status note");
    set_cmd->add_flag("--json", edit.json, "Print the item as JSON");
    set_cmd->add_option("--who", edit.who,
                        "Who makes the change (default $PLENARY_USER, else $USER)");

    merge_cmd =
        actions_cmd->add_subcommand("merge", "Merge item B into item A (undo with unmerge)");
    merge_cmd->add_option("A", id, "The item to keep")->required();
    merge_cmd->add_option("B", other, "The duplicate to fold into it")->required();
    merge_cmd->add_option("--note", note, "Why");
    add_who(merge_cmd);
    unmerge_cmd = actions_cmd->add_subcommand("unmerge", "Undo the merge of item B");
    unmerge_cmd->add_option("B", other, "The item that was merged")->required();
    duplicates_cmd =
        actions_cmd->add_subcommand("duplicates", "List likely duplicate open items");
    duplicates_cmd->add_flag("--json", json, "Print JSON (see doc/cli.md)");
    notices_cmd = actions_cmd->add_subcommand(
        "notices", "What the register could not decide (ambiguous mentions)");
    notices_cmd->add_flag("--json", json, "Print JSON (see doc/cli.md)");

  }
  if (want("decisions")) {
    decisions_cmd = app.add_subcommand("decisions", "List decisions, oldest first");
    decisions_cmd->add_flag("--json", json, "Print JSON (see doc/cli.md)");
  }
  if (want("attendance")) {
    attendance_cmd = app.add_subcommand(
        "attendance", "Show the attendance log, or participation over a month or period");
    attendance_cmd->add_option("--group", attendance.group, "Only this group (default: every group)");
    auto* month_opt =
        attendance_cmd->add_option("--month", attendance.month, "Participation in a month, YYYY-MM");
    attendance_cmd->add_option("--from", attendance.from, "Participation from DATE, YYYY-MM-DD")
        ->excludes(month_opt);
    attendance_cmd->add_option("--to", attendance.to, "Participation to DATE, YYYY-MM-DD")
        ->excludes(month_opt);
    attendance_cmd->add_flag("--by-affiliation", attendance.by_affiliation,
                             "Participation summed by appointing organisation (SO/AC)");
    attendance_cmd->add_flag("--json", attendance.json, "Print JSON (see doc/cli.md)");
  }
  if (want("publish")) {
    publish_cmd = app.add_subcommand(
        "publish", "Write the registers as pages, feeds and data files (see doc/publishing.md)");
    publish_cmd->add_option("--group", publish.group, "Only this group (default: every group)");
    publish_cmd->add_option("--format", publish.format,
                            "markdown, html, confluence, mediawiki, csv, json, ical or all");
    publish_cmd->add_option("--to", publish.to, "Output directory");
    publish_cmd->add_option("--today", publish.today,
                            "The publishing day for overdue days, YYYY-MM-DD (default today)");
    publish_cmd->add_flag("--attendance", publish.attendance,
                          "Only the monthly participation page (with --month)");
    publish_cmd->add_option(
        "--month", publish.month,
        "With --attendance: the month, YYYY-MM, or previous (the month before --today)");
    mediawiki_opt =
        publish_cmd
            ->add_option("--mediawiki", publish.mediawiki,
                         "Publish the wikitext pages to this MediaWiki (its api.php URL; without "
                         "one, the configuration's mediawiki.api)")
            ->expected(0, 1);
    wiki_user_opt = publish_cmd->add_option(
        "--user", publish.user, "With --mediawiki: the bot password's login (mediawiki.user)");
    wiki_password_opt =
        publish_cmd->add_option("--password-file", publish.password_file,
                                "With --mediawiki: a private file holding the password "
                                "(mediawiki.password_file)");
  }
  if (want("minutes")) {
    minutes_cmd = app.add_subcommand(
        "minutes", "Publish minutes straight from notes or a log, without a register (doc/cli.md)");
    minutes_cmd->add_option("FILE", minutes.read.files, "Notes files or meeting logs")->required();
    minutes_cmd->add_option("--roster", minutes.read.roster,
                            "Roster file of the group (see doc/roster-format.md)");
    minutes_cmd->add_option("--year", minutes.read.year, "Year of meetings whose header gives none")
        ->check(CLI::Range(1900, 2999));
    minutes_cmd->add_option("--format", minutes.read.format,
                            "Read every FILE as this format instead of detecting it");
    minutes_cmd->add_option("--group", minutes.read.group,
                            "Group of records that do not name their group (its short name)");
    minutes_cmd->add_option("--as", minutes.as,
                            "html (default), markdown, confluence, mediawiki, csv, json, ical or all");
    minutes_cmd->add_option("--to", minutes.to, "Output directory (default: print the pages)");
    minutes_cmd->add_flag("--meetings-only", minutes.meetings_only,
                          "Only each meeting's minutes page, not the registers' pages");
    minutes_cmd->add_option("--today", minutes.today,
                            "The publishing day for overdue days, YYYY-MM-DD (default today)");
  }
  if (want("roster")) {
    roster_cmd = app.add_subcommand("roster", "Show the rosters loaded");
    roster_cmd->add_flag("--json", json, "Print JSON (see doc/cli.md)");
  }
  if (want("export")) {
    export_cmd = app.add_subcommand("export", "Print the whole installation as canonical JSON");
  }
  if (want("copy-db")) {
    copy_cmd = app.add_subcommand(
        "copy-db", "Copy a whole installation into an empty store (e.g. SQLite to PostgreSQL)");
    copy_cmd->add_option("--from", copy_from, "Store URL or SQLite path to copy")->required();
    copy_cmd->add_option("--to", copy_to, "Empty store URL or SQLite path to fill")->required();

  }
  if (want("serve")) {
    serve_cmd = app.add_subcommand("serve", "Serve the web app and JSON API (doc/web.md, doc/openapi.yaml)");
    listen_opt = serve_cmd
                           ->add_option("--listen", serve.listen,
                                        "HOST:PORT to listen on (port 0: any free one; serve.listen)")
                           ->capture_default_str();
    threads_opt =
        serve_cmd->add_option("--threads", serve.threads, "Network threads (default: one per core)")
            ->check(CLI::Range(0, 256));
    workers_opt =
        serve_cmd->add_option("--workers", serve.workers, "Database workers (default: two per core)")
            ->check(CLI::Range(0, 256));
    access_log_opt = serve_cmd->add_option("--access-log", serve.access_log,
                                                 "Append the access log here (default stderr)");
    log_format_opt =
        serve_cmd
            ->add_option("--log-format", serve.log_format,
                         "The access log's lines: text (time, client, method, path, status, bytes, "
                         "ms) or json (one object per line with those fields)")
            ->capture_default_str()
            ->check(CLI::IsMember({"text", "json"}));
    serve_cmd
        ->add_option("--request-timeout-ms", serve.request_timeout_ms,
                     "Close a client that takes longer to send a request or read a response")
        ->check(CLI::Range(0, 3'600'000));
    secure_cookies_opt =
        serve_cmd->add_flag("--secure-cookies,!--no-secure-cookies", serve.secure_cookies,
                            "Mark the session cookie Secure (the site is reached over HTTPS; "
                            "serve.secure_cookies)");
    response_cache_opt =
        serve_cmd
            ->add_option("--response-cache-mb", serve.response_cache_mb,
                         "Keep the read routes' answers between requests, in at most this many MiB, "
                         "while the database is unchanged; 0: keep none (serve.response_cache_mb)")
            ->capture_default_str()
            ->check(CLI::Range(0, 256));
    serve_cmd
        ->add_option("--parse-cpu-seconds", serve.parse_cpu_seconds,
                     "CPU time one upload's reading may take (doc/reliability.md)")
        ->capture_default_str()
        ->check(CLI::Range(1, 600));
    serve_cmd
        ->add_option("--parse-memory-mb", serve.parse_memory_mb,
                     "Address space one upload's reading may use, in MiB")
        ->capture_default_str()
        ->check(CLI::Range(128, 65536));

  }
  const bool site_commands = command_word.empty() || command_word == "user" ||
                             command_word == "token" || command_word == "group" ||
                             command_word == "audit" || command_word == "search";
  if (site_commands) {
    plenary::AddSiteCommands(app, site);
  }
  if (want("remind")) {
    remind_cmd = plenary::AddRemindCommand(app, remind);
  }
  if (want("report-back")) {
    report_back_cmd = plenary::AddReportBackCommand(app, report_back);
  }
  if (want("config")) {
    config_cmd = app.add_subcommand("config", "The configuration file (doc/configuration.md)");
    config_cmd->require_subcommand(1);
    config_check_cmd = config_cmd->add_subcommand(
        "check", "Validate the configuration and print the settings in force, secrets redacted");

  }
  // For the build only: hidden from --help, the manual and completion.
  if (command_word.empty()) {
    man_cmd = app.add_subcommand("__man", "Write the manual pages into DIR")->group("");
    man_cmd->add_option("DIR", manual_dir)->required();
    completion_cmd =
        app.add_subcommand("__completion", "Print the completion script of SHELL")->group("");
    completion_cmd->add_option("SHELL", completion_shell)->required()->check(CLI::IsMember({"bash"}));
  }

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

  if (Chosen(man_cmd)) return WriteManual(app, manual_dir);
  if (Chosen(completion_cmd)) {
    std::cout << plenary::BashCompletion(app);
    return plenary::kExitOk;
  }
  plenary::Result<plenary::Config> config = plenary::LoadConfig(config_path);
  if (!config.ok()) {
    std::cerr << "plenary: error: " << config.error().message << '\n';
    return plenary::kExitFailure;
  }
  db = ResolveDb(*config, db_opt, db);
  if (serve_cmd) {
    Fill(*config, "serve.listen", listen_opt, serve.listen);
    Fill(*config, "serve.threads", threads_opt, serve.threads);
    Fill(*config, "serve.workers", workers_opt, serve.workers);
    Fill(*config, "serve.access_log", access_log_opt, serve.access_log);
    Fill(*config, "serve.log_format", log_format_opt, serve.log_format);
    Fill(*config, "serve.secure_cookies", secure_cookies_opt, serve.secure_cookies);
    Fill(*config, "serve.response_cache_mb", response_cache_opt, serve.response_cache_mb);
  }
  if (mediawiki_opt && mediawiki_opt->count() > 0) {
    Fill(*config, "mediawiki.api", mediawiki_opt, publish.mediawiki);
    Fill(*config, "mediawiki.user", wiki_user_opt, publish.user);
    Fill(*config, "mediawiki.password_file", wiki_password_opt, publish.password_file);
  }

  if (Chosen(remind_cmd))
    plenary::FillSmtpFromConfig(*config, *remind_cmd, remind.smtp, remind.smtp_tls, "--from",
                                "--from-name");
  if (Chosen(report_back_cmd))
    plenary::FillSmtpFromConfig(*config, *report_back_cmd, report_back.smtp,
                                report_back.smtp_tls, "--mail-from", "--mail-from-name");

  plenary::CliContext ctx{db, std::cout, std::cerr, Today(), quiet};
  if (Chosen(config_check_cmd)) return plenary::RunConfigCheck(ctx, *config);
  if (Chosen(import_cmd)) return plenary::RunImport(ctx, import);
  if (Chosen(serve_cmd)) return plenary::RunServe(ctx, serve);
  if (Chosen(formats_cmd)) return plenary::RunFormats(ctx, json);
  if (Chosen(meetings_cmd)) return plenary::RunMeetings(ctx, json);
  if (Chosen(workplan_cmd)) return plenary::RunWorkPlan(ctx, workplan);
  if (Chosen(show_cmd)) return plenary::RunActionShow(ctx, id, json);
  if (Chosen(done_cmd)) {
    edit.status = "complete";
    return plenary::RunActionEdit(ctx, edit);
  }
  if (Chosen(set_cmd)) return plenary::RunActionEdit(ctx, edit);
  if (Chosen(merge_cmd)) return plenary::RunActionMerge(ctx, id, other, who, note);
  if (Chosen(unmerge_cmd)) return plenary::RunActionUnmerge(ctx, other);
  if (Chosen(duplicates_cmd)) return plenary::RunActionDuplicates(ctx, json);
  if (Chosen(notices_cmd)) return plenary::RunActionNotices(ctx, json);
  if (Chosen(actions_cmd)) return plenary::RunActions(ctx, actions);
  if (Chosen(decisions_cmd)) return plenary::RunDecisions(ctx, json);
  if (Chosen(attendance_cmd)) return plenary::RunAttendance(ctx, attendance);
  if (Chosen(roster_cmd)) return plenary::RunRoster(ctx, json);
  if (Chosen(export_cmd)) return plenary::RunExport(ctx);
  if (Chosen(copy_cmd)) return plenary::RunCopyDb(ctx, copy_from, copy_to);
  if (site_commands)
    if (auto status = plenary::RunSiteCommands(ctx, site)) return *status;
  if (Chosen(publish_cmd)) return plenary::RunPublish(ctx, publish);
  if (Chosen(minutes_cmd)) return plenary::RunMinutes(ctx, minutes);
  if (Chosen(remind_cmd)) return plenary::RunRemind(ctx, remind);
  if (Chosen(report_back_cmd)) return plenary::RunReportBack(ctx, report_back);
  return plenary::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  // The server's reading of an upload, in its own sandboxed process
  // (app/isolated_import.h); not a command for people.
  if (argc == 2 && argv[1] == plenary::kParseChildCommand) std::_Exit(plenary::RunParseChild());
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "plenary: error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "plenary: error: unexpected failure\n";
  }
  return plenary::kExitFailure;
}
