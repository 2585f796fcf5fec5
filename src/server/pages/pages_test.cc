// Every page, rendered in its frame from hostile values, must be well-formed
// polyglot XHTML (it parses as XML), valid UTF-8, show the hostile text only
// as text, and carry the CSRF token in every form that posts.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "app/importing.h"
#include "core/text.h"
#include "publish/assets.h"
#include "server/pages/action_pages.h"
#include "server/pages/attendance_view.h"
#include "server/pages/import_pages.h"
#include "server/pages/meeting_pages.h"
#include "server/pages/published_page.h"
#include "server/pages/roster_page.h"
#include "server/pages/site_pages.h"

namespace plenary::pages {
namespace {

using namespace std::chrono_literals;

const std::string kHostile = "<script>alert(\"x\")</script> ' & ]]> \xff\xfe end";
const std::string kToken = "csrf-token-\"<&>";

Date Day(int d) { return 2017y / 6 / d; }

Viewer Editor() { return {true, "Ed <itor>", kToken, true}; }

Roster HostileRoster() {
  Roster r;
  r.group = {"SSR2", kHostile, Day(1), std::nullopt};
  r.people = {{"Ann " + kHostile, Role::kMember, {"AK"}, std::nullopt, std::nullopt},
              {"Bo Chan", Role::kMember, {}, Day(2), std::nullopt},
              {"Cy Staff", Role::kStaff, {}, std::nullopt, std::nullopt}};
  r.subteams = {{"Sub " + kHostile, "Bo Chan", {"Bo Chan"}}};
  return r;
}

Meeting HostileMeeting() {
  Meeting m;
  m.key = {"SSR2", "Plenary", 15};
  m.date = Day(14);
  m.start_utc = TimeOfDay{14, 0};
  m.attendees = {"Ann " + kHostile, kHostile};
  m.apologies = {"Bo Chan"};
  m.staff = {"Cy Staff"};
  m.record_url = "javascript:alert(1)";
  m.agenda = {{kHostile, {kHostile, "second"}, 3}};
  m.actions = {{kHostile,
                {{kHostile, OwnerKind::kUnresolved}},
                Day(20),
                ActionStatus::kOpen,
                ActionSource::kTable,
                Owner{kHostile, OwnerKind::kUnresolved},
                9,
                kHostile,
                kHostile}};
  m.decisions = {{kHostile, 12}, {kHostile, 13, kHostile + "\n" + kHostile}};
  m.guests = {kHostile};
  m.attendance_remarks = {{kHostile, kHostile}};
  return m;
}

RegisteredAction HostileAction(std::int64_t id) {
  RegisteredAction a;
  a.id = id;
  a.item = HostileMeeting().actions[0];
  a.item.due = Day(1);
  a.meeting = HostileMeeting().key;
  a.meeting_date = Day(14);
  a.status_note = kHostile;
  a.history = {{Day(14), a.meeting, std::nullopt, "created", kHostile, ""},
               {Day(15), std::nullopt, 7, "note: " + kHostile, kHostile, kHostile}};
  return a;
}

Frame FrameFor(std::string title) {
  Frame f;
  f.title = std::move(title);
  f.viewer = Editor();
  f.group = "SSR2";
  f.section = Section::kActions;
  f.notice = kHostile;
  f.problem = kHostile;
  return f;
}

struct Rendered {
  std::string name;
  std::string html;
};

std::vector<Rendered> EveryPage() {
  const Viewer v = Editor();
  const Roster roster = HostileRoster();
  const Meeting meeting = HostileMeeting();
  std::vector<Rendered> pages;
  auto add = [&](std::string name, const html::TrustedHtml& main) {
    pages.push_back({name, RenderPage(FrameFor(name + " " + kHostile), main)});
  };
  add("home", RenderGroupHome({"SSR2",
                               kHostile,
                               Day(16),
                               meeting,
                               {HostileAction(1), HostileAction(2)},
                               {{3, {kHostile, 12}, meeting.key, Day(14)}}}));
  ActionListPage list{
      "SSR2",     Day(16),      {kHostile, "open", true, kHostile, kHostile}, {HostileAction(1)},
      {kHostile}, {meeting.key}};
  add("actions", RenderActionList(list));
  ActionItemPage item{"SSR2", Day(16), HostileAction(1), {HostileAction(2)}, true, true};
  add("item", RenderActionItem(item, v));
  add("mine", RenderMyItems({kHostile, Day(16), {HostileAction(1)}, {HostileAction(2)}}));
  add("meetings", RenderMeetingList({"SSR2", {meeting}}));
  add("meeting",
      RenderMeeting({meeting, Day(16), AttendanceOf(meeting, &roster), {HostileAction(1)}}));
  add("decisions", RenderDecisionList({"SSR2", {{3, {kHostile, 12}, meeting.key, Day(14)}}}));
  GroupRegisters registers{"SSR2", roster, {meeting}, {HostileAction(1)}, {}, Day(16)};
  add("attendance",
      RenderPublishedDocument(registers, publish_detail::AttendanceDocument(registers)));
  const PagePeriod period{Day(1), Day(30)};
  add("attendance-period",
      RenderAttendance(registers, publish_detail::AttendanceDocument(registers), period));
  AffiliationParticipation sum{kHostile, {"Ann " + kHostile}, 1, 0, 2, 1, 1, 0, 0.5};
  add("attendance-by-affiliation",
      RenderAffiliationAttendance({"SSR2", period, 1, true, {sum, AffiliationParticipation{}}}));
  add("attendance-no-affiliation", RenderAffiliationAttendance({"SSR2", period, 0, false, {}}));
  ReportBack report{"SSR2",
                    kHostile,
                    Day(1),
                    Day(30),
                    {"Ann " + kHostile},
                    kHostile,
                    {{3, {kHostile, 12}, meeting.key, Day(14)}},
                    {HostileAction(1)},
                    {HostileAction(2)},
                    {HostileAction(1)},
                    {{"Ann " + kHostile, Role::kMember, 2, 1, 1, 0, 0.5}}};
  add("report-back", RenderReportBack({&registers, report, period, true}));
  add("roster", RenderRoster({"SSR2", roster, true, std::nullopt, ""}, v));
  add("roster-refused", RenderRoster({"SSR2", std::nullopt, true, kHostile, kHostile}, v));
  add("import", RenderImportForm({"SSR2", kHostile, kHostile, kHostile, kHostile}, v));
  ImportPlan plan;
  plan.batch.meetings.push_back({meeting, {kHostile, "00"}});
  plan.warnings = {kHostile};
  plan.formats = {{kHostile, kHostile, kHostile}};
  ImportPreviewPage preview{"SSR2", kHostile, "notes\r\n" + kHostile, kHostile, kHostile, &plan,
                            {},     kHostile};
  preview.meetings.push_back({&plan.batch.meetings[0].meeting,
                              true,
                              AttendanceOf(meeting, &roster),
                              {PlannedMatch{4, kHostile, 0.7}}});
  add("preview", RenderImportPreview(preview, v));
  add("login", RenderLogin({kHostile, kHostile, kHostile}, v));
  add("groups", RenderGroupList({{"SSR2", kHostile, 1, 2, 3}}));
  add("search",
      RenderSearch(
          {kHostile, {{SearchKind::kAction, "SSR2", kHostile, "2017-06-14", 4, kHostile}}}));
  add("error", RenderError(404, kHostile));
  return pages;
}

pugi::xml_document Parse(const Rendered& page) {
  pugi::xml_document doc;
  const pugi::xml_parse_result result = doc.load_string(page.html.c_str());
  EXPECT_TRUE(result) << page.name << ": " << result.description() << " at "
                      << page.html.substr(static_cast<std::size_t>(result.offset), 80);
  return doc;
}

TEST(Pages, EveryPageIsWellFormedXhtmlInValidUtf8) {
  for (const Rendered& page : EveryPage()) {
    SCOPED_TRACE(page.name);
    EXPECT_EQ(FindInvalidUtf8(page.html), std::string::npos);
    EXPECT_EQ(page.html.rfind("<!DOCTYPE html>\n", 0), 0u);
    pugi::xml_document doc = Parse(page);
    pugi::xml_node root = doc.child("html");
    EXPECT_STREQ(root.attribute("xmlns").value(), "http://www.w3.org/1999/xhtml");
    EXPECT_STREQ(root.attribute("lang").value(), "en");
    EXPECT_TRUE(root.child("head").find_child_by_attribute("meta", "name", "viewport"));
    EXPECT_TRUE(root.child("body").child("main"));
  }
}

TEST(Pages, HostileTextOnlyAppearsAsText) {
  for (const Rendered& page : EveryPage()) {
    SCOPED_TRACE(page.name);
    EXPECT_EQ(page.html.find("<script>"), std::string::npos);
    EXPECT_EQ(page.html.find("]]>"), std::string::npos);
    EXPECT_EQ(page.html.find("href=\"javascript:"), std::string::npos);
    pugi::xml_document doc = Parse(page);
    // The only script is the page's own, by src, with no inline body.
    for (const pugi::xpath_node& s : doc.select_nodes("//script")) {
      EXPECT_TRUE(std::string(s.node().attribute("src").value()).starts_with("/static/app.js?v="));
      EXPECT_TRUE(s.node().text().empty());
    }
    // And the hostile text is there, read back unchanged but for the bytes
    // that are not UTF-8.
    const std::string shown = "<script>alert(\"x\")</script> ' & ]]> \xEF\xBF\xBD\xEF\xBF\xBD end";
    EXPECT_NE(std::string(doc.select_node("//title").node().text().get()).find(shown),
              std::string::npos);
  }
}

TEST(Pages, EveryPostFormCarriesTheCsrfToken) {
  int forms = 0;
  for (const Rendered& page : EveryPage()) {
    SCOPED_TRACE(page.name);
    pugi::xml_document doc = Parse(page);
    for (const pugi::xpath_node& f : doc.select_nodes("//form")) {
      const std::string method = f.node().attribute("method").value();
      ASSERT_TRUE(method == "post" || method == "get") << method;
      if (method != "post") continue;
      ++forms;
      pugi::xml_node token = f.node().find_child_by_attribute("input", "name", "csrf_token");
      ASSERT_TRUE(token) << f.node().attribute("action").value();
      EXPECT_STREQ(token.attribute("type").value(), "hidden");
      EXPECT_EQ(token.attribute("value").value(), kToken);
    }
  }
  // Sign-out on every page, the item's five, roster, import, preview, login.
  EXPECT_GE(forms, 20);
}

TEST(Pages, AMegabyteStringIsEscapedWhole) {
  std::string big(1 << 20, '<');
  big += kHostile;
  const std::string page = RenderPage(FrameFor("big"), RenderError(500, big));
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(page.c_str()));
  EXPECT_EQ(
      std::string(doc.select_node("//main/h1/following-sibling::p[1]").node().text().get()).size(),
      (1u << 20) + kHostile.size() + 4);  // two invalid bytes became 3-byte U+FFFDs
}

TEST(Pages, TheImportPreviewSendsTheNotesBackUnchanged) {
  ImportPlan plan;
  const std::string notes = "line one\r\nline <two> & \"three\"\n";
  ImportPreviewPage preview{"SSR2", "notes.txt", notes, "", "b", &plan, {}};
  const std::string page = RenderPage(FrameFor("preview"), RenderImportPreview(preview, Editor()));
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(page.c_str()));
  pugi::xml_node form = doc.select_node("//form[@action='/g/SSR2/import/confirm']").node();
  ASSERT_TRUE(form);
  EXPECT_EQ(form.find_child_by_attribute("input", "name", "notes").attribute("value").value(),
            notes);
  EXPECT_STREQ(form.find_child_by_attribute("input", "name", "name").attribute("value").value(),
               "notes.txt");
}

