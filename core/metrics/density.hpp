// Density estimates and divergences on an even grid: kernel density of samples, the optimal
// discriminator D*(x), KL and Jensen-Shannon divergence, histograms. Plain C++, no torch.
#pragma once
#include <span>

namespace ganscope {

/// Silverman's rule-of-thumb bandwidth 0.9 min(std, IQR/1.34) n^(-1/5) of the finite samples;
/// 0 for fewer than 2.
double silvermanBandwidth(std::span<const float> samples);

/// Gaussian kernel density of `samples` at out.size() evenly spaced points from lo to hi
/// (inclusive). Bandwidths below the grid spacing (or not finite) become the spacing; non-finite
/// samples are skipped, and all zeros come out for a non-finite range. Samples outside the range
/// still count in the normalisation, so mass outside [lo, hi] is missing from `out`.
void kernelDensity(std::span<const float> samples, double lo, double hi, double bandwidth,
                   std::span<float> out);

/// D*(x) = p_data / (p_data + p_g), elementwise; 1/2 where both densities are 0.
void optimalDiscriminator(std::span<const float> p_data, std::span<const float> p_g,
                          std::span<float> out);

/// KL(p || q) in nats of two densities on the same grid, each normalised to sum 1 first.
/// Infinite when p has mass where q has none.
double klDivergence(std::span<const float> p, std::span<const float> q);

/// JSD(p || q) = KL(p||m)/2 + KL(q||m)/2 with m = (p+q)/2, in nats, within [0, log 2].
double jensenShannon(std::span<const float> p, std::span<const float> q);

/// Fraction of `values` in each of out.size() equal bins over [lo, hi]; values outside are
/// clamped into the end bins, NaNs are skipped.
void histogram(std::span<const float> values, double lo, double hi, std::span<float> out);

}  // namespace ganscope
