// `plenary actions show|done|set|merge|unmerge|duplicates|notices`: the
// register's items one at a time, and the changes people make by hand.
#include <fmt/format.h>

#include <cstdlib>
#include <map>
#include <ostream>

#include "app/editing.h"
#include "app/owners.h"
#include "cli/commands.h"
#include "cli/site_commands.h"
#include "cli/text_table.h"
#include "core/date.h"
#include "core/meeting_label.h"
#include "core/text.h"
#include "publish/json.h"

namespace plenary {
namespace {

std::string Who(const std::optional<std::string>& given) {
  if (given && !given->empty()) return *given;
  for (const char* var : {"PLENARY_USER", "USER", "LOGNAME"})
    if (const char* v = std::getenv(var); v && *v) return v;
  return "cli";
}

int Usage(const CliContext& ctx, const std::string& message) {
  ctx.err << "plenary: error: " << message << '\n';
  return kExitUsage;
}

void PrintItem(const CliContext& ctx, const RegisteredAction& a) {
  std::string owners;
  for (const Owner& o : a.item.owners) owners += (owners.empty() ? "" : ", ") + o.name;
  ctx.out << fmt::format("#{} {}\n", a.id, PrintableText(a.item.text));
  ctx.out << fmt::format(
      "  status:  {}{}{}\n", ActionStatusName(a.item.status),
      a.item.written_status.empty() ? "" : PrintableText(" (" + a.item.written_status + ")"),
      a.merged_into ? fmt::format(" (merged into #{})", a.merged_into) : "");
  ctx.out << "  owners:  " << PrintableText(owners.empty() ? "(unassigned)" : owners) << '\n';
  ctx.out << "  due:     "
          << (a.item.due                   ? FormatIsoDate(*a.item.due)
              : !a.item.due_phrase.empty() ? PrintableText(a.item.due_phrase)
                                           : "none")
          << '\n';
  if (a.status_note) ctx.out << "  note:    " << PrintableText(*a.status_note) << '\n';
  ctx.out << PrintableText(fmt::format("  from:    {} {}, {} ({})", a.meeting.group,
                                       MeetingLabel(a.meeting), FormatIsoDate(a.meeting_date),
                                       ActionSourceName(a.item.source)))
          << '\n';
  if (a.history.empty()) return;
  ctx.out << "  history:\n";
  for (const ActionChange& c : a.history) {
    std::string where = c.meeting ? MeetingLabel(*c.meeting) : fmt::format("by {}", c.who);
    ctx.out << PrintableText(
                   fmt::format("    {}  {:<14} {}", FormatIsoDate(c.date), where, c.change))
            << '\n';
    if (!c.words.empty())
      ctx.out << "                              \"" << PrintableText(c.words) << "\"\n";
  }
}

int Show(const CliContext& ctx, const RegisteredAction& a, bool json) {
  if (json)
    ctx.out << RegisteredActionJson(a).dump(2) << '\n';
  else
    PrintItem(ctx, a);
  return kExitOk;
}

}  // namespace

int RunActionShow(const CliContext& ctx, std::int64_t id, bool json) {
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  auto item = (*store)->Action(id);
  if (!item.ok()) return Fail(ctx, item.error());
  return Show(ctx, *item, json);
}

int RunActionEdit(const CliContext& ctx, const ActionEditCommand& command) {
  ActionEdit edit;
  edit.note = command.note.value_or("");
  edit.who = Who(command.who);
  edit.effective = ctx.today;
  if (command.status) {
    edit.status = ParseActionStatus(*command.status);
    if (!edit.status) return Usage(ctx, "--status: expected open, complete or cancelled");
  }
  if (command.due) {
    std::string due = AsciiLower(*command.due);
    if (due == "none" || due == "tbd") {
      edit.due = std::optional<Date>{};
    } else if (auto date = ParseIsoDate(*command.due)) {
      edit.due = std::optional<Date>{*date};
    } else {
      return Usage(ctx, "--due: expected YYYY-MM-DD, or none");
    }
  }
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  if (!command.owners.empty()) {
    auto item = (*store)->Action(command.id);
    if (!item.ok()) return Fail(ctx, item.error());
    auto owners = ResolveOwnerNames(**store, item->meeting.group, command.owners);
    if (!owners.ok()) return Fail(ctx, owners.error());
    edit.owners = std::move(*owners);
  }
  if (!edit.status && !edit.due && !edit.owners && edit.note.empty())
    return Usage(ctx, "nothing to change: give --status, --due, --owner or --note");
  auto site = OpenSiteStore(ctx.db);
  if (!site.ok()) return Fail(ctx, site.error());
  auto changed = Editing(**store, **site).EditAction(CommandLineActor(), command.id, edit);
  if (!changed.ok()) return Fail(ctx, changed.error());
  return Show(ctx, *changed, command.json);
}

int RunActionMerge(const CliContext& ctx, std::int64_t into, std::int64_t from,
                   const std::optional<std::string>& who, const std::optional<std::string>& note) {
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  ActionEdit by;
  by.who = Who(who);
  by.note = note.value_or("");
  by.effective = ctx.today;
  auto site = OpenSiteStore(ctx.db);
  if (!site.ok()) return Fail(ctx, site.error());
  if (Status merged = Editing(**store, **site).MergeActions(CommandLineActor(), into, from, by);
      !merged.ok())
    return Fail(ctx, merged.error());
  ctx.out << fmt::format("merged #{} into #{} (undo: plenary actions unmerge {})\n", from, into,
                         from);
  return kExitOk;
}

int RunActionUnmerge(const CliContext& ctx, std::int64_t from) {
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  auto site = OpenSiteStore(ctx.db);
  if (!site.ok()) return Fail(ctx, site.error());
  if (Status undone = Editing(**store, **site).UnmergeAction(CommandLineActor(), from);
      !undone.ok())
    return Fail(ctx, undone.error());
  ctx.out << fmt::format("#{} is its own item again\n", from);
  return kExitOk;
}

int RunActionDuplicates(const CliContext& ctx, bool json) {
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  auto pairs = (*store)->Duplicates();
  if (!pairs.ok()) return Fail(ctx, pairs.error());
  if (json) {
    auto array = nlohmann::ordered_json::array();
    for (const DuplicatePair& p : *pairs) array.push_back(DuplicatePairJson(p));
    ctx.out << array.dump(2) << '\n';
    return kExitOk;
  }
  // The texts of all open items at once, not two queries a pair.
  auto open = (*store)->Actions(ActionQuery{true, std::nullopt, std::nullopt});
  if (!open.ok()) return Fail(ctx, open.error());
  std::map<std::int64_t, std::string> texts;
  for (const RegisteredAction& a : *open) texts[a.id] = a.item.text;
  for (const DuplicatePair& p : *pairs) {
    ctx.out << fmt::format("#{} and #{}  score {:.2f}  ({})\n", p.a, p.b, p.score, p.reason);
    ctx.out << "    #" << p.a << ' ' << PrintableText(texts[p.a]) << '\n';
    ctx.out << "    #" << p.b << ' ' << PrintableText(texts[p.b]) << '\n';
  }
  if (pairs->empty())
    ctx.out << "no likely duplicates among open items\n";
  else
    ctx.out << "merge with: plenary actions merge KEEP OTHER\n";
  return kExitOk;
}

int RunActionNotices(const CliContext& ctx, bool json) {
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  auto notices = (*store)->Notices();
  if (!notices.ok()) return Fail(ctx, notices.error());
  if (json) {
    auto array = nlohmann::ordered_json::array();
    for (const RegisterNotice& n : *notices) {
      nlohmann::ordered_json meeting = nullptr;
      if (n.meeting)
        meeting = {
            {"group", n.meeting->group}, {"kind", n.meeting->kind}, {"number", n.meeting->number}};
      array.push_back(
          {{"group", n.group}, {"meeting", meeting}, {"line", n.line}, {"message", n.message}});
    }
    ctx.out << array.dump(2) << '\n';
    return kExitOk;
  }
  for (const RegisterNotice& n : *notices) {
    std::string where =
        n.meeting ? fmt::format("{} {}, line {}", n.group, MeetingLabel(*n.meeting), n.line)
                  : n.group;
    ctx.out << PrintableText(where + ": " + n.message) << '\n';
  }
  if (notices->empty()) ctx.out << "nothing to look at\n";
  return kExitOk;
}

}  // namespace plenary