TEST(Pages, TheItemPageOffersOnlyWhatTheViewerMayDo) {
  ActionItemPage item{"SSR2", Day(16), HostileAction(4), {HostileAction(5)}, false, true};
  std::string member = RenderActionItem(item, Editor()).str();
  EXPECT_NE(member.find("/g/SSR2/actions/4/done"), std::string::npos);
  EXPECT_EQ(member.find("/g/SSR2/actions/4/due"), std::string::npos);
  EXPECT_EQ(member.find("/g/SSR2/actions/4/merge"), std::string::npos);
  item.may_complete = false;
  EXPECT_EQ(RenderActionItem(item, Editor()).str().find("<form"), std::string::npos);
  item.may_edit = true;
  const std::string editor = RenderActionItem(item, Editor()).str();
  for (const char* form : {"done", "due", "owners", "merge"})
    EXPECT_NE(editor.find(std::string("/g/SSR2/actions/4/") + form), std::string::npos) << form;
}

TEST(Pages, NavigationMarksTheCurrentSectionAndHidesImportFromReaders) {
  Frame f = FrameFor("x");
  f.viewer.can_edit = false;
  f.section = Section::kMeetings;
  const std::string page = RenderPage(f, RenderError(404, "x"));
  EXPECT_NE(page.find("<a href=\"/g/SSR2/meetings\" aria-current=\"page\">"), std::string::npos);
  EXPECT_EQ(page.find("/g/SSR2/import"), std::string::npos);
}

