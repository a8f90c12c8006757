// GANSpace's directions (Härkönen et al. 2020): PCA of G's features y = G1(z) over many z, then
// the PCA coordinates regressed back onto z, so each principal direction of the features
// becomes a direction in z. Two ways to the PCA: eigh of the covariance, or a randomised SVD.
#pragma once
#include <torch/torch.h>

#include <atomic>
#include <cstdint>
#include <optional>

namespace ganscope {

/// How principalComponents finds the leading components.
enum class PcaMethod : uint8_t {
  Auto,        ///< Covariance up to PcaOptions::covariance_max_features features, else Randomized
  Covariance,  ///< eigh of the D x D covariance: exact; its cost grows as n D^2 + D^3
  Randomized,  ///< a randomised SVD (Halko, Martinsson, Tropp 2011): cost n D (k + oversample)
};

struct PcaOptions {
  int components = 10;                 ///< k: the leading components wanted (at most D and n - 1)
  PcaMethod method = PcaMethod::Auto;  ///< see PcaMethod
  /// Auto picks Covariance up to this many features. Measured (bench/directions_bench): 128
  /// features take 70 ms by covariance, 93 ms randomised; 784 take 2.6 s against 1.4 s.
  int64_t covariance_max_features = 512;
  int oversample = 20;  ///< Randomized: extra test vectors beyond k (default: 20)
  /// Randomized: subspace iterations (default: 4). Measured on fashion-dcgan's 3136 features:
  /// 20 and 4 keep all 10 directions within |cos| 0.98 of the exact ones; 10 and 2 only 3.
  int power_iterations = 4;
  uint64_t seed = 0x5eed'd1e5ull;  ///< Randomized: the test matrix's own generator
};

/// The leading principal components of a set of feature rows.
struct PcaBasis {
  torch::Tensor mean;         ///< [D]: the rows' mean
  torch::Tensor components;   ///< [k, D]: orthonormal rows, by decreasing variance
  torch::Tensor stddev;       ///< [k]: the standard deviation of each component's coordinate
  double total_variance = 0;  ///< the sum of every feature's variance (the covariance's trace)
  PcaMethod method = PcaMethod::Covariance;  ///< the method that ran (Auto resolved)
};

/// The first `options.components` principal components of `features` ([n, D], n >= 2).
/// `cancel`, checked between the parts of the computation, stops it when it becomes true (the
/// result is then nullopt). Throws std::invalid_argument naming a bad shape or component count.
std::optional<PcaBasis> principalComponents(const torch::Tensor& features,
                                            const PcaOptions& options,
                                            const std::atomic<bool>* cancel = nullptr);

/// Directions in z: row i of `directions` ([k, dim], unit rows) is GANSpace's regression of
/// the i-th PCA coordinate (in units of its standard deviation) back onto the latents.
struct LatentRegression {
  torch::Tensor directions;  ///< [k, dim]: unit rows
};

/// Least squares U = argmin sum_i ||U x_i - (z_i - mean z)||^2 over the PCA coordinates x_i of
/// `features` row i in `basis` (each divided by its stddev), with `latents` row i its z; the
/// directions are U's columns, normalised. Throws std::invalid_argument for rows that differ
/// in number.
LatentRegression regressOntoLatents(const torch::Tensor& features, const torch::Tensor& latents,
                                    const PcaBasis& basis);

}  // namespace ganscope
