// What every libFuzzer target here (fuzz/*_fuzzer.cc) shares: ASan's options
// and a deadline in CPU time for each input. Included once per target, by the
// file that defines LLVMFuzzerTestOneInput; nothing here is for the tests.
//
// Why CPU time: libFuzzer's -timeout is wall-clock time, and on a shared
// machine a fuzzer starved of the CPU for a minute "times out" on an input
// that reads in milliseconds (two thirty-minute runs failed so). An input
// that keeps the CPU busy for kCpuSecondsPerInput is a hang whatever the
// load: SIGPROF (ITIMER_PROF counts the process's CPU time, user and system)
// aborts it, and libFuzzer's SIGABRT handler writes the input as crash-* with
// the stack of the loop. scripts/fuzz.sh keeps a wall-clock -timeout far
// above it, as a backstop for a process that would block without using CPU.
#pragma once

#include <signal.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdlib>

// ASan's defaults, with allocation stacks of 5 frames (scripts/fuzz_env.sh).
// detect_stack_use_after_return is left off: it added 8% (Markdown) to 40%
// (an IRC log) to the reading of an input, and the bug it finds (a view into a
// dead stack frame) depends on a code path more than on the bytes; the
// sanitizer build replays every kept input with it (FuzzCorpus.*, CMakeLists.txt).
// detect_stack_use_after_scope, which found the w3c-irc reader's view of a
// temporary, is on by default.
extern "C" const char* __asan_default_options() { return ""; }

namespace plenary::fuzz {

inline constexpr int kCpuSecondsPerInput = 10;

extern "C" inline void PlenaryFuzzCpuDeadlinePassed(int) {
  static const char message[] =
      "\n==fuzz: one input used 10 s of CPU time: a hang or a reader far from linear "
      "(the input is written as crash-*)\n";
  ssize_t ignored = write(STDERR_FILENO, message, sizeof message - 1);
  (void)ignored;
  std::abort();
}

// Armed for the reading of one input, disarmed after.
class CpuDeadline {
 public:
  CpuDeadline() {
    static const bool installed = [] {
      struct sigaction action {};
      action.sa_handler = PlenaryFuzzCpuDeadlinePassed;
      sigemptyset(&action.sa_mask);
      action.sa_flags = SA_RESTART;
      return sigaction(SIGPROF, &action, nullptr) == 0;
    }();
    (void)installed;
    Set(kCpuSecondsPerInput);
  }
  ~CpuDeadline() { Set(0); }
  CpuDeadline(const CpuDeadline&) = delete;
  CpuDeadline& operator=(const CpuDeadline&) = delete;

 private:
  static void Set(int seconds) {
    itimerval timer{};
    timer.it_value.tv_sec = seconds;
    setitimer(ITIMER_PROF, &timer, nullptr);
  }
};

}  // namespace plenary::fuzz
