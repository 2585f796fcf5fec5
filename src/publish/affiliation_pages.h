// Participation by appointing organisation (core/affiliation) and the report
// back for one (app/report_back) as the publication model and as JSON: the
// published attendance pages, the web app and the JSON API show the same
// tables and the same shapes as `plenary attendance --by-affiliation` and
// `plenary report-back`.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/report_back.h"
#include "core/affiliation.h"
#include "publish/attendance_log.h"
#include "publish/document.h"
#include "publish/registers.h"

namespace plenary {

// "report-back-gnso": the id of an affiliation's report back page.
std::string ReportBackPageId(const std::string& affiliation);

// One row per affiliation of `sums`, in their order ("No affiliation" for
// members with none): Affiliation (the row's header; linked to its report
// back page when `link_report_back`), Representatives, Individuals, Meetings
// expected (summed over its members), Attended, Apologies, Absent, Rate.
Table AffiliationTable(std::string caption, const std::vector<AffiliationParticipation>& sums,
                       bool link_report_back = false);

// "GNSO report back from SSR2, June 2017".
std::string ReportBackTitle(const ReportBack& report, const Period& period);

// The report as a page (id ReportBackPageId): the
// appointees, the contact address (only `with_contact`: addresses are for
// the group's own readers), then a table each of the decisions, the items
// opened, completed and owned (linking to the meetings' pages and the
// action register), and the appointees' attendance.
Document ReportBackDocument(const ReportBack& report, const Period& period, bool with_contact);

// A report back page for each of the roster's affiliations over every
// meeting, without contact addresses (published pages are read by anyone);
// none without a roster or affiliations.
std::vector<Document> ReportBackDocuments(const GroupRegisters& registers);

// {group, affiliation, from, to, appointees[], contact (null: none, or left
//  out without `with_contact`), decisions[], opened[], completed[], owned[]
//  (RegisteredActionJson without history), attendance[{name, held, present,
//  apologies, absent, rate}]}
nlohmann::ordered_json ReportBackJson(const ReportBack& report, const Period& period,
                                      bool with_contact = true);

}  // namespace plenary
