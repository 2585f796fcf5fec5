// `plenary publish --mediawiki URL`: the wikitext pages of BuildPages sent to
// a MediaWiki through its API (publish/mediawiki/publisher.h).
#include <fmt/format.h>

#include <ostream>

#include "app/password_file.h"
#include "cli/commands.h"
#include "core/date.h"
#include "core/text.h"
#include "publish/mediawiki/publisher.h"
#include "publish/pages.h"

namespace plenary {
namespace {

std::optional<std::string> CheckUsage(const PublishCommand& command) {
  if (command.mediawiki && command.mediawiki->empty())
    return "publish --mediawiki needs the wiki's api.php URL (or mediawiki.api in the "
           "configuration file)";
  if (!command.user || !command.password_file)
    return "publish --mediawiki needs --user and --password-file";
  if (command.to) return "publish --mediawiki writes no files: leave out --to";
  if (command.format != "markdown" && command.format != "mediawiki")
    return "publish --mediawiki publishes wikitext: leave out --format";
  if (command.attendance != command.month.has_value())
    return "publish --attendance and --month go together";
  if (command.today && !ParseIsoDate(*command.today))
    return fmt::format("--today {}: expected a date YYYY-MM-DD", PrintableText(*command.today));
  return std::nullopt;
}

// A password sent in the clear is worth a word unless it stays on this host.
bool IsLoopback(std::string_view url) {
  for (std::string_view host : {"http://127.0.0.1", "http://localhost", "http://[::1]"})
    if (url.substr(0, host.size()) == host &&
        (url.size() == host.size() || url[host.size()] == ':' || url[host.size()] == '/'))
      return true;
  return false;
}

void PrintReport(const CliContext& ctx, const mediawiki::PublishReport& report,
                 const std::string& url) {
  std::map<mediawiki::PageOutcome, int> counts;
  for (const mediawiki::PageReport& page : report.pages) {
    ++counts[page.outcome];
    std::string title = PrintableText(page.title);
    switch (page.outcome) {
      case mediawiki::PageOutcome::kCreated:
      case mediawiki::PageOutcome::kUpdated:
        ctx.out << fmt::format("{} {} (revision {})\n", mediawiki::PageOutcomeName(page.outcome),
                               title, page.revision);
        break;
      case mediawiki::PageOutcome::kUnchanged:
        break;
      case mediawiki::PageOutcome::kNotOurs:
        ctx.err << fmt::format("plenary: warning: {}: left alone: {}\n", title,
                               PrintableText(page.detail));
        break;
      case mediawiki::PageOutcome::kConflict:
      case mediawiki::PageOutcome::kRefused:
        ctx.err << fmt::format("plenary: error: {}: not published ({}): {}\n", title,
                               mediawiki::PageOutcomeName(page.outcome),
                               PrintableText(page.detail));
        break;
    }
  }
  using enum mediawiki::PageOutcome;
  ctx.out << fmt::format(
      "{} created, {} updated, {} unchanged, {} not ours, {} conflicts, {} refused, on {} as {}\n",
      counts[kCreated], counts[kUpdated], counts[kUnchanged], counts[kNotOurs], counts[kConflict],
      counts[kRefused], url, PrintableText(report.account));
}

}  // namespace

int RunPublishToMediaWiki(const CliContext& ctx, const PublishCommand& command) {
  if (auto problem = CheckUsage(command)) {
    ctx.err << "plenary: error: " << *problem << '\n';
    return kExitUsage;
  }
  Result<std::string> url = mediawiki::ApiUrl(*command.mediawiki);
  if (!url) return Fail(ctx, url.error());
  if (url->substr(0, 5) == "http:" && !IsLoopback(*url))
    ctx.err << "plenary: warning: " << *url
            << " is not https: the password and the pages travel unencrypted\n";
  Result<std::string> password = ReadPasswordFile(*command.password_file);
  if (!password) return Fail(ctx, password.error());
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  PublishOptions options = PublishOptionsOf(ctx, command);
  options.format = PublishFormat::kMediaWiki;
  auto pages = BuildPages(**store, options);
  if (!pages && pages.error().kind == ErrorKind::kInvalidInput) {
    ctx.err << "plenary: error: " << pages.error().message << '\n';
    return kExitUsage;
  }
  if (!pages) return Fail(ctx, pages.error());

  std::vector<mediawiki::WikiPage> wiki_pages;
  for (PublishedPage& page : *pages)
    wiki_pages.push_back({std::move(page.name), std::move(page.content)});
  auto report = mediawiki::PublishToMediaWiki({*url, *command.user, *password}, wiki_pages, {});
  if (!report) return Fail(ctx, report.error());
  PrintReport(ctx, *report, *url);
  for (const mediawiki::PageReport& page : report->pages)
    if (page.outcome == mediawiki::PageOutcome::kConflict ||
        page.outcome == mediawiki::PageOutcome::kRefused)
      return kExitFailure;
  return kExitOk;
}

}  // namespace plenary
