// Sizing a plot whose data area has a fixed shape (the plane: square cells over its view): the
// largest data area of that aspect that fits the space available, margins included.
#pragma once

namespace ganscope::plot {

/// A canvas's margins around its data area, in pixels.
struct Margins {
  float left = 0, top = 0, right = 0, bottom = 0;
};

/// A width and a height in pixels.
struct Extent {
  float width = 0, height = 0;
};

/// The largest data area with `aspect` = width / height (1: square) that fits in `width` x
/// `height` pixels with `margins` around it; each side at least `min_side`. A non-finite or
/// non-positive aspect counts as square.
Extent fitDataArea(float width, float height, const Margins& margins, double aspect = 1,
                   float min_side = 1);

/// The canvas size around a data area of `area` with `margins`.
Extent canvasAround(const Extent& area, const Margins& margins);

}  // namespace ganscope::plot
