// The Frechet distance between two Gaussians fitted to feature matrices (FID's formula, here in
// the feature space of ganscope's own classifier): mean and covariance in double precision.
#pragma once
#include <torch/torch.h>

namespace ganscope {

/// A Gaussian fitted to features: mean [F] and covariance [F, F], both float64.
struct FeatureGaussian {
  torch::Tensor mean;
  torch::Tensor cov;
};

/// The sample mean and the unbiased covariance (divisor n - 1) of `features` [n, F], n >= 2,
/// computed in float64. Throws std::invalid_argument naming what is wrong with the shape.
FeatureGaussian fitGaussian(const torch::Tensor& features);

/// |mu1 - mu2|^2 + tr(S1 + S2 - 2 (S1^1/2 S2 S1^1/2)^1/2), via symmetric eigendecompositions
/// (eigenvalues below 0 from rounding are taken as 0), never negative. The Gaussians must have
/// the same dimension (else std::invalid_argument).
double frechetDistance(const FeatureGaussian& a, const FeatureGaussian& b);

}  // namespace ganscope
