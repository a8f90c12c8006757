// Mode coverage and the binned divergences over the plane's view.
#include "core/probes/modes_probe.hpp"

#include <algorithm>
#include <span>
#include <vector>

#include "core/metrics/density.hpp"
#include "core/metrics/modes.hpp"
#include "core/tensor_span.hpp"

namespace ganscope {
namespace {

constexpr int kJsBins = 32;                          // bins per side of the binned JSD and KL
constexpr double kKlFloor = 0.5 / kCoverageSamples;  // half a sample per cell keeps KL finite

/// Counts of interleaved (x, y) points per cell of a bins x bins grid over `view`, as
/// fractions of all points (points outside are missing mass).
std::vector<float> histogram2d(std::span<const float> xy, const float* view, int bins) {
  std::vector<float> cells(static_cast<size_t>(bins) * bins, 0.0f);
  const size_t n = xy.size() / 2;
  for (size_t i = 0; i < n; ++i) {
    const double u = (xy[2 * i] - view[0]) / (view[2] - view[0]) * bins;
    const double v = (xy[2 * i + 1] - view[1]) / (view[3] - view[1]) * bins;
    if (!(u >= 0 && u < bins && v >= 0 && v < bins)) continue;
    cells[static_cast<size_t>(v) * bins + static_cast<size_t>(u)] += 1.0f / n;
  }
  return cells;
}

}  // namespace

void fillModes(const ProbeInputs& in, const torch::Tensor& real, const torch::Tensor& fake,
               PlaneFrame& out) {
  // Binned densities over the view: JSD and KL for every dataset.
  const std::vector<float> p = histogram2d(asSpan(real), out.view, kJsBins);
  const std::vector<float> q = histogram2d(asSpan(fake), out.view, kJsBins);
  out.js = static_cast<float>(jensenShannon(p, q, 1.0));
  out.kl = static_cast<float>(binnedKl(p, q, kKlFloor));

  // Mode coverage on fresh samples, by the published protocol, where there are modes.
  if (in.mixture().hasModes()) {
    const std::vector<float>& centres = in.mixture().centres();
    const ModeCoverage coverage = evaluateModes(asSpan(fake), centres, in.mixture().std());
    out.modes_total = std::min<int>(coverage.modes_total, kMaxModes);
    std::copy_n(centres.begin(), 2 * out.modes_total, out.centres);
    std::copy_n(coverage.share.begin(), out.modes_total, out.mode_share);
    out.modes_covered = coverage.modes_covered;
    out.modes_covered_1pct = coverage.modes_covered_1pct;
    out.hq_fraction = static_cast<float>(coverage.hq_fraction);
    out.mode_kl = static_cast<float>(coverage.kl_uniform);
  } else {
    out.modes_total = out.modes_covered = out.modes_covered_1pct = 0;
    out.hq_fraction = out.mode_kl = 0;
  }
}

}  // namespace ganscope
