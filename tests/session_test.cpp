// Session: commands apply between steps, step-once, pause, reset, determinism, and a UI that
// never drains the queues cannot slow or stop the trainer.
#include <gtest/gtest.h>

#include "core/api/session.hpp"
#include "core/config/presets.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

using test::waitFor;

TrainConfig smallConfig() {
  TrainConfig config = presetConfig("figure1");
  config.hyper.batch_size = 32;
  config.hyper.d_steps = 1;
  return config;
}

SessionOptions pausedOptions() {
  SessionOptions options;
  options.start_paused = true;
  return options;
}

TEST(SessionTest, StepOnceDoesExactlyOneStep) {
  Session session(smallConfig(), pausedOptions());
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(session.status().step, 0);
  ASSERT_TRUE(session.send(StepOnce{StepTarget::Both}));
  ASSERT_TRUE(waitFor([&] { return session.status().step == 1; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(session.status().step, 1);
  EXPECT_EQ(session.status().state, RunState::Paused);
  StepStats stats;
  ASSERT_TRUE(session.pollStats(stats));
  EXPECT_EQ(stats.step, 1);
  EXPECT_FALSE(session.pollStats(stats));
  // D-only and G-only steps count as steps too, one each.
  session.send(StepOnce{StepTarget::Discriminator});
  session.send(StepOnce{StepTarget::Generator});
  ASSERT_TRUE(waitFor([&] { return session.status().step == 3; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(session.status().step, 3);
}

TEST(SessionTest, EveryStepWhilePausedGetsItsPicture) {
  // Two full steps within one frame period: the second's picture must come too (the periodic
  // frame clock must not swallow it while nothing else would publish one).
  Session session(smallConfig(), pausedOptions());
  ASSERT_TRUE(session.send(StepOnce{StepTarget::Both}));
  ASSERT_TRUE(session.send(StepOnce{StepTarget::Both}));
  int64_t newest = -1;
  EXPECT_TRUE(waitFor(
      [&] {
        while (const Figure1Frame* frame = session.poll<Figure1Frame>()) {
          newest = frame->header.step;
          session.recycle(frame);
        }
        return newest == 2;
      },
      10))
      << "newest frame at step " << newest;
}

TEST(SessionTest, TheAutogradEngineStepsAfterAFrameOfItsBatchSize) {
  // The first frame (1024 fresh samples, under InferenceMode) comes before the first step; a
  // batch of the same size must not reuse its inference buffers outside InferenceMode.
  TrainConfig config = presetConfig("bimodal-1d");
  config.engine = EngineKind::Autograd;
  config.hyper.batch_size = 1024;
  Session session(config, pausedOptions());
  ASSERT_TRUE(waitFor([&] {
    const Figure1Frame* frame = session.poll<Figure1Frame>();
    session.recycle(frame);
    return frame != nullptr;
  }));
  ASSERT_TRUE(session.send(StepOnce{StepTarget::Both}));
  ASSERT_TRUE(waitFor(
      [&] { return session.status().step == 1 || session.status().state == RunState::Failed; }));
  EXPECT_EQ(session.status().state, RunState::Paused) << session.failure();
}

TEST(SessionTest, PauseStopsSteppingAndResumeContinues) {
  Session session(smallConfig());
  ASSERT_TRUE(waitFor([&] { return session.status().step > 50; }));
  session.send(Pause{});
  ASSERT_TRUE(waitFor([&] { return session.status().state == RunState::Paused; }));
  // Paused shows at once; the update under way (if it was the step's last) may still end it.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const int64_t paused_at = session.status().step;
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(session.status().step, paused_at);
  session.send(Resume{});
  ASSERT_TRUE(waitFor([&] { return session.status().step > paused_at + 50; }));
}

/// Runs six single steps, sending `change` (if any) between the fifth and the sixth; returns
/// the stats of all six.
std::vector<StepStats> sixSteps(const Hyperparams* change) {
  Session session(smallConfig(), pausedOptions());
  std::vector<StepStats> all;
  auto stepAndCollect = [&] {
    EXPECT_TRUE(session.send(StepOnce{}));
    StepStats stats;
    EXPECT_TRUE(waitFor([&] { return session.pollStats(stats); }));
    all.push_back(stats);
  };
  for (int i = 0; i < 5; ++i) stepAndCollect();
  if (change) EXPECT_TRUE(session.send(SetHyperparams{*change}));
  stepAndCollect();
  return all;
}

TEST(SessionTest, HyperparamsApplyExactlyAtTheNextStep) {
  ASSERT_EQ(smallConfig().hyper.d_steps, 1);
  Hyperparams faster = smallConfig().hyper;
  faster.d_opt.lr *= 20;
  const std::vector<StepStats> plain = sixSteps(nullptr), changed = sixSteps(&faster);
  for (int i = 0; i < 5; ++i) {  // same seed, same steps before the change
    EXPECT_EQ(plain[i].d_loss, changed[i].d_loss) << "step " << i + 1;
    EXPECT_EQ(plain[i].g_loss, changed[i].g_loss) << "step " << i + 1;
  }
  // Step 6's D loss is measured before its one D update, its G loss after it, and that update
  // used the new rate: the change shows in the G loss of the very next step.
  EXPECT_EQ(plain[5].d_loss, changed[5].d_loss);
  EXPECT_NE(plain[5].g_loss, changed[5].g_loss);
}

TEST(SessionTest, WildLearningRateDivergesAndResetRecovers) {
  Session session(smallConfig(), pausedOptions());
  Hyperparams wild = session.config().hyper;
  wild.d_opt = {OptimizerKind::Sgd, 100.0f, 0.9f, 0.5f, 0.999f};
  wild.g_opt = wild.d_opt;
  ASSERT_TRUE(session.send(SetHyperparams{wild}));
  ASSERT_TRUE(session.send(Resume{}));
  ASSERT_TRUE(waitFor([&] { return session.status().state == RunState::Diverged; }));
  const int64_t diverged_at = session.status().diverged_at;
  EXPECT_GT(diverged_at, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(session.status().step, diverged_at);  // no steps after divergence
  ASSERT_TRUE(session.send(Reset{smallConfig()}));
  ASSERT_TRUE(waitFor([&] { return session.status().state == RunState::Paused; }));
  EXPECT_EQ(session.status().diverged_at, -1);
  EXPECT_EQ(session.status().step, 0);
}

TEST(SessionTest, InvalidCommandsAreRefusedBeforeQueueing) {
  Session session(smallConfig(), pausedOptions());
  Hyperparams bad = session.config().hyper;
  bad.batch_size = 0;
  EXPECT_THROW(session.send(SetHyperparams{bad}), ConfigError);
  EXPECT_EQ(session.config().hyper.batch_size, 32);
}

TEST(SessionTest, ResetRestartsFromStepZeroInANewGeneration) {
  Session session(smallConfig());
  ASSERT_TRUE(waitFor([&] { return session.status().step > 20; }));
  TrainConfig next = smallConfig();
  next.generator.width = 8;
  session.send(Reset{next});
  ASSERT_TRUE(waitFor([&] { return session.status().generation == 1; }));
  StepStats stats;
  ASSERT_TRUE(waitFor([&] {
    while (session.pollStats(stats)) {
      if (stats.generation == 1) return true;
    }
    return false;
  }));
  EXPECT_EQ(stats.step, 1);  // the first stats of the new generation are its first step
  EXPECT_EQ(session.config().generator.width, 8);
}

TEST(SessionTest, UndrainedQueuesDropAndCountWithoutBlockingTheTrainer) {
  SessionOptions options;
  options.stats_capacity = 64;
  options.frame_hz = 1000;
  Session session(smallConfig(), options);
  // Nobody polls: the trainer must keep stepping and count what it could not deliver.
  ASSERT_TRUE(waitFor([&] { return session.status().step > 3000; }, 60));
  session.send(Pause{});
  ASSERT_TRUE(waitFor([&] { return session.status().state == RunState::Paused; }));
  const SessionStatus status = session.status();
  EXPECT_GT(status.dropped_frames, 0u);
  // What did fit is the oldest steps, in order; every other step was counted as dropped.
  StepStats stats;
  int64_t delivered = 0;
  while (session.pollStats(stats)) EXPECT_EQ(stats.step, ++delivered);
  EXPECT_LE(delivered, 256);
  EXPECT_EQ(static_cast<int64_t>(status.dropped_stats) + delivered, status.step);
}

TEST(SessionTest, FramesArriveAndRecycle) {
  Session session(smallConfig());
  int received = 0;
  ASSERT_TRUE(waitFor([&] {
    if (const Figure1Frame* s = session.poll<Figure1Frame>()) {
      EXPECT_LT(s->x_min, s->x_max);
      session.recycle(s);
      ++received;
    }
    return received >= 10;  // more than the pool holds: buffers come back
  }));
}

TEST(SessionTest, AFrameInFlightKeepsTheLossItWasMadeWith) {
  Session session(smallConfig(), pausedOptions());
  // Frame A, made under the first config, is taken but not drawn yet when the loss changes.
  const Figure1Frame* a = nullptr;
  ASSERT_TRUE(waitFor([&] { return (a = session.poll<Figure1Frame>()) != nullptr; }));
  Hyperparams critic = session.config().hyper;
  critic.loss = LossKind::WganGp;
  ASSERT_TRUE(session.send(SetHyperparams{critic}));
  ASSERT_TRUE(session.send(StepOnce{StepTarget::Discriminator}));  // a D step owes a frame
  const Figure1Frame* b = nullptr;
  ASSERT_TRUE(waitFor([&] { return (b = session.poll<Figure1Frame>()) != nullptr; }));
  // The config the UI sent already says WGAN-GP: a frame read by it would be mislabelled.
  EXPECT_EQ(session.config().hyper.loss, LossKind::WganGp);
  EXPECT_EQ(session.configRevision(), 1u);
  EXPECT_EQ(a->header.step, 0);
  EXPECT_EQ(a->header.config_revision, 0u);
  EXPECT_EQ(a->header.loss, LossKind::NonSaturating);
  EXPECT_FALSE(a->header.d_normalised);
  EXPECT_EQ(b->header.step, 1);
  EXPECT_EQ(b->header.config_revision, 1u);
  EXPECT_EQ(b->header.loss, LossKind::WganGp);
  EXPECT_TRUE(b->header.d_normalised);
  EXPECT_LT(b->header.d_lo, b->header.d_hi);
  EXPECT_GT(b->header.sequence, a->header.sequence);
  StepStats stats;
  ASSERT_TRUE(session.pollStats(stats));
  EXPECT_EQ(stats.step, 1);
  EXPECT_EQ(stats.config_revision, 1u);
  EXPECT_EQ(stats.loss, LossKind::WganGp);
  session.recycle(a);
  session.recycle(b);
  // A reset is a revision too, in a new generation.
  ASSERT_TRUE(session.send(Reset{smallConfig()}));
  const Figure1Frame* c = nullptr;
  ASSERT_TRUE(waitFor([&] {
    c = session.poll<Figure1Frame>();
    if (c && c->header.generation == 0) {  // made before the reset
      session.recycle(c);
      c = nullptr;
    }
    return c != nullptr;
  }));
  EXPECT_EQ(c->header.generation, 1u);
  EXPECT_EQ(c->header.config_revision, 2u);
  EXPECT_EQ(c->header.loss, LossKind::NonSaturating);
  session.recycle(c);
}

TEST(SessionTest, APlaneRunSendsPlaneFramesOnly) {
  Session session(presetConfig("ring-streak"), pausedOptions());
  const PlaneFrame* plane = nullptr;
  ASSERT_TRUE(waitFor([&] { return (plane = session.poll<PlaneFrame>()) != nullptr; }));
  EXPECT_EQ(plane->modes_total, 8);
  session.recycle(plane);
  EXPECT_EQ(session.poll<Figure1Frame>(), nullptr);
}

TEST(SessionTest, SameSeedSameRun) {
  auto run = [] {
    SessionOptions options;
    options.pause_at_step = 300;
    Session session(smallConfig(), options);
    StepStats stats, last;
    EXPECT_TRUE(waitFor([&] {
      while (session.pollStats(stats)) last = stats;
      return last.step == 300;
    }));
    return last;
  };
  const StepStats a = run(), b = run();
  EXPECT_EQ(a.d_loss, b.d_loss);
  EXPECT_EQ(a.g_loss, b.g_loss);
  EXPECT_EQ(a.d_fake_mean, b.d_fake_mean);
}

}  // namespace
}  // namespace ganscope
