// Integration tests of the real `plenary` binary (PLENARY_BINARY): each test
// gets a fresh temporary directory with its own --db, runs the binary with
// posix_spawn, and checks its exit status, standard output and standard error
// against doc/cli.md, and the register file's bytes where nothing may change.
#include <set>
#include <sstream>

#include "cli_fixture.h"
#include "importers/formats.h"

namespace plenary::cli_testing {
namespace {

using namespace std::string_literals;

// --- import ----------------------------------------------------------------

TEST_F(CliTest, ImportsTheSsr2NotesWithTheirRoster) {
  RunResult r = Plenary({"import", kNotes, "--roster", kRoster});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "roster SSR2: created (22 people)\n" + kSsr2ReportLine + " [created]\n");
  // Every name is on the roster: no warnings; only the format chosen, and why.
  EXPECT_EQ(r.err, std::string(kNotes) +
                       ": read as icann-notes (detected: a header line 'GROUP KIND #N - "
                       "DATE')\n");
  EXPECT_TRUE(RegisterExists());
}

TEST_F(CliTest, ReimportingTheSameFileChangesNothing) {
  ImportSsr2();
  const std::string before = RegisterState();
  RunResult r = Plenary({"import", kNotes, "--roster", kRoster});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "roster SSR2: unchanged (22 people)\n" + kSsr2ReportLine + " [unchanged]\n");
  EXPECT_EQ(RegisterState(), before);
}

TEST_F(CliTest, ImportingAnEditedCopyUpdatesInPlaceKeepingIds) {
  ImportSsr2();
  const json before = Json({"actions", "--json"});
  std::string notes = ReadBytes(kNotes);
  const std::string old_text = "Post attendance participation rates to wiki on a monthly basis.";
  const std::string new_text = "Post attendance participation rates to wiki every week.";
  ASSERT_NE(notes.find(old_text), std::string::npos);
  notes.replace(notes.find(old_text), old_text.size(), new_text);
  const std::string edited = WriteFile("ssr2-plenary-15-edited.txt", notes);

  RunResult r = Plenary({"import", edited});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, kSsr2ReportLine + " [updated]\n");

  const json after = Json({"actions", "--json"});
  ASSERT_EQ(after.size(), before.size());
  int edited_items = 0;
  for (std::size_t i = 0; i < after.size(); ++i) {
    EXPECT_EQ(after[i]["id"], before[i]["id"]) << i;
    if (before[i]["text"] == old_text) {
      ++edited_items;
      EXPECT_EQ(after[i]["text"], json(new_text));
    } else {
      EXPECT_EQ(after[i]["text"], before[i]["text"]) << i;
    }
  }
  EXPECT_EQ(edited_items, 1);
  EXPECT_EQ(Json({"meetings", "--json"}).size(), 1u);
}

TEST_F(CliTest, MinutesPrintTheMeetingsPagesAndCreateNoRegister) {
  RunResult r = Plenary(
      {"minutes", "--as", "markdown", "--today", "2017-07-01", kNotes, "--roster", kRoster});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("# SSR2 Plenary #15"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| Action | Owner | Due | Status |"), std::string::npos) << r.out;
  for (const auto& entry : fs::directory_iterator(dir_))
    EXPECT_EQ(entry.path().filename().string().rfind("register.db", 0), std::string::npos)
        << entry.path();
}

// --meetings-only: the meeting's minutes page alone, as scribe.perl prints
// one page; the same bytes as that page in the whole set, in each document
// format (the wiki formats' links still name the set's other pages).
TEST_F(CliTest, MinutesOfTheMeetingsAloneAreTheirPagesOfTheWholeSet) {
  const std::vector<std::string> common = {"minutes", "--today",  "2017-07-01",
                                           kNotes,    "--roster", kRoster};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = common;
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  };
  RunResult r = Plenary(with({"--as", "all", "--to", Path("whole")}));
  ASSERT_EQ(r.status, 0) << r.err;
  r = Plenary(with({"--as", "all", "--meetings-only", "--to", Path("alone")}));
  ASSERT_EQ(r.status, 0) << r.err;
  std::set<std::string> alone;
  for (const auto& e : fs::recursive_directory_iterator(dir_ / "alone"))
    if (e.is_regular_file()) alone.insert(fs::relative(e.path(), dir_ / "alone").string());
  EXPECT_EQ(alone, (std::set<std::string>{"ssr2/plenary-15.md", "ssr2/plenary-15.html",
                                          "ssr2/plenary-15.xml", "ssr2/plenary-15.wiki"}));
  for (const std::string& rel : alone)
    EXPECT_EQ(ReadBytes(dir_ / "alone" / rel), ReadBytes(dir_ / "whole" / rel)) << rel;
  EXPECT_NE(ReadBytes(dir_ / "alone/ssr2/plenary-15.wiki").find("[[SSR2/Action items"),
            std::string::npos);

  r = Plenary(with({"--meetings-only"}));  // printed: one HTML page
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, ReadBytes(dir_ / "whole/ssr2/plenary-15.html"));

  r = Plenary(with({"--meetings-only", "--as", "csv"}));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("plenary: error: csv: the meetings' own pages are markdown, html, "
                       "confluence or mediawiki\n"),
            std::string::npos)
      << r.err;
}

