// `plenary publish` over the six SSR2 plenaries (tests/data/ssr2-series),
// driven through the real binary: every page in every format against its
// golden file, and each format checked by a real parser (pugixml for the
// HTML and Confluence XML, cmark-gfm for Markdown, libical for iCalendar,
// the CSV reader for CSV).
//
// To regenerate the golden files after an intended change:
//   PLENARY_UPDATE_GOLDEN=1 ./build/plenary_tests --gtest_filter='Publish*'
// then review the diff under tests/golden/publish/.
#include <fmt/format.h>
#include <libical/ical.h>
#include <sys/stat.h>

#include <pugixml.hpp>

#include "cli_fixture.h"
#include "gfm_render.h"
#include "publish/formats/data_formats.h"

namespace plenary::cli_testing {
namespace {

const fs::path kSeries = fs::path(PLENARY_SOURCE_DIR) / "tests/data/ssr2-series";
const fs::path kGolden = fs::path(PLENARY_SOURCE_DIR) / "tests/golden/publish";
constexpr const char* kToday = "2017-07-20";

class PublishTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    std::vector<std::string> args = {"import", "--roster", (kSeries / "roster.txt").string()};
    for (int n = 15; n <= 20; ++n)
      args.push_back((kSeries / fmt::format("ssr2-plenary-{}.txt", n)).string());
    RunResult r = Plenary(args);
    ASSERT_EQ(r.status, 0) << r.err;
    out_ = dir_ / "site";
    RunResult p = Plenary({"publish", "--format", "all", "--to", out_.string(), "--today", kToday});
    ASSERT_EQ(p.status, 0) << p.err;
  }

  std::vector<fs::path> Files(const std::string& ext) const {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(out_))
      if (e.is_regular_file() && e.path().extension() == ext) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
  }

  fs::path out_;
};

TEST_F(PublishTest, MinutesWithoutARegisterAreWhatImportThenPublishWrite) {
  // The same six plenaries and roster, published by `plenary minutes` in one
  // process without a register: every file of every format, byte for byte.
  fs::path minutes = dir_ / "minutes";
  std::vector<std::string> args = {"minutes", "--roster", (kSeries / "roster.txt").string(),
                                   "--as",    "all",      "--to",
                                   minutes.string(), "--today", kToday};
  for (int n = 15; n <= 20; ++n)
    args.push_back((kSeries / fmt::format("ssr2-plenary-{}.txt", n)).string());
  RunResult r = Plenary(args);
  ASSERT_EQ(r.status, 0) << r.err;
  std::set<std::string> published, made;
  for (const auto& e : fs::recursive_directory_iterator(out_))
    if (e.is_regular_file()) published.insert(fs::relative(e.path(), out_).string());
  for (const auto& e : fs::recursive_directory_iterator(minutes))
    if (e.is_regular_file()) made.insert(fs::relative(e.path(), minutes).string());
  EXPECT_EQ(made, published);
  for (const std::string& rel : published)
    EXPECT_EQ(ReadBytes(minutes / rel), ReadBytes(out_ / rel)) << rel;
}

TEST_F(PublishTest, EveryFileMatchesItsGoldenFile) {
  bool update = std::getenv("PLENARY_UPDATE_GOLDEN") != nullptr;
  std::set<std::string> produced;
  for (const auto& e : fs::recursive_directory_iterator(out_)) {
    if (!e.is_regular_file()) continue;
    std::string rel = fs::relative(e.path(), out_).string();
    produced.insert(rel);
    fs::path golden = kGolden / rel;
    if (update) {
      fs::create_directories(golden.parent_path());
      WriteBytes(golden, ReadBytes(e.path()));
      continue;
    }
    EXPECT_TRUE(ReadBytes(e.path()) == ReadBytes(golden))
        << rel << " differs from its golden file (diff -r " << out_ << " " << kGolden << ")";
  }
  std::set<std::string> expected;
  for (const auto& e : fs::recursive_directory_iterator(kGolden))
    if (e.is_regular_file()) expected.insert(fs::relative(e.path(), kGolden).string());
  if (!update) {
    EXPECT_EQ(produced, expected);
  }
  // Every page of the set, in every page format.
  for (std::string ext : {".md", ".html", ".xml", ".wiki"})
    for (std::string page : {"index", "plenary-15", "plenary-20", "action-items", "decisions",
                             "attendance", "attendance-2017-06", "attendance-2017-07", "agenda"})
      EXPECT_TRUE(produced.count("ssr2/" + page + ext)) << page << ext;
}

