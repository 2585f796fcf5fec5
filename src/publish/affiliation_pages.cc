#include "publish/affiliation_pages.h"

#include <fmt/format.h>

#include <set>

#include "core/date.h"
#include "publish/json.h"
#include "publish/registers.h"

namespace plenary {
namespace {

using json = nlohmann::ordered_json;

Cell C(std::string text) { return Cell{Plain(std::move(text)), ""}; }

Table ItemTable(std::string caption, const std::vector<RegisteredAction>& items) {
  Table t{std::move(caption), {"Item", "Action", "Owners", "Due", "Status"}, {}, true};
  for (const RegisteredAction& a : items) {
    std::string owners = publish_detail::OwnerNames(a.item.owners);
    t.rows.push_back(
        {Cell{Linked(fmt::format("#{}", a.id), Link{kActionsPage, ItemAnchor(a.id), ""}), ""},
         C(a.item.text), C(owners.empty() ? "no owner" : owners),
         C(publish_detail::DueText(a.item)), C(publish_detail::StatusText(a.item))});
  }
  return t;
}

Table DecisionTable(std::string caption, const std::vector<RegisteredDecision>& decisions) {
  Table t{std::move(caption), {"Meeting", "Date", "Decision"}, {}, true};
  for (const RegisteredDecision& d : decisions)
    t.rows.push_back(
        {Cell{Linked(MeetingLabel(d.meeting), Link{MeetingPageId(d.meeting), "", ""}), ""},
         C(FormatIsoDate(d.meeting_date)), C(d.decision.text)});
  return t;
}

Table AttendanceTable(std::string caption, const std::vector<Participation>& rows) {
  Table t{std::move(caption),
          {"Appointee", "Meetings expected", "Attended", "Apologies", "Absent", "Rate"},
          {},
          true};
  for (const Participation& p : rows)
    t.rows.push_back({C(p.name), C(std::to_string(p.held)), C(std::to_string(p.present)),
                      C(std::to_string(p.apologies)), C(std::to_string(p.absent)),
                      C(RateText(p.rate))});
  return t;
}

// A heading, then the table or "None." when it has no rows.
void AddSection(Document& doc, std::string heading, std::string anchor, Table table) {
  doc.content.push_back(Heading{2, heading + fmt::format(" ({})", table.rows.size()), anchor});
  if (table.rows.empty()) {
    doc.content.push_back(Paragraph{Plain("None.")});
  } else {
    doc.content.push_back(std::move(table));
  }
}

}  // namespace

std::string ReportBackPageId(const std::string& affiliation) {
  return "report-back-" + Slug(affiliation);
}

Table AffiliationTable(std::string caption, const std::vector<AffiliationParticipation>& sums,
                       bool link_report_back) {
  Table t{std::move(caption),
          {"Affiliation", "Representatives", "Individuals", "Meetings expected", "Attended",
           "Apologies", "Absent", "Rate"},
          {},
          true};
  for (const AffiliationParticipation& a : sums) {
    std::string name = a.affiliation.empty() ? "No affiliation" : a.affiliation;
    bool linked = link_report_back && !a.affiliation.empty();
    t.rows.push_back(
        {Cell{linked ? Linked(std::move(name), Link{ReportBackPageId(a.affiliation), "", ""})
                     : Plain(std::move(name)),
              ""},
         C(std::to_string(a.representatives)), C(std::to_string(a.individuals)),
         C(std::to_string(a.held)), C(std::to_string(a.present)), C(std::to_string(a.apologies)),
         C(std::to_string(a.absent)), C(RateText(a.rate))});
  }
  return t;
}

std::string ReportBackTitle(const ReportBack& r, const Period& period) {
  return fmt::format("{} report back from {}, {}", r.affiliation, r.group, period.label);
}

Document ReportBackDocument(const ReportBack& r, const Period& period, bool with_contact) {
  Document doc{ReportBackPageId(r.affiliation),
               ReportBackTitle(r, period),
               publish_detail::WikiTitle(fmt::format("{}/Report back/{}", r.group, r.affiliation)),
               {},
               {}};
  std::string appointees;
  for (const std::string& name : r.appointees)
    appointees += (appointees.empty() ? "" : ", ") + name;
  doc.content.push_back(Paragraph{Plain(fmt::format(
      "What the members {} appointed should carry back to it: the group's decisions and the items "
      "opened and completed in the period, the open items they own, and their attendance.",
      r.affiliation))});
  doc.content.push_back(Paragraph{Plain("Appointees: " + appointees + ".")});
  if (with_contact)
    doc.content.push_back(Paragraph{
        Plain(r.contact ? "Contact: " + *r.contact + "."
                        : std::string("Contact: none on the roster (its organisation: line)."))});
  AddSection(doc, "Decisions", "decisions",
             DecisionTable("Decisions taken in the period", r.decisions));
  AddSection(doc, "Items opened", "opened", ItemTable("Items opened in the period", r.opened));
  AddSection(doc, "Items completed", "completed",
             ItemTable("Items completed in the period", r.completed));
  AddSection(doc, "Open items its appointees own", "owned",
             ItemTable("Open items owned by " + r.affiliation + "'s appointees", r.owned));
  AddSection(doc, "Attendance", "attendance",
             AttendanceTable("Appointees' attendance at the group's meetings", r.attendance));
  return doc;
}

std::vector<Document> ReportBackDocuments(const GroupRegisters& r) {
  std::vector<Document> out;
  if (!r.roster) return out;
  const Period all = AllMeetings();
  std::set<std::string> ids;
  for (const std::string& affiliation : RosterAffiliations(*r.roster)) {
    // "ALAC" and "ALAC!" would be one file: the first keeps it.
    if (!ids.insert(ReportBackPageId(affiliation)).second) continue;
    auto report = BuildReportBack(r, affiliation, all.from, all.to);
    if (!report.ok()) continue;
    Document doc = ReportBackDocument(*report, all, false);
    doc.navigation = publish_detail::NavigationBar(r, doc.id);
    out.push_back(std::move(doc));
  }
  return out;
}

json ReportBackJson(const ReportBack& r, const Period& period, bool with_contact) {
  auto items = [](const std::vector<RegisteredAction>& list) {
    json array = json::array();
    for (const RegisteredAction& a : list) {
      json item = RegisteredActionJson(a);
      item.erase("history");
      array.push_back(std::move(item));
    }
    return array;
  };
  json decisions = json::array(), attendance = json::array();
  for (const RegisteredDecision& d : r.decisions) decisions.push_back(RegisteredDecisionJson(d));
  for (const Participation& p : r.attendance)
    attendance.push_back({{"name", p.name},
                          {"held", p.held},
                          {"present", p.present},
                          {"apologies", p.apologies},
                          {"absent", p.absent},
                          {"rate", p.rate ? json(*p.rate) : json(nullptr)}});
  json out = {{"group", r.group},
              {"affiliation", r.affiliation},
              {"from", period.given_from ? json(FormatIsoDate(*period.given_from)) : json(nullptr)},
              {"to", period.given_to ? json(FormatIsoDate(*period.given_to)) : json(nullptr)},
              {"appointees", r.appointees}};
  if (with_contact) out["contact"] = r.contact ? json(*r.contact) : json(nullptr);
  out["decisions"] = std::move(decisions);
  out["opened"] = items(r.opened);
  out["completed"] = items(r.completed);
  out["owned"] = items(r.owned);
  out["attendance"] = std::move(attendance);
  return out;
}

}  // namespace plenary
