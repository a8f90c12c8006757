// The ganscope executable: exit codes and messages for bad input, headless metrics, queries.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/config.hpp"
#include "core/presets.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

using test::runGanscope;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::tempDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  std::filesystem::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return dir_ / name;
  }
  std::filesystem::path dir_;
};

TEST_F(CliTest, UnknownPresetExitsTwoNamingKnownPresets) {
  const auto r = runGanscope("--headless --preset figure9", dir_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("figure9"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("figure1"), std::string::npos) << r.err;
}

TEST_F(CliTest, BadConfigFieldsExitTwoNamingTheField) {
  const auto unknown = write("unknown.json", R"({"hyper": {"learning_rate": 0.1}})");
  auto r = runGanscope("--headless --config " + unknown.string(), dir_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("hyper.learning_rate"), std::string::npos) << r.err;

  const auto range = write("range.json", R"({"discriminator": {"hidden_layers": 40}})");
  r = runGanscope("--headless --config " + range.string(), dir_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("discriminator.hidden_layers"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("[1, 8]"), std::string::npos) << r.err;

  const auto broken = write("broken.json", "{ \"seed\": ");
  r = runGanscope("--headless --config " + broken.string(), dir_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("not valid JSON"), std::string::npos) << r.err;
}

TEST_F(CliTest, BadOptionsExitTwo) {
  EXPECT_EQ(runGanscope("--steps 0 --headless", dir_).exit_code, 2);
  EXPECT_EQ(runGanscope("--no-such-option", dir_).exit_code, 2);
  EXPECT_EQ(runGanscope("--config /no/such/file.json", dir_).exit_code, 2);
  EXPECT_EQ(runGanscope("--size 12by9", dir_).exit_code, 2);
  EXPECT_EQ(runGanscope("--out x.json", dir_).exit_code, 2);  // --out without --headless
  auto r = runGanscope("--headless --seed -1", dir_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("non-negative"), std::string::npos) << r.err;
  r = runGanscope("--size 1x1", dir_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("320x240"), std::string::npos) << r.err;
}

TEST_F(CliTest, NumbersBeyondTheirTypeAreRejectedNotRounded) {
  // 1e400 does not fit a double; 1e-60 is positive but becomes 0 as a float.
  for (const char* lr : {"1e400", "1e-60"}) {
    const auto config =
        write("lr.json", std::string(R"({"hyper": {"g_opt": {"lr": )") + lr + "}}}");
    const auto r = runGanscope("--headless --config " + config.string(), dir_);
    EXPECT_EQ(r.exit_code, 2) << lr << ": " << r.err;
  }
}

TEST_F(CliTest, UnwritableOutputIsReportedBeforeTraining) {
  const auto r = runGanscope("--headless --steps 100000000 --out /no/such/dir/m.json", dir_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/no/such/dir/m.json"), std::string::npos) << r.err;
}

TEST_F(CliTest, AFolderIsNotAConfig) {
  const auto r = runGanscope("--headless --config " + dir_.string(), dir_);
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(CliTest, ExplodingWeightsNeverCrash) {
  // SGD at lr 30 sends G's samples to ~1e30 within a couple of steps: the snapshot must cope.
  const auto config = write("boom.json", R"({"hyper": {
      "d_opt": {"kind": "sgd", "lr": 30}, "g_opt": {"kind": "sgd", "lr": 30}}})");
  for (const char* steps : {"2", "50"}) {
    const auto r = runGanscope(
        "--headless --steps " + std::string(steps) + " --config " + config.string(), dir_);
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 3) << steps << ": " << r.exit_code << r.err;
  }
}

TEST_F(CliTest, DumpConfigPrintsThePresetAsValidConfig) {
  const auto r = runGanscope("--dump-config --preset figure1 --seed 9", dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  TrainConfig config = configFromJson(nlohmann::json::parse(r.out));
  EXPECT_EQ(config.seed, 9u);
  config.seed = presetConfig("figure1").seed;
  EXPECT_EQ(configToJson(config), configToJson(presetConfig("figure1")));
}

TEST_F(CliTest, HeadlessWritesMetrics) {
  const auto out = dir_ / "metrics.json";
  const auto r = runGanscope("--headless --preset figure1 --steps 400 --out " + out.string(), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto metrics = nlohmann::json::parse(test::readFile(out));
  for (const char* key : {"steps", "seconds", "steps_per_second", "d_loss", "g_loss", "d_real_mean",
                          "d_fake_mean", "js_estimate", "value_function", "diverged"}) {
    EXPECT_TRUE(metrics.contains(key)) << key;
  }
  EXPECT_EQ(metrics["steps"], 400);
  EXPECT_EQ(metrics["diverged"], false);
  EXPECT_GT(metrics["steps_per_second"].get<double>(), 0);
  EXPECT_EQ(nlohmann::json::parse(r.out), metrics);
}

TEST_F(CliTest, HeadlessDivergenceExitsThreeAndSaysWhere) {
  const auto config = write("wild.json", R"({"hyper": {
      "d_opt": {"kind": "sgd", "lr": 50}, "g_opt": {"kind": "sgd", "lr": 50}}, "steps": 3000})");
  const auto out = dir_ / "metrics.json";
  const auto r =
      runGanscope("--headless --config " + config.string() + " --out " + out.string(), dir_);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("diverged at step"), std::string::npos) << r.err;
  const auto metrics = nlohmann::json::parse(test::readFile(out));
  EXPECT_EQ(metrics["diverged"], true);
  EXPECT_GT(metrics["diverged_at"].get<int64_t>(), 0);
}

