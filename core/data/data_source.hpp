// DataSource: p_data as the trainer sees it: rows of a fixed width drawn into a buffer from a
// given random generator. One kind per data family: Gaussian mixtures (1-D, 2-D, drawn points)
// and images from IDX files.
#pragma once
#include <torch/torch.h>

namespace ganscope {

class DataSource {
 public:
  virtual ~DataSource() = default;
  /// Width of a sample row: 1 or 2 for the mixtures, 784 for 28 x 28 images.
  virtual int dim() const = 0;
  /// Fills `out` [n x dim] (e.g. a slice of a larger batch) in place, drawing from `generator`.
  virtual void sample(const torch::Tensor& out, at::Generator& generator) = 0;
};

}  // namespace ganscope
