// Min/max decimation per pixel column: one pass over the visible points, no allocation.
#include "app/plot/decimate.hpp"

#include <algorithm>
#include <cmath>

namespace ganscope::plot {
namespace {

bool isFinitePoint(double x, float y) {
  return std::isfinite(x) && std::isfinite(y);
}

// Appends point i as its own column, if it is finite.
void appendPoint(std::span<const double> xs, std::span<const float> ys, size_t i,
                 std::vector<Column>& out) {
  if (isFinitePoint(xs[i], ys[i])) out.push_back({xs[i], ys[i], ys[i], ys[i], ys[i]});
}

}  // namespace

std::vector<Column> decimateMinMax(std::span<const double> xs, std::span<const float> ys, double x0,
                                   double x1, int columns) {
  std::vector<Column> out;
  decimateMinMax(xs, ys, x0, x1, columns, out);
  return out;
}

void decimateMinMax(std::span<const double> xs, std::span<const float> ys, double x0, double x1,
                    int columns, std::vector<Column>& out) {
  out.clear();
  if (!(x1 > x0) || columns <= 0) return;
  const double width = (x1 - x0) / columns;
  const double scale = columns / (x1 - x0);
  if (!std::isfinite(width) || !std::isfinite(scale)) return;  // infinite or subnormal range
  const size_t n = std::min(xs.size(), ys.size());
  const auto xs_begin = xs.begin();
  const auto xs_end = xs_begin + static_cast<std::ptrdiff_t>(n);
  const size_t begin = std::lower_bound(xs_begin, xs_end, x0) - xs_begin;
  const size_t end = std::upper_bound(xs_begin + begin, xs_end, x1) - xs_begin;
  const size_t visible = end - begin;

  const bool zoomed_in = visible < static_cast<size_t>(columns) * 2;
  out.reserve((zoomed_in ? visible : static_cast<size_t>(columns)) + 2);
  if (begin > 0) appendPoint(xs, ys, begin - 1, out);
  if (zoomed_in) {
    for (size_t i = begin; i < end; ++i) appendPoint(xs, ys, i, out);
  } else {
    int current = -1;
    Column column{};
    for (size_t i = begin; i < end; ++i) {
      const double x = xs[i];
      const float y = ys[i];
      if (!std::isfinite(y)) continue;  // x is finite: it lies within [x0, x1]
      const int c = std::min(columns - 1, static_cast<int>((x - x0) * scale));
      if (c != current) {
        if (current >= 0) out.push_back(column);
        current = c;
        column = {x0 + (c + 0.5) * width, y, y, y, y};
      } else {
        column.min = std::min(column.min, y);
        column.max = std::max(column.max, y);
        column.last = y;
      }
    }
    if (current >= 0) out.push_back(column);
  }
  if (end < n) appendPoint(xs, ys, end, out);
}

}  // namespace ganscope::plot
