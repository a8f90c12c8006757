// The random walk's GIF without a window: its places are deterministic from the state (walk
// seed, speed, heading, place) and differ when the seed or the speed does; its request is one
// batch of the square's z at those places; while it waits no other request goes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "app/state/latent_explorer_renders.hpp"
#include "app/state/latent_explorer_walk.hpp"

namespace ganscope {
namespace {

const LatentConfig kLatent{LatentKind::Normal, 6};
constexpr double kSeconds = kWalkGifCentiseconds / 100.0;

LatentExplorerState square() {
  LatentExplorerState state;
  state.mode = ExplorerMode::Square;
  state.anchors = {3, 4, 5, 6};
  state.u = 0.3;
  state.v = 0.6;
  state.walk_seed = 11;
  return state;
}

TEST(LatentExplorerWalkTest, ThePlacesFollowTheWalkSeedAndSpeedAndNothingElse) {
  const LatentExplorerState state = square();
  const auto places = walkPlaces(state, kWalkGifFrames, kSeconds);
  ASSERT_EQ(places.size(), static_cast<size_t>(kWalkGifFrames));
  EXPECT_EQ(places[0][0], state.u);  // it starts where the point is now
  EXPECT_EQ(places[0][1], state.v);
  EXPECT_EQ(walkPlaces(state, kWalkGifFrames, kSeconds), places) << "the same state, the same walk";
  EXPECT_EQ(state.walk_seed, 11u) << "the state itself does not move";
  // The walk is stepWalk's: the second place is one step of it.
  LatentExplorerState stepped = state;
  stepWalk(stepped, kSeconds);
  EXPECT_EQ(places[1][0], stepped.u);
  EXPECT_EQ(places[1][1], stepped.v);
  double moved = 0;
  for (const auto& place : places) {
    EXPECT_GE(place[0], 0);
    EXPECT_LE(place[0], 1);
    EXPECT_GE(place[1], 0);
    EXPECT_LE(place[1], 1);
    moved = std::max(moved, std::abs(place[0] - state.u) + std::abs(place[1] - state.v));
  }
  EXPECT_GT(moved, 0.2) << "48 steps at 0.25 widths/s cover about a square width";
  LatentExplorerState other_seed = state;
  other_seed.walk_seed = 12;
  EXPECT_NE(walkPlaces(other_seed, kWalkGifFrames, kSeconds), places);
  LatentExplorerState faster = state;
  faster.walk_speed = 2 * state.walk_speed;
  EXPECT_NE(walkPlaces(faster, kWalkGifFrames, kSeconds), places);
}

TEST(LatentExplorerWalkTest, TheRequestIsTheSquaresZAtEachPlaceInOneBatch) {
  LatentExplorerState state = square();
  state.mode = ExplorerMode::Line;  // the walk is the square's whatever the mode shown
  const RenderLatent request = buildWalkRequest(kLatent, state, 9, kWalkGifFrames, kSeconds);
  EXPECT_EQ(request.request, 9u);
  ASSERT_EQ(request.count, kWalkGifFrames);
  ASSERT_EQ(request.z.size(), static_cast<size_t>(kWalkGifFrames * kLatent.dim));
  const auto places = walkPlaces(state, kWalkGifFrames, kSeconds);
  for (int i = 0; i < kWalkGifFrames; ++i) {
    LatentExplorerState at = square();
    at.v = places[i][1];
    const Latent z = pathLatent(kLatent, at, places[i][0]);
    EXPECT_EQ(std::vector<float>(request.z.begin() + i * kLatent.dim,
                                 request.z.begin() + (i + 1) * kLatent.dim),
              z)
        << "frame " << i;
  }
  EXPECT_EQ(request.history_count, 0);
  EXPECT_NO_THROW(buildWalkRequest(kLatent, state, 1, kMaxLatentBatch, kSeconds));
  EXPECT_THROW(buildWalkRequest(kLatent, state, 1, kMaxLatentBatch + 1, kSeconds),
               std::invalid_argument);
  EXPECT_THROW(buildWalkRequest(kLatent, state, 1, 1, kSeconds), std::invalid_argument);
}

TEST(LatentExplorerWalkTest, NoOtherRequestReplacesTheWalksUntilItIsAnswered) {
  LatentExplorerState state = square();
  state.live = false;
  LatentExplorerRenders renders;
  const RenderLatent walk = renders.requestWalk(kLatent, state, 0.0);
  EXPECT_EQ(walk.count, kWalkGifFrames);
  EXPECT_EQ(renders.walkRequest(), walk.request);
  EXPECT_TRUE(renders.waiting());
  EXPECT_FALSE(renders.next(kLatent, state, 0, 0, 1.0)) << "the walk waits";
  renders.walkAnswered();
  std::optional<RenderLatent> next = renders.next(kLatent, state, 0, 0, 1.1);
  ASSERT_TRUE(next);
  EXPECT_NE(next->request, walk.request);
  // Unanswered, it is given up after kWalkWaitSeconds, and the explorer says so.
  LatentExplorerRenders lost;
  lost.requestWalk(kLatent, state, 0.0);
  EXPECT_FALSE(lost.next(kLatent, state, 0, 0, kWalkWaitSeconds - 0.5));
  EXPECT_TRUE(lost.next(kLatent, state, 0, 0, kWalkWaitSeconds + 0.5));
  EXPECT_EQ(lost.walkRequest(), 0u);
  EXPECT_NE(lost.error().find("random walk"), std::string::npos) << lost.error();
}

}  // namespace
}  // namespace ganscope
