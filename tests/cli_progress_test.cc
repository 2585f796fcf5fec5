// The progress line of long work, seen from a real terminal (a pty) and from
// a pipe: it is drawn and cleared on the one, absent from the other, and has
// no colour under NO_COLOR or with --quiet not at all.
#include <pty.h>

#include "cli/progress.h"
#include "cli_fixture.h"

namespace plenary::cli_testing {
namespace {

class CliProgressTest : public CliTest {
 protected:
  // Ten copies of the SSR2 notes, each its own meeting.
  std::vector<std::string> ManyNotes() const {
    std::string notes = ReadBytes(kNotes);
    std::vector<std::string> files;
    for (int n = 20; n < 30; ++n) {
      std::string text = notes;
      std::size_t number = text.find("#15");
      text.replace(number, 3, "#" + std::to_string(n));
      files.push_back(WriteFile("notes-" + std::to_string(n) + ".txt", text));
    }
    return files;
  }

  // Runs plenary with its standard output and error on a pseudo-terminal and
  // returns all it wrote there.
  std::string OnTerminal(const std::vector<std::string>& args,
                         const std::vector<std::string>& env) {
    std::vector<std::string> argv_strings = {PLENARY_BINARY, "--db", db_};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    int master = -1;
    pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
    if (pid == 0) {
      unsetenv("NO_COLOR");
      setenv("TERM", "xterm", 1);
      for (const std::string& e : env) putenv(const_cast<char*>(e.c_str()));
      std::vector<char*> argv;
      for (std::string& a : argv_strings) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    EXPECT_GT(pid, 0);
    std::string seen;
    char buffer[4096];
    for (;;) {
      ssize_t n = read(master, buffer, sizeof buffer);
      if (n <= 0) break;  // EIO once the child has gone
      seen.append(buffer, static_cast<std::size_t>(n));
    }
    close(master);
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << seen;
    return seen;
  }
};

TEST_F(CliProgressTest, ABulkImportDrawsOneLineOnATerminalAndClearsIt) {
  std::vector<std::string> args = {"import", "--roster", kRoster};
  for (const std::string& file : ManyNotes()) args.push_back(file);
  std::string seen = OnTerminal(args, {});
  EXPECT_NE(seen.find("\r\x1b[1m[10/10]\x1b[0m reading minutes: 130 items, "), std::string::npos)
      << seen;
  EXPECT_NE(seen.find(" files/s\x1b[K"), std::string::npos) << seen;
  EXPECT_NE(seen.find("\x1b[0m writing 10 meetings: "), std::string::npos) << seen;
  // Cleared before the report, which starts on a clean line.
  EXPECT_NE(seen.find("\r\x1b[Kroster SSR2: created"), std::string::npos) << seen;
}

TEST_F(CliProgressTest, NoColourUnderNoColorAndNoLineWithQuiet) {
  std::vector<std::string> files = ManyNotes();
  std::vector<std::string> args = {"import", "--roster", kRoster};
  args.insert(args.end(), files.begin(), files.end());
  std::string seen = OnTerminal(args, {"NO_COLOR=1"});
  EXPECT_NE(seen.find("\r[10/10] reading minutes: 130 items, "), std::string::npos) << seen;
  EXPECT_EQ(seen.find("\x1b[1m"), std::string::npos) << seen;

  std::vector<std::string> quiet = {"--quiet", "import", "--roster", kRoster};
  quiet.insert(quiet.end(), files.begin(), files.end());
  seen = OnTerminal(quiet, {});
  EXPECT_EQ(seen.find('\r' + std::string("[")), std::string::npos) << seen;
  EXPECT_EQ(seen.find("reading minutes"), std::string::npos) << seen;
}

TEST_F(CliProgressTest, NothingWhenTheOutputIsNotATerminal) {
  std::vector<std::string> args = {"import", "--roster", kRoster};
  for (const std::string& file : ManyNotes()) args.push_back(file);
  RunResult r = Plenary(args);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("reading minutes"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find('\r'), std::string::npos);
}

TEST_F(CliProgressTest, PublishAndCopyDbShowTheirLine) {
  ImportSsr2();
  std::string seen = OnTerminal({"publish", "--format", "all", "--to", Path("site")}, {});
  EXPECT_NE(seen.find("[7/7]\x1b[0m publishing: "), std::string::npos) << seen;
  // Each "wrote" line starts on a cleared line, never after the status.
  EXPECT_NE(seen.find("\r\x1b[Kwrote ssr2/index.html"), std::string::npos) << seen;
  EXPECT_EQ(seen.find("\x1b[Kwrote ssr2/plenary-15.html"), std::string::npos) << seen;
  EXPECT_NE(seen.find(" formats/s\x1b[K"), std::string::npos) << seen;
  if (schema_) return;  // copy-db to an SQLite file: the SQLite run covers it
  seen = OnTerminal({"copy-db", "--from", db_, "--to", Path("copy.db")}, {});
  EXPECT_NE(seen.find("[2/3]\x1b[0m checking the copy: "), std::string::npos) << seen;
  EXPECT_NE(seen.find("the exports are identical"), std::string::npos) << seen;
}

TEST(ProgressLine, FormatsCountsItemsTimeAndRate) {
  EXPECT_EQ(ProgressLine::Format(37, 300, "reading minutes", 412, "files", 1.25),
            "[37/300] reading minutes: 412 items, 1.2 s, 29.6 files/s");
  EXPECT_EQ(ProgressLine::Format(0, 3, "reading x", 0, "steps", 0.0), "[0/3] reading x: 0.0 s");
}

}  // namespace
}  // namespace plenary::cli_testing
