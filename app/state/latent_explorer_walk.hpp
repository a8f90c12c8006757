// The square's random walk as a GIF: the walk's next places from the explorer's state
// (deterministic from walk_seed and the speed) and the one RenderLatent that asks G for them.
// Torch-free, ImGui-free, unit-tested.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "app/state/latent_explorer.hpp"

namespace ganscope {

inline constexpr int kWalkGifFrames = 48;  ///< places of the walk in its GIF (there and back: 94)
inline constexpr int kWalkGifCentiseconds = 8;  ///< the GIF's time per frame: the walk's step
inline constexpr double kWalkWaitSeconds = 10;  ///< the walk's request is given up after this

/// The square's (u, v) at `frames` places of the random walk `seconds` apart, the first where
/// `state` is now, each next one as stepWalk moves it: the same state (place, heading,
/// walk_seed, speed) gives the same walk. `state` itself does not move.
std::vector<std::array<double, 2>> walkPlaces(const LatentExplorerState& state, int frames,
                                              double seconds);

/// The request for G's pictures of the walk: a z per place, the square's blend there as
/// pathLatent makes it (truncated, moved by `offset`, with the sliders). Throws
/// std::invalid_argument for frames outside 2..kMaxLatentBatch or a latent without dimensions.
RenderLatent buildWalkRequest(const LatentConfig& latent, const LatentExplorerState& state,
                              uint64_t request, int frames, double seconds,
                              std::span<const float> offset = {});

}  // namespace ganscope
