// The latent explorer's path over the plane (2-D): G(z(s)) along the path as a line, the strip's
// frames as dots, and the big picture's G(z(t)) as a marker, drawn on the plane's canvas.
#pragma once
#include "app/plot/draw.hpp"
#include "app/state/latent_explorer_renders.hpp"

namespace ganscope {

/// Draws the path of `renders` on `canvas` when its pictures are 2-D points (else nothing).
void drawLatentPathOverlay(plot::PlotCanvas& canvas, const LatentExplorerRenders& renders);

}  // namespace ganscope
