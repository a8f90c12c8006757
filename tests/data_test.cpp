// Mixture1d: samples have the configured statistics; the density integrates to one.
#include <gtest/gtest.h>

#include <ATen/CPUGeneratorImpl.h>

#include "core/data/mixture_1d.hpp"

namespace ganscope {
namespace {

TEST(DataTest, GaussianSamplesHaveTheConfiguredMeanAndStd) {
  Mixture1d data(DataConfig{DataKind::Gaussian, 4.0f, 0.5f, 0.0f});
  at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(1);
  torch::Tensor x = torch::empty({100000, 1});
  data.sample(x, gen);
  EXPECT_NEAR(x.mean().item<double>(), 4.0, 0.01);
  EXPECT_NEAR(x.std().item<double>(), 0.5, 0.01);
}

TEST(DataTest, BimodalSamplesSplitEvenlyBetweenTheModes) {
  Mixture1d data(DataConfig{DataKind::Bimodal, 4.0f, 0.3f, 4.0f});
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
    Mixture1d data(DataConfig{kind, 1.0f, 0.7f, 3.0f});
    const auto [lo, hi] = data.support();
    double integral = 0;
    const int n = 10000;
    for (int i = 0; i < n; ++i) integral += data.density(lo + (hi - lo) * (i + 0.5) / n);
    EXPECT_NEAR(integral * (hi - lo) / n, 1.0, 1e-3);
  }
}

}  // namespace
}  // namespace ganscope
