// The window's side of the class map: one request at a time, a new one once the last is in and
// G trained on (at the pace), an error retried later, a new run forgetting the old map; and the
// cells' fading with the classifier's confidence.
#include <gtest/gtest.h>

#include "app/state/latent_class_map.hpp"
#include "core/api/latent.hpp"

namespace ganscope {
namespace {

const LatentConfig kLatent{LatentKind::Normal, 4};

ClassMapKey keyOf(int side) {
  return {{3, 8, 11}, side, kLatent.kind, kLatent.dim};
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

TEST(LatentClassMapTest, CellsFadeWithTheClassifiersConfidence) {
  EXPECT_FLOAT_EQ(classMapStrength(1.0f, 10), 1.0f);
  EXPECT_FLOAT_EQ(classMapStrength(0.1f, 10), kClassMapFaintest);
  EXPECT_FLOAT_EQ(classMapStrength(0.05f, 10), kClassMapFaintest);
  EXPECT_LT(classMapStrength(0.4f, 10), classMapStrength(0.8f, 10));
  EXPECT_FLOAT_EQ(classMapStrength(0.3f, 1), 1.0f);  // one class: always sure
}

}  // namespace
}  // namespace ganscope
