// `plenary publish`: a thin shell over BuildPages and WritePages.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/progress.h"
#include "core/date.h"
#include "core/text.h"
#include "publish/pages.h"

namespace plenary {
namespace {

int Usage(const CliContext& ctx, const std::string& message) {
  ctx.err << "plenary: error: " << message << '\n';
  return kExitUsage;
}

// The formats asked for; nullopt (after reporting) on a bad name.
std::optional<std::vector<PublishFormat>> Formats(const PublishCommand& command) {
  if (command.format == "all") {
    std::vector<PublishFormat> all = AllPublishFormats();
    if (command.attendance) std::erase(all, PublishFormat::kICal);
    return all;
  }
  if (auto f = ParsePublishFormat(command.format)) return std::vector<PublishFormat>{*f};
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

int RunPublish(const CliContext& ctx, const PublishCommand& command) {
  if (command.mediawiki) return RunPublishToMediaWiki(ctx, command);
  if (auto problem = CheckUsage(command)) return Usage(ctx, *problem);
  std::optional<std::vector<PublishFormat>> formats = Formats(command);
  if (!formats)
    return Usage(ctx, fmt::format("--format {}: expected markdown, html, confluence, mediawiki, "
                                  "csv, json, ical or all",
                                  PrintableText(command.format)));
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  PublishOptions options = PublishOptionsOf(ctx, command);
  std::size_t written = 0, unchanged = 0, pages_done = 0;
  // Printed pages go to standard output: a line on standard error between
  // them would only be noise.
  ProgressLine progress(ctx.quiet || !command.to, "formats");
  for (std::size_t i = 0; i < formats->size(); ++i) {
    PublishFormat format = (*formats)[i];
    progress.Update(i, formats->size(), fmt::format("publishing {}", PublishFormatName(format)),
                    pages_done);
    options.format = format;
    auto pages = BuildPages(**store, options);
    if (!pages) {
      progress.Finish();
      if (pages.error().kind == ErrorKind::kInvalidInput) return Usage(ctx, pages.error().message);
      return Fail(ctx, pages.error());
    }
    if (!command.to) {
      for (const PublishedPage& page : *pages) ctx.out << page.content;
      continue;
    }
    auto report = WritePages(*command.to, *pages);
    progress.Finish();  // the lines below start on a clean line
    if (!report) return Fail(ctx, report.error());
    for (const std::string& file : report->written) ctx.out << "wrote " << file << '\n';
    written += report->written.size();
    unchanged += report->unchanged.size();
    pages_done += pages->size();
    progress.Update(i + 1, formats->size(), "publishing", pages_done);
  }
  progress.Finish();
  if (command.to)
    ctx.out << fmt::format("{} file{} written, {} unchanged, in {}\n", written,
                           written == 1 ? "" : "s", unchanged, *command.to);
  return kExitOk;
}

}  // namespace plenary
