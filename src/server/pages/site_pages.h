// Pages outside any one group: signing in, the list of groups the viewer may
// see, search results across them, and error pages.
#pragma once

#include <string>
#include <vector>

#include "plenary/site.h"
#include "server/pages/layout.h"

namespace plenary::pages {

struct LoginPage {
  std::string login;  // as typed, after a refused attempt
  std::string error;  // "Wrong login or password."
  std::string next;   // a local path to go to after signing in
};
// POST /login with login, password, next and the CSRF field.
html::TrustedHtml RenderLogin(const LoginPage& page, const Viewer& viewer);

struct GroupSummary {
  std::string short_name;
  std::string full_name;
  int open_items = 0;
  int overdue_items = 0;
  int meetings = 0;
};
html::TrustedHtml RenderGroupList(const std::vector<GroupSummary>& groups);

struct SearchPage {
  std::string query;
  std::vector<SearchHit> hits;
};
html::TrustedHtml RenderSearch(const SearchPage& page);

// 403, 404, 500 and the like: a heading and one sentence, nothing from the
// request echoed but the (escaped) message given.
html::TrustedHtml RenderError(int status, const std::string& message);

}  // namespace plenary::pages