TEST_F(PublishTest, RunningAgainWithNothingChangedRewritesNothing) {
  fs::path page = out_ / "ssr2/action-items.md";
  struct stat before {};
  ASSERT_EQ(stat(page.c_str(), &before), 0);
  fs::last_write_time(page, fs::last_write_time(page) - std::chrono::hours(1));
  auto old_time = fs::last_write_time(page);
  RunResult r = Plenary({"publish", "--format", "all", "--to", out_.string(), "--today", kToday});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("0 files written"), std::string::npos) << r.out;
  EXPECT_EQ(fs::last_write_time(page), old_time);
  // A later day changes the overdue days: the register pages are rewritten.
  r = Plenary({"publish", "--format", "markdown", "--to", out_.string(), "--today", "2017-07-21"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("wrote ssr2/action-items.md"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("wrote ssr2/plenary-15.md"), std::string::npos) << r.out;
}

TEST_F(PublishTest, HtmlIsWellFormedAccessibleAndPrintable) {
  auto files = Files(".html");
  ASSERT_GE(files.size(), 9u);
  for (const fs::path& f : files) {
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_file(f.c_str());
    ASSERT_TRUE(parsed) << f << ": " << parsed.description() << " at " << parsed.offset;
    pugi::xml_node html = doc.child("html");
    EXPECT_STREQ(html.attribute("lang").value(), "en") << f;
    EXPECT_FALSE(std::string(html.child("head").child_value("title")).empty()) << f;
    EXPECT_TRUE(doc.select_node("//meta[@name='viewport']")) << f;
    EXPECT_NE(std::string(html.child("head").child_value("style")).find("@media print"),
              std::string::npos);
    EXPECT_EQ(doc.select_nodes("//h1").size(), 1u) << f;
    int last = 1;
    for (pugi::xpath_node h :
         doc.select_nodes("//main/*[self::h1 or self::h2 or self::h3 or self::h4]")) {
      int level = h.node().name()[1] - '0';
      EXPECT_LE(level, last + 1) << f << ": heading " << h.node().child_value() << " skips a level";
      last = level;
    }
    for (pugi::xpath_node th : doc.select_nodes("//th"))
      EXPECT_TRUE(th.node().attribute("scope")) << f;
    for (pugi::xpath_node t : doc.select_nodes("//table"))
      EXPECT_TRUE(t.node().child("caption")) << f;
  }
}

TEST_F(PublishTest, EveryHtmlPageLinksToTheRegistersAndNoLinkIsBroken) {
  std::map<fs::path, pugi::xml_document> docs;
  for (const fs::path& f : Files(".html")) ASSERT_TRUE(docs[f].load_file(f.c_str())) << f;
  for (const auto& [file, doc] : docs) {
    std::set<std::string> targets;
    for (pugi::xpath_node a : doc.select_nodes("//a[@href]")) {
      std::string href = a.node().attribute("href").value();
      if (href.rfind("https://", 0) == 0 || href.rfind("http://", 0) == 0) continue;
      std::string name = href.substr(0, href.find('#'));
      std::string fragment =
          href.find('#') == std::string::npos ? "" : href.substr(href.find('#') + 1);
      fs::path target = name.empty() ? file : file.parent_path() / name;
      targets.insert(target.filename().string());
      ASSERT_TRUE(docs.count(target)) << file << ": " << href << " leads nowhere";
      if (!fragment.empty()) {
        EXPECT_TRUE(docs.at(target).select_node(("//*[@id='" + fragment + "']").c_str()))
            << file << ": " << href << " names no element";
      }
    }
    for (std::string page : {"index", "action-items", "decisions", "attendance", "agenda"})
      if (file.stem() != page) {
        EXPECT_TRUE(targets.count(page + ".html")) << file << " -> " << page;
      }
  }
}

TEST_F(PublishTest, ConfluenceIsWellFormedStorageFormat) {
  auto files = Files(".xml");
  ASSERT_GE(files.size(), 9u);
  for (const fs::path& f : files) {
    std::string wrapped =
        "<ac:confluence xmlns:ac=\"http://atlassian.com/content\" "
        "xmlns:ri=\"http://atlassian.com/resource/identifier\">" +
        ReadBytes(f) + "</ac:confluence>";
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_string(wrapped.c_str());
    EXPECT_TRUE(parsed) << f << ": " << parsed.description() << " at " << parsed.offset;
  }
  std::string register_page = ReadBytes(out_ / "ssr2/agenda.xml");
  EXPECT_NE(register_page.find("<ri:page ri:content-title=\"SSR2/Action items\"/>"),
            std::string::npos);
}

using plenary::testing::RenderGfm;

TEST_F(PublishTest, MarkdownRendersWithGfmTables) {
  std::string html = RenderGfm(ReadBytes(out_ / "ssr2/action-items.md"));
  EXPECT_NE(html.find("<table>"), std::string::npos);
  EXPECT_NE(html.find("<th>Action</th>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"#item-"), std::string::npos);
  EXPECT_EQ(html.find("| ---"), std::string::npos) << "a table left as text";
  std::string meeting = RenderGfm(ReadBytes(out_ / "ssr2/plenary-15.md"));
  EXPECT_NE(meeting.find("<h2>Attendees</h2>"), std::string::npos);
  EXPECT_NE(meeting.find("<a href=\"action-items.md#item-"), std::string::npos);
  for (const fs::path& f : Files(".md"))
    EXPECT_EQ(RenderGfm(ReadBytes(f)).find("| ---"), std::string::npos) << f;
}

TEST_F(PublishTest, ICalendarParsesWithLibicalAndPassesItsRestrictions) {
  std::string text = ReadBytes(out_ / "ssr2/calendar.ics");
  icalcomponent* cal = icalparser_parse_string(text.c_str());
  ASSERT_NE(cal, nullptr);
  EXPECT_EQ(icalrestriction_check(cal), 1);
  int events = 0, todos = 0;
  for (icalcomponent* c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); c;
       c = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
    ++events;
    icaltimetype start = icalcomponent_get_dtstart(c);
    EXPECT_TRUE(icaltime_is_utc(start)) << icalcomponent_get_summary(c);
  }
  for (icalcomponent* c = icalcomponent_get_first_component(cal, ICAL_VTODO_COMPONENT); c;
       c = icalcomponent_get_next_component(cal, ICAL_VTODO_COMPONENT))
    ++todos;
  EXPECT_EQ(events, 6);
  EXPECT_GT(todos, 0);
  icalcomponent* first = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
  EXPECT_STREQ(icalcomponent_get_summary(first), "SSR2 Plenary #15");
  EXPECT_STREQ(icaltime_as_ical_string(icalcomponent_get_dtstart(first)), "20170613T060000Z");
  EXPECT_STREQ(icaltime_as_ical_string(icalcomponent_get_dtend(first)), "20170613T070000Z");
  icalcomponent_free(cal);
  for (const fs::path& f : Files(".ics")) {
    icalcomponent* feed = icalparser_parse_string(ReadBytes(f).c_str());
    ASSERT_NE(feed, nullptr) << f;
    EXPECT_EQ(icalrestriction_check(feed), 1) << f;
    icalcomponent_free(feed);
  }
  // "My items": the owner's open items alone, each a VTODO with its DUE.
  icalcomponent* mine =
      icalparser_parse_string(ReadBytes(out_ / "ssr2/owners/icann-org.ics").c_str());
  ASSERT_NE(mine, nullptr);
  EXPECT_EQ(icalcomponent_count_components(mine, ICAL_VEVENT_COMPONENT), 0);
  std::vector<std::string> dues;
  for (icalcomponent* c = icalcomponent_get_first_component(mine, ICAL_VTODO_COMPONENT); c;
       c = icalcomponent_get_next_component(mine, ICAL_VTODO_COMPONENT)) {
    ASSERT_NE(icalcomponent_get_first_property(c, ICAL_DUE_PROPERTY), nullptr);
    dues.push_back(icaltime_as_ical_string(icalcomponent_get_due(c)));
    EXPECT_NE(std::string(icalcomponent_get_description(c)).find("Owner: ICANN Org"),
              std::string::npos);
  }
  icalcomponent_free(mine);
  EXPECT_EQ(dues, (std::vector<std::string>{"20170731", "20170707", "20170804", "20170721"}));
}

TEST_F(PublishTest, CsvParsesBackToTheRegister) {
  auto rows = ParseCsv(ReadBytes(out_ / "ssr2/action-items.csv"));
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  json items = Json({"actions", "--json"});
  ASSERT_EQ(rows->size(), items.size() + 1);
  EXPECT_EQ((*rows)[0][1], "action");
  for (std::size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ((*rows)[i + 1][0], std::to_string(items[i]["id"].get<int>()));
    EXPECT_EQ((*rows)[i + 1][1], items[i]["text"].get<std::string>());
  }
  for (const fs::path& f : Files(".csv")) EXPECT_TRUE(ParseCsv(ReadBytes(f)).ok()) << f;
}

TEST_F(PublishTest, MonthlyAttendancePagePrintedOrWritten) {
  RunResult r = Plenary({"publish", "--attendance", "--month", "2017-06", "--format", "markdown"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, ReadBytes(out_ / "ssr2/attendance-2017-06.md"));
  EXPECT_NE(r.out.find("# SSR2 participation, June 2017"), std::string::npos);
  // The monthly job, run on the 1st, posts the month just ended.
  r = Plenary({"publish", "--attendance", "--month", "previous", "--today", "2017-07-01"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, ReadBytes(out_ / "ssr2/attendance-2017-06.md"));
  r = Plenary({"publish", "--attendance", "--month", "previous", "--today", "2018-01-01"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("# SSR2 participation, December 2017"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("No meeting in December 2017."), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("| Member"), std::string::npos) << r.out;
  r = Plenary({"publish", "--attendance", "--month", "2017-13"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--month 2017-13"), std::string::npos) << r.err;
  r = Plenary({"publish", "--attendance"});
  EXPECT_EQ(r.status, 2);
  r = Plenary({"publish", "--format", "pdf", "--to", out_.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--format pdf"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace plenary::cli_testing
