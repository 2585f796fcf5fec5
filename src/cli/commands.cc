#include "cli/commands.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "app/editing.h"
#include "app/importing.h"
#include "cli/progress.h"
#include "cli/site_commands.h"
#include "cli/text_table.h"
#include "core/attendance.h"
#include "core/date.h"
#include "core/meeting_label.h"
#include "core/workplan.h"
#include "importers/formats.h"
#include "importers/source_text.h"
#include "plenary/store.h"
#include "publish/json.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

// The SQLite file a store URL names, or nullopt for a server URL.
std::optional<std::string> SqlitePath(const std::string& url) {
  if (url.rfind("sqlite:", 0) == 0) return url.substr(7);
  if (url.find("://") != std::string::npos) return std::nullopt;
  return url;
}

bool StoreExists(const std::string& url) {
  auto path = SqlitePath(url);
  return !path || fs::exists(*path);
}

Result<NamedInput> ReadInputFile(const std::string& path) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status))
    return Error::IO(fmt::format("cannot read {}: no such file", path));
  if (!fs::is_regular_file(status))
    return Error::IO(fmt::format("cannot read {}: not a file", path));
  const std::size_t limit = SourceLimits{}.max_bytes;
  std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > limit) {
    return Error::InvalidInput(FormatDiagnostic(
        path, 1, 1,
        fmt::format("file too large: {} bytes, notes are limited to {} bytes", size, limit), ""));
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in && !in.eof()) return Error::IO(fmt::format("cannot read {}", path));
  return NamedInput{path, bytes.str()};
}

std::string MeetingTitle(const MeetingKey& key) { return key.group + " " + MeetingLabel(key); }

std::string Plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string MeetingSummary(const Meeting& m) {
  return fmt::format("{}, {}{}: {}, {}, {}, {}, {}", MeetingTitle(m.key), FormatIsoDate(m.date),
                     m.start_utc ? " " + FormatTime(*m.start_utc) + " UTC" : "",
                     Plural(m.actions.size(), "action item", "action items"),
                     Plural(m.decisions.size(), "decision", "decisions"),
                     Plural(m.attendees.size(), "attendee", "attendees"),
                     Plural(m.staff.size(), "staff", "staff"),
                     Plural(m.apologies.size(), "apology", "apologies")) +
         (m.guests.empty() ? "" : ", " + Plural(m.guests.size(), "guest", "guests"));
}

// "open", or "open (in progress)" when the notes wrote their own word for it.
std::string StatusText(const ActionItem& item) {
  std::string text(ActionStatusName(item.status));
  if (!item.written_status.empty()) text += " (" + item.written_status + ")";
  return text;
}

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : std::string(separator)) + s;
  return out;
}

std::string OwnerNames(const ActionItem& item) {
  std::vector<std::string> names;
  for (const Owner& o : item.owners) names.push_back(o.name);
  return names.empty() ? "(unassigned)" : Join(names, ", ");
}

}  // namespace

int Fail(const CliContext& ctx, const Error& error) {
  ctx.err << "plenary: error: " << error.message << '\n';
  return kExitFailure;
}

Result<std::unique_ptr<Store>> OpenExistingStore(const CliContext& ctx) {
  if (!StoreExists(ctx.db)) {
    return Error::NotFound(
        fmt::format("no register at {}; import notes first "
                    "(plenary import FILE), or give --db",
                    ctx.db));
  }
  return OpenStore(ctx.db);
}

int RunFormats(const CliContext& ctx, bool json) {
  if (json) {
    auto list = nlohmann::ordered_json::array();
    for (const MinutesFormat& f : MinutesFormats())
      list.push_back({{"name", f.name}, {"description", f.description}});
    ctx.out << list.dump(2) << '\n';
    return kExitOk;
  }
  std::size_t width = 0;
  for (const MinutesFormat& f : MinutesFormats()) width = std::max(width, f.name.size());
  for (const MinutesFormat& f : MinutesFormats())
    ctx.out << fmt::format("{:<{}}  {}\n", f.name, width, f.description);
  return kExitOk;
}

