// The work plan file (doc/workplan-format.md): a group's sub-teams' subtopics,
// tasks and milestones, written in TOML.
//
//   group = "SSR2"
//   [[milestone]]
//   name = "Draft report"
//   date = 2019-06-30
//   [[subteam]]
//   name = "DNS SSR"
//   [[subteam.subtopic]]
//   title = "Root zone management"
//   [[subteam.subtopic.task]]
//   label = "DNS-1"
//   title = "Review the KSK rollover"
//   leader = "Eric Osterweil"
//   people = ["GH", "Kaveh Ranjbar"]
//   start = 2018-03-01
//   target = 2018-06-30
//   status = "in progress"
//   items = [12]
#pragma once

#include <vector>

#include "importers/formats.h"
#include "importers/source_text.h"
#include "plenary/model.h"
#include "plenary/result.h"

namespace plenary {

// Whether `source` looks like a work plan: a TOML "group =" line and a
// "[[subteam]]" table. For the table of formats (importers/formats.h).
Detection DetectWorkPlan(const SourceText& source);

// Reads a work plan. Names resolve against the roster of the file's group
// among `rosters` (names, aliases and initials; no guesses). Every problem is
// an InvalidInput error at its line and column, among others: TOML that does
// not parse, a key the format does not have, a group with no roster, a
// sub-team the roster does not have or given twice, a malformed or repeated
// task label, an unknown person as leader or among the people, a task that
// ends before it starts, an unknown status.
Result<WorkPlan> ReadWorkPlan(const SourceText& source, const std::vector<Roster>& rosters);

// The reader as a row of the table of formats: the work plan in
// Minutes::workplan, no meetings.
Result<Minutes> ReadWorkPlanFormat(const SourceText& source, const ReadOptions& options);

}  // namespace plenary
