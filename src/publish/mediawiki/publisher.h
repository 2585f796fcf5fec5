// Publishing pages to a MediaWiki through its action API: log in, read what
// the wiki has, and create or update only the pages whose content differs,
// never touching a page that someone else created.
//
// A page plenary may edit is one whose first revision was made by the
// publishing account. An update names the revision it replaces
// (basetimestamp), so a human edit made between reading and writing is an
// edit conflict, reported and not overwritten. A human edit made earlier to a
// page plenary created is replaced by the register's content on the next
// publish (it stays in the page's history).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "plenary/result.h"
#include "publish/mediawiki/api.h"

namespace plenary::mediawiki {

struct WikiPage {
  std::string title;
  std::string wikitext;
};

struct WikiTarget {
  std::string url;   // the wiki's api.php, or the folder holding it
  std::string user;  // a bot password's login name, "Account@AppId"
  std::string password;
};

enum class PageOutcome {
  kCreated,
  kUpdated,
  kUnchanged,  // the wiki already has this content; nothing was sent
  kNotOurs,    // it exists and another account created it: left alone
  kConflict,   // changed or created by someone else while publishing: left alone
  kRefused,    // the wiki would not take it (invalid title, protection, filters)
};

// "created", "updated", "unchanged", "not-ours", "conflict", "refused".
const char* PageOutcomeName(PageOutcome outcome);

struct PageReport {
  std::string title;  // as given
  PageOutcome outcome = PageOutcome::kRefused;
  std::int64_t revision = 0;  // the page's latest revision afterwards; 0 if none
  std::string detail;         // why, for not-ours, conflict and refused
};

struct PublishReport {
  std::string account;            // the account the wiki logged us in as
  std::vector<PageReport> pages;  // in the order given
};

struct WikiPublishOptions {
  std::string summary = "Published by plenary from the register";
  ApiOptions api;
};

// The api.php address of `target`: as given when it ends in "api.php", else
// with "/api.php" appended. Only http:// and https:// are accepted.
Result<std::string> ApiUrl(std::string_view target);

// Wikitext as MediaWiki stores it, for comparing: line ends as "\n", Unicode
// NFC, trailing whitespace removed.
std::string NormaliseWikitext(std::string_view text);

// What publishing one page needs, given what the wiki has.
enum class PageStep { kCreate, kLeave, kUpdateIfOurs, kRefuse };
PageStep PlanPage(const RemotePage& remote, const WikiPage& page);

// Publishes `pages` (distinct titles). Errors (kInvalidInput for a refused
// login or bad pages, kIO for the wiki or the network) stop the publish;
// pages handled before the error keep what was done to them.
Result<PublishReport> PublishToMediaWiki(const WikiTarget& target,
                                         const std::vector<WikiPage>& pages,
                                         const WikiPublishOptions& options);

}  // namespace plenary::mediawiki
