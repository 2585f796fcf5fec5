// The JSON API, /api/v1/... (described in doc/openapi.yaml), and /healthz.
// Every route checks who may see the group (a private group is 404 to those
// outside it) and who may change it.
#pragma once

#include "server/router.h"

namespace plenary {

// Registers every API route on `router`.
void AddApiRoutes(Router& router);

// The parts, one file each.
void AddGroupRoutes(Router& router);       // api_groups.cc: groups, meetings, decisions, people
void AddActionRoutes(Router& router);      // api_actions.cc: the action item register
void AddImportRoutes(Router& router);      // api_imports.cc: imports, with dry_run
void AddAttendanceRoutes(Router& router);  // api_attendance.cc
void AddSessionRoutes(Router& router);     // api_session.cc: sign in and out
void AddSearchRoutes(Router& router);      // api_search.cc: search, the viewer's own items
void AddWorkPlanRoutes(Router& router);    // api_workplan.cc: work plans, a task's change

}  // namespace plenary
