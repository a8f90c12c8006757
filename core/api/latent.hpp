// Latent vectors for the explorer: z from a latent seed (the same on every machine and in every
// run, so a seed can be typed in and shared), and paths between latents: linear and spherical
// interpolation, a bilinear square of four anchors, truncation toward the prior's centre.
// Torch-free: the window computes its paths itself and asks the trainer only for G's pictures.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/api/config.hpp"

namespace ganscope {

using Latent = std::vector<float>;

/// The z of latent seed `seed`: `latent.dim` values from the run's prior (U(0, 1) or
/// N(0, 1)), drawn with SplitMix64 (and Box-Muller for the normal), so the same seed gives the
/// same z everywhere. The image grid's sample i is latent seed i.
Latent latentFromSeed(const LatentConfig& latent, uint64_t seed);

/// The prior's centre in each dimension: 0.5 for U(0, 1), 0 for N(0, 1).
float priorCentre(LatentKind kind);
/// The prior's typical distance from its centre, sqrt(E|z - centre|^2): sqrt(dim) for
/// N(0, I) (10 for 100 dimensions), sqrt(dim / 12) for U(0, 1).
double typicalNorm(const LatentConfig& latent);
/// |z - centre|: the number shown against typicalNorm.
double normFromCentre(const LatentConfig& latent, std::span<const float> z);

/// a + t (b - a). Exactly a at t = 0 and exactly b at t = 1.
Latent lerp(std::span<const float> a, std::span<const float> b, double t);
/// Spherical interpolation about the prior's centre (White 2016): the angle between a and b
/// is split at t and the length interpolated linearly, so two latents of equal norm keep it
/// along the path. Exactly a at t = 0 and b at t = 1; falls back to lerp for (anti)parallel
/// latents.
Latent slerp(const LatentConfig& latent, std::span<const float> a, std::span<const float> b,
             double t);
/// slerp when `spherical`, else lerp.
Latent interpolate(const LatentConfig& latent, std::span<const float> a, std::span<const float> b,
                   double t, bool spherical);
/// The bilinear blend of a square of four anchors at (u, v) in [0, 1]^2: corner00 at (0, 0),
/// corner10 at (1, 0), corner01 at (0, 1), corner11 at (1, 1); each corner exactly at its
/// place.
Latent bilinear(std::span<const float> corner00, std::span<const float> corner10,
                std::span<const float> corner01, std::span<const float> corner11, double u,
                double v);
/// centre + psi (z - centre): psi = 1 gives z, psi = 0 the prior's centre (truncation, as in
/// StyleGAN).
Latent truncate(const LatentConfig& latent, std::span<const float> z, double psi);

}  // namespace ganscope
