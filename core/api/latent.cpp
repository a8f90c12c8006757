// Latent seeds and paths: SplitMix64 (Steele et al. 2014) and Box-Muller for the seeds, then
// plain loops for the paths, so the same numbers come out on every machine.
#include "core/api/latent.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace ganscope {
namespace {

/// SplitMix64: a 64-bit state stepped by the golden-ratio increment, its output mixed.
struct SplitMix64 {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// Uniform in (0, 1]: never 0, so log() below is finite.
  double unit() { return (static_cast<double>(next() >> 11) + 1) * 0x1.0p-53; }
};

void checkSameSize(std::span<const float> a, std::span<const float> b) {
  if (a.size() != b.size()) {
    throw std::invalid_argument("latents of different sizes (" + std::to_string(a.size()) +
                                " and " + std::to_string(b.size()) + ")");
  }
}

}  // namespace

Latent latentFromSeed(const LatentConfig& latent, uint64_t seed) {
  Latent z(static_cast<size_t>(std::max(latent.dim, 0)));
  SplitMix64 random{seed};
  if (latent.kind == LatentKind::Uniform) {
    for (float& value : z) value = static_cast<float>(random.unit() - 0x1.0p-53);  // [0, 1)
    return z;
  }
  for (size_t i = 0; i < z.size(); i += 2) {
    const double radius = std::sqrt(-2 * std::log(random.unit()));
    const double angle = 2 * std::numbers::pi * random.unit();
    z[i] = static_cast<float>(radius * std::cos(angle));
    if (i + 1 < z.size()) z[i + 1] = static_cast<float>(radius * std::sin(angle));
  }
  return z;
}

float priorCentre(LatentKind kind) {
  return kind == LatentKind::Uniform ? 0.5f : 0.0f;
}

double typicalNorm(const LatentConfig& latent) {
  const double variance = latent.kind == LatentKind::Uniform ? 1.0 / 12 : 1.0;
  return std::sqrt(latent.dim * variance);
}

double normFromCentre(const LatentConfig& latent, std::span<const float> z) {
  const double centre = priorCentre(latent.kind);
  double sum = 0;
  for (const float value : z) sum += (value - centre) * (value - centre);
  return std::sqrt(sum);
}

Latent lerp(std::span<const float> a, std::span<const float> b, double t) {
  checkSameSize(a, b);
  if (t == 0) return {a.begin(), a.end()};
  if (t == 1) return {b.begin(), b.end()};
  Latent z(a.size());
  for (size_t i = 0; i < z.size(); ++i) z[i] = static_cast<float>(a[i] + t * (b[i] - a[i]));
  return z;
}

Latent slerp(const LatentConfig& latent, std::span<const float> a, std::span<const float> b,
             double t) {
  checkSameSize(a, b);
  if (t == 0) return {a.begin(), a.end()};
  if (t == 1) return {b.begin(), b.end()};
  const double centre = priorCentre(latent.kind);
  const double norm_a = normFromCentre(latent, a), norm_b = normFromCentre(latent, b);
  double dot = 0;
  for (size_t i = 0; i < a.size(); ++i) dot += (a[i] - centre) * (b[i] - centre);
  const double cosine = norm_a > 0 && norm_b > 0 ? dot / (norm_a * norm_b) : 1;
  const double omega = std::acos(std::clamp(cosine, -1.0, 1.0));
  if (std::sin(omega) < 1e-6) return lerp(a, b, t);  // (anti)parallel: no plane to turn in
  // The unit directions turned by t * omega, and the length interpolated linearly.
  const double wa = std::sin((1 - t) * omega) / std::sin(omega);
  const double wb = std::sin(t * omega) / std::sin(omega);
  const double length = (1 - t) * norm_a + t * norm_b;
  Latent z(a.size());
  double turned_norm = 0;
  std::vector<double> turned(a.size());
  for (size_t i = 0; i < z.size(); ++i) {
    turned[i] = wa * (a[i] - centre) / norm_a + wb * (b[i] - centre) / norm_b;
    turned_norm += turned[i] * turned[i];
  }
  turned_norm = std::sqrt(turned_norm);  // 1 up to rounding
  for (size_t i = 0; i < z.size(); ++i) {
    z[i] = static_cast<float>(centre + length * turned[i] / turned_norm);
  }
  return z;
}

Latent interpolate(const LatentConfig& latent, std::span<const float> a, std::span<const float> b,
                   double t, bool spherical) {
  return spherical ? slerp(latent, a, b, t) : lerp(a, b, t);
}

Latent bilinear(std::span<const float> corner00, std::span<const float> corner10,
                std::span<const float> corner01, std::span<const float> corner11, double u,
                double v) {
  const Latent bottom = lerp(corner00, corner10, u);
  const Latent top = lerp(corner01, corner11, u);
  return lerp(bottom, top, v);
}

Latent truncate(const LatentConfig& latent, std::span<const float> z, double psi) {
  if (psi == 1) return {z.begin(), z.end()};
  const double centre = priorCentre(latent.kind);
  Latent out(z.size());
  for (size_t i = 0; i < z.size(); ++i) {
    out[i] = static_cast<float>(centre + psi * (z[i] - centre));
  }
  return out;
}

}  // namespace ganscope
