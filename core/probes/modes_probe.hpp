// Mode coverage of a 2-D run, by the published protocol (2500 fresh samples, high quality
// within 3 std of a mode), and the binned JSD and KL over the view for every dataset.
#pragma once
#include <torch/torch.h>

#include "core/api/telemetry/plane_frame.hpp"
#include "core/probes/probe_inputs.hpp"

namespace ganscope {

/// Fresh samples per evaluation (the papers' count), drawn per frame by the caller.
inline constexpr int kCoverageSamples = 2500;

/// Fills `out`'s js, kl and mode coverage from `real` and `fake` [kCoverageSamples, 2], binned
/// over `out.view` (set before).
void fillModes(const ProbeInputs& in, const torch::Tensor& real, const torch::Tensor& fake,
               PlaneFrame& out);

}  // namespace ganscope
