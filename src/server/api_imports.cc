// Importing notes over HTTP: the same PlanImport as `plenary import`, with
// dry_run=true answering exactly what would be recorded and writing nothing.
#include <fmt/format.h>

#include "app/importing.h"
#include "core/text.h"
#include "importers/formats.h"
#include "publish/json.h"
#include "publish/workplan_json.h"
#include "server/api.h"
#include "server/api_common.h"
#include "server/auth.h"
#include "server/import_planning.h"
#include "server/responses.h"

namespace plenary {
namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t kMaxFiles = 64;

Result<NamedInput> InputOf(const nlohmann::json& value, std::string_view what) {
  if (!value.is_object() || !value["name"].is_string() || !value["text"].is_string())
    return Error::InvalidInput(fmt::format("{}: expected {{\"name\": ..., \"text\": ...}}", what));
  return NamedInput{value["name"].get<std::string>(), value["text"].get<std::string>()};
}

// `format` (a name of MinutesFormats(), or "detect") and `group`, from the
// JSON body when it has them, else from the query.
Status TakeFormatAndGroup(const HttpRequest& http, const nlohmann::json* body,
                          ImportRequest& request) {
  for (const char* field : {"format", "group"}) {
    std::optional<std::string> value;
    if (body && body->contains(field) && !(*body)[field].is_null()) {
      if (!(*body)[field].is_string())
        return Error::InvalidInput(fmt::format("{}: expected a string", field));
      value = (*body)[field].get<std::string>();
    } else if (const std::string* query = FindParam(http.query, field)) {
      value = *query;
    }
    if (!value || value->empty()) continue;
    if (std::string_view(field) == "group") {
      request.group = *value;
    } else if (*value != "detect") {
      if (!FindMinutesFormat(*value)) {
        std::string known = "detect";
        for (const MinutesFormat& f : MinutesFormats()) known += fmt::format(", {}", f.name);
        return Error::InvalidInput(fmt::format("format: no format {}; one of {}", *value, known));
      }
      request.format = *value;
    }
  }
  return Status::Ok();
}

// A JSON body {notes: [{name, text}], roster?: {name, text}, year?, format?,
// group?}, or a text/plain body holding one notes file named by ?name=
// (?format= and ?group= as well).
Result<ImportRequest> ImportRequestOf(const HttpRequest& http) {
  ImportRequest request;
  if (AsciiLower(http.headers.Get("Content-Type")).rfind("text/plain", 0) == 0) {
    const std::string* name = FindParam(http.query, "name");
    request.notes.push_back({name ? *name : "notes.txt", http.body});
    if (Status taken = TakeFormatAndGroup(http, nullptr, request); !taken.ok())
      return taken.error();
    return request;
  }
  auto body = JsonBody(http);
  if (!body.ok()) return body.error();
  if (Status taken = TakeFormatAndGroup(http, &*body, request); !taken.ok()) return taken.error();
  const nlohmann::json& notes = (*body)["notes"];
  if (!notes.is_array() || notes.empty() || notes.size() > kMaxFiles)
    return Error::InvalidInput(fmt::format("notes: expected 1 to {} files", kMaxFiles));
  for (const nlohmann::json& file : notes) {
    auto input = InputOf(file, "notes");
    if (!input.ok()) return input.error();
    request.notes.push_back(std::move(*input));
  }
  if (body->contains("roster") && !(*body)["roster"].is_null()) {
    auto roster = InputOf((*body)["roster"], "roster");
    if (!roster.ok()) return roster.error();
    request.roster = std::move(*roster);
  }
  if (body->contains("year") && !(*body)["year"].is_null()) {
    const nlohmann::json& year = (*body)["year"];
    if (!year.is_number_integer() || year.get<int>() < 1900 || year.get<int>() > 2999)
      return Error::InvalidInput("year: expected a year from 1900 to 2999");
    request.year = year.get<int>();
  }
  return request;
}

// Notes and roster must all be of the group the path names: a group's
// secretariat cannot write into another group through its own.
Status SameGroup(const ImportPlan& plan, const std::string& group) {
  if (plan.batch.roster && !EqualsNoCase(plan.batch.roster->group.short_name, group))
    return Error::InvalidInput(
        fmt::format("the roster is of {}, not {}", plan.batch.roster->group.short_name, group));
  for (const MeetingImport& m : plan.batch.meetings)
    if (!EqualsNoCase(m.meeting.key.group, group))
      return Error::InvalidInput(fmt::format("{}: the notes are of {}, not {}", m.source.name,
                                             m.meeting.key.group, group));
  for (const WorkPlan& w : plan.batch.workplans)
    if (!EqualsNoCase(w.group, group))
      return Error::InvalidInput(fmt::format("the work plan is of {}, not {}", w.group, group));
  return Status::Ok();
}

json PlanJson(const ImportPlan& plan, bool dry_run) {
  json formats = json::array();
  for (const ImportPlan::InputFormat& f : plan.formats)
    formats.push_back({{"input", f.input}, {"format", f.format}, {"why", f.why}});
  json meetings = json::array();
  for (const MeetingImport& m : plan.batch.meetings) meetings.push_back(MeetingJson(m.meeting));
  json workplans = json::array();
  for (const WorkPlan& w : plan.batch.workplans) workplans.push_back(WorkPlanJson(w));
  return {{"dry_run", dry_run},
          {"roster", plan.batch.roster ? RosterJson(*plan.batch.roster) : json(nullptr)},
          {"meetings", std::move(meetings)},
          {"workplans", std::move(workplans)},
          {"warnings", plan.warnings},
          {"formats", std::move(formats)}};
}

json ReportJson(const ImportReport& report) {
  json meetings = json::array();
  for (const MeetingImportReport& m : report.meetings)
    meetings.push_back({{"group", m.key.group},
                        {"kind", m.key.kind},
                        {"number", m.key.number},
                        {"outcome", ImportOutcomeName(m.outcome)}});
  json workplans = json::array();
  for (const WorkPlanImportReport& w : report.workplans)
    workplans.push_back({{"group", w.group}, {"outcome", ImportOutcomeName(w.outcome)}});
  return {{"roster", report.roster ? json(ImportOutcomeName(*report.roster)) : json(nullptr)},
          {"meetings", std::move(meetings)},
          {"workplans", std::move(workplans)}};
}

HttpResponse Import(RouteCall& call) {
  const std::string& group = call.Param("group");
  if (!May(call, Operation::kImport, group)) {
    if (VisibleGroup(call, group).ok()) return Forbidden("you may not import into this group");
    return Problem(404, fmt::format("no group {}", group));
  }
  const std::string* dry = FindParam(call.request.query, "dry_run");
  if (dry && *dry != "true" && *dry != "false")
    return Problem(400, "dry_run: expected true or false");
  const bool dry_run = dry && *dry == "true";
  auto request = ImportRequestOf(call.request);
  if (!request.ok()) return ErrorResponse(request.error());
  auto known = call.store().Rosters();
  if (!known.ok()) return ErrorResponse(known.error());
  // Notes that name no group are of the path's, spelled as stored.
  if (!request->group) {
    auto stored = VisibleGroup(call, group);
    request->group = stored.ok() ? *stored : group;
  }
  auto plan = PlanUpload(call, group, *request, *known);
  // A reader that failed in its child process: the server is fine, and says
  // what went wrong with this upload (PlanUpload logged it).
  if (!plan.ok() && plan.error().kind == ErrorKind::kInternal)
    return Problem(500, plan.error().message);
  if (!plan.ok()) return ErrorResponse(plan.error());
  if (Status same = SameGroup(*plan, group); !same.ok()) return ErrorResponse(same.error());
  json body = PlanJson(*plan, dry_run);
  if (dry_run) return JsonResponse(200, body);
  auto report = EditingOf(call).Import(ActorOf(call.viewer), plan->batch);
  if (!report.ok()) return ErrorResponse(report.error());
  body["recorded"] = ReportJson(*report);
  return JsonResponse(201, body);
}

}  // namespace

void AddImportRoutes(Router& router) {
  router.Add("POST", "/api/v1/groups/{group}/imports", Import);
}

}  // namespace plenary
