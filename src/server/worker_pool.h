// The database side of the server: a fixed pool of worker threads, each
// owning its own connections to the register (Store) and the site tables
// (SiteStore), so that no network thread ever waits on the database. SQLite
// in WAL mode lets the workers read at once; writes serialise in the database.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "plenary/result.h"
#include "plenary/site.h"
#include "plenary/store.h"
#include "server/site_context.h"

namespace plenary {

// What one worker owns. `site` may be null where a caller needs no site
// tables (tests of the register API alone).
struct WorkerResources {
  std::unique_ptr<Store> store;
  std::unique_ptr<SiteStore> site;
  SiteContext* context = nullptr;  // shared by every worker; may be null in tests
  // The store's ChangeMark as this worker last saw it (server/response_cache.h).
  std::string change_mark;
};

class WorkerPool {
 public:
  using Opener = std::function<Result<WorkerResources>()>;
  using Job = std::function<void(WorkerResources&)>;

  // Opens every worker's resources before starting any thread, so that a bad
  // database URL fails here rather than on the first request. At most
  // `max_queued` jobs wait; beyond that Submit refuses.
  static Result<std::unique_ptr<WorkerPool>> Start(int workers, const Opener& open,
                                                   std::size_t max_queued = 4096);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `job` for the next free worker. False when the queue is full or the
  // pool is stopping: the caller answers 503.
  bool Submit(Job job);
  // Runs the jobs already queued, then joins the workers. Idempotent.
  void Stop();

 private:
  WorkerPool() = default;
  void Work(WorkerResources& resources);

  std::vector<WorkerResources> resources_;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  std::size_t max_queued_ = 0;
  bool stopping_ = false;
};

}  // namespace plenary
