// Axis ticks for the plots, like ImPlot: a 1-2-5 "nice" step, major ticks with short labels,
// and pruning of labels that would overlap.
#pragma once
#include <span>
#include <string>
#include <vector>

namespace ganscope::plot {

/// A major tick: its value and its text label.
struct Tick {
  double value;
  std::string label;
};

/// The "nice" step (1, 2 or 5 times a power of ten) for an axis showing [lo, hi] over `pixels`
/// pixels with about one major tick per `target_spacing_px` pixels. Returns 0 for an empty or
/// invalid range, pixels <= 0, target_spacing_px <= 0, or a step beyond 1e-300..1e300.
double niceStep(double lo, double hi, double pixels, double target_spacing_px = 120.0);

/// Major ticks at the multiples of niceStep(...) inside [lo, hi] (inclusive, with a tiny
/// epsilon), ascending. Zero is exactly 0 and prints as "0". Labels have just enough decimals for
/// the step, trailing zeros trimmed (step 0.1 -> "0.1", "0.2"; step 2 -> "2", "4"; step 1e-4 ->
/// "0.0001"); magnitudes >= 1e6 or steps < 1e-4 use %g with enough significant digits to tell
/// neighbours apart. At most 1000 ticks (the lowest ones); empty when niceStep(...) is 0.
std::vector<Tick> makeTicks(double lo, double hi, double pixels, double target_spacing_px = 120.0);

/// Which labels to draw so no two overlap: given label centre positions (pixels, ascending) and
/// label widths (pixels), keeps the first label and every later label whose left edge is at least
/// `gap_px` right of the right edge of the last kept label. Returns one bool per centre; a centre
/// without a matching width counts as zero width.
std::vector<bool> pruneLabels(std::span<const float> centers_px, std::span<const float> widths_px,
                              float gap_px = 6.0f);

}  // namespace ganscope::plot
