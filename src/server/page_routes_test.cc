// The page routes over a real SQLite register with the SSR2 sample imported:
// every form refused without or with a wrong CSRF token (and nothing
// changed), hostile values escaped on every page, a private group invisible
// to outsiders, and the import preview writing nothing until confirmed with
// exactly the previewed text.
#include "server/page_routes.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>

#include "app/credentials.h"
#include "app/importing.h"
#include "app/isolated_import.h"
#include "core/date.h"
#include "publish/formats/html_writer.h"
#include "server/api.h"
#include "server/url_codec.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

const std::string kHostile = "<script>alert(\"x\")</script> ' & ]]> \"; DROP TABLE actions; -- end";
const std::string kToken = "the-session-token";

std::string ReadFile(const std::string& path) {
  std::ifstream in(std::string(PLENARY_SOURCE_DIR) + "/" + path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class PageRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "plenary-pages-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    const std::string url = "sqlite:" + (dir_ / "p.db").string();
    auto store = OpenStore(url);
    ASSERT_TRUE(store.ok());
    auto site = OpenSiteStore(url);
    ASSERT_TRUE(site.ok());
    resources_.store = std::move(*store);
    resources_.site = std::move(*site);
    ImportRequest request{{{"ssr2-plenary-15.txt", ReadFile("examples/ssr2/ssr2-plenary-15.txt")}},
                          NamedInput{"roster", ReadFile("examples/ssr2/ssr2-roster.txt")},
                          std::nullopt};
    auto plan = PlanImport(request, {});
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    ASSERT_TRUE(resources_.store->Import(plan->batch).ok());
    secretariat_ = AddUser("sec", "Denise Michel", GroupRole::kSecretariat);
    member_ = AddUser("mem", "Alain Aina", GroupRole::kMember);
    outsider_ = *resources_.site->CreateUser({"out", "Out Sider", "", "", false});
    AddPageRoutes(router_);
    router_.SetAuthenticator([this](const HttpRequest&, WorkerResources&) {
      Admission a;
      a.viewer = viewer_;
      return a;
    });
    SignIn(secretariat_);
  }
  void TearDown() override {
    resources_ = {};
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  User AddUser(const std::string& login, const std::string& person, GroupRole role) {
    auto user = resources_.site->CreateUser({login, login + " user", person, "", false});
    EXPECT_TRUE(user.ok());
    EXPECT_TRUE(resources_.site->SetGrant(user->id, "SSR2", role).ok());
    user->grants = {{"SSR2", role}};
    return *user;
  }
  void SignIn(const User& user) { viewer_ = {user, true, "digest", kToken}; }
  void SignOut() { viewer_ = {}; }

  HttpResponse Get(const std::string& target) {
    HttpRequest r;
    r.method = "GET";
    r.target = target;
    const auto q = target.find('?');
    r.path = target.substr(0, q);
    if (q != std::string::npos) r.query = *ParseForm(target.substr(q + 1));
    return router_.Handle(r, resources_);
  }
  HttpResponse Post(const std::string& path, const QueryParams& fields) {
    return PostWithCookie(path, fields, "");
  }
  HttpResponse PostMultipart(const std::string& path, const QueryParams& parts) {
    HttpRequest r;
    r.method = "POST";
    r.target = r.path = path;
    r.headers.Add("Content-Type", "multipart/form-data; boundary=XyZ");
    for (const auto& [name, value] : parts)
      r.body += "--XyZ\r\nContent-Disposition: form-data; name=\"" + name +
                "\"; filename=\"f.txt\"\r\n\r\n" + value + "\r\n";
    r.body += "--XyZ--\r\n";
    return router_.Handle(r, resources_);
  }
  HttpResponse PostWithCookie(const std::string& path, const QueryParams& fields,
                              const std::string& cookie) {
    HttpRequest r;
    r.method = "POST";
    r.target = r.path = path;
    r.headers.Add("Content-Type", "application/x-www-form-urlencoded");
    if (!cookie.empty()) r.headers.Add("Cookie", cookie);
    for (const auto& [name, value] : fields)
      r.body +=
          (r.body.empty() ? "" : "&") + html::QueryValue(name) + "=" + html::QueryValue(value);
    return router_.Handle(r, resources_);
  }
  RegisteredAction Item(std::int64_t id) { return *resources_.store->Action(id); }
  std::int64_t FirstOpenItem() {
    ActionQuery q;
    q.open_only = true;
    return resources_.store->Actions(q)->front().id;
  }

  fs::path dir_;
  WorkerResources resources_;
  Router router_;
  Viewer viewer_;
  User secretariat_, member_, outsider_;
};

TEST_F(PageRoutesTest, EveryFormIsRefusedWithoutOrWithAWrongTokenAndChangesNothing) {
  const std::int64_t id = FirstOpenItem();
  const std::string item = "/g/SSR2/actions/" + std::to_string(id);
  const RegisteredAction before = Item(id);
  const std::vector<std::pair<std::string, QueryParams>> forms = {
      {item + "/done", {{"note", "done"}}},
      {item + "/reopen", {{"note", "again"}}},
      {item + "/due", {{"due", "2030-01-01"}}},
      {item + "/owners", {{"owners", "Alain Aina"}}},
      {item + "/merge", {{"from", std::to_string(id + 1)}}},
      {"/g/SSR2/roster", {{"roster", "group: SSR2\nname: X\n\nA B | member\n"}}},
      {"/g/SSR2/import/preview", {{"notes", "x"}}},
      {"/g/SSR2/import/confirm", {{"notes", "x"}, {"binding", "x"}}},
      {"/my/reminders", {{"group", "SSR2"}, {"email", "x@example.org"}}},
  };
  for (const auto& [path, fields] : forms) {
    for (const std::optional<std::string>& token :
         {std::optional<std::string>(), std::optional<std::string>("wrong")}) {
      QueryParams sent = fields;
      if (token) sent.emplace_back("csrf_token", *token);
      HttpResponse r = Post(path, sent);
      EXPECT_EQ(r.status, 403) << path << " token " << token.value_or("(none)");
    }
  }
  const RegisteredAction after = Item(id);
  EXPECT_EQ(after.item, before.item);
  EXPECT_EQ(after.history.size(), before.history.size());
  EXPECT_EQ(Item(id + 1).merged_into, 0);
  EXPECT_EQ((*resources_.store->FindRoster("SSR2"))->group.full_name,
            "Second Security, Stability, and Resiliency Review Team");
  EXPECT_TRUE(resources_.site->Audit({})->empty());
}

TEST_F(PageRoutesTest, TheSecretariatChangesAnItemWithTheTokenAndTheAuditLogSaysSo) {
  const std::int64_t id = FirstOpenItem();
  const std::string item = "/g/SSR2/actions/" + std::to_string(id);
  HttpResponse r = Post(item + "/due", {{"csrf_token", kToken}, {"due", "2030-01-02"}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.headers.Get("Location").rfind(item + "?done=", 0), 0u);
  EXPECT_EQ(Item(id).item.due, ParseIsoDate("2030-01-02"));
  r = Post(item + "/done", {{"csrf_token", kToken}, {"note", "sent"}});
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(Item(id).item.status, ActionStatus::kComplete);
  EXPECT_EQ(resources_.site->Audit({})->size(), 2u);
}

TEST_F(PageRoutesTest, AMemberMarksOnlyTheirOwnItemsDone) {
  const std::string owner = "Alain Aina";
  const std::int64_t id = FirstOpenItem();
  ActionEdit give;
  give.owners = std::vector<Owner>{{owner, OwnerKind::kPerson}};
  give.who = "test";
  give.effective = *ParseIsoDate("2017-06-14");
  ASSERT_TRUE(resources_.store->EditAction(id, give).ok());
  ActionQuery open_items;
  open_items.open_only = true;
  auto open = resources_.store->Actions(open_items);
  ASSERT_TRUE(open.ok());
  SignIn(member_);
  HttpResponse r =
      Post("/g/SSR2/actions/" + std::to_string(id) + "/done", {{"csrf_token", kToken}});
  EXPECT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(Item(id).item.status, ActionStatus::kComplete);
  EXPECT_NE(Get("/my").body.find("/g/SSR2/actions/" + std::to_string(id)), std::string::npos);
  for (const RegisteredAction& other : *open) {
    if (std::any_of(other.item.owners.begin(), other.item.owners.end(),
                    [&](const Owner& o) { return o.name == owner; }))
      continue;
    r = Post("/g/SSR2/actions/" + std::to_string(other.id) + "/done", {{"csrf_token", kToken}});
    EXPECT_EQ(r.status, 403);
    EXPECT_EQ(Item(other.id).item.status, ActionStatus::kOpen);
    break;
  }
  r = Post("/g/SSR2/actions/" + std::to_string(id) + "/due",
           {{"csrf_token", kToken}, {"due", "2031-01-01"}});
  EXPECT_EQ(r.status, 403);
}

TEST_F(PageRoutesTest, AMemberSeesAndChangesTheirOwnReminderAddressAudited) {
  SignIn(member_);
  HttpResponse page = Get("/my/reminders");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("The roster gives no address for you"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("name=\"email\""), std::string::npos);

  HttpResponse r = Post("/my/reminders", {{"csrf_token", kToken},
                                          {"group", "ssr2"},
                                          {"email", " alain@example.org "},
                                          {"reminders", "yes"}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.headers.Get("Location").rfind("/my/reminders?done=", 0), 0u);
  auto roster = *resources_.store->FindRoster("SSR2");
  ASSERT_TRUE(roster);
  EXPECT_EQ(roster->people[0].name, "Alain Aina");
  EXPECT_EQ(roster->people[0].email, "alain@example.org");
  EXPECT_TRUE(roster->people[0].reminders);
  EXPECT_EQ(roster->people[1].email, std::nullopt) << "nobody else changes";
  EXPECT_NE(Get("/my/reminders").body.find("Your reminders go to alain@example.org."),
            std::string::npos);

  // Unticked: no reminders, the address kept.
  r = Post("/my/reminders",
           {{"csrf_token", kToken}, {"group", "SSR2"}, {"email", "alain@example.org"}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_FALSE((*resources_.store->FindRoster("SSR2"))->people[0].reminders);
  auto audit = resources_.site->Audit({});
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ(audit->at(0).action, "roster.contact");
  EXPECT_EQ(audit->at(0).who, "mem");
  EXPECT_EQ(audit->at(0).target, "person/SSR2/Alain Aina");
  EXPECT_EQ(audit->at(0).before, R"({"email":"alain@example.org","reminders":true})");
  EXPECT_EQ(audit->at(0).after, R"({"email":"alain@example.org","reminders":false})");

  // A malformed address changes nothing; an account linked to nobody may not.
  r = Post("/my/reminders", {{"csrf_token", kToken},
                             {"group", "SSR2"},
                             {"email", "alain@example.org\r\nBcc: x@example.org"},
                             {"reminders", "yes"}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ((*resources_.store->FindRoster("SSR2"))->people[0].email, "alain@example.org");
  SignIn(outsider_);
  r = Post("/my/reminders", {{"csrf_token", kToken}, {"group", "SSR2"}, {"email", ""}});
  EXPECT_NE(r.status, 303);
  EXPECT_EQ(resources_.site->Audit({})->size(), 2u);
  SignOut();
  EXPECT_EQ(Get("/my/reminders").status, 303);
}

TEST_F(PageRoutesTest, APrivateGroupIsNotFoundForOutsidersAndThePublic) {
  const std::string item = "/g/SSR2/actions/" + std::to_string(FirstOpenItem());
  const std::vector<std::string> pages = {
      "/g/SSR2",          "/g/SSR2/actions",   item,
      "/g/SSR2/meetings", "/g/SSR2/decisions", "/g/SSR2/attendance",
      "/g/SSR2/roster",   "/g/SSR2/import",    "/g/SSR2/meetings/Plenary/15"};
  EXPECT_EQ(Get("/g/SSR2").status, 200);
  for (const User* who : std::vector<const User*>{&outsider_, nullptr}) {
    if (who)
      SignIn(*who);
    else
      SignOut();
    for (const std::string& page : pages) {
      HttpResponse r = Get(page);
      EXPECT_EQ(r.status, 404) << page;
      EXPECT_EQ(r.body, Get("/g/NoSuchGroup").body) << page;
    }
    EXPECT_EQ(Get("/").body.find("SSR2"), std::string::npos);
    EXPECT_EQ(Get("/search?q=security").body.find("/g/SSR2"), std::string::npos);
  }
  ASSERT_TRUE(resources_.site->SetGroupPublic("SSR2", true).ok());
  EXPECT_EQ(Get("/g/SSR2/actions").status, 200);
  EXPECT_EQ(Get("/g/SSR2/import").status, 403);  // seen, but not theirs to change
}

// My items and search, read in the database across groups, keep to the
// groups the viewer reads: a private group's item owned by the same person,
// with the same word, shows only once the viewer is granted that group.
TEST_F(PageRoutesTest, MyItemsAndSearchKeepToTheGroupsTheViewerReads) {
  AddApiRoutes(router_);
  ImportBatch batch;
  for (const char* group : {"SSR2", "PRIV"}) {
    Meeting m;
    m.key = {group, "Teleconference", 300};
    m.date = *ParseIsoDate("2018-03-01");
    m.actions.push_back({std::string("Draft the zanzibar memo of ") + group,
                         {{"Alain Aina", OwnerKind::kPerson}},
                         std::nullopt,
                         ActionStatus::kOpen,
                         ActionSource::kTable,
                         std::nullopt,
                         7});
    batch.meetings.push_back({m, {std::string(group) + ".txt", group}});
  }
  ASSERT_TRUE(resources_.store->Import(batch).ok());
  SignIn(member_);
  auto shows = [&](const std::string& target, const std::string& group) {
    return Get(target).body.find("zanzibar memo of " + group) != std::string::npos;
  };
  const std::vector<std::string> targets = {"/my", "/api/v1/me/actions",
                                            "/api/v1/me/actions?status=all",
                                            "/search?q=zanzibar", "/api/v1/search?q=zanzibar"};
  for (const std::string& target : targets) {
    EXPECT_TRUE(shows(target, "SSR2")) << target;
    EXPECT_FALSE(shows(target, "PRIV")) << target << " shows a group the viewer may not read";
  }
  ASSERT_TRUE(resources_.site->SetGrant(member_.id, "PRIV", GroupRole::kMember).ok());
  member_.grants.push_back({"PRIV", GroupRole::kMember});
  SignIn(member_);
  for (const std::string& target : targets) {
    EXPECT_TRUE(shows(target, "SSR2")) << target;
    EXPECT_TRUE(shows(target, "PRIV")) << target << " once the viewer reads the group";
  }
}

// The attendance page shows a period, the last twelve months unless asked:
// the example's 2017 meeting is there only when the period holds it.
TEST_F(PageRoutesTest, TheAttendancePageShowsAPeriod) {
  SignIn(secretariat_);
  HttpResponse year = Get("/g/SSR2/attendance?from=2017-01-01&to=2017-12-31");
  EXPECT_EQ(year.status, 200);
  EXPECT_NE(year.body.find("The 1 meeting from 2017-01-01 to 2017-12-31."), std::string::npos)
      << year.body;
  HttpResponse recent = Get("/g/SSR2/attendance");
  EXPECT_EQ(recent.status, 200);
  EXPECT_NE(recent.body.find("The 0 meetings from "), std::string::npos);
  EXPECT_EQ(Get("/g/SSR2/attendance?from=2017-13-01").status, 400);
  EXPECT_EQ(Get("/g/SSR2/attendance?from=2018-01-01&to=2017-01-01").status, 400);
}

// The group home and the action list read one page of items from the store
// and say how many there are.
TEST_F(PageRoutesTest, TheHomeAndActionListCountWhatTheyDoNotShow) {
  SignIn(secretariat_);
  ActionQuery open;
  open.open_only = true;
  const std::size_t open_items = resources_.store->Actions(open)->size();
  ASSERT_GT(open_items, 0u);
  HttpResponse home = Get("/g/SSR2");
  EXPECT_NE(home.body.find("Open items (" + std::to_string(open_items) + ")"), std::string::npos);
  HttpResponse list = Get("/g/SSR2/actions?status=open");
  EXPECT_NE(list.body.find(std::to_string(open_items) + " item"), std::string::npos) << list.body;
}

// The list's words are filtered by the store with the other filters (its
// count is the store's); a status or meeting no item can have lists none.
TEST_F(PageRoutesTest, TheActionListsWordsAreTheStoresFilter) {
  SignIn(secretariat_);
  ActionListQuery words{"SSR2", ActionStatus::kOpen, {}, {}, {}, false};
  words.words = "Team LIST";
  PageRequest first;
  auto want = resources_.store->ActionPage(words, first);
  ASSERT_TRUE(want.ok());
  ASSERT_GT(want->total, 0u);
  HttpResponse list = Get("/g/SSR2/actions?status=open&q=Team+LIST");
  const std::string count = std::to_string(want->total) + " item";
  EXPECT_NE(list.body.find("role=\"status\">" + count), std::string::npos) << list.body;
  for (const RegisteredAction& a : want->items)
    EXPECT_NE(list.body.find("/g/SSR2/actions/" + std::to_string(a.id) + "\""), std::string::npos);
  for (const char* none :
       {"/g/SSR2/actions?status=maybe&q=team", "/g/SSR2/actions?meeting=x&q=team"})
    EXPECT_NE(Get(none).body.find("role=\"status\">0 items"), std::string::npos) << none;
}

// The meetings and decisions pages show a hundred rows a page, newest first.
TEST_F(PageRoutesTest, TheMeetingsAndDecisionsPagesArePagedNewestFirst) {
  SignIn(secretariat_);
  ImportBatch batch;
  for (int n = 100; n < 205; ++n) {
    Meeting m;
    m.key = {"SSR2", "Teleconference", n};
    m.date = Date{std::chrono::sys_days{*ParseIsoDate("2018-01-01")} + std::chrono::days{n}};
    m.decisions = {{"Decision of call " + std::to_string(n), 1}};
    batch.meetings.push_back({m, {"t.txt", std::to_string(n)}});
  }
  ASSERT_TRUE(resources_.store->Import(batch).ok());
  HttpResponse first = Get("/g/SSR2/meetings");
  EXPECT_NE(first.body.find("106 meetings, 1–100 shown"), std::string::npos) << first.body;
  EXPECT_NE(first.body.find("Teleconference #204"), std::string::npos);
  EXPECT_EQ(first.body.find("Plenary #15"), std::string::npos);
  HttpResponse second = Get("/g/SSR2/meetings?page=2");
  EXPECT_NE(second.body.find("106 meetings, 101–106 shown"), std::string::npos);
  EXPECT_NE(second.body.find("Plenary #15"), std::string::npos);
  // One meeting's page, read alone: its record and the items raised at it.
  HttpResponse plenary = Get("/g/SSR2/meetings/plenary/15");
  EXPECT_EQ(plenary.status, 200);
  ActionQuery all;
  all.group = "SSR2";
  auto raised = resources_.store->Actions(all);
  ASSERT_TRUE(raised.ok());
  ASSERT_FALSE(raised->empty());
  for (const RegisteredAction& a : *raised)
    EXPECT_NE(plenary.body.find("/g/SSR2/actions/" + std::to_string(a.id) + "\""),
              std::string::npos)
        << a.id;
  EXPECT_EQ(Get("/g/SSR2/meetings/Teleconference/205").status, 404);
  HttpResponse decisions = Get("/g/SSR2/decisions");
  EXPECT_NE(decisions.body.find("Decision of call 204"), std::string::npos);
  EXPECT_LT(decisions.body.find("Decision of call 204"),
            decisions.body.find("Decision of call 150"));
  EXPECT_NE(decisions.body.find("rel=\"next\""), std::string::npos);
}

// Hostile text in the roster, an item's owners and note, and the notice:
// every page must parse as XML and never carry the hostile markup.
TEST_F(PageRoutesTest, HostileValuesAreEscapedOnEveryPage) {
  const std::int64_t id = FirstOpenItem();
  ActionEdit edit;
  edit.owners = std::vector<Owner>{{kHostile, OwnerKind::kUnresolved}};
  edit.note = kHostile;
  edit.who = kHostile;
  edit.effective = *ParseIsoDate("2017-06-01");
  auto edited = resources_.store->EditAction(id, edit);
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  const std::string item = "/g/SSR2/actions/" + std::to_string(id);
  const std::vector<std::string> pages = {
      "/",
      "/g/SSR2",
      "/g/SSR2/actions?owner=" + html::QueryValue(kHostile) + "&q=" + html::QueryValue(kHostile),
      item + "?done=" + html::QueryValue(kHostile),
      "/g/SSR2/meetings",
      "/g/SSR2/meetings/Plenary/15",
      "/g/SSR2/decisions",
      "/g/SSR2/attendance",
      "/g/SSR2/roster",
      "/g/SSR2/import",
      "/my",
      "/search?q=" + html::QueryValue(kHostile)};
  for (const std::string& page : pages) {
    HttpResponse r = Get(page);
    EXPECT_EQ(r.status, 200) << page;
    EXPECT_EQ(r.body.find("<script>alert"), std::string::npos) << page;
    EXPECT_NE(r.headers.Get("Content-Security-Policy").find("script-src 'self'"),
              std::string::npos);
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_string(r.body.c_str())) << page;
  }
  HttpResponse r = Post("/g/SSR2/import/preview",
                        {{"csrf_token", kToken}, {"notes", kHostile}, {"roster", kHostile}});
  EXPECT_EQ(r.body.find("<script>alert"), std::string::npos);
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(r.body.c_str()));
}

TEST_F(PageRoutesTest, ImportPreviewWritesNothingAndConfirmTakesOnlyThePreviewedText) {
  std::string notes = ReadFile("examples/ssr2/ssr2-plenary-15.txt");
  const std::size_t at = notes.find("Meeting #15 - Tuesday 13 June");
  ASSERT_NE(at, std::string::npos);
  notes.replace(at, 29, "Meeting #16 - Tuesday 20 June");
  const std::size_t meetings = resources_.store->Meetings()->size();
  HttpResponse preview = Post("/g/SSR2/import/preview",
                              {{"csrf_token", kToken}, {"name", "p16.txt"}, {"notes", notes}});
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_NE(preview.body.find("Preview"), std::string::npos);
  EXPECT_EQ(resources_.store->Meetings()->size(), meetings);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(preview.body.c_str()));
  const std::string binding =
      doc.select_node("//input[@name='binding']").node().attribute("value").value();
  ASSERT_FALSE(binding.empty());
  HttpResponse tampered = Post("/g/SSR2/import/confirm", {{"csrf_token", kToken},
                                                          {"name", "p16.txt"},
                                                          {"notes", notes + "\nextra"},
                                                          {"binding", binding}});
  EXPECT_EQ(tampered.status, 400);
  EXPECT_EQ(resources_.store->Meetings()->size(), meetings);
  HttpResponse confirmed =
      Post("/g/SSR2/import/confirm",
           {{"csrf_token", kToken}, {"name", "p16.txt"}, {"notes", notes}, {"binding", binding}});
  EXPECT_EQ(confirmed.status, 303) << confirmed.body;
  EXPECT_EQ(resources_.store->Meetings()->size(), meetings + 1);
}

// The format: chosen on the form, shown on the preview with the reader's
// reason, carried to confirm under the binding.
TEST_F(PageRoutesTest, ImportPreviewShowsTheFormatReadAndConfirmKeepsIt) {
  HttpResponse form = Get("/g/SSR2/import");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("<option value=\"detect\" selected=\"selected\">"), std::string::npos)
      << form.body;
  EXPECT_NE(form.body.find("<option value=\"icann-notes\">icann-notes: "), std::string::npos);

  std::string notes = ReadFile("examples/ssr2/ssr2-plenary-15.txt");
  notes.replace(notes.find("Meeting #15 - Tuesday 13 June"), 29, "Meeting #16 - Tuesday 20 June");
  HttpResponse detected = Post("/g/SSR2/import/preview",
                               {{"csrf_token", kToken}, {"name", "p16.txt"}, {"notes", notes}});
  ASSERT_EQ(detected.status, 200) << detected.body;
  EXPECT_NE(detected.body.find("<strong>p16.txt</strong>: read as icann-notes (detected: "),
            std::string::npos)
      << detected.body;

  HttpResponse asked = Post(
      "/g/SSR2/import/preview",
      {{"csrf_token", kToken}, {"name", "p16.txt"}, {"notes", notes}, {"format", "icann-notes"}});
  ASSERT_EQ(asked.status, 200) << asked.body;
  EXPECT_NE(asked.body.find("read as icann-notes (chosen, not detected)"), std::string::npos);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(asked.body.c_str()));
  EXPECT_STREQ(doc.select_node("//form[contains(@action,'confirm')]//input[@name='format']")
                   .node()
                   .attribute("value")
                   .value(),
               "icann-notes");
  EXPECT_STREQ(doc.select_node("//form[contains(@action,'preview')]//option[@selected]")
                   .node()
                   .attribute("value")
                   .value(),
               "icann-notes");
  const std::string binding =
      doc.select_node("//input[@name='binding']").node().attribute("value").value();
  const std::size_t meetings = resources_.store->Meetings()->size();
  // The binding covers the format: the same texts read otherwise are refused.
  HttpResponse other = Post("/g/SSR2/import/confirm", {{"csrf_token", kToken},
                                                       {"name", "p16.txt"},
                                                       {"notes", notes},
                                                       {"format", "detect"},
                                                       {"binding", binding}});
  EXPECT_EQ(other.status, 400);
  EXPECT_EQ(resources_.store->Meetings()->size(), meetings);
  HttpResponse confirmed = Post("/g/SSR2/import/confirm", {{"csrf_token", kToken},
                                                           {"name", "p16.txt"},
                                                           {"notes", notes},
                                                           {"format", "icann-notes"},
                                                           {"binding", binding}});
  EXPECT_EQ(confirmed.status, 303) << confirmed.body;
  EXPECT_EQ(resources_.store->Meetings()->size(), meetings + 1);

  HttpResponse unknown = Post("/g/SSR2/import/preview",
                              {{"csrf_token", kToken}, {"notes", notes}, {"format", "nonesuch"}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body.find("there is no format nonesuch"), std::string::npos);
}

// A reader that crashes in its child process: an error page for this request
// (500, saying so), nothing recorded, and the next preview works.
TEST_F(PageRoutesTest, AReaderCrashIsAnErrorPageForThatPreviewAlone) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "the sanitizer runtime takes signals, memory and system calls itself; "
                  "the release build runs this test";
#endif
  setenv("PLENARY_TEST_READER_FAULTS", "1", 1);
  IsolatedImportPlanner planner(PLENARY_BINARY);
  SiteContext context;
  context.import_planner = &planner;
  resources_.context = &context;
  const std::size_t meetings = resources_.store->Meetings()->size();
  HttpResponse crashed = Post(
      "/g/SSR2/import/preview",
      {{"csrf_token", kToken}, {"name", "boom.txt"}, {"notes", "plenary-test-fault: crash\n"}});
  unsetenv("PLENARY_TEST_READER_FAULTS");
  EXPECT_EQ(crashed.status, 500);
  EXPECT_NE(crashed.body.find("the reader crashed (SIGSEGV) reading boom.txt"), std::string::npos)
      << crashed.body;
  EXPECT_EQ(resources_.store->Meetings()->size(), meetings);
  HttpResponse fine =
      Post("/g/SSR2/import/preview",
           {{"csrf_token", kToken}, {"notes", ReadFile("examples/ssr2/ssr2-plenary-15.txt")}});
  EXPECT_EQ(fine.status, 200) << fine.body;
  resources_.context = nullptr;
}

// Without JavaScript the chosen file arrives as a multipart "file" part.
TEST_F(PageRoutesTest, ImportPreviewReadsAnUploadedFile) {
  const std::size_t meetings = resources_.store->Meetings()->size();
  HttpResponse r = PostMultipart(
      "/g/SSR2/import/preview",
      {{"csrf_token", kToken}, {"file", ReadFile("examples/ssr2/ssr2-plenary-15.txt")}});
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("Post attendance participation rates"), std::string::npos);
  EXPECT_EQ(
      PostMultipart("/g/SSR2/import/preview", {{"csrf_token", "wrong"}, {"file", "x"}}).status,
      403);
  EXPECT_EQ(resources_.store->Meetings()->size(), meetings);
}

// The sign-in form: refused without the double-submit token (login CSRF),
// then a session cookie and a redirect to a local path only.
TEST_F(PageRoutesTest, SignInNeedsTheFormsOwnTokenAndGoesOnlyToLocalPaths) {
  auto hash = HashPassword("secret words", PasswordCost{1, 8192});
  ASSERT_TRUE(hash.ok());
  ASSERT_TRUE(resources_.site->SetPasswordHash(secretariat_.id, *hash).ok());
  SignOut();
  HttpResponse form = Get("/login?next=//evil.example");
  ASSERT_EQ(form.status, 200);
  const std::string cookie = form.headers.Get("Set-Cookie");
  const std::string token =
      cookie.substr(cookie.find('=') + 1, cookie.find(';') - cookie.find('=') - 1);
  EXPECT_NE(form.body.find("value=\"" + token + "\""), std::string::npos);
  EXPECT_EQ(form.body.find("evil.example"), std::string::npos);
  QueryParams fields{{"login", "sec"}, {"password", "secret words"}, {"next", "//evil.example"}};
  EXPECT_EQ(Post("/login", fields).status, 403);  // no token, no cookie
  fields.emplace_back("csrf_token", token);
  EXPECT_EQ(Post("/login", fields).status, 403);  // the token without its cookie
  HttpResponse wrong =
      PostWithCookie("/login", {{"login", "sec"}, {"password", "nope"}, {"csrf_token", token}},
                     "plenary_login_csrf=" + token);
  EXPECT_EQ(wrong.status, 401);
  HttpResponse ok = PostWithCookie("/login", fields, "plenary_login_csrf=" + token);
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(ok.headers.Get("Location"), "/");
  EXPECT_NE(ok.headers.Get("Set-Cookie").find("plenary_session="), std::string::npos);
}

// The attendance page's view by affiliation and each affiliation's report
// back, for the chosen period (tests/data/affiliation): accessible tables,
// a period form that needs no JavaScript, the contact address for the
// group's own people only, and a private group invisible to outsiders.
TEST_F(PageRoutesTest, AttendanceByAffiliationAndReportBackForAPeriod) {
  const std::string data = "tests/data/affiliation/";
  ImportRequest request{{{"aff-plenary-1.txt", ReadFile(data + "aff-plenary-1.txt")},
                         {"aff-plenary-2.txt", ReadFile(data + "aff-plenary-2.txt")}},
                        NamedInput{"aff-roster.txt", ReadFile(data + "aff-roster.txt")},
                        std::nullopt};
  auto plan = PlanImport(request, {});
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  ASSERT_TRUE(resources_.store->Import(plan->batch).ok());
  auto ann = resources_.site->CreateUser({"ann", "Ann", "Ann Lee", "", false});
  ASSERT_TRUE(ann.ok());
  ASSERT_TRUE(resources_.site->SetGrant(ann->id, "AFF", GroupRole::kMember).ok());
  ann->grants = {{"AFF", GroupRole::kMember}};
  SignIn(*ann);

  HttpResponse view = Get("/g/AFF/attendance?by=affiliation&from=2026-11-01&to=2026-12-31");
  ASSERT_EQ(view.status, 200) << view.body;
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(view.body.c_str())) << view.body;
  pugi::xpath_node table =
      doc.select_node("//table[caption='Participation by affiliation, 2026-11-01 to 2026-12-31']");
  ASSERT_TRUE(table) << view.body;
  EXPECT_EQ(table.node().select_nodes(".//th[@scope='col']").size(), 8u);
  pugi::xpath_node gnso = table.node().select_node(".//tbody/tr[1]");
  ASSERT_TRUE(gnso);
  pugi::xml_node name = gnso.node().select_node("th[@scope='row']/a").node();
  EXPECT_STREQ(name.child_value(), "GNSO");
  EXPECT_STREQ(name.attribute("href").value(),
               "/g/AFF/report-back?affiliation=GNSO&from=2026-11-01&to=2026-12-31");
  std::vector<std::string> cells;
  for (pugi::xpath_node td : gnso.node().select_nodes("td"))
    cells.push_back(td.node().child_value());
  EXPECT_EQ(cells, (std::vector<std::string>{"1", "1", "4", "2", "1", "1", "50%"}));
  pugi::xml_node form = doc.select_node("//main//form[@method='get']").node();
  EXPECT_STREQ(form.attribute("action").value(), "/g/AFF/attendance");
  EXPECT_TRUE(form.select_node("input[@type='hidden'][@name='by'][@value='affiliation']"));
  EXPECT_TRUE(form.select_node("label/input[@type='date'][@name='from'][@value='2026-11-01']"));
  EXPECT_TRUE(form.select_node("label/input[@type='date'][@name='to'][@value='2026-12-31']"));
  HttpResponse november = Get("/g/AFF/attendance?by=affiliation&from=2026-11-01&to=2026-11-30");
  EXPECT_NE(november.body.find(" 1 meeting from 2026-11-01 to 2026-11-30"), std::string::npos)
      << november.body;

  // Person by person, the period's published attendance carries the table too.
  HttpResponse people = Get("/g/AFF/attendance?from=2026-11-01&to=2026-12-31");
  ASSERT_EQ(people.status, 200);
  EXPECT_NE(people.body.find("Participation by affiliation (group meetings)"), std::string::npos);
  EXPECT_NE(people.body.find(
                "href=\"/g/AFF/attendance?by=affiliation&amp;from=2026-11-01&amp;to=2026-12-31\""),
            std::string::npos)
      << people.body;
  EXPECT_NE(
      people.body.find(
          "href=\"/g/AFF/report-back?affiliation=GNSO&amp;from=2026-11-01&amp;to=2026-12-31\""),
      std::string::npos)
      << "the table's report back is the period's";
  EXPECT_EQ(Get("/g/AFF/attendance?by=nothing").status, 400);

  HttpResponse report = Get("/g/AFF/report-back?affiliation=gnso&from=2026-11-01&to=2026-11-30");
  ASSERT_EQ(report.status, 200) << report.body;
  pugi::xml_document page;
  ASSERT_TRUE(page.load_string(report.body.c_str())) << report.body;
  EXPECT_STREQ(page.select_node("//main/h1").node().child_value(),
               "GNSO report back from AFF, 2026-11-01 to 2026-11-30");
  EXPECT_TRUE(
      page.select_node("//main//form[@method='get']/input[@name='affiliation'][@value='GNSO']"));
  EXPECT_TRUE(page.select_node("//table[caption='Decisions taken in the period']"));
  pugi::xml_node owned =
      page.select_node("//table[starts-with(caption, 'Open items owned')]/tbody/tr").node();
  EXPECT_STREQ(owned.select_node("td[1]").node().child_value(), "Draft the GNSO briefing.");
  const std::string item_page = owned.select_node("th/a").node().attribute("href").value();
  EXPECT_TRUE(item_page.starts_with("/g/AFF/actions/")) << item_page;
  EXPECT_EQ(Get(item_page).status, 200) << item_page;
  EXPECT_NE(report.body.find("Contact: gnso-council@example.org."), std::string::npos);
  for (pugi::xpath_node th : page.select_nodes("//th")) EXPECT_TRUE(th.node().attribute("scope"));

  HttpResponse index = Get("/g/AFF/report-back?from=2026-11-01&to=2026-11-30");
  EXPECT_EQ(index.status, 303);
  EXPECT_EQ(index.headers.Get("Location"),
            "/g/AFF/attendance?by=affiliation&from=2026-11-01&to=2026-11-30");
  HttpResponse unknown = Get("/g/AFF/report-back?affiliation=" + html::QueryValue(kHostile));
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(Get("/g/SSR2/attendance?by=affiliation").status, 200) << "Ann is not of SSR2";

  SignIn(outsider_);
  for (std::string target :
       {"/g/AFF/attendance?by=affiliation", "/g/AFF/report-back?affiliation=GNSO"})
    EXPECT_EQ(Get(target).status, 404) << target;
  ASSERT_TRUE(resources_.site->SetGroupPublic("AFF", true).ok());
  HttpResponse seen = Get("/g/AFF/report-back?affiliation=GNSO&from=2026-11-01&to=2026-11-30");
  EXPECT_EQ(seen.status, 200);
  EXPECT_EQ(seen.body.find("gnso-council@example.org"), std::string::npos);
  SignIn(secretariat_);
  EXPECT_NE(Get("/g/SSR2/attendance?by=affiliation").body.find("gives no member an affiliation"),
            std::string::npos);
}

}  // namespace
}  // namespace plenary
