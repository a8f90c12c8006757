// MlpPass against LibTorch autograd: the same outputs, parameter and input gradients for every
// activation, also when the pass is reused on batches of other sizes.
#include <gtest/gtest.h>

#include "core/engine/step/flat_optimizer.hpp"
#include "core/models/mlp_pass.hpp"

namespace ganscope {
namespace {

double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b) {
  return (a - b).abs().max().item<double>();
}

class MlpPassTest : public ::testing::TestWithParam<Activation> {};

TEST_P(MlpPassTest, MatchesAutograd) {
  torch::manual_seed(11);
  Mlp net(MlpOptions(3, 2).hidden_layers(3).width(16).activation(GetParam()));
  FlatParameters flat(*net);
  MlpPass pass(net);
  for (int64_t n : {64, 7, 64}) {
    const torch::Tensor x = torch::randn({n, 3}, torch::requires_grad());
    const torch::Tensor upstream = torch::randn({n, 2});
    for (auto& p : net->parameters()) p.mutable_grad().zero_();
    const torch::Tensor reference = net->forward(x);
    (reference * upstream).sum().backward();
    const torch::Tensor expected_grads = flat.grads().clone();

    c10::InferenceMode inference;
    const torch::Tensor& out = pass.forward(x.detach());
    EXPECT_LT(maxAbsDiff(out, reference.detach()), 1e-5) << "n = " << n;
    const torch::Tensor& input_grad = pass.backward(upstream, true, true);
    EXPECT_LT(maxAbsDiff(input_grad, x.grad()), 1e-5) << "n = " << n;
    EXPECT_LT(maxAbsDiff(flat.grads(), expected_grads), 1e-4) << "n = " << n;
  }
}

TEST_P(MlpPassTest, WithoutWeightGradsLeavesThemAlone) {
  Mlp net(MlpOptions(1, 1).width(8).activation(GetParam()));
  FlatParameters flat(*net);
  MlpPass pass(net);
  c10::InferenceMode inference;
  flat.grads().fill_(7);
  pass.forward(torch::randn({5, 1}));
  EXPECT_TRUE(pass.backward(torch::ones({5, 1}), false, true).defined());
  EXPECT_TRUE(torch::all(flat.grads() == 7).item<bool>());
}

INSTANTIATE_TEST_SUITE_P(Activations, MlpPassTest,
                         ::testing::Values(Activation::Relu, Activation::LeakyRelu,
                                           Activation::Tanh));

}  // namespace
}  // namespace ganscope
