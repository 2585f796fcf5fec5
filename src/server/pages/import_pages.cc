#include "server/pages/import_pages.h"

#include <fmt/format.h>

#include "core/date.h"
#include "core/workplan.h"
#include "importers/formats.h"
#include "server/pages/meeting_pages.h"
#include "server/pages/parts.h"

namespace plenary::pages {
namespace {

using html::HtmlWriter;

void Diagnostics(HtmlWriter& w, const std::vector<std::string>& warnings) {
  w.Element("h2", fmt::format("Diagnostics ({})", warnings.size()));
  if (warnings.empty()) {
    w.Element("p", "The notes read without a warning.", {{"class", "muted"}});
    return;
  }
  w.Open("ul", {{"class", "items diagnostics"}});
  for (const std::string& d : warnings)
    w.Open("li").Element("pre", d, {{"class", "diagnostic"}}).Close("li");
  w.Close("ul");
}

// A select of "detect" and every format, `chosen` selected (empty: detect).
void FormatSelect(HtmlWriter& w, const std::string& chosen) {
  w.Open("label", {{"for", "format"}}).Text("Format").Close("label");
  w.Open("select", {{"id", "format"}, {"name", "format"}});
  auto option = [&](std::string_view value, std::string_view label) {
    const bool selected = value == chosen || (chosen.empty() && value == "detect");
    w.Element("option", label, {{"value", value}, {selected ? "selected" : "", "selected"}});
  };
  option("detect", "Detect from the text");
  for (const MinutesFormat& f : MinutesFormats())
    option(f.name, fmt::format("{}: {}", f.name, f.description));
  w.Close("select");
}

// Which format each input was read as and why, and a form to read the same
// texts again as another format.
void FormatsRead(HtmlWriter& w, const ImportPreviewPage& p, const Viewer& v) {
  if (!p.plan || p.plan->formats.empty()) return;
  w.Element("h2", "Format");
  w.Open("ul", {{"class", "items formats-read"}});
  for (const ImportPlan::InputFormat& f : p.plan->formats)
    w.Open("li")
        .Element("strong", f.input)
        .Text(": read as " + f.format + " (" + f.why + ")")
        .Close("li");
  w.Close("ul");
  OpenPostForm(w, v, GroupPath(p.group, "import/preview"), "stack");
  w.Void("input", {{"type", "hidden"}, {"name", "name"}, {"value", p.notes_name}});
  w.Void("input", {{"type", "hidden"}, {"name", "notes"}, {"value", p.notes}});
  w.Void("input", {{"type", "hidden"}, {"name", "roster"}, {"value", p.roster}});
  FormatSelect(w, p.format);
  w.Element("button", "Read again", {{"type", "submit"}});
  w.Close("form");
}

void MatchCell(HtmlWriter& w, const PreviewMeeting& pm, std::size_t i) {
  const auto& match = i < pm.matches.size() ? pm.matches[i] : std::nullopt;
  w.Open("td");
  if (match) {
    w.Text("updates ");
    w.Link(ActionPath(pm.meeting->key.group, match->item_id), "#" + std::to_string(match->item_id),
           {{"title", match->text}});
  } else {
    w.Text("new item");
  }
  w.Close("td");
}

void PlannedActions(HtmlWriter& w, const PreviewMeeting& pm) {
  const Meeting& m = *pm.meeting;
  w.Element("h3", fmt::format("Action items ({})", m.actions.size()));
  w.Open("div", {{"class", "table-wrap"}}).Open("table", {{"class", "preview-actions"}});
  w.Element("caption", "Action items that will be recorded", {{"class", "vh"}});
  w.Open("thead").Open("tr");
  for (std::string_view h : {"Line", "Action", "Owners", "Due", "Status", "Register"})
    w.Element("th", h, {{"scope", "col"}});
  w.Close("tr").Close("thead").Open("tbody");
  for (std::size_t i = 0; i < m.actions.size(); ++i) {
    const ActionItem& a = m.actions[i];
    w.Open("tr").Element("td", std::to_string(a.line), {{"class", "num"}});
    w.Element("td", a.text).Element("td", OwnersText(a.owners));
    w.Element("td", DueText(a));
    w.Element("td", fmt::format("{}{} ({})", ActionStatusName(a.status),
                                a.written_status.empty() ? "" : ", " + a.written_status,
                                ActionSourceName(a.source)));
    MatchCell(w, pm, i);
    w.Close("tr");
  }
  w.Close("tbody").Close("table").Close("div");
}

void PlannedMeeting(HtmlWriter& w, const PreviewMeeting& pm) {
  const Meeting& m = *pm.meeting;
  w.Open("section", {{"class", "planned-meeting"}});
  w.Element("h2",
            fmt::format("{} {} — {}", m.key.group, MeetingLabel(m.key), FormatIsoDate(m.date)));
  if (pm.replaces_stored)
    w.Element("p", "This meeting is already in the register: its record will be replaced.",
              {{"class", "problem"}});
  w.Element("h3", "Attendance");
  AttendanceLists(w, pm.attendance);
  GuestsAndRemarks(w, m);
  PlannedActions(w, pm);
  w.Element("h3", fmt::format("Decisions ({})", m.decisions.size()));
  w.Open("ul", {{"class", "items"}});
  for (const Decision& d : m.decisions) {
    w.Open("li").Text(d.text).Element("span", fmt::format(" (line {})", d.line),
                                      {{"class", "muted"}});
    if (!d.body.empty()) w.Element("p", d.body);
    w.Close("li");
  }
  w.Close("ul").Close("section");
}

}  // namespace

html::TrustedHtml RenderImportForm(const ImportFormPage& p, const Viewer& v) {
  HtmlWriter w;
  w.Element("h1", "Import meeting notes");
  w.Element("p",
            "Paste the notes or choose a file. The next page shows what will be recorded; "
            "nothing is written until you confirm there.");
  if (!p.error.empty()) {
    w.Element("h2", "The notes could not be read");
    w.Element("pre", p.error, {{"class", "diagnostic"}, {"role", "alert"}});
  }
  w.Open("form", {{"method", "post"},
                  {"action", GroupPath(p.group, "import/preview")},
                  {"enctype", "multipart/form-data"},
                  {"class", "stack"}});
  w.Void("input", {{"type", "hidden"}, {"name", kCsrfField}, {"value", v.csrf_token}});
  w.Open("label", {{"for", "notes"}}).Text("Notes").Close("label");
  w.Element("textarea", p.notes, {{"id", "notes"}, {"name", "notes"}, {"rows", "18"}});
  w.Open("label", {{"for", "roster"}})
      .Text("Roster (optional: replaces the group's)")
      .Close("label");
  w.Element("textarea", p.roster, {{"id", "roster"}, {"name", "roster"}, {"rows", "8"}});
  w.Open("label", {{"for", "file"}}).Text("Or a notes file (plain text)").Close("label");
  w.Void("input", {{"type", "file"},
                   {"id", "file"},
                   {"name", "file"},
                   {"accept", ".txt,text/plain"},
                   {"data-fills", "notes"}});
  FormatSelect(w, p.format);
  w.Element("button", "Preview", {{"type", "submit"}});
  w.Close("form");
  return std::move(w).Done();
}

html::TrustedHtml RenderImportPreview(const ImportPreviewPage& p, const Viewer& v) {
  HtmlWriter w;
  w.Element("h1", "Preview of the import");
  w.Element("p", "Nothing has been recorded yet. Check what follows, then confirm.",
            {{"class", "notice"}});
  FormatsRead(w, p, v);
  for (const PreviewMeeting& pm : p.meetings) PlannedMeeting(w, pm);
  if (p.plan)
    for (const WorkPlan& plan : p.plan->batch.workplans)
      w.Element("p", "Would record the " + WorkPlanSummary(plan) + ".");
  Diagnostics(w, p.plan ? p.plan->warnings : std::vector<std::string>{});
  OpenPostForm(w, v, GroupPath(p.group, "import/confirm"), "stack");
  w.Void("input", {{"type", "hidden"}, {"name", "name"}, {"value", p.notes_name}});
  w.Void("input", {{"type", "hidden"}, {"name", "notes"}, {"value", p.notes}});
  w.Void("input", {{"type", "hidden"}, {"name", "roster"}, {"value", p.roster}});
  w.Void("input", {{"type", "hidden"}, {"name", "format"}, {"value", p.format}});
  w.Void("input", {{"type", "hidden"}, {"name", "binding"}, {"value", p.binding}});
  w.Element("button", "Confirm and record", {{"type", "submit"}});
  w.Close("form");
  w.Link(GroupPath(p.group, "import"), "Start again");
  return std::move(w).Done();
}

}  // namespace plenary::pages
