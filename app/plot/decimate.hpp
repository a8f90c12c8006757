// Exact min/max decimation of a long series into pixel columns (like Tracy), so loss curves of
// a million points draw at 60 fps without losing spikes.
#pragma once
#include <span>
#include <vector>

namespace ganscope::plot {

/// One pixel column of a decimated series: the x of the column's centre in data units, and the
/// min, max, first and last y of the points falling in the column (NaN/Inf points skipped).
struct Column {
  double x;
  float min;
  float max;
  float first;
  float last;
};

/// Decimates the series (xs ascending, ys the same length; extra elements of the longer one are
/// ignored) restricted to the x-range [x0, x1] into at most `columns` equal-width columns; point
/// x falls in column min(columns - 1, int((x - x0) * (columns / (x1 - x0)))). Columns with no
/// finite point are omitted. When fewer than `columns` * 2 points are visible, every visible
/// finite point becomes its own Column (x = its x, min = max = first = last = y), so zoomed-in
/// curves are drawn exactly. The nearest point outside each end of the range (if any, and if
/// finite) is added as its own Column so lines run to the plot edges. So the result holds at most
/// columns + 2 Columns, or 2 * columns + 1 when zoomed in.
/// Empty when x1 <= x0, x1 - x0 is not finite (or so small that its reciprocal is not), or
/// columns <= 0. Costs O(log n + visible).
std::vector<Column> decimateMinMax(std::span<const double> xs, std::span<const float> ys, double x0,
                                   double x1, int columns);

/// As above, but writes into `out` (cleared first) so a per-frame caller that keeps the vector
/// allocates nothing once its capacity has grown.
void decimateMinMax(std::span<const double> xs, std::span<const float> ys, double x0, double x1,
                    int columns, std::vector<Column>& out);

}  // namespace ganscope::plot
