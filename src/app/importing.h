// Importing notes: the application service behind `plenary import` (and,
// later, the web app's import page). Reading is separate from writing so that
// a caller can show exactly what would be recorded before anything is.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "plenary/model.h"
#include "plenary/result.h"
#include "plenary/store.h"

namespace plenary {

// A named buffer: a file's bytes, or text pasted into a form.
struct NamedInput {
  std::string name;
  std::string bytes;
};

struct ImportRequest {
  std::vector<NamedInput> notes;
  std::optional<NamedInput> roster;
  std::optional<int> year;
  // The format of every notes input (a name from MinutesFormats()); none:
  // detected per input from its content.
  std::optional<std::string> format;
  // The group, for records that do not name theirs (--group).
  std::optional<std::string> group;
  // Called after each notes input is read, with the inputs read so far and
  // the action items they held (the CLI's progress line).
  std::function<void(std::size_t inputs, std::size_t items)> on_input_read;
  // Work plan files (--workplan), read as the "workplan" format whatever
  // their content; a notes input may also be detected as one.
  std::vector<NamedInput> workplans;
  // The work plans the store holds, for the notices on task labels in the
  // notes ("[task: DNS-2]"): a label that only a guess links, or that names
  // no task. A plan in the request itself wins over its group's here.
  std::vector<WorkPlan> known_workplans;
  // Whether each meeting's Source gets the SHA-256 of its input (how the
  // store tells a re-import of unchanged bytes); `plenary minutes`, which
  // keeps no register, skips it.
  bool digest_sources = true;
};

// What an import would write, and what a person should see about it.
struct ImportPlan {
  ImportBatch batch;
  std::vector<std::string> warnings;  // "NAME:LINE:COL: warning: ..." with the line
  // For each notes input, in order: the format it was read as, and why.
  struct InputFormat {
    std::string input;   // the input's name
    std::string format;  // a name from MinutesFormats()
    std::string why;     // "detected: <clue>" or "chosen, not detected"
    friend bool operator==(const InputFormat&, const InputFormat&) = default;
  };
  std::vector<InputFormat> formats;
};

// Reads every input of `request` and returns the batch to apply, without
// touching any store. Names resolve against the request's roster, or else the
// matching roster among `known_rosters`. The first bad input fails the whole
// plan with its located InvalidInput error.
Result<ImportPlan> PlanImport(const ImportRequest& request,
                              const std::vector<Roster>& known_rosters);

// "sha256" of `bytes` as lowercase hex.
std::string Sha256Hex(std::string_view bytes);

}  // namespace plenary
