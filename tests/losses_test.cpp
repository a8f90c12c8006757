// GAN losses at known points (D = 1/2), against the paper's log forms, and their gradients
// against finite differences.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/losses/losses.hpp"

namespace ganscope {
namespace {

const double kLog2 = std::log(2.0);

double d(double logit) {
  return 1.0 / (1.0 + std::exp(-logit));
}

TEST(LossesTest, AtDOneHalfTheLossesTakeTheirEquilibriumValues) {
  const std::vector<float> logits(8, 0.0f);  // D = sigmoid(0) = 1/2
  std::vector<float> grad(8);
  EXPECT_NEAR(discriminatorLoss(LossKind::Minimax, logits, grad), 2 * kLog2, 1e-12);
  EXPECT_NEAR(generatorLoss(LossKind::NonSaturating, logits, grad), kLog2, 1e-12);
  EXPECT_NEAR(generatorLoss(LossKind::Minimax, logits, grad), -kLog2, 1e-12);
}

TEST(LossesTest, MatchTheLogFormsOfThePaper) {
  const std::vector<float> logits = {2.0f, -1.0f, 0.5f, -3.0f};  // [real; fake]
  std::vector<float> grad(4);
  const double expected_d =
      -(std::log(d(2)) + std::log(d(-1))) / 2 - (std::log(1 - d(0.5)) + std::log(1 - d(-3))) / 2;
  EXPECT_NEAR(discriminatorLoss(LossKind::Minimax, logits, grad), expected_d, 1e-9);
  const std::vector<float> fake = {0.5f, -3.0f};
  EXPECT_NEAR(generatorLoss(LossKind::Minimax, fake, grad),
              (std::log(1 - d(0.5)) + std::log(1 - d(-3))) / 2, 1e-9);
  EXPECT_NEAR(generatorLoss(LossKind::NonSaturating, fake, grad),
              -(std::log(d(0.5)) + std::log(d(-3))) / 2, 1e-9);
}

/// Central differences of `loss` at each logit against the analytic gradient.
template <class Loss>
void expectGradientMatches(Loss loss, std::vector<float> logits) {
  std::vector<float> grad(logits.size()), scratch(logits.size());
  loss(logits, grad);
  for (size_t i = 0; i < logits.size(); ++i) {
    const float saved = logits[i];
    const float h = 1e-2f;
    logits[i] = saved + h;
    const double up = loss(logits, scratch);
    logits[i] = saved - h;
    const double down = loss(logits, scratch);
    logits[i] = saved;
    EXPECT_NEAR(grad[i], (up - down) / (2 * h), 1e-4) << "logit " << i;
  }
}

constexpr LossKind kAllLosses[] = {LossKind::Minimax, LossKind::NonSaturating, LossKind::WganClip,
                                   LossKind::WganGp,  LossKind::LeastSquares,  LossKind::Hinge};

TEST(LossesTest, GradientsMatchFiniteDifferences) {
  // Away from the hinge's kinks at +-1, where finite differences are not defined.
  const std::vector<float> logits = {1.5f, -0.5f, 3.0f, 0.2f, -2.0f, 0.7f};
  for (LossKind kind : kAllLosses) {
    SCOPED_TRACE(toString(kind));
    expectGradientMatches([kind](auto& l, auto& g) { return discriminatorLoss(kind, l, g, 0.9); },
                          logits);
    expectGradientMatches([kind](auto& l, auto& g) { return generatorLoss(kind, l, g); }, logits);
  }
}

TEST(LossesTest, WassersteinHingeAndLeastSquaresAtKnownScores) {
  const std::vector<float> scores = {2.0f, 0.5f, -1.5f, 0.0f};  // real {2, 0.5}, fake {-1.5, 0}
  const std::vector<float> fake = {-1.5f, 0.0f};
  std::vector<float> grad(4);
  // WGAN: D's loss is E[fake] - E[real], the negative of the Wasserstein estimate.
  EXPECT_NEAR(discriminatorLoss(LossKind::WganGp, scores, grad), -0.75 - 1.25, 1e-12);
  EXPECT_FLOAT_EQ(grad[0], -0.5f);
  EXPECT_FLOAT_EQ(grad[3], 0.5f);
  EXPECT_NEAR(generatorLoss(LossKind::WganClip, fake, grad), 0.75, 1e-12);
  // Hinge: only real scores below 1 and fake scores above -1 cost anything.
  EXPECT_NEAR(discriminatorLoss(LossKind::Hinge, scores, grad), (0.0 + 0.5) / 2 + (0.0 + 1.0) / 2,
              1e-12);
  EXPECT_FLOAT_EQ(grad[0], 0.0f);
  EXPECT_FLOAT_EQ(grad[2], 0.0f);
  // LSGAN: half the squared distance to the labels 1 (real) and 0 (fake); G aims fakes at 1.
  EXPECT_NEAR(discriminatorLoss(LossKind::LeastSquares, scores, grad),
              0.5 * ((1 + 0.25) / 2 + (2.25 + 0) / 2), 1e-12);
  EXPECT_NEAR(generatorLoss(LossKind::LeastSquares, fake, grad), 0.5 * (6.25 + 1) / 2, 1e-12);
}

TEST(LossesTest, OneSidedLabelSmoothing) {
  // At D = 1/2 the target does not matter: each real term is still log 2.
  const std::vector<float> half(8, 0.0f);
  std::vector<float> grad(8);
  EXPECT_NEAR(discriminatorLoss(LossKind::Minimax, half, grad, 0.9), 2 * kLog2, 1e-12);
  // The real rows aim at 0.9: zero gradient exactly where D(x) = 0.9; fake rows are unchanged.
  const float at_target = static_cast<float>(std::log(0.9 / 0.1));
  const std::vector<float> logits = {at_target, 3.0f, 0.5f, -1.0f};
  discriminatorLoss(LossKind::Minimax, logits, grad, 0.9);
  EXPECT_NEAR(grad[0], 0.0, 1e-7);
  EXPECT_GT(grad[1], 0.0f);  // D(x) above 0.9 is pushed down
  std::vector<float> plain(4);
  discriminatorLoss(LossKind::Minimax, logits, plain, 1.0);
  EXPECT_FLOAT_EQ(grad[2], plain[2]);
  EXPECT_FLOAT_EQ(grad[3], plain[3]);
  expectGradientMatches(
      [](auto& l, auto& g) { return discriminatorLoss(LossKind::Minimax, l, g, 0.8); },
      {1.5f, -0.5f, 3.0f, 0.2f});
}

TEST(LossesTest, SaturatingLossHasVanishingGradientWhereDRejectsFakes) {
  // Early in training D(G(z)) ~ 0: log(1 - D) is flat there, -log D is steep (the paper's point).
  const std::vector<float> logit = {-8.0f};
  std::vector<float> grad(1);
  generatorLoss(LossKind::Minimax, logit, grad);
  EXPECT_LT(std::abs(grad[0]), 1e-3);
  generatorLoss(LossKind::NonSaturating, logit, grad);
  EXPECT_GT(std::abs(grad[0]), 0.99);
}

TEST(LossesTest, StableAtExtremeLogits) {
  EXPECT_NEAR(softplus(0.0), kLog2, 1e-12);
  EXPECT_DOUBLE_EQ(softplus(1000.0), 1000.0);
  EXPECT_NEAR(softplus(-1000.0), 0.0, 1e-300);
  const std::vector<float> logits = {500.0f, -500.0f};
  std::vector<float> grad(2);
  EXPECT_TRUE(std::isfinite(discriminatorLoss(LossKind::Minimax, logits, grad)));
  EXPECT_TRUE(std::isfinite(grad[0]) && std::isfinite(grad[1]));
}

}  // namespace
}  // namespace ganscope