// Libraries only some commands need are opened by those commands
// (publish/system_library.h, store/postgres_module.h): HTML minutes map
// neither libical (nor the ICU it brings), nor libcurl, nor libpq; an
// iCalendar feed opens libical. The loader's own report says what it mapped.
TEST_F(CliTest, MinutesMapNoLibraryTheyDoNotUseAndAFeedOpensLibical) {
  RunResult r = Spawn({PLENARY_BINARY, "--db", db_, "minutes", "--as", "html", "--today",
                       "2017-07-01", kNotes, "--roster", kRoster, "--to", Path("html")},
                      {"LD_DEBUG=libs"});
  ASSERT_EQ(r.status, 0) << r.err;
  ASSERT_NE(r.err.find("libc.so.6"), std::string::npos) << "no loader report: " << r.err;
  for (const char* lib : {"libical.so", "libicuuc.so", "libcurl.so", "libpq.so"})
    EXPECT_EQ(r.err.find(lib), std::string::npos) << lib << " was mapped";
  r = Spawn({PLENARY_BINARY, "--db", db_, "minutes", "--as", "ical", "--today", "2017-07-01",
             kNotes, "--roster", kRoster, "--to", Path("ical")},
            {"LD_DEBUG=libs"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("libical.so.3"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("libcurl.so"), std::string::npos);
  std::string feed = ReadBytes(dir_ / "ical" / "ssr2" / "calendar.ics");
  EXPECT_EQ(feed.rfind("BEGIN:VCALENDAR\r\n", 0), 0u) << feed.substr(0, 200);
  EXPECT_NE(feed.find("BEGIN:VTODO"), std::string::npos);
}

TEST_F(CliTest, MinutesOfBadNotesFailAtTheirPlaceAndWriteNothing) {
  WriteFile("bad.txt", "SSR2 Plenary Meeting #15 - Tuesday 31 June 2017 @ 06:00 UTC\n");
  RunResult r = Plenary({"minutes", Path("bad.txt"), "--to", Path("site")});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(FirstLine(r.err), "plenary: error: " + Path("bad.txt") + ":1:1: no such day: 31 June");
  EXPECT_FALSE(fs::exists(dir_ / "site"));
  r = Plenary({"minutes", kNotes, "--as", "pdf"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "plenary: error: --as pdf: expected markdown, html, confluence, mediawiki, "
                   "csv, json, ical or all\n");
}

TEST_F(CliTest, DryRunCreatesNoRegister) {
  RunResult r = Plenary({"import", "--dry-run", kNotes, "--roster", kRoster});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "would record " + kSsr2ReportLine + "\ndry run: nothing written\n");
  for (const auto& entry : fs::directory_iterator(dir_))  // no -journal, -wal or -shm either
    EXPECT_EQ(entry.path().filename().string().rfind("register.db", 0), std::string::npos)
        << entry.path();
}

TEST_F(CliTest, DryRunJsonPrintsTheMeetingAndWritesNothing) {
  ImportSsr2();
  const std::string before = RegisterState();
  RunResult r = Plenary({"import", "--dry-run", "--json", kNotes});
  EXPECT_EQ(r.status, 0) << r.err;
  json meetings = json::parse(r.out, nullptr, false);
  ASSERT_TRUE(meetings.is_array()) << r.out;
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0]["actions"].size(), 13u);
  EXPECT_EQ(RegisterState(), before);
}

