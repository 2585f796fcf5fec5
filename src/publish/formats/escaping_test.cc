// Hostile names and items through every format: whatever the notes say
// ("<script>", "|", "]]", "{{", "}}", quotes, newlines, "&", a formula) comes
// out as inert text, checked by each format's real parser where there is one.
#include <gtest/gtest.h>
#include <libical/ical.h>

#include <pugixml.hpp>
#include <regex>

#include "core/date.h"
#include "gfm_render.h"
#include "hostile_registers.h"
#include "publish/formats/data_formats.h"
#include "publish/formats/html.h"
#include "publish/formats/renderers.h"
#include "publish/registers.h"

namespace plenary {
namespace {

using testing::HostileRegisters;
using testing::kFormula;
using testing::kHostile;

class EscapingTest : public ::testing::Test {
 protected:
  GroupRegisters registers_ = HostileRegisters();
  DocumentSet set_ = BuildDocuments(registers_);
};

TEST_F(EscapingTest, HtmlHasNoMarkupFromTheNotesAndIsWellFormed) {
  for (const Document& doc : set_.documents) {
    std::string html = RenderHtmlPage(doc);
    EXPECT_EQ(html.find("<script"), std::string::npos) << doc.id;
    EXPECT_EQ(html.find("href=\"javascript"), std::string::npos) << doc.id;
    pugi::xml_document parsed;
    pugi::xml_parse_result ok = parsed.load_string(html.c_str());
    ASSERT_TRUE(ok) << doc.id << ": " << ok.description() << " at " << ok.offset;
    EXPECT_TRUE(parsed.select_nodes("//script").empty());
    // The text survives, unchanged, as text.
    std::string all;
    for (pugi::xpath_node n : parsed.select_nodes("//main//text()")) all += n.node().value();
    EXPECT_NE(all.find("<script>alert('x')</script>"), std::string::npos) << doc.id;
  }
}

TEST_F(EscapingTest, ConfluenceIsWellFormedWithTheTextInside) {
  for (const Document& doc : set_.documents) {
    std::string xml =
        "<root xmlns:ac=\"a\" xmlns:ri=\"r\">" + RenderConfluence(set_, doc) + "</root>";
    pugi::xml_document parsed;
    ASSERT_TRUE(parsed.load_string(xml.c_str())) << doc.id << "\n" << xml;
    EXPECT_TRUE(parsed.select_nodes("//script").empty());
  }
}

TEST_F(EscapingTest, WikitextCannotOpenLinksTemplatesOrTables) {
  for (const Document& doc : set_.documents) {
    std::string wiki = RenderWikitext(set_, doc);
    // Remove the links plenary made itself, to the set's (sanitised) titles.
    std::string rest = std::regex_replace(wiki, std::regex(R"(\[\[[^\[\]{}|<>]+\|)"), "");
    EXPECT_EQ(rest.find("{{"), std::string::npos) << doc.id << "\n" << wiki;
    EXPECT_EQ(rest.find("}}"), std::string::npos) << doc.id;
    EXPECT_EQ(rest.find("[["), std::string::npos) << doc.id;
    EXPECT_EQ(rest.find("<script"), std::string::npos) << doc.id;
    EXPECT_EQ(rest.find("''b''"), std::string::npos) << doc.id;
    EXPECT_EQ(rest.find("~~~~"), std::string::npos) << doc.id;
    EXPECT_EQ(rest.find("__TOC__"), std::string::npos) << doc.id;
    EXPECT_EQ(rest.find("\n= Heading"), std::string::npos) << doc.id;
    EXPECT_EQ(rest.find("\n* item"), std::string::npos) << doc.id;
  }
  EXPECT_EQ(set_.Find(kActionsPage)->wiki_name, "X-----/Action items");
}

TEST_F(EscapingTest, MarkdownKeepsTablesWholeAndNoRawHtml) {
  for (const Document& doc : set_.documents) {
    std::string md = RenderMarkdown(doc);
    std::string html = testing::RenderGfm(md);
    EXPECT_EQ(html.find("<script"), std::string::npos) << doc.id;
    EXPECT_EQ(html.find("href=\"javascript"), std::string::npos) << doc.id;
    EXPECT_EQ(html.find("<li>item"), std::string::npos) << doc.id;
    EXPECT_EQ(html.find("<h1>Heading"), std::string::npos) << doc.id;
    // Every table row has as many unescaped pipes as the header.
    std::size_t pipes = 0;
    std::istringstream lines(md);
    for (std::string line; std::getline(lines, line);) {
      if (line.empty() || line[0] != '|') {
        pipes = 0;
        continue;
      }
      std::size_t n = 0;
      for (std::size_t i = 0; i < line.size(); ++i)
        if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++n;
      if (pipes == 0) pipes = n;
      EXPECT_EQ(n, pipes) << doc.id << ": " << line;
    }
  }
}

TEST_F(EscapingTest, CsvRoundTripsAndDisarmsFormulas) {
  std::vector<std::string> fields = {
      kHostile, "a,b", "say \"hi\"", "line\r\nbreak", kFormula, "-1", "@SUM(A1)", "+1", ""};
  auto parsed = ParseCsv(CsvRecord(fields) + CsvRecord({"x"}));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_EQ(parsed->size(), 2u);
  std::vector<std::string> expected = fields;
  for (std::string& f : expected)
    if (!f.empty() && std::string_view("=+-@").find(f[0]) != std::string_view::npos) f = "'" + f;
  EXPECT_EQ((*parsed)[0], expected);
  auto register_rows = ParseCsv(ActionItemsCsv(registers_));
  ASSERT_TRUE(register_rows.ok());
  EXPECT_EQ((*register_rows)[1][1], kHostile);
  EXPECT_EQ((*register_rows)[1][5], "19");  // days overdue on 2017-07-20
  auto attendance = ParseCsv(AttendanceCsv(registers_));
  ASSERT_TRUE(attendance.ok());
  EXPECT_EQ((*attendance)[3][3], "'" + kFormula);
  EXPECT_FALSE(ParseCsv("\"open").ok());
  EXPECT_FALSE(ParseCsv("\"a\"b").ok());
}

TEST_F(EscapingTest, ICalendarKeepsHostileTextInsideItsProperty) {
  auto made = GroupCalendar(registers_);
  ASSERT_TRUE(made.ok()) << made.error().message;
  const std::string& feed = *made;
  icalcomponent* cal = icalparser_parse_string(feed.c_str());
  ASSERT_NE(cal, nullptr);
  EXPECT_EQ(icalrestriction_check(cal), 1);
  EXPECT_EQ(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 1);
  EXPECT_EQ(icalcomponent_count_components(cal, ICAL_VTODO_COMPONENT), 1);
  icalcomponent* todo = icalcomponent_get_first_component(cal, ICAL_VTODO_COMPONENT);
  EXPECT_EQ(std::string(icalcomponent_get_summary(todo)), kHostile);
  EXPECT_STREQ(icaltime_as_ical_string(icalcomponent_get_due(todo)), "20170701");
  icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
  EXPECT_EQ(icalcomponent_get_first_property(ev, ICAL_URL_PROPERTY), nullptr);
  icalcomponent_free(cal);
  auto owned = OwnerCalendar(registers_, kHostile);
  ASSERT_TRUE(owned.ok()) << owned.error().message;
  const std::string& mine = *owned;
  icalcomponent* own = icalparser_parse_string(mine.c_str());
  ASSERT_NE(own, nullptr);
  EXPECT_EQ(icalcomponent_count_components(own, ICAL_VTODO_COMPONENT), 1);
  icalcomponent_free(own);
}

TEST_F(EscapingTest, SvgChartIsWellFormed) {
  BarChart chart{kHostile, kHostile, {kHostile, "2017-07"}, {0.5, 1.2}};
  pugi::xml_document parsed;
  std::string svg = RenderSvgChart(chart);
  ASSERT_TRUE(parsed.load_string(svg.c_str())) << svg;
  EXPECT_TRUE(parsed.select_nodes("//script").empty());
  EXPECT_EQ(std::string(parsed.child("svg").child_value("title")), kHostile);
}

}  // namespace
}  // namespace plenary
