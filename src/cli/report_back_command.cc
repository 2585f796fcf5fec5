#include "cli/report_back_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <ostream>
#include <set>
#include <sstream>

#include "app/editing.h"
#include "app/report_back.h"
#include "cli/remind_command.h"
#include "cli/site_commands.h"
#include "core/date.h"
#include "core/email_address.h"
#include "core/text.h"
#include "publish/affiliation_pages.h"
#include "publish/attendance_log.h"
#include "publish/formats/html_writer.h"
#include "publish/mail/reminder_mail.h"
#include "publish/registers.h"

namespace plenary {
namespace {

const Date kEarliest = Date{std::chrono::year{1900} / 1 / 1};
const Date kLatest = Date{std::chrono::year{2999} / 12 / 31};

Result<Period> PeriodOf(const ReportBackCommand& c) {
  if (c.month) return ParseMonth(*c.month);
  Period period{kEarliest, kLatest, ""};
  for (auto [option, value, date] :
       {std::tuple{"--from", c.from, &period.from}, std::tuple{"--to", c.to, &period.to}}) {
    if (!value) continue;
    auto parsed = ParseIsoDate(*value);
    if (!parsed)
      return Error::InvalidInput(
          fmt::format("{} {}: expected a date YYYY-MM-DD", option, PrintableText(*value)));
    *date = *parsed;
  }
  if (c.from) period.given_from = period.from;
  if (c.to) period.given_to = period.to;
  if (period.to < period.from) return Error::InvalidInput("--from is after --to");
  period.label = PeriodLabel(period);
  return period;
}

std::string ItemLine(const RegisteredAction& a) {
  std::string owners = publish_detail::OwnerNames(a.item.owners);
  return PrintableText(fmt::format(
      "#{} {} ({}; due {}; {})", a.id, a.item.text, owners.empty() ? "no owner" : owners,
      publish_detail::DueText(a.item), publish_detail::StatusText(a.item)));
}

void PrintItems(std::ostream& out, std::string_view heading,
                const std::vector<RegisteredAction>& items) {
  out << fmt::format("\n{} ({}):\n", heading, items.size());
  for (const RegisteredAction& a : items) out << "  - " << ItemLine(a) << '\n';
}

void PrintReport(std::ostream& out, const ReportBack& r, const Period& period) {
  out << PrintableText(
             fmt::format("{} report back from {}, {}", r.affiliation, r.group, period.label))
      << '\n';
  out << PrintableText(fmt::format("Appointees: {}", fmt::join(r.appointees, ", "))) << '\n';
  out << "Contact: " << (r.contact ? *r.contact : "none on the roster (organisation: line)")
      << '\n';
  out << fmt::format("\nDecisions ({}):\n", r.decisions.size());
  for (const RegisteredDecision& d : r.decisions)
    out << PrintableText(fmt::format("  - {} {}: {}", FormatIsoDate(d.meeting_date),
                                     MeetingLabel(d.meeting), d.decision.text))
        << '\n';
  PrintItems(out, "Items opened", r.opened);
  PrintItems(out, "Items completed", r.completed);
  PrintItems(out, "Open items its appointees own", r.owned);
  out << "\nAttendance (group-wide meetings):\n";
  for (const Participation& p : r.attendance)
    out << PrintableText(
               fmt::format("  {}: present at {} of {}, {} apologies, {} absent{}", p.name,
                           p.present, p.held, p.apologies, p.absent,
                           p.rate ? fmt::format(" ({:.0f}%)", *p.rate * 100) : std::string()))
        << '\n';
}

std::string HtmlReport(const std::string& title, const std::string& text) {
  // The text report's lines: headings end with ':' and items start with "  ".
  html::HtmlWriter w;
  w.Raw("<!DOCTYPE html>\n");
  w.Open("html", {{"xmlns", "http://www.w3.org/1999/xhtml"}, {"lang", "en"}});
  w.Open("head").Void("meta", {{"charset", "utf-8"}}).Element("title", title).Close("head");
  w.Open("body").Element("h1", title);
  std::istringstream lines(text);
  bool in_list = false;
  std::string line;
  std::getline(lines, line);  // the title
  for (; std::getline(lines, line);) {
    bool item = line.rfind("  ", 0) == 0;
    if (in_list && !item) w.Close("ul");
    if (!in_list && item) w.Open("ul");
    in_list = item;
    if (item) {
      w.Element("li", line.substr(line.rfind("- ", 2) == 2 ? 4 : 2));
    } else if (!line.empty() && line.back() == ':') {
      w.Element("h2", line.substr(0, line.size() - 1));
    } else if (!line.empty()) {
      w.Element("p", line);
    }
  }
  if (in_list) w.Close("ul");
  w.Close("body").Close("html");
  return std::move(w).Done().str() + "\n";
}

int SendReport(const CliContext& ctx, const ReportBackCommand& c, const ReportBack& report,
               const Period& period) {
  if (!report.contact) {
    ctx.err << "plenary: error: the roster gives " << PrintableText(report.affiliation)
            << " no address: add 'organisation: " << PrintableText(report.affiliation)
            << " | email: ADDRESS'\n";
    return kExitFailure;
  }
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  auto site = OpenSiteStore(ctx.db);
  if (!site.ok()) return Fail(ctx, site.error());
  const std::string recipient = "report-back " + report.affiliation;
  const std::string day = FormatIsoDate(ctx.today);
  auto sent = (*site)->RemindersSent(report.group, day);
  if (!sent.ok()) return Fail(ctx, sent.error());
  for (const SentReminder& s : *sent) {
    if (s.recipient != recipient) continue;
    ctx.out << "already sent today to " << s.address << '\n';
    return kExitOk;
  }
  std::ostringstream text;
  PrintReport(text, report, period);
  MailMessage m;
  m.from = c.smtp.from;
  m.from_name = c.smtp.from_name.empty() ? report.group + " secretariat" : c.smtp.from_name;
  m.to = *report.contact;
  m.to_name = report.affiliation;
  m.subject =
      fmt::format("[{}] Report back to {}, {}", report.group, report.affiliation, period.label);
  m.now_unix = Editing::SystemUnixTime();
  m.message_id = fmt::format("plenary.report-back.{}.{}.{}.{}@{}", Slug(report.group),
                             Slug(report.affiliation), day, m.now_unix,
                             c.smtp.from.substr(c.smtp.from.rfind('@') + 1));
  m.list_name = report.group + " report back";
  m.list_label = Slug(report.group) + ".report-back";
  m.text = text.str();
  m.html = HtmlReport(m.subject, m.text);
  auto sender = SmtpSender::Open(c.smtp);
  if (!sender.ok()) return Fail(ctx, sender.error());
  Editing editing(**store, **site);
  SentReminder record{report.group, recipient, m.to, day, m.now_unix, m.message_id, ""};
  if (Status s = sender->Send(m.to, InternetMessage(m)); !s) {
    (void)editing.RecordReminderFailure(CommandLineActor(), record, s.error().message);
    return Fail(ctx, s.error());
  }
  auto recorded = editing.RecordReminder(CommandLineActor(), record);
  if (!recorded.ok()) return Fail(ctx, recorded.error());
  ctx.out << "sent to " << m.to << '\n';
  return kExitOk;
}

}  // namespace

CLI::App* AddReportBackCommand(CLI::App& app, ReportBackCommand& c) {
  auto* cmd = app.add_subcommand(
      "report-back",
      "What an appointing organisation's members carry back to it for a period (doc/cli.md)");
  cmd->add_option("--group", c.group, "The group")->required();
  cmd->add_option("--affiliation", c.affiliation, "The organisation, as the roster's affiliation:")
      ->required();
  cmd->add_option("--month", c.month, "The month, YYYY-MM");
  cmd->add_option("--from", c.from, "From DATE, YYYY-MM-DD");
  cmd->add_option("--to", c.to, "To DATE, YYYY-MM-DD");
  cmd->add_flag("--json", c.json, "Print JSON (see doc/cli.md)");
  cmd->add_flag("--send", c.send, "E-mail it to the affiliation's address on the roster");
  AddSmtpOptions(*cmd, c.smtp, c.smtp_tls);
  // --from and --to are the period here.
  cmd->add_option("--mail-from", c.smtp.from, "The sender's address");
  cmd->add_option("--mail-from-name", c.smtp.from_name, "The sender's name");
  return cmd;
}

int RunReportBack(const CliContext& ctx, const ReportBackCommand& command) {
  ReportBackCommand c = command;
  if (c.send) {
    auto tls = ParseSmtpTls(c.smtp_tls);
    if (tls) c.smtp.tls = *tls;
    Status usable = tls ? CheckSmtpOptions(c.smtp) : Status(tls.error());
    if (!usable) {
      ctx.err << "plenary: error: " << usable.error().message << '\n';
      return kExitUsage;
    }
  }
  if (c.month && (c.from || c.to)) {
    ctx.err << "plenary: error: report-back: give --month, or --from and/or --to\n";
    return kExitUsage;
  }
  Result<Period> period = PeriodOf(c);
  if (!period) {
    ctx.err << "plenary: error: " << period.error().message << '\n';
    return kExitUsage;
  }
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  auto report =
      ReadReportBack(**store, c.group, c.affiliation, period->from, period->to, ctx.today);
  if (!report.ok()) return Fail(ctx, report.error());
  if (c.send) return SendReport(ctx, c, *report, *period);
  if (c.json) {
    ctx.out << ReportBackJson(*report, *period).dump(2) << '\n';
  } else {
    PrintReport(ctx.out, *report, *period);
  }
  return kExitOk;
}

}  // namespace plenary
