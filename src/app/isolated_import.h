// Planning an import in a child process, so that a reader's bug costs one
// request and never the server: `plenary serve` reads what users upload this
// way (doc/reliability.md); `plenary import` reads in its own process.
//
// Each plan runs a fresh `EXECUTABLE __parse-import` (posix_spawn, safe from
// the server's threads; the server passes /proc/self/exe, so the child is the
// very binary that serves). The child closes every descriptor but its socket,
// limits its CPU time and address space, enters a seccomp filter
// (app/parse_sandbox.h), reads the job, plans it with PlanImport and writes
// the answer (app/import_codec.h). The parent enforces a wall-clock deadline
// and turns a child that crashed, hung, ran out of memory or made a forbidden
// system call into an Internal error that says which.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/importing.h"
#include "plenary/model.h"
#include "plenary/result.h"

namespace plenary {

struct ParseLimits {
  int cpu_seconds = 10;                            // CPU time of one plan
  std::chrono::milliseconds wall{30'000};          // from spawn to answer
  std::uint64_t address_space_bytes = 1ull << 30;  // RLIMIT_AS of the child
};

// The hidden subcommand that runs RunParseChild (src/cli/main.cc).
inline constexpr std::string_view kParseChildCommand = "__parse-import";

class IsolatedImportPlanner {
 public:
  // `executable`: a plenary binary, run as `EXECUTABLE __parse-import`.
  explicit IsolatedImportPlanner(std::string executable, ParseLimits limits = {});

  // PlanImport(request, known_rosters), in a child process. Its answer as
  // PlanImport gives it (a located InvalidInput for bad notes). When the child
  // fails: Internal, with a message for the person who uploaded, e.g. "the
  // reader crashed (signal SIGSEGV) reading notes.txt", "the reader took more
  // than 10 s", "the reader needed more than 1024 MiB of memory". Thread-safe:
  // every call has its own child.
  Result<ImportPlan> Plan(const ImportRequest& request,
                          const std::vector<Roster>& known_rosters) const;

  const ParseLimits& limits() const { return limits_; }

 private:
  std::string executable_;
  ParseLimits limits_;
};

// The child's side, run by `plenary __parse-import` with a socket as fds 0
// and 1: reads the job to its end, enters the sandbox, plans, writes the
// answer. Returns the exit status (0 once an answer is written).
//
// For tests only: when the environment has PLENARY_TEST_READER_FAULTS=1 and
// the first notes input starts with the line "plenary-test-fault: WHAT", the
// child misbehaves instead of reading: WHAT is "crash" (a null pointer
// write), "loop" (spins forever), "allocate" (allocates without end) or
// "open" (opens a file, which the filter forbids).
int RunParseChild();

}  // namespace plenary
