// Starting the ganscope executable in the background, signalling it and timing its exit: for
// the tests of closing and interrupting a run.
#pragma once
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

namespace ganscope::test {

/// Starts `prefix GANSCOPE_EXE args` (shell words) with stdout and stderr in `dir`; returns its
/// pid (the shell execs it, so the pid is ganscope's own).
inline pid_t spawnGanscope(const std::string& args, const std::filesystem::path& dir,
                           const std::string& prefix = "") {
  const std::string command = "exec " + prefix + " " + GANSCOPE_EXE + " " + args + " >" +
                              (dir / "stdout.txt").string() + " 2>" + (dir / "stderr.txt").string();
  const pid_t pid = fork();
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

/// Waits up to `seconds` until process `pid` has a handler for `signal` (the SigCgt mask of
/// /proc/PID/status), so a signal sent next reaches the program and not the default action.
/// Whether it does within the time.
inline bool waitUntilCatches(pid_t pid, int signal, double seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);) {
      if (line.rfind("SigCgt:", 0) != 0) continue;
      const unsigned long long caught = std::stoull(line.substr(7), nullptr, 16);
      if (caught >> (signal - 1) & 1) return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

/// Waits up to `seconds` for child `pid` to exit; its exit code (128 + signal if killed), or
/// -1 if it is still running (it is then killed).
inline int waitExit(pid_t pid, double seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  return -1;
}

}  // namespace ganscope::test
