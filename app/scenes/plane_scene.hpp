// The 2-D picture of the game from one PlaneFrame, in layers: D over the plane as a heatmap, G's
// image of a z grid, the fakes' trails, real and generated samples, where G's loss pushes each
// fake, the modes' centres. Used by the live plane panel and by each capture.
#pragma once
#include <imgui.h>

#include "app/gl/scalar_field_view.hpp"
#include "app/plot/draw.hpp"
#include "app/scenes/arrow_scale.hpp"
#include "app/state/fake_trails.hpp"
#include "app/state/view_settings.hpp"
#include "core/api/telemetry/plane_frame.hpp"

namespace ganscope {

/// The canvas bounds of the plane: the frame's fixed view.
plot::PlotView planeBounds(const PlaneFrame& frame);
/// Canvas options of the plane: square cells; `compact` (captures) drops the y labels.
plot::PlotOptions planeOptions(bool compact);
/// The push arrows' scale: the longest is 1/15 of the view's larger side.
ArrowScale pushArrowScale(const PlaneFrame& frame);

/// Draws the enabled layers on `canvas`; the heatmap only when `heatmap` is given (it holds one
/// texture), the trails only when `trails` is. `compact` makes the marks smaller.
void drawPlaneLayers(plot::PlotCanvas& canvas, const PlaneFrame& frame, const PlaneLayers& layers,
                     bool compact, gl::ScalarFieldView* heatmap = nullptr,
                     const FakeTrails* trails = nullptr);

/// The shown fake nearest the mouse within a few pixels (fake i is latent seed i), or -1.
int hoveredFake(const plot::PlotCanvas& canvas, const PlaneFrame& frame);

/// Under the mouse: a fake's z, G(z) and D(G(z)) when a shown fake is near (and ringed), else
/// (x, y) and D there.
void drawPlaneTooltip(const plot::PlotCanvas& canvas, const PlaneFrame& frame,
                      const PlaneLayers& layers);

/// A capture: the layers, compact and without heatmap, in a square inside `size` at the cursor.
void drawPlaneCapture(const char* id, ImVec2 size, const PlaneFrame& frame,
                      const PlaneLayers& layers, plot::PlotView& view);

}  // namespace ganscope
