#include "server/import_planning.h"

#include <fmt/format.h>

#include <iostream>

#include "app/isolated_import.h"

namespace plenary {

Result<ImportPlan> PlanUpload(const RouteCall& call, const std::string& group,
                              const ImportRequest& request,
                              const std::vector<Roster>& known_rosters) {
  const SiteContext* context = call.resources.context;
  if (!context || !context->import_planner) return PlanImport(request, known_rosters);
  auto plan = context->import_planner->Plan(request, known_rosters);
  if (!plan.ok() && plan.error().kind == ErrorKind::kInternal)
    std::cerr << fmt::format("plenary serve: import into {} by {}: {}\n", group,
                             call.viewer.user ? call.viewer.user->login : "the public",
                             plan.error().message)
              << std::flush;
  return plan;
}

}  // namespace plenary
