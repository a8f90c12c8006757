// Gradient penalties (WGAN-GP, R1) at critics with known slopes and against finite
// differences.
#include <gtest/gtest.h>

#include <ATen/CPUGeneratorImpl.h>

#include "core/losses/gradient_penalty.hpp"
#include "core/models/mlp.hpp"

namespace ganscope {
namespace {

/// A 2-input critic that is exactly linear, D(x) = slope * (x0 + x1) / sqrt(2) + c, where
/// x > -10: one ReLU layer passing x through (bias 10 keeps it active), a linear output.
Mlp linearCritic(double slope) {
  MlpConfig config;
  config.hidden_layers = 1;
  config.width = 2;
  Mlp critic(MlpOptions::from(config, 2, 1));
  torch::NoGradGuard no_grad;
  critic->layers()[0]->weight.copy_(torch::eye(2));
  critic->layers()[0]->bias.fill_(10);
  critic->layers()[1]->weight.fill_(slope / std::sqrt(2.0));
  critic->layers()[1]->bias.zero_();
  for (auto& p : critic->parameters()) p.mutable_grad() = torch::zeros_like(p);
  return critic;
}

double gradNorm(Mlp& critic) {
  double sum = 0;
  for (const auto& p : critic->parameters()) sum += p.grad().square().sum().item<double>();
  return std::sqrt(sum);
}

TEST(GradientPenaltyTest, UnitSlopeCriticHasNoWganGpPenalty) {
  Mlp critic = linearCritic(1.0);
  const torch::Tensor points = torch::randn({64, 2});
  EXPECT_NEAR(addGradientPenalty(*critic, points, 1.0, 10.0), 0.0, 1e-10);
  EXPECT_NEAR(gradNorm(critic), 0.0, 1e-5);  // float rounding of |grad| - 1
}

TEST(GradientPenaltyTest, SteeperCriticsArePenalisedByTheirSlope) {
  Mlp critic = linearCritic(3.0);
  const torch::Tensor points = torch::randn({64, 2});
  EXPECT_NEAR(addGradientPenalty(*critic, points, 1.0, 1.0), 4.0, 1e-4);  // (3 - 1)^2
  EXPECT_GT(gradNorm(critic), 0.1);  // and the penalty's gradient reached the weights
  Mlp r1 = linearCritic(3.0);
  EXPECT_NEAR(addGradientPenalty(*r1, points, 0.0, 1.0), 9.0, 1e-4);  // |grad|^2
}

TEST(GradientPenaltyTest, PenaltyGradientMatchesFiniteDifferences) {
  torch::manual_seed(3);
  MlpConfig config;
  config.hidden_layers = 2;
  config.width = 8;
  config.activation = Activation::Tanh;
  Mlp critic(MlpOptions::from(config, 2, 1));
  for (auto& p : critic->parameters()) p.mutable_grad() = torch::zeros_like(p);
  const torch::Tensor points = torch::randn({16, 2});
  addGradientPenalty(*critic, points, 1.0, 1.0);
  torch::Tensor weight = critic->layers()[1]->weight;
  const double analytic = weight.grad()[2][3].item<double>();
  auto penaltyAt = [&](double delta) {
    torch::NoGradGuard no_grad;
    weight[2][3] += delta;
    Mlp copy = critic;
    for (auto& p : copy->parameters()) p.mutable_grad().zero_();
    const double value = addGradientPenalty(*copy, points, 1.0, 1.0);
    weight[2][3] -= delta;
    return value;
  };
  const double h = 1e-2;
  EXPECT_NEAR(analytic, (penaltyAt(h) - penaltyAt(-h)) / (2 * h), 2e-3);
}

TEST(GradientPenaltyTest, InterpolatesOnTheSegments) {
  at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(1);
  const torch::Tensor real = torch::ones({1000, 2}), fake = torch::zeros({1000, 2});
  const torch::Tensor between = interpolate(real, fake, gen);
  EXPECT_TRUE(between.select(1, 0).equal(between.select(1, 1)));  // one fraction per row
  EXPECT_GE(between.min().item<float>(), 0.0f);
  EXPECT_LE(between.max().item<float>(), 1.0f);
  EXPECT_NEAR(between.mean().item<double>(), 0.5, 0.03);
}

}  // namespace
}  // namespace ganscope
