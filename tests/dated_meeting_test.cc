// A meeting that its group names by its date (no number), with the fields of
// schema 5 (guests, attendance remarks, a resolution's body, the group's own
// word for an item's status and a due in words), written through the store
// and shown by the real binary: the CLI listings and their JSON, the
// published pages, and the JSON API and web page of `plenary serve` at the
// meeting's dated URL.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "core/meeting_label.h"
#include "http_test_client.h"
#include "plenary/site.h"
#include "plenary/store.h"
#include "serve_accounts.h"

namespace plenary {
namespace {

using cli_testing::CliTest;
using cli_testing::ReadBytes;
using cli_testing::RunResult;
using nlohmann::json;
namespace fs = std::filesystem;

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

Meeting Teleconference() {
  Meeting m;
  m.key = {"IRSG", "Teleconference", DatedMeetingNumber(D(2025, 9, 23), std::nullopt)};
  m.date = D(2025, 9, 23);
  m.attendees = {"Alice Example", "Bob Example"};
  m.guests = {"Gina <b>Guest</b>"};
  m.attendance_remarks = {{"Bob Example", "joined at 14:20"}};
  m.decisions = {{"Resolution 2025-1", 5,
                  "RESOLVED, that the charter is adopted.\nCarried without objection."}};
  m.actions = {{"Alice to draft the charter review",
                {{"Alice Example", OwnerKind::kUnresolved}},
                std::nullopt,
                ActionStatus::kOpen,
                ActionSource::kTable,
                std::nullopt,
                7,
                "in progress",
                "before the next plenary"}};
  return m;
}

class DatedMeetingTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    auto store = OpenStore(db_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    ASSERT_TRUE((*store)->Import({{}, {{Teleconference(), {"irsg.txt", "sha"}}}}).ok());
  }

  std::string Run(const std::vector<std::string>& args) {
    RunResult r = Plenary(args);
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
  }
};

TEST_F(DatedMeetingTest, ListingsShowTheDateAndTheGroupsWords) {
  EXPECT_NE(Run({"meetings"}).find("IRSG Teleconference 2025-09-23"), std::string::npos);
  const std::string actions = Run({"actions"});
  EXPECT_NE(actions.find("open (in progress) due before the next plenary  Alice Example"),
            std::string::npos)
      << actions;
  EXPECT_NE(actions.find("(IRSG Teleconference 2025-09-23, 2025-09-23, from the table)"),
            std::string::npos)
      << actions;
  json items = json::parse(Run({"actions", "--json"}));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["written_status"], "in progress");
  EXPECT_EQ(items[0]["due_phrase"], "before the next plenary");
  EXPECT_EQ(items[0]["meeting"]["number"], 2025092300);
  const std::string id = std::to_string(items[0]["id"].get<int>());
  const std::string shown = Run({"actions", "show", id});
  EXPECT_NE(shown.find("  status:  open (in progress)\n"), std::string::npos) << shown;
  EXPECT_NE(shown.find("  due:     before the next plenary\n"), std::string::npos) << shown;
  EXPECT_NE(shown.find("  from:    IRSG Teleconference 2025-09-23, 2025-09-23 (table)\n"),
            std::string::npos)
      << shown;

  const std::string attendance = Run({"attendance"});
  EXPECT_NE(attendance.find("  2025-09-23  Present  Rate\n"), std::string::npos) << attendance;

  json meetings = json::parse(Run({"meetings", "--json"}));
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0]["guests"], json::array({"Gina <b>Guest</b>"}));
  EXPECT_EQ(meetings[0]["attendance_remarks"],
            json::array({{{"name", "Bob Example"}, {"remark", "joined at 14:20"}}}));
  EXPECT_EQ(meetings[0]["decision_bodies"][0],
            "RESOLVED, that the charter is adopted.\nCarried without objection.");
  json decisions = json::parse(Run({"decisions", "--json"}));
  EXPECT_EQ(decisions[0]["body"],
            "RESOLVED, that the charter is adopted.\nCarried without objection.");
}

