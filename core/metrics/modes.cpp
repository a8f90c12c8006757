// Mode coverage: nearest centre per sample, high quality within 3 std.
#include "core/metrics/modes.hpp"

#include <cmath>
#include <limits>

namespace ganscope {

ModeCoverage evaluateModes(std::span<const float> xy, std::span<const float> centres, double std) {
  ModeCoverage result;
  const size_t modes = centres.size() / 2, samples = xy.size() / 2;
  result.modes_total = static_cast<int>(modes);
  std::vector<size_t> counts(modes, 0);
  size_t hq = 0;
  const double limit = 9 * std * std;  // (3 std)^2
  for (size_t i = 0; i < samples; ++i) {
    size_t nearest = 0;
    double best = std::numeric_limits<double>::infinity();
    for (size_t m = 0; m < modes; ++m) {
      const double dx = xy[2 * i] - centres[2 * m], dy = xy[2 * i + 1] - centres[2 * m + 1];
      const double d2 = dx * dx + dy * dy;
      if (d2 < best) {
        best = d2;
        nearest = m;
      }
    }
    if (best <= limit) {
      ++counts[nearest];
      ++hq;
    }
  }
  result.hq_fraction = samples ? static_cast<double>(hq) / samples : 0;
  result.share.assign(modes, 0.0f);
  result.kl_uniform = std::log(static_cast<double>(modes));
  if (hq == 0) return result;
  result.kl_uniform = 0;
  for (size_t m = 0; m < modes; ++m) {
    if (counts[m] > 0) ++result.modes_covered;
    if (counts[m] * 100 >= samples) ++result.modes_covered_1pct;
    const double share = static_cast<double>(counts[m]) / hq;
    result.share[m] = static_cast<float>(share);
    if (share > 0) result.kl_uniform += share * std::log(share * modes);
  }
  return result;
}

}  // namespace ganscope
