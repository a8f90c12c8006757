// The window's side of the class map: one request at a time, a new one once the last is in and
// G trained on (at the pace), an error retried later, a new run forgetting the old map; and the
// cells' fading with the classifier's confidence.
#include <gtest/gtest.h>

#include "app/state/latent_class_map.hpp"
#include "core/api/latent.hpp"

namespace ganscope {
namespace {

const LatentConfig kLatent{LatentKind::Normal, 4};

LatentExplorerState anchoredAt(uint64_t a, uint64_t b, uint64_t c) {
  LatentExplorerState state;
  state.anchors = {a, b, c, 99};
  return state;
}

ClassMapKey keyOf(int side) {
  return classMapKey(kLatent, anchoredAt(3, 8, 11), side);
}

/// Anchor k's z (0: A, 1: B, 2: C) in a key.
Latent anchorOf(const ClassMapKey& key, int k) {
  const auto begin = key.anchors.begin() + static_cast<std::ptrdiff_t>(k) * kLatent.dim;
  return {begin, begin + kLatent.dim};
}

ClassMap answerOf(const RenderClassMap& request, int64_t step, uint32_t generation = 0) {
  ClassMap map;
  map.request = request.request;
  map.step = step;
  map.generation = generation;
  map.side = request.side;
  map.cell_class.assign(size_t(request.side) * request.side, 2);
  map.confidence.assign(map.cell_class.size(), 0.9f);
  map.classes = {0, 1, 2};
  map.milliseconds = 100;
  return map;
}

TEST(LatentClassMapTest, OneRequestAtATimeAndANewOneOnceGTrainedOn) {
  LatentClassMap state;
  std::optional<RenderClassMap> first = state.next(kLatent, keyOf(16), 10, 0, 0.0);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->side, 16);
  std::vector<float> want;
  for (uint64_t seed : {3, 8, 11}) {
    const Latent z = latentFromSeed(kLatent, seed);
    want.insert(want.end(), z.begin(), z.end());
  }
  EXPECT_EQ(first->anchors, want);
  EXPECT_TRUE(state.waiting());
  // On its way: nothing more, even as G trains or the side changes.
  EXPECT_FALSE(state.next(kLatent, keyOf(16), 50, 0, 1.0));
  EXPECT_FALSE(state.next(kLatent, keyOf(32), 50, 0, 1.0));
  ASSERT_TRUE(state.receive(answerOf(*first, 10), 1.0));
  ASSERT_TRUE(state.map());
  EXPECT_EQ(state.map()->step, 10);
  EXPECT_EQ(state.shownKey(), keyOf(16));
  // In, but G has not trained since: nothing.
  EXPECT_FALSE(state.next(kLatent, keyOf(16), 10, 0, 5.0));
  // Trained on: a new map, once the pace allows (0.5 s and 4 x the 100 ms the last took).
  state.pace.min_seconds = 0.1;
  EXPECT_FALSE(state.next(kLatent, keyOf(16), 11, 0, 0.3));  // 0.3 s after the last request
  std::optional<RenderClassMap> second = state.next(kLatent, keyOf(16), 11, 0, 0.45);
  ASSERT_TRUE(second);
  EXPECT_GT(second->request, first->request);
  // An answer to an old request is not taken.
  EXPECT_FALSE(state.receive(answerOf(*first, 10), 0.5));
  ASSERT_TRUE(state.receive(answerOf(*second, 11), 0.6));
  EXPECT_EQ(state.map()->step, 11);
  // Another side: asked at once, whatever the step.
  std::optional<RenderClassMap> third = state.next(kLatent, keyOf(32), 11, 0, 0.61);
  ASSERT_TRUE(third);
  EXPECT_EQ(third->side, 32);
}

TEST(LatentClassMapTest, AnErrorIsShownAndRetriedLater) {
  LatentClassMap state;
  std::optional<RenderClassMap> request = state.next(kLatent, keyOf(16), 0, 0, 0.0);
  ASSERT_TRUE(request);
  ClassMap refused;
  refused.request = request->request;
  refused.error = "the image classifier is not ready (loading)";
  ASSERT_TRUE(state.receive(refused, 1.0));
  EXPECT_EQ(state.error(), refused.error);
  EXPECT_FALSE(state.map());
  EXPECT_FALSE(state.next(kLatent, keyOf(16), 0, 0, 2.0));  // not at frame rate
  request = state.next(kLatent, keyOf(16), 0, 0, 1.0 + state.pace.retry_seconds);
  ASSERT_TRUE(request);
  ASSERT_TRUE(state.receive(answerOf(*request, 0), 3.5));
  EXPECT_EQ(state.error(), "");
}

TEST(LatentClassMapTest, ANewRunForgetsTheOldMap) {
  LatentClassMap state;
  std::optional<RenderClassMap> request = state.next(kLatent, keyOf(8), 5, 0, 0.0);
  ASSERT_TRUE(state.receive(answerOf(*request, 5), 0.1));
  ASSERT_TRUE(state.map());
  const uint64_t version = state.version();
  request = state.next(kLatent, keyOf(8), 7, 1, 1.0);  // generation 1: asked at once
  ASSERT_TRUE(request);
  EXPECT_FALSE(state.map());
  EXPECT_NE(state.version(), version);
  // An answer of the old run's G (it was posted before the reset) is not shown.
  EXPECT_TRUE(state.receive(answerOf(*request, 4, 0), 1.1));
  EXPECT_FALSE(state.map());
}

TEST(LatentClassMapTest, TheAnchorsAreShapedAsTheExplorersPictures) {
  const LatentExplorerState plain = anchoredAt(3, 8, 11);
  const ClassMapKey control = classMapKey(kLatent, plain, 16);
  for (int k = 0; k < 3; ++k)
    EXPECT_EQ(anchorOf(control, k), latentFromSeed(kLatent, plain.anchors[k]));

  LatentExplorerState shaped = plain;
  shaped.psi = 0.5;
  shaped.sliders = {{2, 1.5f}};
  const std::vector<float> offset{0.25f, 0, 0, -1};
  const ClassMapKey key = classMapKey(kLatent, shaped, 16, offset);
  ASSERT_EQ(key.anchors.size(), control.anchors.size());
  for (int k = 0; k < 3; ++k) {
    const Latent want = shapeLatent(shaped, anchorOf(control, k), kLatent, offset);
    EXPECT_EQ(anchorOf(key, k), want);
    EXPECT_EQ(want[2], 1.5f);
    EXPECT_FLOAT_EQ(want[0], 0.5f * anchorOf(control, k)[0] + 0.25f);
  }
  EXPECT_NE(key, control);

  // A found z standing in for B is used, not the seed rolled for it.
  LatentExplorerState found = plain;
  const Latent z{0.1f, 0.2f, 0.3f, 0.4f};
  useFreeLatent(found, kAnchorB, z);
  const ClassMapKey with_found = classMapKey(kLatent, found, 16);
  EXPECT_EQ(anchorOf(with_found, 1), z);
  EXPECT_EQ(anchorOf(with_found, 0), anchorOf(control, 0));
}

TEST(LatentClassMapTest, ShapingCommutesWithThePlanesBlend) {
  // The worker's cell (u, v) is (1 - u - v) A + u B + v C of the key's anchors; that must be the
  // shaped z of the unshaped plane's cell, or the map would not show what the explorer draws.
  LatentExplorerState shaped = anchoredAt(3, 8, 11);
  shaped.psi = 0.7;
  shaped.sliders = {{1, -2.0f}};
  const std::vector<float> offset{0.5f, 0.5f, -0.25f, 0};
  const ClassMapKey plain = classMapKey(kLatent, anchoredAt(3, 8, 11), 8);
  const ClassMapKey key = classMapKey(kLatent, shaped, 8, offset);
  for (const auto [u, v] : {std::pair{0.25, 0.5}, std::pair{0.9, 0.1}, std::pair{-0.5, 1.5}}) {
    Latent blend_of_shaped(kLatent.dim), blend(kLatent.dim);
    for (int i = 0; i < kLatent.dim; ++i) {
      auto mix = [&](const ClassMapKey& k) {
        return static_cast<float>((1 - u - v) * anchorOf(k, 0)[i] + u * anchorOf(k, 1)[i] +
                                  v * anchorOf(k, 2)[i]);
      };
      blend_of_shaped[i] = mix(key);
      blend[i] = mix(plain);
    }
    const Latent shaped_blend = shapeLatent(shaped, blend, kLatent, offset);
    for (int i = 0; i < kLatent.dim; ++i) EXPECT_NEAR(blend_of_shaped[i], shaped_blend[i], 1e-5);
  }
}

TEST(LatentClassMapTest, AKeyOfAnotherLatentSizeIsRefused) {
  LatentClassMap state;
  ClassMapKey key = keyOf(16);
  key.anchors.pop_back();
  EXPECT_THROW(state.next(kLatent, key, 0, 0, 0.0), std::invalid_argument);
}

TEST(LatentClassMapTest, CellsFadeWithTheClassifiersConfidence) {
  EXPECT_FLOAT_EQ(classMapStrength(1.0f, 10), 1.0f);
  EXPECT_FLOAT_EQ(classMapStrength(0.1f, 10), kClassMapFaintest);
  EXPECT_FLOAT_EQ(classMapStrength(0.05f, 10), kClassMapFaintest);
  EXPECT_LT(classMapStrength(0.4f, 10), classMapStrength(0.8f, 10));
  EXPECT_FLOAT_EQ(classMapStrength(0.3f, 1), 1.0f);  // one class: always sure
}

}  // namespace
}  // namespace ganscope
