// What every HTML page route shares: who is looking (as the pages need it),
// the group a page is about (a private group is a 404 page to outsiders, as
// for a group that does not exist), form bodies with their CSRF token checked,
// and the responses: a page in its frame, an error page, a redirect after a
// change (303, so that reloading does not post again).
#pragma once

#include <optional>
#include <string>

#include "app/authorizer.h"
#include "app/editing.h"
#include "plenary/result.h"
#include "server/http_message.h"
#include "server/pages/layout.h"
#include "server/router.h"

namespace plenary {

// The viewer for the frame: signed in or not, name, CSRF token, and whether
// they may edit `group` (empty: no group).
pages::Viewer PageViewer(const RouteCall& call, const std::string& group = "");

// The frame of a group's page: its title, the viewer, the group's
// navigation with `section` marked, and the notice a redirect carried.
pages::Frame GroupFrame(const RouteCall& call, const std::string& group, std::string title,
                        pages::Section section);

// The group's short name as stored when it exists and the viewer may read
// it; NotFound otherwise (the same answer either way).
Result<std::string> PageGroup(RouteCall& call, const std::string& name);

// An HTML page: 200 (or `status`), no-store for signed-in viewers (pages
// show their own data), and the security headers every page carries
// (Content-Security-Policy without inline script, nosniff, no framing).
HttpResponse HtmlPage(int status, const pages::Frame& frame, const html::TrustedHtml& main);

// The error page for `error`: 404 for NotFound, 403 PermissionDenied, 400
// InvalidInput (its message shown, escaped), 500 otherwise (detail logged).
HttpResponse ErrorPage(const RouteCall& call, const Error& error);

// 303 See Other to a local path; `notice` is carried in ?done= so the page
// can say what happened.
HttpResponse Redirect(const std::string& path, const std::string& notice = "");

// The urlencoded or multipart/form-data body of a POST, after checking its CSRF field against the
// viewer's session token. PermissionDenied when the token is missing or
// wrong (nothing must be changed then); InvalidInput for a malformed body.
Result<QueryParams> CheckedForm(const RouteCall& call);

// The form field `name`, or empty.
std::string Field(const QueryParams& form, std::string_view name);

// The notice a redirect carried (?done=), cut short and as plain text.
std::string NoticeOf(const RouteCall& call);

}  // namespace plenary
