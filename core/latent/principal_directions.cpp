// PCA of feature rows (covariance eigh or randomised SVD, both centring in chunks so no centred
// copy of the rows is made) and GANSpace's least-squares regression of the coordinates onto z.
#include "core/latent/principal_directions.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include <ATen/CPUGeneratorImpl.h>

namespace ganscope {
namespace {

constexpr int64_t kChunkRows = 1000;  // rows centred at once: a cancel check after each

bool cancelled(const std::atomic<bool>* cancel) {
  return cancel && cancel->load(std::memory_order_relaxed);
}

/// X - mean, as X M - 1 (mean M): the centred rows times `right` ([D, l]) without a centred copy.
torch::Tensor centredTimes(const torch::Tensor& x, const torch::Tensor& mean,
                           const torch::Tensor& right) {
  return x.mm(right) - mean.unsqueeze(0).mm(right);
}

/// (X - mean)^T `left` ([n, l]), likewise.
torch::Tensor centredTransposeTimes(const torch::Tensor& x, const torch::Tensor& mean,
                                    const torch::Tensor& left) {
  return x.t().mm(left) - mean.unsqueeze(1).mm(left.sum(0, /*keepdim=*/true));
}

torch::Tensor orthonormalBasis(const torch::Tensor& columns) {
  return std::get<0>(torch::linalg::qr(columns, "reduced"));
}

/// The covariance [D, D] (in double, for eigh), summed over chunks of centred rows.
std::optional<torch::Tensor> covariance(const torch::Tensor& x, const torch::Tensor& mean,
                                        const std::atomic<bool>* cancel) {
  const int64_t n = x.size(0), d = x.size(1);
  torch::Tensor sum = torch::zeros({d, d});
  for (int64_t start = 0; start < n; start += kChunkRows) {
    if (cancelled(cancel)) return std::nullopt;
    const torch::Tensor chunk = x.narrow(0, start, std::min(kChunkRows, n - start)) - mean;
    sum.addmm_(chunk.t(), chunk);
  }
  return sum.to(torch::kDouble) / double(n - 1);
}

std::optional<PcaBasis> byCovariance(const torch::Tensor& x, PcaBasis basis, int k,
                                     const std::atomic<bool>* cancel) {
  const std::optional<torch::Tensor> c = covariance(x, basis.mean, cancel);
  if (!c || cancelled(cancel)) return std::nullopt;
  auto [values, vectors] = torch::linalg::eigh(*c, "L");  // ascending eigenvalues
  const int64_t d = values.size(0);
  basis.total_variance = c->trace().item<double>();
  basis.components = vectors.narrow(1, d - k, k).flip(1).t().to(torch::kFloat).contiguous();
  basis.stddev = values.narrow(0, d - k, k).flip(0).clamp_min(0).sqrt().to(torch::kFloat);
  basis.method = PcaMethod::Covariance;
  return basis;
}

std::optional<PcaBasis> byRandomizedSvd(const torch::Tensor& x, PcaBasis basis, int k,
                                        const PcaOptions& options,
                                        const std::atomic<bool>* cancel) {
  const int64_t n = x.size(0), d = x.size(1);
  const int64_t width = std::min<int64_t>(k + std::max(0, options.oversample), std::min(n, d));
  at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(options.seed);
  const torch::Tensor test = torch::randn({d, width}, generator, torch::kFloat);
  torch::Tensor range = centredTimes(x, basis.mean, test);  // [n, width]
  for (int i = 0; i < options.power_iterations; ++i) {
    if (cancelled(cancel)) return std::nullopt;
    const torch::Tensor back =
        orthonormalBasis(centredTransposeTimes(x, basis.mean, orthonormalBasis(range)));
    if (cancelled(cancel)) return std::nullopt;
    range = centredTimes(x, basis.mean, back);
  }
  if (cancelled(cancel)) return std::nullopt;
  const torch::Tensor q = orthonormalBasis(range);                          // [n, width]
  const torch::Tensor small = centredTransposeTimes(x, basis.mean, q).t();  // Q^T (X - mean)
  auto [u, s, vh] = torch::linalg::svd(small, /*full_matrices=*/false, c10::nullopt);
  // The trace of the covariance: every feature's variance, from chunks of centred rows.
  double squares = 0;
  for (int64_t start = 0; start < n; start += kChunkRows) {
    squares += (x.narrow(0, start, std::min(kChunkRows, n - start)) - basis.mean)
                   .square()
                   .sum()
                   .item<double>();
  }
  basis.total_variance = squares / double(n - 1);
  basis.components = vh.narrow(0, 0, k).contiguous();
  basis.stddev = s.narrow(0, 0, k) / std::sqrt(double(n - 1));
  basis.method = PcaMethod::Randomized;
  return basis;
}

}  // namespace

std::optional<PcaBasis> principalComponents(const torch::Tensor& features,
                                            const PcaOptions& options,
                                            const std::atomic<bool>* cancel) {
  if (features.dim() != 2 || features.size(0) < 2 || features.scalar_type() != torch::kFloat) {
    throw std::invalid_argument(
        "principal components: features must be float rows [n, D] with "
        "n >= 2 (got " +
        c10::str(features.sizes()) + ")");
  }
  const int64_t n = features.size(0), d = features.size(1);
  const int64_t most = std::min(d, n - 1);
  if (options.components < 1 || options.components > most) {
    throw std::invalid_argument("principal components: " + std::to_string(options.components) +
                                " components of " + std::to_string(n) + " rows of " +
                                std::to_string(d) + " features; give 1 to " + std::to_string(most));
  }
  const torch::Tensor x = features.contiguous();
  PcaBasis basis;
  basis.mean = x.mean(0);
  const bool covariance =
      options.method == PcaMethod::Covariance ||
      (options.method == PcaMethod::Auto && d <= options.covariance_max_features);
  return covariance ? byCovariance(x, std::move(basis), options.components, cancel)
                    : byRandomizedSvd(x, std::move(basis), options.components, options, cancel);
}

LatentRegression regressOntoLatents(const torch::Tensor& features, const torch::Tensor& latents,
                                    const PcaBasis& basis) {
  if (features.size(0) != latents.size(0) || latents.dim() != 2) {
    throw std::invalid_argument("latent regression: " + std::to_string(features.size(0)) +
                                " feature rows but latents " + c10::str(latents.sizes()) +
                                "; give one latent row per feature row");
  }
  // The coordinates in units of their stddev (a component without variance stays 0: its
  // direction is then 0 and is reported as such).
  const torch::Tensor coords =
      centredTimes(features.contiguous(), basis.mean, basis.components.t()) /
      basis.stddev.clamp_min(1e-12f);
  const torch::Tensor z = latents - latents.mean(0, /*keepdim=*/true);
  // Dimensions other way round: solve coords U^T = z (gelsy copes with a rank-deficient coords).
  const torch::Tensor u_t =
      std::get<0>(torch::linalg::lstsq(coords, z, c10::nullopt, c10::nullopt));
  LatentRegression out;
  out.directions = u_t / u_t.norm(2, {1}, /*keepdim=*/true).clamp_min(1e-30f);
  return out;
}

}  // namespace ganscope
