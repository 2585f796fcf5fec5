// Several `plenary` processes writing one register at the same moment, as
// staff importing and editing from different machines would: every command
// succeeds, and the register is the one the same commands make one at a
// time. Runs on SQLite and, as "postgres.CliConcurrencyTest", on PostgreSQL.
#include <sys/wait.h>

#include <cstdlib>
#include <thread>

#include "cli_fixture.h"

namespace plenary::cli_testing {
namespace {

// `arg` quoted for sh -c.
std::string Quoted(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

class CliConcurrencyTest : public CliTest {
 protected:
  // The notes of meeting `number`: two items of its own.
  std::string MeetingFile(int number) {
    std::string n = std::to_string(number);
    return WriteFile("p" + n + ".txt",
                     "SSR2 Plenary Meeting #" + n +
                         " - Tuesday 20 June @ 14:00 UTC\n\nAttendees: Emily Taylor\n"
                         "Staff: Jennifer Bryce\n\n\tAction Items Plenary #" +
                         n + "\n\n\tAction\n\tOwner\n\tDue Date\n\n\tDraft chapter " + n +
                         " of the report.\n\tJG\n\t30 June\n\n\tReview the annex " + n +
                         " with staff.\n\tEmily Taylor\n\tTBD\n");
  }

  std::vector<std::vector<std::string>> Commands() {
    std::vector<std::vector<std::string>> commands;
    for (int m = 16; m < 22; ++m) commands.push_back({"import", MeetingFile(m)});
    for (int id = 1; id <= 4; ++id)
      commands.push_back({"actions", "set", std::to_string(id), "--note",
                          "note " + std::to_string(id), "--who", "Jennifer Bryce"});
    return commands;
  }

  // Runs every command at once, each in its own process; their exit statuses.
  std::vector<int> RunAtOnce(const std::vector<std::vector<std::string>>& commands) {
    std::vector<int> statuses(commands.size(), -1);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < commands.size(); ++i) {
      std::string line = Quoted(PLENARY_BINARY) + " --db " + Quoted(db_);
      for (const std::string& arg : commands[i]) line += " " + Quoted(arg);
      line += " >" + Quoted(Path("out" + std::to_string(i))) + " 2>" +
              Quoted(Path("err" + std::to_string(i)));
      threads.emplace_back([&statuses, i, line] {
        int status = std::system(line.c_str());
        statuses[i] = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      });
    }
    for (std::thread& thread : threads) thread.join();
    return statuses;
  }
};

TEST_F(CliConcurrencyTest, ProcessesImportingAndEditingAtOnceLoseNothing) {
  ImportSsr2();
  const std::string concurrent = db_;
  std::vector<std::vector<std::string>> commands = Commands();
  std::vector<int> statuses = RunAtOnce(commands);
  for (std::size_t i = 0; i < commands.size(); ++i)
    EXPECT_EQ(statuses[i], 0) << commands[i][0] << ": "
                              << ReadBytes(Path("err" + std::to_string(i)));
  std::multiset<std::string> together = RegisterContents();
  EXPECT_EQ(Json({"meetings", "--json"}).size(), 7u);
  for (int id = 1; id <= 4; ++id)
    EXPECT_NE(
        Plenary({"actions", "show", std::to_string(id)}).out.find("note " + std::to_string(id)),
        std::string::npos)
        << id;

  // The same commands, one at a time, on a fresh register.
  std::unique_ptr<pg_testing::ScratchSchema> serial_schema;
  if (schema_) {
    serial_schema = std::make_unique<pg_testing::ScratchSchema>();
    db_ = serial_schema->url();
  } else {
    db_ = Path("serial.db");
  }
  ImportSsr2();
  for (const auto& command : commands) ASSERT_EQ(Plenary(command).status, 0) << command[0];
  EXPECT_EQ(RegisterContents(), together);
  db_ = concurrent;
}

}  // namespace
}  // namespace plenary::cli_testing
