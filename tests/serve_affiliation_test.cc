// The JSON API's participation by affiliation (GET .../attendance?by=
// affiliation) and report back (GET .../report-back) on `plenary serve` run
// for real over tests/data/affiliation: per month and any period, the same
// shapes as the CLI's, authorised like every group read (a private group is
// 404 to outsiders) and the contact address for the group's own people only.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "http_test_client.h"
#include "serve_accounts.h"

namespace plenary {
namespace {

using cli_testing::CliTest;
using http_testing::Reply;
using http_testing::ServerProcess;
using nlohmann::json;

const std::filesystem::path kData =
    std::filesystem::path(PLENARY_SOURCE_DIR) / "tests/data/affiliation";

class ServeAffiliationTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    auto r =
        Plenary({"import", "--roster", (kData / "aff-roster.txt").string(),
                 (kData / "aff-plenary-1.txt").string(), (kData / "aff-plenary-2.txt").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    {
      auto site = OpenSiteStore(db_);
      ASSERT_TRUE(site.ok()) << site.error().message;
      member_ = http_testing::Bearer(
          http_testing::AddAccount(**site, "ann", "Ann Lee", false, {{"AFF", GroupRole::kMember}}));
      outsider_ = http_testing::Bearer(http_testing::AddAccount(**site, "out", "", false, {}));
    }
    server_ = std::make_unique<ServerProcess>(dir_, db_);
    ASSERT_NE(server_->port(), 0) << server_->Stderr();
  }
  Reply Get(const std::string& target, const std::string& who) {
    return http_testing::GetAs(server_->port(), target, who);
  }
  json GetJson(const std::string& target) {
    Reply r = Get(target, member_);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    EXPECT_EQ(r.Header("content-type"), "application/json");
    return json::parse(r.body, nullptr, false);
  }

  std::string member_, outsider_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(ServeAffiliationTest, ParticipationByAffiliationPerMonthAndAnyPeriod) {
  json all = GetJson("/api/v1/groups/AFF/attendance?by=affiliation");
  ASSERT_EQ(all["items"].size(), 1u) << all.dump(2);
  EXPECT_EQ(all["items"][0]["meetings"], 2);
  const json& gnso = all["items"][0]["affiliations"][0];
  EXPECT_EQ(gnso["affiliation"], "GNSO");
  EXPECT_EQ(gnso["members"], (json{"Ann Lee", "Bo Chan"}));
  EXPECT_EQ(gnso["representatives"], 1);
  EXPECT_EQ(gnso["individuals"], 1);
  EXPECT_EQ(gnso["held"], 4);
  EXPECT_EQ(gnso["present"], 2);
  EXPECT_DOUBLE_EQ(gnso["rate"].get<double>(), 0.5);
  EXPECT_EQ(all["items"][0]["affiliations"][2]["affiliation"], nullptr);

  json november = GetJson("/api/v1/groups/AFF/attendance?by=affiliation&month=2026-11");
  EXPECT_EQ(november["items"][0]["from"], "2026-11-01");
  EXPECT_EQ(november["items"][0]["meetings"], 1);
  EXPECT_EQ(november["items"][0]["affiliations"][1]["affiliation"], "ALAC");
  EXPECT_EQ(november["items"][0]["affiliations"][1]["present"], 1);
  json december =
      GetJson("/api/v1/groups/AFF/attendance?by=affiliation&from=2026-12-01&to=2026-12-31");
  EXPECT_EQ(december["items"][0]["to"], "2026-12-31");
  EXPECT_EQ(december["items"][0]["affiliations"][1]["apologies"], 1);

  // Person by person is still the default.
  EXPECT_TRUE(
      GetJson("/api/v1/groups/AFF/attendance?month=2026-11")["items"][0].contains("people"));
  EXPECT_EQ(Get("/api/v1/groups/AFF/attendance?by=organisation", member_).status, 400);
  EXPECT_EQ(
      Get("/api/v1/groups/AFF/attendance?by=affiliation&from=2026-12-31&to=2026-12-01", member_)
          .status,
      400);
}

TEST_F(ServeAffiliationTest, ReportBackForAnAffiliationAndPeriod) {
  json r = GetJson("/api/v1/groups/AFF/report-back?affiliation=gnso&month=2026-11");
  EXPECT_EQ(r["affiliation"], "GNSO");
  EXPECT_EQ(r["from"], "2026-11-01");
  EXPECT_EQ(r["appointees"], (json{"Ann Lee", "Bo Chan"}));
  EXPECT_EQ(r["contact"], "gnso-council@example.org");
  ASSERT_EQ(r["decisions"].size(), 1u);
  EXPECT_EQ(r["decisions"][0]["text"], "The team adopted the work plan.");
  EXPECT_EQ(r["opened"].size(), 2u);
  ASSERT_EQ(r["owned"].size(), 1u);
  EXPECT_EQ(r["owned"][0]["text"], "Draft the GNSO briefing.");
  EXPECT_EQ(r["attendance"][1]["apologies"], 1);

  json all = GetJson("/api/v1/groups/AFF/report-back?affiliation=GNSO");
  EXPECT_EQ(all["from"], nullptr);
  EXPECT_EQ(all["decisions"].size(), 2u);

  EXPECT_EQ(Get("/api/v1/groups/AFF/report-back?affiliation=GAC", member_).status, 404);
  auto nobody = Get("/g/AFF/report-back?affiliation=GAC", member_);
  EXPECT_EQ(nobody.status, 404);
  EXPECT_NE(nobody.body.find("<h1>Not found</h1>"), std::string::npos) << nobody.body;
  EXPECT_EQ(Get("/api/v1/groups/AFF/report-back", member_).status, 400);
  EXPECT_EQ(Get("/api/v1/groups/AFF/report-back?affiliation=GNSO&month=11", member_).status, 400);
}

TEST_F(ServeAffiliationTest, APrivateGroupStaysPrivateAndOutsidersSeeNoAddress) {
  for (std::string target : {"/api/v1/groups/AFF/attendance?by=affiliation",
                             "/api/v1/groups/AFF/report-back?affiliation=GNSO"}) {
    EXPECT_EQ(Get(target, outsider_).status, 404) << target;
    EXPECT_EQ(Get(target, "").status, 404) << target;
  }
  {
    auto site = OpenSiteStore(db_);
    ASSERT_TRUE(site.ok());
    ASSERT_TRUE((*site)->SetGroupPublic("AFF", true).ok());
  }
  Reply seen = Get("/api/v1/groups/AFF/report-back?affiliation=GNSO", outsider_);
  ASSERT_EQ(seen.status, 200) << seen.body;
  json report = json::parse(seen.body);
  EXPECT_EQ(report["appointees"], (json{"Ann Lee", "Bo Chan"}));
  EXPECT_FALSE(report.contains("contact")) << "addresses are for the group's own people";
  EXPECT_EQ(seen.body.find("gnso-council@example.org"), std::string::npos);
}

}  // namespace
}  // namespace plenary
