// The web app's HTML pages and their forms (doc/web.md): every route renders
// a pure page of src/server/pages/ from what the store holds, and every form
// writes through the audited editing service (app/editing.h) after checking
// its CSRF token. A private group is a 404 page to those outside it.
#pragma once

#include "server/router.h"

namespace plenary {

// Registers every page route on `router`.
void AddPageRoutes(Router& router);

// The parts, one file each.
void AddGroupPageRoutes(Router& router);    // page_routes_group.cc: reading a group
void AddActionFormRoutes(Router& router);   // page_routes_forms.cc: item edits, merges, roster
void AddImportPageRoutes(Router& router);   // page_routes_import.cc: preview, then confirm
void AddSitePageRoutes(Router& router);     // page_routes_site.cc: groups, my items, search
void AddSessionPageRoutes(Router& router);  // page_routes_session.cc: sign-in, sign-out
void AddWorkPlanPageRoutes(Router& router);  // page_routes_workplan.cc: work plans, tasks

}  // namespace plenary
