#include "server/pages/layout.h"

#include "publish/assets.h"

namespace plenary::pages {
namespace {

using html::HtmlWriter;

struct NavEntry {
  Section section;
  std::string_view label;
  std::string_view path;  // under the group
  bool needs_edit;
};

constexpr NavEntry kGroupNav[] = {
    {Section::kHome, "Home", "", false},
    {Section::kActions, "Action items", "actions", false},
    {Section::kMeetings, "Meetings", "meetings", false},
    {Section::kDecisions, "Decisions", "decisions", false},
    {Section::kAttendance, "Attendance", "attendance", false},
    {Section::kWorkPlan, "Work plan", "workplan", false},
    {Section::kRoster, "Roster", "roster", false},
    {Section::kImport, "Import notes", "import", true},
};

void SiteHeader(HtmlWriter& w, const Frame& f) {
  w.Open("header", {{"class", "site"}});
  w.Link("/", "plenary", {{"class", "brand"}});
  if (f.viewer.signed_in) {
    w.Open("form",
           {{"class", "search"}, {"method", "get"}, {"action", "/search"}, {"role", "search"}});
    w.Element("label", "Search", {{"for", "site-search"}, {"class", "vh"}});
    w.Void("input", {{"type", "search"},
                     {"id", "site-search"},
                     {"name", "q"},
                     {"placeholder", "Search notes, items, decisions"}});
    w.Close("form");
  }
  w.Open("div", {{"class", "who"}});
  if (f.viewer.signed_in) {
    w.Link("/my", "My items", {{"aria-current", f.section == Section::kMine ? "page" : ""}});
    w.Element("span", f.viewer.display_name);
    OpenPostForm(w, f.viewer, "/logout");
    w.Element("button", "Sign out", {{"type", "submit"}});
    w.Close("form");
  } else {
    w.Link("/login", "Sign in");
  }
  w.Close("div").Close("header");
}

void GroupNav(HtmlWriter& w, const Frame& f) {
  if (f.group.empty()) return;
  w.Open("nav", {{"class", "sections"}, {"aria-label", "Group sections"}}).Open("ul");
  for (const NavEntry& e : kGroupNav) {
    if (e.needs_edit && !f.viewer.can_edit) continue;
    const std::string path =
        e.path.empty() ? GroupPath(f.group) : GroupPath(f.group, std::string(e.path));
    const bool current = e.section == f.section;
    w.Open("li").Link(path, e.label, {{current ? "aria-current" : "", "page"}}).Close("li");
  }
  w.Close("ul").Close("nav");
}

}  // namespace

std::string GroupPath(const std::string& group) { return "/g/" + html::UrlSegment(group); }

std::string GroupPath(const std::string& group, const std::string& rest) {
  return GroupPath(group) + "/" + rest;
}

void OpenPostForm(HtmlWriter& w, const Viewer& viewer, std::string_view action,
                  std::string_view css_class, std::string_view confirm) {
  w.Open("form", {{"method", "post"},
                  {"action", action},
                  {css_class.empty() ? "" : "class", css_class},
                  {confirm.empty() ? "" : "data-confirm", confirm}});
  w.Void("input", {{"type", "hidden"}, {"name", kCsrfField}, {"value", viewer.csrf_token}});
}

std::string RenderPage(const Frame& f, const html::TrustedHtml& main) {
  const std::string title = (f.group.empty() ? f.title : f.title + " — " + f.group) + " — plenary";
  HtmlWriter w;
  w.Raw("<!DOCTYPE html>\n");
  w.Open("html", {{"xmlns", "http://www.w3.org/1999/xhtml"}, {"lang", "en"}});
  w.Open("head");
  w.Void("meta", {{"charset", "utf-8"}});
  w.Void("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
  w.Element("title", title);
  w.Void("link", {{"rel", "stylesheet"}, {"href", AssetUrl("style.css")}});
  w.Void("link", {{"rel", "icon"}, {"href", AssetUrl("favicon.svg")}, {"type", "image/svg+xml"}});
  w.Open("script", {{"src", AssetUrl("app.js")}, {"defer", "defer"}}).Close("script");
  w.Close("head").Open("body");
  w.Link("#main", "Skip to content", {{"class", "skip"}});
  SiteHeader(w, f);
  GroupNav(w, f);
  w.Open("main", {{"id", "main"}, {"tabindex", "-1"}});
  if (!f.notice.empty()) w.Element("p", f.notice, {{"class", "notice"}, {"role", "status"}});
  if (!f.problem.empty()) w.Element("p", f.problem, {{"class", "problem"}, {"role", "alert"}});
  w.Raw(main);
  w.Close("main");
  w.Open("footer", {{"class", "site"}}).Text("plenary — the group's registers").Close("footer");
  w.Close("body").Close("html");
  return std::move(w).Done().str();
}

}  // namespace plenary::pages
