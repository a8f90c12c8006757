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

class ImageMetricsEvaluator {
 public:
  /// Keeps `classifier` (its test accuracy `accuracy`) and precomputes, over the images of the
  /// active `classes` only (distinct, ascending, in [0, classifier classes)): the Gaussian of the
  /// test images' features, a shuffled training subset's features and the test images'
  /// diversity. Throws std::invalid_argument for bad classes or data with too few images of them.
  /// Throws ClassifierCancelled soon (between batches of 200 images) after `*cancel`
  /// becomes true.
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
  double realDiversity() const { return real_diversity_; }

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
  FeatureGaussian test_gaussian_;
  torch::Tensor test_features_;   ///< shuffled
  torch::Tensor train_features_;  ///< a shuffled subset
  double real_diversity_ = 0;
  std::map<int64_t, Reference> references_;
};

}  // namespace ganscope
