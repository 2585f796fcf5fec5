#include "server/pages/roster_page.h"

#include "core/date.h"
#include "publish/roster_text.h"

namespace plenary::pages {
namespace {

using html::HtmlWriter;

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string Membership(const Person& p) {
  if (!p.member_from && !p.member_to) return "whole term";
  return (p.member_from ? FormatIsoDate(*p.member_from) : std::string("start")) + " to " +
         (p.member_to ? FormatIsoDate(*p.member_to) : std::string("end"));
}

void People(HtmlWriter& w, const Roster& r) {
  w.Open("div", {{"class", "table-wrap"}}).Open("table");
  w.Element("caption", "People", {{"class", "vh"}});
  w.Open("thead").Open("tr");
  for (std::string_view h : {"Name", "Role", "Also written", "Membership"})
    w.Element("th", h, {{"scope", "col"}});
  w.Close("tr").Close("thead").Open("tbody");
  for (const Person& p : r.people) {
    w.Open("tr").Element("th", p.name, {{"scope", "row"}});
    w.Element("td", RoleName(p.role)).Element("td", Joined(p.aliases));
    w.Element("td", Membership(p)).Close("tr");
  }
  w.Close("tbody").Close("table").Close("div");
}

void SubTeams(HtmlWriter& w, const Roster& r) {
  if (r.subteams.empty()) return;
  w.Element("h2", "Sub-teams").Open("ul", {{"class", "items"}});
  for (const SubTeam& s : r.subteams) {
    w.Open("li").Element("strong", s.name);
    if (s.leader) w.Text(" — lead: " + *s.leader);
    if (!s.members.empty()) w.Text("; members: " + Joined(s.members));
    w.Close("li");
  }
  w.Close("ul");
}

void EditForm(HtmlWriter& w, const RosterPage& p, const Viewer& v) {
  w.Element("h2", "Edit the roster", {{"id", "edit"}});
  if (!p.error.empty()) w.Element("pre", p.error, {{"class", "diagnostic"}, {"role", "alert"}});
  OpenPostForm(w, v, GroupPath(p.group, "roster"), "stack");
  w.Open("label", {{"for", "roster-text"}})
      .Text("Roster, one person a line (see the roster format)");
  w.Close("label");
  const std::string text = p.submitted ? *p.submitted
                           : p.roster  ? RosterText(*p.roster)
                                       : "group: " + p.group + "\n";
  w.Element("textarea", text, {{"id", "roster-text"}, {"name", "roster"}, {"rows", "20"}});
  w.Element("button", "Save the roster", {{"type", "submit"}});
  w.Close("form");
}

}  // namespace

html::TrustedHtml RenderRoster(const RosterPage& p, const Viewer& v) {
  HtmlWriter w;
  w.Element("h1", "Roster");
  if (p.roster) {
    if (!p.roster->group.full_name.empty()) w.Element("p", p.roster->group.full_name);
    People(w, *p.roster);
    SubTeams(w, *p.roster);
  } else {
    w.Element("p", "This group has no roster yet.", {{"class", "muted"}});
  }
  if (p.may_edit) EditForm(w, p, v);
  return std::move(w).Done();
}

}  // namespace plenary::pages
