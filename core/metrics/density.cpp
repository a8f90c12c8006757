// Density estimates and divergences on an even grid.
#include "core/metrics/density.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

namespace ganscope {
namespace {

double sum(std::span<const float> values) {
  double total = 0;
  for (float v : values) total += v;
  return total;
}

}  // namespace

double silvermanBandwidth(std::span<const float> samples) {
  std::vector<float> sorted;
  sorted.reserve(samples.size());
  for (float s : samples) {
    if (std::isfinite(s)) sorted.push_back(s);
  }
  const size_t n = sorted.size();
  if (n < 2) return 0;
  double mean = 0;
  for (float s : sorted) mean += s;
  mean /= n;
  double var = 0;
  for (float s : sorted) var += (s - mean) * (s - mean);
  const double std = std::sqrt(var / (n - 1));
  std::sort(sorted.begin(), sorted.end());
  const double iqr = sorted[(3 * n) / 4] - sorted[n / 4];
  const double spread = iqr > 0 ? std::min(std, iqr / 1.34) : std;
  return 0.9 * spread * std::pow(static_cast<double>(n), -0.2);
}

void kernelDensity(std::span<const float> samples, double lo, double hi, double bandwidth,
                   std::span<float> out) {
  const int count = static_cast<int>(out.size());
  std::fill(out.begin(), out.end(), 0.0f);
  if (count < 2 || samples.empty() || !(hi > lo) || !std::isfinite(hi - lo)) return;
  const double dx = (hi - lo) / (count - 1);
  const double h = std::isfinite(bandwidth) && bandwidth > dx ? bandwidth : dx;
  // Linear binning onto the grid, then a discrete Gaussian convolution: O(n + count * taps).
  std::vector<double> weights(count, 0.0);
  for (float s : samples) {
    if (!std::isfinite(s)) continue;
    const double pos = (s - lo) / dx;
    if (!(pos > -1.0 && pos < count)) continue;  // outside the grid: its mass is missing
    const double base = std::floor(pos);
    const double frac = pos - base;
    const int i = static_cast<int>(base);
    if (i >= 0) weights[i] += 1 - frac;
    if (i + 1 < count) weights[i + 1] += frac;
  }
  const int taps = static_cast<int>(std::min<double>(count, std::ceil(4 * h / dx)));
  std::vector<double> kernel(taps + 1);
  const double norm = 1.0 / (samples.size() * h * std::sqrt(2 * std::numbers::pi));
  for (int t = 0; t <= taps; ++t) {
    const double u = t * dx / h;
    kernel[t] = norm * std::exp(-0.5 * u * u);
  }
  for (int i = 0; i < count; ++i) {
    if (weights[i] == 0) continue;
    const int j0 = std::max(0, i - taps), j1 = std::min(count - 1, i + taps);
    for (int j = j0; j <= j1; ++j)
      out[j] += static_cast<float>(weights[i] * kernel[std::abs(j - i)]);
  }
}

void optimalDiscriminator(std::span<const float> p_data, std::span<const float> p_g,
                          std::span<float> out) {
  for (size_t i = 0; i < out.size(); ++i) {
    const double total = static_cast<double>(p_data[i]) + p_g[i];
    out[i] = total > 0 ? static_cast<float>(p_data[i] / total) : 0.5f;
  }
}

double jensenShannon(std::span<const float> p, std::span<const float> q, double dx) {
  // Mass per grid cell; a density whose cells sum past 1 (discretisation) is scaled back to 1.
  const double mass_p = sum(p) * dx, mass_q = sum(q) * dx;
  const double scale_p = mass_p > 1 ? 1 / mass_p : 1, scale_q = mass_q > 1 ? 1 / mass_q : 1;
  double js = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    const double pi = p[i] * dx * scale_p, qi = q[i] * dx * scale_q, mi = 0.5 * (pi + qi);
    if (pi > 0) js += 0.5 * pi * std::log(pi / mi);
    if (qi > 0) js += 0.5 * qi * std::log(qi / mi);
  }
  // Mass off the grid has no partner on it: it adds what disjoint mass adds, log 2 / 2 per unit.
  const double missing = std::max(0.0, 1 - mass_p * scale_p) + std::max(0.0, 1 - mass_q * scale_q);
  js += 0.5 * missing * std::numbers::ln2;
  return std::clamp(js, 0.0, std::numbers::ln2);
}

double binnedKl(std::span<const float> p, std::span<const float> q, double floor) {
  const double outside_p = std::max(0.0, 1 - sum(p)), outside_q = std::max(0.0, 1 - sum(q));
  // Only the cells where q has nothing but p has mass get the floor, then q is renormalised.
  auto missing = [](double pi, double qi) { return pi > 0 && qi <= 0; };
  double norm = 1 + (missing(outside_p, outside_q) ? floor : 0);
  for (size_t i = 0; i < p.size(); ++i) norm += missing(p[i], q[i]) ? floor : 0;
  auto term = [&](double pi, double qi) {
    if (pi <= 0) return 0.0;
    return pi * std::log(pi * norm / (missing(pi, qi) ? floor : qi));
  };
  double kl = term(outside_p, outside_q);
  for (size_t i = 0; i < p.size(); ++i) kl += term(p[i], q[i]);
  return std::max(0.0, kl);
}

void histogram(std::span<const float> values, double lo, double hi, std::span<float> out) {
  std::fill(out.begin(), out.end(), 0.0f);
  const int bins = static_cast<int>(out.size());
  size_t counted = 0;
  for (float v : values) {
    if (std::isnan(v)) continue;
    const double pos = (v - lo) / (hi - lo) * bins;
    const int bin = pos < 0 ? 0 : pos >= bins ? bins - 1 : static_cast<int>(pos);
    out[bin] += 1;
    ++counted;
  }
  if (counted == 0) return;
  for (float& o : out) o /= counted;
}

}  // namespace ganscope
