// MetricStore and CaptureStrip: history per generation, rates, planned captures.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "app/state/capture_strip.hpp"
#include "app/state/metric_store.hpp"

namespace ganscope {
namespace {

StepStats stats(int64_t step, float seconds, uint32_t generation = 0) {
  StepStats s;
  s.step = step;
  s.seconds = seconds;
  s.generation = generation;
  s.d_loss = static_cast<float>(step);
  return s;
}

TEST(MetricStoreTest, StepsPerSecondOverTheLastSecond) {
  MetricStore store;
  for (int i = 1; i <= 3000; ++i) store.append(stats(i, i / 1000.0f));  // 1000 steps/s
  EXPECT_NEAR(store.stepsPerSecond(), 1000.0, 5.0);
  EXPECT_NEAR(store.recentMean(Series::DLoss, 3), 2999.0, 1e-9);
}

TEST(MetricStoreTest, SecondsAtAStepAreThoseOfTheNewestStepNotAfterIt) {
  MetricStore store(64);
  EXPECT_TRUE(std::isnan(store.secondsAt(5)));
  for (int i = 1; i <= 1000; ++i) store.append(stats(i, i / 100.0f));  // thinned to a stride
  EXPECT_TRUE(std::isnan(store.secondsAt(0.5)));                       // before the first step
  EXPECT_FLOAT_EQ(store.secondsAt(1000), 10.0f);
  const double at = store.secondsAt(500);
  EXPECT_LE(at, 5.0);
  EXPECT_GT(at, 5.0 - 0.32);  // at most a stride (1000 steps over 64 points: 16 or 32) early
}

TEST(MetricStoreTest, NewGenerationClearsHistory) {
  MetricStore store;
  store.append(stats(1, 0.1f));
  store.append(stats(2, 0.2f));
  store.append(stats(1, 0.1f, 1));
  EXPECT_EQ(store.steps().size(), 1u);
  Figure1Frame frame;
  frame.header.generation = 2;
  store.setFrame(frame);
  EXPECT_TRUE(store.empty());
  EXPECT_NE(store.frame<Figure1Frame>(), nullptr);
}

TEST(MetricStoreTest, ImageMetricsKeepOnePointPerEvaluation) {
  MetricStore store;
  ImageMetrics metrics;  // step -1: the classifier has not evaluated yet
  store.appendImageMetrics(metrics);
  EXPECT_TRUE(store.imageMetrics().steps.empty());
  metrics.step = 500;
  metrics.frechet = 40;
  metrics.frechet_floor = 2;
  for (int frame = 0; frame < 3; ++frame) store.appendImageMetrics(metrics);  // repeated
  metrics.step = 1000;
  metrics.frechet = 25;
  store.appendImageMetrics(metrics);
  const ImageMetricHistory& h = store.imageMetrics();
  EXPECT_EQ(h.steps, (std::vector<double>{500, 1000}));
  EXPECT_EQ(h.frechet, (std::vector<float>{40, 25}));
  EXPECT_EQ(h.floor, (std::vector<float>{2, 2}));
  store.append(stats(1, 0.1f, 1));  // a reset: the history goes with the run
  EXPECT_TRUE(store.imageMetrics().steps.empty());
}

TEST(MetricStoreTest, TelemetryFromBeforeAResetIsIgnored) {
  MetricStore store;
  store.append(stats(1, 0.1f, 3));
  Figure1Frame old;
  old.header.generation = 2;
  store.setFrame(old);  // still in flight when the reset happened
  store.append(stats(9, 0.9f, 2));
  EXPECT_EQ(store.steps().size(), 1u);
  EXPECT_EQ(store.last().generation, 3u);
  EXPECT_EQ(store.frame<Figure1Frame>(), nullptr);
}

TEST(MetricStoreTest, FullHistoryThinsAndKeepsTheLatestStats) {
  MetricStore store(100);
  for (int i = 1; i <= 1000; ++i) store.append(stats(i, i / 1000.0f));
  EXPECT_LE(store.steps().size(), 100u);
  EXPECT_GE(store.steps().size(), 50u);
  EXPECT_EQ(store.last().step, 1000);
  const auto steps = store.steps();
  EXPECT_TRUE(std::is_sorted(steps.begin(), steps.end()));
  EXPECT_GT(steps.back(), 900);  // the history still reaches the present
  EXPECT_NEAR(store.stepsPerSecond(), 1000.0, 20.0);
}

TEST(CaptureStripTest, CapturesOncePerPlannedStepAndRestartsOnReset) {
  CaptureStrip strip;
  const std::array<int64_t, 4> planned = {0, 100, 200, -1};
  Figure1Frame s;
  for (int64_t step : {0, 40, 90, 130, 150, 260, 900}) {
    s.header.step = step;
    strip.captureIfPlanned(s, planned);
  }
  ASSERT_EQ(strip.captures().size(), 3u);
  EXPECT_EQ(headerOf(strip.captures()[0]).step, 0);
  EXPECT_EQ(headerOf(strip.captures()[1]).step, 130);
  EXPECT_EQ(headerOf(strip.captures()[2]).step, 260);
  s.header.generation = 1;
  s.header.step = 5;
  strip.captureIfPlanned(s, planned);
  ASSERT_EQ(strip.captures().size(), 1u);
  EXPECT_EQ(headerOf(strip.captures()[0]).step, 5);
}

TEST(CaptureStripTest, KeepsTheNewestFour) {
  CaptureStrip strip;
  Figure1Frame s;
  for (int i = 0; i < 6; ++i) {
    s.header.step = i;
    strip.capture(s);
  }
  ASSERT_EQ(strip.captures().size(), 4u);
  EXPECT_EQ(headerOf(strip.captures().front()).step, 2);
}

}  // namespace
}  // namespace ganscope
