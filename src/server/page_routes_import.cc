// Importing notes in two steps. The preview plans the import (reads every
// input, resolves names) and renders what would be recorded without writing
// anything; its form sends the same texts back with a binding, a MAC of the
// texts under a key only this process knows, tied to the session. Confirm
// accepts only texts whose binding it made, so what is recorded is exactly
// what was previewed (the same texts, read as the same format), for whoever
// previewed it. Reading runs in a child process under `plenary serve`
// (server/import_planning.h).
#include <sodium.h>

#include <algorithm>
#include <stdexcept>

#include "app/credentials.h"
#include "app/import_preview.h"
#include "app/importing.h"
#include "core/text.h"
#include "importers/formats.h"
#include "server/access.h"
#include "server/api_common.h"
#include "server/auth.h"
#include "server/import_planning.h"
#include "server/page_routes.h"
#include "server/page_support.h"
#include "server/pages/import_pages.h"
#include "server/pages/site_pages.h"

namespace plenary {
namespace {

constexpr std::size_t kMaxNotesBytes = 2 * 1024 * 1024;

const unsigned char* BindingKey() {
  static const auto key = [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to start");
    std::array<unsigned char, crypto_auth_KEYBYTES> k{};
    crypto_auth_keygen(k.data());
    return k;
  }();
  return key.data();
}

// Each part length-prefixed, so that no two different sets of texts read the
// same.
std::string Binding(const RouteCall& call, const std::string& group, const std::string& name,
                    const std::string& notes, const std::string& roster,
                    const std::string& format) {
  std::string message;
  for (const std::string* part : {&call.viewer.csrf_token, &group, &name, &notes, &roster, &format})
    message += std::to_string(part->size()) + ':' + *part;
  std::array<unsigned char, crypto_auth_BYTES> mac{};
  crypto_auth(mac.data(), reinterpret_cast<const unsigned char*>(message.data()), message.size(),
              BindingKey());
  std::string hex(mac.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  hex.pop_back();
  return hex;
}

pages::Frame ImportFrame(const RouteCall& call, const std::string& group, std::string title) {
  pages::Frame f;
  f.title = std::move(title);
  f.viewer = PageViewer(call, group);
  f.group = group;
  f.section = pages::Section::kImport;
  return f;
}

// The group of the URL, which the viewer must be allowed to import into. A
// group not imported yet is fine for those allowed: the import creates it.
Result<std::string> ImportGroup(RouteCall& call) {
  const std::string& name = call.Param("group");
  auto visible = PageGroup(call, name);
  if (visible.ok()) {
    if (!May(call, Operation::kImport, *visible)) return Error::PermissionDenied("import");
    return visible;
  }
  if (visible.error().kind != ErrorKind::kNotFound || !May(call, Operation::kImport, name))
    return visible;
  return name;
}

HttpResponse ImportForm(RouteCall& call) {
  auto group = ImportGroup(call);
  if (!group.ok()) return ErrorPage(call, group.error());
  pages::ImportFormPage page{*group, "", "", "", ""};
  return HtmlPage(200, ImportFrame(call, *group, "Import notes"),
                  pages::RenderImportForm(page, PageViewer(call, *group)));
}

struct ImportTexts {
  std::string group;
  std::string name;
  std::string notes;
  std::string roster;
  std::string format;  // a name of MinutesFormats(); empty: detect
};

Result<ImportTexts> TextsOf(RouteCall& call, const QueryParams& form) {
  auto group = ImportGroup(call);
  if (!group.ok()) return group.error();
  ImportTexts t{*group, Field(form, "name"), Field(form, "notes"), Field(form, "roster"),
                Field(form, "format")};
  if (t.format == "detect") t.format.clear();
  if (!t.format.empty() && !FindMinutesFormat(t.format))
    return Error::InvalidInput("there is no format " + t.format);
  // Without JavaScript a chosen file arrives as the "file" part.
  if (Trim(t.notes).empty()) t.notes = Field(form, "file");
  if (t.name.empty()) t.name = "pasted-notes.txt";
  if (t.notes.size() + t.roster.size() > kMaxNotesBytes)
    return Error::InvalidInput("the notes are too long (2 MB at most)");
  if (Trim(t.notes).empty()) return Error::InvalidInput("paste the notes first");
  return t;
}

// The plan, refused when a meeting is of another group than the page's.
Result<ImportPlan> PlanOf(RouteCall& call, const ImportTexts& t) {
  ImportRequest request{{NamedInput{t.name, t.notes}}, std::nullopt, std::nullopt};
  if (!Trim(t.roster).empty()) request.roster = NamedInput{"roster", t.roster};
  if (!t.format.empty()) request.format = t.format;
  // Notes that name no group are of the page's.
  request.group = t.group;
  auto rosters = call.store().Rosters();
  if (!rosters.ok()) return rosters.error();
  auto known_plan = call.store().FindWorkPlan(t.group);
  if (!known_plan.ok()) return known_plan.error();
  if (*known_plan) request.known_workplans.push_back(std::move(**known_plan));
  auto plan = PlanUpload(call, t.group, request, *rosters);
  if (!plan.ok()) return plan.error();
  for (const MeetingImport& m : plan->batch.meetings)
    if (!EqualsNoCase(m.meeting.key.group, t.group))
      return Error::InvalidInput("these are notes of " + m.meeting.key.group + ", not of " +
                                 t.group);
  if (plan->batch.roster && !EqualsNoCase(plan->batch.roster->group.short_name, t.group))
    return Error::InvalidInput("the roster is of another group than " + t.group);
  for (const WorkPlan& w : plan->batch.workplans)
    if (!EqualsNoCase(w.group, t.group))
      return Error::InvalidInput("the work plan is of another group than " + t.group);
  return plan;
}

HttpResponse RefusedImport(RouteCall& call, const ImportTexts& t, const Error& error) {
  // The reader failed in its child process (PlanUpload logged how): this
  // request fails with a page that says so; the server goes on.
  if (error.kind == ErrorKind::kInternal) {
    pages::Frame frame = ImportFrame(call, t.group, "The notes could not be read");
    return HtmlPage(500, frame, pages::RenderError(500, error.message));
  }
  pages::ImportFormPage page{t.group, t.notes, t.roster, error.message, t.format};
  return HtmlPage(400, ImportFrame(call, t.group, "Import notes"),
                  pages::RenderImportForm(page, PageViewer(call, t.group)));
}

HttpResponse Preview(RouteCall& call) {
  auto form = CheckedForm(call);
  if (!form.ok()) return ErrorPage(call, form.error());
  auto texts = TextsOf(call, *form);
  if (!texts.ok()) return ErrorPage(call, texts.error());
  auto plan = PlanOf(call, *texts);
  if (!plan.ok()) return RefusedImport(call, *texts, plan.error());
  auto items = call.store().Actions(ActionQuery{});
  if (!items.ok()) return ErrorPage(call, items.error());
  auto stored = call.store().Meetings();
  if (!stored.ok()) return ErrorPage(call, stored.error());
  const Roster* roster = plan->batch.roster ? &*plan->batch.roster : nullptr;
  auto known = call.store().FindRoster(texts->group);
  if (!known.ok()) return ErrorPage(call, known.error());
  if (!roster && *known) roster = &**known;
  pages::ImportPreviewPage page{
      texts->group,
      texts->name,
      texts->notes,
      texts->roster,
      Binding(call, texts->group, texts->name, texts->notes, texts->roster, texts->format),
      &*plan,
      {},
      texts->format};
  for (const MeetingImport& m : plan->batch.meetings) {
    const bool replaces = std::any_of(stored->begin(), stored->end(),
                                      [&](const Meeting& s) { return s.key == m.meeting.key; });
    page.meetings.push_back(
        {&m.meeting, replaces, AttendanceOf(m.meeting, roster), PreviewMatches(m.meeting, *items)});
  }
  return HtmlPage(200, ImportFrame(call, texts->group, "Preview"),
                  pages::RenderImportPreview(page, PageViewer(call, texts->group)));
}

HttpResponse Confirm(RouteCall& call) {
  auto form = CheckedForm(call);
  if (!form.ok()) return ErrorPage(call, form.error());
  auto texts = TextsOf(call, *form);
  if (!texts.ok()) return ErrorPage(call, texts.error());
  const std::string expected =
      Binding(call, texts->group, texts->name, texts->notes, texts->roster, texts->format);
  if (!SecretsEqual(Field(*form, "binding"), expected))
    return ErrorPage(call, Error::InvalidInput("these are not the notes that were previewed; "
                                               "preview them again"));
  auto plan = PlanOf(call, *texts);
  if (!plan.ok()) return RefusedImport(call, *texts, plan.error());
  auto report = EditingOf(call).Import(ActorOf(call.viewer), plan->batch);
  if (!report.ok()) return ErrorPage(call, report.error());
  return Redirect(pages::GroupPath(texts->group), "The notes are recorded.");
}

}  // namespace

void AddImportPageRoutes(Router& router) {
  router.Add("GET", "/g/{group}/import", ImportForm);
  router.Add("POST", "/g/{group}/import/preview", Preview);
  router.Add("POST", "/g/{group}/import/confirm", Confirm);
}

}  // namespace plenary