TEST_F(CliTest, NotesWithoutAYearNeedARosterOrYear) {
  RunResult r = Plenary({"import", kNotes});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(FirstLine(r.err), "plenary: error: " + kNotes +
                                  ":1:1: the header gives no year and nothing decides it: give "
                                  "--year, or load a roster for SSR2 with its active period");
  EXPECT_FALSE(RegisterExists());

  r = Plenary({"import", kNotes, "--year", "2017"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Json({"meetings", "--json"})[0]["date"], json("2017-06-13"));
}

TEST_F(CliTest, RosterInTheRegisterDecidesTheYearOfLaterImports) {
  ImportSsr2();
  RunResult r = Plenary({"import", WriteFile("p16.txt", kPlenary16)});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "SSR2 Plenary #16, 2017-06-20 14:00 UTC: 2 action items, 0 decisions, 2 attendees, "
            "1 staff, 0 apologies [created]\n");
}

// --- listings ----------------------------------------------------------------

TEST_F(CliTest, MeetingsJsonHasTheDocumentedKeysAndValues) {
  ImportSsr2();
  json meetings = Json({"meetings", "--json"});
  ASSERT_EQ(meetings.size(), 1u);
  const json& m = meetings[0];
  for (const char* key : {"group", "kind", "number", "date", "start_utc", "attendees", "staff",
                          "apologies", "decisions"})
    EXPECT_TRUE(m.contains(key)) << key;
  EXPECT_EQ(m["group"], json("SSR2"));
  EXPECT_EQ(m["kind"], json("Plenary"));
  EXPECT_EQ(m["number"], 15);
  EXPECT_EQ(m["date"], json("2017-06-13"));
  EXPECT_EQ(m["start_utc"], json("06:00"));
  EXPECT_EQ(m["attendees"], json({"Emily Taylor", "James Gannon", "Zarko Kecic", "Kaveh Ranjbar",
                                  "Alain Aina", "Ram Krishna Pariyar"}));
  EXPECT_EQ(m["staff"], json({"Jennifer Bryce", "Karen Mulberry", "Yvette Guigneaux", "Laena Rahim",
                              "Steve Conte"}));
  EXPECT_EQ(m["apologies"], json({"Boban Krsic"}));
  EXPECT_EQ(m["decisions"],
            json({"Team agreed that individual sub-teams are free to progress work."}));
}

TEST_F(CliTest, ActionsJsonHasTheDocumentedKeysAndSources) {
  ImportSsr2();
  json actions = Json({"actions", "--json"});
  ASSERT_EQ(actions.size(), 13u);
  std::map<std::string, int> by_source;
  std::set<std::int64_t> ids;
  for (const json& a : actions) {
    SCOPED_TRACE(a.dump());
    ASSERT_TRUE(a["id"].is_number_integer());
    ids.insert(a["id"].get<std::int64_t>());
    EXPECT_TRUE(a["text"].is_string() && !a["text"].get<std::string>().empty());
    ASSERT_TRUE(a["owners"].is_array());
    for (const json& o : a["owners"]) EXPECT_TRUE(o.is_string());
    ASSERT_TRUE(a["due"].is_null() || a["due"].is_string());
    if (a["due"].is_string()) {
      EXPECT_EQ(a["due"].get<std::string>().size(), 10u);
    }
    EXPECT_TRUE(a["status"] == "open" || a["status"] == "complete" || a["status"] == "cancelled");
    ++by_source[a.value("source", "?")];
    EXPECT_EQ(
        a["meeting"],
        json({{"group", "SSR2"}, {"kind", "Plenary"}, {"number", 15}, {"date", "2017-06-13"}}));
  }
  EXPECT_EQ(ids.size(), 13u);
  EXPECT_EQ(by_source, (std::map<std::string, int>{{"table", 4}, {"review", 8}, {"notes", 1}}));

  // The documented example: the L-root row, raised by GH, due TBD.
  const json& lroot = actions[3];
  EXPECT_EQ(lroot["text"].get<std::string>().substr(0, 31), "ICANN DNS Engineering team to r");
  EXPECT_EQ(lroot["owners"], json({"ICANN Org"}));
  EXPECT_EQ(lroot["owner_kinds"], json({"organisation"}));
  EXPECT_TRUE(lroot["due"].is_null());
  EXPECT_EQ(lroot["source"], json("table"));
  EXPECT_EQ(lroot["raised_by"], json("Geoff Huston"));
}

