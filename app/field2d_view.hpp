// drawField2d: the 2-D picture of the game from one Snapshot: D over the plane as a heatmap,
// real samples, G's samples for a fixed set of z, and the modes' centres. Used by the live
// panel and by each capture.
#pragma once
#include <imgui.h>

#include "app/gl/scalar_field_view.hpp"
#include "app/plot/draw.hpp"
#include "core/telemetry.hpp"

namespace ganscope {

/// Draws into `size` at the cursor; the heatmap only when `field` is given. `compact` drops
/// the legend and tooltips.
void drawField2d(const char* id, ImVec2 size, const Snapshot& snapshot, plot::PlotView& view,
                 bool compact, gl::ScalarFieldView* field = nullptr);

}  // namespace ganscope
