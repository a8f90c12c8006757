// The Session's latent directions: sets arrive while paused and while running (matched to the
// one before), none once switched off, and bad settings are refused. Its own process: a Session
// sets the process's thread counts, which the core suite's bit-level comparisons depend on.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "common/config_error.hpp"
#include "core/api/session.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

TEST(LatentDirectionsSessionTest, SetsArriveWhilePausedAndRunningAndBadSettingsAreRefused) {
  SessionOptions options;
  options.start_paused = true;
  Session session(test::smallImageConfig(), options);
  EXPECT_THROW(session.send(SetLatentDirections{kMaxDirections + 1, 10}), ConfigError);
  EXPECT_THROW(session.send(SetLatentDirections{-1, 10}), ConfigError);
  EXPECT_THROW(session.send(SetLatentDirections{4, 0}), ConfigError);
  ASSERT_TRUE(session.send(SetLatentDirections{4, 5}));
  const auto next = [&session] {
    LatentDirections set;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!session.pollDirections(set)) {
      if (std::chrono::steady_clock::now() > deadline) {
        ADD_FAILURE() << "no directions came";
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return set;
  };
  const LatentDirections paused = next();
  EXPECT_EQ(paused.step, 0);
  EXPECT_EQ(paused.count, 4);
  EXPECT_EQ(paused.computation, 0u);
  EXPECT_EQ(paused.samples, kDirectionSamples);
  ASSERT_TRUE(session.send(Resume{}));
  const LatentDirections running = next();
  EXPECT_GE(running.step, 5);
  EXPECT_EQ(running.computation, 1u);  // matched to the first
  EXPECT_EQ(running.basis, paused.basis);
  ASSERT_TRUE(session.send(SetLatentDirections{0, 5}));  // off
  ASSERT_TRUE(session.send(Pause{}));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  LatentDirections drained;
  while (session.pollDirections(drained)) {
  }
  const uint64_t computed = session.status().directions_computed;
  ASSERT_TRUE(session.send(Resume{}));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(session.status().directions_computed, computed);  // off: none more
  EXPECT_FALSE(session.pollDirections(drained));
}

}  // namespace
}  // namespace ganscope