namespace {

// Which format each file was read as: one line per file, or one line for a
// run of files read as the same format for the same reason.
void ReportFormats(const CliContext& ctx, const std::vector<ImportPlan::InputFormat>& formats) {
  for (std::size_t i = 0; i < formats.size();) {
    std::size_t j = i + 1;
    while (j < formats.size() && formats[j].format == formats[i].format &&
           formats[j].why == formats[i].why)
      ++j;
    const std::string what = j - i == 1 ? formats[i].input : fmt::format("{} files", j - i);
    ctx.err << PrintableText(fmt::format("{}: read as {} ({})", what, formats[i].format,
                                         formats[i].why))
            << '\n';
    i = j;
  }
}

}  // namespace

Result<ImportPlan> PlanImportOfFiles(const CliContext& ctx, const ImportCommand& command,
                                     const std::vector<Roster>& known,
                                     const std::vector<WorkPlan>& known_workplans,
                                     ForRegister for_register) {
  if (command.format && !FindMinutesFormat(*command.format))
    return Error::InvalidInput(
        fmt::format("unknown format '{}' (`plenary formats` lists them)", *command.format));
  ImportRequest request;
  request.year = command.year;
  request.format = command.format;
  request.group = command.group;
  request.digest_sources = for_register == ForRegister::kYes;
  for (const std::string& file : command.files) {
    auto input = ReadInputFile(file);
    if (!input.ok()) return input.error();
    request.notes.push_back(std::move(*input));
  }
  if (command.roster) {
    auto input = ReadInputFile(*command.roster);
    if (!input.ok()) return input.error();
    request.roster = std::move(*input);
  }
  for (const std::string& file : command.workplans) {
    auto input = ReadInputFile(file);
    if (!input.ok()) return input.error();
    request.workplans.push_back(std::move(*input));
  }
  if (request.notes.empty() && !request.roster && request.workplans.empty())
    return Error::InvalidInput("nothing to import: give notes FILEs, --roster or --workplan");
  request.known_workplans = known_workplans;
  ProgressLine progress(ctx.quiet, "files");
  const std::size_t total = request.notes.size();
  // One file is over before a line would help.
  if (total > 1)
    request.on_input_read = [&](std::size_t done, std::size_t items) {
      progress.Update(done, total, "reading minutes", items);
    };
  auto plan = PlanImport(request, known);
  progress.Finish();
  if (!plan.ok()) return plan.error();
  ReportFormats(ctx, plan->formats);
  for (const std::string& warning : plan->warnings) ctx.err << warning << '\n';
  return plan;
}

