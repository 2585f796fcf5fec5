// Attendance: the log (who was present, sent apologies or was absent at each
// meeting), participation over a month or a period, by person or by
// appointing organisation; and an organisation's report back for a period.
#include <fmt/format.h>

#include <algorithm>

#include "app/report_back.h"
#include "core/attendance.h"
#include "core/text.h"
#include "publish/affiliation_pages.h"
#include "publish/attendance_log.h"
#include "publish/registers.h"
#include "server/access.h"
#include "server/api.h"
#include "server/api_common.h"
#include "server/responses.h"

namespace plenary {
namespace {

using json = nlohmann::ordered_json;

const Date kEarliest = Date{std::chrono::year{1900} / 1 / 1};
const Date kLatest = Date{std::chrono::year{2999} / 12 / 31};
// More meetings than a group holds: a period is read whole.
constexpr std::size_t kEveryMeeting = 1'000'000;

// ?month=YYYY-MM, or ?from and/or ?to; none: the log.
Result<std::optional<Period>> PeriodOf(const HttpRequest& request) {
  if (const std::string* month = FindParam(request.query, "month")) {
    auto period = ParseMonth(*month, "month");
    if (!period.ok()) return period.error();
    return std::optional<Period>(*period);
  }
  auto from = DateParam(request, "from");
  if (!from.ok()) return from.error();
  auto to = DateParam(request, "to");
  if (!to.ok()) return to.error();
  if (!*from && !*to) return std::optional<Period>();
  Period period{from->value_or(kEarliest), to->value_or(kLatest), "", *from, *to};
  if (period.to < period.from) return Error::InvalidInput("from is after to");
  period.label = PeriodLabel(period);
  return std::optional<Period>(period);
}

// ?by=affiliation: participation summed by appointing organisation; absent
// or "person": person by person.
Result<bool> ByAffiliation(const HttpRequest& request) {
  const std::string* by = FindParam(request.query, "by");
  if (!by || *by == "person") return false;
  if (*by == "affiliation") return true;
  return Error::InvalidInput("by: expected person or affiliation");
}

// With a period, participation over it, from the period's meetings alone;
// without, the log a page of meetings at a time. Either is one range of the
// group's stored attendance (Store::AttendancePage) read by date.
HttpResponse ShowAttendance(RouteCall& call) {
  auto list = ListRequestOf(call.request);
  if (!list.ok()) return ErrorResponse(list.error());
  auto by_affiliation = ByAffiliation(call.request);
  if (!by_affiliation.ok()) return ErrorResponse(by_affiliation.error());
  auto period = PeriodOf(call.request);
  if (!period.ok()) return ErrorResponse(period.error());
  if (*by_affiliation && !*period) period = std::optional<Period>(AllMeetings());
  auto group = VisibleGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorResponse(group.error());
  auto roster = call.store().FindRoster(*group);
  if (!roster.ok()) return ErrorResponse(roster.error());
  const Roster* known = *roster ? &**roster : nullptr;
  json items = json::array();
  if (*period) {
    const Period& p = **period;
    PageRequest every;
    every.limit = kEveryMeeting;
    auto stored = call.store().AttendancePage({*group, p.from, p.to}, every);
    if (!stored.ok()) return ErrorResponse(stored.error());
    GroupLog log{*group, known, MeetingsOf(stored->items), std::move(stored->items)};
    for (const Block& block : BlocksOf(log, p.from, p.to)) {
      std::vector<Participation> rows = ParticipationIn(block, p.from, p.to);
      if (!*by_affiliation) {
        items.push_back(ParticipationJson(block, p, rows));
      } else if (!block.subteam) {
        items.push_back(AffiliationsJson(block, p,
                                         known ? ParticipationByAffiliation(rows, *known)
                                               : std::vector<AffiliationParticipation>{}));
      }
    }
    const std::size_t total = items.size();
    list->paging = Paging{1, std::max<std::size_t>(1, total)};
    return CacheableJson(call.request, ListJson(call.request, *list, total, "", std::move(items)));
  }
  auto stored = call.store().AttendancePage({*group, {}, {}}, list->store);
  if (!stored.ok()) return ErrorResponse(stored.error());
  for (const MeetingAttendance& a : stored->items) items.push_back(AttendanceJson(a));
  return CacheableJson(
      call.request, ListJson(call.request, *list, stored->total, stored->next, std::move(items)));
}

// ?affiliation=NAME (required) and a period as for attendance (none: every
// meeting). The contact address only for the group's own people.
HttpResponse ShowReportBack(RouteCall& call) {
  const std::string* affiliation = FindParam(call.request.query, "affiliation");
  if (!affiliation || affiliation->empty())
    return ErrorResponse(Error::InvalidInput("affiliation: required, as the roster writes it"));
  auto period = PeriodOf(call.request);
  if (!period.ok()) return ErrorResponse(period.error());
  auto group = VisibleGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorResponse(group.error());
  const Period p = period->value_or(AllMeetings());
  auto report = ReadReportBack(call.store(), *group, *affiliation, p.from, p.to, Today());
  if (!report.ok()) return ErrorResponse(report.error());
  return CacheableJson(call.request,
                       JsonResponse(200, ReportBackJson(*report, p, SeesAddresses(call, *group))));
}

}  // namespace

void AddAttendanceRoutes(Router& router) {
  router.Add("GET", "/api/v1/groups/{group}/attendance", ShowAttendance);
  router.Add("GET", "/api/v1/groups/{group}/report-back", ShowReportBack);
}

}  // namespace plenary
