#include "cli/remind_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <set>

#include "app/editing.h"
#include "app/reminders.h"
#include "cli/config_file.h"
#include "cli/site_commands.h"
#include "core/date.h"
#include "core/email_address.h"
#include "core/text.h"
#include "publish/mail/reminder_mail.h"
#include "publish/registers.h"

namespace plenary {
namespace {

struct Tally {
  int sent = 0, already = 0, failed = 0, unreachable = 0, dry = 0;
};

std::string ItemIds(const Reminder& r) {
  std::string ids;
  for (const ReminderItem& item : r.items)
    ids += (ids.empty() ? "" : ",") + std::to_string(item.action.id);
  return ids;
}

std::string ItemSummary(const Reminder& r) {
  std::map<ReminderReason, int> counts;
  for (const ReminderItem& item : r.items) ++counts[item.reason];
  std::vector<std::string> parts;
  for (auto [reason, n] : counts)
    parts.push_back(fmt::format("{} {}", n, ReminderReasonName(reason)));
  return fmt::format("{} item{} ({})", r.items.size(), r.items.size() == 1 ? "" : "s",
                     fmt::join(parts, ", "));
}

std::string Who(const Reminder& r) {
  std::string who = PrintableText(r.owner.name);
  if (r.address) who += " <" + *r.address + ">";
  return who;
}

std::optional<std::string> CheckUsage(const RemindCommand& c) {
  if (c.dry_run && c.send) return "remind: --dry-run and --send exclude each other";
  if (c.as_of && !ParseIsoDate(*c.as_of))
    return fmt::format("--as-of {}: expected a date YYYY-MM-DD", PrintableText(*c.as_of));
  if (c.window_days < 0 || c.window_days > 366) return "--window: expected 0 to 366 days";
  if (c.send && c.smtp.url.empty()) return "remind --send needs --smtp-url and --from";
  if ((c.send || c.save) && !IsEmailAddress(c.smtp.from))
    return c.smtp.from.empty()
               ? "remind --send and --save need --from ADDRESS"
               : fmt::format("--from: '{}' is not an e-mail address", PrintableText(c.smtp.from));
  return std::nullopt;
}

class RemindRun {
 public:
  RemindRun(const CliContext& ctx, const RemindCommand& command, Store& store, SiteStore& site)
      : ctx_(ctx), command_(command), editing_(store, site), site_(site) {}

  std::optional<SmtpSender> sender;

  Status Group(const GroupRegisters& registers, const ReminderOptions& options) {
    std::vector<Reminder> reminders = PlanReminders(registers, options);
    std::string day = FormatIsoDate(options.as_of);
    std::optional<Date> next = publish_detail::NextMeetingDate(registers);
    ctx_.out << fmt::format("{}, as of {} (due within {} days{}): {} to remind\n",
                            PrintableText(registers.group), day, options.window_days,
                            next ? "; next meeting " + FormatIsoDate(*next) : "", reminders.size());
    auto sent = site_.RemindersSent(registers.group, day);
    if (!sent.ok()) return sent.error();
    std::set<std::string> done;
    for (const SentReminder& s : *sent) done.insert(s.recipient);
    for (const Reminder& r : reminders) {
      if (Status s = One(registers, r, day, done.count(r.owner.name) > 0); !s) return s;
    }
    return Status::Ok();
  }

  const Tally& tally() const { return tally_; }

 private:
  void Line(std::string_view what, const Reminder& r, std::string_view detail = "") {
    ctx_.out << fmt::format("  {:<18} {}: {}{}\n", what, Who(r), ItemSummary(r),
                            detail.empty() ? "" : ": " + PrintableText(std::string(detail)));
  }

  Status One(const GroupRegisters& registers, const Reminder& r, const std::string& day,
             bool already) {
    if (r.unreachable != Unreachable::kNo) {
      ++tally_.unreachable;
      Line(UnreachableText(r.unreachable), r);
      return Status::Ok();
    }
    if (already) {
      ++tally_.already;
      Line("already sent", r);
      return Status::Ok();
    }
    std::int64_t now = Editing::SystemUnixTime();
    auto composed =
        ComposeReminderMail(registers, r, {command_.smtp.from, command_.smtp.from_name, now});
    if (!composed) return composed.error();
    const ReminderMail& mail = *composed;
    if (command_.save) {
      if (Status s = Save(r, day, mail.message); !s) return s;
    }
    if (!command_.send) {
      ++tally_.dry;
      Line("would send", r);
      return Status::Ok();
    }
    SentReminder record{registers.group, r.owner.name, *r.address, day, now,
                        mail.message_id, ItemIds(r)};
    if (Status sent = sender->Send(*r.address, mail.message); !sent) {
      ++tally_.failed;
      Line("failed", r, sent.error().message);
      ctx_.err << fmt::format(
          "plenary: error: {}: reminder to {} not sent (tried again next "
          "run): {}\n",
          PrintableText(registers.group), Who(r), PrintableText(sent.error().message));
      return editing_.RecordReminderFailure(CommandLineActor(), record, sent.error().message);
    }
    auto recorded = editing_.RecordReminder(CommandLineActor(), record);
    if (!recorded.ok()) return recorded.error();
    ++tally_.sent;
    Line("sent", r);
    return Status::Ok();
  }

  Status Save(const Reminder& r, const std::string& day, const std::string& message) {
    std::filesystem::path dir(*command_.save);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::filesystem::path file =
        dir / fmt::format("{}-{}-{}.eml", Slug(r.group), Slug(r.owner.name), day);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << message;
    if (!out) return Error::IO(fmt::format("{}: cannot write", file.string()));
    return Status::Ok();
  }

