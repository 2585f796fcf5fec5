// `plenary publish --mediawiki`, end to end: the real binary publishes the
// SSR2 series to the real MediaWiki of the CTest fixture; a meeting is
// changed by re-importing an edited copy of its notes and the set published
// again. Read back through the API, only the pages the change touched (as the
// files written by --format mediawiki tell) have a new revision,
// and a page an administrator created under one of the set's titles is left
// as it was. The bot password is given in a file and never printed.
#include <fmt/format.h>
#include <sys/stat.h>

#include "cli_fixture.h"
#include "mediawiki_fixture.h"
#include "publish/mediawiki/publisher.h"

namespace plenary::cli_testing {
namespace {

using mediawiki_testing::InCi;
using mediawiki_testing::PageOnWiki;
using mediawiki_testing::TestWiki;

const fs::path kSeries = fs::path(PLENARY_SOURCE_DIR) / "tests/data/ssr2-series";
constexpr const char* kToday = "2017-07-20";
constexpr const char* kHumanPage = "SSR2/Decisions";
constexpr const char* kHumanText = "Our decisions are kept by hand here.\n";

// The titles a publish reported as created or updated, with their revisions.
std::map<std::string, std::int64_t> Revised(const std::string& out) {
  std::map<std::string, std::int64_t> revised;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    size_t space = line.find(' '), open = line.rfind(" (revision ");
    if (open == std::string::npos || space == std::string::npos) continue;
    std::string verb = line.substr(0, space);
    if (verb != "created" && verb != "updated") continue;
    revised[line.substr(space + 1, open - space - 1)] =
        std::stoll(line.substr(open + std::string_view(" (revision ").size()));
  }
  return revised;
}

class MediaWikiCli : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    PLENARY_REQUIRE_MEDIAWIKI(wiki_);
    password_file_ = WriteFile("bot-password", wiki_.password + "\n");
    ASSERT_EQ(chmod(password_file_.c_str(), 0600), 0);
    std::vector<std::string> args = {"import", "--roster", (kSeries / "roster.txt").string()};
    for (int n = 15; n <= 20; ++n)
      args.push_back((kSeries / fmt::format("ssr2-plenary-{}.txt", n)).string());
    RunResult r = Plenary(args);
    ASSERT_EQ(r.status, 0) << r.err;
  }

  RunResult Publish(const std::string& password_file) const {
    RunResult r = Plenary({"publish", "--mediawiki", wiki_.env.at("MEDIAWIKI_API"), "--user",
                           wiki_.env.at("MEDIAWIKI_USER"), "--password-file", password_file,
                           "--today", kToday});
    EXPECT_EQ(r.out.find(wiki_.password), std::string::npos);
    EXPECT_EQ(r.err.find(wiki_.password), std::string::npos);
    return r;
  }

  // The wikitext page `file` as `plenary publish --format mediawiki` writes it.
  std::string PublishedFile(const std::string& file) const {
    RunResult r =
        Plenary({"publish", "--format", "mediawiki", "--to", Path("wikitext"), "--today", kToday});
    EXPECT_EQ(r.status, 0) << r.err;
    return ReadBytes(dir_ / "wikitext" / file);
  }

  std::map<std::string, PageOnWiki> ReadAll(const std::vector<std::string>& titles) {
    std::map<std::string, PageOnWiki> pages;
    for (const std::string& title : titles) pages[title] = wiki_.Read(title);
    return pages;
  }

  // The titles `title` links to, as the wiki parsed its content.
  std::vector<std::string> LinksOf(const std::string& title) {
    std::vector<std::string> links;
    auto api = mediawiki::Api::Open(wiki_.env.at("MEDIAWIKI_API"), {});
    EXPECT_TRUE(api.ok());
    if (!api.ok()) return links;
    auto answer =
        api->Query({{"action", "query"}, {"prop", "links"}, {"titles", title}, {"pllimit", "max"}});
    EXPECT_TRUE(answer.ok()) << (answer.ok() ? "" : answer.error().message);
    if (!answer.ok()) return links;
    for (const auto& link : (*answer)["query"]["pages"][0].value("links", json::array()))
      links.push_back(link.value("title", ""));
    return links;
  }

  TestWiki wiki_;
  std::string password_file_;
};

