// Figure1Probe: the 1-D curves and mapping lines of Figure 1.
#include "core/probes/figure1_probe.hpp"

#include <algorithm>
#include <cmath>

#include "core/metrics/density.hpp"
#include "core/probes/discriminator_probe.hpp"
#include "core/tensor_span.hpp"

namespace ganscope {

Figure1Probe::Figure1Probe(const LatentConfig& latent) {
  c10::InferenceMode inference;
  // Evenly spaced quantiles of z: a low-noise estimate of p_g, and mapping lines at even
  // positions along the z-line (the latent's CDF).
  const torch::Tensor u = (torch::arange(kSamples, torch::kFloat) + 0.5) / kSamples;
  mapping_position_ = torch::linspace(0.0, 1.0, kMapLines).unsqueeze(1);
  const torch::Tensor ends = mapping_position_.clamp(0.5 / kSamples, 1 - 0.5 / kSamples);
  auto quantile = [&](const torch::Tensor& p) {
    return latent.kind == LatentKind::Uniform ? p.clone()
                                              : torch::erfinv(p * 2 - 1) * std::sqrt(2.0);
  };
  curve_z_ = quantile(u).unsqueeze(1).expand({kSamples, latent.dim}).contiguous();
  mapping_z_ = quantile(ends).expand({kMapLines, latent.dim}).contiguous();
}

torch::Tensor Figure1Probe::fill(const ProbeInputs& in, const torch::Tensor& real,
                                 Figure1Frame& out) const {
  const torch::Tensor fake = in.generator.forward(curve_z_).contiguous();
  const torch::Tensor mapped = in.generator.forward(mapping_z_).contiguous();
  const std::span<const float> fake_values = asSpan(fake);

  // View range: the data's support widened to the G samples shown, padded by 5%, but at most
  // ten data widths either side (samples beyond count as missing mass in the JSD).
  auto [lo, hi] = in.mixture().support()[0];
  const auto [fake_lo, fake_hi] = std::minmax_element(fake_values.begin(), fake_values.end());
  const std::span<const float> mapped_values = asSpan(mapped);
  const auto [map_lo, map_hi] = std::minmax_element(mapped_values.begin(), mapped_values.end());
  const double width = hi - lo;
  lo = std::max(lo - 10 * width, std::min<double>({lo, *fake_lo, *map_lo}));
  hi = std::min(hi + 10 * width, std::max<double>({hi, *fake_hi, *map_hi}));
  const double pad = 0.05 * (hi - lo);
  if (std::isfinite(lo) && std::isfinite(hi)) {
    lo -= pad;
    hi += pad;
  } else {
    std::tie(lo, hi) = in.mixture().support()[0];
  }
  out.x_min = static_cast<float>(lo);
  out.x_max = static_cast<float>(hi);

  const torch::Tensor grid = torch::linspace(lo, hi, kCurvePoints).unsqueeze(1);
  torch::Tensor d_grid = judge(in, grid, real, DiscriminatorInput::groupStddev(real)).contiguous();
  toDisplay(d_grid, out.header);
  std::copy_n(d_grid.data_ptr<float>(), kCurvePoints, out.d);
  const float* x = grid.data_ptr<float>();
  for (int i = 0; i < kCurvePoints; ++i)
    out.p_data[i] = static_cast<float>(in.mixture().density1d(x[i]));
  kernelDensity(fake_values, lo, hi, silvermanBandwidth(fake_values), out.p_g);
  optimalDiscriminator(out.p_data, out.p_g, out.d_star);
  out.js = static_cast<float>(jensenShannon(out.p_data, out.p_g, (hi - lo) / (kCurvePoints - 1)));

  std::copy_n(mapping_position_.data_ptr<float>(), kMapLines, out.z);
  std::copy_n(mapped.data_ptr<float>(), kMapLines, out.g_of_z);
  return fake;
}

}  // namespace ganscope
