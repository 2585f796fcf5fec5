// Importing notes from the browser, in two steps. The form (GET
// /g/GROUP/import) takes pasted text ("notes", optionally "roster"; a chosen
// file is read into the box by web/app.js); POST /g/GROUP/import/preview
// reads it and shows exactly what would be recorded, writing nothing; the
// preview's form carries the same texts back in hidden fields ("name",
// "notes", "roster") with their "binding" to POST /g/GROUP/import/confirm,
// which imports them. "format" (a name of MinutesFormats(), or "detect")
// chooses the reader; the preview says which format each input was read as
// and why, and offers to read it again as another.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/import_preview.h"
#include "app/importing.h"
#include "core/attendance.h"
#include "server/pages/layout.h"

namespace plenary::pages {

struct ImportFormPage {
  std::string group;
  std::string notes;   // text to show again (after a refused preview)
  std::string roster;  // likewise
  std::string error;   // the located error that refused it
  std::string format;  // the format chosen; empty: detect
};
html::TrustedHtml RenderImportForm(const ImportFormPage& page, const Viewer& viewer);

// One meeting of the plan, with what the page shows about it.
struct PreviewMeeting {
  const Meeting* meeting = nullptr;  // in the plan
  bool replaces_stored = false;      // a meeting with this key is already stored
  MeetingAttendance attendance;
  std::vector<std::optional<PlannedMatch>> matches;  // per action, in order
};

struct ImportPreviewPage {
  std::string group;
  std::string notes_name;
  std::string notes;   // exactly as received; the confirm form sends it back
  std::string roster;  // likewise (may be empty)
  // Proof that this server previewed exactly these texts for this session,
  // sent back with them (see server/page_import.cc).
  std::string binding;
  const ImportPlan* plan = nullptr;
  std::vector<PreviewMeeting> meetings;
  std::string format;  // the format asked for (sent back with the texts); empty: detected
};
html::TrustedHtml RenderImportPreview(const ImportPreviewPage& page, const Viewer& viewer);

}  // namespace plenary::pages
