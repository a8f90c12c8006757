// The latent explorer's "find z for this real image" view (image runs): the real image chosen
// in the sample grid, G(z) of the z found so far, the loss falling, and "use as A / B".
#pragma once
#include "app/panels/panels.hpp"
#include "core/api/config.hpp"

namespace ganscope {

/// Draws the view at the cursor (nothing for a run without image frames); polls the session's
/// answers and sends FindLatent on "find z".
void drawLatentSearch(PanelContext& ctx, const LatentConfig& latent);

}  // namespace ganscope
