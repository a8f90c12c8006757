// The latent explorer's path over the plane (2-D): G(z(s)) along the path as a line, the strip's
// frames as dots, and the big picture's G(z(t)) as a marker, drawn on the plane's canvas; the
// explorer's anchors that are shown fakes ringed and lettered.
#pragma once
#include "app/plot/draw.hpp"
#include "app/state/latent_explorer_renders.hpp"
#include "core/api/telemetry/plane_frame.hpp"

namespace ganscope {

/// Draws the path of `renders` on `canvas` when its pictures are 2-D points (else nothing).
void drawLatentPathOverlay(plot::PlotCanvas& canvas, const LatentExplorerRenders& renders);

/// Rings the shown fakes that are the explorer's anchors (fake i is latent seed i) and letters
/// them A, B (and C, D in the square).
void drawPinnedFakes(plot::PlotCanvas& canvas, const PlaneFrame& frame,
                     const LatentExplorerState& state);

}  // namespace ganscope
