// The executable on a blow-up: Adam at a learning rate of 50 exits 3 with "diverged": true and
// the reason; the same config at 1e-3 (the control) trains to its end and exits 0.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_util.hpp"

namespace ganscope {
namespace {

/// Runs a config file that gives both networks Adam at `lr` (the rest the defaults: 1-D data)
/// headless for 600 steps; the exit code, stderr and the metrics written.
std::tuple<int, std::string, nlohmann::json> runAdam(const std::string& lr) {
  const auto dir = test::tempDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
  const auto config = dir / "adam.json", out = dir / "metrics.json";
  std::ofstream(config) << R"({"hyper": {"d_opt": {"kind": "adam", "lr": )" << lr
                        << R"(}, "g_opt": {"kind": "adam", "lr": )" << lr << "}}}";
  const auto r = test::runGanscope(
      "--headless --steps 600 --config " + config.string() + " --out " + out.string(), dir);
  return {r.exit_code, r.err, nlohmann::json::parse(test::readFile(out))};
}

TEST(CliDivergenceTest, AdamAtLearningRate50ExitsThreeSayingWhy) {
  const auto [exit_code, err, metrics] = runAdam("50");
  EXPECT_EQ(exit_code, 3) << err;
  EXPECT_NE(err.find("beyond 1e6 at step"), std::string::npos) << err;
  EXPECT_EQ(metrics["diverged"], true);
  EXPECT_GT(metrics["diverged_at"].get<int64_t>(), 0);
  const std::string reason = metrics["diverged_reason"];
  EXPECT_TRUE(reason == "loss_blow_up" || reason == "weight_blow_up") << reason;
}

TEST(CliDivergenceTest, TheSameConfigAtLearningRate1e3Trains) {
  const auto [exit_code, err, metrics] = runAdam("0.001");
  EXPECT_EQ(exit_code, 0) << err;
  EXPECT_EQ(metrics["diverged"], false);
  EXPECT_EQ(metrics["diverged_reason"], "");
  EXPECT_EQ(metrics["steps"], 600);
}

}  // namespace
}  // namespace ganscope
