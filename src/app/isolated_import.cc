#include "app/isolated_import.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>

#if defined(__SANITIZE_ADDRESS__)
#endif

#include "app/import_codec.h"
#include "app/parse_sandbox.h"

extern char** environ;

namespace plenary {
namespace {

using Clock = std::chrono::steady_clock;

// The child's exit statuses besides 0 (an answer was written).
constexpr int kExitOutOfMemory = 3;
constexpr int kExitBadJob = 4;
constexpr int kExitNoSandbox = 5;
constexpr int kExitCannotWrite = 6;

// An answer is a plan of at most 4 MiB of notes a file; anything far larger
// is a child gone wrong.
constexpr std::size_t kMaxAnswerBytes = std::size_t{512} << 20;

std::string SignalName(int signal) {
  const char* abbrev = sigabbrev_np(signal);
  return abbrev ? fmt::format("SIG{}", abbrev) : fmt::format("signal {}", signal);
}

std::string InputNames(const ImportRequest& request) {
  std::string names;
  for (const NamedInput& input : request.notes) names += (names.empty() ? "" : ", ") + input.name;
  return names;
}

struct Child {
  pid_t pid = 0;
  int socket = -1;
};

Result<Child> Spawn(const std::string& executable) {
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    return Error::Internal(fmt::format("cannot make a socket pair: {}", std::strerror(errno)));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 0);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  // The child starts with no signal blocked and every signal at its default,
  // whatever the server's threads block or handle.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &all);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  std::string command(kParseChildCommand);
  std::string program = executable;
  char* argv[] = {program.data(), command.data(), nullptr};
  Child child;
  const int rc = posix_spawn(&child.pid, executable.c_str(), &actions, &attributes, argv, environ);
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    return Error::Internal(fmt::format("cannot start {}: {}", executable, std::strerror(rc)));
  }
  child.socket = fds[0];
  return child;
}

// Sends `job` and reads the answer until the child closes its end. False when
// `deadline` passed first.
bool Exchange(int fd, std::string_view job, std::string& answer, Clock::time_point deadline) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  std::size_t sent = 0;
  char buffer[1 << 16];
  for (;;) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, static_cast<short>(POLLIN | (sent < job.size() ? POLLOUT : 0)), 0};
    const int ready = poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready <= 0) continue;
    if ((p.revents & POLLOUT) && sent < job.size()) {
      const ssize_t n = send(fd, job.data() + sent, job.size() - sent, MSG_NOSIGNAL);
      if (n > 0) sent += static_cast<std::size_t>(n);
      if (n < 0 && errno != EAGAIN && errno != EINTR) sent = job.size();  // the child is gone
      if (sent == job.size()) shutdown(fd, SHUT_WR);
    }
    if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
      const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
      if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) return true;
      if (n > 0) answer.append(buffer, static_cast<std::size_t>(n));
      if (answer.size() > kMaxAnswerBytes) return true;
    }
  }
}

int WaitFor(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

// What became of the child, as the person who uploaded should read it.
Result<ImportPlan> Outcome(int status, bool timed_out, const std::string& answer,
                           const ImportRequest& request, const ParseLimits& limits) {
  const std::string names = InputNames(request);
  if (timed_out)
    return Error::Internal(fmt::format("the reader took more than {} s reading {} and was stopped",
                                       std::chrono::duration<double>(limits.wall).count(), names));
  if (WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    if (signal == SIGXCPU)
      return Error::Internal(
          fmt::format("the reader used more than {} s of CPU time reading {} "
                      "and was stopped",
                      limits.cpu_seconds, names));
    if (signal == SIGSYS)
      return Error::Internal(fmt::format(
          "the reader made a forbidden system call reading {} and was stopped (SIGSYS)", names));
    return Error::Internal(
        fmt::format("the reader crashed ({}) reading {}", SignalName(signal), names));
  }
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (code == kExitOutOfMemory)
    return Error::Internal(
        fmt::format("the reader needed more than {} MiB of memory reading {} "
                    "and was stopped",
                    limits.address_space_bytes >> 20, names));
  if (code == 0 || code == kExitBadJob || code == kExitNoSandbox) {
    auto plan = DecodePlanResult(answer);
    if (code == 0 || !plan.ok()) return plan;
  }
  return Error::Internal(fmt::format("the reader failed (exit status {}) reading {}", code, names));
}

// The child's I/O: plain system calls on its socket, nothing buffered.
std::string ReadJob() {
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = read(0, buffer, sizeof buffer);
    if (n > 0)
      bytes.append(buffer, static_cast<std::size_t>(n));
    else if (n == 0 || errno != EINTR)
      return bytes;
  }
}