  const CliContext& ctx_;
  const RemindCommand& command_;
  Editing editing_;
  SiteStore& site_;
  Tally tally_;
};

}  // namespace

CLI::App* AddRemindCommand(CLI::App& app, RemindCommand& c) {
  auto* cmd = app.add_subcommand(
      "remind", "Remind owners of their overdue and soon-due items by e-mail (doc/reminders.md)");
  cmd->add_option("--group", c.group, "Only this group (default: every group)");
  cmd->add_option("--as-of", c.as_of, "The day to remind as of, YYYY-MM-DD (default today)");
  cmd->add_option("--window", c.window_days, "Items due within this many days are due soon")
      ->capture_default_str();
  cmd->add_flag("--dry-run", c.dry_run, "Print who would be reminded of what (the default)");
  cmd->add_flag("--send", c.send, "Send the reminders not yet sent today");
  cmd->add_option("--save", c.save, "Also write each message to DIR as an .eml file");
  AddSmtpOptions(*cmd, c.smtp, c.smtp_tls);
  cmd->add_option("--from", c.smtp.from, "The sender's address");
  cmd->add_option("--from-name", c.smtp.from_name,
                  "The sender's name (default: GROUP secretariat)");
  return cmd;
}

void AddSmtpOptions(CLI::App& cmd, SmtpOptions& smtp, std::string& tls) {
  cmd.add_option("--smtp-url", smtp.url, "smtp://HOST:PORT (STARTTLS) or smtps://HOST:PORT");
  cmd.add_option("--smtp-user", smtp.user, "Log in to the SMTP server as this user");
  cmd.add_option("--smtp-password-file", smtp.password_file,
                 "A private file holding the SMTP password");
  cmd.add_option("--smtp-tls", tls, "required, opportunistic or none")->capture_default_str();
  cmd.add_option("--smtp-ca-file", smtp.ca_file,
                 "Trust the certificates in this PEM file instead of the system's");
}

void FillSmtpFromConfig(const Config& config, const CLI::App& cmd, SmtpOptions& smtp,
                        std::string& tls, const char* from_option, const char* from_name_option) {
  auto unset = [&](const char* option) { return cmd.get_option(option)->count() == 0; };
  const std::string* host = config.Text("smtp.host");
  if (unset("--smtp-url") && host != nullptr) {
    std::int64_t port = config.Number("smtp.port").value_or(587);
    smtp.url = fmt::format("{}://{}:{}", port == 465 ? "smtps" : "smtp", *host, port);
  }
  if (unset("--smtp-tls") && config.Flag("smtp.starttls") == false) tls = "opportunistic";
  if (const std::string* user = config.Text("smtp.user"); user && unset("--smtp-user"))
    smtp.user = *user;
  if (const std::string* file = config.Text("smtp.password_file");
      file && unset("--smtp-password-file"))
    smtp.password_file = *file;
  if (const std::string* file = config.Text("smtp.ca_file"); file && unset("--smtp-ca-file"))
    smtp.ca_file = *file;
  if (const std::string* from = config.Text("smtp.from"); from && unset(from_option)) {
    std::string_view text = *from;
    std::size_t open = text.rfind('<');
    if (open != std::string_view::npos && text.ends_with('>')) {
      smtp.from = std::string(text.substr(open + 1, text.size() - open - 2));
      std::string_view name = text.substr(0, open);
      while (!name.empty() && (name.back() == ' ' || name.back() == '"')) name.remove_suffix(1);
      while (!name.empty() && (name.front() == ' ' || name.front() == '"')) name.remove_prefix(1);
      if (!name.empty() && unset(from_name_option)) smtp.from_name = std::string(name);
    } else {
      smtp.from = *from;
    }
  }
}

int RunRemind(const CliContext& ctx, const RemindCommand& command) {
  if (auto problem = CheckUsage(command)) {
    ctx.err << "plenary: error: " << *problem << '\n';
    return kExitUsage;
  }
  RemindCommand c = command;
  if (c.send) {
    auto tls = ParseSmtpTls(c.smtp_tls);
    if (!tls) {
      ctx.err << "plenary: error: " << tls.error().message << '\n';
      return kExitUsage;
    }
    c.smtp.tls = *tls;
    if (Status s = CheckSmtpOptions(c.smtp); !s) {
      ctx.err << "plenary: error: " << s.error().message << '\n';
      return kExitUsage;
    }
  }
  ReminderOptions options{c.as_of ? *ParseIsoDate(*c.as_of) : ctx.today, c.window_days};
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  auto site = OpenSiteStore(ctx.db);
  if (!site.ok()) return Fail(ctx, site.error());
  auto registers = LoadRegisters(**store, c.group, options.as_of);
  if (!registers.ok()) return Fail(ctx, registers.error());
  RemindRun run(ctx, c, **store, **site);
  if (c.send) {
    auto sender = SmtpSender::Open(c.smtp);
    if (!sender.ok()) return Fail(ctx, sender.error());
    run.sender.emplace(std::move(*sender));
  }
  for (const GroupRegisters& group : *registers) {
    if (Status s = run.Group(group, options); !s) return Fail(ctx, s.error());
  }
  const Tally& t = run.tally();
  if (c.send)
    ctx.out << fmt::format("{} sent, {} already sent today, {} failed, {} not sendable\n", t.sent,
                           t.already, t.failed, t.unreachable);
  else
    ctx.out << fmt::format("dry run: {} would be sent, {} already sent today, {} not sendable\n",
                           t.dry, t.already, t.unreachable);
  return t.failed > 0 ? kExitFailure : kExitOk;
}

}  // namespace plenary
