// GaussianMixture: the data distribution p_data, an equal mixture of isotropic Gaussians with
// one shared std: one or two modes on a line (1-D), a ring or a grid of modes (2-D).
#pragma once
#include <torch/torch.h>

#include <vector>

#include "core/config.hpp"

namespace ganscope {

class GaussianMixture {
 public:
  explicit GaussianMixture(const DataConfig& config);

  int dim() const { return dim_; }
  /// Mode centres, row-major [modes x dim].
  const std::vector<float>& centres() const { return centres_; }
  float std() const { return std_; }

  /// Fills `out` [n x dim] (e.g. a slice of a larger batch) in place with samples.
  void sample(const torch::Tensor& out, at::Generator& generator);
  /// The density p_data(x) of a 1-D mixture.
  double density1d(double x) const;
  /// Per dimension, an interval holding all but a negligible share of the mass (centres +- 4 std).
  std::vector<std::pair<double, double>> support() const;

 private:
  int dim_;
  float std_;
  std::vector<float> centres_;
  torch::Tensor centre_table_;  ///< [modes x dim]
  torch::Tensor mode_index_;    ///< which mode each sample comes from
  torch::Tensor noise_;
};

}  // namespace ganscope
