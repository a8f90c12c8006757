// Class bars: one horizontal bar per class of the classifier's histogram of G's samples, named,
// with the uniform share as a dashed line, so a collapse onto a few classes is seen at once.
#pragma once
#include <imgui.h>

#include "core/api/telemetry/image_frame.hpp"

namespace ganscope {

/// Draws `metrics`' class histogram at the cursor in `size` pixels (rows shrink to fit, at
/// least the small font). Classes under kCoveredShare are drawn in the warning colour.
/// `fashion`: Fashion-MNIST's class names, else digits.
void drawClassBars(const ImageMetrics& metrics, bool fashion, ImVec2 size);

}  // namespace ganscope
