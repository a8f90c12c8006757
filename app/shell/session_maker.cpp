// SessionMaker: one job at a time, handed over under a mutex; the caller waits on a future.
#include "app/shell/session_maker.hpp"

#include <future>

namespace ganscope {

SessionMaker::SessionMaker() : thread_([this] { loop(); }) {}

SessionMaker::~SessionMaker() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void SessionMaker::loop() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stop_ || job_; });
    if (stop_) return;
    std::function<void()> job = std::move(job_);
    job_ = nullptr;
    lock.unlock();
    job();
    lock.lock();
  }
}

std::unique_ptr<Session> SessionMaker::make(const TrainConfig& config,
                                            const SessionOptions& options) {
  std::packaged_task<std::unique_ptr<Session>()> task(
      [&] { return std::make_unique<Session>(config, options); });
  std::future<std::unique_ptr<Session>> made = task.get_future();
  {
    std::lock_guard lock(mutex_);
    job_ = [&task] { task(); };
  }
  wake_.notify_one();
  return made.get();
}

}  // namespace ganscope
