// Tests for min/max decimation: exact per-column extremes on a million points, NaN skipping,
// exact points when zoomed in, edge points and empty ranges.
#include "app/plot/decimate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace ganscope::plot {
namespace {

constexpr float kNan = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();

// A brute-force decimation of the points inside [x0, x1] into `columns` columns, using the column
// rule from the header; only the columns holding a finite point are returned.
std::vector<Column> bruteForce(const std::vector<double>& xs, const std::vector<float>& ys,
                               double x0, double x1, int columns) {
  std::vector<Column> all(columns);
  std::vector<bool> used(columns, false);
  const double scale = columns / (x1 - x0);
  const double width = (x1 - x0) / columns;
  for (size_t i = 0; i < xs.size(); ++i) {
    if (xs[i] < x0 || xs[i] > x1 || !std::isfinite(ys[i])) continue;
    const int c = std::min(columns - 1, static_cast<int>((xs[i] - x0) * scale));
    Column& column = all[c];
    if (!used[c]) {
      used[c] = true;
      column = {x0 + (c + 0.5) * width, ys[i], ys[i], ys[i], ys[i]};
    }
    column.min = std::min(column.min, ys[i]);
    column.max = std::max(column.max, ys[i]);
    column.last = ys[i];
  }
  std::vector<Column> out;
  for (int c = 0; c < columns; ++c) {
    if (used[c]) out.push_back(all[c]);
  }
  return out;
}

// A random walk of `n` points at uneven ascending x, with rare large spikes.
void makeSeries(size_t n, std::vector<double>& xs, std::vector<float>& ys) {
  std::mt19937 rng(1234);
  std::uniform_real_distribution<double> gap(0.5e-3, 1.5e-3);
  std::normal_distribution<float> noise(0.0f, 0.01f);
  std::bernoulli_distribution spike(1e-4);
  xs.resize(n);
  ys.resize(n);
  double x = 0;
  float walk = 1.0f;
  for (size_t i = 0; i < n; ++i) {
    x += gap(rng);
    walk += noise(rng);
    xs[i] = x;
    ys[i] = spike(rng) ? walk + (i % 2 ? 50.0f : -50.0f) : walk + noise(rng);
  }
}

void expectSameColumn(const Column& actual, const Column& expected) {
  EXPECT_DOUBLE_EQ(actual.x, expected.x);
  EXPECT_EQ(actual.min, expected.min);
  EXPECT_EQ(actual.max, expected.max);
  EXPECT_EQ(actual.first, expected.first);
  EXPECT_EQ(actual.last, expected.last);
}

TEST(PlotDecimateTest, MillionPointsMatchBruteForceMinMax) {
  std::vector<double> xs;
  std::vector<float> ys;
  makeSeries(1'000'000, xs, ys);
  const double x0 = 100.3, x1 = 900.7;
  const int columns = 800;
  const std::vector<Column> result = decimateMinMax(xs, ys, x0, x1, columns);
  const std::vector<Column> expected = bruteForce(xs, ys, x0, x1, columns);
  ASSERT_LE(result.size(), static_cast<size_t>(columns) + 2);
  ASSERT_EQ(expected.size(), static_cast<size_t>(columns));  // every column holds points
  ASSERT_EQ(result.size(), expected.size() + 2);

  // The points just outside each end come first and last.
  const size_t before = std::lower_bound(xs.begin(), xs.end(), x0) - xs.begin() - 1;
  const size_t after = std::upper_bound(xs.begin(), xs.end(), x1) - xs.begin();
  EXPECT_EQ(result.front().x, xs[before]);
  EXPECT_EQ(result.front().min, ys[before]);
  EXPECT_EQ(result.back().x, xs[after]);
  EXPECT_EQ(result.back().max, ys[after]);

  float spike_max = -kInf;
  for (size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(i);
    expectSameColumn(result[i + 1], expected[i]);
    spike_max = std::max(spike_max, result[i + 1].max);
  }
  EXPECT_GT(spike_max, 40.0f);  // the spikes survive decimation
}

TEST(PlotDecimateTest, ReusedVectorKeepsItsStorage) {
  std::vector<double> xs;
  std::vector<float> ys;
  makeSeries(200'000, xs, ys);
  std::vector<Column> out;
  decimateMinMax(xs, ys, 10.0, 190.0, 800, out);
  const Column* storage = out.data();
  const size_t capacity = out.capacity();
  for (int frame = 0; frame < 20; ++frame) {
    decimateMinMax(xs, ys, 10.0 + frame, 190.0 - frame, 800, out);
    EXPECT_EQ(out.data(), storage);
    EXPECT_EQ(out.capacity(), capacity);
    EXPECT_LE(out.size(), 802u);
  }
  EXPECT_EQ(out.size(), decimateMinMax(xs, ys, 29.0, 171.0, 800).size());
}

TEST(PlotDecimateTest, NanAndInfSpikesAreSkipped) {
  const int n = 10'000;
  std::vector<double> xs(n);
  std::vector<float> ys(n);
  for (int i = 0; i < n; ++i) {
    xs[i] = i;
    ys[i] = std::sin(i * 0.01f);
  }
  ys[5000] = kNan;
  ys[7001] = kInf;
  ys[7002] = -kInf;
  const std::vector<Column> result = decimateMinMax(xs, ys, 0, n - 1, 100);
  ASSERT_EQ(result.size(), 100u);
  const std::vector<Column> expected = bruteForce(xs, ys, 0, n - 1, 100);
  ASSERT_EQ(expected.size(), 100u);
  for (size_t i = 0; i < result.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_TRUE(std::isfinite(result[i].min) && std::isfinite(result[i].max));
    EXPECT_TRUE(std::isfinite(result[i].first) && std::isfinite(result[i].last));
    expectSameColumn(result[i], expected[i]);
  }
}

TEST(PlotDecimateTest, ColumnsWithOnlyNanAreOmitted) {
  const int n = 1000;
  std::vector<double> xs(n);
  std::vector<float> ys(n, 1.0f);
  for (int i = 0; i < n; ++i) xs[i] = i;
  std::fill(ys.begin() + 200, ys.begin() + 400, kNan);  // columns 2 and 3 of 10
  const std::vector<Column> result = decimateMinMax(xs, ys, 0, n, 10);
  ASSERT_EQ(result.size(), 8u);
  for (const Column& column : result) EXPECT_TRUE(column.x < 200 || column.x > 400);
}

TEST(PlotDecimateTest, ZoomedInReturnsThePointsExactly) {
  std::vector<double> xs(100);
  std::vector<float> ys(100);
  for (int i = 0; i < 100; ++i) {
    xs[i] = i * 0.5;
    ys[i] = static_cast<float>(i * i) * 0.125f - 3.0f;
  }
  ys[25] = kNan;
  // Points 11..40 are visible; 10 and 41 are the edge points; 25 is NaN.
  const std::vector<Column> result = decimateMinMax(xs, ys, 5.2, 20.4, 800);
  ASSERT_EQ(result.size(), 31u);
  size_t k = 0;
  for (int i = 10; i <= 41; ++i) {
    if (i == 25) continue;
    SCOPED_TRACE(i);
    ASSERT_LT(k, result.size());
    EXPECT_EQ(result[k].x, xs[i]);
    EXPECT_EQ(result[k].min, ys[i]);
    EXPECT_EQ(result[k].max, ys[i]);
    EXPECT_EQ(result[k].first, ys[i]);
    EXPECT_EQ(result[k].last, ys[i]);
    ++k;
  }
}

TEST(PlotDecimateTest, DecimatesFromTwicePointsPerColumn) {
  const int columns = 100;
  std::vector<double> xs(2 * columns);
  std::vector<float> ys(2 * columns);
  for (int i = 0; i < 2 * columns; ++i) {
    xs[i] = i;
    ys[i] = static_cast<float>(i % 7);
  }
  // 199 visible points: still drawn exactly, one Column each, plus the edge point after.
  std::vector<Column> result = decimateMinMax(xs, ys, 0, 198, columns);
  ASSERT_EQ(result.size(), 200u);
  for (int i = 0; i < 200; ++i) EXPECT_EQ(result[i].x, xs[i]);
  // 200 visible points: two per column.
  result = decimateMinMax(xs, ys, 0, 199, columns);
  ASSERT_EQ(result.size(), static_cast<size_t>(columns));
  EXPECT_EQ(result[0].first, 0);
  EXPECT_EQ(result[0].last, 1);
}

TEST(PlotDecimateTest, EdgePointsOnlyWhereTheyExist) {
  std::vector<double> xs = {0, 1, 2, 3, 4};
  std::vector<float> ys = {10, 11, 12, 13, 14};
  // Range covering the start of the data: no point before it, one after.
  std::vector<Column> result = decimateMinMax(xs, ys, -5, 2.5, 100);
  ASSERT_EQ(result.size(), 4u);
  EXPECT_EQ(result.front().x, 0);
  EXPECT_EQ(result.back().x, 3);
  // A range between two samples still gets both neighbours, so the segment is drawn.
  result = decimateMinMax(xs, ys, 1.2, 1.8, 100);
  ASSERT_EQ(result.size(), 2u);
  EXPECT_EQ(result[0].x, 1);
  EXPECT_EQ(result[0].min, 11);
  EXPECT_EQ(result[1].x, 2);
  EXPECT_EQ(result[1].max, 12);
}

TEST(PlotDecimateTest, EmptyRangeOrSeriesGivesNothing) {
  const std::vector<double> xs = {0, 1, 2, 3};
  const std::vector<float> ys = {1, 2, 3, 4};
  EXPECT_TRUE(decimateMinMax(xs, ys, 2, 2, 100).empty());
  EXPECT_TRUE(decimateMinMax(xs, ys, 3, 1, 100).empty());
  EXPECT_TRUE(decimateMinMax(xs, ys, 0, 3, 0).empty());
  EXPECT_TRUE(decimateMinMax(xs, ys, 0, std::numeric_limits<double>::infinity(), 100).empty());
  EXPECT_TRUE(decimateMinMax({}, {}, 0, 3, 100).empty());
  std::vector<Column> out = {{1, 2, 3, 4, 5}};
  decimateMinMax(xs, ys, 5, 4, 100, out);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace ganscope::plot