// The app shows the published attendance page: links go to the app's routes.
TEST(Pages, AttendanceIsThePublishedPageWithTheAppsLinks) {
  Roster roster = HostileRoster();
  Meeting june = HostileMeeting();
  june.attendees = {roster.people[0].name};
  june.apologies = {"Bo Chan"};
  Meeting july = june;
  july.key.number = 16;
  july.date = 2017y / 7 / 5;
  july.apologies = {};
  july.attendees = {roster.people[0].name, "Bo Chan"};
  GroupRegisters registers{"SSR2", roster, {june, july}, {}, {}, Day(16)};
  const std::string html =
      RenderPublishedDocument(registers, publish_detail::AttendanceDocument(registers)).str();
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find(">50%<"), std::string::npos);
  EXPECT_NE(html.find(">100%<"), std::string::npos);
  EXPECT_EQ(AppHref(registers, {MeetingPageId(july.key), "", ""}), "/g/SSR2/meetings/Plenary/16");
  // The action list has no anchor per item: an item's history is its own page.
  EXPECT_EQ(AppHref(registers, {"action-items", "item-4", ""}), "/g/SSR2/actions/4");
  EXPECT_EQ(AppHref(registers, {"action-items", "item-x", ""}), "/g/SSR2/actions#item-x");
  EXPECT_EQ(AppHref(registers, {"attendance-2017-06", "", ""}), "/g/SSR2/attendance#monthly");
}

