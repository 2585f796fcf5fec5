// `plenary report-back`: what one appointing organisation's members should
// carry back to it for a period (app/report_back.h), printed or as JSON.
#pragma once

#include <optional>
#include <string>

#include "cli/commands.h"
#include "publish/mail/smtp.h"

namespace CLI {
class App;
}  // namespace CLI

namespace plenary {

struct ReportBackCommand {
  std::string group;
  std::string affiliation;
  std::optional<std::string> month;  // YYYY-MM
  std::optional<std::string> from;   // YYYY-MM-DD
  std::optional<std::string> to;     // YYYY-MM-DD
  bool json = false;
  // --send: e-mailed to the affiliation's contact address (the roster's
  // `organisation:` line of that name), once a day, logged and audited like a
  // reminder (recipient "report-back ORG").
  bool send = false;
  std::string smtp_tls = "required";
  SmtpOptions smtp;
};

CLI::App* AddReportBackCommand(CLI::App& app, ReportBackCommand& command);

// 0 printed; 1 an unknown group or affiliation, or the store failed; 2 bad usage.
int RunReportBack(const CliContext& ctx, const ReportBackCommand& command);

}  // namespace plenary
