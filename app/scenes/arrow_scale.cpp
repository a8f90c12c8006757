// ArrowScale: the 90th percentile of the push lengths sets the arrows' scale.
#include "app/scenes/arrow_scale.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace ganscope {

std::pair<float, float> ArrowScale::arrow(float dx, float dy) const {
  const float length = std::hypot(dx, dy);
  if (!(reference > 0) || !std::isfinite(length) || length == 0) return {0.0f, 0.0f};
  const float drawn = max_length * std::min(1.0f, length / reference);
  return {dx / length * drawn, dy / length * drawn};
}

ArrowScale arrowScale(std::span<const float, 2 * kShownPoints> push_xy, float max_length) {
  std::array<float, kShownPoints> lengths;
  size_t count = 0;
  for (int i = 0; i < kShownPoints; ++i) {
    const float length = std::hypot(push_xy[2 * i], push_xy[2 * i + 1]);
    if (std::isfinite(length)) lengths[count++] = length;
  }
  if (count == 0) return {};
  const auto end = lengths.begin() + count;
  const auto percentile = lengths.begin() + (count - 1) * 9 / 10;
  std::nth_element(lengths.begin(), percentile, end);
  // Mostly zero pushes (a saturated loss): the few non-zero ones set the scale.
  const float reference = *percentile > 0 ? *percentile : *std::max_element(percentile, end);
  return {reference, max_length};
}

}  // namespace ganscope
