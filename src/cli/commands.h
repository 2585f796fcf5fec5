// The commands of the `plenary` CLI, each a thin shell over the application
// services and the store. Each returns the process exit status:
// 0 success, 1 bad input or a failure to read or store, 2 bad usage.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/importing.h"
#include "plenary/model.h"
#include "plenary/result.h"
#include "plenary/store.h"
#include "publish/pages.h"

namespace plenary {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

struct CliContext {
  std::string db;  // a store URL or a path to an SQLite file
  std::ostream& out;
  std::ostream& err;
  Date today;
  bool quiet = false;  // --quiet: no progress line
};

struct ImportCommand {
  std::vector<std::string> files;
  std::optional<std::string> roster;
  std::vector<std::string> workplans;  // --workplan FILE (doc/workplan-format.md)
  std::optional<int> year;
  std::optional<std::string> format;  // --format: skip detection
  std::optional<std::string> group;   // --group: for records that name none
  bool dry_run = false;
  bool json = false;
};

// `plenary workplan`: the sub-teams' work plans with each task's items.
struct WorkPlanCommand {
  std::optional<std::string> group;    // default: every group with a plan
  std::optional<std::string> subteam;  // only this sub-team's plan
  std::optional<std::string> as_of;    // YYYY-MM-DD for "overdue"; default today
  bool json = false;
};
int RunWorkPlan(const CliContext& ctx, const WorkPlanCommand& command);

struct ActionsCommand {
  bool open_only = false;
  std::optional<std::string> owner;
  bool overdue = false;
  std::optional<std::string> as_of;  // YYYY-MM-DD; default today
  bool json = false;
};

// Without a period: the attendance log. With --month, or --from and/or --to:
// participation over that period.
struct AttendanceCommand {
  std::optional<std::string> group;  // a group's short name; default every group
  std::optional<std::string> month;  // YYYY-MM
  std::optional<std::string> from;   // YYYY-MM-DD
  std::optional<std::string> to;     // YYYY-MM-DD
  bool by_affiliation = false;       // participation summed by appointing organisation
  bool json = false;
};

// Shared by the commands: the register at ctx.db, which must already exist
// (listings never create one), and the one way to report an error.
Result<std::unique_ptr<Store>> OpenExistingStore(const CliContext& ctx);
int Fail(const CliContext& ctx, const Error& error);

struct ActionEditCommand {
  std::int64_t id = 0;
  std::optional<std::string> status;  // open | complete | cancelled
  std::optional<std::string> due;     // YYYY-MM-DD | none
  std::vector<std::string> owners;    // replace the owners with these
  std::optional<std::string> note;
  std::optional<std::string> who;  // default $PLENARY_USER, $USER
  bool json = false;
};

// `plenary publish`: the whole published set of a group (or every group) in
// one format, or all, written under `to`; with --attendance --month, only
// that month's participation page, printed when there is no --to.
struct PublishCommand {
  std::optional<std::string> group;
  std::string format = "markdown";   // a PublishFormatName, or "all"
  std::optional<std::string> to;     // the output directory
  std::optional<std::string> today;  // YYYY-MM-DD; default the real date
  bool attendance = false;
  std::optional<std::string> month;  // YYYY-MM or "previous", with --attendance
  // To a MediaWiki instead of files: its api.php (or folder), the login and a
  // file holding the password (doc/publishing.md).
  std::optional<std::string> mediawiki;
  std::optional<std::string> user;
  std::optional<std::string> password_file;
};

// What `command` asks BuildPages for (in Markdown): its group, its day
// (--today or the real date) and its month, "previous" naming the month
// before that day (so a job run on the 1st posts the month just ended).
// Precondition: command.today, when given, is a valid date.
PublishOptions PublishOptionsOf(const CliContext& ctx, const PublishCommand& command);

struct ServeCommand {
  std::string listen = "127.0.0.1:8080";
  int threads = 0;  // 0: one per core
  int workers = 0;  // 0: two per core
  std::optional<std::string> access_log;
  std::string log_format = "text";  // text | json
  int request_timeout_ms = 0;  // 0: the server's default
  bool secure_cookies = false;
  int parse_cpu_seconds = 10;  // of one upload's reading, in its child process
  int parse_memory_mb = 1024;  // likewise, its address space
  int response_cache_mb = 32;  // the read routes' answers kept; 0: none
};

int RunImport(const CliContext& ctx, const ImportCommand& command);
// What `import` and `minutes` share: `command`'s files (and roster) read and
// planned against the `known` rosters (and work plans), the format of each file and the
// warnings reported on ctx.err. Nothing is written. `minutes` plans without
// the inputs' digests (ImportRequest::digest_sources).
enum class ForRegister { kYes, kNo };
Result<ImportPlan> PlanImportOfFiles(const CliContext& ctx, const ImportCommand& command,
                                     const std::vector<Roster>& known,
                                     const std::vector<WorkPlan>& known_workplans = {},
                                     ForRegister for_register = ForRegister::kYes);

// `plenary minutes`: notes read as `import` reads them and published (as
// `publish` does, default HTML) without a register: printed, or written
// under `to`.
struct MinutesCommand {
  ImportCommand read;  // files, roster, year, format, group
  std::string as = "html";
  std::optional<std::string> to;
  std::optional<std::string> today;  // YYYY-MM-DD; default the real date
  bool meetings_only = false;        // each meeting's page alone (PublishOptions)
};
int RunMinutes(const CliContext& ctx, const MinutesCommand& command);
// `plenary formats`: each input format with its one-line description.
int RunFormats(const CliContext& ctx, bool json);
int RunPublish(const CliContext& ctx, const PublishCommand& command);
int RunPublishToMediaWiki(const CliContext& ctx, const PublishCommand& command);
int RunServe(const CliContext& ctx, const ServeCommand& command);
int RunMeetings(const CliContext& ctx, bool json);
int RunActions(const CliContext& ctx, const ActionsCommand& command);
int RunDecisions(const CliContext& ctx, bool json);
int RunAttendance(const CliContext& ctx, const AttendanceCommand& command);
int RunRoster(const CliContext& ctx, bool json);
int RunActionShow(const CliContext& ctx, std::int64_t id, bool json);
int RunActionEdit(const CliContext& ctx, const ActionEditCommand& command);
int RunActionMerge(const CliContext& ctx, std::int64_t into, std::int64_t from,
                   const std::optional<std::string>& who, const std::optional<std::string>& note);
int RunActionUnmerge(const CliContext& ctx, std::int64_t from);
int RunActionDuplicates(const CliContext& ctx, bool json);
int RunActionNotices(const CliContext& ctx, bool json);
// config_command.cc: `plenary config check`, the settings in force (the file
// after the command line's --db or $PLENARY_DB), secrets redacted; fails when
// a secret file it names cannot be read as one (app/password_file.h).
class Config;
int RunConfigCheck(const CliContext& ctx, const Config& config);
// copy_commands.cc
int RunExport(const CliContext& ctx);
int RunCopyDb(const CliContext& ctx, const std::string& from, const std::string& to);

}  // namespace plenary