TEST_F(CliTest, OpenActionsLeaveOutTheCompletedObserversItem) {
  ImportSsr2();
  std::vector<std::string> all = ActionTexts({});
  std::vector<std::string> open = ActionTexts({"--open"});
  const std::string observers = "Observers: Keep interactions as-is for now.";
  EXPECT_NE(std::find(all.begin(), all.end(), observers), all.end());
  EXPECT_EQ(std::find(open.begin(), open.end(), observers), open.end());
  EXPECT_EQ(open.size(), 12u);
}

TEST_F(CliTest, OwnerFilterMatchesOrganisationsIgnoringCase) {
  ImportSsr2();
  std::vector<std::string> staff = ActionTexts({"--owner", "staff"});
  ASSERT_EQ(staff.size(), 2u);
  EXPECT_EQ(staff[0].substr(0, 27), "Staff start a thread on the");
  EXPECT_EQ(staff[1].substr(0, 35), "Staff to put attendance log togethe");
  std::vector<std::string> org = ActionTexts({"--owner", "icann org"});
  ASSERT_EQ(org.size(), 3u);
  EXPECT_EQ(org[0], "Post attendance participation rates to wiki on a monthly basis.");
  EXPECT_EQ(org[1], "Staff to capture and share all discussions to-date around outreach.");
  EXPECT_EQ(org[2].substr(0, 26), "ICANN DNS Engineering team");
  EXPECT_EQ(ActionTexts({"--owner", "ICANN ORG"}), org);
}

TEST_F(CliTest, OwnerFilterMatchesAPersonByNameAliasOrInitials) {
  ImportSsr2();
  ASSERT_EQ(Plenary({"import", WriteFile("p16.txt", kPlenary16)}).status, 0);
  const std::string drafted = "Draft the outreach plan.";
  const std::string written_jg = "Circulate the terms of reference.";
  EXPECT_EQ(ActionTexts({"--owner", "James Gannon"}), std::vector<std::string>{drafted});
  EXPECT_EQ(ActionTexts({"--owner", "JAMES GANNON"}), std::vector<std::string>{drafted});
  // "jg" as a query finds JG's item through the roster, and the item whose
  // owner was written "jg" (kept as written, so matched by that name).
  EXPECT_EQ(ActionTexts({"--owner", "jg"}), (std::vector<std::string>{drafted, written_jg}));
  EXPECT_EQ(ActionTexts({"--owner", "JG"}), (std::vector<std::string>{drafted, written_jg}));
  json items = Json({"actions", "--json", "--owner", "jg"});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["owners"], json({"James Gannon"}));
  EXPECT_EQ(items[0]["owner_kinds"], json({"person"}));
  EXPECT_EQ(items[1]["owners"], json({"jg"}));
  EXPECT_EQ(items[1]["owner_kinds"], json({"unresolved"}));
  EXPECT_EQ(ActionTexts({"--owner", "Nobody Atall"}), std::vector<std::string>{});
}

