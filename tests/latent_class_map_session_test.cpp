// The class map through the Session: a map of the run's G arrives while it trains (and while
// paused), bad requests and runs without images are answered with an error naming the input,
// and training is bit for bit what it is without maps. Its own process: a Session sets the
// process's thread counts.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "core/api/latent.hpp"
#include "core/api/session.hpp"
#include "core/config/presets.hpp"
#include "core/engine/gan_state_io.hpp"
#include "run_state_compare.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

using Clock = std::chrono::steady_clock;

RenderClassMap requestOf(const LatentConfig& latent, uint64_t number, int side) {
  RenderClassMap request;
  request.request = number;
  request.side = side;
  for (uint64_t seed : {0, 1, 2}) {
    const Latent z = latentFromSeed(latent, seed);
    request.anchors.insert(request.anchors.end(), z.begin(), z.end());
  }
  return request;
}

/// The answer to the request numbered `number` (others are skipped), waiting up to a minute
/// (the first map waits for the classifier to load from the test cache).
ClassMap answerTo(Session& session, uint64_t number) {
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  ClassMap map;
  while (Clock::now() < deadline) {
    if (session.pollClassMap(map) && map.request == number) return map;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ADD_FAILURE() << "no class map came for request " << number;
  return {};
}

/// The answer to `request`, asked again while the classifier is still loading.
ClassMap mapOf(Session& session, RenderClassMap request) {
  const auto deadline = Clock::now() + std::chrono::seconds(120);
  while (true) {
    EXPECT_TRUE(session.send(request));
    ClassMap map = answerTo(session, request.request);
    if (map.error.find("not ready") == std::string::npos || Clock::now() > deadline) return map;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    ++request.request;
  }
}

TEST(ClassMapSessionTest, MapsArriveWhilePausedAndTraining) {
  SessionOptions options;
  options.start_paused = true;
  const TrainConfig config = test::smallImageConfig();
  Session session(config, options);
  const ClassMap paused = mapOf(session, requestOf(config.latent, 1, 8));
  ASSERT_EQ(paused.error, "");
  EXPECT_EQ(paused.step, 0);
  EXPECT_EQ(paused.generation, 0u);
  EXPECT_EQ(paused.side, 8);
  ASSERT_EQ(paused.cell_class.size(), 64u);
  ASSERT_EQ(paused.confidence.size(), 64u);
  EXPECT_EQ(paused.classes, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
  for (size_t i = 0; i < 64; ++i) {
    EXPECT_LT(paused.cell_class[i], 10);
    EXPECT_GT(paused.confidence[i], 0.099f);  // the most likely of ten: at least chance
    EXPECT_LE(paused.confidence[i], 1.0f);
  }
  ASSERT_TRUE(session.send(Resume{}));
  while (session.status().step < 20) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const ClassMap running = mapOf(session, requestOf(config.latent, 100, 32));
  ASSERT_EQ(running.error, "");
  EXPECT_GE(running.step, 20);
  EXPECT_EQ(running.side, 32);
  EXPECT_EQ(running.cell_class.size(), 1024u);
  EXPECT_GT(running.milliseconds, 0);
}

TEST(ClassMapSessionTest, BadRequestsAndRunsWithoutImagesAreAnsweredWithAnError) {
  SessionOptions options;
  options.start_paused = true;
  const TrainConfig config = test::smallImageConfig();
  Session session(config, options);
  RenderClassMap request = requestOf(config.latent, 1, 7);
  ASSERT_TRUE(session.send(request));
  const ClassMap small = answerTo(session, 1);
  EXPECT_NE(small.error.find("side 7; give 8 to 64"), std::string::npos) << small.error;
  EXPECT_TRUE(small.cell_class.empty());
  request = requestOf(config.latent, 2, 65);
  ASSERT_TRUE(session.send(request));
  EXPECT_NE(answerTo(session, 2).error.find("side 65"), std::string::npos);
  request = requestOf(config.latent, 3, 16);
  request.anchors.pop_back();
  ASSERT_TRUE(session.send(request));
  const ClassMap short_anchors = answerTo(session, 3);
  EXPECT_NE(short_anchors.error.find("anchors has 47 values"), std::string::npos)
      << short_anchors.error;
  EXPECT_NE(short_anchors.error.find("need 48"), std::string::npos) << short_anchors.error;

  Session ring(presetConfig("ring-collapse"), options);
  ASSERT_TRUE(ring.send(requestOf(presetConfig("ring-collapse").latent, 4, 16)));
  EXPECT_NE(answerTo(ring, 4).error.find("needs an image run"), std::string::npos);
}

/// fashion-dcgan trained to `steps` (BatchNorm in G: its running statistics must not move),
/// asking for a map each time the last came when `with_maps`; the trained state as tensors.
std::vector<torch::Tensor> trainDcgan(int64_t steps, bool with_maps, int* maps) {
  TrainConfig config = presetConfig("fashion-dcgan");
  SessionOptions options;
  options.pause_at_step = steps;
  // With maps the run crawls at 2 steps a second until the first map is in, then runs at full
  // speed (the pace changes no number of the run): maps come while it trains, however loaded
  // the machine (a fixed 10 steps a second once ended before the first map in a CI clone).
  if (with_maps) options.steps_per_second = 2;
  Session session(config, options);
  uint64_t number = 1;
  bool waiting = false;
  if (with_maps) waiting = session.send(requestOf(config.latent, number, 16));
  while (!session.status().at_pause_step) {
    ClassMap map;
    if (with_maps && session.pollClassMap(map) && map.request == number) {
      if (map.error.empty() && ++*maps == 1) session.send(SetSpeedLimit{.steps_per_second = 0});
      waiting = session.send(requestOf(config.latent, ++number, 16));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  (void)waiting;
  return test::everything(loadGanState(session.saveState()));
}

TEST(ClassMapSessionTest, TrainingIsBitForBitTheSameWithMaps) {
  constexpr int64_t kSteps = 60;
  int maps = 0;
  const std::vector<torch::Tensor> with = trainDcgan(kSteps, true, &maps);
  const std::vector<torch::Tensor> without = trainDcgan(kSteps, false, nullptr);
  EXPECT_GE(maps, 1);  // maps were made during the run
  EXPECT_TRUE(test::same(with, without));
  // The control: a few more steps change the state.
  EXPECT_FALSE(test::same(trainDcgan(kSteps + 2, false, nullptr), without));
}

}  // namespace
}  // namespace ganscope
