// `plenary publish`: a thin shell over BuildPages and WritePages.
#include <fmt/format.h>

#include <functional>

#include "cli/commands.h"
#include "cli/progress.h"
#include "core/date.h"
#include "core/text.h"
#include "app/minutes.h"
#include "publish/pages.h"

namespace plenary {
namespace {

int Usage(const CliContext& ctx, const std::string& message) {
  ctx.err << "plenary: error: " << message << '\n';
  return kExitUsage;
}

// The formats asked for; nullopt on a bad name. "all" is every format that
// has the pages asked for: no calendar for a month's attendance, only the
// document formats for the meetings' pages alone.
std::optional<std::vector<PublishFormat>> Formats(const std::string& name, bool attendance,
                                                  bool meetings_only = false) {
  if (name == "all") {
    std::vector<PublishFormat> all = AllPublishFormats();
    if (attendance || meetings_only) std::erase(all, PublishFormat::kICal);
    if (meetings_only) {
      std::erase(all, PublishFormat::kCsv);
      std::erase(all, PublishFormat::kJson);
    }
    return all;
  }
  if (auto f = ParsePublishFormat(name)) return std::vector<PublishFormat>{*f};
  return std::nullopt;
}

std::optional<std::string> CheckUsage(const PublishCommand& command) {
  if (command.user || command.password_file)
    return "publish --user and --password-file go with --mediawiki URL";
  if (command.attendance && !command.month) return "publish --attendance needs --month YYYY-MM";
  if (command.month && !command.attendance)
    return "publish --month is for the monthly posting: give --attendance too";
  if (!command.attendance && !command.to) return "publish needs --to DIR";
  if (command.today && !ParseIsoDate(*command.today))
    return fmt::format("--today {}: expected a date YYYY-MM-DD", PrintableText(*command.today));
  return std::nullopt;
}

}  // namespace

PublishOptions PublishOptionsOf(const CliContext& ctx, const PublishCommand& command) {
  Date today = command.today ? *ParseIsoDate(*command.today) : ctx.today;
  std::optional<std::string> month = command.month;
  if (month == "previous") {
    std::chrono::year_month previous =
        std::chrono::year_month{today.year(), today.month()} - std::chrono::months{1};
    month = fmt::format("{:04}-{:02}", static_cast<int>(previous.year()),
                        static_cast<unsigned>(previous.month()));
  }
  return {command.group, PublishFormat::kMarkdown, today, month};
}

namespace {

// Builds the pages of each format with `build` and prints them, or writes
// them under `to` and says what it wrote.
int EmitPages(const CliContext& ctx, const std::vector<PublishFormat>& formats,
              const std::optional<std::string>& to, PublishOptions options,
              const std::function<Result<std::vector<PublishedPage>>(const PublishOptions&)>& build) {
  std::size_t written = 0, unchanged = 0, pages_done = 0;
  // Printed pages go to standard output: a line on standard error between
  // them would only be noise.
  ProgressLine progress(ctx.quiet || !to, "formats");
  for (std::size_t i = 0; i < formats.size(); ++i) {
    PublishFormat format = formats[i];
    progress.Update(i, formats.size(), fmt::format("publishing {}", PublishFormatName(format)),
                    pages_done);
    options.format = format;
    auto pages = build(options);
    if (!pages) {
      progress.Finish();
      if (pages.error().kind == ErrorKind::kInvalidInput) return Usage(ctx, pages.error().message);
      return Fail(ctx, pages.error());
    }
    if (!to) {
      for (const PublishedPage& page : *pages) ctx.out << page.content;
      continue;
    }
    auto report = WritePages(*to, *pages);
    progress.Finish();  // the lines below start on a clean line
    if (!report) return Fail(ctx, report.error());
    for (const std::string& file : report->written) ctx.out << "wrote " << file << '\n';
    written += report->written.size();
    unchanged += report->unchanged.size();
    pages_done += pages->size();
    progress.Update(i + 1, formats.size(), "publishing", pages_done);
  }
  progress.Finish();
  if (to)
    ctx.out << fmt::format("{} file{} written, {} unchanged, in {}\n", written,
                           written == 1 ? "" : "s", unchanged, *to);
  return kExitOk;
}

// "--format pdf: expected ..." for the option that names the output format.
std::string BadFormat(std::string_view option, const std::string& name) {
  return fmt::format("{} {}: expected markdown, html, confluence, mediawiki, "
                     "csv, json, ical or all",
                     option, PrintableText(name));
}

}  // namespace

int RunPublish(const CliContext& ctx, const PublishCommand& command) {
  if (command.mediawiki) return RunPublishToMediaWiki(ctx, command);
  if (auto problem = CheckUsage(command)) return Usage(ctx, *problem);
  std::optional<std::vector<PublishFormat>> formats = Formats(command.format, command.attendance);
  if (!formats) return Usage(ctx, BadFormat("--format", command.format));
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  return EmitPages(ctx, *formats, command.to, PublishOptionsOf(ctx, command),
                   [&](const PublishOptions& options) { return BuildPages(**store, options); });
}

int RunMinutes(const CliContext& ctx, const MinutesCommand& command) {
  std::optional<std::vector<PublishFormat>> formats =
      Formats(command.as, false, command.meetings_only);
  if (!formats) return Usage(ctx, BadFormat("--as", command.as));
  if (command.today && !ParseIsoDate(*command.today))
    return Usage(ctx, fmt::format("--today {}: expected a date YYYY-MM-DD",
                                  PrintableText(*command.today)));
  auto plan = PlanImportOfFiles(ctx, command.read, {}, {}, ForRegister::kNo);
  if (!plan) return Fail(ctx, plan.error());
  Date today = command.today ? *ParseIsoDate(*command.today) : ctx.today;
  std::vector<GroupRegisters> groups = RegistersOfMeetings(plan->batch, today);
  PublishOptions publish{std::nullopt, {}, today, {}};
  publish.meetings_only = command.meetings_only;
  return EmitPages(ctx, *formats, command.to, publish,
                   [&](const PublishOptions& options) { return RenderPages(groups, options); });
}

}  // namespace plenary
