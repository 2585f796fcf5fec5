#include "server/worker_pool.h"

namespace plenary {

Result<std::unique_ptr<WorkerPool>> WorkerPool::Start(int workers, const Opener& open,
                                                      std::size_t max_queued) {
  std::unique_ptr<WorkerPool> pool(new WorkerPool());
  pool->max_queued_ = max_queued;
  for (int i = 0; i < std::max(1, workers); ++i) {
    auto resources = open();
    if (!resources.ok()) return resources.error();
    pool->resources_.push_back(std::move(*resources));
  }
  for (WorkerResources& r : pool->resources_)
    pool->threads_.emplace_back([p = pool.get(), &r] { p->Work(r); });
  return pool;
}

WorkerPool::~WorkerPool() { Stop(); }

bool WorkerPool::Submit(Job job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= max_queued_) return false;
    queue_.push_back(std::move(job));
  }
  wake_.notify_one();
  return true;
}

void WorkerPool::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : threads_)
    if (t.joinable()) t.join();
}

void WorkerPool::Work(WorkerResources& resources) {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    job(resources);
  }
}

}  // namespace plenary
