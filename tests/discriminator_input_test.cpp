// DiscriminatorInput: PacGAN packing and the minibatch-stddev feature, forward by hand and
// backward against autograd.
#include <gtest/gtest.h>

#include "core/losses/discriminator_input.hpp"

namespace ganscope {
namespace {

TEST(DiscriminatorInputTest, PacksConsecutiveSamplesAndAppendsTheirStd) {
  DiscriminatorConfig config;
  config.pack = 2;
  config.minibatch_stddev = true;
  DiscriminatorInput input(2, config);
  ASSERT_EQ(input.width(), 5);
  const torch::Tensor samples = torch::tensor({{0.f, 0.f}, {2.f, 4.f}, {4.f, 8.f}, {6.f, 12.f}});
  torch::Tensor rows = torch::empty({2, 5});
  input.encode(samples, rows);
  EXPECT_TRUE(
      rows.narrow(1, 0, 4).equal(torch::tensor({{0.f, 0.f, 2.f, 4.f}, {4.f, 8.f, 6.f, 12.f}})));
  // Population std of each coordinate: sqrt(5) and 2 sqrt(5); their mean is 1.5 sqrt(5).
  EXPECT_NEAR(rows[0][4].item<double>(), 1.5 * std::sqrt(5.0), 1e-5);
  EXPECT_NEAR(rows[1][4].item<double>(), 1.5 * std::sqrt(5.0), 1e-5);
}

TEST(DiscriminatorInputTest, BackwardMatchesAutograd) {
  DiscriminatorConfig config;
  config.pack = 2;
  config.minibatch_stddev = true;
  DiscriminatorInput input(2, config);
  torch::manual_seed(5);
  const torch::Tensor samples = torch::randn({8, 2});
  const torch::Tensor grad_rows = torch::randn({4, 5});
  torch::Tensor ours = torch::empty({8, 2});
  input.backward(samples, grad_rows, ours);
  // The same map written with autograd: rows = [reshape(x), std feature].
  const torch::Tensor x = samples.clone().requires_grad_(true);
  const torch::Tensor feature = DiscriminatorInput::groupStddev(x).expand({4, 1});
  const torch::Tensor rows = torch::cat({x.reshape({4, 4}), feature}, 1);
  const torch::Tensor expected = torch::autograd::grad({(rows * grad_rows).sum()}, {x})[0];
  EXPECT_TRUE(torch::allclose(ours, expected, 1e-5, 1e-6)) << ours << expected;
}

}  // namespace
}  // namespace ganscope
