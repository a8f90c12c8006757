// FakeTrails: a ring of the last positions per fake, restarted by a new run or a step back.
#include <gtest/gtest.h>

#include <memory>

#include "app/state/fake_trails.hpp"

namespace ganscope {
namespace {

/// A plane frame at `step` whose fake i sits at (step, i).
std::unique_ptr<PlaneFrame> frameAt(int64_t step, uint32_t generation = 0) {
  auto s = std::make_unique<PlaneFrame>();
  s->header.step = step;
  s->header.generation = generation;
  for (int i = 0; i < kShownPoints; ++i) {
    s->fake_xy[2 * i] = static_cast<float>(step);
    s->fake_xy[2 * i + 1] = static_cast<float>(i);
  }
  return s;
}

TEST(FakeTrailsTest, KeepsTheLastPositionsNewestFirst) {
  FakeTrails trails;
  for (int64_t step = 1; step <= 10; ++step) trails.push(*frameAt(step));
  ASSERT_EQ(trails.size(), FakeTrails::kLength);
  for (int age = 0; age < FakeTrails::kLength; ++age) {
    EXPECT_EQ(trails.at(age, 7)[0], 10 - age);
    EXPECT_EQ(trails.at(age, 7)[1], 7);
  }
}

TEST(FakeTrailsTest, ARepeatedStepIsNotANewPosition) {
  FakeTrails trails;
  trails.push(*frameAt(5));
  trails.push(*frameAt(5));
  EXPECT_EQ(trails.size(), 1);
}

TEST(FakeTrailsTest, ANewRunOrAStepBackStartsAfresh) {
  FakeTrails trails;
  for (int64_t step = 1; step <= 4; ++step) trails.push(*frameAt(step));
  trails.push(*frameAt(9, 1));
  EXPECT_EQ(trails.size(), 1);
  EXPECT_EQ(trails.at(0, 0)[0], 9);
  trails.push(*frameAt(10, 1));
  trails.push(*frameAt(3, 1));
  EXPECT_EQ(trails.size(), 1);
  EXPECT_EQ(trails.at(0, 0)[0], 3);
}

}  // namespace
}  // namespace ganscope
