// The Frechet distance against closed forms: identical sets, diagonal Gaussians, non-diagonal
// 2 x 2 covariances computed by hand, and a fit of sampled Gaussians.
#include <gtest/gtest.h>

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>

#include "core/metrics/frechet.hpp"

namespace ganscope {
namespace {

FeatureGaussian gaussian(std::vector<double> mean, std::vector<double> cov) {
  const auto f = static_cast<int64_t>(mean.size());
  return {torch::tensor(mean, torch::kFloat64), torch::tensor(cov, torch::kFloat64).view({f, f})};
}

TEST(FrechetTest, FitsMeanAndUnbiasedCovariance) {
  const torch::Tensor x =
      torch::tensor({0.0, 0.0, 2.0, 0.0, 0.0, 2.0, 2.0, 2.0, 1.0, 1.0}).view({5, 2});
  const FeatureGaussian g = fitGaussian(x);
  EXPECT_TRUE(torch::allclose(g.mean, torch::tensor({1.0, 1.0}, torch::kFloat64)));
  // Deviations +-1 in four rows, 0 in the fifth: variance 4 / (5 - 1) = 1, no covariance.
  EXPECT_TRUE(torch::allclose(g.cov, torch::eye(2, torch::kFloat64)));
  EXPECT_EQ(g.cov.scalar_type(), torch::kFloat64);
}

TEST(FrechetTest, IdenticalFeatureSetsAreZeroApart) {
  at::Generator random = at::make_generator<at::CPUGeneratorImpl>(3);
  const torch::Tensor x = torch::randn({500, 16}, random, torch::kFloat64) * 3 + 1;
  const FeatureGaussian a = fitGaussian(x), b = fitGaussian(x.clone());
  EXPECT_NEAR(frechetDistance(a, b), 0.0, 1e-8);
  // Control: shifting every feature by 0.1 moves it by |dmu|^2 = 16 * 0.01 and nothing else.
  EXPECT_NEAR(frechetDistance(a, fitGaussian(x + 0.1)), 0.16, 1e-8);
}

TEST(FrechetTest, DiagonalGaussiansMatchTheClosedForm) {
  const FeatureGaussian a = gaussian({1, 2, 3}, {4, 0, 0, 0, 9, 0, 0, 0, 1});
  const FeatureGaussian b = gaussian({0, 2, 5}, {1, 0, 0, 0, 16, 0, 0, 0, 0.25});
  // |dmu|^2 = 1 + 0 + 4; sum (sqrt a - sqrt b)^2 = 1 + 1 + 0.25.
  EXPECT_NEAR(frechetDistance(a, b), 7.25, 1e-10);
  EXPECT_NEAR(frechetDistance(b, a), 7.25, 1e-10);
}

TEST(FrechetTest, NonDiagonalCovariancesMatchAHandComputation) {
  // S1 = diag(4, 1), S2 = [[2, 1], [1, 2]]: S1^1/2 S2 S1^1/2 = [[8, 2], [2, 2]], whose square
  // root has trace sqrt(tr + 2 sqrt(det)) = sqrt(10 + 2 sqrt(12)) (true of any 2 x 2 SPD).
  const FeatureGaussian a = gaussian({0, 0}, {4, 0, 0, 1});
  const FeatureGaussian b = gaussian({1, -1}, {2, 1, 1, 2});
  const double expected = 2 + 5 + 4 - 2 * std::sqrt(10 + 2 * std::sqrt(12.0));
  EXPECT_NEAR(frechetDistance(a, b), expected, 1e-10);
  EXPECT_NEAR(frechetDistance(b, a), expected, 1e-10);  // the formula is symmetric
  // Commuting S1 = [[2, 1], [1, 2]] (eigenvalues 3, 1) and S2 = [[5, -3], [-3, 5]] (2, 8 on
  // the same eigenvectors): the trace term is sqrt(3 * 2) + sqrt(1 * 8).
  const FeatureGaussian c = gaussian({0, 0}, {2, 1, 1, 2});
  const FeatureGaussian d = gaussian({0, 0}, {5, -3, -3, 5});
  EXPECT_NEAR(frechetDistance(c, d), 4 + 10 - 2 * (std::sqrt(6.0) + std::sqrt(8.0)), 1e-10);
}

TEST(FrechetTest, SampledGaussiansApproachTheirDistance) {
  at::Generator random = at::make_generator<at::CPUGeneratorImpl>(5);
  const torch::Tensor std_a = torch::tensor({1.0, 2.0, 0.5, 1.0}),
                      std_b = torch::tensor({2.0, 1.0, 0.5, 3.0});
  const torch::Tensor x = torch::randn({50000, 4}, random, torch::kFloat64) * std_a;
  const torch::Tensor y = torch::randn({50000, 4}, random, torch::kFloat64) * std_b + 1;
  // |dmu|^2 = 4, sum (std_a - std_b)^2 = 1 + 1 + 0 + 4.
  EXPECT_NEAR(frechetDistance(fitGaussian(x), fitGaussian(y)), 10.0, 0.1);
}

TEST(FrechetTest, RefusesBadShapes) {
  EXPECT_THROW(fitGaussian(torch::zeros({1, 3})), std::invalid_argument);
  EXPECT_THROW(fitGaussian(torch::zeros({10})), std::invalid_argument);
  EXPECT_THROW(frechetDistance(gaussian({0, 0}, {1, 0, 0, 1}), gaussian({0}, {1})),
               std::invalid_argument);
}

}  // namespace
}  // namespace ganscope
