// D's verdicts for the pictures: judging, the display mapping, histograms and value.
#include "core/probes/discriminator_probe.hpp"

#include <algorithm>
#include <vector>

#include "core/losses/losses.hpp"
#include "core/metrics/density.hpp"
#include "core/tensor_span.hpp"

namespace ganscope {

torch::Tensor judge(const ProbeInputs& in, const torch::Tensor& samples,
                    const torch::Tensor& companions, const torch::Tensor& stddev) {
  if (in.input.identity()) return in.discriminator.forward(samples);
  const int64_t n = samples.size(0), dim = in.data_dim;
  torch::Tensor rows = torch::empty({n, in.input.width()});
  rows.narrow(1, 0, dim).copy_(samples);
  for (int k = 1; k < in.input.pack(); ++k) {
    rows.narrow(1, k * dim, dim).copy_(companions.narrow(0, k - 1, 1).expand({n, dim}));
  }
  if (in.input.width() > dim * in.input.pack()) rows.select(1, dim * in.input.pack()).fill_(stddev);
  return in.discriminator.forward(rows);
}

torch::Tensor shownScores(LossKind loss, const torch::Tensor& raw) {
  return (outputIsProbability(loss) ? raw.sigmoid() : raw).flatten().contiguous();
}

void toDisplayLike(const FrameHeader& header, torch::Tensor& raw) {
  if (outputIsProbability(header.loss)) {
    raw.sigmoid_();
  } else {
    raw.sub_(header.d_lo).div_(std::max(header.d_hi - header.d_lo, 1e-12f)).clamp_(0, 1);
  }
}

void toDisplay(torch::Tensor& raw, FrameHeader& header) {
  header.d_normalised = isCritic(header.loss);
  header.d_lo = header.d_normalised ? raw.min().item<float>() : 0.0f;
  header.d_hi = header.d_normalised ? raw.max().item<float>() : 1.0f;
  toDisplayLike(header, raw);
}

void scoreSamples(LossKind loss, const torch::Tensor& real_raw, const torch::Tensor& fake_raw,
                  const FrameHeader& header, float& value, std::span<float, kHistBins> hist_real,
                  std::span<float, kHistBins> hist_fake) {
  torch::Tensor scores = torch::cat({real_raw, fake_raw}).contiguous();
  std::vector<float> unused(scores.size(0));
  value = static_cast<float>(-discriminatorLoss(loss, asSpan(scores), unused));
  toDisplayLike(header, scores);
  const std::span<const float> outputs = asSpan(scores);
  histogram(outputs.first(real_raw.size(0)), 0, 1, hist_real);
  histogram(outputs.last(fake_raw.size(0)), 0, 1, hist_fake);
}

void judgeSamples(const ProbeInputs& in, const torch::Tensor& real, const torch::Tensor& fake,
                  const FrameHeader& header, float& value, std::span<float, kHistBins> hist_real,
                  std::span<float, kHistBins> hist_fake) {
  const torch::Tensor companions = real.narrow(0, 0, in.input.pack());
  scoreSamples(in.loss, judge(in, real, companions, DiscriminatorInput::groupStddev(real)),
               judge(in, fake, companions, DiscriminatorInput::groupStddev(fake)), header, value,
               hist_real, hist_fake);
}

}  // namespace ganscope
