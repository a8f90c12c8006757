// The plane panel's key, drawn beside the plot: D's colour bar (a critic's raw range when it is
// normalised), a swatch for each layer that is on, and the scale of the push arrows.
#pragma once
#include "app/state/view_settings.hpp"
#include "core/api/telemetry/plane_frame.hpp"

namespace ganscope {

/// Draws the key at the cursor, as wide as the space left.
void drawPlaneLegend(const PlaneFrame& frame, const PlaneLayers& layers);

}  // namespace ganscope
