// `plenary import` of the SSR2 plenary #41 wiki page (../shared/corpus/icann),
// which once crashed the CLI: detected as icann-wiki, names resolved against
// the roster, every guess on standard error.
#include <cstdlib>

#include "cli_fixture.h"

namespace plenary::cli_testing {
namespace {

using CliIcannWikiTest = CliTest;

fs::path WikiCorpus() {
  for (const char* up : {"../shared/corpus/icann", "../../shared/corpus/icann"}) {
    fs::path dir = fs::path(PLENARY_SOURCE_DIR) / up;
    if (fs::exists(dir / "ssr2-plenary-41-wiki.txt")) return dir;
  }
  return {};
}

TEST_F(CliIcannWikiTest, DryRunImportOfPlenary41WikiPage) {
  const fs::path corpus = WikiCorpus();
  if (corpus.empty()) {
    const char* ci = std::getenv("CI");
    if (ci && std::string_view(ci) == "true") FAIL() << "CI=true and ../shared/corpus is absent";
    GTEST_SKIP() << "no ../shared/corpus/icann";
  }
  const std::string page = (corpus / "ssr2-plenary-41-wiki.txt").string();
  const std::string roster = (corpus / "ssr2-roster.txt").string();
  RunResult r = Plenary({"import", "--dry-run", "--roster", roster, page});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "would record SSR2 Plenary #41, 2018-08-30 14:00 UTC: 4 action items, 2 decisions, "
            "9 attendees, 4 staff, 3 apologies, 1 guest\ndry run: nothing written\n");
  EXPECT_NE(r.err.find(": read as icann-wiki (detected: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(":6:46: notice: 'Geof Huston' taken as Geoff Huston: one letter apart"),
            std::string::npos)
      << r.err;

  RunResult imported = Plenary({"import", "--roster", roster, page});
  ASSERT_EQ(imported.status, 0) << imported.err;
  json items = Json({"actions", "--json"});
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[1]["owners"], json({"Eric Osterweil", "Boban Krsic"}));
  EXPECT_EQ(items[3]["owners"], json({"Subteam rapporteurs"}));
  EXPECT_EQ(items[3]["due"], "2018-08-31");
}

}  // namespace
}  // namespace plenary::cli_testing
