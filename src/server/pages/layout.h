// The frame every page of the web app shares: document head (viewport,
// title, the one stylesheet), skip link, site header with the signed-in user
// and a sign-out form, the group's section navigation, a notice, the page's
// <main>, and a footer. Pure: values in, HTML out.
#pragma once

#include <string>
#include <vector>

#include "publish/formats/html_writer.h"

namespace plenary::pages {

// Who is looking, as the pages need to know it.
struct Viewer {
  bool signed_in = false;
  std::string display_name;
  // The value every form echoes back in its "csrf" field: the session's
  // token, or, before sign-in, the pre-session token the login form carries.
  std::string csrf_token;
  bool can_edit = false;  // may import, edit items, edit the roster (this group)
};

// Which part of a group the page is in, for the navigation's current mark.
enum class Section {
  kNone,
  kHome,
  kActions,
  kMeetings,
  kDecisions,
  kAttendance,
  kWorkPlan,
  kRoster,
  kImport,
  kMine,
  kSearch
};

struct Frame {
  std::string title;  // the page's own title; " — plenary" is added
  Viewer viewer;
  std::string group;  // the group the page belongs to; empty on site pages
  Section section = Section::kNone;
  std::string notice;   // a one-line message after a change ("Item #4 is done")
  std::string problem;  // a one-line message about what went wrong
};

// The whole document.
std::string RenderPage(const Frame& frame, const html::TrustedHtml& main);

// Paths of the app, built in one place so that links and routes agree.
std::string GroupPath(const std::string& group);                           // /g/SSR2
std::string GroupPath(const std::string& group, const std::string& rest);  // /g/SSR2/REST

// <form method="post" action="ACTION" [class]> and its hidden CSRF field;
// the caller adds the fields and closes the form.
void OpenPostForm(html::HtmlWriter& w, const Viewer& viewer, std::string_view action,
                  std::string_view css_class = "", std::string_view confirm = "");

// The name of the hidden field every form carries its token in.
inline constexpr std::string_view kCsrfField = "csrf_token";

}  // namespace plenary::pages
