// ArrowScale: the 90th percentile of the push lengths gets the full arrow; longer pushes are
// capped, non-finite ones skipped.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <limits>

#include "app/scenes/arrow_scale.hpp"

namespace ganscope {
namespace {

using Pushes = std::array<float, 2 * kShownPoints>;

/// Push i points along x with length i + 1 (1 .. 512).
Pushes rampAlongX() {
  Pushes push{};
  for (int i = 0; i < kShownPoints; ++i) push[2 * i] = static_cast<float>(i + 1);
  return push;
}

TEST(ArrowScaleTest, TheNinetiethPercentileGetsTheFullLength) {
  const ArrowScale scale = arrowScale(rampAlongX(), 0.5f);
  // Lengths 1..512: the element at index (511 * 9) / 10 = 459 of the sorted lengths is 460.
  EXPECT_FLOAT_EQ(scale.reference, 460.0f);
  EXPECT_FLOAT_EQ(scale.arrow(460, 0).first, 0.5f);
  EXPECT_FLOAT_EQ(scale.arrow(230, 0).first, 0.25f);
}

TEST(ArrowScaleTest, LongPushesAreCappedAndKeepTheirDirection) {
  const ArrowScale scale = arrowScale(rampAlongX(), 1.0f);
  const auto [dx, dy] = scale.arrow(-3000, 4000);
  EXPECT_NEAR(std::hypot(dx, dy), 1.0f, 1e-6);
  EXPECT_NEAR(dx, -0.6f, 1e-6);
  EXPECT_NEAR(dy, 0.8f, 1e-6);
}

TEST(ArrowScaleTest, OneHugeOutlierDoesNotShrinkTheRest) {
  Pushes push = rampAlongX();
  push[0] = 1e9f;
  EXPECT_LT(arrowScale(push, 1.0f).reference, 1000.0f);
}

TEST(ArrowScaleTest, NonFinitePushesAreSkipped) {
  Pushes push{};
  push[0] = std::numeric_limits<float>::quiet_NaN();
  push[3] = std::numeric_limits<float>::infinity();
  push[4] = 2.0f;
  const ArrowScale scale = arrowScale(push, 1.0f);
  EXPECT_FLOAT_EQ(scale.reference, 2.0f);  // mostly zeros: the largest push sets the scale
  EXPECT_EQ(scale.arrow(std::numeric_limits<float>::quiet_NaN(), 1).first, 0.0f);
}

TEST(ArrowScaleTest, NoPushMeansNoArrows) {
  const ArrowScale scale = arrowScale(Pushes{}, 1.0f);
  EXPECT_EQ(scale.reference, 0.0f);
  const auto [dx, dy] = scale.arrow(1, 1);
  EXPECT_EQ(dx, 0.0f);
  EXPECT_EQ(dy, 0.0f);
}

}  // namespace
}  // namespace ganscope
