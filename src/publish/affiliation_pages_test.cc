#include "publish/affiliation_pages.h"

#include <gtest/gtest.h>

#include "core/date.h"
#include "publish/registers.h"

namespace plenary {
namespace {

std::string CellText(const Cell& cell) {
  std::string out;
  for (const Span& s : cell.text) out += s.text;
  return out;
}

TEST(AffiliationTable, OneRowPerAffiliationWithCapacitiesAndRate) {
  AffiliationParticipation gnso{"GNSO", {"Ann", "Bo"}, 1, 1, 4, 3, 1, 0, 0.75};
  AffiliationParticipation none{"", {"Di"}, 0, 0, 2, 0, 0, 2, 0.0};
  Table t = AffiliationTable("By affiliation", {gnso, none});
  EXPECT_EQ(t.caption, "By affiliation");
  EXPECT_TRUE(t.row_headers);
  EXPECT_EQ(t.header, (std::vector<std::string>{"Affiliation", "Representatives", "Individuals",
                                                "Meetings expected", "Attended", "Apologies",
                                                "Absent", "Rate"}));
  ASSERT_EQ(t.rows.size(), 2u);
  std::vector<std::string> first;
  for (const Cell& c : t.rows[0]) first.push_back(CellText(c));
  EXPECT_EQ(first, (std::vector<std::string>{"GNSO", "1", "1", "4", "3", "1", "0", "75%"}));
  EXPECT_EQ(CellText(t.rows[1][0]), "No affiliation");
  EXPECT_FALSE(t.rows[0][0].text[0].link);
}

TEST(AffiliationTable, LinksEachNamedAffiliationToItsReportBack) {
  AffiliationParticipation gnso{"GNSO Council", {"Ann"}, 0, 0, 1, 1, 0, 0, 1.0};
  AffiliationParticipation none{"", {"Di"}, 0, 0, 1, 0, 0, 1, 0.0};
  Table t = AffiliationTable("x", {gnso, none}, true);
  ASSERT_TRUE(t.rows[0][0].text[0].link);
  EXPECT_EQ(t.rows[0][0].text[0].link->page, "report-back-gnso-council");
  EXPECT_FALSE(t.rows[1][0].text[0].link) << "no report back for members with none";
}

ReportBack Sample() {
  ReportBack r;
  r.group = "AFF";
  r.affiliation = "GNSO";
  r.from = *ParseIsoDate("2026-11-01");
  r.to = *ParseIsoDate("2026-11-30");
  r.appointees = {"Ann Lee", "Bo Chan"};
  r.contact = "gnso@example.org";
  RegisteredDecision d;
  d.id = 1;
  d.decision.text = "The team adopted the work plan.";
  d.meeting = MeetingKey{"AFF", "Plenary", 1};
  d.meeting_date = *ParseIsoDate("2026-11-03");
  r.decisions = {d};
  RegisteredAction a;
  a.id = 7;
  a.item.text = "Draft the <GNSO> briefing.";
  a.item.owners = {Owner{"Ann Lee", OwnerKind::kPerson}};
  a.meeting = d.meeting;
  a.meeting_date = d.meeting_date;
  r.opened = {a};
  r.owned = {a};
  Participation p;
  p.name = "Bo Chan";
  p.held = 2;
  p.present = 1;
  p.apologies = 1;
  p.rate = 0.5;
  r.attendance = {p};
  return r;
}

Period November() {
  Period p{*ParseIsoDate("2026-11-01"), *ParseIsoDate("2026-11-30"), "November 2026"};
  p.given_from = p.from;
  p.given_to = p.to;
  return p;
}

TEST(ReportBackDocument, ASectionEachWithTablesLinkedToMeetingsAndItems) {
  Document doc = ReportBackDocument(Sample(), November(), true);
  EXPECT_EQ(doc.id, "report-back-gnso");
  EXPECT_EQ(doc.title, "GNSO report back from AFF, November 2026");
  std::vector<std::string> headings;
  std::vector<const Table*> tables;
  bool contact = false;
  for (const Content& c : doc.content) {
    if (auto* h = std::get_if<Heading>(&c)) headings.push_back(h->text);
    if (auto* t = std::get_if<Table>(&c)) tables.push_back(t);
    if (auto* p = std::get_if<Paragraph>(&c))
      contact = contact || p->text[0].text == "Contact: gnso@example.org.";
  }
  EXPECT_TRUE(contact);
  EXPECT_EQ(headings,
            (std::vector<std::string>{"Decisions (1)", "Items opened (1)", "Items completed (0)",
                                      "Open items its appointees own (1)", "Attendance (1)"}));
  ASSERT_EQ(tables.size(), 4u);  // no table for the items completed: "None."
  EXPECT_EQ(tables[0]->rows[0][0].text[0].link->page, "plenary-1");
  EXPECT_EQ(tables[1]->rows[0][0].text[0].link->page, kActionsPage);
  EXPECT_EQ(tables[1]->rows[0][0].text[0].link->anchor, "item-7");
  EXPECT_EQ(CellText(tables[1]->rows[0][1]), "Draft the <GNSO> briefing.");
  EXPECT_EQ(CellText(tables[3]->rows[0][5]), "50%");
}

TEST(ReportBackDocument, LeavesTheContactOutForOutsiders) {
  Document doc = ReportBackDocument(Sample(), November(), false);
  for (const Content& c : doc.content) {
    if (auto* p = std::get_if<Paragraph>(&c)) {
      EXPECT_EQ(p->text[0].text.find("gnso@example.org"), std::string::npos);
    }
  }
  nlohmann::ordered_json j = ReportBackJson(Sample(), November(), false);
  EXPECT_FALSE(j.contains("contact"));
  EXPECT_EQ(ReportBackJson(Sample(), November())["contact"], "gnso@example.org");
}

TEST(ReportBackJson, TheShapeTheCliAndTheApiShare) {
  nlohmann::ordered_json j = ReportBackJson(Sample(), November());
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.push_back(key);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"group", "affiliation", "from", "to", "appointees", "contact",
                                      "decisions", "opened", "completed", "owned", "attendance"}));
  EXPECT_EQ(j["from"], "2026-11-01");
  EXPECT_FALSE(j["opened"][0].contains("history"));
  EXPECT_EQ(j["attendance"][0]["rate"], 0.5);
}

TEST(ReportBackDocuments, OnePagePerAffiliationAndNoTwoWithOneFileName) {
  GroupRegisters r;
  r.group = "AFF";
  r.roster.emplace();
  for (auto [name, affiliation] : {std::pair{"Ann", "GNSO"}, std::pair{"Bo", "ALAC"},
                                   std::pair{"Cy", "ALAC!"}, std::pair{"Di", "gnso"}}) {
    Person p{name, Role::kMember, {}};
    p.affiliation = affiliation;
    r.roster->people.push_back(p);
  }
  std::vector<Document> docs = ReportBackDocuments(r);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "report-back-gnso");
  EXPECT_EQ(docs[1].id, "report-back-alac");
  EXPECT_FALSE(docs[0].navigation.empty());
  r.roster->people.clear();
  EXPECT_TRUE(ReportBackDocuments(r).empty());
}

}  // namespace
}  // namespace plenary
