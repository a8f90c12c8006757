// The explorer's GANSpace direction sliders without a window: every z of a request (picture,
// strip, score points) moves by exactly value * slider_unit * direction and by nothing at 0; the
// values survive a recomputation in one basis and reset in a new basis or run; a moved slider
// asks for the path again.
#include <gtest/gtest.h>

#include <cmath>

#include "app/state/latent_explorer.hpp"
#include "app/state/latent_explorer_directions.hpp"
#include "app/state/latent_explorer_renders.hpp"

namespace ganscope {
namespace {

constexpr int kDim = 8;
const LatentConfig kLatent{LatentKind::Normal, kDim};

/// A set of two directions in an 8-dimensional z: e0 and (e1 + e2) / sqrt 2, their units 1.5
/// and 0.5 (any numbers: the sliders' unit is what the set says).
LatentDirections twoDirections(uint32_t generation = 0, uint32_t basis = 0) {
  LatentDirections set;
  set.generation = generation;
  set.basis = basis;
  set.count = 2;
  set.latent_dim = kDim;
  set.direction[0][0] = 1;
  set.direction[1][1] = set.direction[1][2] = static_cast<float>(1 / std::sqrt(2.0));
  set.slider_unit[0] = 1.5f;
  set.slider_unit[1] = 0.5f;
  set.similarity[0] = set.similarity[1] = 1;
  return set;
}

std::vector<float> row(const RenderLatent& request, int i) {
  return std::vector<float>(request.z.begin() + i * kDim, request.z.begin() + (i + 1) * kDim);
}

TEST(LatentExplorerDirectionsTest, EveryZOfThePathMovesByValueTimesUnitTimesDirection) {
  ExplorerDirections directions;
  directions.receive(twoDirections());
  ASSERT_EQ(directions.values().size(), 2u);
  LatentExplorerState state;
  state.frames = 6;
  state.t = 0.3;
  const RenderLatent plain = buildRequest(kLatent, state, 1, true);
  // At 0 the sliders add nothing: the plain path, exactly (and the same path key).
  EXPECT_TRUE(directions.offset(kDim).empty());
  EXPECT_EQ(buildRequest(kLatent, state, 2, true, nullptr, directions.offset(kDim)).z, plain.z);
  directions.values() = {2.0f, -1.0f};
  const std::vector<float> offset = directions.offset(kDim);
  ASSERT_EQ(offset.size(), static_cast<size_t>(kDim));
  const RenderLatent moved = buildRequest(kLatent, state, 3, true, nullptr, offset);
  ASSERT_EQ(moved.count, plain.count);
  ASSERT_EQ(moved.count, 1 + state.frames + kPathScorePoints);  // picture, strip, score points
  const LatentDirections set = twoDirections();
  for (int r = 0; r < moved.count; ++r) {
    const std::vector<float> a = row(plain, r), b = row(moved, r);
    for (int d = 0; d < kDim; ++d) {
      const float expected = a[d] + (2.0f * set.slider_unit[0] * set.direction[0][d] +
                                     -1.0f * set.slider_unit[1] * set.direction[1][d]);
      EXPECT_EQ(b[d], expected) << "row " << r << " coordinate " << d;
    }
    EXPECT_EQ(b[3], a[3]) << "a coordinate no direction has stays";
  }
  // A moved z is a different path: the explorer asks again.
  EXPECT_FALSE(pathKey(state, kLatent, offset) == pathKey(state, kLatent));
  // The per-dimension sliders lock their coordinate over the directions too.
  state.sliders = {{0, 0.25f}};
  EXPECT_EQ(pathLatent(kLatent, state, 0.5, offset)[0], 0.25f);
  // An offset of another size is refused by name.
  const std::vector<float> wrong(3, 1.0f);
  EXPECT_THROW(pathLatent(kLatent, state, 0.5, wrong), std::invalid_argument);
  // A set for another latent size moves nothing.
  EXPECT_TRUE(directions.offset(kDim + 1).empty());
}

TEST(LatentExplorerDirectionsTest, ValuesSurviveARecomputationInTheBasisAndResetInANewOne) {
  ExplorerDirections directions;
  directions.receive(twoDirections(0, 0));
  directions.values() = {1.0f, -2.0f};
  LatentDirections next = twoDirections(0, 0);
  next.computation = 1;
  next.step = 200;
  next.similarity[1] = 0.5f;  // slot 1 turned
  directions.receive(next);
  EXPECT_EQ(directions.values(), (std::vector<float>{1.0f, -2.0f})) << "the same basis";
  EXPECT_EQ(directions.set()->step, 200);
  EXPECT_EQ(directions.set()->similarity[1], 0.5f);
  directions.receive(twoDirections(0, 1));  // a new basis (a new count or source)
  EXPECT_EQ(directions.values(), (std::vector<float>{0.0f, 0.0f}));
  directions.values() = {1.0f, 1.0f};
  directions.receive(twoDirections(1, 1));  // the same basis number in a new run generation
  EXPECT_EQ(directions.values(), (std::vector<float>{0.0f, 0.0f}));
  // A new generation forgets the old G's set, but not one of the new generation already here.
  directions.forget(1);
  EXPECT_NE(directions.set(), nullptr);
  directions.forget(2);
  EXPECT_EQ(directions.set(), nullptr);
  EXPECT_TRUE(directions.values().empty());
  EXPECT_TRUE(directions.offset(kDim).empty());
}

TEST(LatentExplorerDirectionsTest, AMovedSliderAsksForThePathAgainAndForgetsWithTheRun) {
  LatentExplorerState state;
  state.live = false;
  LatentExplorerRenders renders;
  std::optional<RenderLatent> first = renders.next(kLatent, state, 0, 0, 0.0);
  ASSERT_TRUE(first);
  LatentPicture answer;
  answer.request = first->request;
  answer.count = first->count;
  answer.dims = 2;
  answer.samples.assign(static_cast<size_t>(first->count) * 2, 0.0f);
  answer.d_score.assign(static_cast<size_t>(first->count), 0.0f);
  ASSERT_TRUE(renders.receive(answer));
  renders.directions.receive(twoDirections());
  EXPECT_FALSE(renders.next(kLatent, state, 0, 0, 1.0)) << "a set at 0 changes nothing";
  renders.directions.values()[0] = 1.0f;
  std::optional<RenderLatent> moved = renders.next(kLatent, state, 0, 0, 2.0);
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->count, first->count) << "the strip and score points too";
  EXPECT_EQ(row(*moved, 1)[0], row(*first, 1)[0] + 1.5f);
  // A reset (a new generation): the old G's directions go.
  renders.next(kLatent, state, 0, 1, 3.0);
  EXPECT_EQ(renders.directions.set(), nullptr);
}

}  // namespace
}  // namespace ganscope
