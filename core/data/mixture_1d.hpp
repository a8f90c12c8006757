// Mixture1d: the 1-D data distribution p_data, a Gaussian or an equal two-Gaussian mixture.
#pragma once
#include <torch/torch.h>

#include "core/config.hpp"

namespace ganscope {

class Mixture1d {
 public:
  explicit Mixture1d(const DataConfig& config);

  /// Fills `out` (any shape, e.g. a slice of a larger batch) in place with samples.
  void sample(const torch::Tensor& out, at::Generator& generator);
  /// The density p_data(x).
  double density(double x) const;
  /// An interval holding all but a negligible share of the mass (mean +- 4 std per mode).
  std::pair<double, double> support() const;

 private:
  std::vector<double> means_;
  double std_;
  torch::Tensor mode_buffer_;  ///< which mode each sample comes from (bimodal only)
};

}  // namespace ganscope
