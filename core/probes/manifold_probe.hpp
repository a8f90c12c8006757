// The generator manifold: G's image of a regular grid over the first two coordinates of z.
#pragma once
#include "core/api/telemetry/plane_frame.hpp"
#include "core/probes/probe_inputs.hpp"

namespace ganscope {

/// Fills `out.manifold_xy` and `out.manifold_z` (the grid's corners).
void fillManifold(const ProbeInputs& in, PlaneFrame& out);

}  // namespace ganscope
