// Concurrent writers, each with its own store (connection) as the web
// workers and a CLI import would have: four import the meetings of one group
// in an interleaved order, two edit items, one merges two items the first
// meeting holds. Every write that reports success must be in the register,
// and the register must be what doing the same writes one at a time makes.
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "plenary/store.h"
#include "store/postgres/pg_store.h"
#include "store/store_test_backends.h"
#include "store/store_test_data.h"

namespace plenary {
namespace {

using namespace store_testing;  // NOLINT: the shared test data

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
// (status notes, history); merged items are marked.
std::multiset<std::string> Contents(Store& store) {
  std::multiset<std::string> out;
  const std::vector<RegisteredAction> actions = Ok(store.Actions({}));
  for (const RegisteredAction& a : actions) {
    std::string owners;
    for (const Owner& o : a.item.owners) owners += o.name + ";";
    out.insert(a.item.text + "|" + owners + "|" + std::string(ActionStatusName(a.item.status)) +
               "|" + a.meeting.kind + std::to_string(a.meeting.number) +
               (a.merged_into != 0 ? "|merged" : ""));
  }
  return out;
}

class ConcurrentWritersTest : public BackendTest {
 protected:
  std::unique_ptr<Store> OpenAt(const std::string& url) {
    Result<std::unique_ptr<Store>> store = OpenStore(url);
    if (!store.ok()) {
      ADD_FAILURE() << store.error().message;
      return nullptr;
    }
    return std::move(store).value();
  }

  void Fail(std::string message) {
    std::lock_guard lock(mutex_);
    failures_.push_back(std::move(message));
  }

  // Runs `work(store)` on a thread of its own with a store of its own.
  void Spawn(std::function<void(Store&)> work) {
    threads_.emplace_back([this, work = std::move(work)] {
      Result<std::unique_ptr<Store>> store = OpenStore(url_);
      if (!store.ok()) return Fail(store.error().message);
      work(**store);
      if (auto* pg = dynamic_cast<PostgresStore*>(store->get())) retries_ += pg->retries();
    });
  }

  void JoinAll() {
    for (std::thread& thread : threads_) thread.join();
    for (const std::string& failure : failures_) ADD_FAILURE() << failure;
  }

  std::mutex mutex_;
  std::vector<std::string> failures_;
  std::vector<std::thread> threads_;
  std::atomic<int> retries_{0};
};

ActionEdit Edit(std::string note, std::string who) {
  ActionEdit edit;
  edit.note = std::move(note);
  edit.who = std::move(who);
  edit.effective = D(2017, 12, 31);
  return edit;
}

TEST_P(ConcurrentWritersTest, ImportsEditsAndMergesLoseNothing) {
  constexpr int kMeetings = 12, kImporters = 4, kEditors = 2, kEditsEach = 6;
  std::vector<MeetingImport> history = History(kMeetings);
  ASSERT_TRUE(OpenAt(url_)->Import({Ssr2Roster(), {history[0]}}).ok());
  std::vector<RegisteredAction> first = Ok(OpenAt(url_)->Actions({}));
  ASSERT_EQ(first.size(), 3u);

  std::map<std::string, std::int64_t> edits;  // note -> item id, for edits that succeeded
  std::atomic<int> refused{0};
  for (int t = 0; t < kImporters; ++t) {
    Spawn([&, t](Store& store) {
      for (int m = 1 + t; m < kMeetings; m += kImporters) {
        auto report = store.Import({std::nullopt, {history[static_cast<std::size_t>(m)]}});
        if (!report.ok()) Fail(report.error().message);
      }
    });
  }
  for (int t = 0; t < kEditors; ++t) {
    Spawn([&, t](Store& store) {
      for (int k = 0; k < kEditsEach; ++k) {
        auto items = store.Actions({});
        if (!items.ok() || items->empty()) continue;
        std::int64_t id = (*items)[static_cast<std::size_t>(k * 5 + t) % items->size()].id;
        ActionEdit edit = Edit("edit " + std::to_string(t) + "." + std::to_string(k),
                               "editor " + std::to_string(t));
        auto edited = store.EditAction(id, edit);
        if (!edited.ok() && edited.error().kind == ErrorKind::kConflict) {
          ++refused;  // the item was merged after it was listed: refused, not lost
          continue;
        }
        if (!edited.ok()) {
          Fail(edited.error().message);
          continue;
        }
        std::lock_guard lock(mutex_);
        edits[edit.note] = id;
      }
    });
  }
  Spawn([&](Store& store) {
    if (Status merged = store.MergeActions(first[0].id, first[2].id, Edit("same", "merger"));
        !merged.ok())
      Fail(merged.error().message);
  });
  JoinAll();

  // No edit lost: each one is in its item's history (or, for an edit of the
  // merged item, in the history of the item it joined).
  auto store = OpenAt(url_);
  for (const auto& [note, id] : edits) {
    RegisteredAction item = Ok(store->Action(id));
    if (item.merged_into != 0) item = Ok(store->Action(item.merged_into));
    bool found = false;
    for (const ActionChange& c : item.history) found |= c.words == note && c.event_id.has_value();
    EXPECT_TRUE(found) << note << " on #" << id;
  }
  EXPECT_EQ(edits.size() + static_cast<std::size_t>(refused.load()),
            static_cast<std::size_t>(kEditors * kEditsEach));
  EXPECT_EQ(Ok(store->Action(first[2].id)).merged_into, first[0].id);

  // The register is what doing the same writes one by one makes of it.
  auto reference = OpenAt(FreshUrl());
  ASSERT_TRUE(reference->Import({Ssr2Roster(), {}}).ok());
  for (const MeetingImport& m : history) ASSERT_TRUE(reference->Import({{}, {m}}).ok());
  ASSERT_TRUE(reference->MergeActions(first[0].id, first[2].id, Edit("same", "merger")).ok());
  EXPECT_EQ(Contents(*store), Contents(*reference));
  EXPECT_EQ(Ok(store->Meetings()), Ok(reference->Meetings()));
  RecordProperty("serialization_retries", retries_.load());
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ConcurrentWritersTest, ::testing::Values(Backend::kSqlite),
                         BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, ConcurrentWritersTest, ::testing::Values(Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace plenary
