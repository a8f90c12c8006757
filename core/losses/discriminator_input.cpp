// DiscriminatorInput: packing and the minibatch-stddev feature, forward and backward.
#include "core/losses/discriminator_input.hpp"

namespace ganscope {
namespace {
constexpr double kVarianceEpsilon = 1e-8;  // keeps the std differentiable for identical samples
}  // namespace

DiscriminatorInput::DiscriminatorInput(int data_dim, const DiscriminatorConfig& config)
    : data_dim_(data_dim), pack_(config.pack), stddev_feature_(config.minibatch_stddev) {}

torch::Tensor DiscriminatorInput::groupStddev(const torch::Tensor& samples) {
  return (samples.var(0, /*unbiased=*/false) + kVarianceEpsilon).sqrt_().mean();
}

void DiscriminatorInput::encode(const torch::Tensor& samples, const torch::Tensor& rows) const {
  const int64_t n = rows.size(0);
  const int64_t packed = static_cast<int64_t>(data_dim_) * pack_;
  rows.narrow(1, 0, packed).copy_(samples.reshape({n, packed}));
  if (stddev_feature_) rows.select(1, packed).fill_(groupStddev(samples));
}

void DiscriminatorInput::backward(const torch::Tensor& samples, const torch::Tensor& grad_rows,
                                  const torch::Tensor& grad_samples) const {
  const int64_t n = grad_rows.size(0);
  const int64_t packed = static_cast<int64_t>(data_dim_) * pack_;
  grad_samples.view({n, packed}).copy_(grad_rows.narrow(1, 0, packed));
  if (!stddev_feature_) return;
  // s = mean_j std_j with std_j = sqrt(mean_i (x_ij - mu_j)^2 + eps), so
  // ds/dx_ij = (x_ij - mu_j) / (m * std_j * data_dim); every row's feature is the same s.
  const double m = static_cast<double>(samples.size(0));
  const torch::Tensor centred = samples - samples.mean(0, /*keepdim=*/true);
  const torch::Tensor std = (centred.square().mean(0) + kVarianceEpsilon).sqrt_();
  const torch::Tensor upstream = grad_rows.select(1, packed).sum();
  grad_samples.add_(centred / std * (upstream / (m * data_dim_)));
}

}  // namespace ganscope
