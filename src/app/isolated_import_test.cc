// The child process that reads uploads: the same plan as in this process, and
// a crash, a hang, a memory blow-up or a forbidden system call turned into an
// error for that plan alone. Runs the real plenary binary's hidden command.
#include "app/isolated_import.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace plenary {
namespace {

using namespace std::chrono_literals;

std::string ReadFile(const std::string& path) {
  std::ifstream in(std::string(PLENARY_SOURCE_DIR) + "/" + path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

ImportRequest Ssr2() {
  ImportRequest request;
  request.notes = {{"ssr2-plenary-15.txt", ReadFile("examples/ssr2/ssr2-plenary-15.txt")}};
  request.roster = NamedInput{"ssr2-roster.txt", ReadFile("examples/ssr2/ssr2-roster.txt")};
  return request;
}

ImportRequest Fault(const std::string& what) {
  ImportRequest request;
  request.notes = {{"fault.txt", "plenary-test-fault: " + what + "\nSSR2 Plenary\n"}};
  return request;
}

// Sets PLENARY_TEST_READER_FAULTS=1 for the children a test starts.
class FaultsEnabled {
 public:
  FaultsEnabled() { setenv("PLENARY_TEST_READER_FAULTS", "1", 1); }
  ~FaultsEnabled() { unsetenv("PLENARY_TEST_READER_FAULTS"); }
};

std::string FailureOf(const ParseLimits& limits, const std::string& fault) {
  FaultsEnabled enabled;
  auto plan = IsolatedImportPlanner(PLENARY_BINARY, limits).Plan(Fault(fault), {});
  if (plan.ok()) return "a plan";
  EXPECT_EQ(plan.error().kind, ErrorKind::kInternal) << plan.error().message;
  return plan.error().message;
}

TEST(IsolatedImport, PlansExactlyWhatThisProcessPlans) {
  const ImportRequest request = Ssr2();
  auto here = PlanImport(request, {});
  ASSERT_TRUE(here.ok()) << here.error().message;
  auto there = IsolatedImportPlanner(PLENARY_BINARY).Plan(request, {});
  ASSERT_TRUE(there.ok()) << there.error().message;
  EXPECT_EQ(there->batch.roster, here->batch.roster);
  ASSERT_EQ(there->batch.meetings.size(), here->batch.meetings.size());
  EXPECT_EQ(there->batch.meetings[0].meeting, here->batch.meetings[0].meeting);
  EXPECT_EQ(there->batch.meetings[0].source.sha256, here->batch.meetings[0].source.sha256);
  EXPECT_EQ(there->warnings, here->warnings);
  EXPECT_EQ(there->formats, here->formats);
  // With the known rosters, a format and a group carried to the child.
  ImportRequest again = request;
  again.roster.reset();
  again.format = "icann-notes";
  again.group = "SSR2";
  auto known = IsolatedImportPlanner(PLENARY_BINARY).Plan(again, {*here->batch.roster});
  ASSERT_TRUE(known.ok()) << known.error().message;
  EXPECT_EQ(known->batch.meetings[0].meeting, here->batch.meetings[0].meeting);
  ASSERT_EQ(known->formats.size(), 1u);
  EXPECT_EQ(known->formats[0].format, "icann-notes");
  EXPECT_EQ(known->formats[0].why, "chosen, not detected");
}

TEST(IsolatedImport, BadNotesGetTheSameLocatedErrorAsInThisProcess) {
  ImportRequest request;
  request.notes = {{"bad.txt", "nothing a meeting record holds\n"}};
  auto here = PlanImport(request, {});
  auto there = IsolatedImportPlanner(PLENARY_BINARY).Plan(request, {});
  ASSERT_FALSE(here.ok());
  ASSERT_FALSE(there.ok());
  EXPECT_EQ(there.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(there.error().message, here.error().message);
  request.notes = {{"bin.txt", std::string("\xff\xfe\0", 3)}};
  EXPECT_EQ(IsolatedImportPlanner(PLENARY_BINARY).Plan(request, {}).error().message,
            PlanImport(request, {}).error().message);
}

// The hook is dead without the environment variable: the magic line is only
// text, refused as notes.
TEST(IsolatedImport, FaultLinesAreOnlyTextWithoutTheTestEnvironment) {
  unsetenv("PLENARY_TEST_READER_FAULTS");
  auto plan = IsolatedImportPlanner(PLENARY_BINARY).Plan(Fault("crash"), {});
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.error().kind, ErrorKind::kInvalidInput) << plan.error().message;
}

TEST(IsolatedImport, ACrashIsAnErrorNamingTheSignal) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "the sanitizer runtime takes signals, memory and system calls itself; "
                  "the release build runs this test";
#endif
  EXPECT_EQ(FailureOf({}, "crash"), "the reader crashed (SIGSEGV) reading fault.txt");
}

TEST(IsolatedImport, ALoopIsStoppedByTheCpuLimit) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "the sanitizer runtime takes signals, memory and system calls itself; "
                  "the release build runs this test";
#endif
  EXPECT_EQ(FailureOf({1, 30s, 1ull << 30}, "loop"),
            "the reader used more than 1 s of CPU time reading fault.txt and was stopped");
}

TEST(IsolatedImport, ALoopIsStoppedByTheDeadlineWhenCpuTimeLags) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "the sanitizer runtime takes signals, memory and system calls itself; "
                  "the release build runs this test";
#endif
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(FailureOf({60, 1500ms, 1ull << 30}, "loop"),
            "the reader took more than 1.5 s reading fault.txt and was stopped");
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
}

TEST(IsolatedImport, EndlessAllocationIsStoppedByTheAddressSpaceLimit) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "the sanitizer runtime takes signals, memory and system calls itself; "
                  "the release build runs this test";
#endif
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "RLIMIT_AS is not applied under AddressSanitizer";
#endif
  EXPECT_EQ(FailureOf({10, 30s, 256ull << 20}, "allocate"),
            "the reader needed more than 256 MiB of memory reading fault.txt and was stopped");
}

// The filter is real: opening a file after entering the sandbox kills the
// child at once.
TEST(IsolatedImport, AForbiddenSystemCallKillsTheChild) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "the sanitizer runtime takes signals, memory and system calls itself; "
                  "the release build runs this test";
#endif
  EXPECT_EQ(FailureOf({}, "open"),
            "the reader made a forbidden system call reading fault.txt and was stopped (SIGSYS)");
}

TEST(IsolatedImport, AMissingExecutableIsAnError) {
  auto plan = IsolatedImportPlanner("/nonexistent/plenary").Plan(Ssr2(), {});
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.error().kind, ErrorKind::kInternal);
}

}  // namespace
}  // namespace plenary
