#include "app/importing.h"

#include <fmt/format.h>
#include <sodium.h>

#include "core/text.h"
#include "core/workplan.h"
#include "importers/formats.h"
#include "importers/roster_file.h"
#include "importers/source_text.h"

namespace plenary {

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

namespace {

// The plan of `group`: the request's own, else the store's.
const WorkPlan* PlanOf(const std::string& group, const ImportPlan& plan,
                       const std::vector<WorkPlan>& known) {
  for (const WorkPlan& p : plan.batch.workplans)
    if (EqualsNoCase(p.group, group)) return &p;
  for (const WorkPlan& p : known)
    if (EqualsNoCase(p.group, group)) return &p;
  return nullptr;
}

// A notice for each task label in the batch's items that a guess links or
// that names no task of the group's plan (core/workplan.h).
void AddTaskLabelNotices(ImportPlan& plan, const std::vector<SourceText>& sources,
                         const std::vector<WorkPlan>& known) {
  for (const MeetingImport& m : plan.batch.meetings) {
    const WorkPlan* workplan = PlanOf(m.meeting.key.group, plan, known);
    const SourceText* source = nullptr;
    for (const SourceText& s : sources)
      if (s.name() == m.source.name) source = &s;
    if (!workplan || !source) continue;
    for (const ActionItem& item : m.meeting.actions) {
      for (const std::string& written : TaskLabelsWritten(item.text)) {
        LabelMatch match = MatchTaskLabel(*workplan, written);
        if (match.task && !match.guessed) continue;
        std::string message =
            match.task
                ? fmt::format("notice: '[task: {}]' taken as task {}", written, match.task->label)
                : fmt::format(
                      "notice: task '{}' is not in {}'s work plan; the item is "
                      "linked to no task",
                      written, workplan->group);
        int line =
            item.line >= 1 && item.line <= static_cast<int>(source->line_count()) ? item.line : 1;
        std::size_t at = AsciiLower(source->line(line)).find("[task");
        int column = at == std::string::npos ? 0 : ColumnOfByte(source->line(line), at);
        plan.warnings.push_back(source->Describe(line, column, message));
      }
    }
  }
}

}  // namespace

Result<ImportPlan> PlanImport(const ImportRequest& request,
                              const std::vector<Roster>& known_rosters) {
  ImportPlan plan;
  ReadOptions options;
  options.year = request.year;
  options.group = request.group;
  if (request.roster) {
    auto source = SourceText::Load(request.roster->name, request.roster->bytes);
    if (!source.ok()) return source.error();
    auto roster = ReadRoster(*source);
    if (!roster.ok()) return roster.error();
    plan.batch.roster = *roster;
    options.rosters.push_back(*roster);
  }
  for (const Roster& known : known_rosters) {
    if (!plan.batch.roster || known.group.short_name != plan.batch.roster->group.short_name)
      options.rosters.push_back(known);
  }
  std::size_t inputs_read = 0, items_read = 0;
  std::vector<const NamedInput*> inputs;
  std::vector<std::optional<std::string>> formats;
  for (const NamedInput& input : request.workplans) {
    inputs.push_back(&input);
    formats.push_back("workplan");
  }
  for (const NamedInput& input : request.notes) {
    inputs.push_back(&input);
    formats.push_back(request.format);
  }
  std::vector<SourceText> notes_sources;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const NamedInput& input = *inputs[i];
    auto source = SourceText::Load(input.name, input.bytes);
    if (!source.ok()) return source.error();
    auto read = ReadMinutes(*source, options, formats[i]);
    if (!read.ok()) return read.error();
    Minutes& minutes = read->minutes;
    plan.warnings.insert(plan.warnings.end(), minutes.notices.begin(), minutes.notices.end());
    plan.formats.push_back({input.name, read->format, read->why});
    if (minutes.workplan) plan.batch.workplans.push_back(std::move(*minutes.workplan));
    if (!minutes.meetings.empty()) notes_sources.push_back(*source);
    // A file that holds several meetings is one source per meeting: the same
    // bytes' digest, told apart by the meeting's key.
    const std::string digest = request.digest_sources ? Sha256Hex(input.bytes) : "";
    for (Meeting& meeting : minutes.meetings) {
      items_read += meeting.actions.size();
      plan.batch.meetings.push_back({std::move(meeting), {input.name, digest}});
    }
    if (request.on_input_read) request.on_input_read(++inputs_read, items_read);
  }
  AddTaskLabelNotices(plan, notes_sources, request.known_workplans);
  return plan;
}

}  // namespace plenary
