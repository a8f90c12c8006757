// Mode coverage of 2-D samples against the centres of a Gaussian mixture, by the protocol of
// the unrolled-GAN, VEEGAN and PacGAN papers, so the numbers compare with theirs.
#pragma once
#include <span>
#include <vector>

namespace ganscope {

struct ModeCoverage {
  int modes_total = 0;
  int modes_covered = 0;       ///< modes nearest to at least one high-quality sample
  int modes_covered_1pct = 0;  ///< stricter: at least 1% of all samples, high-quality
  double hq_fraction = 0;      ///< samples within 3 std of their nearest centre
  double kl_uniform = 0;       ///< KL(per-mode share of the HQ samples || uniform), nats
  std::vector<float> share;    ///< per mode: its fraction of the high-quality samples
};

/// Evaluates `xy` (n points, interleaved x, y) against `centres` (interleaved x, y) of modes
/// with standard deviation `std`. With no high-quality sample, shares are 0 and KL is log(K).
ModeCoverage evaluateModes(std::span<const float> xy, std::span<const float> centres, double std);

}  // namespace ganscope
