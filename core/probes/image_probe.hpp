// ImageProbe: the sample grids of an image run: G's samples for a fixed z batch and a fixed set
// of real training images, each with D's score, D's histograms and value on them.
#pragma once
#include <torch/torch.h>

#include "core/api/telemetry/image_frame.hpp"
#include "core/probes/probe_inputs.hpp"

namespace ganscope {

class ImageProbe {
 public:
  /// `fixed_z` [kGridImages, latent dim]: the grid's latents, the same every frame;
  /// `real_rows` [kGridImages, 784] in [-1, 1] with their `real_labels` [kGridImages] (int64).
  ImageProbe(torch::Tensor fixed_z, torch::Tensor real_rows, torch::Tensor real_labels);

  /// Fills `out`'s grids, D's scores and histograms, `value` and D's display mapping in the
  /// header, drawing the samples from `preview` (G in eval mode or its moving average). Call
  /// in eval mode under InferenceMode.
  void fill(const ProbeInputs& in, Network& preview, ImageFrame& out) const;

 private:
  torch::Tensor fixed_z_, real_rows_, real_pixels_;
  torch::Tensor real_labels_;  ///< uint8 [kGridImages]
};

}  // namespace ganscope
