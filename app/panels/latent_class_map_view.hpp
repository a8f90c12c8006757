// The latent explorer's class map view (image runs): the classifier's class of G(z) over the
// plane through anchors A, B and C, a legend of the class names, live as G trains.
#pragma once

namespace ganscope {

struct PanelContext;

/// In an image run: draws the class map's switch and, when it is on, the map in place of the
/// explorer's pictures (asking the run for a new map as G trains). True when it drew the map:
/// the caller draws nothing more in that area.
bool drawLatentClassMap(PanelContext& ctx);

}  // namespace ganscope
