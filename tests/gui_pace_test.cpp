// The window's pace under a display (xvfb-run in scripts/test): it opens paused at step 0,
// --speed sets the limit it trains at, and a close (SIGTERM) during a heavy step ends the
// process within a second.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <regex>
#include <string>

#include "spawn_util.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

/// The steps and seconds a screenshot run reports on stderr ("trained N steps in S s").
struct Trained {
  long steps = -1;
  double seconds = -1;
};

Trained trainedOf(const std::string& err) {
  std::smatch match;
  Trained trained;
  if (std::regex_search(err, match, std::regex(R"(trained (\d+) steps in ([0-9.e+-]+) s)"))) {
    trained.steps = std::stol(match[1]);
    trained.seconds = std::stod(match[2]);
  }
  return trained;
}

test::RunResult window(const std::string& name, const std::string& args) {
  const auto dir = test::tempDir(name);
  return test::runGanscope(args + " --size 1024x768 --screenshot " + (dir / "shot.png").string(),
                           dir, "env XDG_CONFIG_HOME=" + dir.string());
}

TEST(GuiPaceTest, TheWindowOpensPausedAtStepZero) {
  ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "GUI tests need a display (xvfb-run)";
  // 30 frames drawn, still at step 0 (the step-0 frame is drawn: the run is done for the shot).
  const test::RunResult paused =
      window("gui-paused", "--preset figure1 --start paused --frames 30");
  ASSERT_EQ(paused.exit_code, 0) << paused.err;
  EXPECT_EQ(trainedOf(paused.err).steps, 0) << paused.err;
  // The control: the same window started running trains.
  const test::RunResult running =
      window("gui-running", "--preset figure1 --start running --steps 200 --frames 30");
  ASSERT_EQ(running.exit_code, 0) << running.err;
  EXPECT_EQ(trainedOf(running.err).steps, 200) << running.err;
}

TEST(GuiPaceTest, SpeedSetsTheRateTheWindowTrainsAt) {
  ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "GUI tests need a display (xvfb-run)";
  const test::RunResult slow = window("gui-speed", "--preset figure1 --steps 30 --speed 10");
  ASSERT_EQ(slow.exit_code, 0) << slow.err;
  const Trained trained = trainedOf(slow.err);
  ASSERT_EQ(trained.steps, 30) << slow.err;
  // 30 steps at 10/s: the first at once, the last 2.9 s later.
  EXPECT_NEAR(trained.seconds, 2.9, 0.2 * 2.9) << slow.err;
  // The control: unlimited, the same steps take a small part of that.
  const test::RunResult fast = window("gui-speed-max", "--preset figure1 --steps 30 --speed 0");
  ASSERT_EQ(fast.exit_code, 0) << fast.err;
  EXPECT_LT(trainedOf(fast.err).seconds, 1.0) << fast.err;
}

TEST(GuiPaceTest, ClosingDuringAHeavyStepEndsTheProcessWithinASecond) {
  ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "GUI tests need a display (xvfb-run)";
  const auto dir = test::tempDir("gui-close");
  // A valid config whose single D update takes about a second here, 100 of them a step.
  const auto config = dir / "heavy.json";
  std::ofstream(config) << R"({"data": {"kind": "ring"}, "latent": {"dim": 2},
    "generator": {"hidden_layers": 6, "width": 768},
    "discriminator": {"hidden_layers": 6, "width": 768},
    "hyper": {"batch_size": 2048, "d_steps": 100}})";
  const pid_t pid = test::spawnGanscope("--config " + config.string() + " --start running", dir,
                                        "env XDG_CONFIG_HOME=" + dir.string());
  // The window is up (it says which renderer it got), then the step is under way.
  ASSERT_TRUE(test::waitFor(
      [&] { return test::readFile(dir / "stderr.txt").find("GL renderer") != std::string::npos; },
      60));
  std::this_thread::sleep_for(std::chrono::seconds(1));
  const auto start = std::chrono::steady_clock::now();
  kill(pid, SIGTERM);
  const int exit_code = test::waitExit(pid, 5);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(exit_code, 143) << test::readFile(dir / "stderr.txt");
  EXPECT_LT(seconds, 1.0);
  std::cout << "SIGTERM to exit: " << seconds << " s\n";
  EXPECT_NE(test::readFile(dir / "stderr.txt").find("one step will take about"), std::string::npos)
      << "no slow-step warning";
}

}  // namespace
}  // namespace ganscope
