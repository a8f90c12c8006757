// Class coverage and the diversity score on constructed inputs: one class, uniform classes,
// the 2% threshold, a class filter; pairwise distances by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/metrics/class_coverage.hpp"

namespace ganscope {
namespace {

const std::vector<int> kFiltered = {0, 2, 5};

TEST(ClassCoverageTest, OneClassOnlyCoversOneWithKlLogK) {
  const std::vector<int64_t> predicted(100, 2);
  const ClassCoverage c = classCoverage(predicted, kFiltered);
  EXPECT_EQ(c.covered, 1);
  EXPECT_NEAR(c.kl_uniform, std::log(3.0), 1e-12);
  EXPECT_EQ(c.share, (std::vector<float>{0, 1, 0}));
}

TEST(ClassCoverageTest, UniformClassesHaveKlZero) {
  std::vector<int64_t> predicted;
  for (int i = 0; i < 300; ++i) predicted.push_back(kFiltered[i % 3]);
  const ClassCoverage c = classCoverage(predicted, kFiltered);
  EXPECT_EQ(c.covered, 3);
  EXPECT_NEAR(c.kl_uniform, 0.0, 1e-12);
  for (float share : c.share) EXPECT_FLOAT_EQ(share, 1.0f / 3);
}

TEST(ClassCoverageTest, CoveredNeedsTwoPercent) {
  std::vector<int64_t> predicted(98, 0);
  predicted.insert(predicted.end(), {5, 5});  // class 5 at exactly 2%
  EXPECT_EQ(classCoverage(predicted, kFiltered).covered, 2);
  predicted.back() = 0;  // control: class 5 at 1%
  const ClassCoverage c = classCoverage(predicted, kFiltered);
  EXPECT_EQ(c.covered, 1);
  EXPECT_NEAR(c.kl_uniform, 0.99 * std::log(0.99 * 3) + 0.01 * std::log(0.01 * 3), 1e-6);
}

TEST(ClassCoverageTest, RefusesPredictionsOutsideTheClasses) {
  const std::vector<int64_t> predicted = {0, 1};
  EXPECT_THROW(classCoverage(predicted, kFiltered), std::invalid_argument);
  EXPECT_THROW(classCoverage({}, kFiltered), std::invalid_argument);
  const std::vector<int> repeated = {0, 0};
  EXPECT_THROW(classCoverage(std::vector<int64_t>{0}, repeated), std::invalid_argument);
}

TEST(DiversityTest, MeanPairwiseDistanceByHand) {
  // Distances 3, 4 and 5.
  const torch::Tensor x = torch::tensor({0.0f, 0.0f, 3.0f, 0.0f, 0.0f, 4.0f}).view({3, 2});
  EXPECT_NEAR(meanPairwiseDistance(x), 4.0, 1e-9);
  EXPECT_EQ(meanPairwiseDistance(torch::ones({50, 784})), 0.0);
}

TEST(DiversityTest, CollapsedSamplesAreResolved) {
  // 1000 copies of one image with pixel noise of 1e-3: the distance is about 1e-3 * sqrt(2 * 784).
  const torch::Tensor base = torch::rand({1, 784}) * 2 - 1;
  const torch::Tensor x = base + 1e-3 * torch::randn({1000, 784});
  EXPECT_NEAR(meanPairwiseDistance(x), 1e-3 * std::sqrt(2.0 * 784), 2e-3);
}

TEST(DiversityTest, UsesTheFirstThousandRows) {
  torch::Tensor x = torch::zeros({1500, 4});
  x.narrow(0, 1000, 500).fill_(7);  // beyond the subsample
  EXPECT_EQ(meanPairwiseDistance(x), 0.0);
  x[999][0] = 1;  // control: inside it
  EXPECT_GT(meanPairwiseDistance(x), 0.0);
}

}  // namespace
}  // namespace ganscope
