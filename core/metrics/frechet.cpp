// Gaussian fits and the Frechet distance, with the matrix square roots by eigh.
#include "core/metrics/frechet.hpp"

#include <stdexcept>
#include <string>

namespace ganscope {
namespace {

/// The symmetric positive semi-definite square root of the symmetric matrix `m`.
torch::Tensor sqrtSymmetric(const torch::Tensor& m) {
  auto [values, vectors] = torch::linalg_eigh(m);
  return torch::mm(vectors * values.clamp_min(0).sqrt().unsqueeze(0), vectors.t());
}

}  // namespace

FeatureGaussian fitGaussian(const torch::Tensor& features) {
  if (features.dim() != 2 || features.size(0) < 2 || features.size(1) < 1) {
    throw std::invalid_argument(
        "fitGaussian: features must be [n, F] with n >= 2 and F >= 1, got " +
        c10::str(features.sizes()));
  }
  torch::NoGradGuard no_grad;
  const torch::Tensor x = features.to(torch::kFloat64);
  const torch::Tensor mean = x.mean(0);
  const torch::Tensor centred = x - mean;
  const torch::Tensor cov = torch::mm(centred.t(), centred) / static_cast<double>(x.size(0) - 1);
  return {mean, cov};
}

double frechetDistance(const FeatureGaussian& a, const FeatureGaussian& b) {
  if (a.mean.dim() != 1 || !a.mean.sizes().equals(b.mean.sizes()) ||
      a.cov.sizes() != c10::IntArrayRef{a.mean.size(0), a.mean.size(0)} ||
      !a.cov.sizes().equals(b.cov.sizes())) {
    throw std::invalid_argument("frechetDistance: Gaussians of different dimensions (means " +
                                c10::str(a.mean.sizes()) + " and " + c10::str(b.mean.sizes()) +
                                ", covariances " + c10::str(a.cov.sizes()) + " and " +
                                c10::str(b.cov.sizes()) + ")");
  }
  torch::NoGradGuard no_grad;
  const torch::Tensor root_a = sqrtSymmetric(a.cov.to(torch::kFloat64));
  torch::Tensor inner = torch::mm(torch::mm(root_a, b.cov.to(torch::kFloat64)), root_a);
  inner = (inner + inner.t()) / 2;  // symmetric in exact arithmetic; make it so in floating point
  const torch::Tensor inner_values = std::get<0>(torch::linalg_eigh(inner));
  const double trace_root = inner_values.clamp_min(0).sqrt().sum().item<double>();
  const double mean_term = (a.mean - b.mean).to(torch::kFloat64).square().sum().item<double>();
  const double distance =
      mean_term + a.cov.trace().item<double>() + b.cov.trace().item<double>() - 2 * trace_root;
  return std::max(0.0, distance);
}

}  // namespace ganscope
