// MlpGanPass against LibTorch autograd on the same MLP GAN modules (outputs, parameter and input
// gradients, BatchNorm running statistics, for several batch sizes), and the fast engine against
// the autograd engine on fashion-mlp's config step by step, with controls that can fail.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "core/config/presets.hpp"
#include "core/engine/step/autograd_engine.hpp"
#include "core/engine/step/fast_engine.hpp"
#include "core/engine/step/step_driver.hpp"
#include "core/models/image_models.hpp"
#include "core/models/mlp_gan.hpp"
#include "core/models/mlp_gan_pass.hpp"

namespace ganscope {
namespace {

/// max |a - b| over max(|b|), elementwise over whole tensors (1e-30 guards an all-zero b).
double relativeDifference(const torch::Tensor& a, const torch::Tensor& b) {
  return (a - b).abs().max().item<double>() / std::max(b.abs().max().item<double>(), 1e-30);
}

std::vector<torch::Tensor> cloned(const std::vector<torch::Tensor>& tensors) {
  std::vector<torch::Tensor> out;
  for (const auto& t : tensors) out.push_back(t.clone());
  return out;
}

void assign(const std::vector<torch::Tensor>& to, const std::vector<torch::Tensor>& from) {
  torch::NoGradGuard no_grad;
  for (size_t i = 0; i < to.size(); ++i) to[i].copy_(from[i]);
}

/// One forward and backward of `net` on random rows [n, in] with a random upstream gradient,
/// through autograd and through the pass, from the same buffers; expects outputs, input and
/// parameter gradients and the buffers after it to agree to 1e-5 relative, and the buffers to
/// have moved when there are any (so their agreement is not that of two untouched copies).
void expectPassMatchesAutograd(Network& net, FlatParameters& flat, MlpGanPass& pass, int64_t in,
                               int64_t out, int64_t n) {
  const torch::Tensor x = torch::randn({n, in}, torch::requires_grad());
  const torch::Tensor upstream = torch::randn({n, out});
  const std::vector<torch::Tensor> before = cloned(net.buffers());
  flat.grads().zero_();
  const torch::Tensor reference = net.forward(x);
  (reference * upstream).sum().backward();
  const torch::Tensor expected_grads = flat.grads().clone();
  const std::vector<torch::Tensor> expected_buffers = cloned(net.buffers());
  assign(net.buffers(), before);
  flat.grads().fill_(7);  // the pass overwrites them

  c10::InferenceMode inference;
  const torch::Tensor& y = pass.forward(x.detach());
  EXPECT_LT(relativeDifference(y, reference.detach()), 1e-5) << "n = " << n;
  const torch::Tensor& input_grad = pass.backward(upstream, true, true);
  EXPECT_LT(relativeDifference(input_grad, x.grad()), 1e-5) << "n = " << n;
  EXPECT_LT(relativeDifference(flat.grads(), expected_grads), 1e-5) << "n = " << n;
  const std::vector<torch::Tensor> buffers = net.buffers();
  for (size_t i = 0; i < buffers.size(); ++i) {
    EXPECT_LT(
        relativeDifference(buffers[i].to(torch::kDouble), expected_buffers[i].to(torch::kDouble)),
        1e-5)
        << "buffer " << i << ", n = " << n;
    EXPECT_FALSE(expected_buffers[i].equal(before[i])) << "buffer " << i << " did not move";
  }
}

TEST(MlpGanPassTest, GeneratorMatchesAutogradInTrainMode) {
  torch::manual_seed(3);
  MlpGanGenerator g(MlpGanGeneratorOptions().latent_dim(100));
  FlatParameters flat(*g);
  MlpGanPass pass(*g);
  ASSERT_EQ(g->buffers().size(), 9u);  // 3 BatchNorms: running mean, var, batches counted
  for (int64_t n : {64, 7, 64, 2}) expectPassMatchesAutograd(*g, flat, pass, 100, kImagePixels, n);
}

TEST(MlpGanPassTest, DiscriminatorMatchesAutograd) {
  torch::manual_seed(4);
  MlpGanDiscriminator d(MlpGanDiscriminatorOptions().in_features(kImagePixels + 1));
  FlatParameters flat(*d);
  MlpGanPass pass(*d);
  for (int64_t n : {128, 5, 128}) expectPassMatchesAutograd(*d, flat, pass, kImagePixels + 1, 1, n);
}

TEST(MlpGanPassTest, WithoutWeightGradsLeavesThemAloneAndGivesTheSameInputGrad) {
  MlpGanGenerator g(MlpGanGeneratorOptions().latent_dim(8));
  FlatParameters flat(*g);
  MlpGanPass pass(*g);
  c10::InferenceMode inference;
  const torch::Tensor z = torch::randn({16, 8}), upstream = torch::randn({16, kImagePixels});
  pass.forward(z);
  const torch::Tensor with = pass.backward(upstream, true, true).clone();
  flat.grads().fill_(7);
  pass.forward(z);
  const torch::Tensor& without = pass.backward(upstream, false, true);
  EXPECT_TRUE(torch::all(flat.grads() == 7).item<bool>());
  EXPECT_LT(relativeDifference(without, with), 1e-6);
  EXPECT_FALSE(pass.backward(upstream, true, false).defined());
  EXPECT_FALSE(torch::all(flat.grads() == 7).item<bool>());  // the control: these do write
}

TEST(MlpGanPassTest, RefusesEvalModeAndOtherNetworks) {
  MlpGanGenerator g(MlpGanGeneratorOptions().latent_dim(8));
  FlatParameters flat(*g);
  MlpGanPass pass(*g);
  c10::InferenceMode inference;
  EXPECT_NO_THROW(pass.forward(torch::randn({4, 8})));  // the control: train mode runs
  g->eval();
  EXPECT_THROW(pass.forward(torch::randn({4, 8})), std::logic_error);
  TrainConfig config;
  config.data.kind = DataKind::Images;
  config.model = ModelKind::Dcgan;
  config.generator.width = 8;
  const NetworkPtr dcgan = makeImageGenerator(config);
  try {
    MlpGanPass refused(*dcgan);
    ADD_FAILURE() << "the DCGAN was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("Linear, BatchNorm1d, LeakyReLU and Tanh"),
              std::string::npos)
        << e.what();
  }
}

// The engines on fashion-mlp's config.

constexpr int kSteps = 8;

/// The largest elementwise difference relative to max(1, |a|, |b|), as step_engine_test.
double scaledDifference(const torch::Tensor& a, const torch::Tensor& b) {
  const torch::Tensor scale = torch::maximum(torch::maximum(a.abs(), b.abs()), torch::ones_like(a));
  return ((a - b).abs() / scale).max().item<double>();
}

double scaledDifference(double a, double b) {
  return std::abs(a - b) / std::max({1.0, std::abs(a), std::abs(b)});
}

/// `kSteps` steps of `fast_config` on the fast engine and `autograd_config` on the autograd
/// engine, each on its own GanState; the largest difference of the step stats, G's and D's
/// parameters and G's BatchNorm buffers over all steps.
double worstDifference(const TrainConfig& fast_config, const TrainConfig& autograd_config) {
  GanState fast_state(fast_config), autograd_state(autograd_config);
  FastEngine fast(fast_state);
  AutogradEngine autograd;
  double worst = 0;
  for (int i = 0; i < kSteps; ++i) {
    StepStats a;
    {
      c10::InferenceMode inference;  // as the Trainer steps
      a = runStep(fast, fast_state, StepTarget::Both);
    }
    const StepStats b = runStep(autograd, autograd_state, StepTarget::Both);
    for (const auto& [x, y] :
         std::initializer_list<std::pair<double, double>>{{a.d_loss, b.d_loss},
                                                          {a.g_loss, b.g_loss},
                                                          {a.value, b.value},
                                                          {a.d_real_mean, b.d_real_mean},
                                                          {a.d_fake_mean, b.d_fake_mean},
                                                          {a.g_grad_norm, b.g_grad_norm},
                                                          {a.d_grad_norm, b.d_grad_norm}}) {
      worst = std::max(worst, scaledDifference(x, y));
    }
    worst = std::max(
        {worst, scaledDifference(fast_state.g_params->values(), autograd_state.g_params->values()),
         scaledDifference(fast_state.d_params->values(), autograd_state.d_params->values())});
    const auto fast_buffers = fast_state.generator->buffers();
    const auto autograd_buffers = autograd_state.generator->buffers();
    for (size_t k = 0; k < fast_buffers.size(); ++k) {
      worst = std::max(worst, scaledDifference(fast_buffers[k].to(torch::kDouble),
                                               autograd_buffers[k].to(torch::kDouble)));
    }
  }
  return worst;
}

struct EngineCase {
  std::string name;
  std::function<void(TrainConfig&)> change;
};

void PrintTo(const EngineCase& c, std::ostream* out) {
  *out << c.name;
}

/// fashion-mlp as it is, and with the remedies that change what the passes see.
std::vector<EngineCase> engineCases() {
  return {
      {"fashion_mlp", [](TrainConfig&) {}},
      {"pack_2_stddev",
       [](TrainConfig& c) {
         c.discriminator.pack = 2;
         c.discriminator.minibatch_stddev = true;
       }},
      {"noise_smoothing_d_steps_2",
       [](TrainConfig& c) {
         c.hyper.instance_noise = 0.1f;
         c.hyper.real_label = 0.9f;
         c.hyper.d_steps = 2;
       }},
      {"wgan_gp_sgd",
       [](TrainConfig& c) {
         c.hyper.loss = LossKind::WganGp;
         c.hyper.gp_lambda = 1;
         c.hyper.g_opt.kind = c.hyper.d_opt.kind = OptimizerKind::Sgd;
         c.hyper.g_opt.lr = c.hyper.d_opt.lr = 0.01f;
       }},
      {"r1_unrolled_2",
       [](TrainConfig& c) {
         c.hyper.r1_gamma = 1;
         c.hyper.unrolled_steps = 2;
       }},
  };
}

/// Relative tolerance of the engine comparison (see the measured figures in the test's
/// worst_relative_difference property).
constexpr double kEngineTolerance = 1e-4;

class MlpGanEngineTest : public testing::TestWithParam<EngineCase> {};

TEST_P(MlpGanEngineTest, FastMatchesAutogradStepByStep) {
  TrainConfig config = presetConfig("fashion-mlp");
  GetParam().change(config);
  const double worst = worstDifference(config, config);
  RecordProperty("worst_relative_difference", std::to_string(worst));
  EXPECT_LE(worst, kEngineTolerance) << GetParam().name << ": " << worst;
}

INSTANTIATE_TEST_SUITE_P(FashionMlp, MlpGanEngineTest, testing::ValuesIn(engineCases()),
                         [](const testing::TestParamInfo<EngineCase>& info) {
                           return info.param.name;
                         });

TEST(MlpGanEngineControlTest, AnotherSeedOrAnotherRemedyDiffers) {
  const TrainConfig config = presetConfig("fashion-mlp");
  TrainConfig other = config;
  other.seed += 1;
  EXPECT_GT(worstDifference(config, other), 100 * kEngineTolerance);
  other = config;
  other.hyper.real_label = 0.9f;
  EXPECT_GT(worstDifference(config, other), 100 * kEngineTolerance);
}

TEST(MlpGanEngineChoiceTest, AutoPicksTheFastEngineForTheMlpGanOnly) {
  TrainConfig config = presetConfig("fashion-mlp");
  EXPECT_EQ(engineFor(config), EngineKind::Fast);
  config.hyper.loss = LossKind::WganGp;
  config.hyper.r1_gamma = 1;
  EXPECT_EQ(engineFor(config), EngineKind::Fast);
  config.model = ModelKind::Dcgan;  // the control: no hand-written pass
  EXPECT_EQ(engineFor(config), EngineKind::Autograd);
}

}  // namespace
}  // namespace ganscope
