// Tests for the plot axis ticks: 1-2-5 steps, exact zero, short labels, label pruning.
#include "app/plot/ticks.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

namespace ganscope::plot {
namespace {

std::vector<std::string> labels(const std::vector<Tick>& ticks) {
  std::vector<std::string> out;
  for (const Tick& tick : ticks) out.push_back(tick.label);
  return out;
}

TEST(PlotTicksTest, NiceStepIsOneTwoOrFiveTimesAPowerOfTen) {
  struct Case {
    double lo, hi, pixels;
  };
  const Case cases[] = {{0, 1, 800},          {-1, 1, 800},        {0, 7.3, 640},
                        {0.001, 0.0042, 300}, {-350, 12000, 900},  {3e7, 9e8, 1000},
                        {0, 1e-6, 500},       {-2.5, -2.4, 1920},  {0, 100, 123},
                        {0, 3, 2000},         {0, 4, 120},         {0, 0.45, 100},
                        {0, 8.5, 130},        {1e6, 1e6 + 10, 600}};
  for (const Case& c : cases) {
    const double step = niceStep(c.lo, c.hi, c.pixels);
    ASSERT_GT(step, 0) << c.lo << ".." << c.hi;
    const double power = std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    const double mantissa = step / power;
    const bool nice = std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 ||
                      std::abs(mantissa - 5) < 1e-9;
    EXPECT_TRUE(nice) << "step " << step << " for " << c.lo << ".." << c.hi;
    const double spacing_px = step / (c.hi - c.lo) * c.pixels;
    EXPECT_GE(spacing_px, 120.0 * 0.6) << c.lo << ".." << c.hi;
    EXPECT_LE(spacing_px, 120.0 * 1.6) << c.lo << ".." << c.hi;
  }
}

TEST(PlotTicksTest, NiceStepIsTheExactDecimalDouble) {
  EXPECT_EQ(niceStep(0, 1, 1200), 0.1);
  EXPECT_EQ(niceStep(0, 10, 600), 2.0);
  EXPECT_EQ(niceStep(0, 0.001, 1200), 0.0001);
  EXPECT_EQ(niceStep(0, 5, 120), 5.0);
  EXPECT_EQ(niceStep(0, 1, 1200, 60), 0.05);
  // Rounding to 1, 2, 5 is geometric: the 2|5 boundary is sqrt(10), the 5|10 one sqrt(50).
  EXPECT_EQ(niceStep(0, 3.1, 120), 2.0);
  EXPECT_EQ(niceStep(0, 3.2, 120), 5.0);
  EXPECT_EQ(niceStep(0, 7.0, 120), 5.0);
  EXPECT_EQ(niceStep(0, 7.2, 120), 10.0);
  EXPECT_EQ(niceStep(0, 1.4, 120), 1.0);
  EXPECT_EQ(niceStep(0, 1.5, 120), 2.0);
}

TEST(PlotTicksTest, InvalidRangesGiveNoStepAndNoTicks) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(niceStep(1, 1, 800), 0);
  EXPECT_EQ(niceStep(2, 1, 800), 0);
  EXPECT_EQ(niceStep(0, 1, 0), 0);
  EXPECT_EQ(niceStep(0, 1, -5), 0);
  EXPECT_EQ(niceStep(nan, 1, 800), 0);
  EXPECT_EQ(niceStep(0, inf, 800), 0);
  EXPECT_EQ(niceStep(0, 1, 800, 0), 0);
  EXPECT_TRUE(makeTicks(1, 1, 800).empty());
  EXPECT_TRUE(makeTicks(2, 1, 800).empty());
  EXPECT_TRUE(makeTicks(0, 1, 0).empty());
  EXPECT_TRUE(makeTicks(0, nan, 800).empty());
}

TEST(PlotTicksTest, SymmetricRangeHasAnExactZeroLabelledZero) {
  const std::vector<Tick> ticks = makeTicks(-1, 1, 800);
  ASSERT_FALSE(ticks.empty());
  int zeros = 0;
  for (const Tick& tick : ticks) {
    EXPECT_NE(tick.label, "-0");
    EXPECT_EQ(tick.label.find('e'), std::string::npos) << tick.label;
    if (tick.value == 0) {
      ++zeros;
      EXPECT_FALSE(std::signbit(tick.value));
      EXPECT_EQ(tick.label, "0");
    }
  }
  EXPECT_EQ(zeros, 1);
  EXPECT_EQ(ticks.front().label, "-1");
  EXPECT_EQ(ticks.back().label, "1");
}

TEST(PlotTicksTest, ZeroIsPositiveWhenTheRangeStartsJustBelowIt) {
  // lo / step is -0.5 here, whose ceil is -0.
  const std::vector<Tick> ticks = makeTicks(-0.05, 1.0, 1200);
  ASSERT_FALSE(ticks.empty());
  EXPECT_EQ(ticks.front().value, 0);
  EXPECT_FALSE(std::signbit(ticks.front().value));
  EXPECT_EQ(ticks.front().label, "0");
}

TEST(PlotTicksTest, StepOfOneTenthHasShortExactLabels) {
  const std::vector<Tick> ticks = makeTicks(0, 1, 1200);
  const std::vector<std::string> expected = {"0",   "0.1", "0.2", "0.3", "0.4", "0.5",
                                             "0.6", "0.7", "0.8", "0.9", "1"};
  EXPECT_EQ(labels(ticks), expected);
  ASSERT_EQ(ticks.size(), 11u);
  EXPECT_EQ(ticks[3].value, 0.3);  // not 3 * 0.1 == 0.30000000000000004
  EXPECT_EQ(ticks[7].value, 0.7);
}

TEST(PlotTicksTest, LabelsMatchTheStep) {
  EXPECT_EQ(labels(makeTicks(0, 10, 600)),
            (std::vector<std::string>{"0", "2", "4", "6", "8", "10"}));
  EXPECT_EQ(labels(makeTicks(0.7, 1.3, 1200)),
            (std::vector<std::string>{"0.7", "0.75", "0.8", "0.85", "0.9", "0.95", "1", "1.05",
                                      "1.1", "1.15", "1.2", "1.25", "1.3"}));
  EXPECT_EQ(labels(makeTicks(-3, 3, 300)), (std::vector<std::string>{"-2", "0", "2"}));
  const std::vector<Tick> small = makeTicks(0, 0.001, 1200);
  ASSERT_GE(small.size(), 2u);
  EXPECT_EQ(small[1].label, "0.0001");
  EXPECT_EQ(small.back().label, "0.001");
}

TEST(PlotTicksTest, ExtremeMagnitudesUseGeneralFormat) {
  EXPECT_EQ(labels(makeTicks(0, 5e6, 600)),
            (std::vector<std::string>{"0", "1e+06", "2e+06", "3e+06", "4e+06", "5e+06"}));
  EXPECT_EQ(labels(makeTicks(0, 5e-5, 600)),
            (std::vector<std::string>{"0", "1e-05", "2e-05", "3e-05", "4e-05", "5e-05"}));
  // A narrow window far from zero still tells neighbouring ticks apart.
  const std::vector<Tick> offset = makeTicks(1e6, 1e6 + 10, 600);
  ASSERT_GE(offset.size(), 2u);
  EXPECT_EQ(offset.front().label, "1000000");
  EXPECT_EQ(offset[1].label, "1000002");
  std::set<std::string> unique;
  for (const Tick& tick : offset) unique.insert(tick.label);
  EXPECT_EQ(unique.size(), offset.size());
}

TEST(PlotTicksTest, TicksAreInsideTheRangeAscendingAndMultiplesOfTheStep) {
  const double lo = -7.3, hi = 41.9;
  const double step = niceStep(lo, hi, 777);
  const std::vector<Tick> ticks = makeTicks(lo, hi, 777);
  ASSERT_GE(ticks.size(), 2u);
  for (size_t i = 0; i < ticks.size(); ++i) {
    EXPECT_GE(ticks[i].value, lo);
    EXPECT_LE(ticks[i].value, hi);
    const double multiple = ticks[i].value / step;
    EXPECT_NEAR(multiple, std::round(multiple), 1e-9);
    if (i > 0) {
      EXPECT_NEAR(ticks[i].value - ticks[i - 1].value, step, 1e-9);
    }
  }
  EXPECT_LT(ticks.front().value - step, lo);
  EXPECT_GT(ticks.back().value + step, hi);
}

TEST(PlotTicksTest, AtMostAThousandTicks) {
  const std::vector<Tick> ticks = makeTicks(0, 1, 1e9, 1);
  EXPECT_EQ(ticks.size(), 1000u);
  EXPECT_EQ(ticks.front().label, "0");
}

TEST(PlotTicksTest, PruningKeepsTheFirstAndDropsOverlaps) {
  const std::vector<float> centers = {0, 10, 50, 60, 120};
  const std::vector<float> widths = {40, 40, 40, 40, 40};
  EXPECT_EQ(pruneLabels(centers, widths), (std::vector<bool>{true, false, true, false, true}));
}

TEST(PlotTicksTest, PruningGapIsInclusiveAndConfigurable) {
  const std::vector<float> centers = {0, 46};
  const std::vector<float> widths = {40, 40};
  EXPECT_EQ(pruneLabels(centers, widths), (std::vector<bool>{true, true}));
  EXPECT_EQ(pruneLabels(centers, widths, 6.5f), (std::vector<bool>{true, false}));
}

TEST(PlotTicksTest, PruningMeasuresFromTheLastKeptLabel) {
  // The wide first label hides the next two; the fourth clears it.
  const std::vector<float> centers = {0, 30, 60, 200};
  const std::vector<float> widths = {300, 10, 10, 10};
  EXPECT_EQ(pruneLabels(centers, widths), (std::vector<bool>{true, false, false, true}));
  EXPECT_TRUE(pruneLabels({}, {}).empty());
  const std::vector<float> apart = {0, 100, 200};
  const std::vector<float> narrow = {20, 20, 20};
  EXPECT_EQ(pruneLabels(apart, narrow), (std::vector<bool>{true, true, true}));
}

}  // namespace
}  // namespace ganscope::plot
