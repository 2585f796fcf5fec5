#include "cli/report_back_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <ostream>

#include "app/report_back.h"
#include "core/date.h"
#include "core/text.h"
#include "publish/attendance_log.h"
#include "publish/json.h"
#include "publish/registers.h"

namespace plenary {
namespace {

using json = nlohmann::ordered_json;

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

json ReportJson(const ReportBack& r, const Period& period) {
  auto items = [](const std::vector<RegisteredAction>& list) {
    json array = json::array();
    for (const RegisteredAction& a : list) {
      json item = RegisteredActionJson(a);
      item.erase("history");
      array.push_back(std::move(item));
    }
    return array;
  };
  json decisions = json::array(), attendance = json::array();
  for (const RegisteredDecision& d : r.decisions) decisions.push_back(RegisteredDecisionJson(d));
  for (const Participation& p : r.attendance)
    attendance.push_back({{"name", p.name},
                          {"held", p.held},
                          {"present", p.present},
                          {"apologies", p.apologies},
                          {"absent", p.absent},
                          {"rate", p.rate ? json(*p.rate) : json(nullptr)}});
  return {{"group", r.group},
          {"affiliation", r.affiliation},
          {"from", period.given_from ? json(FormatIsoDate(*period.given_from)) : json(nullptr)},
          {"to", period.given_to ? json(FormatIsoDate(*period.given_to)) : json(nullptr)},
          {"appointees", r.appointees},
          {"contact", r.contact ? json(*r.contact) : json(nullptr)},
          {"decisions", std::move(decisions)},
          {"opened", items(r.opened)},
          {"completed", items(r.completed)},
          {"owned", items(r.owned)},
          {"attendance", std::move(attendance)}};
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
  return cmd;
}

int RunReportBack(const CliContext& ctx, const ReportBackCommand& c) {
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
  auto registers = LoadRegisters(**store, c.group, ctx.today);
  if (!registers.ok()) return Fail(ctx, registers.error());
  auto report = BuildReportBack(registers->at(0), c.affiliation, period->from, period->to);
  if (!report.ok()) return Fail(ctx, report.error());
  if (c.json) {
    ctx.out << ReportJson(*report, *period).dump(2) << '\n';
  } else {
    PrintReport(ctx.out, *report, *period);
  }
  return kExitOk;
}

}  // namespace plenary
