// DrawnPoints: brush dabs land inside the brush, strokes are even, the total is capped, and the
// file is a config fragment the core's reader loads (bad files name the field).
#include <gtest/gtest.h>

#include <cmath>

#include "app/state/drawn_points.hpp"
#include "core/api/config.hpp"
#include "test_util.hpp"

namespace ganscope {
namespace {

TEST(DrawnPointsTest, ADabAddsAFewPointsInsideTheBrush) {
  DrawnPoints drawn;
  drawn.beginStroke(1.0, -2.0, 0.3);
  ASSERT_EQ(drawn.size(), static_cast<size_t>(DrawnPoints::kPointsPerDab));
  const auto p = drawn.points();
  for (size_t i = 0; i < drawn.size(); ++i) {
    EXPECT_LE(std::hypot(p[2 * i] - 1.0, p[2 * i + 1] + 2.0), 0.3 + 1e-6);
  }
}

TEST(DrawnPointsTest, AStrokeDabsEveryHalfRadius) {
  DrawnPoints drawn;
  drawn.beginStroke(0, 0, 0.2);
  drawn.continueStroke(0.05, 0, 0.2);  // not yet half a radius away
  EXPECT_EQ(drawn.size(), static_cast<size_t>(DrawnPoints::kPointsPerDab));
  drawn.continueStroke(0.1, 0, 0.2);
  EXPECT_EQ(drawn.size(), static_cast<size_t>(2 * DrawnPoints::kPointsPerDab));
  // A fast mouse (or a slow frame) jumps 1.05: dabs at 0.2, 0.3, ..., 1.1 fill the gap.
  drawn.continueStroke(1.15, 0, 0.2);
  EXPECT_EQ(drawn.size(), static_cast<size_t>(12 * DrawnPoints::kPointsPerDab));
  const auto p = drawn.points();
  EXPECT_NEAR(p[p.size() - 2], 1.1, 0.2 + 1e-6);
}

TEST(DrawnPointsTest, StopsAtTheConfigsLimit) {
  DrawnPoints drawn;
  for (int i = 0; i < 3000; ++i) drawn.beginStroke(i * 0.01, 0, 0.1);
  EXPECT_EQ(drawn.size(), DrawnPoints::kMaxPoints);
  EXPECT_TRUE(drawn.full());
  drawn.clear();
  EXPECT_EQ(drawn.size(), 0u);
}

TEST(DrawnPointsTest, SavedFileIsAConfigTheCoreLoads) {
  const auto dir = test::tempDir("drawn");
  DrawnPoints drawn;
  drawn.beginStroke(0.5, 0.5, 0.1);
  drawn.continueStroke(1.5, 0.5, 0.1);
  const std::string path = (dir / "points.json").string();
  drawn.save(path, 0.07f);
  const TrainConfig config = loadConfigFile(path);
  EXPECT_EQ(config.data.kind, DataKind::Points);
  EXPECT_FLOAT_EQ(config.data.std, 0.07f);
  ASSERT_EQ(config.data.points.size(), drawn.points().size());
  for (size_t i = 0; i < config.data.points.size(); ++i) {
    EXPECT_NEAR(config.data.points[i], drawn.points()[i], 1e-4);
  }
  DrawnPoints back;
  EXPECT_FLOAT_EQ(back.load(path), 0.07f);
  EXPECT_EQ(back.size(), drawn.size());
}

TEST(DrawnPointsTest, BadFilesNameTheField) {
  const auto dir = test::tempDir("drawn-bad");
  auto fieldOf = [&](const char* text) {
    const auto path = dir / "points.json";
    std::ofstream(path) << text;
    DrawnPoints drawn;
    try {
      drawn.load(path.string());
    } catch (const ConfigError& error) {
      return error.field();
    }
    return std::string("accepted");
  };
  EXPECT_EQ(fieldOf(R"({"data": {"kind": "points", "points": [[1, 2], [3]]}})"), "data.points");
  EXPECT_EQ(fieldOf(R"({"data": {"kind": "points", "points": []}})"), "data.points");
  EXPECT_EQ(fieldOf(R"({"data": {"kind": "ring"}})"), "data.kind");
  EXPECT_EQ(fieldOf(R"({"data": {"kind": "points", "points": [[0, 0]], "std": -1}})"), "data.std");
  DrawnPoints drawn;
  EXPECT_THROW(drawn.load((dir / "missing.json").string()), ConfigError);
}

}  // namespace
}  // namespace ganscope
