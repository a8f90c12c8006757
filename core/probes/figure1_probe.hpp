// Figure1Probe: the curves of Figure 1 for a 1-D run: p_data, p_g (a kernel estimate from
// stratified latents), D, D*, the JSD, and the z-line to x-line mapping lines.
#pragma once
#include <torch/torch.h>

#include "core/api/telemetry/figure1_frame.hpp"
#include "core/probes/probe_inputs.hpp"

namespace ganscope {

class Figure1Probe {
 public:
  /// Real samples behind the curves and histograms (drawn per frame by the caller).
  static constexpr int kSamples = 1024;

  /// Fixes the run's latents: evenly spaced quantiles of z behind p_g and the mapping lines.
  explicit Figure1Probe(const LatentConfig& latent);

  /// Fills `out`'s curves, view range, JSD and mapping lines, and the header's display mapping,
  /// judging D among `real` [kSamples, 1]. Returns G's samples behind p_g [kSamples, 1].
  torch::Tensor fill(const ProbeInputs& in, const torch::Tensor& real, Figure1Frame& out) const;

 private:
  torch::Tensor curve_z_;           ///< [kSamples, latent dim] stratified latents behind p_g
  torch::Tensor mapping_z_;         ///< [kMapLines, latent dim] latents of the mapping lines
  torch::Tensor mapping_position_;  ///< [kMapLines, 1] their positions along the z-line
};

}  // namespace ganscope
