// fitDataArea: limited by the inner width or the inner height, whichever binds first.
#include "app/plot/data_area.hpp"

#include <algorithm>
#include <cmath>

namespace ganscope::plot {

Extent fitDataArea(float width, float height, const Margins& margins, double aspect,
                   float min_side) {
  if (!(aspect > 0) || !std::isfinite(aspect)) aspect = 1;
  const float inner_w = std::max(0.0f, width - margins.left - margins.right);
  const float inner_h = std::max(0.0f, height - margins.top - margins.bottom);
  float w = inner_w, h = static_cast<float>(inner_w / aspect);
  if (h > inner_h) {
    h = inner_h;
    w = static_cast<float>(inner_h * aspect);
  }
  return {std::max(min_side, w), std::max(min_side, h)};
}

Extent canvasAround(const Extent& area, const Margins& margins) {
  return {area.width + margins.left + margins.right, area.height + margins.top + margins.bottom};
}

}  // namespace ganscope::plot
