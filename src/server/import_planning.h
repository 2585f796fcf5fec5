// How the import routes (API and pages) read what a user uploaded: in a child
// process when the server runs with one (SiteContext::import_planner, set by
// `plenary serve`), so that a reader's crash, hang or memory blow-up fails
// that request alone (doc/reliability.md).
#pragma once

#include <string>
#include <vector>

#include "app/importing.h"
#include "server/router.h"

namespace plenary {

// PlanImport(request, known_rosters), isolated when the server isolates. A
// child that failed is an Internal error whose message says how (the reader
// crashed, took too long, needed too much memory), logged on stderr with the
// group and the user; bad notes are the located InvalidInput as ever.
Result<ImportPlan> PlanUpload(const RouteCall& call, const std::string& group,
                              const ImportRequest& request,
                              const std::vector<Roster>& known_rosters);

}  // namespace plenary