int RunImport(const CliContext& ctx, const ImportCommand& command) {
  // Rosters already in the register resolve names; a register that does not
  // exist yet is not created until the notes have been read without error.
  std::vector<Roster> known;
  std::vector<WorkPlan> known_workplans;
  std::unique_ptr<Store> store;
  if (StoreExists(ctx.db)) {
    auto opened = OpenStore(ctx.db);
    if (!opened.ok()) return Fail(ctx, opened.error());
    store = std::move(*opened);
    auto rosters = store->Rosters();
    if (!rosters.ok()) return Fail(ctx, rosters.error());
    known = std::move(*rosters);
    for (const Roster& roster : known) {
      auto plan = store->FindWorkPlan(roster.group.short_name);
      if (!plan.ok()) return Fail(ctx, plan.error());
      if (*plan) known_workplans.push_back(std::move(**plan));
    }
  }
  auto plan = PlanImportOfFiles(ctx, command, known, known_workplans);
  if (!plan.ok()) return Fail(ctx, plan.error());
  const std::size_t total = command.files.size();
  ProgressLine progress(ctx.quiet, "files");
  if (command.dry_run) {
    if (command.json) {
      auto meetings = nlohmann::ordered_json::array();
      for (const auto& m : plan->batch.meetings) meetings.push_back(MeetingJson(m.meeting));
      ctx.out << meetings.dump(2) << '\n';
    } else {
      for (const auto& m : plan->batch.meetings)
        ctx.out << "would record " << PrintableText(MeetingSummary(m.meeting)) << '\n';
      for (const WorkPlan& w : plan->batch.workplans)
        ctx.out << "would record " << PrintableText(WorkPlanSummary(w)) << '\n';
      ctx.out << "dry run: nothing written\n";
    }
    return kExitOk;
  }
  if (!store) {
    auto opened = OpenStore(ctx.db);
    if (!opened.ok()) return Fail(ctx, opened.error());
    store = std::move(*opened);
  }
  auto site = OpenSiteStore(ctx.db);
  if (!site.ok()) return Fail(ctx, site.error());
  if (total > 1)
    progress.Update(total, total, fmt::format("writing {} meetings", plan->batch.meetings.size()));
  auto report = Editing(*store, **site).Import(CommandLineActor(), plan->batch);
  progress.Finish();
  if (!report.ok()) return Fail(ctx, report.error());
  if (report->roster && plan->batch.roster) {
    ctx.out << fmt::format("roster {}: {} ({})\n", plan->batch.roster->group.short_name,
                           ImportOutcomeName(*report->roster),
                           Plural(plan->batch.roster->people.size(), "person", "people"));
  }
  for (const MeetingImportReport& entry : report->meetings) {
    // A meeting given twice is reported once, as its last version.
    auto same = [&](const MeetingImport& m) { return m.meeting.key == entry.key; };
    auto it = std::find_if(plan->batch.meetings.rbegin(), plan->batch.meetings.rend(), same);
    std::string summary =
        it != plan->batch.meetings.rend() ? MeetingSummary(it->meeting) : MeetingTitle(entry.key);
    ctx.out << PrintableText(summary) << " [" << ImportOutcomeName(entry.outcome) << "]\n";
  }
  for (std::size_t i = 0; i < report->workplans.size() && i < plan->batch.workplans.size(); ++i)
    ctx.out << PrintableText(WorkPlanSummary(plan->batch.workplans[i])) << " ["
            << ImportOutcomeName(report->workplans[i].outcome) << "]\n";
  return kExitOk;
}

int RunMeetings(const CliContext& ctx, bool json) {
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  auto meetings = (*store)->Meetings();
  if (!meetings.ok()) return Fail(ctx, meetings.error());
  if (json) {
    auto array = nlohmann::ordered_json::array();
    for (const Meeting& m : *meetings) array.push_back(MeetingJson(m));
    ctx.out << array.dump(2) << '\n';
    return kExitOk;
  }
  TextTable table(
      {"Date", "Start", "Meeting", "Attendees", "Staff", "Apologies", "Actions", "Decisions"});
  for (const Meeting& m : *meetings) {
    table.AddRow({FormatIsoDate(m.date), m.start_utc ? FormatTime(*m.start_utc) + " UTC" : "",
                  MeetingTitle(m.key), std::to_string(m.attendees.size()),
                  std::to_string(m.staff.size()), std::to_string(m.apologies.size()),
                  std::to_string(m.actions.size()), std::to_string(m.decisions.size())});
  }
  table.Print(ctx.out);
  return kExitOk;
}