TEST_F(MediaWikiCli, PublishChangeAMeetingPublishAgainOnlyChangedPagesAreRevised) {
  wiki_.EditAsAdmin(kHumanPage, kHumanText);
  PageOnWiki human = wiki_.Read(kHumanPage);
  ASSERT_TRUE(human.exists);

  RunResult first = Publish(password_file_);
  ASSERT_EQ(first.status, 0) << first.err;
  std::map<std::string, std::int64_t> created = Revised(first.out);
  std::vector<std::string> titles;
  for (const auto& [title, revision] : created) titles.push_back(title);
  std::vector<std::string> expected = {"SSR2",
                                       "SSR2/Action items",
                                       "SSR2/Attendance",
                                       "SSR2/Attendance/2017-06",
                                       "SSR2/Attendance/2017-07",
                                       "SSR2/Next meeting agenda",
                                       "SSR2/Plenary 15",
                                       "SSR2/Plenary 16",
                                       "SSR2/Plenary 17",
                                       "SSR2/Plenary 18",
                                       "SSR2/Plenary 19",
                                       "SSR2/Plenary 20"};
  EXPECT_EQ(titles, expected);
  EXPECT_NE(first.out.find("12 created, 0 updated, 0 unchanged, 1 not ours, 0 conflicts, "
                           "0 refused"),
            std::string::npos)
      << first.out;
  EXPECT_NE(first.err.find("warning: SSR2/Decisions: left alone"), std::string::npos) << first.err;

  std::map<std::string, PageOnWiki> before = ReadAll(titles);
  for (const auto& [title, page] : before) {
    ASSERT_TRUE(page.exists) << title;
    EXPECT_EQ(page.revision, created[title]) << title;
    EXPECT_EQ(page.creator, wiki_.env["MEDIAWIKI_ACCOUNT"]) << title;
  }
  // Every page links to the register pages, and no link is red.
  std::set<std::string> on_wiki(titles.begin(), titles.end());
  on_wiki.insert(kHumanPage);
  for (const std::string& title : titles) {
    std::vector<std::string> links = LinksOf(title);
    for (const std::string& link : links)
      EXPECT_TRUE(on_wiki.count(link)) << title << " -> " << link;
    for (const char* page : {"SSR2", "SSR2/Action items", "SSR2/Decisions", "SSR2/Attendance",
                             "SSR2/Next meeting agenda"})
      if (title != page) {
        EXPECT_TRUE(std::count(links.begin(), links.end(), page)) << title;
      }
  }
  EXPECT_EQ(before["SSR2/Plenary 19"].content,
            mediawiki::NormaliseWikitext(PublishedFile("ssr2/plenary-19.wiki")));

  // The secretariat corrects the notes of #19 (a summary line and an item's
  // due date) and imports them again.
  std::string notes = ReadBytes(kSeries / "ssr2-plenary-19.txt");
  for (auto [from, to] : {std::pair<std::string, std::string>{
                              "sub-team: no update.", "sub-team: first call set for 18 July."},
                          {"\tGH\n\t25 July", "\tGH\n\t26 July"}}) {
    ASSERT_NE(notes.find(from), std::string::npos) << from;
    notes.replace(notes.find(from), from.size(), to);
  }
  RunResult reimport = Plenary({"import", WriteFile("ssr2-plenary-19.txt", notes)});
  ASSERT_EQ(reimport.status, 0) << reimport.err;
  ASSERT_NE(reimport.out.find("[updated]"), std::string::npos) << reimport.out;

  // The pages that changed, as the files tell: the meeting record, and the
  // item's due date in the register and the agenda.
  const std::map<std::string, std::string> changed_files = {
      {"SSR2/Plenary 19", "ssr2/plenary-19.wiki"},
      {"SSR2/Action items", "ssr2/action-items.wiki"},
      {"SSR2/Next meeting agenda", "ssr2/agenda.wiki"}};
  RunResult files =
      Plenary({"publish", "--format", "mediawiki", "--to", Path("wikitext"), "--today", kToday});
  ASSERT_EQ(files.status, 0) << files.err;
  EXPECT_EQ(files.out,
            "wrote ssr2/plenary-19.wiki\nwrote ssr2/action-items.wiki\nwrote ssr2/agenda.wiki\n"
            "3 files written, 10 unchanged, in " +
                Path("wikitext") + "\n");

  RunResult second = Publish(password_file_);
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_NE(second.out.find("0 created, 3 updated, 9 unchanged, 1 not ours"), std::string::npos)
      << second.out;
  std::map<std::string, std::int64_t> updated = Revised(second.out);
  std::vector<std::string> updated_titles, expected_titles;
  for (const auto& [title, revision] : updated) updated_titles.push_back(title);
  for (const auto& [title, file] : changed_files) expected_titles.push_back(title);
  ASSERT_EQ(updated_titles, expected_titles) << second.out;

  std::map<std::string, PageOnWiki> after = ReadAll(titles);
  for (const std::string& title : titles) {
    if (changed_files.count(title)) {
      EXPECT_GT(after[title].revision, before[title].revision) << title;
      EXPECT_EQ(after[title].revision, updated[title]) << title;
      EXPECT_EQ(after[title].content, mediawiki::NormaliseWikitext(
                                          ReadBytes(dir_ / "wikitext" / changed_files.at(title))))
          << title;
    } else {
      EXPECT_EQ(after[title].revision, before[title].revision) << title;
      EXPECT_EQ(after[title].content, before[title].content) << title;
    }
  }
  EXPECT_NE(after["SSR2/Plenary 19"].content.find("first call set for 18 July"), std::string::npos);
  EXPECT_NE(after["SSR2/Action items"].content.find("2017&#45;07&#45;26"), std::string::npos);

  PageOnWiki human_after = wiki_.Read(kHumanPage);
  EXPECT_EQ(human_after.revision, human.revision);
  EXPECT_EQ(human_after.content, mediawiki::NormaliseWikitext(kHumanText));
  EXPECT_EQ(human_after.creator, wiki_.env["MEDIAWIKI_ADMIN"]);
}

