// The pace and the responsiveness of a Session: the speed limit's rate, a frame for every slow
// step, the config's steps as a pause that Resume goes past, and Pause, Reset, opening a saved
// run and the Session's end acting within 100 ms on a config whose single update takes about a
// second.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <thread>

#include "core/api/session.hpp"
#include "core/config/presets.hpp"
#include "core/config/step_cost.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Drains `session`'s stats and frames; returns the frames taken.
int drain(Session& session) {
  StepStats stats;
  while (session.pollStats(stats)) {
  }
  int frames = 0;
  while (const Figure1Frame* frame = session.poll<Figure1Frame>()) {
    session.recycle(frame);
    ++frames;
  }
  return frames;
}

struct Pace {
  double steps_per_second = 0;
  int steps = 0, frames = 0;
};

/// figure1 at `limit` steps/s: steps and frames counted over 2 s after a 0.5 s start.
Pace measure(double limit) {
  SessionOptions options;
  options.steps_per_second = limit;
  Session session(presetConfig("figure1"), options);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  drain(session);
  const int64_t first = session.status().step;
  const auto start = Clock::now();
  Pace pace;
  while (secondsSince(start) < 2.0) {
    pace.frames += drain(session);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  pace.steps = static_cast<int>(session.status().step - first);
  pace.steps_per_second = pace.steps / secondsSince(start);
  return pace;
}

TEST(SessionPaceTest, TheSpeedLimitIsKept) {
  for (double limit : {10.0, 50.0}) {
    const Pace pace = measure(limit);
    std::cout << "limit " << limit << " steps/s: measured " << pace.steps_per_second << "\n";
    EXPECT_NEAR(pace.steps_per_second, limit, 0.2 * limit) << "limit " << limit;
  }
  // The control: unlimited, the same run goes far faster than either limit.
  EXPECT_GT(measure(0).steps_per_second, 250);
}

TEST(SessionPaceTest, AtASlowPaceEveryStepSendsItsFrame) {
  const Pace slow = measure(10);
  EXPECT_GE(slow.frames, slow.steps - 1);
  // The control: above the frame rate (30/s) frames come at their own cadence.
  const Pace fast = measure(200);
  EXPECT_LT(fast.frames, fast.steps * 0.5);
}

TEST(SessionPaceTest, CommandsActAtOnceWhileThePaceWaits) {
  SessionOptions options;
  options.steps_per_second = 1;
  Session session(presetConfig("figure1"), options);
  ASSERT_TRUE(test::waitFor([&] { return session.status().step >= 1; }, 5));
  const auto start = Clock::now();
  session.send(StepOnce{StepTarget::Both});  // paused, one step, now: not after the wait
  const int64_t before = session.status().step;
  ASSERT_TRUE(test::waitFor([&] { return session.status().step > before; }, 5));
  EXPECT_LT(secondsSince(start), 0.2);
  EXPECT_EQ(session.status().state, RunState::Paused);
}

TEST(SessionPaceTest, TheConfigStepsPauseTheRunAndResumeGoesPast) {
  TrainConfig config = presetConfig("figure1");
  config.steps = 20;
  SessionOptions options;
  options.pause_at_step = config.steps;
  options.pause_at_config_steps = true;
  Session session(config, options);
  auto pausedAt = [&](int64_t step) {
    return test::waitFor([&] {
      drain(session);
      const SessionStatus s = session.status();
      return s.state == RunState::Paused && s.step == step && s.at_pause_step;
    });
  };
  ASSERT_TRUE(pausedAt(20));
  session.send(Resume{});
  ASSERT_TRUE(test::waitFor([&] {
    drain(session);
    return session.status().step >= 60;
  }));
  EXPECT_EQ(session.status().state, RunState::Running);  // no second stop at 20
  EXPECT_FALSE(session.status().at_pause_step);
  // A Reset pauses at its own config's steps.
  config.steps = 30;
  session.send(Reset{config});
  ASSERT_TRUE(pausedAt(30));
  EXPECT_EQ(session.status().generation, 1u);
}

/// A valid config whose single D update takes about a second here and whose step has 100 of
/// them: the heavy configs of a classroom, scaled down so the test stays short.
TrainConfig heavyConfig() {
  TrainConfig config = presetConfig("ring-collapse");
  config.generator.hidden_layers = config.discriminator.hidden_layers = 6;
  config.generator.width = config.discriminator.width = 768;
  config.hyper.batch_size = 2048;
  config.hyper.d_steps = 100;
  return config;
}

TEST(SessionPaceTest, PauseResetAndTheEndActWithin100MsOnAHeavyConfig) {
  const TrainConfig heavy = heavyConfig();
  EXPECT_GT(estimatedStepSeconds(heavy), 20) << "not heavy enough to test anything";
  {
    Session session(heavy);  // running
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    ASSERT_EQ(session.status().step, 0) << "a step must take longer than this test waits";
    auto start = Clock::now();
    session.send(Pause{});
    EXPECT_EQ(session.status().state, RunState::Paused);
    EXPECT_LT(secondsSince(start), 0.1);
    // The Pause stopped the step between two updates: no step completes while paused.
    std::this_thread::sleep_for(std::chrono::milliseconds(2000));
    EXPECT_EQ(session.status().step, 0);

    // Running again, inside an update: a Reset to a light preset starts it at once.
    session.send(Resume{});
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    start = Clock::now();
    session.send(Reset{presetConfig("figure1")});
    ASSERT_TRUE(test::waitFor([&] { return session.status().generation == 1; }, 5));
    EXPECT_LT(secondsSince(start), 0.1);
    // ... and trains while the heavy update finishes in the background.
    EXPECT_TRUE(test::waitFor(
        [&] {
          drain(session);
          return session.status().step >= 100;
        },
        5));
  }
  {
    auto session = std::make_unique<Session>(heavy);
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    const auto start = Clock::now();
    session.reset();  // the end of the Session, inside an update
    EXPECT_LT(secondsSince(start), 0.1);
  }
  // The updates left behind end by themselves (and before this process does).
  EXPECT_TRUE(test::waitFor([] { return Session::backgroundUpdates() == 0; }, 60));
}

TEST(SessionPaceTest, SavingAHeavyRunWaitsForOneUpdateNotTheStep) {
  auto owned = std::make_unique<Session>(heavyConfig());  // running
  Session& session = *owned;
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  ASSERT_EQ(session.status().step, 0) << "a step must take longer than this test waits";
  const auto start = Clock::now();
  try {
    session.saveState();
    ADD_FAILURE() << "a half-done heavy step was saved";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("half done"), std::string::npos) << error.what();
  }
  // One update (about a second here), not the rest of the step's 100.
  EXPECT_LT(secondsSince(start), 5);
  session.send(Pause{});
  EXPECT_EQ(session.status().generation, 0u);  // the run is as it was
  owned.reset();
  EXPECT_TRUE(test::waitFor([] { return Session::backgroundUpdates() == 0; }, 60));
}

TEST(SessionPaceTest, OpeningASavedRunActsAtOnceOnAHeavyConfig) {
  std::string saved;
  {
    SessionOptions paused;
    paused.start_paused = true;
    Session light(presetConfig("figure1"), paused);
    light.send(StepOnce{});
    ASSERT_TRUE(test::waitFor([&] { return light.status().step == 1; }));
    saved = light.saveState();
  }
  Session session(heavyConfig());
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  ASSERT_EQ(session.status().step, 0) << "a step must take longer than this test waits";
  // Bad bytes are refused while the heavy update runs, and the run goes on untouched.
  EXPECT_THROW(session.loadState(saved.substr(0, saved.size() / 2)), std::runtime_error);
  EXPECT_EQ(session.status().generation, 0u);
  const auto start = Clock::now();
  session.loadState(saved);
  EXPECT_LT(secondsSince(start), 0.1);
  EXPECT_EQ(session.status().generation, 1u);
  EXPECT_GE(session.status().step, 1);  // the loaded run's step, and it runs on from there
  // The heavy update left behind ends by itself (and before this process does).
  EXPECT_TRUE(test::waitFor([] { return Session::backgroundUpdates() == 0; }, 60));
}

}  // namespace
}  // namespace ganscope
