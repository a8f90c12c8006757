// CloseDeadline: a watchdog that ends the process when closing the window takes too long. The
// UI thread runs at a lower priority than the trainers, so on a loaded machine a frame (and so
// noticing a close) can take seconds; this thread, made at normal priority before the UI's
// drops, keeps the promise that a close ends the process within a second.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <thread>

namespace ganscope {

class CloseDeadline {
 public:
  /// `signal` is the flag a SIGINT/SIGTERM handler sets (0 until then).
  explicit CloseDeadline(const volatile std::sig_atomic_t& signal);
  /// Stops watching (the process is about to end normally).
  ~CloseDeadline();
  CloseDeadline(const CloseDeadline&) = delete;
  CloseDeadline& operator=(const CloseDeadline&) = delete;

  /// The window was closed: the process must end within kSeconds from now (exit code 0).
  void closing();

  /// From a close (or a signal) to the end of the process, at most (default: 0.5 s).
  static constexpr double kSeconds = 0.5;

 private:
  void watch();

  const volatile std::sig_atomic_t& signal_;
  std::atomic<bool> closing_{false};
  bool done_ = false;  // guarded by mutex_
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread thread_;
};

}  // namespace ganscope
