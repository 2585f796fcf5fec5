// `plenary publish` of a group whose roster gives its members' appointing
// organisations (tests/data/affiliation): the attendance page and each
// month's page carry participation by affiliation in every page format, as
// accessible HTML tables, and each affiliation has its report back page; a
// roster without affiliations gets none (the SSR2 golden files,
// tests/publish_test.cc).
#include <pugixml.hpp>

#include "cli_fixture.h"

namespace plenary::cli_testing {
namespace {

const fs::path kData = fs::path(PLENARY_SOURCE_DIR) / "tests/data/affiliation";

class PublishAffiliationTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    RunResult r =
        Plenary({"import", "--roster", (kData / "aff-roster.txt").string(),
                 (kData / "aff-plenary-1.txt").string(), (kData / "aff-plenary-2.txt").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    out_ = dir_ / "site";
    RunResult p =
        Plenary({"publish", "--format", "all", "--to", out_.string(), "--today", "2026-12-03"});
    ASSERT_EQ(p.status, 0) << p.err;
  }
  std::string Page(const std::string& name) const { return ReadBytes(out_ / "aff" / name); }
  fs::path out_;
};

TEST_F(PublishAffiliationTest, TheAttendancePageSumsParticipationByAffiliation) {
  std::string md = Page("attendance.md");
  EXPECT_NE(md.find("## Participation by affiliation"), std::string::npos) << md;
  EXPECT_NE(md.find("| Affiliation | Representatives | Individuals | Meetings expected | Attended "
                    "| Apologies | Absent | Rate |"),
            std::string::npos)
      << md;
  // Ann (representative) and Bo (individual) for GNSO, whatever the case the
  // roster wrote it in; Fay is staff, nobody's appointee.
  EXPECT_NE(md.find("| [GNSO](<report-back-gnso.md>) | 1 | 1 | 4 | 2 | 1 | 1 | 50% |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| [ALAC](<report-back-alac.md>) | 1 | 0 | 2 | 1 | 1 | 0 | 50% |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| No affiliation | 0 | 0 | 2 | 0 | 0 | 2 | 0% |"), std::string::npos) << md;
  // Month by month: ALAC's Cy was present in November, sent apologies in December.
  EXPECT_NE(md.find("| ALAC | 100% | 0% |"), std::string::npos) << md;

  std::string november = Page("attendance-2026-11.md");
  EXPECT_NE(november.find("### By affiliation"), std::string::npos) << november;
  EXPECT_NE(november.find("| GNSO | 1 | 1 | 2 | 1 | 1 | 0 | 50% |"), std::string::npos) << november;

  for (std::string page : {"attendance.wiki", "attendance.xml", "attendance-2026-12.wiki"})
    EXPECT_NE(Page(page).find("Participation by affiliation"), std::string::npos) << page;
}

TEST_F(PublishAffiliationTest, TheHtmlTableHasACaptionAndScopedHeaders) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(Page("attendance.html").c_str()));
  pugi::xpath_node table =
      doc.select_node("//table[caption='Participation by affiliation (group meetings)']");
  ASSERT_TRUE(table);
  EXPECT_EQ(table.node().select_nodes(".//thead/tr/th[@scope='col']").size(), 8u);
  pugi::xpath_node gnso = table.node().select_node(".//tbody/tr/th[@scope='row']/a");
  ASSERT_TRUE(gnso);
  EXPECT_STREQ(gnso.node().child_value(), "GNSO");
  EXPECT_STREQ(gnso.node().attribute("href").value(), "report-back-gnso.html");
}

TEST_F(PublishAffiliationTest, EachAffiliationHasAReportBackPageLinkedFromTheTable) {
  for (std::string ext : {".md", ".html", ".xml", ".wiki"}) {
    EXPECT_TRUE(fs::exists(out_ / "aff" / ("report-back-gnso" + ext))) << ext;
    EXPECT_TRUE(fs::exists(out_ / "aff" / ("report-back-alac" + ext))) << ext;
  }
  std::string md = Page("report-back-gnso.md");
  EXPECT_NE(md.find("# GNSO report back from AFF, all meetings"), std::string::npos) << md;
  EXPECT_NE(md.find("Appointees: Ann Lee, Bo Chan."), std::string::npos) << md;
  EXPECT_NE(md.find("## Decisions (2)"), std::string::npos) << md;
  EXPECT_NE(md.find("Draft the GNSO briefing."), std::string::npos) << md;
  EXPECT_EQ(md.find("gnso-council@example.org"), std::string::npos)
      << "published pages carry no addresses";
  EXPECT_NE(Page("attendance.md").find("[GNSO](<report-back-gnso.md>)"), std::string::npos);
  EXPECT_NE(Page("attendance.wiki").find("[[AFF/Report back/GNSO|GNSO]]"), std::string::npos)
      << Page("attendance.wiki");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(Page("report-back-gnso.html").c_str()));
  for (pugi::xpath_node a : doc.select_nodes("//main//a[@href]")) {
    std::string href = a.node().attribute("href").value();
    std::string file = href.substr(0, href.find('#'));
    if (!file.empty()) {
      EXPECT_TRUE(fs::exists(out_ / "aff" / file)) << href;
    }
  }
}

TEST_F(PublishAffiliationTest, TheAttendanceJsonSumsEachMonthByAffiliation) {
  json log = json::parse(Page("attendance.json"));
  const json& months = log["participation_by_affiliation_by_month"];
  ASSERT_EQ(months.size(), 2u) << log.dump(2);
  EXPECT_EQ(months[0]["from"], "2026-11-01");
  EXPECT_EQ(months[0]["affiliations"][0]["affiliation"], "GNSO");
  EXPECT_EQ(months[0]["affiliations"][0]["representatives"], 1);
  EXPECT_EQ(months[1]["affiliations"][1]["apologies"], 1);  // ALAC's Cy in December
}

}  // namespace
}  // namespace plenary::cli_testing
