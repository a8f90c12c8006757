// Helpers shared by the tests: waiting on a condition, running the ganscope executable.
#pragma once
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>

namespace ganscope::test {

/// Polls `done` every millisecond until it holds or `seconds` pass; returns whether it held.
inline bool waitFor(const std::function<bool()>& done, double seconds = 30) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return done();
}

inline std::string readFile(const std::filesystem::path& path) {
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

/// A fresh directory for one test's files.
inline std::filesystem::path tempDir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("ganscope-test-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

/// Runs the ganscope executable with `args` (shell words), capturing stdout and stderr;
/// `prefix` goes before the executable (e.g. an `env` call).
inline RunResult runGanscope(const std::string& args, const std::filesystem::path& dir,
                             const std::string& prefix = "") {
  const auto out = dir / "stdout.txt", err = dir / "stderr.txt";
  const std::string command =
      prefix + " " + GANSCOPE_EXE + " " + args + " >" + out.string() + " 2>" + err.string();
  const int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = readFile(out);
  result.err = readFile(err);
  return result;
}

}  // namespace ganscope::test
