// Headless runs stopped by SIGINT/SIGTERM: training stops at the next check, the metrics so far
// (and --save-session) are written, and the exit code is 128 + the signal. Also the window's
// pace options, refused where they mean nothing or take bad values.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

#include "spawn_util.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

TEST(CliSignalTest, SigintWritesTheMetricsSoFar) {
  const auto dir = test::tempDir("cli-sigint");
  const auto out = dir / "metrics.json", saved = dir / "run.gss";
  const pid_t pid = test::spawnGanscope("--headless --preset figure1 --steps 1000000000 --out " +
                                            out.string() + " --save-session " + saved.string(),
                                        dir);
  // A loaded machine can take seconds to load LibTorch: signal once the run listens, and has run.
  ASSERT_TRUE(test::waitUntilCatches(pid, SIGINT, 60));
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  kill(pid, SIGINT);
  EXPECT_EQ(test::waitExit(pid, 20), 130) << test::readFile(dir / "stderr.txt");
  const nlohmann::json metrics = nlohmann::json::parse(test::readFile(out));
  EXPECT_TRUE(metrics["interrupted"].get<bool>());
  const int64_t steps = metrics["steps"].get<int64_t>();
  EXPECT_GT(steps, 0);
  EXPECT_LT(steps, 1000000000);
  EXPECT_TRUE(metrics["d_loss"].is_number()) << "no losses of the steps so far";
  EXPECT_TRUE(std::filesystem::exists(saved));
  // The saved run continues from where it stopped.
  const auto more = dir / "more.json";
  const test::RunResult resumed = test::runGanscope(
      "--headless --session " + saved.string() + " --steps 10 --out " + more.string(), dir);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  const nlohmann::json continued = nlohmann::json::parse(test::readFile(more));
  EXPECT_GE(continued["steps"].get<int64_t>(), steps + 10);
  EXPECT_FALSE(continued["interrupted"].get<bool>());  // the control: a run that was not
}

TEST(CliSignalTest, SigtermExits143) {
  const auto dir = test::tempDir("cli-sigterm");
  const pid_t pid = test::spawnGanscope("--headless --preset figure1 --steps 1000000000", dir);
  ASSERT_TRUE(test::waitUntilCatches(pid, SIGTERM, 60));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  kill(pid, SIGTERM);
  EXPECT_EQ(test::waitExit(pid, 20), 143) << test::readFile(dir / "stderr.txt");
  EXPECT_NE(test::readFile(dir / "stdout.txt").find("\"interrupted\": true"), std::string::npos);
}

TEST(CliPaceTest, PaceOptionsAreCheckedAndForTheWindowOnly) {
  const auto dir = test::tempDir("cli-pace");
  for (const std::string& args :
       {std::string("--headless --speed 10"), std::string("--headless --start running"),
        std::string("--speed 1.5"), std::string("--speed 100001"),
        std::string("--start sideways")}) {
    const test::RunResult r = test::runGanscope(args, dir);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_NE(r.err.find(args.find("start") != std::string::npos ? "--start" : "--speed"),
              std::string::npos)
        << args << ": " << r.err;
  }
}

}  // namespace
}  // namespace ganscope
