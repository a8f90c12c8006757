// Density estimates and divergences on an even grid: kernel density of samples, the optimal
// discriminator D*(x), Jensen-Shannon divergence, histograms. Plain C++, no torch.
#pragma once
#include <span>

namespace ganscope {

/// Silverman's rule-of-thumb bandwidth 0.9 min(std, IQR/1.34) n^(-1/5) of the finite samples;
/// 0 for fewer than 2.
double silvermanBandwidth(std::span<const float> samples);

/// Gaussian kernel density of `samples` at out.size() evenly spaced points from lo to hi
/// (inclusive). Bandwidths below the grid spacing (or not finite) become the spacing. The result
/// is normalised by the count of all samples, so the mass of samples outside [lo, hi] (or not
/// finite) is missing from `out`; all zeros come out for a non-finite range.
void kernelDensity(std::span<const float> samples, double lo, double hi, double bandwidth,
                   std::span<float> out);

/// D*(x) = p_data / (p_data + p_g), elementwise; 1/2 where both densities are 0.
void optimalDiscriminator(std::span<const float> p_data, std::span<const float> p_g,
                          std::span<float> out);

/// JSD(p || q) = KL(p||m)/2 + KL(q||m)/2 with m = (p+q)/2, in nats, within [0, log 2], of two
/// densities sampled on the same grid with spacing `dx`. Mass a density lacks on the grid
/// (1 - its integral) counts as lying off the grid where the other has none.
double jensenShannon(std::span<const float> p, std::span<const float> q, double dx);

/// KL(p || q) in nats of two binned distributions given as fractions per cell; what each lacks
/// of 1 forms one more cell (mass outside the bins). Cells that p has and q lacks get q =
/// `floor` (then q is renormalised), so they cost a large but finite amount.
double binnedKl(std::span<const float> p, std::span<const float> q, double floor);

/// Fraction of `values` in each of out.size() equal bins over [lo, hi]; values outside are
/// clamped into the end bins, NaNs are skipped.
void histogram(std::span<const float> values, double lo, double hi, std::span<float> out);

}  // namespace ganscope
