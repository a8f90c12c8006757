// GaussianMixture: samples have the configured statistics; the 1-D density integrates to one.
#include <gtest/gtest.h>

#include <ATen/CPUGeneratorImpl.h>

#include "core/data/gaussian_mixture.hpp"

namespace ganscope {
namespace {

TEST(DataTest, GaussianSamplesHaveTheConfiguredMeanAndStd) {
  DataConfig config;
  config.mean = 4.0f;
  config.std = 0.5f;
  GaussianMixture data(config);
  at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(1);
  torch::Tensor x = torch::empty({100000, 1});
  data.sample(x, gen);
  EXPECT_NEAR(x.mean().item<double>(), 4.0, 0.01);
  EXPECT_NEAR(x.std().item<double>(), 0.5, 0.01);
}

TEST(DataTest, BimodalSamplesSplitEvenlyBetweenTheModes) {
  DataConfig config;
  config.kind = DataKind::Bimodal;
  config.std = 0.3f;
  GaussianMixture data(config);
  at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(2);
  torch::Tensor x = torch::empty({100000, 1});
  data.sample(x, gen);
  const torch::Tensor low = x.lt(4.0);
  EXPECT_NEAR(low.to(torch::kDouble).mean().item<double>(), 0.5, 0.01);
  EXPECT_NEAR(x.masked_select(low).mean().item<double>(), 2.0, 0.01);
  EXPECT_NEAR(x.masked_select(~low).mean().item<double>(), 6.0, 0.01);
  EXPECT_NEAR(x.masked_select(low).std().item<double>(), 0.3, 0.01);
}

TEST(DataTest, DensityIntegratesToOneOverTheSupport) {
  for (DataKind kind : {DataKind::Gaussian, DataKind::Bimodal}) {
    DataConfig config;
    config.kind = kind;
    config.mean = 1.0f;
    config.std = 0.7f;
    config.separation = 3.0f;
    GaussianMixture data(config);
    const auto [lo, hi] = data.support()[0];
    double integral = 0;
    const int n = 10000;
    for (int i = 0; i < n; ++i) integral += data.density1d(lo + (hi - lo) * (i + 0.5) / n);
    EXPECT_NEAR(integral * (hi - lo) / n, 1.0, 1e-3);
  }
}

TEST(DataTest, RingSamplesSitOnTheirModes) {
  DataConfig config;
  config.kind = DataKind::Ring;
  config.std = 0.02f;
  GaussianMixture data(config);
  ASSERT_EQ(data.dim(), 2);
  ASSERT_EQ(data.centres().size(), 16u);
  EXPECT_NEAR(data.centres()[0], 2.0f, 1e-6);  // angle 0 on radius 2
  EXPECT_NEAR(data.centres()[5], 2.0f, 1e-6);  // angle pi/2: (0, 2)
  at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(3);
  torch::Tensor x = torch::empty({80000, 2});
  data.sample(x, gen);
  const torch::Tensor radius = x.norm(2, 1);
  EXPECT_NEAR(radius.mean().item<double>(), 2.0, 0.005);
  EXPECT_NEAR(radius.std().item<double>(), 0.02, 0.002);  // radial spread = the modes' std
  // Each of the 8 modes gets 1/8 of the samples.
  const torch::Tensor angle = torch::atan2(x.select(1, 1), x.select(1, 0));
  const torch::Tensor mode = torch::round(angle / (2 * M_PI / 8)).remainder(8);
  for (int m = 0; m < 8; ++m) {
    EXPECT_NEAR(mode.eq(m).to(torch::kDouble).mean().item<double>(), 0.125, 0.005) << m;
  }
}

TEST(DataTest, GridCentresAreEvenlySpacedAroundTheOrigin) {
  DataConfig config;
  config.kind = DataKind::Grid;
  GaussianMixture data(config);
  ASSERT_EQ(data.centres().size(), 50u);
  EXPECT_FLOAT_EQ(data.centres()[0], -4.0f);
  EXPECT_FLOAT_EQ(data.centres()[1], -4.0f);
  EXPECT_FLOAT_EQ(data.centres()[48], 4.0f);
  EXPECT_FLOAT_EQ(data.centres()[49], 4.0f);
  at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(4);
  torch::Tensor x = torch::empty({50000, 2});
  data.sample(x, gen);
  EXPECT_NEAR(x.mean().item<double>(), 0.0, 0.03);
  EXPECT_NEAR(x.select(1, 0).std().item<double>(), std::sqrt(8.0 + 0.25), 0.05);  // 2^2*2 + std^2
}

/// n samples of the 2-D data `config`, with the generator seeded by `seed`.
torch::Tensor sample2d(const DataConfig& config, int64_t n, uint64_t seed) {
  GaussianMixture data(config);
  EXPECT_EQ(data.dim(), 2);
  at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  torch::Tensor x = torch::empty({n, 2});
  data.sample(x, gen);
  return x;
}

TEST(DataTest, SingleGaussianIn2dHasTheConfiguredMeanAndStd) {
  DataConfig config;
  config.kind = DataKind::Gaussian2d;
  config.mean = 1.5f;
  config.std = 0.4f;
  const torch::Tensor x = sample2d(config, 100000, 3);
  EXPECT_TRUE(torch::allclose(x.mean(0), torch::tensor({1.5f, 1.5f}), 0, 0.01));
  EXPECT_TRUE(torch::allclose(x.std(0), torch::tensor({0.4f, 0.4f}), 0, 0.01));
}

TEST(DataTest, LineSamplesSpreadEvenlyAlongTheDiagonal) {
  DataConfig config;
  config.kind = DataKind::Line;
  config.radius = 2.0f;
  config.std = 0.05f;
  const torch::Tensor x = sample2d(config, 100000, 4);
  // Across the line: x - y has std sqrt(2) * 0.05; along it, uniform on [-2, 2] (std 4/sqrt(12)).
  EXPECT_NEAR((x.select(1, 0) - x.select(1, 1)).std().item<double>(), std::sqrt(2.0) * 0.05, 0.003);
  EXPECT_NEAR(x.select(1, 0).std().item<double>(), 4 / std::sqrt(12.0), 0.02);
  EXPECT_NEAR(x.mean().item<double>(), 0.0, 0.01);
}

TEST(DataTest, MoonsAndSpiralStayOnTheirCurves) {
  DataConfig config;
  config.std = 0.01f;
  config.radius = 2.0f;
  config.kind = DataKind::Moons;
  const torch::Tensor moons = sample2d(config, 20000, 5);
  // Each sample is within a few std of one of the two unit half circles (scaled by 2).
  const torch::Tensor outer = (moons / 2 + torch::tensor({0.5f, 0.25f})).norm(2, 1);
  const torch::Tensor inner = (moons / 2 - torch::tensor({0.5f, 0.25f})).norm(2, 1);
  const torch::Tensor off = torch::minimum((outer - 1).abs(), (inner - 1).abs()) * 2;
  EXPECT_LT(off.max().item<double>(), 6 * 0.01 + 0.01);
  EXPECT_NEAR(moons.select(1, 1).gt(0).to(torch::kDouble).mean().item<double>(), 0.5, 0.05);

  config.kind = DataKind::Spiral;
  const torch::Tensor spiral = sample2d(config, 20000, 6);
  // r = 2 t at angle 4 pi t: the angle predicted from the radius matches the sample's angle.
  const torch::Tensor t = spiral.norm(2, 1) / 2;
  const torch::Tensor predicted =
      torch::stack({torch::cos(4 * M_PI * t), torch::sin(4 * M_PI * t)}, 1);
  const torch::Tensor direction = spiral / spiral.norm(2, 1, true);
  EXPECT_GT((predicted * direction).sum(1).mean().item<double>(), 0.95);
  EXPECT_LE(spiral.norm(2, 1).max().item<double>(), 2.0 + 6 * 0.01);
}

TEST(DataTest, DrawnPointsAreSampledEquallyAndBlurred) {
  DataConfig config;
  config.kind = DataKind::Points;
  config.points = {-1.0f, 0.0f, 3.0f, 2.0f};
  config.std = 0.1f;
  const torch::Tensor x = sample2d(config, 100000, 7);
  const torch::Tensor left = x.select(1, 0).lt(1.0);
  EXPECT_NEAR(left.to(torch::kDouble).mean().item<double>(), 0.5, 0.01);
  EXPECT_NEAR(x.select(1, 1).masked_select(~left).mean().item<double>(), 2.0, 0.005);
  EXPECT_NEAR(x.select(1, 1).masked_select(left).std().item<double>(), 0.1, 0.005);
  EXPECT_FALSE(GaussianMixture(config).hasModes());
}

}  // namespace
}  // namespace ganscope
