// Class coverage of generated samples: the share of each class among their predicted classes,
// how many classes hold at least kCoveredShare, the KL divergence to uniform, and the source
// material's diversity score (detect_mode_collapse: the mean pairwise L2 distance of samples).
#pragma once
#include <torch/torch.h>

#include <cstdint>
#include <span>
#include <vector>

namespace ganscope {

struct ClassCoverage {
  std::vector<float> share;  ///< per class of `class_ids`, in their order; sums to 1
  int covered = 0;           ///< classes with share >= kCoveredShare
  double kl_uniform = 0;     ///< KL(share || uniform over the classes), nats; log(K) for one class
};

/// Coverage of `predicted` (one class id per sample, at least one sample) over `class_ids` (the
/// dataset's active classes, distinct, e.g. {0, 2, 5}). Throws std::invalid_argument for no
/// samples, no or repeated classes, or a prediction that is not among `class_ids`.
ClassCoverage classCoverage(std::span<const int64_t> predicted, std::span<const int> class_ids);

/// Rows of `samples` the diversity score uses at most: the first ones (samples are i.i.d.).
inline constexpr int64_t kDiversitySamples = 1000;

/// The mean L2 distance over all pairs i < j of the first min(n, kDiversitySamples) rows of
/// `samples` [n, D] (n >= 2), in float64: what detect_mode_collapse computes pair by pair.
/// Throws std::invalid_argument for another shape.
double meanPairwiseDistance(const torch::Tensor& samples);

}  // namespace ganscope
