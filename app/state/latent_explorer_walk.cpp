// The random walk's places and its request: stepWalk on a copy of the explorer's state.
#include "app/state/latent_explorer_walk.hpp"

#include <stdexcept>
#include <string>

namespace ganscope {

std::vector<std::array<double, 2>> walkPlaces(const LatentExplorerState& state, int frames,
                                              double seconds) {
  LatentExplorerState walker = state;
  std::vector<std::array<double, 2>> places;
  for (int i = 0; i < frames; ++i) {
    if (i > 0) stepWalk(walker, seconds);
    places.push_back({walker.u, walker.v});
  }
  return places;
}

RenderLatent buildWalkRequest(const LatentConfig& latent, const LatentExplorerState& state,
                              uint64_t request, int frames, double seconds,
                              std::span<const float> offset) {
  if (latent.dim < 1) throw std::invalid_argument("the run's latent has no dimensions");
  if (frames < 2 || frames > kMaxLatentBatch) {
    throw std::invalid_argument("the walk's frames are " + std::to_string(frames) +
                                "; allowed: 2 to " + std::to_string(kMaxLatentBatch));
  }
  RenderLatent render;
  render.request = request;
  render.count = frames;
  render.z.reserve(static_cast<size_t>(frames) * latent.dim);
  LatentExplorerState square = state;
  square.mode = ExplorerMode::Square;
  for (const std::array<double, 2>& place : walkPlaces(state, frames, seconds)) {
    square.v = place[1];
    const Latent z = pathLatent(latent, square, place[0], offset);
    render.z.insert(render.z.end(), z.begin(), z.end());
  }
  return render;
}

}  // namespace ganscope
