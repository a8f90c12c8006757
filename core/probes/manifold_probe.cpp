// The generator manifold: G over a regular grid of z.
#include "core/probes/manifold_probe.hpp"

#include <algorithm>

namespace ganscope {

void fillManifold(const ProbeInputs& in, PlaneFrame& out) {
  // A regular grid over the first two coordinates of z (the likely region of each); any other
  // coordinates sit at their mean.
  const bool uniform = in.latent.kind == LatentKind::Uniform;
  const double lo = uniform ? 0.0 : -2.5, hi = uniform ? 1.0 : 2.5;
  const torch::Tensor axis = torch::linspace(lo, hi, kManifoldSide);
  const auto mesh = torch::meshgrid({axis, axis}, "ij");
  torch::Tensor z =
      torch::full({kManifoldSide * kManifoldSide, in.latent.dim}, uniform ? 0.5 : 0.0);
  z.select(1, 0).copy_(mesh[1].flatten());
  if (in.latent.dim >= 2) z.select(1, 1).copy_(mesh[0].flatten());
  const torch::Tensor image = in.generator.forward(z).contiguous();
  std::copy_n(image.data_ptr<float>(), 2 * kManifoldSide * kManifoldSide, out.manifold_xy);
  out.manifold_z[0] = out.manifold_z[1] = static_cast<float>(lo);
  out.manifold_z[2] = out.manifold_z[3] = static_cast<float>(hi);
}

}  // namespace ganscope
