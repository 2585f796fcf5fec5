#include "server/pages/attendance_view.h"

#include <fmt/format.h>

#include "core/date.h"
#include "publish/affiliation_pages.h"
#include "publish/formats/html.h"
#include "server/pages/layout.h"
#include "server/pages/published_page.h"

namespace plenary::pages {
namespace {

using html::HtmlWriter;

Period PeriodOf(const PagePeriod& p) {
  Period period{p.from, p.to, "", p.from, p.to};
  period.label = PeriodLabel(period);
  return period;
}

void DateField(HtmlWriter& w, const char* name, const char* label, const Date& value) {
  w.Open("label").Text(label);
  w.Void("input", {{"type", "date"},
                   {"name", name},
                   {"value", FormatIsoDate(value)},
                   {"required", "required"}});
  w.Close("label");
}

}  // namespace

std::string AffiliationViewPath(const std::string& group, const PagePeriod& p) {
  return GroupPath(group, "attendance") +
         html::QueryString(
             {{"by", "affiliation"}, {"from", FormatIsoDate(p.from)}, {"to", FormatIsoDate(p.to)}});
}

std::string ReportBackPath(const std::string& group, const std::string& affiliation,
                           const PagePeriod& p) {
  return GroupPath(group, "report-back") + html::QueryString({{"affiliation", affiliation},
                                                              {"from", FormatIsoDate(p.from)},
                                                              {"to", FormatIsoDate(p.to)}});
}

void PeriodForm(HtmlWriter& w, const std::string& action, const PagePeriod& period,
                const std::vector<std::pair<std::string, std::string>>& hidden) {
  w.Open("form", {{"class", "filters"}, {"method", "get"}, {"action", action}});
  for (const auto& [name, value] : hidden)
    w.Void("input", {{"type", "hidden"}, {"name", name}, {"value", value}});
  DateField(w, "from", "From", period.from);
  DateField(w, "to", "To", period.to);
  w.Element("button", "Show", {{"type", "submit"}});
  w.Close("form");
}

html::TrustedHtml RenderAttendance(const GroupRegisters& r, const Document& doc,
                                   const PagePeriod& period) {
  HtmlWriter w;
  w.Element("h1", doc.title);
  w.Element("p", fmt::format("The {} meeting{} from {} to {}.", r.meetings.size(),
                             r.meetings.size() == 1 ? "" : "s", FormatIsoDate(period.from),
                             FormatIsoDate(period.to)));
  PeriodForm(w, GroupPath(r.group, "attendance"), period, {});
  w.Open("p").Link(AffiliationViewPath(r.group, period), "Attendance by affiliation");
  w.Close("p");
  // An affiliation's report back for the period shown, not the default one.
  const std::vector<std::string> affiliations =
      r.roster ? RosterAffiliations(*r.roster) : std::vector<std::string>{};
  WriteHtmlContent(w, doc.content, [&](const Link& link) {
    for (const std::string& a : affiliations)
      if (link.page == ReportBackPageId(a)) return ReportBackPath(r.group, a, period);
    return AppHref(r, link);
  });
  return std::move(w).Done();
}

html::TrustedHtml RenderAffiliationAttendance(const AffiliationAttendancePage& p) {
  HtmlWriter w;
  w.Element("h1", p.group + " attendance by affiliation");
  w.Element("p", fmt::format("The group's {} meeting{} from {} to {}, summed over the members and "
                             "liaisons each organisation appointed.",
                             p.meetings, p.meetings == 1 ? "" : "s", FormatIsoDate(p.period.from),
                             FormatIsoDate(p.period.to)));
  PeriodForm(w, GroupPath(p.group, "attendance"), p.period, {{"by", "affiliation"}});
  w.Open("p").Link(
      GroupPath(p.group, "attendance") + html::QueryString({{"from", FormatIsoDate(p.period.from)},
                                                            {"to", FormatIsoDate(p.period.to)}}),
      "Attendance person by person");
  w.Close("p");
  if (!p.has_affiliations) {
    w.Element("p",
              "The roster gives no member an affiliation: add \"| affiliation: NAME\" (and "
              "\"| capacity: representative\" or \"individual\") to its members' lines.");
    return std::move(w).Done();
  }
  w.Element("p", "Each organisation's name leads to its report back for the period.");
  Table table =
      AffiliationTable(fmt::format("Participation by affiliation, {} to {}",
                                   FormatIsoDate(p.period.from), FormatIsoDate(p.period.to)),
                       p.sums, true);
  WriteHtmlContent(w, {std::move(table)}, [&](const Link& link) {
    for (const AffiliationParticipation& a : p.sums)
      if (!a.affiliation.empty() && link.page == ReportBackPageId(a.affiliation))
        return ReportBackPath(p.group, a.affiliation, p.period);
    return GroupPath(p.group, "attendance");
  });
  return std::move(w).Done();
}

html::TrustedHtml RenderReportBack(const ReportBackPage& p) {
  const ReportBack& r = p.report;
  Document doc = ReportBackDocument(r, PeriodOf(p.period), p.with_contact);
  HtmlWriter w;
  w.Element("h1", doc.title);
  PeriodForm(w, GroupPath(r.group, "report-back"), p.period, {{"affiliation", r.affiliation}});
  w.Open("p").Link(AffiliationViewPath(r.group, p.period), "Attendance by affiliation");
  w.Close("p");
  WritePublishedContent(w, *p.registers, doc.content);
  return std::move(w).Done();
}

}  // namespace plenary::pages
