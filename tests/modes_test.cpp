// Mode coverage on constructed samples: exact counts by the published protocol.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/metrics/modes.hpp"

namespace ganscope {
namespace {

/// The 8 centres of a ring of radius 2.
std::vector<float> ringCentres() {
  std::vector<float> c;
  for (int i = 0; i < 8; ++i) {
    c.push_back(static_cast<float>(2 * std::cos(2 * M_PI * i / 8)));
    c.push_back(static_cast<float>(2 * std::sin(2 * M_PI * i / 8)));
  }
  return c;
}

TEST(ModesTest, AllSamplesOnOneMode) {
  const std::vector<float> centres = ringCentres();
  std::vector<float> xy;
  for (int i = 0; i < 100; ++i) xy.insert(xy.end(), {2.01f, 0.0f});
  const ModeCoverage c = evaluateModes(xy, centres, 0.02);
  EXPECT_EQ(c.modes_total, 8);
  EXPECT_EQ(c.modes_covered, 1);
  EXPECT_EQ(c.modes_covered_1pct, 1);
  EXPECT_DOUBLE_EQ(c.hq_fraction, 1.0);
  EXPECT_FLOAT_EQ(c.share[0], 1.0f);
  EXPECT_NEAR(c.kl_uniform, std::log(8.0), 1e-12);  // everything on one of 8 modes
}

TEST(ModesTest, EvenlyOnAllModes) {
  const std::vector<float> centres = ringCentres();
  std::vector<float> xy;
  for (int r = 0; r < 10; ++r) xy.insert(xy.end(), centres.begin(), centres.end());
  const ModeCoverage c = evaluateModes(xy, centres, 0.02);
  EXPECT_EQ(c.modes_covered, 8);
  EXPECT_EQ(c.modes_covered_1pct, 8);
  EXPECT_DOUBLE_EQ(c.hq_fraction, 1.0);
  EXPECT_NEAR(c.kl_uniform, 0.0, 1e-9);
}

TEST(ModesTest, OffModeSamplesAreLowQualityAndCoverNothing) {
  const std::vector<float> centres = ringCentres();
  // The origin and points 4 std off a mode: nearest to some mode, but beyond 3 std.
  const std::vector<float> xy = {0.0f, 0.0f, 2.08f, 0.0f, 2.0f, 0.061f};
  const ModeCoverage c = evaluateModes(xy, centres, 0.02);
  EXPECT_EQ(c.modes_covered, 0);
  EXPECT_DOUBLE_EQ(c.hq_fraction, 0.0);
  EXPECT_NEAR(c.kl_uniform, std::log(8.0), 1e-12);
}

TEST(ModesTest, OnePercentRuleIsStricter) {
  const std::vector<float> centres = ringCentres();
  std::vector<float> xy;
  for (int i = 0; i < 199; ++i) xy.insert(xy.end(), {2.0f, 0.0f});
  xy.insert(xy.end(), {-2.0f, 0.0f});  // one sample of 200 (0.5%) on the opposite mode
  const ModeCoverage c = evaluateModes(xy, centres, 0.02);
  EXPECT_EQ(c.modes_covered, 2);
  EXPECT_EQ(c.modes_covered_1pct, 1);
  EXPECT_NEAR(c.share[4], 1.0 / 200, 1e-6);
}

}  // namespace
}  // namespace ganscope
