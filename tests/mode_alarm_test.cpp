// The modes panel's verdict: none before the warm-up (step 0 included), collapse exactly when
// the headline's count of covered modes is at most half, concentration on one mode otherwise.
#include <gtest/gtest.h>

#include <vector>

#include "app/state/mode_alarm.hpp"

namespace ganscope {
namespace {

TEST(ModeAlarmTest, NoVerdictBeforeTheWarmUp) {
  const std::vector<float> one_mode = {1, 0, 0, 0, 0, 0, 0, 0};
  EXPECT_EQ(modeAlarm(0, 1, 8, one_mode), ModeAlarm::WarmingUp);
  EXPECT_EQ(modeAlarm(kModeAlarmWarmupSteps - 1, 1, 8, one_mode), ModeAlarm::WarmingUp);
  EXPECT_EQ(modeAlarm(kModeAlarmWarmupSteps, 1, 8, one_mode), ModeAlarm::Collapse);
}

TEST(ModeAlarmTest, CollapseFollowsTheHeadlineCount) {
  const std::vector<float> even(25, 1.0f / 25);
  // The case: "covered 21/25" over "covers only 0 of 25" cannot happen, since both read
  // one count: 12 of 25 covered is collapse, 13 is not.
  EXPECT_EQ(modeAlarm(1000, 12, 25, even), ModeAlarm::Collapse);
  EXPECT_EQ(modeAlarm(1000, 13, 25, even), ModeAlarm::None);
  EXPECT_EQ(modeAlarm(1000, 25, 25, even), ModeAlarm::None);
}

TEST(ModeAlarmTest, ConcentrationOnOneModeWhileMostAreCovered) {
  std::vector<float> share(8, 0.5f / 7);
  share[3] = 0.5f;  // 4x the fair 1/8
  EXPECT_EQ(modeAlarm(1000, 8, 8, share), ModeAlarm::Concentrated);
  share.assign(8, 1.0f / 8);  // the control: even shares
  EXPECT_EQ(modeAlarm(1000, 8, 8, share), ModeAlarm::None);
}

}  // namespace
}  // namespace ganscope
