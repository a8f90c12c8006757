// Reference-line labels in a plot's right margin: each as near its line's height as it can be
// without overlapping another label or leaving the plot's vertical extent.
#pragma once
#include <span>
#include <vector>

namespace ganscope::plot {

/// The top edges (screen y, down is positive) of labels `heights` tall that want their middles
/// at `wanted` (one per label, any order): no two overlap (they keep a `gap` between them), all
/// lie within [top, bottom] when they fit there, and each moves as little as the others allow.
/// Labels keep the order of their wanted heights.
std::vector<float> placeLabels(std::span<const float> wanted, std::span<const float> heights,
                               float top, float bottom, float gap = 0);

}  // namespace ganscope::plot
