// Starting the ganscope executable in the background, signalling it and timing its exit: for
// the tests of closing and interrupting a run.
#pragma once
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
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
