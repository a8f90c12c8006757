// The latent search alone: a target G drew from a known z is found (far below the start's L1),
// the norm penalty holds |z| near the prior's typical norm where none lets it drift, progress
// comes at its interval, G is left as it was, and bad input is refused by name.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/api/latent.hpp"
#include "core/latent/latent_search.hpp"
#include "core/models/networks.hpp"

namespace ganscope {
namespace {

constexpr int kPixels = 784;

TrainConfig mlpImageConfig() {
  TrainConfig config;
  config.data.kind = DataKind::Images;
  config.latent = {LatentKind::Normal, 16};
  config.generator = {2, 64, Activation::LeakyRelu};
  config.seed = 3;
  return config;
}

NetworkPtr generatorOf(const TrainConfig& config) {
  std::lock_guard lock(networkInitMutex());
  torch::manual_seed(config.seed);
  NetworkPtr g = makeGenerator(config, kPixels);
  g->eval();
  return g;
}

torch::Tensor pictureOf(Network& g, const Latent& z) {
  torch::NoGradGuard no_grad;
  return g.forward(torch::tensor(z).reshape({1, -1})).reshape({-1}).clone();
}

TEST(LatentSearchTest, FindsTheLatentOfAPictureGDrewFarBelowTheStartsLoss) {
  const TrainConfig config = mlpImageConfig();
  NetworkPtr g = generatorOf(config);
  const Latent known = latentFromSeed(config.latent, 1234);
  const torch::Tensor target = pictureOf(*g, known);
  LatentSearchOptions options;
  options.iterations = 300;
  const std::optional<LatentSearchReport> found = searchLatent(*g, config.latent, target, options);
  ASSERT_TRUE(found);
  EXPECT_TRUE(found->done);
  EXPECT_EQ(found->iteration, 300);
  ASSERT_EQ(found->z.size(), 16u);
  ASSERT_EQ(found->sample.size(), size_t(kPixels));
  ASSERT_EQ(found->l1_curve.size(), 300u);
  // The control: the best of the same starts before any step.
  const float start = found->l1_curve.front();
  EXPECT_GT(start, 0.05f);
  EXPECT_LT(found->l1, start / 10) << "start " << start << ", found " << found->l1;
  // The report's picture is G's picture of the report's z, and its L1 is that picture's.
  const torch::Tensor again = pictureOf(*g, found->z);
  EXPECT_NEAR((again - target).abs().mean().item<float>(), found->l1, 1e-5);
  EXPECT_NEAR(found->norm, normFromCentre(config.latent, found->z), 1e-4);
  EXPECT_FLOAT_EQ(found->typical, 4.0f);  // sqrt(16)
}

TEST(LatentSearchTest, TheNormPenaltyKeepsZNearTheTypicalNormWhereNoneLetsItDrift) {
  const TrainConfig config = mlpImageConfig();
  NetworkPtr g = generatorOf(config);
  // A target G cannot draw (a white image): chasing it drives z outward.
  const torch::Tensor white = torch::ones({kPixels});
  LatentSearchOptions options;
  options.iterations = 400;
  options.norm_weight = 0;
  const LatentSearchReport free = *searchLatent(*g, config.latent, white, options);
  options.norm_weight = 1;
  const LatentSearchReport held = *searchLatent(*g, config.latent, white, options);
  const double typical = typicalNorm(config.latent);
  std::printf(
      "white target: |z| %.2f without the penalty (L1 %.3f), %.2f with weight 1 (L1 %.3f), "
      "typical %.2f\n",
      free.norm, free.l1, held.norm, held.l1, typical);
  EXPECT_GT(free.norm, 2 * typical);
  EXPECT_LT(std::abs(held.norm - typical), 0.25 * typical);
}

TEST(LatentSearchTest, ReportsProgressAtItsIntervalAndCancels) {
  const TrainConfig config = mlpImageConfig();
  NetworkPtr g = generatorOf(config);
  const torch::Tensor target = pictureOf(*g, latentFromSeed(config.latent, 9));
  LatentSearchOptions options;
  options.iterations = 100;
  options.report_every = 25;
  std::vector<int> at;
  std::vector<size_t> curve_sizes;
  searchLatent(*g, config.latent, target, options, [&](const LatentSearchReport& report) {
    at.push_back(report.iteration);
    curve_sizes.push_back(report.l1_curve.size());
    EXPECT_FALSE(report.done);
    EXPECT_EQ(report.sample.size(), size_t(kPixels));
  });
  EXPECT_EQ(at, (std::vector<int>{25, 50, 75}));
  EXPECT_EQ(curve_sizes, (std::vector<size_t>{26, 51, 76}));
  std::atomic<bool> cancel{false};
  int reports = 0;
  const auto stopped = searchLatent(
      *g, config.latent, target, options,
      [&](const LatentSearchReport&) {
        ++reports;
        cancel = true;
      },
      [&] { return cancel.load(); });
  EXPECT_FALSE(stopped);
  EXPECT_EQ(reports, 1);
}

TEST(LatentSearchTest, LeavesGAsItWas) {
  const TrainConfig config = mlpImageConfig();
  NetworkPtr g = generatorOf(config);
  g->train();
  std::vector<torch::Tensor> before;
  for (const auto& p : g->parameters()) before.push_back(p.detach().clone());
  const torch::Tensor target = pictureOf(*g, latentFromSeed(config.latent, 5));
  g->train();  // pictureOf ran it as it was: in train mode
  LatentSearchOptions options;
  options.iterations = 20;
  searchLatent(*g, config.latent, target, options);
  EXPECT_TRUE(g->is_training());
  const auto after = g->parameters();
  ASSERT_EQ(after.size(), before.size());
  for (size_t i = 0; i < after.size(); ++i) {
    EXPECT_TRUE(after[i].requires_grad());
    EXPECT_FALSE(after[i].grad().defined());  // no gradient reached G's weights
    EXPECT_TRUE(after[i].equal(before[i]));
  }
}

TEST(LatentSearchTest, AUniformPriorKeepsZInItsSupport) {
  TrainConfig config = mlpImageConfig();
  config.latent.kind = LatentKind::Uniform;
  NetworkPtr g = generatorOf(config);
  LatentSearchOptions options;
  options.iterations = 100;
  options.norm_weight = 0;
  const LatentSearchReport found =
      *searchLatent(*g, config.latent, torch::ones({kPixels}), options);
  for (const float v : found.z) {
    EXPECT_GE(v, 0);
    EXPECT_LE(v, 1);
  }
}

TEST(LatentSearchTest, RefusesBadInputNamingTheFieldAndTheRange) {
  const std::vector<float> target(kPixels, 0.0f);
  const auto error = [&](LatentSearchOptions options, std::vector<float> values = {}) {
    if (values.empty()) values = target;
    return latentSearchError(options, values.data(), values.size(), kPixels);
  };
  EXPECT_EQ(error({}), "");
  EXPECT_EQ(error({.iterations = 0}), "find z: iterations 0; give 1 to 5000");
  EXPECT_EQ(error({.iterations = 5001}), "find z: iterations 5001; give 1 to 5000");
  EXPECT_EQ(error({.restarts = 17}), "find z: restarts 17; give 1 to 16");
  EXPECT_EQ(error({.learning_rate = 0}), "find z: learning rate 0; give a finite number above 0");
  EXPECT_EQ(error({.norm_weight = -1}), "find z: norm weight -1; give 0 to 100");
  EXPECT_EQ(error({.report_every = -1}),
            "find z: report every -1 iterations; give 0 (no progress) or more");
  EXPECT_EQ(latentSearchError({}, target.data(), 10, kPixels),
            "find z: target has 10 values; this G draws 784");
  std::vector<float> bright = target;
  bright[3] = 1.5f;
  EXPECT_EQ(error({}, bright),
            "find z: target value 3 is 1.5; give values in [-1, 1] (pixels as the data has them)");
  bright[3] = std::numeric_limits<float>::quiet_NaN();
  EXPECT_NE(error({}, bright).find("target value 3 is nan"), std::string::npos);
  // searchLatent throws the same text.
  const TrainConfig config = mlpImageConfig();
  NetworkPtr g = generatorOf(config);
  try {
    searchLatent(*g, config.latent, torch::zeros({10}), {});
    FAIL() << "a target of 10 values was searched";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "find z: target has 10 values; this G draws 784");
  }
}

}  // namespace
}  // namespace ganscope
