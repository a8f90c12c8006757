// The latent explorer's paths: anchors' z from their seeds, interpolated (line) or blended
// (square), truncated, with the chosen coordinates overridden; the requests built from them.
#include "app/state/latent_explorer.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

namespace ganscope {

namespace {

/// SplitMix64's output function (the mixer behind latentFromSeed's stream, used here for the
/// random seeds and the walk's turns).
uint64_t mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

}  // namespace

PathKey pathKey(const LatentExplorerState& state, const LatentConfig& latent,
                std::span<const float> offset) {
  PathKey key;
  key.anchors = state.anchors;
  key.mode = state.mode;
  key.v = state.mode == ExplorerMode::Square ? state.v : 0;
  key.spherical = state.spherical;
  key.psi = state.psi;
  key.frames = state.frames;
  key.history = state.history;
  key.sliders = state.sliders;
  key.offset.assign(offset.begin(), offset.end());
  key.latent = latent;
  return key;
}

Latent anchorLatent(const LatentConfig& latent, const LatentExplorerState& state, int i) {
  for (const FreeLatent& free : state.free_latents) {
    if (free.seed == state.anchors[i] && free.z.size() == static_cast<size_t>(latent.dim)) {
      return free.z;
    }
  }
  return latentFromSeed(latent, state.anchors[i]);
}

uint64_t useFreeLatent(LatentExplorerState& state, int i, Latent z) {
  const uint64_t seed = rollSeed(state);
  state.anchors[i] = seed;
  state.free_latents.push_back({seed, std::move(z)});
  const auto used = [&](const FreeLatent& free) {
    return std::find(state.anchors.begin(), state.anchors.end(), free.seed) != state.anchors.end();
  };
  for (auto it = state.free_latents.begin();
       state.free_latents.size() > kMaxFreeLatents && it != state.free_latents.end();) {
    it = used(*it) ? it + 1 : state.free_latents.erase(it);
  }
  return seed;
}

double pictureParameter(const LatentExplorerState& state) {
  return state.mode == ExplorerMode::Square ? state.u : state.t;
}

std::vector<float> explorerOffset(const LatentExplorerState& state, std::span<const float> sliders,
                                  int dim) {
  const size_t n = static_cast<size_t>(std::max(dim, 0));
  const bool loaded = n > 0 && state.loaded_offset.size() == n;
  const bool moved = n > 0 && sliders.size() == n;
  if (!loaded && !moved) return {};
  std::vector<float> offset(n, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    offset[i] = (loaded ? state.loaded_offset[i] : 0.0f) + (moved ? sliders[i] : 0.0f);
  }
  return offset;
}

Latent shapeLatent(const LatentExplorerState& state, Latent z, const LatentConfig& latent,
                   std::span<const float> offset) {
  if (state.psi != 1) z = truncate(latent, z, state.psi);
  if (!offset.empty()) {
    if (offset.size() != z.size()) {
      throw std::invalid_argument("the direction offset has " + std::to_string(offset.size()) +
                                  " values; the run's latent has " + std::to_string(z.size()));
    }
    for (size_t i = 0; i < z.size(); ++i) z[i] += offset[i];
  }
  for (const DimensionSlider& slider : state.sliders) {
    if (slider.index >= 0 && slider.index < static_cast<int>(z.size()))
      z[slider.index] = slider.value;
  }
  return z;
}

Latent pathLatent(const LatentConfig& latent, const LatentExplorerState& state, double s,
                  std::span<const float> offset) {
  auto anchor = [&](int i) { return anchorLatent(latent, state, i); };
  Latent z;
  if (state.mode == ExplorerMode::Square) {
    z = bilinear(anchor(kAnchorA), anchor(kAnchorB), anchor(kAnchorC), anchor(kAnchorD), s,
                 state.v);
  } else {
    z = interpolate(latent, anchor(kAnchorA), anchor(kAnchorB), s, state.spherical);
  }
  return shapeLatent(state, std::move(z), latent, offset);
}

std::vector<double> stripParameters(int n) {
  std::vector<double> s(static_cast<size_t>(std::max(n, 1)), 0.0);
  for (int i = 1; i < n; ++i) s[i] = i == n - 1 ? 1.0 : static_cast<double>(i) / (n - 1);
  return s;
}

RenderLatent buildRequest(const LatentConfig& latent, const LatentExplorerState& state,
                          uint64_t request, bool with_path, RequestLayout* layout,
                          std::span<const float> offset) {
  if (latent.dim < 1) throw std::invalid_argument("the run's latent has no dimensions");
  RequestLayout rows{with_path, with_path ? state.frames : 0, with_path ? kPathScorePoints : 0};
  RenderLatent render;
  render.request = request;
  render.count = rows.count();
  render.z.reserve(static_cast<size_t>(render.count) * latent.dim);
  auto add = [&](double s) {
    const Latent z = pathLatent(latent, state, s, offset);
    render.z.insert(render.z.end(), z.begin(), z.end());
  };
  add(pictureParameter(state));
  if (with_path) {
    for (const double s : stripParameters(rows.frames)) add(s);
    for (const double s : stripParameters(rows.score_points)) add(s);
    if (state.history) {  // the strip's frames, drawn by each earlier G too
      render.history_from = 1;
      render.history_count = rows.frames;
    }
  }
  if (layout) *layout = rows;
  return render;
}

void fitToLatent(LatentExplorerState& state, const LatentConfig& latent) {
  state.t = std::clamp(state.t, 0.0, 1.0);
  state.u = std::clamp(state.u, 0.0, 1.0);
  state.v = std::clamp(state.v, 0.0, 1.0);
  state.psi = std::clamp(state.psi, 0.0, 1.0);
  state.frames = std::clamp(state.frames, kMinStripFrames, kMaxStripFrames);
  state.direction_count = std::clamp(state.direction_count, 1, kMaxDirections);
  std::erase_if(state.sliders, [&](const DimensionSlider& slider) {
    return slider.index < 0 || slider.index >= latent.dim;
  });
  if (state.sliders.size() > kMaxDimensionSliders) state.sliders.resize(kMaxDimensionSliders);
  if (state.loaded_offset.size() != static_cast<size_t>(std::max(latent.dim, 0)))
    state.loaded_offset.clear();
}

uint64_t rollSeed(LatentExplorerState& state) {
  // Past the grid's seeds 0..255, and below 2^53 so that the seed survives JSON as a double.
  constexpr uint64_t kFirst = 256, kSpan = (uint64_t{1} << 40) - kFirst;
  return kFirst + mix(0x6c61'7465'6e74ull ^ state.next_random++) % kSpan;
}

void stepWalk(LatentExplorerState& state, double seconds) {
  if (!(seconds > 0)) return;
  // A turn of up to +-1 radian per second, from the walk's own stream.
  const uint64_t r = mix(state.walk_seed++);
  const double turn = (static_cast<double>(r >> 11) / 9007199254740992.0 - 0.5) * 2.0;
  state.walk_heading += turn * std::min(seconds, 1.0);
  double u = state.u + std::cos(state.walk_heading) * state.walk_speed * seconds;
  double v = state.v + std::sin(state.walk_heading) * state.walk_speed * seconds;
  // Bounce: reflect the position and the heading at each edge.
  if (u < 0 || u > 1) {
    u = u < 0 ? -u : 2 - u;
    state.walk_heading = std::numbers::pi - state.walk_heading;
  }
  if (v < 0 || v > 1) {
    v = v < 0 ? -v : 2 - v;
    state.walk_heading = -state.walk_heading;
  }
  state.u = std::clamp(u, 0.0, 1.0);
  state.v = std::clamp(v, 0.0, 1.0);
}

DimensionRange dimensionRange(LatentKind kind) {
  return kind == LatentKind::Normal ? DimensionRange{-3, 3} : DimensionRange{0, 1};
}

}  // namespace ganscope
