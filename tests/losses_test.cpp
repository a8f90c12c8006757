// GAN losses at known points: D = 1/2 everywhere, and agreement with the log-form definitions.
#include <gtest/gtest.h>

#include <cmath>

#include "core/losses.hpp"

namespace ganscope {
namespace {

const double kLog2 = std::log(2.0);

TEST(LossesTest, AtDOneHalfTheLossesTakeTheirEquilibriumValues) {
  const torch::Tensor logits = torch::zeros({8, 1});  // D = sigmoid(0) = 1/2
  const torch::Tensor labels = torch::cat({torch::ones({4, 1}), torch::zeros({4, 1})});
  EXPECT_NEAR(discriminatorLoss(logits, labels).item<double>(), 2 * kLog2, 1e-6);
  EXPECT_NEAR(generatorLoss(LossKind::NonSaturating, logits).item<double>(), kLog2, 1e-6);
  EXPECT_NEAR(generatorLoss(LossKind::Minimax, logits).item<double>(), -kLog2, 1e-6);
}

TEST(LossesTest, MatchTheLogFormsOfThePaper) {
  const torch::Tensor real = torch::tensor({2.0f, -1.0f}).unsqueeze(1);
  const torch::Tensor fake = torch::tensor({0.5f, -3.0f}).unsqueeze(1);
  const torch::Tensor d_real = real.sigmoid(), d_fake = fake.sigmoid();
  const double d_expected =
      -(d_real.log().mean() + (1 - d_fake).log().mean()).item<double>();
  const torch::Tensor labels = torch::cat({torch::ones({2, 1}), torch::zeros({2, 1})});
  EXPECT_NEAR(discriminatorLoss(torch::cat({real, fake}), labels).item<double>(), d_expected, 1e-5);
  EXPECT_NEAR(generatorLoss(LossKind::Minimax, fake).item<double>(),
              (1 - d_fake).log().mean().item<double>(), 1e-5);
  EXPECT_NEAR(generatorLoss(LossKind::NonSaturating, fake).item<double>(),
              -d_fake.log().mean().item<double>(), 1e-5);
}

TEST(LossesTest, SaturatingLossHasVanishingGradientWhereDRejectsFakes) {
  // Early in training D(G(z)) ~ 0: log(1 - D) is flat there, -log D is steep (the paper's point).
  const torch::Tensor logit = torch::full({1, 1}, -8.0f, torch::requires_grad());
  generatorLoss(LossKind::Minimax, logit).backward();
  const double saturating = std::abs(logit.grad().item<double>());
  logit.mutable_grad().zero_();
  generatorLoss(LossKind::NonSaturating, logit).backward();
  const double non_saturating = std::abs(logit.grad().item<double>());
  EXPECT_LT(saturating, 1e-3);
  EXPECT_GT(non_saturating, 0.99);
}

TEST(LossesTest, ScalarHelpersAreStableAtExtremes) {
  EXPECT_NEAR(softplus(0.0), kLog2, 1e-12);
  EXPECT_DOUBLE_EQ(softplus(1000.0), 1000.0);
  EXPECT_NEAR(softplus(-1000.0), 0.0, 1e-300);
  EXPECT_DOUBLE_EQ(sigmoid(0.0), 0.5);
}

}  // namespace
}  // namespace ganscope
