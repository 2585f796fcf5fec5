// Work plans in PostgreSQL (store/workplan_rows.h; migration 9). Called
// inside the caller's transaction; pqxx exceptions and CorruptRow propagate.
#pragma once

#include <optional>
#include <pqxx/pqxx>

#include "plenary/model.h"
#include "plenary/result.h"
#include "plenary/store.h"
#include "store/postgres/pg_values.h"

namespace plenary::pg {

// The plan of the group with id `group_id` (`group` is its short name).
std::optional<WorkPlan> LoadWorkPlan(pqxx::transaction_base& tx, Id group_id,
                                     const std::string& group);

// Replaces the group's plan with `plan`, after CheckWorkPlanAgainst its
// roster and register (InvalidInput, nothing written). kUnchanged when equal.
Result<ImportOutcome> SaveWorkPlan(pqxx::transaction_base& tx, const WorkPlan& plan);

}  // namespace plenary::pg
