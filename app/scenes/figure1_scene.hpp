// drawFigure1: the 1-D picture of Figure 1 of Goodfellow et al. 2014 from one frame; used
// by the live panel and by each capture of the strip.
#pragma once
#include <imgui.h>

#include "app/gl/scalar_field_view.hpp"
#include "app/plot/draw.hpp"
#include "app/state/view_settings.hpp"
#include "core/api/telemetry/figure1_frame.hpp"

namespace ganscope {

/// The latent explorer's z(t) on the z-line and x = G(z(t)) on the x-line.
struct LatentMarker {
  float z = 0, x = 0;
};

/// Draws densities, D(x), D*(x) and the z -> x mapping into `size` at the cursor, and D(x) as a
/// colour strip along the x-line when `strip` is given; `marker` (when given) as an orange
/// arrow over the mapping. `compact` drops the legend and axis title (for the capture strip).
void drawFigure1(const char* id, ImVec2 size, const Figure1Frame& frame,
                 const Figure1Layers& layers, plot::PlotView& view, bool compact,
                 gl::ScalarFieldView* strip = nullptr, const LatentMarker* marker = nullptr);

}  // namespace ganscope
