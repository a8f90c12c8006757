// CloseDeadline: sleeps on a pipe (no CPU while the window is open) until a close, a signal or
// its end; past the deadline it flushes the standard streams and ends the process with _exit (no
// destructors: a trainer thread may be inside a long update, and LibTorch's statics must not be
// destroyed under it).
#include "app/shell/close_deadline.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>

namespace ganscope {
namespace {

std::atomic<int> g_wake_fd{-1};           // the open deadline's pipe, for signal handlers
volatile std::sig_atomic_t g_signal = 0;  // the signal that asked to close, or 0

void wake(int fd) {
  const char byte = 1;
  if (fd >= 0) (void)!write(fd, &byte, 1);
}

}  // namespace

CloseDeadline::CloseDeadline() {
  // Non-blocking both ways: a signal handler never waits, the watcher drains what came.
  if (pipe2(pipe_, O_NONBLOCK | O_CLOEXEC) != 0) pipe_[0] = pipe_[1] = -1;  // then no watchdog
  g_wake_fd.store(pipe_[1]);
  if (pipe_[0] >= 0) thread_ = std::thread([this] { watch(); });
}

CloseDeadline::~CloseDeadline() {
  done_.store(true);
  wake(pipe_[1]);
  if (thread_.joinable()) thread_.join();
  g_wake_fd.store(-1);
  for (int fd : pipe_) {
    if (fd >= 0) close(fd);
  }
}

void CloseDeadline::closing() {
  wake(pipe_[1]);
}

void CloseDeadline::signalled(int signal) {
  g_signal = signal;
  wake(g_wake_fd.load());
}

void CloseDeadline::watch() {
  pollfd fd{pipe_[0], POLLIN, 0};
  // Until the first wake-up: a close, a signal or the end.
  while (poll(&fd, 1, -1) < 0) {
  }
  if (done_.load()) return;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(kSeconds);
  char bytes[16];
  while (!done_.load()) {
    (void)!read(pipe_[0], bytes, sizeof(bytes));
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    poll(&fd, 1, static_cast<int>(left.count()));
  }
  if (done_.load()) return;
  std::cerr << "ganscope: closing took longer than " << kSeconds
            << " s (a long update or a slow frame); ended without waiting\n";
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  _exit(g_signal ? 128 + g_signal : 0);
}

}  // namespace ganscope
