#include "publish/mediawiki/publisher.h"

#include <fmt/format.h>
#include <utf8proc.h>

#include <cstdlib>
#include <set>

namespace plenary::mediawiki {

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// MediaWiki normalises all input to NFC; text that is not valid UTF-8 is
// compared as it is.
std::string Nfc(std::string_view text) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(text.size()), &out,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0) return std::string(text);
  std::string composed(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
  std::free(out);
  return composed;
}

Status CheckPages(const std::vector<WikiPage>& pages) {
  std::set<std::string_view> titles;
  for (const WikiPage& page : pages) {
    if (page.title.empty()) return Error::InvalidInput("a page to publish has no title");
    if (!titles.insert(page.title).second)
      return Error::InvalidInput(fmt::format("two pages to publish are titled {}", page.title));
  }
  return Status::Ok();
}

// Titles the wiki folds together (case of the first letter, "_" for " ")
// would make two of our pages one.
Status CheckDistinctOnWiki(const std::map<std::string, RemotePage>& remote) {
  std::map<std::string, std::string> given_by_wiki_title;
  for (const auto& [given, page] : remote) {
    if (!page.invalid_reason.empty()) continue;
    auto [it, fresh] = given_by_wiki_title.emplace(page.title, given);
    if (!fresh)
      return Error::InvalidInput(fmt::format("the pages {} and {} are the same page {} on the wiki",
                                             it->second, given, page.title));
  }
  return Status::Ok();
}

PageReport FromEdit(const WikiPage& page, const RemotePage& remote, const EditOutcome& edit) {
  PageReport report{page.title, PageOutcome::kRefused, edit.revision, edit.message};
  switch (edit.result) {
    case EditResult::kCreated:
      report.outcome = PageOutcome::kCreated;
      break;
    case EditResult::kUpdated:
      report.outcome = PageOutcome::kUpdated;
      break;
    case EditResult::kNoChange:
      report.outcome = PageOutcome::kUnchanged;
      report.revision = remote.revision;
      break;
    case EditResult::kConflict:
      report.outcome = PageOutcome::kConflict;
      report.revision = remote.revision;
      break;
    case EditResult::kRefused:
      report.revision = remote.revision;
      break;
  }
  return report;
}

Result<PageReport> PublishPage(Api& api, const std::string& account, const WikiPage& page,
                               const RemotePage& remote, const std::string& now,
                               const std::string& summary) {
  PageReport report{page.title, PageOutcome::kUnchanged, remote.revision, {}};
  EditRequest edit{page.title,       page.wikitext, summary,        false,
                   remote.timestamp, now,           remote.revision};
  switch (PlanPage(remote, page)) {
    case PageStep::kLeave:
      return report;
    case PageStep::kRefuse:
      report.outcome = PageOutcome::kRefused;
      report.detail = "invalid title: " + remote.invalid_reason;
      return report;
    case PageStep::kCreate:
      edit.create = true;
      break;
    case PageStep::kUpdateIfOurs: {
      Result<std::optional<std::string>> creator = api.Creator(remote.title);
      if (!creator) return creator.error();
      if (*creator != account) {
        report.outcome = PageOutcome::kNotOurs;
        report.detail = "created by " + creator->value_or("a hidden user") + ", not " + account;
        return report;
      }
      break;
    }
  }
  Result<EditOutcome> outcome = api.Edit(edit, account);
  if (!outcome) return outcome.error();
  return FromEdit(page, remote, *outcome);
}

}  // namespace

const char* PageOutcomeName(PageOutcome outcome) {
  switch (outcome) {
    case PageOutcome::kCreated:
      return "created";
    case PageOutcome::kUpdated:
      return "updated";
    case PageOutcome::kUnchanged:
      return "unchanged";
    case PageOutcome::kNotOurs:
      return "not-ours";
    case PageOutcome::kConflict:
      return "conflict";
    case PageOutcome::kRefused:
      return "refused";
  }
  return "refused";
}

Result<std::string> ApiUrl(std::string_view target) {
  if (target.substr(0, 7) != "http://" && target.substr(0, 8) != "https://")
    return Error::InvalidInput(
        fmt::format("the wiki's address must start with http:// or https://: {}", target));
  if (EndsWith(target, "api.php")) return std::string(target);
  while (EndsWith(target, "/")) target.remove_suffix(1);
  return std::string(target) + "/api.php";
}

std::string NormaliseWikitext(std::string_view text) {
  std::string lf;
  lf.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      lf += text[i];
    } else if (i + 1 == text.size() || text[i + 1] != '\n') {
      lf += '\n';
    }
  }
  std::string out = Nfc(lf);
  // PHP's rtrim: space, tab, newline, carriage return, NUL, vertical tab.
  while (!out.empty() && std::string_view(" \t\n\r\v", 6).find(out.back()) != std::string::npos)
    out.pop_back();
  return out;
}

PageStep PlanPage(const RemotePage& remote, const WikiPage& page) {
  if (!remote.invalid_reason.empty()) return PageStep::kRefuse;
  if (!remote.exists) return PageStep::kCreate;
  if (remote.content_model == "wikitext" &&
      NormaliseWikitext(remote.content) == NormaliseWikitext(page.wikitext))
    return PageStep::kLeave;
  return PageStep::kUpdateIfOurs;
}

Result<PublishReport> PublishToMediaWiki(const WikiTarget& target,
                                         const std::vector<WikiPage>& pages,
                                         const WikiPublishOptions& options) {
  if (Status checked = CheckPages(pages); !checked) return checked.error();
  Result<std::string> url = ApiUrl(target.url);
  if (!url) return url.error();
  Result<Api> api = Api::Open(*url, options.api);
  if (!api) return api.error();
  PublishReport report;
  Result<std::string> account = api->Login(target.user, target.password);
  if (!account) return account.error();
  report.account = *account;

  std::vector<std::string> titles;
  for (const WikiPage& page : pages) titles.push_back(page.title);
  std::string now;
  Result<std::map<std::string, RemotePage>> remote = api->ReadPages(titles, &now);
  if (!remote) return remote.error();
  if (Status distinct = CheckDistinctOnWiki(*remote); !distinct) return distinct.error();

  for (const WikiPage& page : pages) {
    Result<PageReport> done =
        PublishPage(*api, report.account, page, remote->at(page.title), now, options.summary);
    if (!done)
      return Error{done.error().kind, fmt::format("{} (after {} of {} pages)", done.error().message,
                                                  report.pages.size(), pages.size())};
    report.pages.push_back(std::move(*done));
  }
  return report;
}

}  // namespace plenary::mediawiki