int RunActions(const CliContext& ctx, const ActionsCommand& command) {
  Date as_of = ctx.today;
  if (command.as_of) {
    auto parsed = ParseIsoDate(*command.as_of);
    if (!parsed) {
      ctx.err << "plenary: error: --as-of " << PrintableText(*command.as_of)
              << ": expected a date YYYY-MM-DD\n";
      return kExitUsage;
    }
    as_of = *parsed;
  }
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  ActionQuery query;
  query.open_only = command.open_only;
  query.owner = command.owner;
  if (command.overdue) query.overdue_as_of = as_of;
  auto actions = (*store)->Actions(query);
  if (!actions.ok()) return Fail(ctx, actions.error());
  if (command.json) {
    auto array = nlohmann::ordered_json::array();
    for (const auto& a : *actions) array.push_back(RegisteredActionJson(a));
    ctx.out << array.dump(2) << '\n';
    return kExitOk;
  }
  for (const RegisteredAction& a : *actions) {
    std::string due = a.item.due                   ? "due " + FormatIsoDate(*a.item.due)
                      : !a.item.due_phrase.empty() ? "due " + a.item.due_phrase
                                                   : "no due date";
    if (a.item.due && a.item.status == ActionStatus::kOpen && *a.item.due < as_of) {
      auto late = (std::chrono::sys_days{as_of} - std::chrono::sys_days{*a.item.due}).count();
      due += fmt::format(" (overdue {} day{})", late, late == 1 ? "" : "s");
    }
    ctx.out << fmt::format("#{:<4} {:<9} {}  {}\n", a.id, PrintableText(StatusText(a.item)),
                           PrintableText(due), PrintableText(OwnerNames(a.item)));
    ctx.out << "      " << PrintableText(a.item.text) << '\n';
    ctx.out << fmt::format("      ({}, {}, from the {})\n", MeetingTitle(a.meeting),
                           FormatIsoDate(a.meeting_date), ActionSourceName(a.item.source));
  }
  if (actions->empty()) ctx.out << "no action items match\n";
  return kExitOk;
}

int RunDecisions(const CliContext& ctx, bool json) {
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  auto decisions = (*store)->Decisions();
  if (!decisions.ok()) return Fail(ctx, decisions.error());
  if (json) {
    auto array = nlohmann::ordered_json::array();
    for (const auto& d : *decisions) array.push_back(RegisteredDecisionJson(d));
    ctx.out << array.dump(2) << '\n';
    return kExitOk;
  }
  TextTable table({"Date", "Meeting", "Decision"});
  for (const auto& d : *decisions)
    table.AddRow({FormatIsoDate(d.meeting_date), MeetingTitle(d.meeting), d.decision.text});
  table.Print(ctx.out);
  return kExitOk;
}

namespace {

// "2017-08-01 to 2018-06-30", "from 2017-08-01", "to 2018-06-30", or "".
std::string Membership(const Person& p) {
  if (p.member_from && p.member_to)
    return FormatIsoDate(*p.member_from) + " to " + FormatIsoDate(*p.member_to);
  if (p.member_from) return "from " + FormatIsoDate(*p.member_from);
  if (p.member_to) return "to " + FormatIsoDate(*p.member_to);
  return "";
}

}  // namespace

int RunRoster(const CliContext& ctx, bool json) {
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  auto rosters = (*store)->Rosters();
  if (!rosters.ok()) return Fail(ctx, rosters.error());
  if (json) {
    auto array = nlohmann::ordered_json::array();
    for (const Roster& r : *rosters) array.push_back(RosterJson(r));
    ctx.out << array.dump(2) << '\n';
    return kExitOk;
  }
  for (const Roster& r : *rosters) {
    ctx.out << PrintableText(fmt::format("{}: {}", r.group.short_name, r.group.full_name));
    if (r.group.active_from) ctx.out << ", active from " << FormatIsoDate(*r.group.active_from);
    if (r.group.active_to) ctx.out << " to " << FormatIsoDate(*r.group.active_to);
    ctx.out << '\n';
    TextTable table({"Name", "Role", "Aliases", "Membership"});
    for (const Person& p : r.people)
      table.AddRow({p.name, std::string(RoleName(p.role)), Join(p.aliases, ", "), Membership(p)});
    table.Print(ctx.out);
    for (const SubTeam& s : r.subteams) {
      ctx.out << PrintableText(fmt::format("sub-team {}: {}{}", s.name, Join(s.members, ", "),
                                           s.leader ? " (lead: " + *s.leader + ")" : ""))
              << '\n';
    }
  }
  if (rosters->empty()) ctx.out << "no roster loaded (plenary import --roster FILE ...)\n";
  return kExitOk;
}

}  // namespace plenary
