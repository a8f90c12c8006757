// Density estimates and divergences: known values on constructed inputs.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include "core/metrics/density.hpp"

namespace ganscope {
namespace {

std::vector<float> gaussianOnGrid(double mean, double std, double lo, double hi, int n) {
  std::vector<float> p(n);
  for (int i = 0; i < n; ++i) {
    const double x = lo + (hi - lo) * i / (n - 1), u = (x - mean) / std;
    p[i] = static_cast<float>(std::exp(-0.5 * u * u) / (std * std::sqrt(2 * std::numbers::pi)));
  }
  return p;
}

TEST(DensityTest, KernelDensityOfGaussianSamplesMatchesTheDensity) {
  std::mt19937 rng(7);
  std::normal_distribution<float> normal(4.0f, 0.5f);
  std::vector<float> samples(20000);
  for (float& s : samples) s = normal(rng);
  std::vector<float> estimate(256);
  kernelDensity(samples, 1.0, 7.0, silvermanBandwidth(samples), estimate);
  const std::vector<float> truth = gaussianOnGrid(4.0, 0.5, 1.0, 7.0, 256);
  double integral = 0, worst = 0;
  for (int i = 0; i < 256; ++i) {
    integral += estimate[i] * (6.0 / 255);
    worst = std::max(worst, std::abs(static_cast<double>(estimate[i] - truth[i])));
  }
  EXPECT_NEAR(integral, 1.0, 0.01);
  EXPECT_LT(worst, 0.04);  // peak 0.8
  EXPECT_LT(jensenShannon(truth, estimate), 1e-3);
}

TEST(DensityTest, SilvermanBandwidthOfKnownSpread) {
  std::vector<float> samples;
  for (int i = 0; i < 1000; ++i) samples.push_back(static_cast<float>(i % 2));  // std ~0.5
  EXPECT_NEAR(silvermanBandwidth(samples), 0.9 * 0.5003 * std::pow(1000.0, -0.2), 1e-3);
  EXPECT_EQ(silvermanBandwidth(std::vector<float>{1.0f}), 0.0);
}

TEST(DensityTest, OptimalDiscriminatorFormula) {
  const std::vector<float> p_data = {0.0f, 1.0f, 3.0f, 0.0f};
  const std::vector<float> p_g = {2.0f, 1.0f, 1.0f, 0.0f};
  std::vector<float> d(4);
  optimalDiscriminator(p_data, p_g, d);
  EXPECT_FLOAT_EQ(d[0], 0.0f);
  EXPECT_FLOAT_EQ(d[1], 0.5f);
  EXPECT_FLOAT_EQ(d[2], 0.75f);
  EXPECT_FLOAT_EQ(d[3], 0.5f);  // neither density: D* is undetermined, drawn at 1/2
}

TEST(DensityTest, DivergencesOfIdenticalAndDisjointDensities) {
  const std::vector<float> a = {0, 1, 2, 1, 0, 0, 0, 0};
  const std::vector<float> b = {0, 0, 0, 0, 0, 3, 1, 0};
  EXPECT_NEAR(jensenShannon(a, a), 0.0, 1e-12);
  EXPECT_NEAR(klDivergence(a, a), 0.0, 1e-12);
  EXPECT_NEAR(jensenShannon(a, b), std::log(2.0), 1e-12);
  EXPECT_TRUE(std::isinf(klDivergence(a, b)));
  // Scale does not matter: both are normalised.
  std::vector<float> a2 = a;
  for (float& v : a2) v *= 5;
  EXPECT_NEAR(jensenShannon(a, a2), 0.0, 1e-12);
}

TEST(DensityTest, KlOfTwoPointDistributions) {
  const std::vector<float> p = {0.5f, 0.5f}, q = {0.25f, 0.75f};
  const double expected = 0.5 * std::log(0.5 / 0.25) + 0.5 * std::log(0.5 / 0.75);
  EXPECT_NEAR(klDivergence(p, q), expected, 1e-7);
}

TEST(DensityTest, HistogramFractionsClampAndSkipNan) {
  const std::vector<float> values = {0.05f, 0.15f, 0.15f, 0.95f, -3.0f, 7.0f, NAN};
  std::vector<float> bins(10);
  histogram(values, 0, 1, bins);
  EXPECT_FLOAT_EQ(bins[0], 2.0f / 6);  // 0.05 and the clamped -3
  EXPECT_FLOAT_EQ(bins[1], 2.0f / 6);
  EXPECT_FLOAT_EQ(bins[9], 2.0f / 6);  // 0.95 and the clamped 7
}

}  // namespace
}  // namespace ganscope