TEST_F(CliTest, RingCollapsePresetCollapsesIntoOneClump) {
  const auto out = dir_ / "metrics.json", csv = dir_ / "samples.csv";
  const auto r =
      runGanscope("--headless --preset ring-collapse --steps 1500 --out " + out.string() +
                      " --dump-samples " + csv.string() + " --num-samples 1000",
                  dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto metrics = nlohmann::json::parse(test::readFile(out));
  EXPECT_EQ(metrics["modes_total"], 8);
  // Seed 1, 1500 steps: G's samples sit in one clump that D chases around the ring; measured
  // 1 mode covered, with all the high-quality samples (share KL log 8 = 2.08).
  EXPECT_LE(metrics["modes_covered_1pct"].get<int>(), 2);
  EXPECT_GT(metrics["mode_kl"].get<double>(), 1.0);  // uniform shares would give 0
  EXPECT_GT(metrics["kl_estimate"].get<double>(), 1.0);
  EXPECT_TRUE(metrics["full_coverage_step"].is_null());
  // The samples, read back: 1000 rows near the ring (radius 2), within a small part of it.
  const std::string text = test::readFile(csv);
  ASSERT_EQ(text.rfind("x,y\n", 0), 0u);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1001);  // header + 1000 rows
  std::istringstream rows(text.substr(4));
  double sx = 0, sy = 0, sxx = 0, syy = 0, radius = 0;
  int n = 0;
  for (double x, y; rows >> x && rows.ignore(1) && rows >> y; ++n) {
    sx += x, sy += y, sxx += x * x, syy += y * y, radius += std::hypot(x, y);
  }
  ASSERT_EQ(n, 1000);
  const double spread = std::sqrt((sxx - sx * sx / n + syy - sy * sy / n) / n);
  EXPECT_LT(spread, 1.0);  // measured 0.27; samples spread evenly over the ring would give 2
  EXPECT_NEAR(radius / n, 2.0, 0.6);  // measured 1.78
}

TEST_F(CliTest, DrawnPointsConfigTrainsAndReportsBinnedDivergences) {
  const auto out = dir_ / "metrics.json";
  const auto config = write("drawn.json", R"({"data": {"kind": "points", "std": 0.1,
      "points": [[0, 0], [1, 1], [2, 0]]}, "latent": {"kind": "normal", "dim": 2}})");
  const auto r = runGanscope(
      "--headless --config " + config.string() + " --steps 50 --out " + out.string(), dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto metrics = nlohmann::json::parse(test::readFile(out));
  EXPECT_TRUE(metrics.contains("kl_estimate"));
  EXPECT_TRUE(metrics.contains("js_estimate"));
  EXPECT_FALSE(metrics.contains("modes_covered"));  // no separate modes to count
  const auto broken =
      write("broken.json", R"({"data": {"kind": "points", "points": [[0, 0], ["a", 1]]}})");
  const auto bad = runGanscope("--headless --config " + broken.string(), dir_);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("data.points"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("item 1"), std::string::npos) << bad.err;
}

TEST_F(CliTest, VersionNamesTheBlas) {
  const auto r = runGanscope("--version", dir_);
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("LibTorch " + std::string(1, '1')), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("BLAS"), std::string::npos) << r.out;
}

TEST_F(CliTest, HelpListsTheOptions) {
  const auto r = runGanscope("--help", dir_);
  ASSERT_EQ(r.exit_code, 0);
  for (const char* option : {"--preset", "--config", "--headless", "--steps", "--screenshot",
                             "--dump-config", "--list-presets"}) {
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
  }
}

TEST_F(CliTest, ListPresetsShowsEachWithItsDescription) {
  const auto r = runGanscope("--list-presets", dir_);
  ASSERT_EQ(r.exit_code, 0);
  for (const std::string& name : presetNames()) {
    EXPECT_NE(r.out.find(name + "\t" + presetConfig(name).description), std::string::npos);
  }
}

}  // namespace
}  // namespace ganscope
