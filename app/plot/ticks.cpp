// Axis ticks: 1-2-5 nice steps, exact tick values, compact labels, overlap pruning.
#include "app/plot/ticks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

namespace ganscope::plot {
namespace {

constexpr int kMaxTicks = 1000;
constexpr int kMaxExponent = 300;
// Tolerance, in steps, for ticks that fall on the range ends.
constexpr double kEndEpsilon = 1e-9;

// A tick step of nice * 10^exponent, nice in {1, 2, 5}.
struct Step {
  int nice;
  int exponent;
};

// mantissa * 10^exponent, correctly rounded for |exponent| <= 22 (so 3 * 10^-1 == 0.3).
double scaleByPow10(double mantissa, int exponent) {
  return exponent < 0 ? mantissa / std::pow(10.0, -exponent) : mantissa * std::pow(10.0, exponent);
}

std::optional<Step> chooseStep(double lo, double hi, double pixels, double target_spacing_px) {
  const double range = hi - lo;
  if (!(range > 0) || !std::isfinite(range) || !(pixels > 0) || !(target_spacing_px > 0)) {
    return std::nullopt;
  }
  const double raw = range * target_spacing_px / pixels;
  if (!(raw > 0) || !std::isfinite(raw)) return std::nullopt;
  int exponent = static_cast<int>(std::floor(std::log10(raw)));
  if (exponent < -kMaxExponent || exponent > kMaxExponent) return std::nullopt;
  const double fraction = raw / scaleByPow10(1.0, exponent);
  // Round to the nearest of 1, 2, 5, 10 on a log scale.
  if (fraction < std::sqrt(2.0)) return Step{1, exponent};
  if (fraction < std::sqrt(10.0)) return Step{2, exponent};
  if (fraction < std::sqrt(50.0)) return Step{5, exponent};
  return Step{1, exponent + 1};
}

// How to print every label of one axis: printf's %.*f or %.*g with `precision`.
struct LabelFormat {
  bool general;
  int precision;
};

LabelFormat chooseFormat(const Step& step, double max_abs) {
  if (max_abs >= 1e6 || step.exponent < -4) {
    const int magnitude = max_abs > 0 ? static_cast<int>(std::floor(std::log10(max_abs))) : 0;
    return {true, std::clamp(magnitude - step.exponent + 1, 1, 17)};
  }
  return {false, std::max(0, -step.exponent)};
}

std::string formatLabel(double value, const LabelFormat& format) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format.general ? "%.*g" : "%.*f", format.precision, value);
  std::string label = buffer;
  if (!format.general && label.find('.') != std::string::npos) {
    label.erase(label.find_last_not_of('0') + 1);
    if (label.back() == '.') label.pop_back();
  }
  return label;
}

}  // namespace

double niceStep(double lo, double hi, double pixels, double target_spacing_px) {
  const auto step = chooseStep(lo, hi, pixels, target_spacing_px);
  return step ? scaleByPow10(step->nice, step->exponent) : 0.0;
}

std::vector<Tick> makeTicks(double lo, double hi, double pixels, double target_spacing_px) {
  const auto step = chooseStep(lo, hi, pixels, target_spacing_px);
  if (!step) return {};
  const double size = scaleByPow10(step->nice, step->exponent);
  const double first = std::ceil(lo / size - kEndEpsilon);
  const double last = std::floor(hi / size + kEndEpsilon);
  if (!(last >= first)) return {};
  const int count = static_cast<int>(std::min(last - first + 1, double{kMaxTicks}));
  const double max_abs = std::max(std::abs(first), std::abs(first + count - 1)) * size;
  const LabelFormat format = chooseFormat(*step, max_abs);

  std::vector<Tick> ticks;
  ticks.reserve(count);
  for (int i = 0; i < count; ++i) {
    const double multiple = first + i;
    // Zero is written out so that it is exact and can never become -0.
    const double value = multiple == 0 ? 0.0 : scaleByPow10(multiple * step->nice, step->exponent);
    // Steps below the resolution of a double at this magnitude can repeat values.
    if (!ticks.empty() && value == ticks.back().value) continue;
    ticks.push_back({value, formatLabel(value, format)});
  }
  return ticks;
}

std::vector<bool> pruneLabels(std::span<const float> centers_px, std::span<const float> widths_px,
                              float gap_px) {
  std::vector<bool> keep(centers_px.size(), false);
  float last_right = 0;
  for (size_t i = 0; i < centers_px.size(); ++i) {
    const float half_width = i < widths_px.size() ? widths_px[i] / 2 : 0.0f;
    if (i == 0 || centers_px[i] - half_width >= last_right + gap_px) {
      keep[i] = true;
      last_right = centers_px[i] + half_width;
    }
  }
  return keep;
}

}  // namespace ganscope::plot