bool WriteAll(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = write(1, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool TestFaultsEnabled() {
  const char* value = std::getenv("PLENARY_TEST_READER_FAULTS");
  return value && std::string_view(value) == "1";
}

// The misbehaviours the tests of isolation provoke (see the header).
void InjectTestFault(const ImportRequest& request) {
  constexpr std::string_view kMagic = "plenary-test-fault: ";
  if (request.notes.empty() || !request.notes.front().bytes.starts_with(kMagic)) return;
  std::string_view what = request.notes.front().bytes;
  what.remove_prefix(kMagic.size());
  what = what.substr(0, what.find_first_of("\r\n"));
  if (what == "crash") {
    volatile int* volatile nowhere = nullptr;
    *nowhere = 1;
  } else if (what == "loop") {
    volatile unsigned spin = 0;
    for (;;) {
      const unsigned next = spin + 1;
      spin = next;
    }
  } else if (what == "allocate") {
    std::vector<std::unique_ptr<char[]>> hoard;
    for (;;) hoard.push_back(std::make_unique<char[]>(std::size_t{1} << 20));
  } else if (what == "open") {
    [[maybe_unused]] int fd = open("/etc/hostname", O_RDONLY | O_CLOEXEC);
  }
}

}  // namespace

IsolatedImportPlanner::IsolatedImportPlanner(std::string executable, ParseLimits limits)
    : executable_(std::move(executable)), limits_(limits) {}

Result<ImportPlan> IsolatedImportPlanner::Plan(const ImportRequest& request,
                                               const std::vector<Roster>& known_rosters) const {
  const auto deadline = Clock::now() + limits_.wall;
  const std::string job =
      EncodeParseJob({request, known_rosters, limits_.cpu_seconds, limits_.address_space_bytes});
  auto child = Spawn(executable_);
  if (!child.ok()) return child.error();
  std::string answer;
  const bool answered = Exchange(child->socket, job, answer, deadline);
  close(child->socket);
  if (!answered || answer.size() > kMaxAnswerBytes) kill(child->pid, SIGKILL);
  const int status = WaitFor(child->pid);
  return Outcome(status, !answered, answer, request, limits_);
}

int RunParseChild() {
  // Nothing of the parent's but the socket: no database, no listening socket.
  close_range(3, ~0U, 0);
  std::string bytes = ReadJob();
  auto job = DecodeParseJob(bytes);
  if (!job.ok()) {
    WriteAll(EncodePlanResult(Error::Internal(job.error().message)));
    return kExitBadJob;
  }
  std::string().swap(bytes);
  const bool faults = TestFaultsEnabled();
  // (The child ends with std::_Exit, so the sanitizer build's leak check at
  // exit, which would stop the world with clone() and ptrace, does not run.)
  Status caged = EnterParseSandbox({job->cpu_seconds, job->address_space_bytes});
  if (!caged.ok()) {
    WriteAll(EncodePlanResult(caged.error()));
    return kExitNoSandbox;
  }
  try {
    if (faults) InjectTestFault(job->request);
    const std::string answer = EncodePlanResult(PlanImport(job->request, job->known_rosters));
    return WriteAll(answer) ? 0 : kExitCannotWrite;
  } catch (const std::bad_alloc&) {
    return kExitOutOfMemory;
  } catch (const std::exception& e) {
    // PlanImport's errors are values: an exception is a reader's bug.
    return WriteAll(
               EncodePlanResult(Error::Internal(fmt::format("the reader failed: {}", e.what()))))
               ? 0
               : kExitCannotWrite;
  }
}

}  // namespace plenary
