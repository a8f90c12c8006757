// The push field: the direction G's loss moves each shown fake (minus its gradient with
// respect to x), with the fakes as one batch as D sees them in G's update.
#pragma once
#include <torch/torch.h>

#include "core/api/telemetry/plane_frame.hpp"
#include "core/probes/probe_inputs.hpp"

namespace ganscope {

/// Fills `out.fake_push` for the shown fakes `shown` [kShownPoints, 2]. Needs autograd: it
/// turns InferenceMode off for its own pass (no parameter gradients are kept).
void fillPush(const ProbeInputs& in, const torch::Tensor& shown, PlaneFrame& out);

}  // namespace ganscope
