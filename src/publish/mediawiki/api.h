// MediaWiki's action API (api.php): the few calls publishing needs, over one
// logged-in HttpSession. Every request asks for JSON format version 2 with
// plain-text errors and carries maxlag; a maxlag answer (or an HTTP 503 with
// Retry-After) is retried a few times, waiting as the wiki asks.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "plenary/result.h"
#include "publish/mediawiki/http_session.h"

namespace plenary::mediawiki {

struct ApiOptions {
  HttpOptions http;
  int maxlag_seconds = 5;
  int max_retries = 3;
  std::chrono::seconds max_retry_wait{30};
};

// An answer of the API that is valid JSON. `error_code` is empty on success;
// otherwise it and `error_text` are the first of the answer's errors.
struct ApiAnswer {
  nlohmann::json body;
  std::string error_code;
  std::string error_text;
};

// A page as the wiki has it now.
struct RemotePage {
  std::string title;  // as the wiki normalised it
  bool exists = false;
  std::string invalid_reason;  // non-empty when the wiki rejects the title
  std::int64_t revision = 0;   // the latest revision
  std::string timestamp;       // of the latest revision
  std::string content_model;
  std::string content;
};

struct EditRequest {
  std::string title;
  std::string text;
  std::string summary;
  bool create = false;         // createonly when true, nocreate when false
  std::string base_timestamp;  // for an update: the revision the text replaces
  std::string start_timestamp;
  // For an update: that revision's id. MediaWiki compares timestamps to the
  // second, so an edit made in the same second as the one read is caught
  // only by its id (baserevid).
  std::int64_t base_revision = 0;
};

enum class EditResult { kCreated, kUpdated, kNoChange, kConflict, kRefused };

struct EditOutcome {
  EditResult result = EditResult::kRefused;
  std::int64_t revision = 0;
  std::string message;  // for a conflict or a refusal, the wiki's words
};

// The string at `key` of a JSON object; empty when absent or not a string.
std::string JsonString(const nlohmann::json& object, const char* key);

// A message the API gives either as a string or, with errorformat, as an
// object carrying its text.
std::string MessageText(const nlohmann::json& message);

class Api {
 public:
  // `api_url` is the wiki's api.php.
  static Result<Api> Open(std::string api_url, ApiOptions options);

  const std::string& url() const { return url_; }

  // One request. Transport failures, HTTP errors and answers that are not
  // JSON are errors (kIO); the API's own errors are in the answer.
  Result<ApiAnswer> Call(FormFields params, bool post);
  // Call, with the API's errors turned into errors too (kIO, "CODE: text").
  Result<nlohmann::json> Query(FormFields params);

  // Logs in with action=login (a bot password, "User@AppId", or on wikis that
  // still allow it the main password) and returns the account's name. A
  // refused login is kInvalidInput with the wiki's reason.
  Result<std::string> Login(const std::string& user, const std::string& password);

  // The latest revision of each title, keyed by the title as given, in
  // batches of 50. `server_time` receives the wiki's clock when asked.
  Result<std::map<std::string, RemotePage>> ReadPages(const std::vector<std::string>& titles,
                                                      std::string* server_time);

  // Who made the first revision of an existing page; nullopt when the wiki
  // hides that user.
  Result<std::optional<std::string>> Creator(const std::string& title);

  // Edits as the logged-in `account` (asserted, so a lost session is an error
  // rather than an anonymous edit). Conflicts and refusals that concern only
  // this page are outcomes; losing the session, the token or the right to
  // edit at all are errors.
  Result<EditOutcome> Edit(const EditRequest& request, const std::string& account);

 private:
  Api(std::string url, ApiOptions options, HttpSession session);
  Result<std::string> Token(const std::string& type);
  Result<EditOutcome> UndoOverwrite(const std::string& title, std::int64_t ours,
                                    std::int64_t theirs, const std::string& account);

  std::string url_;
  ApiOptions options_;
  HttpSession session_;
  std::string csrf_token_;
};

}  // namespace plenary::mediawiki
