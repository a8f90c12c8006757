// Image metrics with the subset-trained classifier: real test images score like real images
// (Frechet near its floor, every class covered); one class, or one image, repeated does not.
#include <gtest/gtest.h>

#include <cstdio>

#include "core/metrics/image_metrics.hpp"
#include "metrics_test_data.hpp"

namespace ganscope {
namespace {

using test::fashion;

const std::vector<int> kAllClasses = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

ImageMetricsEvaluator evaluator(const std::vector<int>& classes) {
  LoadedClassifier& c = test::subsetClassifier();
  return ImageMetricsEvaluator(c.model, c.accuracy, fashion(true), fashion(false), classes);
}

/// Test images of `label` only, the first `n`.
torch::Tensor imagesOfClass(int label, int64_t n) {
  const LabelledTensors& test = fashion(false);
  return test.images.index({test.labels.eq(label)}).narrow(0, 0, n);
}

TEST(ImageMetricsTest, RealImagesScoreNearTheFloorAndCoverEveryClass) {
  ImageMetricsEvaluator metrics = evaluator(kAllClasses);
  // 1,000 real images: the last training images.
  const torch::Tensor real = fashion(true).images.narrow(0, 59000, 1000);
  const ImageMetrics m = metrics.evaluate(real, 42);
  std::printf(
      "real: frechet %.3f floor %.3f precision %.3f recall %.3f diversity %.2f (real %.2f)\n",
      m.frechet, m.frechet_floor, m.precision, m.recall, m.diversity, m.real_diversity);
  EXPECT_EQ(m.step, 42);
  EXPECT_EQ(m.samples, 1000);
  EXPECT_EQ(m.classes, 10);
  EXPECT_EQ(m.classes_covered, 10);
  EXPECT_LT(m.class_kl, 0.05);
  EXPECT_GT(m.frechet_floor, 0);
  EXPECT_LT(m.frechet, 1.5 * m.frechet_floor);
  EXPECT_GT(m.precision, 0.6);
  EXPECT_GT(m.recall, 0.6);
  EXPECT_NEAR(m.diversity, m.real_diversity, 0.05 * m.real_diversity);
  EXPECT_FLOAT_EQ(m.classifier_accuracy, static_cast<float>(test::subsetClassifier().accuracy));
  float total = 0;
  for (int i = 0; i < m.classes; ++i) {
    EXPECT_EQ(m.class_ids[i], i);
    total += m.class_hist[i];
  }
  EXPECT_NEAR(total, 1.0f, 1e-5f);

  // Control: one class only (1,000 trousers) collapses the bars (the subset classifier calls a
  // few of them dresses) and is far from the test set.
  const ImageMetrics one = metrics.evaluate(imagesOfClass(1, 1000), 43);
  std::printf("one class: frechet %.3f covered %d kl %.3f precision %.3f recall %.3f\n",
              one.frechet, one.classes_covered, one.class_kl, one.precision, one.recall);
  EXPECT_LE(one.classes_covered, 2);
  EXPECT_GT(one.class_hist[1], 0.9f);
  EXPECT_GT(one.class_kl, 1.8f);  // log 10 = 2.30 at full collapse
  EXPECT_GT(one.frechet, 5 * m.frechet);
  EXPECT_GT(one.precision, 0.5);                        // real-looking images ...
  EXPECT_LT(one.recall, 0.5);                           // ... of a fraction of the real manifold
  EXPECT_FLOAT_EQ(one.frechet_floor, m.frechet_floor);  // computed once per n
  // Control: one image repeated: one class, no diversity, farther still.
  const ImageMetrics same = metrics.evaluate(real.narrow(0, 0, 1).repeat({1000, 1}), 44);
  std::printf("one image: frechet %.3f covered %d recall %.3f\n", same.frechet,
              same.classes_covered, same.recall);
  EXPECT_LT(same.diversity, 1e-4f);
  EXPECT_EQ(same.classes_covered, 1);
  EXPECT_GT(same.frechet, 5 * m.frechet);
  EXPECT_LT(same.recall, 0.05);
}

TEST(ImageMetricsTest, ClassFilterCountsTheActiveClassesOnly) {
  const std::vector<int> classes = {0, 2, 5};
  ImageMetricsEvaluator metrics = evaluator(classes);
  const torch::Tensor real =
      torch::cat({imagesOfClass(0, 300), imagesOfClass(2, 300), imagesOfClass(5, 300)});
  const ImageMetrics m = metrics.evaluate(real, 1);
  EXPECT_EQ(m.classes, 3);
  EXPECT_EQ(m.class_ids[0], 0);
  EXPECT_EQ(m.class_ids[1], 2);
  EXPECT_EQ(m.class_ids[2], 5);
  EXPECT_EQ(m.class_hist[3], 0.0f);
  EXPECT_NEAR(m.class_hist[0] + m.class_hist[1] + m.class_hist[2], 1.0f, 1e-5f);
  EXPECT_EQ(m.classes_covered, 3);
  EXPECT_LT(m.frechet, 1.5 * m.frechet_floor);
  // Control: images of the other classes, forced onto these three, are far from their test set.
  const torch::Tensor others =
      torch::cat({imagesOfClass(1, 300), imagesOfClass(7, 300), imagesOfClass(9, 300)});
  EXPECT_GT(metrics.evaluate(others, 2).frechet, 5 * m.frechet);
}

TEST(ImageMetricsTest, RefusesBadInput) {
  EXPECT_THROW(evaluator({2, 1}), std::invalid_argument);
  EXPECT_THROW(evaluator({10}), std::invalid_argument);
  ImageMetricsEvaluator metrics = evaluator(kAllClasses);
  EXPECT_THROW(metrics.evaluate(torch::zeros({100, 10}), 0), std::invalid_argument);
}

}  // namespace
}  // namespace ganscope
