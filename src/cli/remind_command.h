// `plenary remind`: each owner's reminder of their overdue, soon-due and
// (before a meeting) open items, printed (--dry-run, the default) or sent
// over SMTP (--send) once per day (doc/reminders.md).
#pragma once

#include <optional>
#include <string>

#include "cli/commands.h"
#include "publish/mail/smtp.h"

namespace CLI {
class App;
}  // namespace CLI

namespace plenary {

struct RemindCommand {
  std::optional<std::string> group;  // default: every group with a roster or meetings
  std::optional<std::string> as_of;  // YYYY-MM-DD; default today
  int window_days = 7;
  bool dry_run = false;
  bool send = false;
  std::optional<std::string> save;  // write each message as DIR/NAME.eml too
  std::string smtp_tls = "required";
  SmtpOptions smtp;  // the server; FillSmtpFromConfig fills what the command line left unset
};

class Config;

// The SMTP server's options, the same for every command that sends mail
// (remind, report-back): --smtp-url, --smtp-user, --smtp-password-file,
// --smtp-tls (into `tls`), --smtp-ca-file.
void AddSmtpOptions(CLI::App& cmd, SmtpOptions& smtp, std::string& tls);

// The configuration file's [smtp] table (doc/configuration.md) fills what
// `cmd`'s options left unset: host and port make --smtp-url (smtps:// on
// port 465, else smtp://), starttls = false makes --smtp-tls opportunistic,
// user, password_file and ca_file their options, and from the sender's
// address (the option `from_option`); a from of the form "Name <address>"
// gives the sender's name (`from_name_option`) too.
void FillSmtpFromConfig(const Config& config, const CLI::App& cmd, SmtpOptions& smtp,
                        std::string& tls, const char* from_option, const char* from_name_option);

// Adds the `remind` subcommand and its options to `app`, bound to `command`.
CLI::App* AddRemindCommand(CLI::App& app, RemindCommand& command);

// 0 when everything due was sent (or, dry, printed); 1 when a send failed (the
// next run tries it again) or the store could not be read; 2 bad usage.
int RunRemind(const CliContext& ctx, const RemindCommand& command);

}  // namespace plenary
