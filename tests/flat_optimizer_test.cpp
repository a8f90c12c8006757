// FlatParameters/FlatOptimizer: views stay shared, and MlpPass gradients with our updates
// follow the same path as autograd with LibTorch's own optimisers.
#include <gtest/gtest.h>

#include <cmath>

#include "core/engine/step/flat_optimizer.hpp"
#include "core/models/mlp_pass.hpp"

namespace ganscope {
namespace {

/// Runs `steps` updates of the same regression on two copies of a network: one with MlpPass and
/// our flat optimiser, one with autograd and `reference`; returns the largest difference.
template <class MakeReference>
double maxDifference(const OptimizerConfig& config, MakeReference make_reference, int steps) {
  torch::manual_seed(3);
  Mlp ours(MlpOptions(2, 1).width(8));
  Mlp theirs(MlpOptions(2, 1).width(8));
  {
    torch::NoGradGuard no_grad;
    for (size_t i = 0; i < ours->parameters().size(); ++i) {
      theirs->parameters()[i].copy_(ours->parameters()[i]);
    }
  }
  FlatParameters flat(*ours);
  FlatOptimizer optimizer(flat);
  MlpPass pass(ours);
  auto reference = make_reference(theirs->parameters());
  const torch::Tensor x = torch::randn({16, 2}), y = torch::randn({16, 1});
  for (int i = 0; i < steps; ++i) {
    {
      c10::InferenceMode inference;
      const torch::Tensor grad = (pass.forward(x) - y).mul_(2.0 / x.size(0));  // d mean(e^2)
      pass.backward(grad, true, false);
      optimizer.step(config);
    }
    reference.zero_grad();
    (theirs->forward(x) - y).pow(2).mean().backward();
    reference.step();
  }
  double worst = 0;
  for (size_t i = 0; i < ours->parameters().size(); ++i) {
    worst = std::max(worst,
                     (ours->parameters()[i] - theirs->parameters()[i]).abs().max().item<double>());
  }
  return worst;
}

TEST(FlatOptimizerTest, AdamMatchesTorchAdam) {
  const OptimizerConfig config{OptimizerKind::Adam, 0.01f, 0.0f, 0.5f, 0.999f};
  const double diff = maxDifference(
      config,
      [&](std::vector<torch::Tensor> params) {
        return torch::optim::Adam(
            params, torch::optim::AdamOptions(config.lr).betas({config.beta1, config.beta2}));
      },
      50);
  EXPECT_LT(diff, 1e-5);
}

TEST(FlatOptimizerTest, SgdMomentumMatchesTorchSgd) {
  const OptimizerConfig config{OptimizerKind::Sgd, 0.05f, 0.9f, 0.5f, 0.999f};
  const double diff = maxDifference(
      config,
      [&](std::vector<torch::Tensor> params) {
        return torch::optim::SGD(params, torch::optim::SGDOptions(config.lr).momentum(0.9));
      },
      50);
  EXPECT_LT(diff, 1e-5);
}

TEST(FlatOptimizerTest, RmsPropMatchesTorchRmsProp) {
  const OptimizerConfig config{OptimizerKind::RmsProp, 0.01f, 0.0f, 0.5f, 0.999f, 0.9f};
  const double diff = maxDifference(
      config,
      [&](std::vector<torch::Tensor> params) {
        return torch::optim::RMSprop(params,
                                     torch::optim::RMSpropOptions(config.lr).alpha(config.alpha));
      },
      50);
  EXPECT_LT(diff, 1e-5);
}

TEST(FlatOptimizerTest, ParametersAndGradientsAreViewsOfTheBuffers) {
  Mlp net(MlpOptions(1, 1).width(4));
  FlatParameters flat(*net);
  flat.values().fill_(0.25);
  for (const torch::Tensor& p : net->parameters()) EXPECT_TRUE(torch::all(p == 0.25).item<bool>());
  net->forward(torch::ones({3, 1})).sum().backward();
  EXPECT_GT(flat.grads().abs().sum().item<double>(), 0);
  flat.grads().zero_();
  for (const torch::Tensor& p : net->parameters())
    EXPECT_EQ(p.grad().abs().sum().item<double>(), 0);
  EXPECT_DOUBLE_EQ(flat.maxAbsValue(), 0.25);
  flat.values()[1] = -3;
  EXPECT_DOUBLE_EQ(flat.maxAbsValue(), 3);
  flat.values()[0] = NAN;
  EXPECT_TRUE(std::isnan(flat.maxAbsValue()));
}

TEST(FlatOptimizerTest, GradNormIsTheL2NormOfTheGradientBuffer) {
  Mlp net(MlpOptions(1, 1).width(4));
  FlatParameters flat(*net);
  flat.grads().zero_();
  EXPECT_EQ(flat.gradNorm(), 0);
  flat.grads()[0] = 3;
  flat.grads()[1] = -4;
  EXPECT_DOUBLE_EQ(flat.gradNorm(), 5);
}

TEST(FlatOptimizerTest, RestoreReturnsToTheSavedParametersAndState) {
  torch::manual_seed(1);
  torch::nn::Linear net(3, 2);
  FlatParameters params(*net);
  FlatOptimizer opt(params);
  OptimizerConfig adam;
  auto stepWithGradient = [&](double g) {
    params.grads().fill_(g);
    opt.step(adam);
  };
  stepWithGradient(1.0);
  opt.save();
  const torch::Tensor saved = params.values().clone();
  stepWithGradient(-2.0);
  stepWithGradient(5.0);
  opt.restore();
  EXPECT_TRUE(params.values().equal(saved));
  // The state came back too: the next step matches a run that never looked ahead.
  stepWithGradient(0.5);
  const torch::Tensor after_restore = params.values().clone();
  torch::manual_seed(1);
  torch::nn::Linear twin(3, 2);
  FlatParameters twin_params(*twin);
  FlatOptimizer twin_opt(twin_params);
  twin_params.grads().fill_(1.0);
  twin_opt.step(adam);
  twin_params.grads().fill_(0.5);
  twin_opt.step(adam);
  EXPECT_TRUE(torch::allclose(after_restore, twin_params.values()));
}

}  // namespace
}  // namespace ganscope