// The words of `line` split at blanks, single quotes removed.
std::vector<std::string> Words(const std::string& line) {
  std::vector<std::string> words;
  std::istringstream in(line);
  for (std::string word; in >> word;) {
    std::erase(word, '\'');
    words.push_back(word);
  }
  return words;
}

// The first line of `path` that starts with `start`, continuation lines
// ("\\\n") joined.
std::string LineStarting(const fs::path& path, const std::string& start) {
  std::string text = ReadBytes(path);
  for (size_t at; (at = text.find("\\\n")) != std::string::npos;) text.replace(at, 2, " ");
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind(start, 0) == 0) return line;
  ADD_FAILURE() << path << " has no line starting " << start;
  return "";
}

std::string PreviousMonth() {
  std::chrono::year_month_day today{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  std::chrono::year_month previous =
      std::chrono::year_month{today.year(), today.month()} - std::chrono::months{1};
  return fmt::format("{:04}-{:02}", static_cast<int>(previous.year()),
                     static_cast<unsigned>(previous.month()));
}

// The monthly posting as contrib/ ships it, run against the test wiki: the
// cron line, then the systemd service's ExecStart (finding nothing to do).
TEST_F(MediaWikiCli, TheShippedMonthlyJobsPostLastMonthsPage) {
  const fs::path contrib = fs::path(PLENARY_SOURCE_DIR) / "contrib";
  const std::string title = "SSR2/Attendance/" + PreviousMonth();

  std::vector<std::string> cron =
      Words(LineStarting(contrib / "cron/plenary-monthly-attendance", "0 "));
  ASSERT_GT(cron.size(), 7u);
  EXPECT_EQ(std::vector<std::string>(cron.begin(), cron.begin() + 5),
            (std::vector<std::string>{"0", "12", "1", "*", "*"}));
  std::vector<std::string> command(cron.begin() + 6, cron.end());
  ASSERT_EQ(command[0], "plenary");
  command[0] = PLENARY_BINARY;
  for (size_t i = 1; i + 1 < command.size(); ++i) {
    if (command[i] == "--db") command[i + 1] = db_;
    if (command[i] == "--mediawiki") command[i + 1] = wiki_.env.at("MEDIAWIKI_API");
    if (command[i] == "--user") command[i + 1] = wiki_.env.at("MEDIAWIKI_USER");
    if (command[i] == "--password-file") command[i + 1] = password_file_;
  }
  RunResult by_cron = Spawn(command);
  ASSERT_EQ(by_cron.status, 0) << by_cron.err;
  EXPECT_NE(by_cron.out.find("created " + title + " (revision "), std::string::npos) << by_cron.out;
  EXPECT_NE(by_cron.out.find("1 created, 0 updated"), std::string::npos) << by_cron.out;

  EXPECT_EQ(LineStarting(contrib / "systemd/plenary-monthly-attendance.timer", "OnCalendar="),
            "OnCalendar=*-*-01 06:00:00 UTC");
  std::vector<std::string> exec =
      Words(LineStarting(contrib / "systemd/plenary-monthly-attendance.service", "ExecStart=")
                .substr(10));
  ASSERT_GT(exec.size(), 1u);
  exec[0] = PLENARY_BINARY;
  fs::copy_file(password_file_, dir_ / "wiki-password");
  for (std::string& word : exec) {
    if (word == "${PLENARY_DB}") word = db_;
    if (word == "${PLENARY_WIKI}") word = wiki_.env.at("MEDIAWIKI_API");
    if (word == "${PLENARY_WIKI_USER}") word = wiki_.env.at("MEDIAWIKI_USER");
    if (word == "%d/wiki-password") word = Path("wiki-password");
  }
  RunResult by_systemd = Spawn(exec);
  ASSERT_EQ(by_systemd.status, 0) << by_systemd.err;
  EXPECT_NE(by_systemd.out.find("0 created, 0 updated, 1 unchanged"), std::string::npos)
      << by_systemd.out;
  PageOnWiki page = wiki_.Read(title);
  EXPECT_TRUE(page.exists);
  EXPECT_NE(page.content.find("== Whole group =="), std::string::npos) << page.content;
}

TEST_F(MediaWikiCli, AWrongPasswordFailsWithoutShowingItAndEditsNothing) {
  std::string wrong = WriteFile("wrong-password", "not-" + wiki_.password + "\n");
  ASSERT_EQ(chmod(wrong.c_str(), 0600), 0);
  RunResult r = Publish(wrong);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("plenary: error: "), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("not-" + wiki_.password), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(MediaWikiCli, APasswordFileOthersCanReadIsRefusedBeforeConnecting) {
  ASSERT_EQ(chmod(password_file_.c_str(), 0644), 0);
  RunResult r = Publish(password_file_);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("readable by every user"), std::string::npos) << r.err;
}

TEST_F(MediaWikiCli, UsageErrorsNameWhatIsMissing) {
  RunResult r = Plenary({"publish", "--mediawiki", wiki_.env.at("MEDIAWIKI_API")});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "plenary: error: publish --mediawiki needs --user and --password-file\n");
  r = Plenary({"publish", "--to", Path("site"), "--user", "Someone@plenary"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "plenary: error: publish --user and --password-file go with --mediawiki URL\n");
  r = Plenary({"publish", "--mediawiki", wiki_.env.at("MEDIAWIKI_API"), "--user",
               wiki_.env.at("MEDIAWIKI_USER"), "--password-file", password_file_, "--attendance",
               "--month", "2017-13"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--month 2017-13"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace plenary::cli_testing
