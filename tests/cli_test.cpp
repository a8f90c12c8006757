// The ganscope executable: exit codes and messages for bad input, headless metrics, queries.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/api/config.hpp"
#include "core/config/presets.hpp"
#include "core/config/schema.hpp"
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
  const auto long_name = runGanscope("--headless --preset " + std::string(5000, 'p'), dir_);
  EXPECT_EQ(long_name.exit_code, 2);
  EXPECT_LT(long_name.err.size(), 400u) << long_name.err.substr(0, 500);  // quoted short
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

TEST_F(CliTest, TheConfigsEngineTrainsAndIsReported) {
  const auto config = dir_ / "autograd.json";
  std::ofstream(config) << R"({"engine": "autograd", "hyper": {"batch_size": 32}})";
  const auto r = runGanscope("--headless --config " + config.string() + " --steps 50", dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["engine"], "autograd");
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
  EXPECT_EQ(metrics["engine"], "fast");  // "auto" on an MLP
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
  EXPECT_NE(r.err.find("diverged ("), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" at step "), std::string::npos) << r.err;
  const auto metrics = nlohmann::json::parse(test::readFile(out));
  EXPECT_EQ(metrics["diverged"], true);
  EXPECT_GT(metrics["diverged_at"].get<int64_t>(), 0);
}

