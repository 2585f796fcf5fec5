// What only the PostgreSQL back end has to show: its migrations, what it
// refuses, that a password never reaches a message, and that concurrent
// writers (each with its own connection) lose nothing. The rest of the
// contract is in store/store_contract_test.cc.
#include "store/postgres/pg_store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <pqxx/pqxx>
#include <random>
#include <set>
#include <thread>

#include "pg_test_server.h"
#include "store/postgres/pg_migrations.h"
#include "store/store_test_data.h"

namespace plenary {
namespace {

using namespace store_testing;  // NOLINT: the shared test data

class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    PLENARY_REQUIRE_PG_SERVER();
    ASSERT_TRUE(schema_.ok());
  }

  std::unique_ptr<Store> Open() {
    Result<std::unique_ptr<Store>> store = OpenStore(schema_.url());
    if (!store.ok()) {
      ADD_FAILURE() << store.error().message;
      return nullptr;
    }
    return std::move(store).value();
  }

  void Exec(const std::string& sql) {
    pqxx::connection connection(schema_.url());
    pqxx::work tx(connection);
    tx.exec(sql);
    tx.commit();
  }

  std::int64_t QueryInt(const std::string& sql) {
    pqxx::connection connection(schema_.url());
    pqxx::read_transaction tx(connection);
    return tx.exec1(sql)[0].as<std::int64_t>();
  }

  pg_testing::ScratchSchema schema_;
};

TEST_F(PostgresStoreTest, RecordsMigrationsOnceAndReopensWithoutChange) {
  Open().reset();
  Open().reset();
  EXPECT_EQ(QueryInt("SELECT count(*) FROM schema_migrations"),
            static_cast<std::int64_t>(PostgresMigrations().size()));
  EXPECT_EQ(QueryInt("SELECT max(version) FROM schema_migrations"), CurrentPostgresSchemaVersion());
}

TEST_F(PostgresStoreTest, RefusesADatabaseFromANewerPlenary) {
  Open().reset();
  Exec("INSERT INTO schema_migrations (version, description) VALUES (999, 'from the future')");
  Result<std::unique_ptr<Store>> store = OpenStore(schema_.url());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::kStorage);
  EXPECT_NE(store.error().message.find("schema version 999, newer than this plenary"),
            std::string::npos)
      << store.error().message;
}

TEST_F(PostgresStoreTest, RefusesADatabaseThatIsNotPlenarys) {
  Exec("CREATE TABLE recipes (name text)");
  Result<std::unique_ptr<Store>> store = OpenStore(schema_.url());
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find("not a plenary database"), std::string::npos);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"), 1);
}

TEST_F(PostgresStoreTest, MessagesNeverCarryThePassword) {
  // The server trusts every local connection, so the password is accepted and
  // ignored; the database does not exist, so the server reports an error.
  std::string server = *pg_testing::ServerUrl();
  std::string url = "postgresql://plenary:hunter2@" + server.substr(server.find('@') + 1);
  url = url.substr(0, url.rfind('/')) + "/no_such_db?password=hunter3";
  Result<std::unique_ptr<Store>> store = OpenStore(url);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::kStorage);
  EXPECT_EQ(store.error().message.find("hunter"), std::string::npos) << store.error().message;
  EXPECT_NE(store.error().message.find("plenary:***@"), std::string::npos) << store.error().message;
  EXPECT_NE(store.error().message.find("no_such_db"), std::string::npos);
}

TEST(PostgresOpenStoreTest, AnUnreachableServerIsAStorageErrorWithoutThePassword) {
  Result<std::unique_ptr<Store>> store = OpenStore("postgres://u:s3cret@127.0.0.1:1/db");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::kStorage);
  EXPECT_EQ(store.error().message.find("s3cret"), std::string::npos) << store.error().message;
  EXPECT_EQ(store.error().message.rfind("postgres://u:***@127.0.0.1:1/db: ", 0), 0u)
      << store.error().message;
}

// A group's history for the concurrency test: every meeting adds three items
// and, from the third on, completes the first item of the meeting two before.
std::vector<MeetingImport> History(int meetings) {
  std::mt19937 random(7);
  const char* syllables[] = {"ka", "ri", "to", "mel", "san", "dor", "vi", "len", "pra", "gu"};
  auto word = [&] {
    std::string w;
    for (int i = 0; i < 3; ++i) w += syllables[random() % 10];
    return w;
  };
  std::vector<MeetingImport> out;
  std::vector<std::string> firsts;
  for (int m = 0; m < meetings; ++m) {
    Meeting meeting = SmallMeeting(
        "SSR2", m + 1,
        D(2017, 1 + static_cast<unsigned>(m / 4), 1 + 7 * static_cast<unsigned>(m % 4)));
    for (int i = 0; i < 3; ++i) {
      std::string text = "Prepare the " + word() + " " + word() + " paper on " + word() +
                         " for the " + word() + " session";
      meeting.actions.push_back(Item(text, {{"James Gannon", OwnerKind::kPerson}}));
      if (i == 0) firsts.push_back(text);
    }
    if (m >= 2) {
      ActionItem review =
          Item(firsts[static_cast<std::size_t>(m - 2)], {}, {}, ActionStatus::kComplete);
      review.source = ActionSource::kReview;
      meeting.actions.push_back(review);
    }
    out.push_back(Imported(meeting, "v" + std::to_string(m)));
  }
  return out;
}

