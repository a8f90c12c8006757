// The autograd engine against the fast path (a Trainer on its default engine): the same MLP, seed
// and config stepped 20 steps by each gives the same losses, gradient norms and parameters after
// every step, for
// every loss, remedy and optimiser; controls show that a changed seed or remedy breaks the match.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <iomanip>
#include <sstream>
#include <string>

#include "core/config/presets.hpp"
#include "core/engine/step/autograd_engine.hpp"
#include "core/engine/step/fast_engine.hpp"
#include "core/engine/step/step_driver.hpp"
#include "core/engine/trainer.hpp"

namespace ganscope {
namespace {

constexpr int kSteps = 20;
/// Relative tolerance: |a - b| <= kTolerance * max(1, |a|, |b|) for every loss figure and every
/// parameter (elementwise), after every step.
constexpr double kTolerance = 1e-5;

double relativeDifference(double a, double b) {
  return std::abs(a - b) / std::max({1.0, std::abs(a), std::abs(b)});
}

/// The largest elementwise relative difference of two parameter vectors; 0 for networks of
/// different shapes (a control with another D input width compares the losses only).
double relativeDifference(const torch::Tensor& a, const torch::Tensor& b) {
  if (a.sizes() != b.sizes()) return 0;
  const torch::Tensor scale = torch::maximum(torch::maximum(a.abs(), b.abs()), torch::ones_like(a));
  return ((a - b).abs() / scale).max().item<double>();
}

double relativeDifference(const StepStats& a, const StepStats& b) {
  return std::max({relativeDifference(a.d_loss, b.d_loss), relativeDifference(a.g_loss, b.g_loss),
                   relativeDifference(a.value, b.value),
                   relativeDifference(a.d_real_mean, b.d_real_mean),
                   relativeDifference(a.d_fake_mean, b.d_fake_mean),
                   relativeDifference(a.g_grad_norm, b.g_grad_norm),
                   relativeDifference(a.d_grad_norm, b.d_grad_norm)});
}

/// Steps `fast_config` with the Trainer and `autograd_config` with a GanState and the autograd
/// engine, `kSteps` full steps each, and returns the largest relative difference of the step
/// stats and of G's and D's parameters over all steps.
double worstDifference(const TrainConfig& fast_config, const TrainConfig& autograd_config) {
  Trainer trainer(fast_config);
  GanState state(autograd_config);
  AutogradEngine engine;
  double worst =
      std::max(relativeDifference(trainer.state().g_params->values(), state.g_params->values()),
               relativeDifference(trainer.state().d_params->values(), state.d_params->values()));
  float largest_g = 0, largest_d = 0;
  for (int i = 0; i < kSteps; ++i) {
    const StepStats fast = trainer.step(StepTarget::Both);
    const StepStats autograd = runStep(engine, state, StepTarget::Both);
    EXPECT_EQ(fast.step, autograd.step);
    largest_g = std::max(largest_g, autograd.g_grad_norm);
    largest_d = std::max(largest_d, autograd.d_grad_norm);
    worst = std::max(
        {worst, relativeDifference(fast, autograd),
         relativeDifference(trainer.state().g_params->values(), state.g_params->values()),
         relativeDifference(trainer.state().d_params->values(), state.d_params->values())});
  }
  // The norms are measured, not left at 0, so their agreement means something (a hinge D whose
  // margins all hold has an exact 0 gradient at some steps, not at all).
  EXPECT_GT(largest_g, 0);
  EXPECT_GT(largest_d, 0);
  return worst;
}

/// A small 2-D GAN (ring of 8, normal z) with every remedy off; each case changes one thing.
TrainConfig baseConfig() {
  TrainConfig config = presetConfig("ring-streak");
  config.generator.width = 64;
  config.discriminator.width = 64;
  config.hyper.batch_size = 64;
  config.hyper.g_opt.lr = config.hyper.d_opt.lr = 1e-3f;
  return config;
}

/// Both networks on SGD with momentum. The critic losses are compared on SGD: with a ReLU critic
/// their gradient on a hidden bias is w (n_fake_active - n_real_active) / b, exactly 0 whenever
/// a unit is active on as many real as fake rows, and each engine computes that 0 as a different
/// rounding residue (~1e-9). Adam and RMSprop divide by the gradient's size and turn the residue
/// into a step of +-lr, so those parameters drift by up to ~1e-3 in 20 steps with no difference
/// in the engines' arithmetic (measured: 1.2e-4 for wgan_clip, 6e-3 for wgan_gp on Adam).
void useSgd(TrainConfig& c) {
  c.hyper.g_opt.kind = c.hyper.d_opt.kind = OptimizerKind::Sgd;
  c.hyper.g_opt.lr = c.hyper.d_opt.lr = 0.05f;
}

struct EngineCase {
  std::string name;
  std::function<void(TrainConfig&)> change;
};

void PrintTo(const EngineCase& c, std::ostream* out) {
  *out << c.name;
}

std::vector<EngineCase> engineCases() {
  std::vector<EngineCase> cases;
  for (LossKind loss : {LossKind::Minimax, LossKind::NonSaturating, LossKind::WganClip,
                        LossKind::WganGp, LossKind::LeastSquares, LossKind::Hinge}) {
    cases.push_back({std::string("loss_") + toString(loss), [loss](TrainConfig& c) {
                       c.hyper.loss = loss;
                       c.hyper.gp_lambda = 1.0f;
                       if (isCritic(loss)) useSgd(c);
                     }});
  }
  cases.push_back({"pack_2", [](TrainConfig& c) { c.discriminator.pack = 2; }});
  cases.push_back(
      {"minibatch_stddev", [](TrainConfig& c) { c.discriminator.minibatch_stddev = true; }});
  cases.push_back({"pack_2_stddev_wgan_gp", [](TrainConfig& c) {
                     c.discriminator.pack = 2;
                     c.discriminator.minibatch_stddev = true;
                     c.hyper.loss = LossKind::WganGp;
                     c.hyper.gp_lambda = 1.0f;
                     useSgd(c);
                   }});
  cases.push_back({"r1", [](TrainConfig& c) { c.hyper.r1_gamma = 1.0f; }});
  cases.push_back({"instance_noise_annealed", [](TrainConfig& c) {
                     c.hyper.instance_noise = 0.2f;
                     c.hyper.noise_anneal_steps = 10;  // reaches 0 halfway through the 20 steps
                   }});
  cases.push_back({"label_smoothing", [](TrainConfig& c) { c.hyper.real_label = 0.9f; }});
  cases.push_back({"lsgan_label_smoothing", [](TrainConfig& c) {
                     c.hyper.loss = LossKind::LeastSquares;
                     c.hyper.real_label = 0.9f;
                   }});
  cases.push_back({"lr_half_life", [](TrainConfig& c) { c.hyper.lr_half_life = 5; }});
  cases.push_back({"optimiser_sgd", useSgd});
  cases.push_back({"optimiser_rmsprop", [](TrainConfig& c) {
                     c.hyper.g_opt.kind = c.hyper.d_opt.kind = OptimizerKind::RmsProp;
                   }});
  cases.push_back({"optimiser_adam_betas", [](TrainConfig& c) {
                     c.hyper.g_opt.beta1 = c.hyper.d_opt.beta1 = 0.9f;
                     c.hyper.g_opt.beta2 = c.hyper.d_opt.beta2 = 0.99f;
                   }});
  cases.push_back({"d_steps_3", [](TrainConfig& c) { c.hyper.d_steps = 3; }});
  cases.push_back({"unrolled_3", [](TrainConfig& c) { c.hyper.unrolled_steps = 3; }});
  cases.push_back({"leaky_relu_tanh", [](TrainConfig& c) {
                     c.generator.activation = Activation::LeakyRelu;
                     c.discriminator.activation = Activation::Tanh;
                   }});
  cases.push_back({"figure1_1d_uniform_z", [](TrainConfig& c) { c = presetConfig("figure1"); }});
  return cases;
}

class StepEngineTest : public testing::TestWithParam<EngineCase> {};

TEST_P(StepEngineTest, AutogradMatchesTheFastPathStepByStep) {
  TrainConfig config = baseConfig();
  GetParam().change(config);
  const double worst = worstDifference(config, config);
  std::ostringstream text;
  text << std::scientific << std::setprecision(2) << worst;
  RecordProperty("worst_relative_difference", text.str());
  EXPECT_LE(worst, kTolerance) << GetParam().name;
}

INSTANTIATE_TEST_SUITE_P(EveryLossAndRemedy, StepEngineTest, testing::ValuesIn(engineCases()),
                         [](const testing::TestParamInfo<EngineCase>& info) {
                           return info.param.name;
                         });

TEST(GanStateTest, StartsFromTheTrainersWeightsBitForBit) {
  TrainConfig config = baseConfig();
  config.discriminator.pack = 2;
  Trainer trainer(config);
  const GanState state(config);
  EXPECT_TRUE(torch::equal(trainer.state().g_params->values(), state.g_params->values()));
  EXPECT_TRUE(torch::equal(trainer.state().d_params->values(), state.d_params->values()));
  config.seed += 1;  // the control: another seed, other weights
  EXPECT_FALSE(
      torch::equal(trainer.state().g_params->values(), GanState(config).g_params->values()));
}

TEST(AutogradEngineTest, TrainsTheSameInsideInferenceMode) {
  TrainConfig config = baseConfig();
  config.discriminator.minibatch_stddev = true;
  config.hyper.r1_gamma = 1.0f;
  GanState plain(config), guarded(config);
  const torch::Tensor initial = plain.g_params->values().clone();
  AutogradEngine plain_engine, guarded_engine;
  for (int i = 0; i < 5; ++i) {
    runStep(plain_engine, plain, StepTarget::Both);
    c10::InferenceMode inference;  // as the fast path's trainer runs its steps
    runStep(guarded_engine, guarded, StepTarget::Both);
  }
  EXPECT_TRUE(torch::equal(plain.g_params->values(), guarded.g_params->values()));
  EXPECT_TRUE(torch::equal(plain.d_params->values(), guarded.d_params->values()));
  EXPECT_FALSE(torch::equal(plain.g_params->values(), initial));  // the control: G did move
}

// Controls: the comparison can fail. The autograd run without the change (or another seed)
// drifts from the fast path far beyond the tolerance.
/// G's and D's parameters after `steps` full steps of a Trainer on `config`.
std::pair<torch::Tensor, torch::Tensor> trainerWeights(const TrainConfig& config, int steps) {
  Trainer trainer(config);
  for (int i = 0; i < steps; ++i) trainer.step(StepTarget::Both);
  return {trainer.state().g_params->values().clone(), trainer.state().d_params->values().clone()};
}

/// The same with a GanState stepped by `Engine` directly.
template <class Engine>
std::pair<torch::Tensor, torch::Tensor> engineWeights(const TrainConfig& config, int steps) {
  GanState state(config);
  std::unique_ptr<Engine> engine;
  if constexpr (std::is_constructible_v<Engine, GanState&>) {
    engine = std::make_unique<Engine>(state);
  } else {
    engine = std::make_unique<Engine>();
  }
  c10::InferenceMode inference;  // as the Trainer steps
  for (int i = 0; i < steps; ++i) runStep(*engine, state, StepTarget::Both);
  return {state.g_params->values().clone(), state.d_params->values().clone()};
}

bool same(const std::pair<torch::Tensor, torch::Tensor>& a,
          const std::pair<torch::Tensor, torch::Tensor>& b) {
  return torch::equal(a.first, b.first) && torch::equal(a.second, b.second);
}

TEST(StepEngineChoiceTest, TheConfigChoosesTheEngineAndAutoMeansTheFastPathForMlps) {
  TrainConfig config = baseConfig();
  config.engine = EngineKind::Autograd;
  const auto autograd = trainerWeights(config, 5);
  EXPECT_TRUE(same(autograd, engineWeights<AutogradEngine>(config, 5)));
  config.engine = EngineKind::Fast;
  const auto fast = trainerWeights(config, 5);
  EXPECT_TRUE(same(fast, engineWeights<FastEngine>(config, 5)));
  config.engine = EngineKind::Auto;
  EXPECT_TRUE(same(trainerWeights(config, 5), fast));
  EXPECT_EQ(engineFor(config), EngineKind::Fast);
  // The control: the engines agree only up to rounding, so the choice is visible bit for bit.
  EXPECT_FALSE(same(autograd, fast));
}

TEST(StepEngineControlTest, AnotherSeedDiffers) {
  const TrainConfig config = baseConfig();
  TrainConfig other = config;
  other.seed = config.seed + 1;
  EXPECT_GT(worstDifference(config, other), 100 * kTolerance);
}

TEST(StepEngineControlTest, EachRemedyLeftOutDiffers) {
  const TrainConfig base = baseConfig();
  for (const EngineCase& c : engineCases()) {
    // The base loss leaves nothing out; figure1 is another network, not one change.
    if (c.name == "loss_non_saturating" || c.name == "figure1_1d_uniform_z") continue;
    TrainConfig changed = base;
    c.change(changed);
    EXPECT_GT(worstDifference(changed, base), 100 * kTolerance) << c.name;
  }
}

TEST(StepEngineControlTest, UnrolledDiffersFromKeepingTheLookAheadUpdates) {
  // The same D updates and random draws as unrolled_steps 3, but kept: D is not taken back.
  TrainConfig unrolled = baseConfig();
  unrolled.hyper.unrolled_steps = 3;
  TrainConfig kept = baseConfig();
  kept.hyper.d_steps = 1 + 3;
  EXPECT_GT(worstDifference(unrolled, kept), 100 * kTolerance);
}

}  // namespace
}  // namespace ganscope
