// The cage of the process that reads uploaded notes (app/isolated_import.h):
// resource limits and a system-call filter (seccomp, through libseccomp).
#pragma once

#include <cstdint>

#include "plenary/result.h"

namespace plenary {

struct SandboxLimits {
  // CPU time: SIGXCPU past it, SIGKILL a second later. 0: no limit.
  int cpu_seconds = 0;
  // Address space (RLIMIT_AS): allocations past it fail (std::bad_alloc).
  // 0: no limit. Not applied in an AddressSanitizer build, whose shadow
  // memory alone is far larger than any sensible limit.
  std::uint64_t address_space_bytes = 0;
};

// Applies `limits` to this process (and no new files, no core dumps), then a
// filter after which it may only read fd 0, write fds 1 and 2, map, unmap and
// resize memory (never executable), wait on a futex, abort (signal itself)
// and exit. Any other system call (open, socket, fork, exec, kill, ...) kills
// the process at once with SIGSYS. Irreversible, for this process and any
// child it could have. Errors: the kernel refused a limit or the filter.
Status EnterParseSandbox(const SandboxLimits& limits);

}  // namespace plenary
