// The page calls of Api: reading current revisions, a page's creator, and
// editing.
#include <fmt/format.h>

#include <array>
#include <string_view>

#include "publish/mediawiki/api.h"

namespace plenary::mediawiki {

using nlohmann::json;

namespace {

constexpr size_t kTitlesPerQuery = 50;  // the API's limit for ordinary accounts
constexpr int kMaxContinuations = 1000;

// The API's multi-value form that allows any character in a value: each
// value preceded by U+001F.
std::string MultiValue(std::vector<std::string>::const_iterator begin,
                       std::vector<std::string>::const_iterator end) {
  std::string out;
  for (auto it = begin; it != end; ++it) out += '\x1f' + *it;
  return out;
}

// Merges one answer's pages into `pages` (keyed by the normalised title): a
// continued answer may bring the revisions of a page listed before.
void MergePages(const json& query, std::map<std::string, RemotePage>& pages) {
  if (!query.contains("pages") || !query["pages"].is_array()) return;
  for (const json& page : query["pages"]) {
    RemotePage& remote = pages[JsonString(page, "title")];
    remote.title = JsonString(page, "title");
    if (page.value("invalid", false))
      remote.invalid_reason = page.contains("invalidreason") ? MessageText(page["invalidreason"])
                                                             : "the wiki does not accept it";
    if (page.value("missing", false) || page.value("invalid", false)) continue;
    remote.exists = true;
    if (!page.contains("revisions") || !page["revisions"].is_array() || page["revisions"].empty())
      continue;
    const json& revision = page["revisions"].front();
    remote.revision = revision.value("revid", std::int64_t{0});
    remote.timestamp = JsonString(revision, "timestamp");
    const json& main = revision["slots"]["main"];
    remote.content_model = JsonString(main, "contentmodel");
    remote.content = JsonString(main, "content");
  }
}

// Errors after which no further edit can succeed.
bool StopsEveryEdit(std::string_view code) {
  constexpr std::array<std::string_view, 12> kCodes = {
      "badtoken",    "assertuserfailed", "assertnameduserfailed", "assertbotfailed",
      "notloggedin", "readonly",         "ratelimited",           "blocked",
      "autoblocked", "writeapidenied",   "permissiondenied",      "mwoauth-invalid-authorization"};
  for (std::string_view c : kCodes)
    if (c == code) return true;
  return false;
}

bool IsConflict(std::string_view code) {
  return code == "editconflict" || code == "articleexists" || code == "missingtitle" ||
         code == "pagedeleted";
}

}  // namespace

Result<std::map<std::string, RemotePage>> Api::ReadPages(const std::vector<std::string>& titles,
                                                         std::string* server_time) {
  std::map<std::string, RemotePage> by_given_title;
  for (size_t first = 0; first < titles.size(); first += kTitlesPerQuery) {
    auto begin = titles.begin() + static_cast<std::ptrdiff_t>(first);
    auto end = titles.begin() +
               static_cast<std::ptrdiff_t>(std::min(titles.size(), first + kTitlesPerQuery));
    FormFields params = {
        {"action", "query"}, {"prop", "revisions"}, {"rvprop", "ids|timestamp|content"},
        {"rvslots", "main"}, {"curtimestamp", "1"}, {"titles", MultiValue(begin, end)}};
    std::map<std::string, RemotePage> pages;
    std::map<std::string, std::string> normalised;
    for (int round = 0;; ++round) {
      if (round == kMaxContinuations)
        return Error::IO(fmt::format("{}: the answer continues without end", url_));
      Result<json> body = Query(params);
      if (!body) return body.error();
      if (server_time && server_time->empty()) *server_time = JsonString(*body, "curtimestamp");
      const json& query = (*body)["query"];
      if (query.contains("normalized") && query["normalized"].is_array())
        for (const json& n : query["normalized"])
          normalised[JsonString(n, "from")] = JsonString(n, "to");
      MergePages(query, pages);
      if (!body->contains("continue") || !(*body)["continue"].is_object()) break;
      for (const auto& [key, value] : (*body)["continue"].items())
        params.emplace_back(key, value.is_string() ? value.get<std::string>() : value.dump());
    }
    for (auto it = begin; it != end; ++it) {
      auto n = normalised.find(*it);
      auto page = pages.find(n == normalised.end() ? *it : n->second);
      if (page == pages.end())
        return Error::IO(fmt::format("{}: the answer does not mention the page {}", url_, *it));
      by_given_title[*it] = page->second;
    }
  }
  return by_given_title;
}

Result<std::optional<std::string>> Api::Creator(const std::string& title) {
  Result<json> body = Query({{"action", "query"},
                             {"prop", "revisions"},
                             {"titles", title},
                             {"rvdir", "newer"},
                             {"rvlimit", "1"},
                             {"rvprop", "user"}});
  if (!body) return body.error();
  const json& pages = (*body)["query"]["pages"];
  if (!pages.is_array() || pages.empty() || !pages[0].contains("revisions") ||
      !pages[0]["revisions"].is_array() || pages[0]["revisions"].empty())
    return Error::IO(fmt::format("{}: no first revision of {}", url_, title));
  std::string user = JsonString(pages[0]["revisions"][0], "user");
  if (user.empty()) return std::optional<std::string>();
  return std::optional<std::string>(user);
}

Result<EditOutcome> Api::Edit(const EditRequest& request, const std::string& account) {
  FormFields params = {{"action", "edit"},           {"title", request.title},
                       {"text", request.text},       {"summary", request.summary},
                       {"contentmodel", "wikitext"}, {"bot", "1"},
                       {"assertuser", account}};
  if (request.create) {
    params.emplace_back("createonly", "1");
  } else {
    params.emplace_back("nocreate", "1");
    params.emplace_back("basetimestamp", request.base_timestamp);
    if (request.base_revision > 0)
      params.emplace_back("baserevid", std::to_string(request.base_revision));
  }
  if (!request.start_timestamp.empty())
    params.emplace_back("starttimestamp", request.start_timestamp);
  params.emplace_back("token", csrf_token_);  // last, so a truncated POST lacks it
  Result<ApiAnswer> answer = Call(std::move(params), /*post=*/true);
  if (!answer) return answer.error();
  EditOutcome outcome;
  if (!answer->error_code.empty()) {
    if (StopsEveryEdit(answer->error_code))
      return Error::IO(fmt::format("{}: editing {}: {}: {}", url_, request.title,
                                   answer->error_code, answer->error_text));
    outcome.result = IsConflict(answer->error_code) ? EditResult::kConflict : EditResult::kRefused;
    outcome.message = answer->error_code + ": " + answer->error_text;
    return outcome;
  }
  const json& edit = answer->body["edit"];
  if (JsonString(edit, "result") != "Success") {
    outcome.message = "the wiki did not save the edit: " + edit.dump();
    return outcome;
  }
  outcome.revision = edit.value("newrevid", std::int64_t{0});
  if (edit.value("nochange", false))
    outcome.result = EditResult::kNoChange;
  else
    outcome.result = edit.value("new", false) ? EditResult::kCreated : EditResult::kUpdated;
  const std::int64_t parent = edit.value("oldrevid", std::int64_t{0});
  if (outcome.result == EditResult::kUpdated && request.base_revision > 0 && parent != 0 &&
      parent != request.base_revision)
    return UndoOverwrite(request.title, outcome.revision, parent, account);
  return outcome;
}

// MediaWiki lets an edit through over a revision saved in the same second as
// basetimestamp when no later revision exists (its self-conflict check counts
// revisions strictly newer than that second). The saved edit's parent then is
// not the revision we read: put the other revision back and report a conflict.
Result<EditOutcome> Api::UndoOverwrite(const std::string& title, std::int64_t ours,
                                       std::int64_t theirs, const std::string& account) {
  FormFields params = {{"action", "edit"},
                       {"title", title},
                       {"undo", std::to_string(ours)},
                       {"undoafter", std::to_string(theirs)},
                       {"summary", "plenary: restore an edit saved while publishing"},
                       {"nocreate", "1"},
                       {"bot", "1"},
                       {"assertuser", account},
                       {"token", csrf_token_}};
  Result<ApiAnswer> answer = Call(std::move(params), /*post=*/true);
  if (!answer) return answer.error();
  if (!answer->error_code.empty())
    return Error::IO(
        fmt::format("{}: {}: revision {} was saved while publishing and could not "
                    "be restored: {}: {}",
                    url_, title, theirs, answer->error_code, answer->error_text));
  EditOutcome outcome;
  outcome.result = EditResult::kConflict;
  outcome.message = fmt::format(
      "editconflict: revision {} was saved while plenary was publishing; plenary's edit undone",
      theirs);
  return outcome;
}

}  // namespace plenary::mediawiki
