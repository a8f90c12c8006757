// The vanishing gradient of the saturating loss: early in training, while D is confident, the
// norm of G's gradient under minimax (log(1 - D(G(z)))) is orders of magnitude below its norm
// under the non-saturating loss (-log D(G(z))); the control is the same config and seed with the
// other loss, and the first step, before D is confident. Also: the norm is that of the gradient
// the optimiser applies.
#include <gtest/gtest.h>

#include <cmath>

#include "core/config/presets.hpp"
#include "core/engine/trainer.hpp"

namespace ganscope {
namespace {

/// figure1 with k = 20 D updates per G update (D becomes confident within a few steps) and `loss`.
TrainConfig confidentD(LossKind loss) {
  TrainConfig config = presetConfig("figure1");
  config.hyper.d_steps = 20;
  config.hyper.loss = loss;
  return config;
}

/// Mean G gradient norm and mean D(G(z)) over steps [from, to) of `config`.
std::pair<double, double> meanGradient(const TrainConfig& config, int from, int to) {
  Trainer trainer(config);
  double norm = 0, fake = 0;
  for (int i = 0; i < to; ++i) {
    const StepStats s = trainer.step(StepTarget::Both);
    if (i < from) continue;
    norm += s.g_grad_norm;
    fake += s.d_fake_mean;
  }
  return {norm / (to - from), fake / (to - from)};
}

TEST(GradientNormTest, MinimaxStarvesGWhileDIsConfident) {
  // Steps 20-40: D rejects G's samples with D(G(z)) ~ 0.001-0.005. Measured: |grad G| ~0.01 under
  // minimax against ~25 non-saturating, three orders of magnitude.
  const auto [minimax, minimax_fake] = meanGradient(confidentD(LossKind::Minimax), 20, 40);
  const auto [saturating, ns_fake] = meanGradient(confidentD(LossKind::NonSaturating), 20, 40);
  RecordProperty("minimax_g_grad_norm", std::to_string(minimax));
  RecordProperty("non_saturating_g_grad_norm", std::to_string(saturating));
  EXPECT_LT(minimax_fake, 0.01);
  EXPECT_LT(ns_fake, 0.01);
  EXPECT_GT(saturating, 300 * minimax) << minimax << " vs " << saturating;
  // The control: at the first step, before D is confident (D(G(z)) ~ 0.44), the two are alike.
  const double first_minimax = meanGradient(confidentD(LossKind::Minimax), 0, 1).first;
  const double first_ns = meanGradient(confidentD(LossKind::NonSaturating), 0, 1).first;
  EXPECT_LT(first_ns, 2 * first_minimax) << first_minimax << " vs " << first_ns;
}

TEST(GradientNormTest, IsTheNormOfTheGradientAppliedByTheOptimiser) {
  // SGD without momentum moves G's weights by exactly lr * gradient: the norm of the move over
  // lr is the recorded norm.
  TrainConfig config = presetConfig("figure1");
  config.hyper.g_opt.kind = OptimizerKind::Sgd;
  config.hyper.g_opt.momentum = 0;
  config.hyper.g_opt.lr = 1e-3f;
  Trainer trainer(config);
  trainer.step(StepTarget::Both);
  const torch::Tensor before = trainer.state().g_params->values().clone();
  const StepStats s = trainer.step(StepTarget::Generator);
  const double moved = (trainer.state().g_params->values() - before).norm().item<double>();
  EXPECT_NEAR(moved / config.hyper.g_opt.lr, s.g_grad_norm, 1e-3 * s.g_grad_norm);
  EXPECT_GT(s.g_grad_norm, 0);
}

}  // namespace
}  // namespace ganscope
