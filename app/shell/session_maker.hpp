// SessionMaker: builds Sessions on a thread of its own at the priority the process started
// with, so a trainer started while the window runs (Compare...) does not inherit the UI
// thread's lower priority (a new thread takes its creator's).
#pragma once
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "core/api/session.hpp"

namespace ganscope {

class SessionMaker {
 public:
  /// Starts the maker's thread: construct it before the UI thread lowers its priority.
  SessionMaker();
  ~SessionMaker();
  SessionMaker(const SessionMaker&) = delete;
  SessionMaker& operator=(const SessionMaker&) = delete;

  /// A Session of `config`, built on the maker's thread (so its trainer thread has the
  /// maker's priority); waits for it and rethrows what the constructor threw.
  std::unique_ptr<Session> make(const TrainConfig& config, const SessionOptions& options);

 private:
  void loop();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::function<void()> job_;  ///< the next job, empty when none is waiting
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace ganscope
