#include "app/import_codec.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace plenary {
namespace {

using json = nlohmann::json;

// A field that is not what the encoder writes: the whole message is refused.
struct Malformed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

template <typename T>
T Named(std::optional<T> parsed, const json& name) {
  if (!parsed) throw Malformed("unknown name " + name.dump());
  return *parsed;
}

json DateJson(const Date& d) {
  return json::array({static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                      static_cast<unsigned>(d.day())});
}
Date DateOf(const json& j) {
  return Date{std::chrono::year{j.at(0).get<int>()}, std::chrono::month{j.at(1).get<unsigned>()},
              std::chrono::day{j.at(2).get<unsigned>()}};
}

json OptionalDate(const std::optional<Date>& d) { return d ? DateJson(*d) : json(nullptr); }
std::optional<Date> OptionalDateOf(const json& j) {
  if (j.is_null()) return std::nullopt;
  return DateOf(j);
}

json OptionalText(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
std::optional<std::string> OptionalTextOf(const json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<std::string>();
}

json InputJson(const NamedInput& input) { return {{"name", input.name}, {"bytes", input.bytes}}; }
NamedInput InputOf(const json& j) {
  return {j.at("name").get<std::string>(), j.at("bytes").get<std::string>()};
}

json RosterJson(const Roster& r) {
  json people = json::array();
  for (const Person& p : r.people)
    people.push_back({{"name", p.name},
                      {"role", RoleName(p.role)},
                      {"aliases", p.aliases},
                      {"member_from", OptionalDate(p.member_from)},
                      {"member_to", OptionalDate(p.member_to)},
                      {"email", OptionalText(p.email)},
                      {"reminders", p.reminders},
                      {"affiliation", p.affiliation},
                      {"capacity", p.capacity ? json(CapacityName(*p.capacity)) : json(nullptr)}});
  json subteams = json::array();
  for (const SubTeam& s : r.subteams)
    subteams.push_back(
        {{"name", s.name}, {"leader", OptionalText(s.leader)}, {"members", s.members}});
  json organisations = json::array();
  for (const OrganisationAddress& o : r.organisations)
    organisations.push_back({{"name", o.name}, {"email", o.email}});
  return {{"group",
           {{"short_name", r.group.short_name},
            {"full_name", r.group.full_name},
            {"active_from", OptionalDate(r.group.active_from)},
            {"active_to", OptionalDate(r.group.active_to)}}},
          {"people", std::move(people)},
          {"subteams", std::move(subteams)},
          {"organisations", std::move(organisations)}};
}

Roster RosterOf(const json& j) {
  Roster r;
  const json& g = j.at("group");
  r.group = {g.at("short_name").get<std::string>(), g.at("full_name").get<std::string>(),
             OptionalDateOf(g.at("active_from")), OptionalDateOf(g.at("active_to"))};
  for (const json& p : j.at("people"))
    r.people.push_back(
        {p.at("name").get<std::string>(),
         Named(ParseRole(p.at("role").get<std::string>()), p.at("role")),
         p.at("aliases").get<std::vector<std::string>>(), OptionalDateOf(p.at("member_from")),
         OptionalDateOf(p.at("member_to")), OptionalTextOf(p.at("email")),
         p.at("reminders").get<bool>(), p.at("affiliation").get<std::string>(),
         p.at("capacity").is_null()
             ? std::nullopt
             : std::optional(
                   Named(ParseCapacity(p.at("capacity").get<std::string>()), p.at("capacity")))});
  for (const json& s : j.at("subteams"))
    r.subteams.push_back({s.at("name").get<std::string>(), OptionalTextOf(s.at("leader")),
                          s.at("members").get<std::vector<std::string>>()});
  for (const json& o : j.at("organisations"))
    r.organisations.push_back({o.at("name").get<std::string>(), o.at("email").get<std::string>()});
  return r;
}

json MilestonesJson(const std::vector<Milestone>& milestones) {
  json list = json::array();
  for (const Milestone& m : milestones)
    list.push_back({{"name", m.name}, {"date", DateJson(m.date)}});
  return list;
}
std::vector<Milestone> MilestonesOf(const json& j) {
  std::vector<Milestone> milestones;
  for (const json& m : j)
    milestones.push_back({m.at("name").get<std::string>(), DateOf(m.at("date"))});
  return milestones;
}

json TaskJson(const WorkPlanTask& t) {
  return {{"label", t.label},
          {"title", t.title},
          {"leader", t.leader},
          {"people", t.people},
          {"start", DateJson(t.start)},
          {"target", DateJson(t.target)},
          {"status", TaskStatusName(t.status)},
          {"items", t.items}};
}
WorkPlanTask TaskOf(const json& j) {
  return {j.at("label").get<std::string>(),
          j.at("title").get<std::string>(),
          j.at("leader").get<std::string>(),
          j.at("people").get<std::vector<std::string>>(),
          DateOf(j.at("start")),
          DateOf(j.at("target")),
          Named(ParseTaskStatus(j.at("status").get<std::string>()), j.at("status")),
          j.at("items").get<std::vector<std::int64_t>>()};
}

json WorkPlanJson(const WorkPlan& plan) {
  json subteams = json::array();
  for (const SubTeamPlan& s : plan.subteams) {
    json subtopics = json::array();
    for (const Subtopic& t : s.subtopics) {
      json tasks = json::array();
      for (const WorkPlanTask& task : t.tasks) tasks.push_back(TaskJson(task));
      subtopics.push_back({{"title", t.title}, {"tasks", std::move(tasks)}});
    }
    subteams.push_back({{"subteam", s.subteam},
                        {"subtopics", std::move(subtopics)},
                        {"milestones", MilestonesJson(s.milestones)}});
  }
  return {{"group", plan.group},
          {"milestones", MilestonesJson(plan.milestones)},
          {"subteams", std::move(subteams)}};
}
WorkPlan WorkPlanOf(const json& j) {
  WorkPlan plan{j.at("group").get<std::string>(), MilestonesOf(j.at("milestones")), {}};
  for (const json& s : j.at("subteams")) {
    SubTeamPlan subteam{s.at("subteam").get<std::string>(), {}, MilestonesOf(s.at("milestones"))};
    for (const json& t : s.at("subtopics")) {
      Subtopic subtopic{t.at("title").get<std::string>(), {}};
      for (const json& task : t.at("tasks")) subtopic.tasks.push_back(TaskOf(task));
      subteam.subtopics.push_back(std::move(subtopic));
    }
    plan.subteams.push_back(std::move(subteam));
  }
  return plan;
}

json OwnerJson(const Owner& o) { return {{"name", o.name}, {"kind", OwnerKindName(o.kind)}}; }
Owner OwnerOf(const json& j) {
  return {j.at("name").get<std::string>(),
          Named(ParseOwnerKind(j.at("kind").get<std::string>()), j.at("kind"))};
}

json ActionJson(const ActionItem& a) {
  json owners = json::array();
  for (const Owner& o : a.owners) owners.push_back(OwnerJson(o));
  return {{"text", a.text},
          {"owners", std::move(owners)},
          {"due", OptionalDate(a.due)},
          {"status", ActionStatusName(a.status)},
          {"source", ActionSourceName(a.source)},
          {"raised_by", a.raised_by ? OwnerJson(*a.raised_by) : json(nullptr)},
          {"line", a.line},
          {"written_status", a.written_status},
          {"due_phrase", a.due_phrase}};
}

ActionItem ActionOf(const json& j) {
  ActionItem a;
  a.text = j.at("text").get<std::string>();
  for (const json& o : j.at("owners")) a.owners.push_back(OwnerOf(o));
  a.due = OptionalDateOf(j.at("due"));
  a.status = Named(ParseActionStatus(j.at("status").get<std::string>()), j.at("status"));
  a.source = Named(ParseActionSource(j.at("source").get<std::string>()), j.at("source"));
  if (!j.at("raised_by").is_null()) a.raised_by = OwnerOf(j.at("raised_by"));
  a.line = j.at("line").get<int>();
  a.written_status = j.at("written_status").get<std::string>();
  a.due_phrase = j.at("due_phrase").get<std::string>();
  return a;
}

json MeetingJson(const Meeting& m) {
  json agenda = json::array(), actions = json::array(), decisions = json::array(),
       remarks = json::array();
  for (const AgendaSection& s : m.agenda)
    agenda.push_back({{"heading", s.heading}, {"notes", s.notes}, {"line", s.line}});
  for (const ActionItem& a : m.actions) actions.push_back(ActionJson(a));
  for (const Decision& d : m.decisions)
    decisions.push_back({{"text", d.text}, {"line", d.line}, {"body", d.body}});
  for (const AttendanceRemark& r : m.attendance_remarks)
    remarks.push_back({{"name", r.name}, {"remark", r.remark}});
  return {
      {"key", {{"group", m.key.group}, {"kind", m.key.kind}, {"number", m.key.number}}},
      {"date", DateJson(m.date)},
      {"start_utc",
       m.start_utc ? json::array({m.start_utc->hour, m.start_utc->minute}) : json(nullptr)},
      {"attendees", m.attendees},
      {"staff", m.staff},
      {"apologies", m.apologies},
      {"agenda", std::move(agenda)},
      {"record_url", OptionalText(m.record_url)},
      {"subteam", OptionalText(m.subteam)},
      {"actions", std::move(actions)},
      {"decisions", std::move(decisions)},
      {"guests", m.guests},
      {"attendance_remarks", std::move(remarks)},
  };
}

Meeting MeetingOf(const json& j) {
  Meeting m;
  const json& key = j.at("key");
  m.key = {key.at("group").get<std::string>(), key.at("kind").get<std::string>(),
           key.at("number").get<int>()};
  m.date = DateOf(j.at("date"));
  if (const json& t = j.at("start_utc"); !t.is_null())
    m.start_utc = TimeOfDay{t.at(0).get<int>(), t.at(1).get<int>()};
  m.attendees = j.at("attendees").get<std::vector<std::string>>();
  m.staff = j.at("staff").get<std::vector<std::string>>();
  m.apologies = j.at("apologies").get<std::vector<std::string>>();
  for (const json& s : j.at("agenda"))
    m.agenda.push_back({s.at("heading").get<std::string>(),
                        s.at("notes").get<std::vector<std::string>>(), s.at("line").get<int>()});
  m.record_url = OptionalTextOf(j.at("record_url"));
  m.subteam = OptionalTextOf(j.at("subteam"));
  for (const json& a : j.at("actions")) m.actions.push_back(ActionOf(a));
  for (const json& d : j.at("decisions"))
    m.decisions.push_back({d.at("text").get<std::string>(), d.at("line").get<int>(),
                           d.at("body").get<std::string>()});
  m.guests = j.at("guests").get<std::vector<std::string>>();
  for (const json& r : j.at("attendance_remarks"))
    m.attendance_remarks.push_back(
        {r.at("name").get<std::string>(), r.at("remark").get<std::string>()});
  return m;
}

json FormatsJson(const std::vector<ImportPlan::InputFormat>& formats) {
  json list = json::array();
  for (const ImportPlan::InputFormat& f : formats)
    list.push_back({{"input", f.input}, {"format", f.format}, {"why", f.why}});
  return list;
}

json PlanJson(const ImportPlan& plan) {
  json meetings = json::array();
  for (const MeetingImport& m : plan.batch.meetings)
    meetings.push_back({{"meeting", MeetingJson(m.meeting)},
                        {"source", {{"name", m.source.name}, {"sha256", m.source.sha256}}}});
  json workplans = json::array();
  for (const WorkPlan& w : plan.batch.workplans) workplans.push_back(WorkPlanJson(w));
  return {{"roster", plan.batch.roster ? RosterJson(*plan.batch.roster) : json(nullptr)},
          {"meetings", std::move(meetings)},
          {"workplans", std::move(workplans)},
          {"warnings", plan.warnings},
          {"formats", FormatsJson(plan.formats)}};
}

ImportPlan PlanOf(const json& j) {
  ImportPlan plan;
  if (!j.at("roster").is_null()) plan.batch.roster = RosterOf(j.at("roster"));
  for (const json& m : j.at("meetings")) {
    const json& source = m.at("source");
    plan.batch.meetings.push_back(
        {MeetingOf(m.at("meeting")),
         {source.at("name").get<std::string>(), source.at("sha256").get<std::string>()}});
  }
  for (const json& w : j.at("workplans")) plan.batch.workplans.push_back(WorkPlanOf(w));
  plan.warnings = j.at("warnings").get<std::vector<std::string>>();
  for (const json& f : j.at("formats"))
    plan.formats.push_back({f.at("input").get<std::string>(), f.at("format").get<std::string>(),
                            f.at("why").get<std::string>()});
  return plan;
}

constexpr ErrorKind kErrorKinds[] = {ErrorKind::kInvalidInput, ErrorKind::kNotFound,
                                     ErrorKind::kConflict,     ErrorKind::kPermissionDenied,
                                     ErrorKind::kStorage,      ErrorKind::kIO,
                                     ErrorKind::kInternal};

std::optional<ErrorKind> ErrorKindOf(std::string_view name) {
  for (ErrorKind kind : kErrorKinds)
    if (name == ErrorKindName(kind)) return kind;
  return std::nullopt;
}

// Runs `decode` (which returns a T or a Result<T>), turning a malformed
// message into an error of `kind`.
template <typename T, typename F>
Result<T> Decoded(std::string_view bytes, ErrorKind kind, std::string_view what, F decode) {
  try {
    return decode(json::from_cbor(bytes.begin(), bytes.end()));
  } catch (const json::exception& e) {
    return Error{kind, fmt::format("{} is malformed: {}", what, e.what())};
  } catch (const Malformed& e) {
    return Error{kind, fmt::format("{} is malformed: {}", what, e.what())};
  }
}

std::string Cbor(const json& j) {
  std::string out;
  json::to_cbor(j, out);
  return out;
}

}  // namespace

std::string EncodeParseJob(const ParseJob& job) {
  json notes = json::array(), rosters = json::array(), workplans = json::array(),
       known_workplans = json::array();
  for (const NamedInput& input : job.request.notes) notes.push_back(InputJson(input));
  for (const NamedInput& input : job.request.workplans) workplans.push_back(InputJson(input));
  for (const WorkPlan& w : job.request.known_workplans) known_workplans.push_back(WorkPlanJson(w));
  for (const Roster& r : job.known_rosters) rosters.push_back(RosterJson(r));
  const ImportRequest& r = job.request;
  return Cbor({{"notes", std::move(notes)},
               {"workplans", std::move(workplans)},
               {"known_workplans", std::move(known_workplans)},
               {"roster", r.roster ? InputJson(*r.roster) : json(nullptr)},
               {"year", r.year ? json(*r.year) : json(nullptr)},
               {"format", OptionalText(r.format)},
               {"group", OptionalText(r.group)},
               {"known_rosters", std::move(rosters)},
               {"cpu_seconds", job.cpu_seconds},
               {"address_space_bytes", job.address_space_bytes}});
}

Result<ParseJob> DecodeParseJob(std::string_view bytes) {
  return Decoded<ParseJob>(bytes, ErrorKind::kInvalidInput, "the parse job", [](const json& j) {
    ParseJob job;
    for (const json& input : j.at("notes")) job.request.notes.push_back(InputOf(input));
    for (const json& input : j.at("workplans")) job.request.workplans.push_back(InputOf(input));
    for (const json& w : j.at("known_workplans"))
      job.request.known_workplans.push_back(WorkPlanOf(w));
    if (!j.at("roster").is_null()) job.request.roster = InputOf(j.at("roster"));
    if (!j.at("year").is_null()) job.request.year = j.at("year").get<int>();
    job.request.format = OptionalTextOf(j.at("format"));
    job.request.group = OptionalTextOf(j.at("group"));
    for (const json& r : j.at("known_rosters")) job.known_rosters.push_back(RosterOf(r));
    job.cpu_seconds = j.at("cpu_seconds").get<int>();
    job.address_space_bytes = j.at("address_space_bytes").get<std::uint64_t>();
    return job;
  });
}

std::string EncodePlanResult(const Result<ImportPlan>& result) {
  if (!result.ok())
    return Cbor(
        {{"error",
          {{"kind", ErrorKindName(result.error().kind)}, {"message", result.error().message}}}});
  return Cbor({{"plan", PlanJson(*result)}});
}

Result<ImportPlan> DecodePlanResult(std::string_view bytes) {
  return Decoded<ImportPlan>(
      bytes, ErrorKind::kInternal, "the reader's answer", [](const json& j) -> Result<ImportPlan> {
        if (j.contains("plan")) return PlanOf(j.at("plan"));
        const json& error = j.at("error");
        return Error{Named(ErrorKindOf(error.at("kind").get<std::string>()), error.at("kind")),
                     error.at("message").get<std::string>()};
      });
}

}  // namespace plenary