TEST(Assets, AreEmbeddedWithContentTypesAndVersionedUrls) {
  for (const char* name : {"style.css", "app.js", "favicon.svg"}) {
    const Asset* a = FindAsset(name);
    ASSERT_NE(a, nullptr) << name;
    EXPECT_FALSE(a->bytes.empty());
    EXPECT_EQ(a->etag.size(), 18u);
    EXPECT_EQ(AssetUrl(name), "/static/" + std::string(name) + "?v=" + a->version);
    // The version the build computed is the bytes' digest: an edited file
    // gets a new URL.
    EXPECT_EQ(a->version, Sha256Hex(a->bytes).substr(0, 16)) << name;
  }
  EXPECT_EQ(FindAsset("style.css")->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(FindAsset("../CMakeLists.txt"), nullptr);
}

}  // namespace
}  // namespace plenary::pages

namespace plenary::pages {
namespace {

TEST(ActionListPaging, ShowsOnePageAndLinksToTheOthersKeepingTheFilter) {
  ActionListPage page;
  page.group = "SSR2";
  page.today = 2017y / 6 / 20;
  page.filter.owner = "Ann & Bo";
  page.filter.page = 2;
  for (std::int64_t id = 1; id <= 250; ++id) {
    RegisteredAction a;
    a.id = id;
    a.item.text = "item-" + std::to_string(id) + "-text";
    a.meeting = {"SSR2", "Plenary", 15};
    a.meeting_date = 2017y / 6 / 13;
    page.items.push_back(a);
  }
  const std::string html = RenderActionList(page).str();
  EXPECT_NE(html.find("250 items, 101–200 shown"), std::string::npos);
  EXPECT_EQ(html.find("item-100-text"), std::string::npos);
  EXPECT_NE(html.find("item-101-text"), std::string::npos);
  EXPECT_NE(html.find("item-200-text"), std::string::npos);
  EXPECT_EQ(html.find("item-201-text"), std::string::npos);
  EXPECT_NE(html.find("href=\"/g/SSR2/actions?owner=Ann%20%26%20Bo\" rel=\"prev\""),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("href=\"/g/SSR2/actions?owner=Ann%20%26%20Bo&amp;page=3\" rel=\"next\""),
            std::string::npos);
}

}  // namespace
}  // namespace plenary::pages
