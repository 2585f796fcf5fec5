// The attendance page for a chosen period, person by person (the published
// attendance document) or by affiliation, and an affiliation's report back:
// the tables are publish's (the same as the published pages'), with a period
// form that works without JavaScript (a GET form) and links from each
// affiliation to its report back. Pure: values in, HTML out.
#pragma once

#include <string>
#include <vector>

#include "app/report_back.h"
#include "core/affiliation.h"
#include "plenary/model.h"
#include "publish/attendance_log.h"
#include "publish/formats/html_writer.h"
#include "publish/registers.h"

namespace plenary::pages {

// The period a page shows (its ends, inclusive).
struct PagePeriod {
  Date from;
  Date to;
};

// /g/G/attendance?by=affiliation&from=..&to=..
std::string AffiliationViewPath(const std::string& group, const PagePeriod& period);
// /g/G/report-back?affiliation=..&from=..&to=..
std::string ReportBackPath(const std::string& group, const std::string& affiliation,
                           const PagePeriod& period);

// A GET form to `action` with From and To dates and a submit button; each of
// `hidden` (name, value) as a hidden field, so the view stays the same.
void PeriodForm(html::HtmlWriter& w, const std::string& action, const PagePeriod& period,
                const std::vector<std::pair<std::string, std::string>>& hidden);

// The published attendance document of the period's meetings (`registers`
// holds only those), under a period form and a link to the view by
// affiliation.
html::TrustedHtml RenderAttendance(const GroupRegisters& registers, const Document& doc,
                                   const PagePeriod& period);

struct AffiliationAttendancePage {
  std::string group;
  PagePeriod period;
  std::size_t meetings = 0;       // the group-wide meetings in the period
  bool has_affiliations = false;  // the roster gives a member an affiliation
  std::vector<AffiliationParticipation> sums;
};
html::TrustedHtml RenderAffiliationAttendance(const AffiliationAttendancePage& page);

struct ReportBackPage {
  const GroupRegisters* registers = nullptr;  // for the links to meetings and items
  ReportBack report;
  PagePeriod period;
  bool with_contact = false;  // the viewer may see the roster's addresses
};
html::TrustedHtml RenderReportBack(const ReportBackPage& page);

}  // namespace plenary::pages
