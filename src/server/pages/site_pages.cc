#include "server/pages/site_pages.h"

#include <fmt/format.h>

#include "server/pages/parts.h"

namespace plenary::pages {
namespace {

using html::HtmlWriter;

std::string_view KindLabel(SearchKind kind) {
  switch (kind) {
    case SearchKind::kNote:
      return "Notes";
    case SearchKind::kAction:
      return "Action item";
    case SearchKind::kDecision:
      return "Decision";
    case SearchKind::kMeeting:
      return "Meeting";
  }
  return "";
}

std::string_view StatusTitle(int status) {
  switch (status) {
    case 400:
      return "Bad request";
    case 403:
      return "Not allowed";
    case 404:
      return "Not found";
    case 405:
      return "Method not allowed";
    case 413:
      return "Too large";
    default:
      return status >= 500 ? "Something went wrong" : "Request refused";
  }
}

}  // namespace

html::TrustedHtml RenderLogin(const LoginPage& p, const Viewer& v) {
  HtmlWriter w;
  w.Element("h1", "Sign in");
  if (!p.error.empty()) w.Element("p", p.error, {{"class", "problem"}, {"role", "alert"}});
  OpenPostForm(w, v, "/login", "stack");
  w.Void("input", {{"type", "hidden"}, {"name", "next"}, {"value", p.next}});
  w.Open("label", {{"for", "login"}}).Text("Login").Close("label");
  w.Void("input", {{"type", "text"},
                   {"id", "login"},
                   {"name", "login"},
                   {"value", p.login},
                   {"autocomplete", "username"},
                   {"required", "required"}});
  w.Open("label", {{"for", "password"}}).Text("Password").Close("label");
  w.Void("input", {{"type", "password"},
                   {"id", "password"},
                   {"name", "password"},
                   {"autocomplete", "current-password"},
                   {"required", "required"}});
  w.Element("button", "Sign in", {{"type", "submit"}});
  w.Close("form");
  return std::move(w).Done();
}

html::TrustedHtml RenderGroupList(const std::vector<GroupSummary>& groups) {
  HtmlWriter w;
  w.Element("h1", "Groups");
  if (groups.empty()) {
    w.Element("p", "No group is visible to you. Sign in to see your groups.", {{"class", "muted"}});
    return std::move(w).Done();
  }
  w.Open("div", {{"class", "cards"}});
  for (const GroupSummary& g : groups) {
    w.Open("section", {{"class", "card"}});
    w.Open("h2").Link(GroupPath(g.short_name), g.short_name).Close("h2");
    if (!g.full_name.empty()) w.Element("p", g.full_name);
    w.Element("p",
              fmt::format("{} meetings, {} open items, {} overdue", g.meetings, g.open_items,
                          g.overdue_items),
              {{"class", "muted"}});
    w.Close("section");
  }
  w.Close("div");
  return std::move(w).Done();
}

html::TrustedHtml RenderSearch(const SearchPage& p) {
  HtmlWriter w;
  w.Element("h1", "Search");
  w.Open("form",
         {{"method", "get"}, {"action", "/search"}, {"class", "filters"}, {"role", "search"}});
  w.Open("label").Text("Words");
  w.Void("input", {{"type", "search"}, {"name", "q"}, {"value", p.query}});
  w.Close("label").Element("button", "Search", {{"type", "submit"}}).Close("form");
  if (p.query.empty()) return std::move(w).Done();
  w.Element("p", fmt::format("{} result{}", p.hits.size(), p.hits.size() == 1 ? "" : "s"),
            {{"class", "muted"}, {"role", "status"}});
  w.Open("ol", {{"class", "items search-results"}});
  for (const SearchHit& h : p.hits) {
    w.Open("li").Element("strong", KindLabel(h.kind)).Text(" ");
    if (h.kind == SearchKind::kAction && h.action_id)
      w.Link(ActionPath(h.group, h.action_id), "#" + std::to_string(h.action_id)).Text(" ");
    w.Element("span", fmt::format("{} {} {}", h.group, h.meeting, h.date), {{"class", "muted"}});
    w.Element("p", h.snippet);
    w.Close("li");
  }
  w.Close("ol");
  return std::move(w).Done();
}

html::TrustedHtml RenderError(int status, const std::string& message) {
  HtmlWriter w;
  w.Element("h1", StatusTitle(status));
  w.Element("p", message);
  w.Open("p").Link("/", "Back to the groups").Close("p");
  return std::move(w).Done();
}

}  // namespace plenary::pages
