#include "app/parse_sandbox.h"

#include <fmt/format.h>
#include <seccomp.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <memory>

namespace plenary {
namespace {

Status Limit(int resource, rlim_t soft, rlim_t hard, const char* what) {
  rlimit limit{soft, hard};
  if (setrlimit(resource, &limit) != 0)
    return Error::Internal(fmt::format("cannot limit {}: {}", what, std::strerror(errno)));
  return Status::Ok();
}

struct FilterDeleter {
  void operator()(void* ctx) const { seccomp_release(ctx); }
};

// One comparison of a system call's argument (libseccomp's SCMP_A* macros are
// C compound literals, which C++ does not have).
scmp_arg_cmp Arg(unsigned int arg, scmp_compare op, scmp_datum_t a, scmp_datum_t b = 0) {
  return scmp_arg_cmp{arg, op, a, b};
}

// The rules, each a system call a parse needs: reading its job, writing its
// answer (and a message on stderr), the allocator's memory calls, aborting,
// exiting.
int AddRules(scmp_filter_ctx ctx) {
  int rc = 0;
  auto allow = [&](int syscall, std::initializer_list<scmp_arg_cmp> args = {}) {
    if (rc == 0)
      rc = seccomp_rule_add_array(ctx, SCMP_ACT_ALLOW, syscall,
                                  static_cast<unsigned int>(args.size()), std::data(args));
  };
  allow(SCMP_SYS(read), {Arg(0, SCMP_CMP_EQ, 0)});
  allow(SCMP_SYS(write), {Arg(0, SCMP_CMP_EQ, 1)});
  allow(SCMP_SYS(write), {Arg(0, SCMP_CMP_EQ, 2)});
  // Memory, never executable: nothing a reader is fooled into writing can run.
  allow(SCMP_SYS(mmap), {Arg(2, SCMP_CMP_MASKED_EQ, PROT_EXEC, 0)});
  allow(SCMP_SYS(mprotect), {Arg(2, SCMP_CMP_MASKED_EQ, PROT_EXEC, 0)});
  allow(SCMP_SYS(munmap));
  allow(SCMP_SYS(mremap));
  allow(SCMP_SYS(brk));
  allow(SCMP_SYS(madvise));
  // abort() (a failed assertion) signals this process and no other.
  allow(SCMP_SYS(rt_sigprocmask));
  allow(SCMP_SYS(getpid));
  allow(SCMP_SYS(gettid));
  allow(SCMP_SYS(tgkill), {Arg(0, SCMP_CMP_EQ, static_cast<scmp_datum_t>(getpid()))});
  // Throwing (std::bad_alloc when the address space runs out) takes the
  // unwinder's once-only initialisation, a futex on this process's memory.
  allow(SCMP_SYS(futex));
  allow(SCMP_SYS(exit));
  allow(SCMP_SYS(exit_group));
  return rc;
}

}  // namespace

Status EnterParseSandbox(const SandboxLimits& limits) {
  if (limits.cpu_seconds > 0) {
    const auto cpu = static_cast<rlim_t>(limits.cpu_seconds);
    if (Status s = Limit(RLIMIT_CPU, cpu, cpu + 1, "CPU time"); !s.ok()) return s;
  }
#if !defined(__SANITIZE_ADDRESS__)
  if (limits.address_space_bytes > 0) {
    const auto bytes = static_cast<rlim_t>(limits.address_space_bytes);
    if (Status s = Limit(RLIMIT_AS, bytes, bytes, "the address space"); !s.ok()) return s;
  }
#endif
  if (Status s = Limit(RLIMIT_CORE, 0, 0, "core dumps"); !s.ok()) return s;
#if defined(__SANITIZE_ADDRESS__)
  // The sanitizer build's runtime opens /proc files, makes pipes (UBSan checks
  // a vptr through one) and handles signals itself, which neither RLIMIT_NOFILE
  // 0 nor a filter of reader system calls allows: there the child keeps its CPU
  // limit and deadline only (the release build tests the rest).
  return Status::Ok();
#endif
  if (Status s = Limit(RLIMIT_NOFILE, 0, 0, "open files"); !s.ok()) return s;
  std::unique_ptr<void, FilterDeleter> ctx(seccomp_init(SCMP_ACT_KILL_PROCESS));
  if (!ctx) return Error::Internal("cannot start a system-call filter");
  if (int rc = AddRules(ctx.get()); rc != 0)
    return Error::Internal(fmt::format("cannot add a system-call rule: {}", std::strerror(-rc)));
  if (int rc = seccomp_load(ctx.get()); rc != 0)
    return Error::Internal(
        fmt::format("cannot load the system-call filter: {}", std::strerror(-rc)));
  return Status::Ok();
}

}  // namespace plenary
