// Improved precision and recall on constructed point sets: clusters half covered, fakes far
// away, identical sets; and the k-th neighbour radii on a line.
#include <gtest/gtest.h>

#include <ATen/CPUGeneratorImpl.h>

#include "core/metrics/precision_recall.hpp"

namespace ganscope {
namespace {

/// `per` points around each of `centres` ([c, 2]) with standard deviation 0.1.
torch::Tensor clusters(const torch::Tensor& centres, int64_t per, at::Generator& random) {
  return (centres.repeat_interleave(per, 0) +
          0.1 * torch::randn({centres.size(0) * per, 2}, random))
      .contiguous();
}

const torch::Tensor& fourCentres() {
  static const torch::Tensor c =
      torch::tensor({0.0f, 0.0f, 10.0f, 0.0f, 0.0f, 10.0f, 10.0f, 10.0f}).view({4, 2});
  return c;
}

TEST(PrecisionRecallTest, RadiiAreTheKthNeighbourDistance) {
  const torch::Tensor line = torch::tensor({0.0, 1.0, 3.0, 6.0, 10.0}).view({5, 1});
  EXPECT_TRUE(torch::equal(kthNeighbourRadii(line, {.k = 1}),
                           torch::tensor({1.0, 1.0, 2.0, 3.0, 4.0}, torch::kFloat64)));
  EXPECT_TRUE(torch::equal(kthNeighbourRadii(line, {.k = 3}),
                           torch::tensor({6.0, 5.0, 3.0, 5.0, 9.0}, torch::kFloat64)));
  // Blocks of two rows give the same radii as one block.
  EXPECT_TRUE(torch::equal(kthNeighbourRadii(line, {.k = 3, .batch = 2}),
                           kthNeighbourRadii(line, {.k = 3})));
}

TEST(PrecisionRecallTest, FakesOnHalfTheClustersHaveFullPrecisionHalfRecall) {
  at::Generator random = at::make_generator<at::CPUGeneratorImpl>(1);
  const torch::Tensor real = clusters(fourCentres(), 250, random);
  const torch::Tensor fake = clusters(fourCentres().narrow(0, 0, 2), 500, random);
  const PrecisionRecall pr = precisionRecall(real, fake);
  EXPECT_GT(pr.precision, 0.97);
  EXPECT_NEAR(pr.recall, 0.5, 0.03);
  // Control: fakes on all four clusters recover the recall.
  const PrecisionRecall all = precisionRecall(real, clusters(fourCentres(), 250, random));
  EXPECT_GT(all.precision, 0.97);
  EXPECT_GT(all.recall, 0.97);
}

TEST(PrecisionRecallTest, FakesFarAwayHaveNoPrecisionAndNoRecall) {
  at::Generator random = at::make_generator<at::CPUGeneratorImpl>(2);
  const torch::Tensor real = clusters(fourCentres(), 100, random);
  const torch::Tensor fake = clusters(fourCentres() + 100, 100, random);
  const PrecisionRecall pr = precisionRecall(real, fake);
  EXPECT_EQ(pr.precision, 0.0);
  EXPECT_EQ(pr.recall, 0.0);
}

TEST(PrecisionRecallTest, IdenticalSetsAreFullyInside) {
  at::Generator random = at::make_generator<at::CPUGeneratorImpl>(3);
  const torch::Tensor real = torch::randn({300, 8}, random);
  const PrecisionRecall pr = precisionRecall(real, real.clone());
  EXPECT_EQ(pr.precision, 1.0);
  EXPECT_EQ(pr.recall, 1.0);
}

TEST(PrecisionRecallTest, RefusesBadShapes) {
  EXPECT_THROW(precisionRecall(torch::zeros({3, 2}), torch::zeros({10, 2})), std::invalid_argument);
  EXPECT_THROW(precisionRecall(torch::zeros({10, 2}), torch::zeros({10, 3})),
               std::invalid_argument);
  EXPECT_THROW(precisionRecall(torch::zeros({10, 2}), torch::zeros({10, 2}), {.k = 0}),
               std::invalid_argument);
}

}  // namespace
}  // namespace ganscope
