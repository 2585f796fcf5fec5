// Attendance: the log (who was present, sent apologies or was absent at each
// meeting), or participation over a month or a period.
#include <fmt/format.h>

#include "core/attendance.h"
#include "core/text.h"
#include "publish/attendance_log.h"
#include "server/api.h"
#include "server/api_common.h"
#include "server/responses.h"

namespace plenary {
namespace {

using json = nlohmann::ordered_json;

const Date kEarliest = Date{std::chrono::year{1900} / 1 / 1};
const Date kLatest = Date{std::chrono::year{2999} / 12 / 31};

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

HttpResponse ShowAttendance(RouteCall& call) {
  auto paging = PagingOf(call.request);
  if (!paging.ok()) return ErrorResponse(paging.error());
  auto period = PeriodOf(call.request);
  if (!period.ok()) return ErrorResponse(period.error());
  auto group = VisibleGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorResponse(group.error());
  auto roster = call.store().FindRoster(*group);
  if (!roster.ok()) return ErrorResponse(roster.error());
  auto meetings = call.store().Meetings();
  if (!meetings.ok()) return ErrorResponse(meetings.error());
  GroupLog log{*group, *roster ? &**roster : nullptr, {}};
  for (Meeting& m : *meetings)
    if (EqualsNoCase(m.key.group, *group)) log.meetings.push_back(std::move(m));
  json items = json::array();
  std::size_t total = 0;
  if (*period) {
    const Period& p = **period;
    for (const Block& block : BlocksOf(log, p.from, p.to))
      items.push_back(ParticipationJson(
          block, p, ParticipationOver(log.meetings, log.roster, p.from, p.to, block.subteam)));
    total = items.size();
    *paging = Paging{1, std::max<std::size_t>(1, total)};
  } else {
    total = log.meetings.size();
    auto [first, last] = PageRange(*paging, total);
    for (std::size_t i = first; i < last; ++i)
      items.push_back(AttendanceJson(AttendanceOf(log.meetings[i], log.roster)));
  }
  return CacheableJson(call.request, PagedJson(call.request, *paging, total, std::move(items)));
}

}  // namespace

void AddAttendanceRoutes(Router& router) {
  router.Add("GET", "/api/v1/groups/{group}/attendance", ShowAttendance);
}

}  // namespace plenary