TEST_F(CliTest, RingStreakPresetCollapsesIntoOneClump) {
  const auto out = dir_ / "metrics.json", csv = dir_ / "samples.csv";
  const auto r = runGanscope("--headless --preset ring-streak --steps 1500 --out " + out.string() +
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

TEST_F(CliTest, HelpConfigListsEveryFieldWithDefaultRangeAndHelp) {
  const auto r = runGanscope("--help-config", dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const TrainConfig defaults;
  for (const ConfigField& field : configFields()) {
    const std::string line = std::string(field.path) + "  (" + typeName(field.type) +
                             ")  default " + fieldToJson(field, defaults).dump() +
                             "  allowed: " + allowedText(field) + "\n    " + field.help + "\n";
    EXPECT_NE(r.out.find(line), std::string::npos) << line;
  }
  EXPECT_NE(r.out.find("hyper.d_opt.momentum  (float)  default 0.9  allowed: [0, 0.999]"),
            std::string::npos);
  EXPECT_NE(r.out.find("engine  (enum)  default \"auto\"  allowed: one of \"auto\", \"fast\", "
                       "\"autograd\""),
            std::string::npos);
}

TEST_F(CliTest, DumpConfigPrintsShortestDecimals) {
  const auto r = runGanscope("--dump-config --preset ring-stddev", dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"std\": 0.02\n"), std::string::npos) << r.out;
  // No number carries float noise such as 0.019999999552965164 or 0.0010000000474974513.
  EXPECT_FALSE(std::regex_search(r.out, std::regex(R"(\d\.\d*(0000|9999)\d)"))) << r.out;
  EXPECT_EQ(configToJson(configFromJson(nlohmann::json::parse(r.out))),
            configToJson(presetConfig("ring-stddev")));
}

TEST_F(CliTest, DeeplyNestedConfigExitsTwoWithAMessage) {
  const auto deep = write("deep.json", R"({"hyper": {"loss": )" + std::string(60000, '[') +
                                           std::string(60000, ']') + "}}");
  const auto r = runGanscope("--dump-config --config " + deep.string(), dir_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nested deeper than 64 levels"), std::string::npos) << r.err;
  const auto huge =
      write("huge.json", R"({"hyper": {"loss": ")" + std::string(1 << 20, 'w') + "\"}}");
  const auto h = runGanscope("--dump-config --config " + huge.string(), dir_);
  EXPECT_EQ(h.exit_code, 2);
  EXPECT_LT(h.err.size(), 300u);
}

TEST_F(CliTest, SpecialFilesAreNotConfigsAndNeverBlock) {
  const auto fifo = dir_ / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const auto big = write("big.json", "{}" + std::string((16 << 20) + 1, ' '));
  for (const std::string path :
       {"/dev/zero", "/dev/urandom", fifo.c_str(), dir_.c_str(), big.c_str()}) {
    const auto r = runGanscope("--dump-config --config " + path, dir_, "timeout 20");
    EXPECT_EQ(r.exit_code, 2) << path << ": " << r.err;
    EXPECT_NE(r.err.find(path + ": is "), std::string::npos) << r.err;
  }
}

TEST_F(CliTest, NumbersAreWholeDecimalsInRange) {
  for (const char* steps : {"0x10", "' 5'", "abc", "5.0", "1e3", "+5"}) {
    const auto r = runGanscope(std::string("--headless --steps ") + steps, dir_);
    EXPECT_EQ(r.exit_code, 2) << steps;
    EXPECT_NE(r.err.find("is not a number"), std::string::npos) << steps << ": " << r.err;
  }
  auto r = runGanscope("--headless --steps 0", dir_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("0 is out of range [1, 1000000000]"), std::string::npos) << r.err;
  r = runGanscope("--headless --seed 99999999999999999999999", dir_);
  EXPECT_EQ(r.exit_code, 2);  // once clamped to 2^64-1 silently
  EXPECT_NE(r.err.find("99999999999999999999999 is out of range"), std::string::npos) << r.err;
  r = runGanscope("--dump-config --seed 18446744073709551615", dir_);  // the control: the end
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["seed"].get<uint64_t>(), 18446744073709551615ull);
}

TEST_F(CliTest, EmptyNamesAreRefused) {
  for (const char* option : {"--preset", "--config", "--out", "--dump-samples"}) {
    const auto r = runGanscope(std::string("--headless --steps 1 ") + option + " ''", dir_);
    EXPECT_EQ(r.exit_code, 2) << option;
    EXPECT_NE(r.err.find(std::string(option) + ": an empty name"), std::string::npos) << r.err;
  }
}

TEST_F(CliTest, ConfigWithNulAndGarbageOrStrayPointsExitsTwo) {
  const auto nul = write("nul.json", std::string(R"({"seed": 3})") + '\0' + "garbage");
  auto r = runGanscope("--dump-config --config " + nul.string(), dir_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("NUL byte"), std::string::npos) << r.err;
  const auto stray = write("stray.json", R"({"data": {"kind": "ring", "points": [[1, 2]]}})");
  r = runGanscope("--dump-config --config " + stray.string(), dir_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("data.points"), std::string::npos) << r.err;
}

TEST_F(CliTest, OutputsReplaceOnlyRegularFilesAndAreCheckedBeforeTraining) {
  const auto fifo = dir_ / "fifo", target = dir_ / "target.json", link = dir_ / "link.json";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::ofstream(target) << "keep";
  std::filesystem::create_symlink(target, link);
  // A billion steps: each refusal must come before training.
  const std::string run = "--headless --steps 1000000000 ";
  for (const std::string path : {"/dev/null", fifo.c_str(), dir_.c_str(), link.c_str()}) {
    for (const char* option : {"--out", "--dump-samples"}) {
      const auto r = runGanscope(run + option + " " + path, dir_, "timeout 60");
      EXPECT_EQ(r.exit_code, 2) << option << " " << path << ": " << r.err;
      EXPECT_NE(r.err.find("only a regular file is ever replaced"), std::string::npos) << r.err;
    }
  }
  struct stat info {};
  ASSERT_EQ(::stat("/dev/null", &info), 0);
  EXPECT_TRUE(S_ISCHR(info.st_mode));
  ASSERT_EQ(::lstat(fifo.c_str(), &info), 0);
  EXPECT_TRUE(S_ISFIFO(info.st_mode));
  ASSERT_EQ(::lstat(link.c_str(), &info), 0);
  EXPECT_TRUE(S_ISLNK(info.st_mode));
  EXPECT_EQ(test::readFile(target), "keep");
  for (const char* option : {"--out", "--dump-samples"}) {  // every unwritable output: exit 2
    const auto r = runGanscope(run + option + " /no/such/dir/x", dir_, "timeout 60");
    EXPECT_EQ(r.exit_code, 2) << option << ": " << r.err;
  }
  const auto shot =
      runGanscope("--steps 1000000000 --screenshot /no/such/dir/x.png", dir_, "timeout 60");
  EXPECT_EQ(shot.exit_code, 2) << shot.err;
  const auto same = runGanscope(
      run + "--out " + target.string() + " --dump-samples " + (dir_ / "." / "target.json").string(),
      dir_, "timeout 60");
  EXPECT_EQ(same.exit_code, 2);
  EXPECT_NE(same.err.find("name the same file"), std::string::npos) << same.err;
}

TEST_F(CliTest, SampleCountIsCappedByAMemoryEstimate) {
  const auto r = runGanscope(
      "--headless --preset ring-stddev --steps 1000000000 --num-samples 10000000 --dump-samples " +
          (dir_ / "s.csv").string(),
      dir_, "timeout 60");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("--num-samples 10000000 would take about"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("GB"), std::string::npos) << r.err;
}

TEST_F(CliTest, AllocationFailureBuildingTheTrainerExitsOne) {
  // Under a 900 MB address-space limit LibTorch loads, but building these networks (measured:
  // a 29 MB buffer) fails on the main thread; it once ended in terminate() (exit 134).
  const auto config = write("huge.json", R"({"generator": {"width": 1024, "hidden_layers": 8},
      "discriminator": {"width": 1024, "hidden_layers": 8}, "hyper": {"batch_size": 8192}})");
  const auto r = runGanscope("--headless --steps 1 --config " + config.string(), dir_,
                             "ulimit -v 900000; timeout 60");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("allocate"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("terminate called"), std::string::npos) << r.err;
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
                             "--dump-config", "--help-config", "--list-presets"}) {
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
  }
  for (const char* rule : {"2 bad input", "checked", "before training", "symbolic link"}) {
    EXPECT_NE(r.out.find(rule), std::string::npos) << rule;  // exit codes and the output rule
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
