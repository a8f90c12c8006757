// D's verdicts for the pictures, shared by every frame: D judging points as it judges real
// samples, the display mapping of its raw outputs (recorded in the frame header), and D's
// histograms and -(D's loss) on a frame's real and fake samples.
#pragma once
#include <torch/torch.h>

#include <span>

#include "core/api/telemetry/frame_header.hpp"
#include "core/probes/probe_inputs.hpp"

namespace ganscope {

/// D's raw outputs on `samples` [n, dim]: a packed D sees each sample with the pack - 1
/// `companions` rows; the stddev feature is `stddev` (a 0-d tensor).
torch::Tensor judge(const ProbeInputs& in, const torch::Tensor& samples,
                    const torch::Tensor& companions, const torch::Tensor& stddev);

/// D's raw outputs as the sample grids and the explorer show them, one per row: probabilities
/// for the probability losses, the raw scores for the others (LSGAN's regression output, the
/// critics).
torch::Tensor shownScores(LossKind loss, const torch::Tensor& raw);

/// Chooses the display mapping for D's raw outputs `raw` and records it in `header` (a critic is
/// rescaled over its range on `raw`), then applies it to `raw` in place.
void toDisplay(torch::Tensor& raw, FrameHeader& header);
/// Applies `header`'s display mapping to raw outputs `raw`, in place: probabilities for minimax
/// and non-saturating; otherwise d_lo..d_hi to 0..1, clamped (LSGAN: 0..1 itself).
void toDisplayLike(const FrameHeader& header, torch::Tensor& raw);

/// D's histograms (mapped as `header` says) and -(D's loss) from D's raw outputs on a frame's
/// real and fake samples ([n, 1] each, as judge returns them).
void scoreSamples(LossKind loss, const torch::Tensor& real_raw, const torch::Tensor& fake_raw,
                  const FrameHeader& header, float& value, std::span<float, kHistBins> hist_real,
                  std::span<float, kHistBins> hist_fake);

/// D's histograms (mapped as `header` says) and -(D's loss) on `real` and `fake` samples: D
/// judges both beside the first real samples (when packed), each with its own stddev feature.
void judgeSamples(const ProbeInputs& in, const torch::Tensor& real, const torch::Tensor& fake,
                  const FrameHeader& header, float& value, std::span<float, kHistBins> hist_real,
                  std::span<float, kHistBins> hist_fake);

/// judgeSamples into `out`'s value and histograms (any frame with those fields).
template <class Frame>
void fillDiscriminatorStats(const ProbeInputs& in, const torch::Tensor& real,
                            const torch::Tensor& fake, Frame& out) {
  judgeSamples(in, real, fake, out.header, out.value, out.hist_real, out.hist_fake);
}

}  // namespace ganscope
