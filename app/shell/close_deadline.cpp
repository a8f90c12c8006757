// CloseDeadline: polls for a close every 10 ms; past the deadline it flushes the standard streams
// and ends the process with _exit (no destructors: a trainer thread may be inside a long update,
// and LibTorch's statics must not be destroyed under it).
#include "app/shell/close_deadline.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace ganscope {

CloseDeadline::CloseDeadline(const volatile std::sig_atomic_t& signal)
    : signal_(signal), thread_([this] { watch(); }) {}

CloseDeadline::~CloseDeadline() {
  {
    std::lock_guard lock(mutex_);
    done_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void CloseDeadline::closing() {
  closing_.store(true);
  wake_.notify_all();
}

void CloseDeadline::watch() {
  using Clock = std::chrono::steady_clock;
  std::unique_lock lock(mutex_);
  Clock::time_point since{};  // when the close was seen; epoch: not yet
  while (!done_) {
    wake_.wait_for(lock, std::chrono::milliseconds(10));
    if (done_) return;
    const int signal = signal_;
    if (since == Clock::time_point{} && (signal || closing_.load())) since = Clock::now();
    if (since == Clock::time_point{} ||
        Clock::now() - since < std::chrono::duration<double>(kSeconds)) {
      continue;
    }
    std::cerr << "ganscope: closing took longer than " << kSeconds
              << " s (a long update or a slow frame); ended without waiting\n";
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    _exit(signal ? 128 + signal : 0);
  }
}

}  // namespace ganscope
