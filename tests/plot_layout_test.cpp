// The plot kit's pure layout rules: easing by time, reference labels kept apart, the plane's
// data area fitted to its space, and plot views reset for a new run.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "app/plot/data_area.hpp"
#include "app/plot/ease.hpp"
#include "app/plot/label_placement.hpp"
#include "app/state/run_view.hpp"

namespace ganscope::plot {
namespace {

/// Where a view edge at 0 eases toward 1 after `seconds` drawn at `fps`.
double easedAfter(double seconds, int fps, double tau = 0.15) {
  double x = 0;
  const int frames = static_cast<int>(std::lround(seconds * fps));
  for (int i = 0; i < frames; ++i) x = easeToward(x, 1.0, 1.0 / fps, tau);
  return x;
}

TEST(PlotEaseTest, SettlesInTheSameWallTimeAtAnyFrameRate) {
  EXPECT_NEAR(easedAfter(1.0, 3), easedAfter(1.0, 60), 1e-9);
  EXPECT_NEAR(easedAfter(0.3, 10), easedAfter(0.3, 60), 1e-9);
  // After a second with a 0.15 s time constant the view is within 0.2% of its target.
  EXPECT_GT(easedAfter(1.0, 3), 0.998);
  // Control: the old per-frame ease (a quarter of the way per frame) depends on the frame rate.
  double per_frame_3 = 0, per_frame_60 = 0;
  for (int i = 0; i < 3; ++i) per_frame_3 += (1 - per_frame_3) * 0.25;
  for (int i = 0; i < 60; ++i) per_frame_60 += (1 - per_frame_60) * 0.25;
  EXPECT_GT(per_frame_60 - per_frame_3, 0.4);  // 0.58 after 3 frames, 1.00 after 60
}

TEST(PlotEaseTest, EdgeCases) {
  EXPECT_EQ(easeFraction(0.1, 0), 1.0);                   // no time constant: jump
  EXPECT_EQ(easeFraction(0, 0.15), 0.0);                  // no time passed: stay
  EXPECT_EQ(easeFraction(NAN, 0.15), 0.0);                // a bad clock: stay
  EXPECT_EQ(easeToward(INFINITY, 2.0, 0.01, 0.15), 2.0);  // a non-finite view jumps
  EXPECT_NEAR(easeFraction(0.15, 0.15), 1 - std::exp(-1.0), 1e-12);
}

/// True when no two of the labels (tops, heights) overlap.
bool apart(const std::vector<float>& tops, const std::vector<float>& heights) {
  for (size_t i = 0; i < tops.size(); ++i) {
    for (size_t j = i + 1; j < tops.size(); ++j) {
      if (tops[i] < tops[j] + heights[j] && tops[j] < tops[i] + heights[i]) return false;
    }
  }
  return true;
}

TEST(LabelPlacementTest, FarApartLabelsStayAtTheirLines) {
  const std::vector<float> wanted = {50, 200}, heights = {18, 18};
  const std::vector<float> tops = placeLabels(wanted, heights, 0, 300);
  EXPECT_FLOAT_EQ(tops[0], 41);
  EXPECT_FLOAT_EQ(tops[1], 191);
}

TEST(LabelPlacementTest, CloseLabelsArePushedApartAroundTheirLines) {
  // "D: 2 log 2" at 1.386 and "G: log 2" at 0.693 on a short plot: 6 px apart.
  const std::vector<float> wanted = {100, 106}, heights = {18, 18};
  const std::vector<float> tops = placeLabels(wanted, heights, 0, 300, 1);
  EXPECT_TRUE(apart(tops, heights));
  EXPECT_LT(tops[0], tops[1]);  // the order of the lines
  // Centred on the lines' mean: each moves as far as the other.
  EXPECT_NEAR((tops[0] + 9) + (tops[1] + 9), 206, 1e-4);
  // Control: at their wanted heights they would overlap.
  EXPECT_FALSE(apart({91, 97}, heights));
}

TEST(LabelPlacementTest, StaysInsideTheExtentAndKeepsInputOrder) {
  // Given out of order, three labels crowded at the bottom edge.
  const std::vector<float> wanted = {299, 290, 295}, heights = {18, 18, 18};
  const std::vector<float> tops = placeLabels(wanted, heights, 0, 300);
  EXPECT_TRUE(apart(tops, heights));
  for (size_t i = 0; i < tops.size(); ++i) {
    EXPECT_GE(tops[i], 0);
    EXPECT_LE(tops[i] + heights[i], 300.0f + 1e-4f);
  }
  EXPECT_LT(tops[1], tops[2]);  // 290 above 295 above 299
  EXPECT_LT(tops[2], tops[0]);
}

TEST(DataAreaTest, ThePlaneIsTheLargestSquareThatFits) {
  const Margins margins{60, 10, 15, 30};
  // A wide panel (1600x900 window): the height binds.
  Extent area = fitDataArea(770, 430, margins);
  EXPECT_FLOAT_EQ(area.width, 390);
  EXPECT_FLOAT_EQ(area.height, 390);
  // A tall one: the width binds; the canvas around it fits the space exactly.
  area = fitDataArea(300, 800, margins);
  EXPECT_FLOAT_EQ(area.width, 225);
  EXPECT_FLOAT_EQ(area.height, 225);
  EXPECT_FLOAT_EQ(canvasAround(area, margins).width, 300);
  // A view twice as wide as tall gets a data area of that shape (square cells, no bands).
  area = fitDataArea(770, 430, margins, 2.0);
  EXPECT_FLOAT_EQ(area.width, 695);
  EXPECT_FLOAT_EQ(area.height, 347.5f);
  // No room: the minimum side.
  area = fitDataArea(50, 50, margins, 1.0, 40);
  EXPECT_FLOAT_EQ(area.width, 40);
}

}  // namespace
}  // namespace ganscope::plot

namespace ganscope {
namespace {

TEST(PlotViewsTest, ANewRunForgetsZoomAndFitsAfresh) {
  PlotViews views;
  followRun(views, 1);
  views.losses = {0, 100, -1, 8e26, false, true};  // zoomed, and fitted to a blow-up
  views.plane.auto_fit = false;
  EXPECT_FALSE(followRun(views, 1));  // the same run: kept
  EXPECT_EQ(views.losses.y1, 8e26);
  EXPECT_TRUE(followRun(views, 2));  // a reset or a new preset
  EXPECT_FALSE(views.losses.initialised);
  EXPECT_TRUE(views.losses.auto_fit);
  EXPECT_TRUE(views.plane.auto_fit);
  EXPECT_EQ(views.generation, 2u);
}

}  // namespace
}  // namespace ganscope
