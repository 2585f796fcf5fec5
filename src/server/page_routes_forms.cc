// The forms that change a group's register: an item's status, due date and
// owners, merging duplicates, and the roster. Each checks the CSRF token
// first (CheckedForm), then writes through the audited editing service,
// which asks the authorizer; a refused form changes nothing.
#include <charconv>

#include "app/editing.h"
#include "app/importing.h"
#include "app/owners.h"
#include "core/date.h"
#include "core/text.h"
#include "importers/roster_file.h"
#include "importers/source_text.h"
#include "server/access.h"
#include "server/api_common.h"
#include "server/auth.h"
#include "server/page_routes.h"
#include "server/page_support.h"
#include "server/pages/parts.h"
#include "server/pages/roster_page.h"

namespace plenary {
namespace {

constexpr std::size_t kMaxNoteBytes = 4000;

using EditMaker = Result<ActionEdit> (*)(RouteCall&, const std::string&, const QueryParams&);

Result<ActionEdit> NoteOnly(const QueryParams& form) {
  ActionEdit edit;
  edit.note = Field(form, "note");
  if (edit.note.size() > kMaxNoteBytes) return Error::InvalidInput("the note is too long");
  return edit;
}

Result<ActionEdit> DoneEdit(RouteCall&, const std::string&, const QueryParams& form) {
  auto edit = NoteOnly(form);
  if (edit.ok()) edit->status = ActionStatus::kComplete;
  return edit;
}

Result<ActionEdit> ReopenEdit(RouteCall&, const std::string&, const QueryParams& form) {
  auto edit = NoteOnly(form);
  if (edit.ok()) edit->status = ActionStatus::kOpen;
  return edit;
}

Result<ActionEdit> DueEdit(RouteCall&, const std::string&, const QueryParams& form) {
  auto edit = NoteOnly(form);
  if (!edit.ok()) return edit;
  const std::string due = Field(form, "due");
  if (due.empty()) {
    edit->due = std::optional<Date>();
  } else if (auto date = ParseIsoDate(due)) {
    edit->due = date;
  } else {
    return Error::InvalidInput("the due date must be YYYY-MM-DD");
  }
  return edit;
}

Result<ActionEdit> OwnersEdit(RouteCall& call, const std::string& group, const QueryParams& form) {
  auto edit = NoteOnly(form);
  if (!edit.ok()) return edit;
  std::vector<std::string> names;
  const std::string field = Field(form, "owners");  // the views below point into it
  for (std::string_view name : SplitTrimmed(field, ','))
    if (!name.empty()) names.emplace_back(name);
  auto owners = ResolveOwnerNames(call.store(), group, names);
  if (!owners.ok()) return owners.error();
  edit->owners = std::move(*owners);
  return edit;
}

// The group and item of /g/{group}/actions/{id}/..., as the viewer may see
// them; and the form, its token checked.
struct ItemForm {
  std::string group;
  std::int64_t id = 0;
  QueryParams form;
};

Result<ItemForm> ItemFormOf(RouteCall& call) {
  auto form = CheckedForm(call);
  if (!form.ok()) return form.error();
  auto group = PageGroup(call, call.Param("group"));
  if (!group.ok()) return group.error();
  auto id = IdParam(call, "id");
  if (!id.ok()) return Error::NotFound("no such item");
  auto item = call.store().Action(*id);
  if (!item.ok()) return item.error();
  if (!EqualsNoCase(item->meeting.group, *group)) return Error::NotFound("no such item");
  return ItemForm{*group, *id, std::move(*form)};
}

HttpResponse ApplyEdit(RouteCall& call, EditMaker make, std::string_view what) {
  auto target = ItemFormOf(call);
  if (!target.ok()) return ErrorPage(call, target.error());
  auto edit = make(call, target->group, target->form);
  if (!edit.ok()) return ErrorPage(call, edit.error());
  edit->who = ChangedBy(call);
  edit->effective = Today();
  auto done = EditingOf(call).EditAction(ActorOf(call.viewer), target->id, *edit);
  if (!done.ok()) return ErrorPage(call, done.error());
  return Redirect(pages::ActionPath(target->group, target->id),
                  "Item #" + std::to_string(target->id) + " " + std::string(what) + ".");
}

HttpResponse Merge(RouteCall& call) {
  auto target = ItemFormOf(call);
  if (!target.ok()) return ErrorPage(call, target.error());
  const std::string from_text = Field(target->form, "from");
  std::int64_t from = 0;
  auto [end, ec] = std::from_chars(from_text.data(), from_text.data() + from_text.size(), from);
  if (ec != std::errc() || end != from_text.data() + from_text.size() || from <= 0)
    return ErrorPage(call, Error::InvalidInput("choose the item to merge"));
  ActionEdit by;
  by.who = ChangedBy(call);
  by.effective = Today();
  by.note = Field(target->form, "note");
  auto merged = EditingOf(call).MergeActions(ActorOf(call.viewer), target->id, from, by);
  if (!merged.ok()) return ErrorPage(call, merged.error());
  return Redirect(pages::ActionPath(target->group, target->id),
                  "Item #" + from_text + " is merged into this one.");
}

HttpResponse RefusedRoster(RouteCall& call, const std::string& group, std::string text,
                           std::string error) {
  auto stored = call.store().FindRoster(group);
  if (!stored.ok()) return ErrorPage(call, stored.error());
  pages::RosterPage page{group, std::move(*stored), true, std::move(text), std::move(error)};
  pages::Frame f;
  f.title = "Roster";
  f.viewer = PageViewer(call, group);
  f.group = group;
  f.section = pages::Section::kRoster;
  return HtmlPage(400, f, pages::RenderRoster(page, f.viewer));
}

HttpResponse SaveRoster(RouteCall& call) {
  auto form = CheckedForm(call);
  if (!form.ok()) return ErrorPage(call, form.error());
  auto group = PageGroup(call, call.Param("group"));
  if (!group.ok()) return ErrorPage(call, group.error());
  if (!May(call, Operation::kEditRoster, *group))
    return ErrorPage(call, Error::PermissionDenied("roster"));
  const std::string text = Field(*form, "roster");
  auto plan = PlanImport({{}, NamedInput{"roster", text}, std::nullopt}, {});
  if (!plan.ok()) return RefusedRoster(call, *group, text, plan.error().message);
  if (!plan->batch.roster || !EqualsNoCase(plan->batch.roster->group.short_name, *group))
    return RefusedRoster(call, *group, text, "the roster must be of group " + *group);
  auto imported = EditingOf(call).Import(ActorOf(call.viewer), plan->batch);
  if (!imported.ok()) return ErrorPage(call, imported.error());
  return Redirect(pages::GroupPath(*group, "roster"), "The roster is saved.");
}

}  // namespace

void AddActionFormRoutes(Router& router) {
  router.Add("POST", "/g/{group}/actions/{id}/done",
             [](RouteCall& c) { return ApplyEdit(c, DoneEdit, "is done"); });
  router.Add("POST", "/g/{group}/actions/{id}/reopen",
             [](RouteCall& c) { return ApplyEdit(c, ReopenEdit, "is open again"); });
  router.Add("POST", "/g/{group}/actions/{id}/due",
             [](RouteCall& c) { return ApplyEdit(c, DueEdit, "has its new due date"); });
  router.Add("POST", "/g/{group}/actions/{id}/owners",
             [](RouteCall& c) { return ApplyEdit(c, OwnersEdit, "has its new owners"); });
  router.Add("POST", "/g/{group}/actions/{id}/merge", Merge);
  router.Add("POST", "/g/{group}/roster", SaveRoster);
}

}  // namespace plenary
