// GaussianMixture: the data distribution p_data, an equal mixture of isotropic Gaussians with
// one shared std: one or two modes on a line (1-D), a ring or a grid of modes (2-D). Shapes
// (a line, two moons, a spiral, the user's drawn points) are mixtures too: many centres closer
// together than std, which blur into a continuous curve.
#pragma once
#include <torch/torch.h>

#include <vector>

#include "core/api/config.hpp"
#include "core/data/data_source.hpp"

namespace ganscope {

class GaussianMixture : public DataSource {
 public:
  explicit GaussianMixture(const DataConfig& config);

  int dim() const override { return dim_; }
  /// Mode centres, row-major [modes x dim].
  const std::vector<float>& centres() const { return centres_; }
  float std() const { return std_; }
  /// True when the centres are separate modes whose coverage is worth counting (ring, grid).
  bool hasModes() const { return has_modes_; }

  /// Fills `out` [n x dim] (e.g. a slice of a larger batch) in place with samples.
  void sample(const torch::Tensor& out, at::Generator& generator) override;
  /// The density p_data(x) of a 1-D mixture.
  double density1d(double x) const;
  /// Per dimension, an interval holding all but a negligible share of the mass (centres +- 4 std).
  std::vector<std::pair<double, double>> support() const;

 private:
  int dim_;
  float std_;
  bool has_modes_;
  std::vector<float> centres_;
  torch::Tensor centre_table_;  ///< [modes x dim]
  torch::Tensor mode_index_;    ///< which mode each sample comes from
  torch::Tensor noise_;
};

}  // namespace ganscope
