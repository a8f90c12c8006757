// Session: commands apply between steps, step-once, pause, reset, determinism, and a UI that
// never drains the queues cannot slow or stop the trainer.
#include <gtest/gtest.h>

#include "core/presets.hpp"
#include "core/session.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

using test::waitFor;

TrainConfig smallConfig() {
  TrainConfig config = presetConfig("figure1");
  config.hyper.batch_size = 32;
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

TEST(SessionTest, PauseStopsSteppingAndResumeContinues) {
  Session session(smallConfig());
  ASSERT_TRUE(waitFor([&] { return session.status().step > 50; }));
  session.send(Pause{});
  ASSERT_TRUE(waitFor([&] { return session.status().state == RunState::Paused; }));
  const int64_t paused_at = session.status().step;
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(session.status().step, paused_at);
  session.send(Resume{});
  ASSERT_TRUE(waitFor([&] { return session.status().step > paused_at + 50; }));
}

TEST(SessionTest, HyperparamsApplyBeforeTheNextStep) {
  Session session(smallConfig(), pausedOptions());
  for (int i = 0; i < 5; ++i) session.send(StepOnce{});
  ASSERT_TRUE(waitFor([&] { return session.status().step == 5; }));
  EXPECT_EQ(session.status().state, RunState::Paused);
  // A learning rate of 100 with plain SGD blows the weights up on the very next steps.
  Hyperparams wild = session.config().hyper;
  wild.d_opt = {OptimizerKind::Sgd, 100.0f, 0.9f, 0.5f, 0.999f};
  wild.g_opt = wild.d_opt;
  ASSERT_TRUE(session.send(SetHyperparams{wild}));
  for (int i = 0; i < 64; ++i) session.send(StepOnce{});
  ASSERT_TRUE(waitFor([&] { return session.status().state == RunState::Diverged; }));
  EXPECT_GT(session.status().diverged_at, 5);
  EXPECT_EQ(session.config().hyper.d_opt.lr, 100.0f);
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
  EXPECT_LT(stats.step, 1000);
  EXPECT_EQ(session.config().generator.width, 8);
}

TEST(SessionTest, UndrainedQueuesDropAndCountWithoutBlockingTheTrainer) {
  SessionOptions options;
  options.stats_capacity = 64;
  options.snapshot_hz = 1000;
  Session session(smallConfig(), options);
  // Nobody polls: the trainer must keep stepping and count what it could not deliver.
  ASSERT_TRUE(waitFor([&] { return session.status().step > 3000; }, 60));
  session.send(Pause{});
  ASSERT_TRUE(waitFor([&] { return session.status().state == RunState::Paused; }));
  const SessionStatus status = session.status();
  EXPECT_GT(status.dropped_snapshots, 0u);
  // What did fit is the oldest steps, in order; every other step was counted as dropped.
  StepStats stats;
  int64_t delivered = 0;
  while (session.pollStats(stats)) EXPECT_EQ(stats.step, ++delivered);
  EXPECT_LE(delivered, 256);
  EXPECT_EQ(static_cast<int64_t>(status.dropped_stats) + delivered, status.step);
}

TEST(SessionTest, SnapshotsArriveAndRecycle) {
  Session session(smallConfig());
  int received = 0;
  ASSERT_TRUE(waitFor([&] {
    if (const Snapshot* s = session.pollSnapshot()) {
      EXPECT_LT(s->x_min, s->x_max);
      session.recycle(s);
      ++received;
    }
    return received >= 10;  // more than the pool holds: buffers come back
  }));
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
