// Attendance: the log (who was present, sent apologies or was absent at each
// meeting), or participation over a month or a period.
#include <fmt/format.h>

#include <algorithm>

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

// With a period, participation over it, from the period's meetings alone;
// without, the log a page of meetings at a time. Either is one range of the
// group's meetings read by date.
HttpResponse ShowAttendance(RouteCall& call) {
  auto list = ListRequestOf(call.request);
  if (!list.ok()) return ErrorResponse(list.error());
  auto period = PeriodOf(call.request);
  if (!period.ok()) return ErrorResponse(period.error());
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
    auto meetings =
        call.store().MeetingPage({*group, p.from, p.to, MeetingParts::kAttendance}, every);
    if (!meetings.ok()) return ErrorResponse(meetings.error());
    GroupLog log{*group, known, std::move(meetings->items)};
    for (const Block& block : BlocksOf(log, p.from, p.to))
      items.push_back(ParticipationJson(
          block, p, ParticipationOver(log.meetings, log.roster, p.from, p.to, block.subteam)));
    const std::size_t total = items.size();
    list->paging = Paging{1, std::max<std::size_t>(1, total)};
    return CacheableJson(call.request, ListJson(call.request, *list, total, "", std::move(items)));
  }
  auto meetings =
      call.store().MeetingPage({*group, {}, {}, MeetingParts::kAttendance}, list->store);
  if (!meetings.ok()) return ErrorResponse(meetings.error());
  for (const Meeting& m : meetings->items) items.push_back(AttendanceJson(AttendanceOf(m, known)));
  return CacheableJson(call.request, ListJson(call.request, *list, meetings->total, meetings->next,
                                              std::move(items)));
}

}  // namespace

void AddAttendanceRoutes(Router& router) {
  router.Add("GET", "/api/v1/groups/{group}/attendance", ShowAttendance);
}

}  // namespace plenary
