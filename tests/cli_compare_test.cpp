// Headless --compare: a preset trained beside its variants, all at once; each variant's config
// differs from the base only in its --compare field, and bad assignments exit 2.
#include <gtest/gtest.h>

#include <regex>

#include <nlohmann/json.hpp>

#include "test_util.hpp"

namespace ganscope {
namespace {

using test::runGanscope;

class CliCompareTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::tempDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  /// Runs ganscope headless with `args` and `--out`, and reads the metrics JSON back.
  nlohmann::json metrics(const std::string& args) {
    const auto out = dir_ / "metrics.json";
    const auto r = runGanscope("--headless " + args + " --out " + out.string(), dir_);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(test::readFile(out));
  }
  std::filesystem::path dir_;
};

/// `config` with the field at the dotted `path` set to `value`.
nlohmann::json withField(nlohmann::json config, const std::string& path,
                         const nlohmann::json& value) {
  config[nlohmann::json::json_pointer("/" + std::regex_replace(path, std::regex("\\."), "/"))] =
      value;
  return config;
}

TEST_F(CliCompareTest, LossVariantDiffersOnlyInTheLossAndTrainsDifferently) {
  const nlohmann::json report = metrics("--preset figure1 --steps 300 --compare hyper.loss=hinge");
  ASSERT_TRUE(report.contains("runs")) << report.dump(2).substr(0, 400);
  const auto& runs = report["runs"];
  ASSERT_EQ(runs.size(), 2u);
  const auto &base = runs[0], &variant = runs[1];
  EXPECT_EQ(base["differences"], nlohmann::json::array());
  ASSERT_EQ(variant["differences"].size(), 1u);
  EXPECT_EQ(variant["differences"][0]["path"], "hyper.loss");
  EXPECT_EQ(variant["differences"][0]["before"], base["config"]["hyper"]["loss"]);
  EXPECT_EQ(variant["differences"][0]["after"], "hinge");
  // The configs are equal once the loss is put back (the control: they do differ before).
  EXPECT_NE(variant["config"], base["config"]);
  EXPECT_EQ(withField(variant["config"], "hyper.loss", base["config"]["hyper"]["loss"]),
            base["config"]);
  EXPECT_EQ(base["steps"], 300);
  EXPECT_EQ(variant["steps"], 300);
  EXPECT_NE(variant["d_loss"], base["d_loss"]);
  EXPECT_NE(variant["g_loss"], base["g_loss"]);
}

TEST_F(CliCompareTest, BaseRunEqualsTheSameRunTrainedAlone) {
  // Training beside a variant must not change the base run: its figures are those of the
  // single run (whose output keeps the single-run shape, without "runs").
  const nlohmann::json alone = metrics("--preset ring-stddev --steps 200");
  EXPECT_FALSE(alone.contains("runs"));
  EXPECT_FALSE(alone.contains("differences"));
  const nlohmann::json together = metrics("--preset ring-stddev --steps 200 --compare seed=7");
  ASSERT_EQ(together["runs"].size(), 2u);
  const auto& base = together["runs"][0];
  for (const char* key : {"steps", "d_loss", "g_loss", "d_real_mean", "d_fake_mean", "js_estimate",
                          "modes_covered", "hq_fraction", "config"}) {
    EXPECT_EQ(base[key], alone[key]) << key;
  }
  EXPECT_NE(together["runs"][1]["d_loss"], alone["d_loss"]);  // the variant's seed differs
}

TEST_F(CliCompareTest, EachCompareIsOneVariant) {
  const nlohmann::json report =
      metrics("--preset ring-stddev --steps 50 --compare seed=7 --compare hyper.d_opt.lr=0.001");
  const auto& runs = report["runs"];
  ASSERT_EQ(runs.size(), 3u);
  const auto& base = runs[0]["config"];
  EXPECT_EQ(runs[1]["differences"].size(), 1u);
  EXPECT_EQ(runs[1]["differences"][0]["path"], "seed");
  EXPECT_EQ(withField(runs[1]["config"], "seed", base["seed"]), base);
  EXPECT_EQ(runs[2]["differences"].size(), 1u);
  EXPECT_EQ(runs[2]["differences"][0]["path"], "hyper.d_opt.lr");
  EXPECT_EQ(withField(runs[2]["config"], "hyper.d_opt.lr", base["hyper"]["d_opt"]["lr"]), base);
}

TEST_F(CliCompareTest, BadAssignmentsExitTwoWithTheOverridesMessage) {
  for (const auto& [assignment, expected] :
       {std::pair{"hyper.no_such_field=1", "no_such_field"}, std::pair{"hyper.loss=wgan", "hinge"},
        std::pair{"hyper.loss", "FIELD=VALUE"}, std::pair{"hyper.batch_size=0", "out of range"}}) {
    const auto r = runGanscope(std::string("--headless --steps 5 --compare ") + assignment, dir_);
    EXPECT_EQ(r.exit_code, 2) << assignment;
    EXPECT_NE(r.err.find("--compare"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(expected), std::string::npos) << assignment << ": " << r.err;
  }
  // Outputs of one run only, and more than one variant in the window, are refused.
  auto r = runGanscope("--headless --steps 5 --compare seed=1 --dump-samples s.csv", dir_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--dump-samples"), std::string::npos) << r.err;
  r = runGanscope("--steps 5 --compare seed=1 --compare seed=2", dir_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("one --compare"), std::string::npos) << r.err;
  // The window's columns show one kind of picture; headless takes the same change.
  r = runGanscope("--preset figure1 --steps 5 --compare data.kind=ring", dir_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("1-D data into 2-D"), std::string::npos) << r.err;
  EXPECT_EQ(
      runGanscope("--headless --preset figure1 --steps 5 --compare data.kind=ring", dir_).exit_code,
      0);
}

}  // namespace
}  // namespace ganscope
