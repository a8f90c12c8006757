// ganscope --save-session / --session: a resumed headless run reports the metrics of the
// uninterrupted run; bad session files exit 2 saying what is wrong; kill -9 during a save
// leaves the previous file intact.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/state/session_file.hpp"
#include "core/api/session.hpp"
#include "core/config/presets.hpp"
#include "test_util.hpp"

extern char** environ;

namespace ganscope {
namespace {

using test::runGanscope;

class CliSessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::tempDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  /// A config file of `preset` with a small batch, so the runs are quick.
  std::string smallConfig(const std::string& preset) {
    TrainConfig config = presetConfig(preset);
    config.hyper.batch_size = 16;
    const auto path = dir_ / (preset + ".json");
    std::ofstream(path) << configToJson(config).dump();
    return path.string();
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  /// `config` for n steps, saved, resumed for m more: the metrics equal an n + m run's.
  void expectResumeEqualsWholeRun(const std::string& config, int n, int m);
  std::filesystem::path dir_;
};

/// The metrics without the fields that depend on wall-clock time.
nlohmann::json withoutTimings(nlohmann::json metrics) {
  for (const char* key :
       {"seconds", "steps_per_second", "full_coverage_seconds", "full_coverage_step"}) {
    metrics.erase(key);
  }
  return metrics;
}

void CliSessionTest::expectResumeEqualsWholeRun(const std::string& config, int n, int m) {
  const std::string whole_path = path("whole.json"), session_path = path("s.gss"),
                    resumed_path = path("resumed.json");
  const auto whole = runGanscope("--headless --config " + config + " --steps " +
                                     std::to_string(n + m) + " --out " + whole_path,
                                 dir_);
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  const auto first = runGanscope("--headless --config " + config + " --steps " + std::to_string(n) +
                                     " --save-session " + session_path,
                                 dir_);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const auto resumed = runGanscope("--headless --session " + session_path + " --steps " +
                                       std::to_string(m) + " --out " + resumed_path,
                                   dir_);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  const auto a = nlohmann::json::parse(test::readFile(whole_path));
  const auto b = nlohmann::json::parse(test::readFile(resumed_path));
  EXPECT_EQ(b["steps"], n + m);
  EXPECT_EQ(withoutTimings(b), withoutTimings(a)) << "resumed:\n"
                                                  << b.dump(1) << "\nwhole:\n"
                                                  << a.dump(1);
}

TEST_F(CliSessionTest, ResumedRunReportsTheUninterruptedRunsMetrics1d) {
  expectResumeEqualsWholeRun(smallConfig("figure1"), 150, 250);
}

TEST_F(CliSessionTest, ResumedRunReportsTheUninterruptedRunsMetrics2d) {
  // 40 of the last 100 steps behind the loss means come from the saved history.
  expectResumeEqualsWholeRun(smallConfig("ring-streak"), 250, 60);
}

TEST_F(CliSessionTest, BadSessionFilesExitTwoSayingWhatIsWrong) {
  const std::string good = path("good.gss");
  ASSERT_EQ(runGanscope("--headless --config " + smallConfig("figure1") +
                            " --steps 20 --save-session " + good,
                        dir_)
                .exit_code,
            0);
  const std::string bytes = test::readFile(good);
  auto write = [&](const std::string& name, const std::string& content) {
    std::ofstream(path(name), std::ios::binary) << content;
    return path(name);
  };
  std::string flipped = bytes, version = bytes;
  flipped[bytes.size() - 10] ^= 1;
  version[16] = 9;
  std::filesystem::create_directory(dir_ / "folder");
  const std::pair<std::string, const char*> cases[] = {
      {write("truncated.gss", bytes.substr(0, bytes.size() / 2)), "truncated"},
      {write("flipped.gss", flipped), "checksum mismatch"},
      {write("version.gss", version), "format version 9"},
      {smallConfig("figure1"), "is JSON (a config?)"},
      {write("empty.gss", ""), "is empty"},
      {path("folder"), "is a folder"},
      {path("missing.gss"), "No such file"},
  };
  for (const auto& [file, message] : cases) {
    const auto r = runGanscope("--headless --session " + file + " --steps 5", dir_);
    EXPECT_EQ(r.exit_code, 2) << file << ": " << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << file << ": " << r.err;
    EXPECT_NE(r.err.find(file), std::string::npos) << r.err;
  }
  // --session takes the config and seed from the file.
  for (const char* clash : {"--preset figure1", "--seed 3"}) {
    const auto r = runGanscope("--headless --session " + good + " " + clash, dir_);
    EXPECT_EQ(r.exit_code, 2) << clash;
    EXPECT_NE(r.err.find("excludes"), std::string::npos) << r.err;
  }
  EXPECT_EQ(runGanscope("--session " + good + " --save-session " + path("x.gss"), dir_).exit_code,
            2);
  // The window refuses a bad file the same way, before it opens.
  const auto gui = runGanscope(
      "--session " + path("flipped.gss") + " --screenshot " + path("x.png") + " --steps 5", dir_);
  EXPECT_EQ(gui.exit_code, 2) << gui.err;
  EXPECT_NE(gui.err.find("checksum mismatch"), std::string::npos) << gui.err;
}

TEST_F(CliSessionTest, TheWindowContinuesASession) {
  if (!std::getenv("DISPLAY")) GTEST_SKIP() << "needs a display (scripts/test runs xvfb-run)";
  const std::string file = path("s.gss");
  ASSERT_EQ(runGanscope("--headless --config " + smallConfig("figure1") +
                            " --steps 300 --save-session " + file,
                        dir_)
                .exit_code,
            0);
  const auto r =
      runGanscope("--session " + file + " --steps 20 --frames 3 --screenshot " + path("shot.png"),
                  dir_, "env XDG_CONFIG_HOME=" + dir_.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("trained 320 steps"), std::string::npos) << r.err;
  EXPECT_TRUE(std::filesystem::exists(path("shot.png")));
}

/// Starts ganscope with `args` without a shell; returns its pid.
pid_t spawn(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  EXPECT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

TEST_F(CliSessionTest, KillDuringSaveLeavesThePreviousFileIntact) {
  const std::string config = smallConfig("ring-streak"), file = path("s.gss");
  ASSERT_EQ(
      runGanscope("--headless --config " + config + " --steps 10 --save-session " + file, dir_)
          .exit_code,
      0);
  const std::string old_bytes = test::readFile(file);
  const std::string old_state = loadSessionFile(file).state;
  // How long a run takes from start to exit, so the kills spread over its end, the save.
  const std::vector<std::string> args = {GANSCOPE_EXE, "--headless", "--config",       config,
                                         "--steps",    "60",         "--save-session", file};
  const auto start = std::chrono::steady_clock::now();
  int status = 0;
  waitpid(spawn(args), &status, 0);
  const double run_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(Session::stepOfState(loadSessionFile(file).state), 60);
  // A staircase around the save: a kill that found the old file waits longer next time, one that
  // found the new file waits less. The step doubles while the outcome repeats (a loaded machine
  // can make a run several times slower than the one measured) and halves when it turns.
  int old_seen = 0, new_seen = 0;
  double delay_ms = run_ms * 0.8, step_ms = run_ms * 0.1;
  bool last_old = true;
  for (int i = 0; i < 40 && (old_seen < 4 || new_seen < 4); ++i) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << old_bytes;
    const pid_t pid = spawn(args);
    std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(delay_ms));
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    SessionFile read;
    ASSERT_NO_THROW(read = loadSessionFile(file)) << "kill " << i << " at " << delay_ms << " ms";
    const bool found_old = read.state == old_state;
    if (found_old) {
      ++old_seen;
    } else {
      EXPECT_EQ(Session::stepOfState(read.state), 60) << "kill " << i;
      ++new_seen;
    }
    if (i > 0) step_ms = found_old == last_old ? step_ms * 2 : std::max(step_ms / 2, 1.0);
    delay_ms = std::max(delay_ms + (found_old ? step_ms : -step_ms), 1.0);
    last_old = found_old;
  }
  // The kills land both before and after the save at least once.
  EXPECT_GT(old_seen, 0);
  EXPECT_GT(new_seen, 0);
}

}  // namespace
}  // namespace ganscope