TEST_F(DatedMeetingTest, PublishedPagesNameTheMeetingByItsDate) {
  const fs::path out = dir_ / "site";
  Run({"publish", "--format", "all", "--to", out.string(), "--today", "2025-10-01"});
  const fs::path irsg = out / "irsg";
  const std::string md = ReadBytes(irsg / "teleconference-2025-09-23.md");
  EXPECT_NE(md.find("IRSG Teleconference 2025-09-23"), std::string::npos) << md;
  EXPECT_NE(md.find("## Guests"), std::string::npos) << md;
  EXPECT_NE(md.find("joined at 14:20"), std::string::npos) << md;
  EXPECT_NE(md.find("### Resolution 2025-1"), std::string::npos) << md;
  EXPECT_NE(md.find("Carried without objection."), std::string::npos) << md;

  const std::string html = ReadBytes(irsg / "teleconference-2025-09-23.html");
  EXPECT_NE(html.find("Gina &lt;b&gt;Guest&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<b>Guest"), std::string::npos);
  EXPECT_NE(html.find("<p>RESOLVED, that the charter is adopted.</p>"), std::string::npos);
  EXPECT_NE(ReadBytes(irsg / "index.html").find("teleconference-2025-09-23.html"),
            std::string::npos);

  const std::string register_md = ReadBytes(irsg / "action-items.md");
  EXPECT_NE(register_md.find("review **\\[in progress\\]**"), std::string::npos) << register_md;
  EXPECT_NE(register_md.find("open (in progress)"), std::string::npos) << register_md;
  EXPECT_NE(register_md.find("before the next plenary"), std::string::npos) << register_md;
  const std::string agenda = ReadBytes(irsg / "agenda.md");
  EXPECT_NE(agenda.find("Alice to draft the charter review (in progress) | Alice Example | before "
                        "the next plenary |"),
            std::string::npos)
      << agenda;
  const std::string csv = ReadBytes(irsg / "action-items.csv");
  EXPECT_NE(csv.find("Teleconference 2025-09-23"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",in progress,before the next plenary\r\n"), std::string::npos) << csv;
  EXPECT_NE(ReadBytes(irsg / "decisions.csv").find("Carried without objection."),
            std::string::npos);
}

TEST_F(DatedMeetingTest, TheApiAndThePageAnswerAtTheDatedPath) {
  std::string admin;
  {
    auto site = OpenSiteStore(db_);
    ASSERT_TRUE(site.ok()) << site.error().message;
    admin = http_testing::Bearer(http_testing::AddAccount(**site, "admin", "", true, {}));
    ASSERT_TRUE((*site)->SetGroupPublic("IRSG", true).ok());
  }
  http_testing::ServerProcess server(dir_, db_);
  ASSERT_NE(server.port(), 0) << server.Stderr();
  auto get = [&](const std::string& target) {
    return http_testing::Request(server.port(), "GET", target, "", {admin});
  };
  http_testing::Reply api = get("/api/v1/groups/IRSG/meetings/Teleconference/2025-09-23");
  ASSERT_EQ(api.status, 200) << api.body;
  json meeting = json::parse(api.body);
  EXPECT_EQ(meeting["number"], 2025092300);
  EXPECT_EQ(meeting["guests"], json::array({"Gina <b>Guest</b>"}));
  EXPECT_EQ(get("/api/v1/groups/IRSG/meetings/Teleconference/2025092300").status, 200);
  EXPECT_EQ(get("/api/v1/groups/IRSG/meetings/Teleconference/2025-09-24").status, 404);
  EXPECT_EQ(get("/api/v1/groups/IRSG/meetings/Teleconference/2025-13-01").status, 400);
  json items =
      json::parse(get("/api/v1/groups/IRSG/actions?meeting=Teleconference/2025-09-23").body);
  EXPECT_EQ(items["total"], 1);
  EXPECT_EQ(items["items"][0]["written_status"], "in progress");

  http_testing::Reply list = http_testing::Request(server.port(), "GET", "/g/IRSG/meetings", "");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_NE(list.body.find("href=\"/g/IRSG/meetings/Teleconference/2025-09-23\""),
            std::string::npos)
      << list.body;
  http_testing::Reply page =
      http_testing::Request(server.port(), "GET", "/g/IRSG/meetings/Teleconference/2025-09-23", "");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("IRSG Teleconference 2025-09-23"), std::string::npos);
  EXPECT_NE(page.body.find("Gina &lt;b&gt;Guest&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(page.body.find("joined at 14:20"), std::string::npos);
  EXPECT_NE(page.body.find("<p>Carried without objection.</p>"), std::string::npos);
  EXPECT_NE(page.body.find("<span class=\"status status-written\">in progress</span>"),
            std::string::npos);
}

}  // namespace
}  // namespace plenary
