// PlaneProbe: the plane of a 2-D run: a fixed view around the data, D's field over it, real
// samples, and the fakes of a fixed set of z with their z and D's verdict.
#pragma once
#include <torch/torch.h>

#include "core/api/telemetry/plane_frame.hpp"
#include "core/probes/probe_inputs.hpp"

namespace ganscope {

class PlaneProbe {
 public:
  /// `shown_z` [kShownPoints, latent dim]: the latents of the fakes drawn, fixed for the run so
  /// their movement is visible.
  explicit PlaneProbe(torch::Tensor shown_z) : shown_z_(std::move(shown_z)) {}

  /// Fills `out`'s view, field (and the header's display mapping), real and shown samples with
  /// their z and D's verdict, judging D among `real` [n >= kShownPoints, 2]. Returns the shown
  /// fakes G(shown z) [kShownPoints, 2].
  torch::Tensor fill(const ProbeInputs& in, const torch::Tensor& real, PlaneFrame& out) const;

 private:
  torch::Tensor shown_z_;
};

}  // namespace ganscope
