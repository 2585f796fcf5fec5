// Work plans in SQLite (store/workplan_rows.h; migration 9). Called inside
// the caller's transaction; SQLite::Exception and CorruptRow propagate.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>

#include "plenary/model.h"
#include "plenary/result.h"
#include "plenary/store.h"
#include "store/sqlite/sqlite_values.h"

namespace plenary::sqlite {

// The plan of the group with id `group_id` (`group` is its short name).
std::optional<WorkPlan> LoadWorkPlan(SQLite::Database& db, Id group_id, const std::string& group);

// Replaces the group's plan with `plan`, after CheckWorkPlanAgainst its
// roster and register (InvalidInput, nothing written). kUnchanged when equal.
Result<ImportOutcome> SaveWorkPlan(SQLite::Database& db, const WorkPlan& plan);

}  // namespace plenary::sqlite