// The register without what depends on import order (ids) or on the edits
// (status notes, history).
std::multiset<std::string> Contents(Store& store) {
  std::multiset<std::string> out;
  const std::vector<RegisteredAction> actions = Ok(store.Actions({}));
  for (const RegisteredAction& a : actions) {
    std::string owners;
    for (const Owner& o : a.item.owners) owners += o.name + ";";
    out.insert(a.item.text + "|" + owners + "|" + std::string(ActionStatusName(a.item.status)) +
               "|" + a.meeting.kind + std::to_string(a.meeting.number));
  }
  return out;
}

TEST_F(PostgresStoreTest, ConcurrentImportsAndEditsLoseNothing) {
  constexpr int kMeetings = 12, kImporters = 4, kEditors = 2, kEditsEach = 6;
  std::vector<MeetingImport> history = History(kMeetings);
  ASSERT_TRUE(Open()->Import({Ssr2Roster(), {history[0]}}).ok());

  std::mutex mutex;
  std::vector<std::string> failures;
  std::map<std::string, std::int64_t> edits;  // note -> item id, for edits that succeeded
  std::atomic<int> retries{0};
  auto fail = [&](std::string message) {
    std::lock_guard lock(mutex);
    failures.push_back(std::move(message));
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < kImporters; ++t) {
    threads.emplace_back([&, t] {
      auto store = PostgresStore::Open(schema_.url());
      if (!store.ok()) return fail(store.error().message);
      for (int m = 1 + t; m < kMeetings; m += kImporters) {
        auto report = (*store)->Import({std::nullopt, {history[static_cast<std::size_t>(m)]}});
        if (!report.ok()) fail(report.error().message);
      }
      retries += (*store)->retries();
    });
  }
  for (int t = 0; t < kEditors; ++t) {
    threads.emplace_back([&, t] {
      auto store = PostgresStore::Open(schema_.url());
      if (!store.ok()) return fail(store.error().message);
      for (int k = 0; k < kEditsEach; ++k) {
        auto items = (*store)->Actions({});
        if (!items.ok() || items->empty()) continue;
        std::int64_t id = (*items)[static_cast<std::size_t>(k * 5 + t) % items->size()].id;
        ActionEdit edit;
        edit.note = "edit " + std::to_string(t) + "." + std::to_string(k);
        edit.who = "editor " + std::to_string(t);
        edit.effective = D(2017, 12, 31);
        auto edited = (*store)->EditAction(id, edit);
        if (!edited.ok()) {
          fail(edited.error().message);
          continue;
        }
        std::lock_guard lock(mutex);
        edits[edit.note] = id;
      }
      retries += (*store)->retries();
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& failure : failures) ADD_FAILURE() << failure;

  // No edit lost: each one is in its item's history and the events table.
  auto store = Open();
  for (const auto& [note, id] : edits) {
    RegisteredAction item = Ok(store->Action(id));
    bool found = false;
    for (const ActionChange& c : item.history) found |= c.words == note && c.event_id.has_value();
    EXPECT_TRUE(found) << note << " on #" << id;
  }
  EXPECT_EQ(QueryInt("SELECT count(*) FROM register_events"),
            static_cast<std::int64_t>(edits.size()));
  EXPECT_EQ(edits.size(), static_cast<std::size_t>(kEditors * kEditsEach));

  // The register is what importing everything one by one makes of it.
  pg_testing::ScratchSchema sequential;
  auto reference = OpenStore(sequential.url());
  ASSERT_TRUE(reference.ok());
  ASSERT_TRUE((*reference)->Import({Ssr2Roster(), {}}).ok());
  for (const MeetingImport& m : history) ASSERT_TRUE((*reference)->Import({{}, {m}}).ok());
  EXPECT_EQ(Contents(*store), Contents(**reference));
  EXPECT_EQ(Ok(store->Meetings()), Ok((*reference)->Meetings()));
  RecordProperty("serialization_retries", retries.load());
}

}  // namespace
}  // namespace plenary
