// ImageMetricsEvaluator: the class-coverage and feature-space metrics of generated images
// against the real ones, with everything about the real images computed once up front.
#pragma once
#include <torch/torch.h>

#include <atomic>
#include <cstdint>
#include <map>
#include <span>
#include <vector>

#include "core/api/telemetry/image_frame.hpp"
#include "core/metrics/classifier_training.hpp"
#include "core/metrics/frechet.hpp"
#include "core/metrics/image_classifier.hpp"

namespace ganscope {

struct ImageMetricsOptions {
  int64_t train_subset = 2000;  ///< training images kept for the floor (up to n of them used)
  uint64_t seed = 11;           ///< seed of the subsets' shuffling (a generator of its own)
};

/// What the metrics need of the real images of some classes, computed once (or read from the
/// cache: core/metrics/real_statistics_cache.hpp).
struct RealImageStatistics {
  torch::Tensor test_features;    ///< float64 [n, F]: the active classes' test images, shuffled
  torch::Tensor train_features;   ///< float64 [m, F]: a shuffled subset of their training images
  FeatureGaussian test_gaussian;  ///< fitGaussian(test_features)
  double real_diversity = 0;      ///< meanPairwiseDistance of the shuffled test images
};

/// Throws std::invalid_argument unless `classes` are 1 to kMaxImageClasses distinct ascending
/// ids in [0, `classifier_classes`).
void checkActiveClasses(std::span<const int> classes, int64_t classifier_classes);

/// The real images' statistics for the active `classes` (checked as checkActiveClasses says):
/// the classifier's features of their test images and of a shuffled training subset
/// (options.train_subset), the test features' Gaussian and the test images' diversity. Throws
/// std::invalid_argument for data with fewer than 4 images of them, and ClassifierCancelled soon
/// (between batches of 200 images) after `*cancel` becomes true.
RealImageStatistics realImageStatistics(ImageClassifier& classifier, const LabelledTensors& train,
                                        const LabelledTensors& test, std::span<const int> classes,
                                        const ImageMetricsOptions& options = {},
                                        const std::atomic<bool>* cancel = nullptr);

class ImageMetricsEvaluator {
 public:
  /// Keeps `classifier` (its test accuracy `accuracy`) and the statistics of the real images of
  /// the active `classes` (checked as checkActiveClasses says), made by realImageStatistics with
  /// this classifier. Throws std::invalid_argument for statistics whose features are not
  /// [n >= 4, classifier features].
  ImageMetricsEvaluator(ImageClassifier classifier, double accuracy, RealImageStatistics real,
                        std::span<const int> classes);
  /// Computes the statistics itself: realImageStatistics(classifier, train, test, classes,
  /// options, cancel), with its errors.
  ImageMetricsEvaluator(ImageClassifier classifier, double accuracy, const LabelledTensors& train,
                        const LabelledTensors& test, std::span<const int> classes,
                        const ImageMetricsOptions& options = {},
                        const std::atomic<bool>* cancel = nullptr);

  /// The metrics of `samples` [n, 784] (pixels in [-1, 1]; n >= 4, at least 1000 for numbers
  /// worth showing), stamped with `step`. The floor is Frechet(n training images, test set)
  /// (n capped at options.train_subset),
  /// precision and recall compare with n test images (n capped at the images there are): both
  /// computed once per n and kept. Throws std::invalid_argument for another shape. Not
  /// thread-safe.
  ImageMetrics evaluate(const torch::Tensor& samples, int64_t step);

  const std::vector<int>& classes() const { return classes_; }
  double realDiversity() const { return real_.real_diversity; }

 private:
  /// What the real images give for n samples.
  struct Reference {
    double floor = 0;
    torch::Tensor real_features;  ///< the first n of the shuffled test features
    torch::Tensor real_radii;     ///< their k-th neighbour radii among themselves
  };
  const Reference& reference(int64_t n);

  ImageClassifier classifier_;
  double accuracy_ = 0;
  std::vector<int> classes_;
  RealImageStatistics real_;
  std::map<int64_t, Reference> references_;
};

}  // namespace ganscope
