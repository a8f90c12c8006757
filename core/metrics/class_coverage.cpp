// Class histogram, coverage and KL to uniform; the mean pairwise distance by one cdist.
#include "core/metrics/class_coverage.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/api/telemetry/image_frame.hpp"

namespace ganscope {

ClassCoverage classCoverage(std::span<const int64_t> predicted, std::span<const int> class_ids) {
  if (predicted.empty()) throw std::invalid_argument("classCoverage: no samples");
  if (class_ids.empty()) throw std::invalid_argument("classCoverage: no classes");
  for (size_t i = 0; i < class_ids.size(); ++i) {
    if (std::find(class_ids.begin(), class_ids.begin() + i, class_ids[i]) != class_ids.begin() + i)
      throw std::invalid_argument("classCoverage: class " + std::to_string(class_ids[i]) +
                                  " is listed twice");
  }
  std::vector<int64_t> counts(class_ids.size(), 0);
  for (int64_t label : predicted) {
    const auto it = std::find(class_ids.begin(), class_ids.end(), label);
    if (it == class_ids.end()) {
      throw std::invalid_argument("classCoverage: predicted class " + std::to_string(label) +
                                  " is not one of the " + std::to_string(class_ids.size()) +
                                  " active classes");
    }
    ++counts[it - class_ids.begin()];
  }
  ClassCoverage out;
  const double n = static_cast<double>(predicted.size());
  const double classes = static_cast<double>(class_ids.size());
  for (int64_t count : counts) {
    const double p = static_cast<double>(count) / n;
    out.share.push_back(static_cast<float>(p));
    if (p >= kCoveredShare) ++out.covered;
    if (p > 0) out.kl_uniform += p * std::log(p * classes);
  }
  return out;
}

double meanPairwiseDistance(const torch::Tensor& samples) {
  if (samples.dim() != 2 || samples.size(0) < 2) {
    throw std::invalid_argument("meanPairwiseDistance: samples must be [n, D] with n >= 2, got " +
                                c10::str(samples.sizes()));
  }
  torch::NoGradGuard no_grad;
  const int64_t n = std::min(samples.size(0), kDiversitySamples);
  const torch::Tensor x = samples.narrow(0, 0, n).to(torch::kFloat64);
  // The full matrix counts every pair twice and the diagonal (0) once per row. The matrix-product
  // form |a|^2 + |b|^2 - 2ab in float64 resolves distances far below a collapsed batch's.
  const torch::Tensor d = torch::cdist(x, x, 2.0, /*compute_mode: use_mm_for_euclid_dist=*/1);
  return d.sum().item<double>() / static_cast<double>(n * (n - 1));
}

}  // namespace ganscope
