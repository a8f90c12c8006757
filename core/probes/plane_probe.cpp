// PlaneProbe: D's field over a fixed view and the samples drawn on it.
#include "core/probes/plane_probe.hpp"

#include <algorithm>

#include "core/probes/discriminator_probe.hpp"

namespace ganscope {

torch::Tensor PlaneProbe::fill(const ProbeInputs& in, const torch::Tensor& real,
                               PlaneFrame& out) const {
  // A fixed view: the data's support with a margin, so the picture holds still while G moves.
  const auto support = in.mixture().support();
  const double margin =
      0.15 * std::max(support[0].second - support[0].first, support[1].second - support[1].first);
  out.view[0] = static_cast<float>(support[0].first - margin);
  out.view[1] = static_cast<float>(support[1].first - margin);
  out.view[2] = static_cast<float>(support[0].second + margin);
  out.view[3] = static_cast<float>(support[1].second + margin);
  std::copy_n(real.data_ptr<float>(), 2 * kShownPoints, out.real_xy);
  const torch::Tensor companions = real.narrow(0, 0, in.input.pack());
  const torch::Tensor real_stddev = DiscriminatorInput::groupStddev(real);

  // D over the view, the top row first, as it judges a point among real ones.
  const torch::Tensor xs = torch::linspace(out.view[0], out.view[2], kFieldSize);
  const torch::Tensor ys = torch::linspace(out.view[3], out.view[1], kFieldSize);
  const auto mesh = torch::meshgrid({ys, xs}, "ij");
  const torch::Tensor points = torch::stack({mesh[1].flatten(), mesh[0].flatten()}, 1);
  torch::Tensor field = judge(in, points, companions, real_stddev).contiguous();
  toDisplay(field, out.header);
  std::copy_n(field.data_ptr<float>(), kFieldSize * kFieldSize, out.field);

  // The fixed-z fakes: where they are, their z and D's verdict.
  const torch::Tensor shown = in.generator.forward(shown_z_).contiguous();
  std::copy_n(shown.data_ptr<float>(), 2 * kShownPoints, out.fake_xy);
  out.latent_dim = in.latent.dim;
  const torch::Tensor z2 = in.latent.dim >= 2
                               ? shown_z_.narrow(1, 0, 2).contiguous()
                               : torch::cat({shown_z_, torch::zeros_like(shown_z_)}, 1);
  std::copy_n(z2.data_ptr<float>(), 2 * kShownPoints, out.shown_z);
  const torch::Tensor shown_stddev = DiscriminatorInput::groupStddev(shown);
  torch::Tensor verdict = judge(in, shown, companions, shown_stddev).contiguous();
  if (outputIsProbability(out.header.loss)) verdict.sigmoid_();
  std::copy_n(verdict.data_ptr<float>(), kShownPoints, out.fake_d);
  return shown;
}

}  // namespace ganscope