TEST_F(CliTest, OverdueAsOfListsOnlyOpenItemsDueBeforeThatDay) {
  ImportSsr2();
  json overdue = Json({"actions", "--overdue", "--as-of", "2017-06-20", "--json"});
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0]["due"], json("2017-06-16"));
  EXPECT_EQ(overdue[0]["text"],
            json("Staff to capture and share all discussions to-date around outreach."));

  RunResult r = Plenary({"actions", "--overdue", "--as-of", "2017-06-20"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(FirstLine(r.out), "#3    open      due 2017-06-16 (overdue 4 days)  ICANN Org");
  EXPECT_EQ(Json({"actions", "--overdue", "--as-of", "2017-06-16", "--json"}).size(), 0u);
}

TEST_F(CliTest, MalformedAsOfIsBadUsage) {
  ImportSsr2();
  RunResult r = Plenary({"actions", "--overdue", "--as-of", "2017-06-31"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "plenary: error: --as-of 2017-06-31: expected a date YYYY-MM-DD\n");
}

TEST_F(CliTest, ListingWithoutARegisterFailsAndCreatesNone) {
  for (const char* command : {"meetings", "actions", "decisions", "attendance", "roster"}) {
    SCOPED_TRACE(command);
    RunResult r = Plenary({command});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "plenary: error: no register at " + db_ +
                         "; import notes first (plenary import FILE), or give --db\n");
    EXPECT_FALSE(RegisterExists());
  }
}

// --- usage -------------------------------------------------------------------

TEST_F(CliTest, EveryCommandTakesHelp) {
  for (const char* command :
       {"import", "meetings", "actions", "decisions", "attendance", "roster"}) {
    SCOPED_TRACE(command);
    RunResult r = Plenary({command, "--help"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find(command), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("--help"), std::string::npos) << r.out;
    EXPECT_FALSE(RegisterExists());
  }
}

// Only the command named is built (src/cli/main.cc, CommandWord): each one
// `plenary --help` lists must still be there when named, after the global
// options too, with the same help as when every command is built.
TEST_F(CliTest, EachListedCommandIsBuiltWhenNamed) {
  RunResult all = Plenary({"--help"});
  ASSERT_EQ(all.status, 0);
  std::size_t list = all.out.find("Subcommands:\n");
  ASSERT_NE(list, std::string::npos) << all.out;
  std::istringstream lines(all.out.substr(list + 13));
  std::vector<std::string> commands;
  for (std::string line; std::getline(lines, line) && line.starts_with("  ");) {
    std::istringstream words(line);
    commands.emplace_back();
    words >> commands.back();
  }
  ASSERT_GE(commands.size(), 20u) << all.out;
  for (const std::string& command : commands) {
    SCOPED_TRACE(command);
    RunResult named = Plenary({command, "--help"});
    EXPECT_EQ(named.status, 0) << named.err;
    EXPECT_NE(named.out.find("Usage: plenary " + command), std::string::npos) << named.out;
    RunResult after_globals = Plenary({"-q", "--config", "/nonexistent.toml", command, "--help"});
    EXPECT_EQ(after_globals.out, named.out);
  }
  EXPECT_FALSE(RegisterExists());
}

TEST_F(CliTest, UnknownOptionOrCommandIsBadUsage) {
  RunResult r = Plenary({"actions", "--no-such-option"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--no-such-option"), std::string::npos) << r.err;
  EXPECT_EQ(Plenary({"no-such-command"}).status, 2);
  EXPECT_EQ(Plenary({}).status, 2);  // a command is required
  EXPECT_EQ(Plenary({"import", kNotes, "--year", "17"}).status, 2);
  EXPECT_FALSE(RegisterExists());
}

// --- bad input ---------------------------------------------------------------

struct BadInput {
  const char* name;
  // Writes the file and returns the first line stderr must have: the whole
  // of it, or when it ends with "...", its start.
  std::string (*make)(const fs::path& path);
};

void PrintTo(const BadInput& input, std::ostream* os) { *os << input.name; }

const std::string kHeader16 = "SSR2 Plenary Meeting #16 - Tuesday 20 June @ 14:00 UTC\n\n";
const std::string kTableHead = "\tAction Items Plenary #16\n\n\tAction\n\tOwner\n\tDue Date\n\n";

std::string Located(const fs::path& path, const std::string& rest) {
  return "plenary: error: " + path.string() + ":" + rest;
}

const BadInput kBadInputs[] = {
    {"binary",
     [](const fs::path& p) {
       WriteBytes(p,
                  "SSR2 Plenary #16 - 20 June 2017\n\x7f"
                  "ELF\0\0\x01\n"s);
       return Located(p, "2:5: binary file: NUL byte; expected UTF-8 text");
     }},
    {"invalid_utf8",
     [](const fs::path& p) {
       WriteBytes(p, kHeader16 + "Attendees: Emily Taylor, Jos\xe9 P\xe9rez\n");
       return Located(p, "3:29: invalid UTF-8 (byte 0xE9); expected UTF-8 text");
     }},
    {"truncated_table",
     [](const fs::path& p) {
       WriteBytes(p, kHeader16 + kTableHead +
                         "\tDraft the plan.\n\tJG\n\t7 July\n\n"
                         "\tPost the rates.\n\tICANN Org\n");
       return Located(p,
                      "13:2: truncated table: this row has 2 cells, expected 3 (Action, "
                      "Owner, Due Date)");
     }},
    {"row_with_two_cells",
     [](const fs::path& p) {
       WriteBytes(p, kHeader16 + kTableHead +
                         "\tDraft the plan.\n\tJG\n\n"
                         "\tPost the rates.\n\tICANN Org\n\t23 June\n");
       return Located(p,
                      "9:2: table row: this row has 2 cells, expected 3 (Action, Owner, "
                      "Due Date)");
     }},
    {"thirty_first_of_june",
     [](const fs::path& p) {
       WriteBytes(p, kHeader16 + kTableHead + "\tDraft the plan.\n\tJG\n\t31 June\n");
       return Located(p, "11:2: no such day: '31 June'");
     }},
    {"empty",
     [](const fs::path& p) {
       WriteBytes(p, "");
       return Located(p, "1:1: empty file: expected meeting notes beginning with a header line");
     }},
    {"hundred_megabytes",
     [](const fs::path& p) {
       WriteBytes(p, kHeader16);
       fs::resize_file(p, 100u * 1024 * 1024);  // sparse: nothing is written
       return Located(p,
                      "1:1: file too large: 104857600 bytes, notes are limited to 4194304 "
                      "bytes");
     }},
    {"megabyte_line",
     [](const fs::path& p) {
       WriteBytes(p, kHeader16 + "AOB " + std::string(1024 * 1024, 'x') + "\n");
       return Located(p,
                      "3:16385: line too long: 1048580 bytes, lines are limited to 16384 "
                      "bytes");
     }},
};

class CliBadInputTest : public CliTest, public ::testing::WithParamInterface<BadInput> {};

TEST_P(CliBadInputTest, FailsAtItsPlaceAndLeavesTheRegisterAlone) {
  ImportSsr2();
  const std::string before = RegisterState();
  const fs::path bad = dir_ / (std::string(GetParam().name) + ".txt");
  const std::string expected = GetParam().make(bad);

  RunResult r = Plenary({"import", bad.string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(FirstLine(r.err), expected);
  EXPECT_EQ(r.err.find('\n'), FirstLine(r.err).size());  // the offending line follows
  EXPECT_EQ(RegisterState(), before);

  // With a good file before it, nothing of the good one is written either.
  r = Plenary({"import", WriteFile("p16.txt", kPlenary16), bad.string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(FirstLine(r.err), expected);
  EXPECT_EQ(RegisterState(), before);
}

INSTANTIATE_TEST_SUITE_P(Inputs, CliBadInputTest, ::testing::ValuesIn(kBadInputs),
                         [](const ::testing::TestParamInfo<BadInput>& param) {
                           return std::string(param.param.name);
                         });

TEST_F(CliTest, GoodAndBadFileTogetherCreateNoRegister) {
  const std::string bad =
      WriteFile("bad.txt", kHeader16 + kTableHead + "\tDraft.\n\tJG\n\t31 June\n");
  RunResult r = Plenary({"import", kNotes, bad, "--roster", kRoster});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(FirstLine(r.err), "plenary: error: " + bad + ":11:2: no such day: '31 June'");
  EXPECT_EQ(r.out, "");
  EXPECT_FALSE(RegisterExists());
}

// Regression: SourceText kept string_views into its own std::string; for an
// input of 15 bytes or fewer the string lived in its small-string buffer, and
// moving the SourceText out of Load left every line pointing into a dead stack
// frame (the group came out as "\u0000"). fuzz/corpus/notes/crash-short-* too.
TEST_F(CliTest, ShortNotesFileIsReadFromItsOwnBytes) {
  RunResult r =
      Plenary({"import", "--dry-run", "--json", WriteFile("tiny.txt", "X #1 2017-06-13")});
  EXPECT_EQ(r.status, 0) << r.err;
  json meetings = json::parse(r.out, nullptr, false);
  ASSERT_TRUE(meetings.is_array() && meetings.size() == 1) << r.out;
  EXPECT_EQ(meetings[0]["group"], json("X"));
  EXPECT_EQ(meetings[0]["date"], json("2017-06-13"));
}

// Regression: doc/notes-format.md says "any other zone word is refused", but a
// zone or suffix written against the time was dropped, so "14:00CEST" was read
// as 14:00 UTC and "2:00pm UTC" as 02:00 UTC.
TEST_F(CliTest, ZoneWrittenAgainstTheTimeIsRefused) {
  for (const char* time : {"14:00CEST", "2:00pm UTC", "14:00+02:00"}) {
    SCOPED_TRACE(time);
    const std::string notes = WriteFile(
        "zone.txt", "SSR2 Plenary #16 - Tuesday 20 June 2017 @ " + std::string(time) + "\n");
    RunResult r = Plenary({"import", "--dry-run", notes});
    EXPECT_EQ(r.status, 1) << r.out;
    EXPECT_EQ(FirstLine(r.err).rfind("plenary: error: " + notes + ":1:", 0), 0u) << r.err;
  }
}

TEST_F(CliTest, MissingFileIsNamed) {
  ImportSsr2();
  const std::string before = RegisterState();
  RunResult r = Plenary({"import", Path("absent.txt")});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "plenary: error: cannot read " + Path("absent.txt") + ": no such file\n");
  EXPECT_EQ(RegisterState(), before);
}

}  // namespace
}  // namespace plenary::cli_testing

// --- formats -----------------------------------------------------------------

namespace plenary::cli_testing {
namespace {

TEST_F(CliTest, FormatsListsEveryFormatWithItsDescription) {
  RunResult r = Plenary({"formats"});
  EXPECT_EQ(r.status, 0);
  for (const MinutesFormat& format : MinutesFormats())
    EXPECT_NE(r.out.find(std::string(format.name) + "  "), std::string::npos) << format.name;
  EXPECT_NE(r.out.find("ICANN review-team notes"), std::string::npos);
}

TEST_F(CliTest, AFileNoFormatRecognisesIsRefusedNamingWhatEachLookedFor) {
  std::string file = WriteFile("shopping.txt", "eggs\nmilk\n");
  RunResult r = Plenary({"import", file});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err.rfind("plenary: error: " + file + ":1:1: not a record plenary can read", 0), 0u)
      << r.err;
  EXPECT_NE(r.err.find("  icann-notes: no header line"), std::string::npos) << r.err;
  EXPECT_FALSE(RegisterExists());
}

TEST_F(CliTest, UnknownFormatIsRefusedBeforeAnythingIsRead) {
  RunResult r = Plenary({"import", "--format", "latex", kNotes});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("unknown format 'latex'"), std::string::npos) << r.err;
  EXPECT_FALSE(RegisterExists());
}

TEST_F(CliTest, FormatGivenIsSaidInsteadOfTheClue) {
  RunResult r = Plenary({"import", "--dry-run", "--format", "icann-notes", kNotes, "--roster", kRoster});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, std::string(kNotes) + ": read as icann-notes (chosen, not detected)\n");
}

}  // namespace
}  // namespace plenary::cli_testing
