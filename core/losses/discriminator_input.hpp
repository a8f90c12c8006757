// DiscriminatorInput: turns a group of samples into the rows D judges, and D's input gradient
// back into a gradient per sample. PacGAN packing (Lin et al. 2018) concatenates `pack`
// consecutive samples into one row, so D sees the diversity of a group; the minibatch-stddev
// feature (Karras et al. 2018) appends the group's mean per-coordinate std as one more column.
// Real and fake samples are separate groups: the statistic never mixes them.
#pragma once
#include <torch/torch.h>

#include "core/api/config.hpp"

namespace ganscope {

class DiscriminatorInput {
 public:
  DiscriminatorInput(int data_dim, const DiscriminatorConfig& config);

  int pack() const { return pack_; }
  /// Columns of a row: data_dim * pack, plus one for the minibatch-stddev feature.
  int width() const { return data_dim_ * pack_ + (stddev_feature_ ? 1 : 0); }
  /// True when a row is just one sample (no packing, no feature): callers may skip encode.
  bool identity() const { return pack_ == 1 && !stddev_feature_; }
  /// True when a row ends with the minibatch-stddev feature.
  bool stddevFeature() const { return stddev_feature_; }

  /// Writes the rows for `samples` [pack * n, data_dim] into `rows` [n, width].
  void encode(const torch::Tensor& samples, const torch::Tensor& rows) const;
  /// Given dL/drows [n, width] for rows encoded from `samples`, writes dL/dsamples into
  /// `grad_samples` [pack * n, data_dim], including the path through the stddev feature.
  void backward(const torch::Tensor& samples, const torch::Tensor& grad_rows,
                const torch::Tensor& grad_samples) const;

  /// The minibatch-stddev statistic of `samples` [m, data_dim]: the mean over coordinates of
  /// each coordinate's standard deviation over the group.
  static torch::Tensor groupStddev(const torch::Tensor& samples);

 private:
  int data_dim_;
  int pack_;
  bool stddev_feature_;
};

}  // namespace ganscope
