// CloseDeadline: a watchdog that ends the process when closing the window takes too long. The
// UI thread runs at a lower priority than the trainers, so on a loaded machine a frame (and so
// noticing a close) can take seconds; this thread, made at normal priority before the UI's
// drops, keeps the promise that a close ends the process within a second.
#pragma once
#include <atomic>
#include <thread>

namespace ganscope {

class CloseDeadline {
 public:
  CloseDeadline();
  /// Stops watching (the process is about to end normally).
  ~CloseDeadline();
  CloseDeadline(const CloseDeadline&) = delete;
  CloseDeadline& operator=(const CloseDeadline&) = delete;

  /// The window was closed: the process must end within kSeconds from now (exit code 0).
  void closing();
  /// From a SIGINT/SIGTERM handler (async-signal-safe): the process must end within kSeconds,
  /// with exit code 128 + `signal`.
  static void signalled(int signal);

  /// From a close (or a signal) to the end of the process, at most (default: 0.5 s).
  static constexpr double kSeconds = 0.5;

 private:
  void watch();

  int pipe_[2] = {-1, -1};  // a byte written wakes the watcher (a signal handler may write)
  std::atomic<bool> done_{false};
  std::thread thread_;
};

}  // namespace ganscope
