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
  EXPECT_LT(jensenShannon(truth, estimate, 6.0 / 255), 1e-3);
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

TEST(DensityTest, JensenShannonOfIdenticalAndDisjointDensities) {
  // Densities on a grid with spacing 0.25: each integrates to 1.
  const std::vector<float> a = {0, 1, 2, 1, 0, 0, 0, 0};
  const std::vector<float> b = {0, 0, 0, 0, 0, 3, 1, 0};
  EXPECT_NEAR(jensenShannon(a, a, 0.25), 0.0, 1e-12);
  EXPECT_NEAR(jensenShannon(a, b, 0.25), std::log(2.0), 1e-12);
}

TEST(DensityTest, MassOffTheGridCountsAsDisjoint) {
  const std::vector<float> a = {0, 1, 2, 1, 0, 0, 0, 0};
  std::vector<float> half = a;  // the same shape holding half the mass: the rest is off the grid
  for (float& v : half) v /= 2;
  // q = p/2 on the grid plus 1/2 off it, so m = 3p/4 on the grid:
  // JSD = 1/2 log(4/3) + 1/4 log(2/3) + (off-grid half) 1/4 log 2.
  const double expected =
      0.5 * (std::log(2.0 / 1.5)) + 0.5 * 0.5 * std::log(0.5 / 0.75) + 0.5 * 0.5 * std::log(2.0);
  EXPECT_NEAR(jensenShannon(a, half, 0.25), expected, 1e-12);
  const std::vector<float> none(8, 0.0f);
  EXPECT_NEAR(jensenShannon(a, none, 0.25), std::log(2.0), 1e-12);  // all of G off the grid
}

TEST(DensityTest, KernelDensityOfFarSamplesIsMissingMass) {
  const std::vector<float> samples = {1e30f, -1e30f, 3e9f, NAN, 0.5f};
  std::vector<float> estimate(64);
  kernelDensity(samples, 0.0, 1.0, 1e25, estimate);  // must not overflow or throw
  double integral = 0;
  for (float v : estimate) integral += v / 63.0;
  EXPECT_LT(integral, 0.21);  // at most the one sample in range
}

TEST(DensityTest, HistogramFractionsClampAndSkipNan) {
  const std::vector<float> values = {0.05f, 0.15f, 0.15f, 0.95f, -3.0f, 7.0f, NAN};
  std::vector<float> bins(10);
  histogram(values, 0, 1, bins);
  EXPECT_FLOAT_EQ(bins[0], 2.0f / 6);  // 0.05 and the clamped -3
  EXPECT_FLOAT_EQ(bins[1], 2.0f / 6);
  EXPECT_FLOAT_EQ(bins[9], 2.0f / 6);  // 0.95 and the clamped 7
}

TEST(DensityTest, BinnedKlOfIdenticalDisjointAndMissingCells) {
  const std::vector<float> p = {0.25f, 0.25f, 0.5f, 0.0f};
  EXPECT_NEAR(binnedKl(p, p, 0.0), 0.0, 1e-7);
  // The floor only fills cells q lacks: identical histograms give exactly zero with it too.
  EXPECT_NEAR(binnedKl(p, p, 1e-4), 0.0, 1e-7);
  // Disjoint: each of p's three cells gets q = floor, then q is renormalised by 1 + 3 floor:
  // sum p_i log(p_i (1 + 3 floor) / floor).
  const std::vector<float> q = {0.0f, 0.0f, 0.0f, 1.0f};
  EXPECT_NEAR(binnedKl(p, q, 1e-4),
              std::log((1 + 3e-4) / 1e-4) + 0.5 * std::log(0.25) + 0.5 * std::log(0.5), 1e-3);
  // Mass outside the bins is a cell of its own: p all outside, q all inside.
  const std::vector<float> none = {0.0f, 0.0f, 0.0f, 0.0f};
  EXPECT_NEAR(binnedKl(none, q, 1e-4), std::log((1 + 1e-4) / 1e-4), 1e-3);
}

}  // namespace
}  // namespace ganscope
