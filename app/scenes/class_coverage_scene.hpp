// The class coverage scene (images): what our classifier says about G's samples: the class
// bars, classes covered, KL to uniform, diversity against the real images' with its alarm, the
// Fréchet distance over time against its floor, precision/recall, the classifier's accuracy.
#pragma once
#include <imgui.h>

#include "app/plot/draw.hpp"
#include "app/state/metric_store.hpp"
#include "core/api/session.hpp"
#include "core/api/telemetry/image_frame.hpp"

namespace ganscope {

/// Draws `frame`'s metrics filling the rest of the window, the Fréchet distances of `history`
/// in `view` (kept by the caller); before the classifier's first evaluation, says it is not
/// ready and where `classifier` stands (loading, training with a progress bar, failed and why).
/// `fashion`: Fashion-MNIST's class names, else digits.
void drawClassCoverage(const ImageFrame& frame, const ImageMetricHistory& history,
                       plot::PlotView& view, bool fashion, const ClassifierStatus& classifier);

}  // namespace ganscope
